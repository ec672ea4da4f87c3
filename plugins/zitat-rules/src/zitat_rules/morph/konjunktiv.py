"""Konjunktiv I / II detection for single finite verb forms, as cached dictionary look-ups.

How a form is analysed (once; the result is cached per form):

1. A *core table* maps the finite forms of ~300 frequent verbs plus every verb of the
   reporting-verb lexicon to their paradigm readings (built from ablaut at first use, a few
   milliseconds). Forms found there are analysed without simplemma.
2. Any other form is lemmatised (:func:`zitat_rules.morph.lemma.verb_lemma`: simplemma, checked
   against ablaut, with a suffix-stripping fallback) and looked up in the paradigm of that
   lemma, conjugated on demand and cached.

Mood is then decided from the readings (:func:`resolve`). Many Konjunktiv I forms coincide
with the indicative except in the 3rd person singular ("sie sagen" is both; "er sage" is
Konjunktiv I only), so by default the 3rd person is assumed when no subject is given: in news
text, finite verbs outside direct quotes are overwhelmingly 3rd person. Pass ``person``/
``number`` (e.g. from :func:`subject_from_context`) to override. Weak preterites that are also
Konjunktiv II ("sagte", "sollte") count as indicative, because Konjunktiv II of weak verbs is
practically always expressed with "würde"; strong Konjunktiv II ("wäre", "hätte", "käme",
"könnte", "würde") is reported as ``subj2``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Literal

from .lemma import common_verbs, verb_lemma
from .paradigm import Reading, VerbMood, finite_forms

__all__ = [
    "Mood",
    "MoodAnalysis",
    "analyze",
    "build_form_table",
    "core_table",
    "is_konjunktiv1",
    "mood",
    "mood_in_context",
    "resolve",
    "subject_from_context",
]

Number = Literal["sg", "pl"]


class Mood(StrEnum):
    """Mood decision for one token."""

    SUBJ1 = "subj1"
    SUBJ2 = "subj2"
    INDICATIVE = "indicative"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


# Frequent words that are also finite verb forms but mostly something else.
HOMOGRAPHS: frozenset[str] = frozenset({"meine", "deine", "bitte", "danke", "weise", "rege"})
NON_VERBS: frozenset[str] = frozenset(
    {
        "weitere",
        "andere",
        "eine",
        "keine",
        "seine",
        "ihre",
        "unsere",
        "euere",
        "eure",
        "diese",
        "jene",
        "welche",
        "manche",
        "solche",
        "alle",
        "beide",
        "viele",
        "einige",
        "wenige",
        "ende",
        # prepositions, conjunctions and adverbs ending like verb forms
        "gegen",
        "zwischen",
        "sondern",
        "neben",
        "binnen",
        "wegen",
        "eben",
        "oben",
        "unten",
        "innen",
        "außen",
        "hinten",
        "seiten",
        "stattdessen",
        "indessen",
        "dessen",
        "denen",
        "ihnen",
        "einen",
        "keinen",
        "seinen",
        "ihren",
        "diesen",
        "allen",
        "vielen",
        "anderen",
        "beiden",
        "gern",
        "gerne",
        "ebenfalls",
        "alleine",
        "lange",
        "heute",
        "gerade",
        "weiter",
    }
)


@dataclass(frozen=True, slots=True)
class MoodAnalysis:
    """All paradigm readings of one lower-cased form (empty if it is no known finite verb)."""

    form: str
    readings: tuple[Reading, ...]

    @property
    def lemmas(self) -> frozenset[str]:
        """Infinitives the form belongs to."""
        return frozenset(r.lemma for r in self.readings)


def build_form_table(infinitives: Iterable[str]) -> dict[str, tuple[Reading, ...]]:
    """Map each finite one-word form of ``infinitives`` to the union of its readings."""
    table: dict[str, list[Reading]] = {}
    for infinitive in infinitives:
        for form, readings in finite_forms(infinitive).items():
            table.setdefault(form, []).extend(readings)
    return {form: tuple(dict.fromkeys(rs)) for form, rs in table.items()}


@lru_cache(maxsize=1)
def core_table() -> Mapping[str, tuple[Reading, ...]]:
    """The precomputed table: frequent verbs plus the reporting-verb lexicon (built once)."""
    verbs = sorted(common_verbs())
    from ..lexicon import reporting_verbs  # lazy: the lexicon itself uses morph.lemma

    verbs.extend(v.lemma for v in reporting_verbs())
    return build_form_table(dict.fromkeys(verbs))


@lru_cache(maxsize=65536)
def analyze(form: str) -> MoodAnalysis:
    """Paradigm readings of ``form`` (case-insensitive), from the core table or on demand."""
    word = form.lower()
    readings = core_table().get(word)
    if readings is None:
        lemma = verb_lemma(word)
        readings = finite_forms(lemma).get(word, ()) if lemma else ()
    return MoodAnalysis(word, readings)


def resolve(
    readings: Sequence[Reading],
    *,
    person: int | None = None,
    number: Number | None = None,
    assume_third_person: bool = True,
) -> Mood:
    """Decide the mood of a set of readings, optionally restricted to a subject's person/number."""
    selected = [
        r
        for r in readings
        if (person is None or r.person == person) and (number is None or r.number == number)
    ]
    if person is None and assume_third_person:
        third = [r for r in selected if r.person == 3]
        selected = third or selected
    if not selected:
        return Mood.UNKNOWN
    moods = {r.mood for r in selected}
    if moods == {VerbMood.SUBJ1}:
        return Mood.SUBJ1
    if moods == {VerbMood.SUBJ2}:
        return Mood.SUBJ2
    if VerbMood.SUBJ1 not in moods and VerbMood.INDICATIVE in moods:
        # indicative only, or weak preterite = Konjunktiv II ("sagte"): indicative
        return Mood.INDICATIVE
    return Mood.AMBIGUOUS


@lru_cache(maxsize=131072)
def mood(
    form: str,
    *,
    person: int | None = None,
    number: Number | None = None,
    sentence_initial: bool = False,
    assume_third_person: bool = True,
) -> Mood:
    """Mood of the finite verb ``form`` (a single token).

    Capitalised tokens are treated as nouns (``unknown``) unless ``sentence_initial``.
    ``person``/``number`` restrict the readings to the subject's; without them the 3rd person
    is preferred (``assume_third_person``).
    """
    if not form.isalpha():
        return Mood.UNKNOWN
    if form[0].isupper() and not sentence_initial:
        return Mood.UNKNOWN
    word = form.lower()
    if word in NON_VERBS:
        return Mood.UNKNOWN
    if word in HOMOGRAPHS:
        return Mood.AMBIGUOUS
    return resolve(
        analyze(word).readings,
        person=person,
        number=number,
        assume_third_person=assume_third_person,
    )


def is_konjunktiv1(form: str, *, sentence_initial: bool = False) -> bool:
    """True if ``form`` is an unambiguous Konjunktiv I form (3rd person assumed)."""
    return mood(form, sentence_initial=sentence_initial) is Mood.SUBJ1


_PRONOUNS: dict[str, tuple[int, Number | None]] = {
    "ich": (1, "sg"),
    "du": (2, "sg"),
    "er": (3, "sg"),
    # "es" is also the expletive subject before a plural verb ("es seien Fortschritte nötig")
    "es": (3, None),
    "man": (3, "sg"),
    "wir": (1, "pl"),
    "ihr": (2, "pl"),
    "sie": (3, None),
}


def subject_from_context(words: Sequence[str], i: int) -> tuple[int | None, Number | None]:
    """Person/number of a personal-pronoun subject right before or after ``words[i]``.

    Looks one token left ("er sage", "dass ich glaube") and one right ("glaube ich", "sei
    er"). "ihr" counts only after the verb (before it, it is mostly a possessive). "Sie"
    at the start of a sentence is 3rd person of unknown number. Returns (None, None) when no
    pronoun is adjacent.
    """
    if i + 1 < len(words):
        found = _PRONOUNS.get(words[i + 1].lower())
        if found is not None:
            return found
    if i > 0:
        low = words[i - 1].lower()
        if low != "ihr":  # before the verb, mostly a possessive
            found = _PRONOUNS.get(low)
            if found is not None:
                return found
    return None, None


# Words after which no finite verb can follow directly ("eine mildere Reaktion").
_ATTRIBUTIVE: frozenset[str] = frozenset(
    {
        "ein",
        "eine",
        "einer",
        "einem",
        "einen",
        "eines",
        "kein",
        "keine",
        "keiner",
        "keinem",
        "keinen",
        "keines",
        "dem",
        "den",
        "des",
        "mein",
        "meine",
        "dein",
        "deine",
        "sein",
        "seine",
        "ihr",
        "ihre",
        "unser",
        "unsere",
        "euer",
        "eure",
        "dieser",
        "diese",
        "diesem",
        "diesen",
        "jede",
        "jeder",
        "jedem",
        "jeden",
        "alle",
        "allen",
        "zum",
        "zur",
        "im",
        "am",
        "vom",
        "beim",
    }
)


def mood_in_context(words: Sequence[str], i: int, *, sentence_initial: bool = False) -> Mood:
    """Mood of ``words[i]`` using its neighbours.

    A word right after an article, possessive or fused preposition ("eine mildere Reaktion",
    "zum Ende") is no finite verb (``unknown``); otherwise an adjacent pronoun subject fixes
    person and number (:func:`subject_from_context`).
    """
    if i > 0:
        prev = words[i - 1].lower()
        if prev in _ATTRIBUTIVE:
            return Mood.UNKNOWN
    else:
        prev = ""
    # as subject_from_context: a pronoun after the verb first, then one before it
    subject = _PRONOUNS.get(words[i + 1].lower()) if i + 1 < len(words) else None
    if subject is None and prev != "ihr":
        subject = _PRONOUNS.get(prev)
    person, number = subject if subject is not None else (None, None)
    return mood(words[i], person=person, number=number, sentence_initial=sentence_initial)
