"""Speaker-level stance summaries: each speaker's position on each target across a corpus.

:func:`summarise_stances` reads the quote-level stances of a set of documents (gold, or an
extractor's output), finds each quote's speaker across documents with
:func:`zitat.entities.link_entities`, and aggregates per speaker and target: counts of favor,
against and neutral, an overall position (:func:`aggregate`, with the rule for mixed
positions) and the quotes as evidence. See docs/stance.md.
"""

from zitat.stances.aggregate import DOMINANCE, Position, aggregate
from zitat.stances.summary import (
    Evidence,
    SpeakerStances,
    StanceSummary,
    TargetPosition,
    summarise_stances,
)

__all__ = [
    "DOMINANCE",
    "Evidence",
    "Position",
    "SpeakerStances",
    "StanceSummary",
    "TargetPosition",
    "aggregate",
    "summarise_stances",
]
