"""A flat, fast view of a document for the rules: words, offsets and sentences."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Container
from dataclasses import dataclass, field
from itertools import compress, count
from operator import attrgetter

from zitat.schema import Document

__all__ = ["TextView", "positions", "range_span", "token_spans"]

_TEXT = attrgetter("text")
_START = attrgetter("start")
_END = attrgetter("end")


@dataclass(slots=True)
class TextView:
    """Token strings and offsets as plain lists, plus sentence spans.

    Plain lists rather than :class:`zitat.text.TokenIndex`: the rules index ``words``,
    ``starts`` and ``ends`` directly in tight loops, and ``tok_at`` never raises.
    """

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    sentences: list[tuple[int, int]] = field(default_factory=list)
    memo: dict[str, list[int]] = field(default_factory=dict)  # per-document token indices

    @classmethod
    def of(cls, doc: Document) -> TextView:
        """Build the view from a prepared document (tokens and sentences filled in)."""
        text = doc.text
        tokens = doc.tokens
        words = list(map(_TEXT, tokens))
        starts = list(map(_START, tokens))
        ends = list(map(_END, tokens))
        sentences = [(s.start, s.end) for s in doc.sentences] or [(0, len(text))]
        return cls(text, words, starts, ends, sentences)

    def __len__(self) -> int:
        return len(self.words)

    def tok_at(self, char: int) -> int:
        """Index of the first token ending after ``char``."""
        return bisect_right(self.ends, char)

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of the tokens lying inside the character range."""
        return range(bisect_left(self.starts, start), bisect_right(self.ends, end))


def token_spans(view: TextView, tokens: list[int] | tuple[int, ...]) -> list[tuple[int, int]]:
    """Character spans of token indices, consecutive tokens joined into one span."""
    out: list[tuple[int, int]] = []
    prev = -2
    for t in sorted(set(tokens)):
        if t == prev + 1 and out:
            out[-1] = (out[-1][0], view.ends[t])
        else:
            out.append((view.starts[t], view.ends[t]))
        prev = t
    return out


def range_span(view: TextView, lo: int, hi: int) -> list[tuple[int, int]]:
    """The character span of tokens ``lo..hi`` (exclusive), or nothing if empty."""
    if hi <= lo:
        return []
    return [(view.starts[lo], view.ends[hi - 1])]


def positions(words: list[str], wanted: Container[str]) -> list[int]:
    """Indices of the words that are in ``wanted``, in order (one pass, at C speed)."""
    return list(compress(count(), map(wanted.__contains__, words)))
