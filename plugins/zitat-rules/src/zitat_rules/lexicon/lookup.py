"""Look-ups in the packaged lexicon, including particle-verb recovery ("kündigte … an").

German particle verbs split in verb-second clauses: "Sie kündigte neue Sanktionen an." The
finite form's lemma (simplemma, verified against ablaut: "kündigte" -> kündigen) and the
particle found later in the clause ("an") give the particle-verb lemma "ankündigen". In
verb-final clauses the verb is joined ("dass sie Sanktionen ankündigte"), and simplemma
lemmatises the joined form directly.
"""

from __future__ import annotations

from functools import lru_cache

import simplemma

from ..morph.lemma import verb_lemma
from .loader import load_markers, load_reporting_nouns, load_reporting_phrases, load_reporting_verbs
from .model import Marker, MarkerKind, ReportingNoun, ReportingPhrase, ReportingVerb

__all__ = [
    "finite_lemma",
    "marker",
    "markers",
    "particle_verb_lemma",
    "phrases_by_head",
    "reporting_noun",
    "reporting_phrases",
    "reporting_verb",
    "reporting_verbs",
    "resolve_reporting_verb",
    "separable_particles",
    "source_noun",
]


def reporting_verbs() -> tuple[ReportingVerb, ...]:
    """All reporting verbs of the packaged lexicon."""
    return load_reporting_verbs()


def reporting_phrases() -> tuple[ReportingPhrase, ...]:
    """All multi-word reporting expressions of the packaged lexicon."""
    return load_reporting_phrases()


@lru_cache(maxsize=1)
def phrases_by_head() -> dict[str, tuple[ReportingPhrase, ...]]:
    """Multi-word reporting expressions by the infinitive of their head verb."""
    out: dict[str, list[ReportingPhrase]] = {}
    for p in load_reporting_phrases():
        out.setdefault(p.head, []).append(p)
    return {head: tuple(ps) for head, ps in out.items()}


@lru_cache(maxsize=1)
def _verb_index() -> dict[str, ReportingVerb]:
    return {v.lemma: v for v in load_reporting_verbs()}


@lru_cache(maxsize=1)
def _noun_index() -> dict[str, ReportingNoun]:
    return {form: n for n in load_reporting_nouns() for form in n.all_forms}


@lru_cache(maxsize=1)
def _marker_index() -> dict[str, Marker]:
    return {m.form.lower(): m for m in load_markers()}


def reporting_verb(lemma: str) -> ReportingVerb | None:
    """The reporting verb with this infinitive ("ankündigen"), or None."""
    return _verb_index().get(lemma.lower())


@lru_cache(maxsize=1)
def _source_suffixes() -> tuple[tuple[str, ReportingNoun], ...]:
    """Lower-case forms of source nouns, longest first, for compound heads."""
    pairs = {form.lower(): n for n in load_reporting_nouns() if n.source for form in n.all_forms}
    return tuple(sorted(pairs.items(), key=lambda p: -len(p[0])))


@lru_cache(maxsize=65536)
def source_noun(word: str) -> ReportingNoun | None:
    """The source noun a capitalised word is or ends in ("Angaben", "Polizeiangaben",
    "UNHCR-Angaben" -> Angabe), or None."""
    if not word[:1].isupper():
        return None
    noun = _noun_index().get(word)
    if noun is not None:
        return noun if noun.source else None
    head = word.rsplit("-", 1)[-1]
    if head != word and head[:1].isupper():
        noun = _noun_index().get(head)
        return noun if noun is not None and noun.source else None
    low = word.lower()
    for form, noun in _source_suffixes():
        if len(form) >= 7 and low.endswith(form) and len(low) - len(form) >= 3:
            return noun
    return None


def reporting_noun(word: str) -> ReportingNoun | None:
    """The reporting noun with this lemma or surface form ("Angaben" -> Angabe), or None."""
    return _noun_index().get(word)


def marker(form: str) -> Marker | None:
    """The framing marker written ``form`` ("laut", "zufolge", "nach Angaben"), or None."""
    return _marker_index().get(form.lower())


def markers(kind: MarkerKind | None = None) -> tuple[Marker, ...]:
    """All framing markers, or those of one kind."""
    return tuple(m for m in load_markers() if kind is None or m.kind is kind)


@lru_cache(maxsize=1)
def separable_particles() -> frozenset[str]:
    """Separable particles used by the lexicon's verbs ("an", "zurück", "hinzu", ...)."""
    return frozenset(v.particle for v in load_reporting_verbs() if v.particle)


@lru_cache(maxsize=65536)
def finite_lemma(form: str) -> str:
    """Infinitive of a finite verb form.

    :func:`zitat_rules.morph.lemma.verb_lemma` (simplemma checked against ablaut, suffix
    fallback) first; if it finds nothing, simplemma's raw answer (lower-cased) is returned, so
    the result is always a string, possibly the form itself for unknown words.
    """
    lemma = verb_lemma(form)
    if lemma is not None:
        return lemma
    return simplemma.lemmatize(form.lower(), lang="de").lower()


def particle_verb_lemma(finite: str, particle: str) -> str:
    """Particle-verb infinitive from a finite form and its separated particle.

    >>> particle_verb_lemma("kündigte", "an")
    'ankündigen'
    """
    return particle.lower() + finite_lemma(finite)


def resolve_reporting_verb(finite: str, particle: str | None = None) -> ReportingVerb | None:
    """The reporting verb a finite form (plus an optional separated particle) stands for.

    "sagte" -> sagen; ("wies", "zurück") -> zurückweisen; "ankündigte" -> ankündigen;
    zu-infinitives of particle verbs ("aufzufordern") are reduced too. With a particle, only
    the particle verb is tried: ("gab", "an") is angeben, never geben.
    """
    if particle:
        return reporting_verb(particle_verb_lemma(finite, particle))
    found = reporting_verb(finite_lemma(finite))
    if found is not None:
        return found
    word = finite.lower()
    for p in separable_particles():
        if word.startswith(p + "zu") and len(word) > len(p) + 4:
            rest = word[len(p) + 2 :]
            if rest.endswith("en") or rest.endswith(("ln", "rn")):
                return reporting_verb(p + rest)
    return None
