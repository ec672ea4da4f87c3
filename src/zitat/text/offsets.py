"""Mapping between character offsets and token indices (Prodigy: ``token_end`` inclusive)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from zitat.errors import ValidationError
from zitat.schema.document import Token
from zitat.schema.span import Span

__all__ = ["TokenIndex"]


class TokenIndex:
    """Answers char↔token questions for one token sequence in O(log n)."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self._starts = [t.start for t in tokens]
        self._ends = [t.end for t in tokens]

    def covering(self, span: Span) -> tuple[int, int]:
        """Indices of the first and last token (inclusive) that overlap ``span``.

        Raises if no token overlaps it (a span of whitespace only).
        """
        ids = self.token_ids(span)
        if not ids:
            raise ValidationError(
                f"span {span.start}-{span.end} covers no token", obj="Span", field="start"
            )
        return ids[0], ids[-1]

    def aligned(self, span: Span) -> bool:
        """True if ``span`` starts at a token start and ends at a token end."""
        i = bisect_left(self._starts, span.start)
        j = bisect_left(self._ends, span.end)
        return (
            i < len(self._starts)
            and self._starts[i] == span.start
            and j < len(self._ends)
            and self._ends[j] == span.end
        )

    def span_of(self, token_start: int, token_end: int) -> Span:
        """The character span of tokens ``token_start``..``token_end`` (inclusive)."""
        if not 0 <= token_start <= token_end < len(self.tokens):
            raise ValidationError(
                f"token range {token_start}-{token_end} outside 0-{len(self.tokens) - 1}",
                obj="Span",
                field="token_start",
            )
        return Span(self.tokens[token_start].start, self.tokens[token_end].end)

    def token_at(self, offset: int) -> int | None:
        """Index of the token containing character ``offset``, or None."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return i
        return None

    def token_ids(self, span: Span) -> range:
        """The indices of all tokens overlapping ``span`` (empty if none)."""
        first = bisect_right(self._ends, span.start)
        last = bisect_left(self._starts, span.end) - 1
        return range(first, last + 1) if first <= last else range(0)
