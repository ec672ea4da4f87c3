"""The mutable working form of a quotation while the rules build it (token indices)."""

from __future__ import annotations

from dataclasses import dataclass, field

from zitat.schema import Medium, QuoteType

__all__ = ["Found"]


def _end(span: tuple[int, int]) -> int:
    return span[1]


@dataclass(slots=True)
class Found:
    """A quotation under construction: character spans of content and roles.

    ``speaker_key`` names the speaker mention (its first span) for entity resolution;
    ``parent`` is the index of the enclosing quotation in the pipeline's list.
    """

    spans: list[tuple[int, int]]
    type: QuoteType
    medium: Medium = Medium.SPEECH
    cue: list[tuple[int, int]] = field(default_factory=list)
    frame: list[tuple[int, int]] = field(default_factory=list)
    speaker: list[tuple[int, int]] = field(default_factory=list)
    addressee: list[tuple[int, int]] = field(default_factory=list)
    parent: int | None = None
    inherited: bool = False  # speaker copied from an earlier quotation
    verb_medium: str | None = None
    partial: bool = False  # a quoted phrase inside a longer sentence (frame before it)

    @property
    def start(self) -> int:
        spans = self.spans
        return spans[0][0] if len(spans) == 1 else min(spans)[0]

    @property
    def end(self) -> int:
        spans = self.spans
        return spans[0][1] if len(spans) == 1 else max(spans, key=_end)[1]
