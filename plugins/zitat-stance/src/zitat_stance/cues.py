"""Cue occurrences in a token stretch: polarity words, phrases, split particle verbs, negation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zitat.schema import Polarity

from .lexicon import CueLexicon
from .tokens import FUNCTION_WORDS, Tok

__all__ = ["Cue", "find_cues", "negated_tokens"]

# Words a negator reaches over on its way to what it negates ("nicht weiter aufrüsten",
# "nicht für realistisch halten", "nicht die Absicht").
_TRANSPARENT = FUNCTION_WORDS | frozenset(
    [
        "weiter",
        "mehr",
        "länger",
        "so",
        "ganz",
        "sehr",
        "wirklich",
        "auch",
        "etwa",
        "gerade",
        "unbedingt",
        "mal",
    ]
)

_PARTICLES = frozenset(
    [
        "ab",
        "an",
        "auf",
        "aus",
        "bei",
        "ein",
        "fest",
        "fort",
        "her",
        "hin",
        "hinzu",
        "mit",
        "nach",
        "vor",
        "weg",
        "weiter",
        "zu",
        "zurück",
        "zusammen",
    ]
)


@dataclass(frozen=True)
class Cue:
    """A cue at token indices ``tokens`` with its polarity; ``verb`` if it is a finite verb."""

    tokens: tuple[int, ...]
    polarity: Polarity
    verb: bool = False

    @property
    def first(self) -> int:
        return min(self.tokens)

    @property
    def last(self) -> int:
        return max(self.tokens)


def _looks_verb(tok: Tok) -> bool:
    return tok.text[0].islower() and tok.lemma.endswith("n")


def _word_polarity(tok: Tok, lexicon: CueLexicon, extra: dict[str, Polarity]) -> Polarity | None:
    for form in tok.forms:
        found = extra.get(form) or lexicon.polarity(form)
        if found is not None:
            return found
    return None


# Pronominal adverbs stand for their preposition: "beruft sich darauf, dass ..." = "auf".
_PRONOMINAL = {
    "darauf": "auf",
    "dafür": "für",
    "dagegen": "gegen",
    "davor": "vor",
    "darum": "um",
    "daran": "an",
    "davon": "von",
    "damit": "mit",
    "dazu": "zu",
}
_PHRASE_REACH = 8


def _verb_phrase(
    tokens: Sequence[Tok], i: int, inside: set[int], lexicon: CueLexicon
) -> Cue | None:
    """A verb with the preposition it governs ("setzt die Ministerin auf ...", "beruft sich
    darauf, dass ...", "..., dass sie auf Dialog setze"): the nearest such preposition within
    a few tokens of the same clause, before or after the verb."""
    tok = tokens[i]
    preps = lexicon.verb_phrases.get(tok.lemma)
    if not preps or not tok.text[0].islower():
        return None
    near = sorted(
        (j for j in range(i - _PHRASE_REACH, i + _PHRASE_REACH + 1) if j in inside and j != i),
        key=lambda j: abs(j - i),
    )
    for j in near:
        other = tokens[j]
        if other.clause != tok.clause:
            continue
        prep = _PRONOMINAL.get(other.lower, other.lower)
        if prep in preps:
            return Cue(tuple(sorted((i, j))), preps[prep], verb=True)
    return None


def _manner_adverb(tokens: Sequence[Tok], i: int, inside: set[int], lexicon: CueLexicon) -> bool:
    """True if a manner adverb ("gut", "schlecht") modifies the participle right after it
    ("gut vorbereitet", "schlecht geplant"): it rates how something is done, not the target."""
    tok, j = tokens[i], i + 1
    if tok.lower not in lexicon.manner or j not in inside:
        return False
    nxt = tokens[j]
    return (
        nxt.is_word
        and nxt.text[0].islower()
        and nxt.lower != nxt.lemma
        and nxt.lemma.endswith("en")
        and nxt.lower.endswith(("t", "en"))
        and nxt.lower not in lexicon.auxiliaries
    )


def find_cues(
    tokens: Sequence[Tok],
    scope: Sequence[int],
    lexicon: CueLexicon,
    extra: dict[str, Polarity] | None = None,
) -> list[Cue]:
    """Cues among the token indices ``scope``: phrases first, then words and particle verbs."""
    extra = extra or {}
    inside = set(scope)
    used: set[int] = set()
    cues: list[Cue] = []
    for i in scope:
        for words, phrase_polarity in lexicon.phrases:
            span = tuple(range(i, i + len(words)))
            if all(j in inside for j in span) and all(
                tokens[j].lower == w for j, w in zip(span, words, strict=True)
            ):
                cues.append(Cue(span, phrase_polarity))
                used.update(span)
    for i in scope:
        found = _verb_phrase(tokens, i, inside, lexicon)
        if found is not None and not set(found.tokens) & used:
            cues.append(found)
            used.update(found.tokens)
    for i in scope:
        tok = tokens[i]
        if i in used or not tok.is_word or tok.lower in lexicon.negators | lexicon.conditionals:
            continue
        if any(tokens[j].lower in lexicon.concessives for j in (i - 1, i - 2) if j in inside):
            continue
        polarity = _word_polarity(tok, lexicon, extra)
        if polarity is not None and _manner_adverb(tokens, i, inside, lexicon):
            continue
        particle = None
        if polarity is None and _looks_verb(tok):
            particle = next(
                (
                    j
                    for j in scope
                    if j > i
                    and tokens[j].clause == tok.clause
                    and tokens[j].lower in _PARTICLES
                    and (tokens[j].lower + tok.lemma) in lexicon.favor | lexicon.against
                ),
                None,
            )
            if particle is not None:
                polarity = lexicon.polarity(tokens[particle].lower + tok.lemma)
        if polarity is not None:
            span = (i,) if particle is None else (i, particle)
            cues.append(Cue(span, polarity, verb=_looks_verb(tok)))
    return cues


def negated_tokens(
    tokens: Sequence[Tok],
    scope: Sequence[int],
    lexicon: CueLexicon,
    candidates: set[int],
    skip: set[int] | None = None,
) -> set[int]:
    """Candidate tokens (cues or target mentions) that a negator scopes over.

    A negator ("nicht", "kein", "niemals") negates the first content word after it (articles,
    prepositions and degree adverbs are skipped) if that word is a candidate; a negated intent
    ("keine Absicht", "nicht die Absicht") negates the first candidate later in the sentence;
    a negator right after a verb ("überfalle kein Land") negates that verb if nothing follows
    it. Negators in ``skip`` (inside a phrase cue such as "nicht verhandelbar") are part of
    their phrase and negate nothing else.
    """
    skip = skip or set()
    inside = set(scope)
    out: set[int] = set()
    for n in scope:
        tok = tokens[n]
        if tok.lower not in lexicon.negators or n in skip:
            continue
        after = [j for j in range(n + 1, n + 5) if j in inside and tokens[j].clause == tok.clause]
        content = [j for j in after if tokens[j].is_word and tokens[j].lower not in _TRANSPARENT]
        first = content[0] if content else None
        intent = first is not None and (
            tokens[first].lemma in lexicon.intent or tokens[first].lower in lexicon.intent
        )
        if intent:
            later = [j for j in range(n + 1, n + 16) if j in inside and tokens[j].sent == tok.sent]
            hit = next((j for j in later if j in candidates), None)
        else:
            hit = first if first in candidates else None
        if hit is None and n - 1 in candidates and _looks_verb(tokens[n - 1]):
            hit = n - 1
        if hit is not None:
            out.add(hit)
    return out
