"""The pluggy entry point: registers the rule-based extractors with zitat."""

from __future__ import annotations

from collections.abc import Sequence

from zitat.plugins import Extractor, hookimpl

__all__ = ["zitat_extractors"]


@hookimpl
def zitat_extractors() -> Sequence[type[Extractor]]:
    """``rules-direct`` and ``rules``."""
    from .extractors import RulesDirectExtractor, RulesExtractor

    return [RulesDirectExtractor, RulesExtractor]
