"""Target detection: an inventory compiled into term patterns, matched on lemmas and compounds.

A target is named by its label (split at "/", ",", "und", "oder"), its aliases, distinctive
acronyms of its description and, optionally, hint terms. Each term becomes the lemmas of its
content words. A one-word term matches a token whose surface or lemma equals it, starts with
its stem ("Einmarsch" -> "einmarschieren", "Deeskalation" -> "deeskalieren", "Lieferung" ->
"liefern") or ends with it as a compound head ("Nato-Osterweiterung", "Wirtschaftssanktionen").
A multi-word term matches when all its content words occur close together in one sentence, in
any order. A country in a term is also named by its capital or seat of government ("Unterstützung
der Ukraine" ~ "Unterstützung Washingtons für Kiew"; see ``metonyms`` in ``data/cues.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from zitat.schema import Target, TargetInventory

from .hints import TargetHints
from .lexicon import cue_lexicon
from .tokens import FUNCTION_WORDS, Tok, forms_of, lemma

__all__ = ["Mention", "TargetPattern", "compile_inventory", "find_mentions"]

_STOP = FUNCTION_WORDS | frozenset(
    [
        "und",
        "oder",
        "von",
        "vom",
        "aus",
        "bei",
        "nach",
        "über",
        "unter",
        "gegen",
        "gegenüber",
        "um",
        "durch",
        "als",
        "wie",
        "sich",
    ]
)
_LABEL_SPLIT = re.compile(r"\s*(?:/|;|,|\bund\b|\boder\b)\s*")
_WORD = re.compile(r"\w+(?:-\w+)*")
_ACRONYM = re.compile(r"\b[A-ZÄÖÜ]{4,}\b")
_MIN_STEM = 5


@dataclass(frozen=True)
class Term:
    """One way of naming a target: the lemmas of its content words."""

    text: str
    keys: tuple[str, ...]

    def window(self) -> int:
        return 2 * len(self.keys) + 3


@dataclass(frozen=True)
class TargetPattern:
    """A target with the terms that name it and its own extra cues."""

    target: Target
    terms: tuple[Term, ...]
    favor: frozenset[str] = frozenset()
    against: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Mention:
    """Tokens (indices into the token list) that name a target."""

    target: str
    tokens: tuple[int, ...]

    @property
    def first(self) -> int:
        return min(self.tokens)

    @property
    def last(self) -> int:
        return max(self.tokens)


def _keys(text: str) -> tuple[str, ...]:
    words = [w for w in _WORD.findall(text) if w.lower() not in _STOP]
    return tuple(dict.fromkeys(lemma(w) for w in words))


@lru_cache(maxsize=4096)
def _stems(key: str) -> tuple[str, ...]:
    stems = [key]
    for ending in ("ierung", "ation", "ung", "ern", "en", "e"):
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            stems.append(key[: -len(ending)])
            break
    return tuple(s for s in stems if len(s) >= _MIN_STEM)


@lru_cache(maxsize=262144)
def _form_matches(form: str, key: str) -> bool:
    if form == key or any(form.startswith(stem) for stem in _stems(key)):
        return True
    return len(key) >= _MIN_STEM and form.endswith(key)


def _key_matches(tok: Tok, key: str) -> bool:
    return _token_matches(tok.lower, tok.lemma, key)


@lru_cache(maxsize=262144)
def _token_matches(lower: str, lemma_: str, key: str) -> bool:
    forms = forms_of(lower, lemma_)
    if any(_form_matches(form, key) for form in forms):
        return True
    return any(form in _same_as(key) for form in forms)


@lru_cache(maxsize=4096)
def _same_as(key: str) -> frozenset[str]:
    """Other names of a place in a term ("Kiew" for "Ukraine"): metonyms from the lexicon."""
    return cue_lexicon().metonyms.get(key, frozenset())


def _term_texts(target: Target, others: Sequence[Target]) -> list[str]:
    texts = [t for t in _LABEL_SPLIT.split(target.label) if t]
    texts.extend(target.aliases)
    elsewhere = " ".join(f"{o.label} {' '.join(o.aliases)} {o.description}" for o in others)
    texts.extend(a for a in _ACRONYM.findall(target.description) if a not in elsewhere)
    return texts


def compile_inventory(
    inventory: TargetInventory, hints: Mapping[str, TargetHints] | None = None
) -> tuple[TargetPattern, ...]:
    """Term patterns for every target of ``inventory``, hints added."""
    hints = hints or {}
    patterns = []
    for target in inventory:
        hint = hints.get(target.id, TargetHints())
        others = [t for t in inventory if t.id != target.id]
        texts = [*_term_texts(target, others), *hint.terms]
        terms: dict[tuple[str, ...], Term] = {}
        for text in texts:
            keys = _keys(text)
            if keys and text.lower() not in hint.ignore_terms:
                terms.setdefault(keys, Term(text, keys))
        patterns.append(TargetPattern(target, tuple(terms.values()), hint.favor, hint.against))
    return tuple(patterns)


def _term_mentions(term: Term, tokens: Sequence[Tok], scope: Sequence[int]) -> list[Mention]:
    hits = {
        k: [i for i in scope if tokens[i].is_word and _key_matches(tokens[i], k)] for k in term.keys
    }
    first, *rest = term.keys
    found = []
    for p in hits[first]:
        chosen = [p]
        for key in rest:
            near = [
                i
                for i in hits[key]
                if abs(i - p) <= term.window()
                and tokens[i].sent == tokens[p].sent
                and i not in chosen
            ]
            if not near:
                break
            chosen.append(min(near, key=lambda i: abs(i - p)))
        else:
            found.append(Mention("", tuple(sorted(chosen))))
    return found


def find_mentions(
    patterns: Iterable[TargetPattern], tokens: Sequence[Tok], scope: Sequence[int]
) -> list[Mention]:
    """Mentions of every target among the token indices ``scope``.

    A mention that overlaps a mention of a more specific target (one whose ``parent`` it is)
    is given to the specific target only.
    """
    patterns = list(patterns)
    mentions: list[Mention] = []
    for pattern in patterns:
        seen: set[tuple[int, ...]] = set()
        for term in pattern.terms:
            for m in _term_mentions(term, tokens, scope):
                if m.tokens not in seen:
                    seen.add(m.tokens)
                    mentions.append(Mention(pattern.target.id, m.tokens))
    parent_of = {p.target.id: p.target.parent for p in patterns}
    covered: set[tuple[str, int]] = set()
    for m in mentions:
        parent = parent_of.get(m.target)
        while parent is not None:
            covered.update((parent, i) for i in m.tokens)
            parent = parent_of.get(parent)
    return [m for m in mentions if not any((m.target, i) in covered for i in m.tokens)]
