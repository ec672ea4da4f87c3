"""Value objects of the quotation lexicon (reporting verbs, phrases, nouns, markers)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "LexiconError",
    "Marker",
    "MarkerKind",
    "Medium",
    "ReportingNoun",
    "ReportingPhrase",
    "ReportingVerb",
    "Stance",
]


class LexiconError(ValueError):
    """A lexicon file is missing, unreadable or holds an invalid entry."""


class Medium(StrEnum):
    """Medium a reporting word implies by default (Wikinews scheme: Speech, Writing, ...)."""

    SPEECH = "speech"
    WRITING = "writing"
    THOUGHT = "thought"
    SPEECH_WRITING = "speech_writing"


class Stance(StrEnum):
    """Stance of the speaker toward the reported content, where the word makes it obvious."""

    FAVOR = "favor"
    AGAINST = "against"


class MarkerKind(StrEnum):
    """What kind of quote-framing marker an entry of markers.yaml is."""

    SOURCE_PREPOSITION = "source_preposition"
    NOUN_FRAME = "noun_frame"
    PARENTHETICAL = "parenthetical"
    COMPARATIVE = "comparative"
    ADDRESSEE = "addressee"
    REPORTATIVE_MODAL = "reportative_modal"
    EVIDENTIAL_ADVERB = "evidential_adverb"
    PUNCTUATION = "punctuation"


@dataclass(frozen=True, slots=True)
class ReportingVerb:
    """A reporting verb by lemma ("ankündigen"), with its separable particle ("an")."""

    lemma: str
    medium: Medium
    particle: str | None = None
    dass: bool = False
    konj1: bool = False
    prep: tuple[str, ...] = ()
    stance: Stance | None = None
    reflexive: bool = False
    infinitive: bool = False

    @property
    def base(self) -> str:
        """The verb without its separable particle ("kündigen" for "ankündigen")."""
        return self.lemma[len(self.particle) :] if self.particle else self.lemma


@dataclass(frozen=True, slots=True)
class ReportingPhrase:
    """A multi-word reporting expression ("deutlich machen") with its inflecting head verb."""

    phrase: str
    head: str
    words: tuple[str, ...]
    medium: Medium
    dass: bool = False
    konj1: bool = False
    prep: tuple[str, ...] = ()
    stance: Stance | None = None
    infinitive: bool = False

    def as_verb(self) -> ReportingVerb:
        """The phrase as a reporting verb (lemma = the phrase), so cue rules treat both alike."""
        return ReportingVerb(
            lemma=self.phrase,
            medium=self.medium,
            dass=self.dass,
            konj1=self.konj1,
            prep=self.prep,
            stance=self.stance,
            reflexive="sich" in self.words,
            infinitive=self.infinitive,
        )


@dataclass(frozen=True, slots=True)
class ReportingNoun:
    """A noun naming a statement or source ("Angaben", "Ansicht")."""

    lemma: str
    medium: Medium
    forms: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()
    stance: Stance | None = None
    source: bool = False
    postposed: bool = False

    @property
    def all_forms(self) -> tuple[str, ...]:
        """The lemma followed by the other surface forms."""
        return (self.lemma, *self.forms)


@dataclass(frozen=True, slots=True)
class Marker:
    """A quote-framing marker ("laut", "zufolge", "so", "gegenüber", ":")."""

    form: str
    kind: MarkerKind
    position: str = "pre"
    role: str = "cue"
    quote_position: str = "around"
    example: str | None = None

    @property
    def words(self) -> tuple[str, ...]:
        """The marker split into words ("nach Angaben" -> ("nach", "Angaben"))."""
        return tuple(self.form.split())
