"""zitat: who said what in German news — quotations, speakers and stances.

The public API: the schema's value objects, reading and writing Prodigy JSONL, and text
preparation. Extractors, gold sets and the benchmark harness live in their own subpackages.
"""

from zitat.__about__ import __version__
from zitat.entities import CorpusEntity, EntityLinks, link_entities
from zitat.errors import InputError, PluginError, ValidationError, ZitatError
from zitat.extract import extract
from zitat.io import iter_documents, read_documents, write_documents
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Document,
    EntityKind,
    Medium,
    Polarity,
    Quote,
    QuoteType,
    Role,
    Span,
    SpeakerEntity,
    Stance,
    Target,
    TargetInventory,
    Task,
    Token,
)
from zitat.text import make_document, prepare

__all__ = [
    "AnnotatedDocument",
    "Annotations",
    "CorpusEntity",
    "Document",
    "EntityKind",
    "EntityLinks",
    "InputError",
    "Medium",
    "PluginError",
    "Polarity",
    "Quote",
    "QuoteType",
    "Role",
    "Span",
    "SpeakerEntity",
    "Stance",
    "Target",
    "TargetInventory",
    "Task",
    "Token",
    "ValidationError",
    "ZitatError",
    "__version__",
    "extract",
    "iter_documents",
    "link_entities",
    "make_document",
    "prepare",
    "read_documents",
    "write_documents",
]
