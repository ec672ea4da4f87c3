"""What an extraction produces besides documents: failures, skips and the running summary."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal, cast

from zitat.schema import AnnotatedDocument

if TYPE_CHECKING:
    from zitat.plugins.guard import Outcome
    from zitat.schema import Document

__all__ = ["Event", "Failure", "FailureStatus", "Skipped", "Summary", "outcome_event"]

FailureStatus = Literal["error", "timeout", "invalid", "input"]


@dataclass(frozen=True)
class Failure:
    """A document that is not in the output, and why.

    ``status``: ``error`` (the extractor raised or its worker died), ``timeout``, ``invalid``
    (annotations that do not fit the document) or ``input`` (the record could not be read;
    ``doc_id`` is None when not even its id could be). ``source`` names file and line or row
    for input failures.
    """

    doc_id: str | None
    extractor: str
    status: FailureStatus
    error: str
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The errors-file record: every field, in this order."""
        return asdict(self)


@dataclass(frozen=True)
class Skipped:
    """``count`` documents left out because their ids were given as done."""

    count: int = 1


Event = AnnotatedDocument | Failure | Skipped


def outcome_event(outcome: Outcome, doc: Document, extractor: str) -> AnnotatedDocument | Failure:
    """The event for the guarded runner's outcome on ``doc``: annotated (prepared), or failed."""
    if outcome.ok and outcome.annotations is not None:
        return AnnotatedDocument(outcome.document or doc, outcome.annotations)
    return Failure(doc.id, extractor, cast(FailureStatus, outcome.status), outcome.error or "")


@dataclass
class Summary:
    """Counts of an extraction so far: every input document is exactly one of these."""

    extracted: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        """Input records seen (extracted, failed or skipped)."""
        return self.extracted + self.failed + self.skipped

    @property
    def docs_per_second(self) -> float | None:
        """Extracted and failed documents per second of wall time (skipped ones not counted)."""
        done = self.extracted + self.failed
        return done / self.seconds if self.seconds > 0 else None
