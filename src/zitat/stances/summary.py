"""Per speaker and target: the counts, the position and the quotes that show it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from zitat.entities import CorpusEntity, EntityLinks, link_entities
from zitat.schema import AnnotatedDocument, Polarity, Quote, Stance, TargetInventory
from zitat.stances.aggregate import DOMINANCE, Position, aggregate

__all__ = ["Evidence", "SpeakerStances", "StanceSummary", "TargetPosition", "summarise_stances"]

EXCERPT = 90
"""Characters of quote text kept in an evidence excerpt."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One quote-level (or document-level speaker) stance behind a position."""

    doc_id: str
    quote_id: str | None
    polarity: Polarity
    excerpt: str
    """A short stretch of the quote, around the stance's evidence where there is one."""
    evidence: str = ""
    """The stance's evidence span(s) as written ("" when it has none)."""

    def to_data(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "doc_id": self.doc_id,
            "quote_id": self.quote_id,
            "polarity": self.polarity.value,
            "excerpt": self.excerpt,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class TargetPosition:
    """A speaker's position on one target, with its counts and evidence."""

    target: str
    label: str
    position: Position
    favor: int
    against: int
    neutral: int
    evidence: tuple[Evidence, ...]

    @property
    def total(self) -> int:
        """Number of stances counted."""
        return self.favor + self.against + self.neutral

    @property
    def lean(self) -> float:
        """(favor - against) / all stances, from -1 (all against) to 1 (all favor)."""
        return (self.favor - self.against) / self.total if self.total else 0.0

    def to_data(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "target": self.target,
            "label": self.label,
            "position": self.position.value,
            "favor": self.favor,
            "against": self.against,
            "neutral": self.neutral,
            "lean": round(self.lean, 3),
            "evidence": [e.to_data() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class SpeakerStances:
    """One speaker across the corpus (a linked entity) and its positions."""

    id: str
    name: str
    kind: str
    documents: tuple[str, ...]
    names: tuple[str, ...]
    positions: tuple[TargetPosition, ...]

    @property
    def stances(self) -> int:
        """Number of stances counted over all targets."""
        return sum(p.total for p in self.positions)

    def position(self, target: str) -> TargetPosition | None:
        """The position on ``target``, or None if the speaker has no stance toward it."""
        return next((p for p in self.positions if p.target == target), None)

    def to_data(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "documents": list(self.documents),
            "names": list(self.names),
            "positions": [p.to_data() for p in self.positions],
        }


@dataclass(frozen=True, slots=True)
class StanceSummary:
    """Positions of every speaker with a stance, and of the unattributed quotes."""

    speakers: tuple[SpeakerStances, ...]
    unattributed: tuple[TargetPosition, ...]
    documents: int
    dominance: float = DOMINANCE

    def speaker(self, corpus_id: str) -> SpeakerStances:
        """The speaker with this corpus entity id (KeyError if it has no stance)."""
        for s in self.speakers:
            if s.id == corpus_id:
                return s
        raise KeyError(corpus_id)

    @property
    def rule(self) -> str:
        """The aggregation rule in words."""
        return (
            "neutral quotes never outweigh polar ones; one side only: that side; both sides: "
            f"the side with at least {self.dominance:g} times as many quotes as the other, "
            "else mixed"
        )

    def to_data(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "documents": self.documents,
            "rule": {"dominance": self.dominance, "text": self.rule},
            "speakers": [s.to_data() for s in self.speakers],
            "unattributed": [p.to_data() for p in self.unattributed],
        }


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _window(doc: AnnotatedDocument, quote: Quote, at: int | None, limit: int = EXCERPT) -> str:
    """About ``limit`` characters of the quote, starting a little before offset ``at``."""
    start, end = quote.spans[0].start, quote.spans[-1].end
    if at is not None and start <= at < end:
        start = max(start, at - limit // 3)
    text = " ".join(doc.text[start:end].split())
    lead = "…" if start > quote.spans[0].start else ""
    return _excerpt(lead + text, limit)


def _evidence(doc: AnnotatedDocument, stance: Stance, quote: Quote | None) -> Evidence:
    shown = " … ".join(" ".join(s.text_in(doc.text).split()) for s in stance.evidence)
    if quote is not None and quote.spans:
        at = stance.evidence[0].start if stance.evidence else None
        excerpt = _window(doc, quote, at)
    else:
        excerpt = _excerpt(shown)
    return Evidence(doc.id, stance.quote, stance.polarity, excerpt, shown)


def _restated(stance: Stance, quotes: Mapping[str, Quote], held: set[tuple[str, str]]) -> bool:
    """True if an enclosing quote of the same speaker holds a stance toward the same target:
    both are one statement ("Sollte Russland einmarschieren, habe er klar gemacht, dass ...").
    ``quotes`` are the document's quotes by id, ``held`` its (quote id, target) stances."""
    if stance.quote is None:
        return False
    quote = quotes[stance.quote]
    parent = quote.parent
    while parent is not None and parent in quotes:
        outer = quotes[parent]
        if outer.entity == quote.entity and (parent, stance.target) in held:
            return True
        parent = outer.parent
    return False


def summarise_stances(
    docs: Iterable[AnnotatedDocument],
    links: EntityLinks | None = None,
    *,
    targets: TargetInventory | None = None,
    dominance: float = DOMINANCE,
) -> StanceSummary:
    """Each speaker's position on each target, over all quote-level stances of ``docs``.

    A stance's speaker is its quote's entity (or, for a document-level speaker stance, its
    entity), linked across documents by ``links`` (default: :func:`link_entities` of
    ``docs``). Stances of quotes without a speaker are summarised as ``unattributed``. A
    nested quote's stance toward a target that an enclosing quote of the same speaker also
    holds is one statement and counts once. The same statement reported by several
    documents counts once per document. Positions follow :func:`~zitat.stances.aggregate`;
    ``targets`` gives labels and the order of targets (else target ids, sorted).
    """
    docs = list(docs)
    links = link_entities(docs) if links is None else links
    # speaker's corpus entity id ("" for unattributed stances) -> target id -> evidence
    found: defaultdict[str, defaultdict[str, list[Evidence]]] = defaultdict(
        lambda: defaultdict(list)
    )
    speakers: dict[str, CorpusEntity] = {}
    for doc in docs:
        quotes = {q.id: q for q in doc.annotations.quotes}
        held = {(s.quote, s.target) for s in doc.annotations.stances if s.quote is not None}
        for stance in doc.annotations.stances:
            quote = quotes.get(stance.quote) if stance.quote is not None else None
            if _restated(stance, quotes, held):
                continue
            entity_id = stance.entity if quote is None else quote.entity
            speaker = None if entity_id is None else links.of(doc.id, entity_id)
            key = "" if speaker is None else speaker.id
            if speaker is not None:
                speakers[speaker.id] = speaker
            found[key][stance.target].append(_evidence(doc, stance, quote))

    order = {t.id: i for i, t in enumerate(targets)} if targets is not None else {}

    def positions(key: str) -> tuple[TargetPosition, ...]:
        out = []
        for target, evidence in found.get(key, {}).items():
            favor, against, neutral = (
                sum(e.polarity is p for e in evidence)
                for p in (Polarity.FAVOR, Polarity.AGAINST, Polarity.NEUTRAL)
            )
            label = targets[target].label if targets is not None and target in targets else target
            out.append(
                TargetPosition(
                    target,
                    label,
                    aggregate(favor, against, neutral, dominance=dominance),
                    favor,
                    against,
                    neutral,
                    tuple(sorted(evidence, key=_evidence_order)),
                )
            )
        return tuple(sorted(out, key=lambda p: (order.get(p.target, len(order)), p.target)))

    summaries = [
        SpeakerStances(
            entity.id,
            entity.name,
            entity.kind.value,
            entity.documents,
            entity.names,
            positions(entity.id),
        )
        for entity in speakers.values()
    ]
    summaries.sort(key=lambda s: (-s.stances, s.name, s.id))
    return StanceSummary(tuple(summaries), positions(""), len(docs), dominance)


def _evidence_order(e: Evidence) -> tuple[str, int, str]:
    qid = e.quote_id or ""
    digits = "".join(c for c in qid if c.isdigit())
    return (e.doc_id, int(digits) if digits else -1, qid)
