"""Cue words: reporting verbs (with auxiliaries and separated particles), nouns and markers."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

import simplemma

from .lexicon import (
    ReportingVerb,
    finite_lemma,
    phrases_by_head,
    reporting_verbs,
    resolve_reporting_verb,
    separable_particles,
)
from .morph import finite_forms
from .view import TextView, positions
from .words import ARTICLES, DEMONSTRATIVES

__all__ = [
    "AUX",
    "CLAUSE_END",
    "Cue",
    "find_verb_cues",
    "reporting_word",
]

# Forms of haben/sein/werden and modals that join a participle or infinitive into the cue.
AUX: frozenset[str] = frozenset(
    [
        "hat",
        "hatte",
        "hatten",
        "haben",
        "habe",
        "hätte",
        "hätten",
        "ist",
        "war",
        "waren",
        "sind",
        "sei",
        "seien",
        "wäre",
        "wird",
        "wurde",
        "wurden",
        "werden",
        "würde",
        "würden",
        "worden",
        "will",
        "wollte",
        "wollten",
        "soll",
        "sollte",
        "sollten",
        "kann",
        "konnte",
        "könne",
        "könnte",
        "muss",
        "musste",
    ]
)
CLAUSE_END: frozenset[str] = frozenset(
    {",", ".", ":", ";", "!", "?", "„", "“", "»", "«", '"', "(", ")", "–", "—"}
)
# Lower-case words that simplemma maps to a reporting verb but that are rarely one here.
_NOT_VERBS: frozenset[str] = frozenset(
    [
        "meine",
        "meinen",
        "meiner",
        "meines",
        "meinem",
        "bitte",
        "danke",
        "weise",
        "angaben",
        "aussagen",
        "rufen",
        "zeigen",
        "zeigt",
        "zeigte",
        "zeigten",
        "gezeigt",
        "nennen",
        "rate",
        "rat",
        "sprechen",
        "laut",
        "nach",
        "gegen",
        "gilt",
        "galt",
        "gelten",
        "stellen",
        "stellt",
        "stellte",
        "stellten",
        "gestellt",
        "halten",
        "hält",
        "hielt",
        "hielten",
        "gehalten",
        "hin",
    ]
)


_PRESENT_PARTICIPLE = ("nde", "nden", "nder", "ndes", "ndem")
# Words after which a participle is an adjective ("die geforderten Reformen"), not a verb.
_ATTRIBUTIVE: frozenset[str] = (
    ARTICLES
    | DEMONSTRATIVES
    | {"kein", "keine", "keinen", "keiner", "ihre", "ihren", "ihrer", "seine", "seinen", "seiner"}
    | {"vom", "zum", "zur", "im", "am", "beim"}
)
# Auxiliaries that follow a participle/infinitive in a verb-final clause ("gesagt worden sei").
_AUX_AFTER: frozenset[str] = frozenset(
    ["worden", "habe", "hat", "hatte", "haben", "hätten", "wurde", "werde", "wird", "sei", "ist"]
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting verb in the text: its tokens (finite, auxiliaries, particle) and entry."""

    tokens: tuple[int, ...]
    head: int
    verb: ReportingVerb


@lru_cache(maxsize=1)
def _gate() -> tuple[frozenset[str], frozenset[str]]:
    """Finite forms of every lexicon verb and its base, and the lemmas and bases themselves."""
    lemmas: set[str] = set()
    for v in reporting_verbs():
        lemmas.add(v.lemma)
        lemmas.add(v.base)
    forms: set[str] = set()
    for lemma in lemmas:
        forms.update(finite_forms(lemma))
    return frozenset(forms), frozenset(lemmas)


def _plausible(word: str) -> bool:
    """Cheap filters shared by :func:`_candidate` and :func:`reporting_word`."""
    return len(word) >= 3 and word.isalpha() and word not in _NOT_VERBS and _may_report(word)


@lru_cache(maxsize=65536)
def _candidate(word: str) -> bool:
    """True if the lower-case ``word`` deserves a full reporting-verb look-up."""
    return word not in AUX and word not in separable_particles() and _plausible(word)


@lru_cache(maxsize=65536)
def _may_report(word: str) -> bool:
    """Cheap pre-check: could ``word`` be a form of a lexicon verb at all?"""
    forms, lemmas = _gate()
    if word in forms or simplemma.lemmatize(word, lang="de") in lemmas:
        return True
    # "zu" + a finite form, or a zu-infinitive of a particle verb ("aufzufordern")
    return (word.startswith("zu") and word[2:] in forms) or (
        "zu" in word[1:] and word.endswith("en")
    )


@lru_cache(maxsize=65536)
def reporting_word(word: str, particle: str | None = None) -> ReportingVerb | None:
    """The reporting verb a lower-case word (with a separated particle) stands for."""
    if not _plausible(word):
        return None
    return resolve_reporting_verb(word, particle)


@lru_cache(maxsize=1)
def _phrase_head_forms() -> dict[str, str]:
    """Finite forms of every phrase head verb, mapped to the head's infinitive."""
    out: dict[str, str] = {}
    for head in phrases_by_head():
        for form in finite_forms(head):
            out.setdefault(form, head)
    return out


@lru_cache(maxsize=65536)
def _phrase_head(word: str) -> str | None:
    """The infinitive of ``word`` if it may head a multi-word reporting expression."""
    head = _phrase_head_forms().get(word)
    if head is not None or len(word) < 5 or not word.startswith("ge") or not word.isalpha():
        return head
    lemma = finite_lemma(word)  # a participle: "gemacht" -> machen
    return lemma if lemma in phrases_by_head() else None


_PHRASE_STOP = CLAUSE_END | {"und", "oder", "dass", "ob", "aber"}
_PHRASE_REACH = 8


def _phrase_at(view: TextView, i: int, lo: int, hi: int) -> tuple[ReportingVerb, list[int]] | None:
    """A multi-word reporting expression headed by the verb at ``i`` ("machte … deutlich").

    The other words of the expression must stand in the same clause (no comma, colon or
    conjunction between), before or after the verb, within a few tokens.
    """
    head = _phrase_head(view.words[i])
    if head is None:
        return None
    words = view.words
    left = i
    while left > lo and i - left < _PHRASE_REACH and words[left - 1] not in _PHRASE_STOP:
        left -= 1
    right = i + 1
    while right < hi and right - i <= _PHRASE_REACH and words[right] not in _PHRASE_STOP:
        right += 1
    # positions of the words around the verb that occur in the head's phrases, in text order
    vocab, wordless = _phrase_vocab(head)
    at_word: dict[str, list[int]] = {}
    for j in range(left, right):
        if j != i and words[j] in vocab:
            at_word.setdefault(words[j], []).append(j)
    if not at_word and not wordless:
        return None  # no phrase of this head can be complete
    for phrase in phrases_by_head()[head]:
        found: list[int] = []
        for w in phrase.words:
            # the first free position of the word, lower-case or capitalised
            at: int | None = None
            for form in _forms(w):
                for j in at_word.get(form, ()):
                    if j not in found:
                        if at is None or j < at:
                            at = j
                        break
            if at is None:
                break
            found.append(at)
        else:
            return phrase.as_verb(), found
    return None


@cache
def _phrase_vocab(head: str) -> tuple[frozenset[str], bool]:
    """Every form (:func:`_forms`) of every word of the phrases headed by ``head``, and
    whether one of those phrases is the head alone."""
    phrases = phrases_by_head()[head]
    vocab = frozenset(f for p in phrases for w in p.words for f in _forms(w))
    return vocab, any(not p.words for p in phrases)


_FORMS: dict[str, tuple[str, ...]] = {}


def _forms(word: str) -> tuple[str, ...]:
    """``word`` as written and capitalised (sentence-initial)."""
    forms = _FORMS.get(word)
    if forms is None:
        cap = word.capitalize()
        forms = _FORMS[word] = (word,) if cap == word else (word, cap)
    return forms


def _particle_for(view: TextView, i: int, hi: int) -> int | None:
    """Index of a separable particle closing the clause of the verb at ``i``, if any."""
    particles = separable_particles()
    words = view.words
    for j in range(i + 1, hi):
        w = words[j]
        if w in CLAUSE_END:
            if j > i + 1 and words[j - 1] in particles:
                return j - 1
            return None
        if w == "und" and j > i + 1 and words[j - 1] in particles:
            return j - 1
    if hi > i + 1 and words[hi - 1] in particles:
        return hi - 1
    return None


@lru_cache(maxsize=65536)
def _may_start(word: str) -> bool:
    """Cheap test, once per word form: could a cue be headed by ``word``?"""
    if not word[:1].islower() or word.endswith(_PRESENT_PARTICIPLE):
        return False  # "drohender": an adjective, not a verb
    if word in AUX:
        return _phrase_head(word) is not None
    return _candidate(word) or word in _NOT_VERBS or _phrase_head(word) is not None


# Word forms already tested by :func:`_may_start`, and those among them that may head a cue.
_START_SEEN: set[str] = set()
_START_WORDS: set[str] = set()


def _starts(view: TextView) -> list[int]:
    """Indices of the tokens that may head a cue (computed once per document)."""
    starts = view.memo.get("cue_starts")
    if starts is None:
        words = view.words
        new = set(words).difference(_START_SEEN)
        if new:
            if len(_START_SEEN) > 200_000:
                _START_SEEN.clear()
                _START_WORDS.clear()
                new = set(words)
            _START_SEEN.update(new)
            _START_WORDS.update(w for w in new if _may_start(w))
        starts = view.memo["cue_starts"] = positions(words, _START_WORDS)
    return starts


def find_verb_cues(view: TextView, lo: int, hi: int) -> list[Cue]:
    """Reporting verbs in tokens ``lo..hi`` (exclusive), with auxiliaries and particles."""
    words = view.words
    cues: list[Cue] = []
    taken: set[int] = set()
    starts = _starts(view)
    for i in starts[bisect_left(starts, lo) : bisect_left(starts, hi)]:
        w = words[i]
        if i in taken:
            continue
        if i > lo and words[i - 1].lower() in _ATTRIBUTIVE:
            continue  # "die geforderten Reformen": an adjective, not a verb
        verb = None
        toks = [i]
        if w in AUX:
            pass  # only as the head of a phrase ("ist der Meinung")
        elif _candidate(w):
            p = _particle_for(view, i, hi)
            if p is not None:
                verb = reporting_word(w, words[p])
                if verb is not None:
                    toks.append(p)
            if verb is None and i > lo and words[i - 1] in separable_particles():
                # particle written before a participle/infinitive: "bekannt gegeben"
                verb = reporting_word(w, words[i - 1])
                if verb is not None:
                    toks.append(i - 1)
            if verb is None:
                verb = reporting_word(w)
        elif w in _NOT_VERBS:
            # not a reporting verb alone, but as a particle verb: "stellte … klar"
            p = _particle_for(view, i, hi)
            if p is not None:
                verb = resolve_reporting_verb(w, words[p])
                if verb is not None:
                    toks.append(p)
        if verb is None:
            phrase = _phrase_at(view, i, lo, hi)
            if phrase is not None:
                verb = phrase[0]
                toks.extend(phrase[1])
        if verb is None:
            continue
        if verb.reflexive and i + 1 < hi and words[i + 1] == "sich":
            toks.append(i + 1)
        # auxiliary: the finite verb before a participle/infinitive in the same clause
        for j in range(i - 1, max(lo, i - 8) - 1, -1):
            wj = words[j]
            if wj in CLAUSE_END or wj == "und":
                break
            if wj.lower() in AUX:
                toks.append(j)
                break
        for j in range(i + 1, min(hi, i + 3)):
            if words[j].lower() not in _AUX_AFTER:
                break
            toks.append(j)
        taken.update(toks)
        cues.append(Cue(tuple(sorted(toks)), i, verb))
    return cues
