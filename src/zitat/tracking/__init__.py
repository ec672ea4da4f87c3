"""Statement tracking: the same statement of one speaker across documents and outlets.

:func:`align_quotes` clusters the quotations of a corpus that report the same statement
(same speaker entity, linked across documents; similar content); each
:class:`StatementCluster` lists its versions — document, outlet, date, form — and how
faithful each is to the longest verbatim one. docs/tracking.md describes the method and the
measurements behind its defaults.
"""

from zitat.tracking.align import DEFAULT_LINKAGE, DEFAULT_THRESHOLD, align_quotes
from zitat.tracking.cluster import LINKAGES, Linkage
from zitat.tracking.faithfulness import Comparison, Piece, compare_versions
from zitat.tracking.model import FirstSeen, StatementCluster, Version
from zitat.tracking.similarity import DEFAULT_SIMILARITY, SIMILARITIES, Similarity
from zitat.tracking.sources import PartialDate, document_date, document_outlet

__all__ = [
    "DEFAULT_LINKAGE",
    "DEFAULT_SIMILARITY",
    "DEFAULT_THRESHOLD",
    "LINKAGES",
    "SIMILARITIES",
    "Comparison",
    "FirstSeen",
    "Linkage",
    "PartialDate",
    "Piece",
    "Similarity",
    "StatementCluster",
    "Version",
    "align_quotes",
    "compare_versions",
    "document_date",
    "document_outlet",
]
