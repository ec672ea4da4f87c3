"""Closed label sets of the annotation schema."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["EntityKind", "Medium", "Polarity", "QuoteType", "Role", "Task"]


class QuoteType(StrEnum):
    """How a statement is rendered (the Wikinews/Redewiedergabe "form")."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    FREE_INDIRECT = "free_indirect"
    INDIRECT_FREE_INDIRECT = "indirect_free_indirect"
    REPORTED = "reported"


class Medium(StrEnum):
    """What the original utterance was: spoken, written, thought, or a mix."""

    SPEECH = "speech"
    WRITING = "writing"
    THOUGHT = "thought"
    SPEECH_WRITING = "speech_writing"
    SPEECH_THOUGHT = "speech_thought"
    THOUGHT_WRITING = "thought_writing"
    UNSPECIFIED = "unspecified"


class Role(StrEnum):
    """The parts of a quotation besides the quoted content."""

    CUE = "cue"
    FRAME = "frame"
    SPEAKER = "speaker"
    ADDRESSEE = "addressee"


class EntityKind(StrEnum):
    """What kind of thing a speaker entity is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    MEDIUM = "medium"
    UNKNOWN = "unknown"


class Polarity(StrEnum):
    """A stance's direction toward a target."""

    FAVOR = "favor"
    AGAINST = "against"
    NEUTRAL = "neutral"


class Task(StrEnum):
    """What an extractor can do and what the harness scores."""

    QUOTES = "quotes"
    SPEAKERS = "speakers"
    STANCES = "stances"
