"""Character spans: code-point offsets into a document's text, end exclusive."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from zitat.errors import ValidationError

__all__ = ["Span", "check_spans"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A non-empty stretch of text from ``start`` (inclusive) to ``end`` (exclusive).

    Offsets count Unicode code points (Python ``str`` indices), not bytes or UTF-16 units.
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValidationError(
                    f"offset must be an integer, got {value!r}", obj="Span", field=name
                )
        if self.start < 0:
            raise ValidationError(f"start {self.start} is negative", obj="Span", field="start")
        if self.end <= self.start:
            raise ValidationError(
                f"empty or reversed span {self.start}-{self.end}", obj="Span", field="end"
            )

    def __reduce__(self) -> tuple[type[Span], tuple[int, int]]:
        return (Span, (self.start, self.end))

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True if the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True if ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def text_in(self, text: str) -> str:
        """The covered text."""
        return text[self.start : self.end]


def check_spans(spans: Iterable[Span], text: str, *, obj: str, field: str) -> None:
    """Raise if a span is not a :class:`Span`, lies outside ``text`` or covers only whitespace."""
    for i, span in enumerate(spans):
        where = f"{field}[{i}]"
        if not isinstance(span, Span):
            raise ValidationError(
                f"expected a Span, got {type(span).__name__}", obj=obj, field=where
            )
        if span.end > len(text):
            raise ValidationError(
                f"span {span.start}-{span.end} lies outside the text (length {len(text)})",
                obj=obj,
                field=where,
            )
        if not text[span.start : span.end].strip():
            raise ValidationError(
                f"span {span.start}-{span.end} covers only whitespace", obj=obj, field=where
            )
