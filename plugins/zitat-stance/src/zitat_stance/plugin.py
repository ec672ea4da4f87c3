"""The pluggy entry point: registers ``rules-stance`` with zitat."""

from __future__ import annotations

from collections.abc import Sequence

from zitat.plugins import Extractor, hookimpl

__all__ = ["zitat_extractors"]


@hookimpl
def zitat_extractors() -> Sequence[type[Extractor]]:
    """``rules-stance``."""
    from .extractor import RulesStanceExtractor  # noqa: PLC0415 (listing stays cheap)

    return [RulesStanceExtractor]
