"""The extractor classes zitat sees: ``rules-direct`` and ``rules``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from zitat.plugins import Extractor, Resources
from zitat.schema import Annotations, Document, Task

from . import __version__
from .indirect import IndirectRules
from .nonquotes import NonQuoteRules
from .pipeline import PipelineOptions, annotate

__all__ = ["RulesDirectExtractor", "RulesExtractor"]


@dataclass(frozen=True)
class DirectConfig:
    """Options of ``rules-direct``: the non-quote filters (each can be switched off)."""

    reject_titles: bool = True
    reject_scare_quotes: bool = True
    reject_credits: bool = True
    reject_headlines: bool = True
    inherit_speaker: bool = True


@dataclass(frozen=True)
class RulesConfig(DirectConfig):
    """Options of ``rules``: the non-quote filters plus the indirect-speech rule families."""

    markers: bool = True
    fronted: bool = True
    anaphoric: bool = True
    free_indirect: bool = True
    reported: bool = True
    entities: bool = True


def _nonquotes(cfg: DirectConfig) -> NonQuoteRules:
    return NonQuoteRules(
        titles=cfg.reject_titles,
        scare_quotes=cfg.reject_scare_quotes,
        credits=cfg.reject_credits,
        headlines=cfg.reject_headlines,
    )


class RulesDirectExtractor(Extractor):
    """Direct quotations in every German quotation-mark style, with frame, cue and speaker."""

    name: ClassVar[str] = "rules-direct"
    version: ClassVar[str] = __version__
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES, Task.SPEAKERS})
    description: ClassVar[str] = "Rule-based direct quotes (all German quote styles) with speakers."
    resources: ClassVar[Resources] = Resources(memory_mb=150)
    Config: ClassVar[type[Any]] = DirectConfig

    def options(self) -> PipelineOptions:
        cfg = self.config
        return PipelineOptions(
            indirect=False,
            entities=True,
            inherit_speaker=cfg.inherit_speaker,
            nonquotes=_nonquotes(cfg),
        )

    def extract(self, doc: Document) -> Annotations:
        return annotate(doc, self.options())


class RulesExtractor(RulesDirectExtractor):
    """Direct, indirect, reported and free-indirect speech with speakers and entities."""

    name: ClassVar[str] = "rules"
    description: ClassVar[str] = (
        "Rule-based direct, indirect, reported speech; speakers; in-document speaker entities."
    )
    Config: ClassVar[type[Any]] = RulesConfig

    def options(self) -> PipelineOptions:
        cfg = self.config
        return PipelineOptions(
            indirect=True,
            entities=cfg.entities,
            inherit_speaker=cfg.inherit_speaker,
            nonquotes=_nonquotes(cfg),
            indirect_rules=IndirectRules(
                markers=cfg.markers,
                anaphoric=cfg.anaphoric,
                fronted=cfg.fronted,
                free_indirect=cfg.free_indirect,
                reported=cfg.reported,
            ),
        )
