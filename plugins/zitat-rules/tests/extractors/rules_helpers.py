"""Shared helpers for the extractor tests: run an extractor on a text, read spans back."""

from __future__ import annotations

from zitat.schema import Annotations, Quote
from zitat.text import make_document

from zitat_rules.extractors import RulesDirectExtractor, RulesExtractor


def run(text: str, *, direct_only: bool = False, **config: object) -> Annotations:
    """Annotations of ``text`` by ``rules`` (or ``rules-direct``)."""
    cls = RulesDirectExtractor if direct_only else RulesExtractor
    return cls(config).extract(make_document("t", text))


def texts(text: str, spans: tuple) -> list[str]:
    """The covered strings of some spans."""
    return [text[s.start : s.end] for s in spans]


def quote_with(ann: Annotations, text: str, fragment: str) -> Quote:
    """The quote whose content contains ``fragment``."""
    for q in ann.quotes:
        if any(fragment in text[s.start : s.end] for s in q.spans):
            return q
    raise AssertionError(f"no quote contains {fragment!r}: {[q.text_in(text) for q in ann.quotes]}")
