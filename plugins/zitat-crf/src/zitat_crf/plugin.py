"""The pluggy entry point: registers ``crf`` and ``rules-crf`` with zitat."""

from __future__ import annotations

from collections.abc import Sequence

from zitat.plugins import Extractor, hookimpl

__all__ = ["zitat_extractors"]


@hookimpl
def zitat_extractors() -> Sequence[type[Extractor]]:
    """``crf`` and ``rules-crf`` (both need a trained model; see the README)."""
    from zitat_crf.extractors import CrfExtractor, RulesCrfExtractor

    return [CrfExtractor, RulesCrfExtractor]
