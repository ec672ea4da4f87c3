"""German sentence boundaries: paragraphs first, then pysbd's German rules inside each."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from zitat.schema.span import Span

__all__ = ["split_sentences"]

_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*\Z)", re.DOTALL)
_CLOSERS = "\"'“”‘’»«›‹)\\]"
_ONLY_CLOSERS = re.compile(f"[{_CLOSERS}]+")
_LEADING_CLOSERS = re.compile(f"[{_CLOSERS}]+(?=\\s)")


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="de", clean=False)


def _paragraphs(text: str) -> list[Span]:
    """Blocks separated by blank lines."""
    return [Span(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def split_sentences(text: str) -> tuple[Span, ...]:
    """Sentence spans of ``text``, trimmed of surrounding whitespace.

    A blank line always ends a sentence (headlines and captions stand alone); inside a
    paragraph pysbd's German rules decide (abbreviations, ordinals, quotation marks).
    """
    sentences: list[Span] = []
    segmenter = _segmenter()
    for para in _paragraphs(text):
        chunk = text[para.start : para.end]
        cursor = 0
        for segment in segmenter.segment(chunk):
            stripped = segment.strip()
            if not stripped:
                continue
            found = chunk.find(stripped, cursor)
            if found < 0:  # pysbd altered the text; fall back to the rest of the paragraph
                rest = chunk[cursor:].strip()
                if rest:
                    at = chunk.find(rest, cursor)
                    sentences.append(Span(para.start + at, para.start + at + len(rest)))
                break
            start, end = para.start + found, para.start + found + len(stripped)
            cursor = found + len(stripped)
            if sentences and sentences[-1].start >= para.start:
                # pysbd cuts a closing quotation mark off the sentence it ends (`."` and `.«`
                # before a space); put it back
                if _ONLY_CLOSERS.fullmatch(stripped):
                    start = sentences.pop().start
                elif lead := _LEADING_CLOSERS.match(stripped):
                    previous = sentences.pop()
                    sentences.append(Span(previous.start, start + lead.end()))
                    start += len(stripped) - len(stripped[lead.end() :].lstrip())
            sentences.append(Span(start, end))
    return tuple(sentences)
