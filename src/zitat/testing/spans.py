"""Spans for hand-written annotations in tests: name the words, not the offsets."""

from __future__ import annotations

from zitat.schema import Span

__all__ = ["find_span"]


def find_span(text: str, part: str, nth: int = 1) -> Span:
    """The span of the ``nth`` occurrence (1-based) of ``part`` in ``text``.

    Raises :class:`ValueError` if ``part`` occurs fewer than ``nth`` times.
    """
    if nth < 1:
        raise ValueError(f"nth counts from 1, got {nth}")
    start = -1
    for _ in range(nth):
        start = text.index(part, start + 1)
    return Span(start, start + len(part))
