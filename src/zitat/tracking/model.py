"""What statement tracking returns: clusters of versions of one statement."""

from __future__ import annotations

from dataclasses import dataclass

from zitat.entities import CorpusEntity
from zitat.schema import Medium, QuoteType
from zitat.tracking.faithfulness import Comparison
from zitat.tracking.sources import PartialDate

__all__ = ["FirstSeen", "StatementCluster", "Version"]


@dataclass(frozen=True, slots=True)
class Version:
    """One quotation of a statement, as one document renders it."""

    doc_id: str
    quote_id: str
    text: str
    """The quoted content as written (parts of a discontinuous quote joined by " … ")."""
    form: QuoteType
    medium: Medium
    outlet: str | None
    date: PartialDate | None
    is_reference: bool
    """True for the version the others are compared with (see :class:`StatementCluster`)."""
    comparison: Comparison
    """This version compared word by word with the reference."""

    @property
    def faithfulness(self) -> float:
        """Share of this version's words kept verbatim from the reference, in order."""
        return self.comparison.faithfulness

    @property
    def coverage(self) -> float:
        """Share of the reference's words this version keeps."""
        return self.comparison.coverage


@dataclass(frozen=True, slots=True)
class FirstSeen:
    """When a statement first appeared, as far as the dates tell.

    ``documents`` are the dated documents that could have carried it first: several when
    their dates cannot be ordered (``2022-01`` next to ``2022-01-21``). ``date`` is the
    earliest date by which it had surely appeared (of those candidates, the one whose date
    ends first: ``2022-01-21`` in that example).

    ``undated`` lists the documents without a date: any of them may be earlier still, so the
    first appearance is certain only when it is empty.
    """

    date: PartialDate
    documents: tuple[str, ...]
    undated: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatementCluster:
    """Quotations in one or more documents that report the same statement of one speaker.

    The *reference* is the longest direct (verbatim) version, counted in words; with no direct
    version, the longest version of any form. ``versions`` lists the reference first, then the
    others by date (undated last), document and position.
    """

    id: str
    speaker: CorpusEntity | None
    versions: tuple[Version, ...]
    cohesion: float
    """Mean content similarity over all pairs of versions (1.0 for a single version)."""
    first_seen: FirstSeen | None

    @property
    def reference(self) -> Version:
        """The version the others are compared with."""
        return next(v for v in self.versions if v.is_reference)

    @property
    def size(self) -> int:
        """How many versions."""
        return len(self.versions)

    @property
    def documents(self) -> tuple[str, ...]:
        """The documents carrying the statement, sorted, each once."""
        return tuple(sorted({v.doc_id for v in self.versions}))

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets carrying the statement (where the documents name one), sorted."""
        return tuple(sorted({v.outlet for v in self.versions if v.outlet}))

    @property
    def members(self) -> tuple[tuple[str, str], ...]:
        """``(doc_id, quote_id)`` of every version, sorted."""
        return tuple(sorted((v.doc_id, v.quote_id) for v in self.versions))
