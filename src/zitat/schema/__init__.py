"""The annotation schema: validated value objects for documents and their annotations."""

from zitat.schema.annotations import AnnotatedDocument, Annotations, Quote, SpeakerEntity, Stance
from zitat.schema.document import Document, Token
from zitat.schema.labels import EntityKind, Medium, Polarity, QuoteType, Role, Task
from zitat.schema.span import Span
from zitat.schema.targets import Target, TargetInventory

__all__ = [
    "AnnotatedDocument",
    "Annotations",
    "Document",
    "EntityKind",
    "Medium",
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
]
