"""The result of :func:`zitat.agreement.agree`: typed, and JSON-serialisable with ``to_dict``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from zitat.agreement.categorical import Coefficients
from zitat.agreement.group import Disagreement
from zitat.agreement.pairwise import PairCounts

__all__ = ["AgreementReport", "DocumentAgreement", "GroupAgreement", "PairScores"]

Metrics = dict[str, float | None]


@dataclass(frozen=True)
class PairScores:
    """Two annotators (``a`` the reference) on ``documents``: counts, coefficients, metrics."""

    a: str
    b: str
    documents: tuple[str, ...]
    counts: PairCounts = field(repr=False)
    categorical: dict[str, Coefficients]
    metrics: Metrics

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable data."""
        return {
            "a": self.a,
            "b": self.b,
            "documents": len(self.documents),
            "metrics": dict(self.metrics),
            "counts": self.counts.counts(),
            "categorical": {k: c.to_dict() for k, c in self.categorical.items()},
        }


@dataclass(frozen=True)
class GroupAgreement:
    """All annotators together: multi-annotator coefficients over units, pairwise means."""

    annotators: tuple[str, ...]
    units: int
    categorical: dict[str, Coefficients]
    metrics: Metrics

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable data."""
        return {
            "annotators": list(self.annotators),
            "units": self.units,
            "metrics": dict(self.metrics),
            "categorical": {k: c.to_dict() for k, c in self.categorical.items()},
        }


@dataclass(frozen=True)
class DocumentAgreement:
    """One document: who annotated it, their quote counts, and agreement on it alone."""

    doc_id: str
    annotators: tuple[str, ...]
    quotes: dict[str, int]
    pairs: tuple[PairScores, ...]
    group: GroupAgreement | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable data (pairs with their metrics only)."""
        return {
            "doc_id": self.doc_id,
            "annotators": list(self.annotators),
            "quotes": dict(self.quotes),
            "pairs": [{"a": p.a, "b": p.b, "metrics": dict(p.metrics)} for p in self.pairs],
            "group": None if self.group is None else self.group.to_dict(),
        }


@dataclass(frozen=True)
class AgreementReport:
    """Inter-annotator agreement of two or more annotators' gold files.

    ``coverage``: document id → the annotators who have it. Agreement is computed on the
    documents two annotators share; a document only one annotator has is listed in
    :attr:`single`, and each annotator's missing documents in :attr:`missing`.
    """

    annotators: tuple[str, ...]
    coverage: dict[str, tuple[str, ...]]
    pairs: tuple[PairScores, ...]
    group: GroupAgreement
    documents: tuple[DocumentAgreement, ...]
    disagreements: tuple[Disagreement, ...]

    @property
    def single(self) -> tuple[str, ...]:
        """Documents that only one annotator has (nothing to compare them with)."""
        return tuple(d for d, names in self.coverage.items() if len(names) == 1)

    @property
    def missing(self) -> dict[str, tuple[str, ...]]:
        """Annotator → the documents other annotators have and this one lacks."""
        return {
            a: tuple(d for d, names in self.coverage.items() if a not in names)
            for a in self.annotators
        }

    def pair(self, a: str, b: str) -> PairScores:
        """The scores of one pair, in either order."""
        for p in self.pairs:
            if {p.a, p.b} == {a, b}:
                return p
        raise KeyError(f"no pair {a!r}, {b!r}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable data (the ``--json`` output of ``zitat gold agree``)."""
        return {
            "annotators": list(self.annotators),
            "coverage": {d: list(names) for d, names in self.coverage.items()},
            "single": list(self.single),
            "missing": {a: list(docs) for a, docs in self.missing.items()},
            "pairs": [p.to_dict() for p in self.pairs],
            "group": self.group.to_dict(),
            "documents": [d.to_dict() for d in self.documents],
            "disagreements": [d.to_dict() for d in self.disagreements],
        }
