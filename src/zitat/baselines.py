"""Baseline extractors, so every comparison has a floor."""

from __future__ import annotations

import re
from typing import ClassVar

from zitat.plugins.extractor import Extractor
from zitat.schema import Annotations, Document, Quote, QuoteType, Span, Task

__all__ = ["NullExtractor", "QuotationMarkExtractor", "quotation_mark_spans"]

# Opening mark -> closing marks it pairs with. "…" may close with the same straight mark.
_PAIRS: dict[str, str] = {
    "„": '“”"',
    "“": '”"',
    "»": "«",
    "«": "»",
    '"': '"“”',
}
_OPENERS = re.compile('[„“»«"]')


def quotation_mark_spans(text: str) -> list[Span]:
    """Spans from each opening quotation mark to the next mark that can close it.

    Marks included; no nesting, no paragraph logic: a deliberately simple baseline.
    """
    spans: list[Span] = []
    pos = 0
    while True:
        match = _OPENERS.search(text, pos)
        if match is None:
            return spans
        closers = _PAIRS[match.group()]
        end = next((i for i in range(match.end(), len(text)) if text[i] in closers), None)
        if end is None:
            return spans
        if end > match.end():
            spans.append(Span(match.start(), end + 1))
        pos = end + 1


class NullExtractor(Extractor):
    """Predicts nothing: the score every real extractor must beat."""

    name: ClassVar[str] = "baseline-null"
    version: ClassVar[str] = "1.0.0"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES, Task.SPEAKERS, Task.STANCES})
    description: ClassVar[str] = "Predicts no quotation at all."

    def extract(self, doc: Document) -> Annotations:
        return Annotations()


class QuotationMarkExtractor(Extractor):
    """Every quotation-mark pair is a direct quote, with no speaker."""

    name: ClassVar[str] = "baseline-quotemarks"
    version: ClassVar[str] = "1.0.0"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES})
    description: ClassVar[str] = "Marks every quotation-mark pair as a direct quote."

    def extract(self, doc: Document) -> Annotations:
        quotes = tuple(
            Quote(id=f"q{i}", spans=(span,), type=QuoteType.DIRECT)
            for i, span in enumerate(quotation_mark_spans(doc.text), start=1)
        )
        return Annotations(quotes=quotes)
