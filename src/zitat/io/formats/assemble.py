"""Putting a document together from a tool's annotations and, if present, zitat's record."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zitat.errors import ValidationError
from zitat.io.formats.graph import Guessed, Rebuilt
from zitat.io.formats.loss import warn_loss
from zitat.io.formats.reconcile import guess_counts, reconcile
from zitat.io.formats.record import Record
from zitat.schema import AnnotatedDocument, Annotations, Document, Span, Token
from zitat.text.prepare import prepare

__all__ = ["FileNotes", "build_document"]


@dataclass
class FileNotes:
    """What a reader guessed across one file, reported once when the file is done."""

    source: Path
    tool: str
    lacks: str = "no stances, entity external ids or document metadata"
    without_record: list[str] = field(default_factory=list)
    guessed: Counter[str] = field(default_factory=Counter)

    def missing_record(self, doc_id: str, guessed: Guessed) -> None:
        """Note a document read from the tool's data alone."""
        self.without_record.append(doc_id)
        self.guessed.update(guess_counts(guessed))

    def flush(self) -> None:
        """Warn about everything noted (nothing noted: no warning)."""
        if not self.without_record:
            return
        n = len(self.without_record)
        shown = ", ".join(repr(d) for d in self.without_record[:3])
        more = f" and {n - 3} more" if n > 3 else ""
        notes = [f"{count} {what}" for what, count in self.guessed.items()]
        notes.append(self.lacks)
        warn_loss(
            self.source,
            f"{n} document(s) without a zitat record ({shown}{more}) were read from the "
            f"{self.tool} annotations alone",
            notes,
        )


def build_document(
    *,
    source: Path,
    tool: str,
    text: str,
    record: Record | None,
    unchanged: Callable[[Annotations], bool],
    rebuild: Callable[[], Rebuilt],
    fallback_id: str,
    notes: FileNotes,
    tokens: tuple[Token, ...] = (),
    sentences: tuple[Span, ...] = (),
    tool_meta: Mapping[str, Any] | None = None,
    id_suffix: str = "",
) -> AnnotatedDocument:
    """The document: the record's annotations if ``unchanged(record annotations)``, else merged.

    ``rebuild`` makes annotations from the tool's data alone; ``tokens``/``sentences`` are
    what the format itself carries (the record's win; missing ones are computed).
    ``tool_meta`` (keys the tool added) goes to ``meta[tool]``; ``id_suffix`` is appended to
    the document id (one document per annotator).
    """
    doc_id = (record.id if record is not None else fallback_id) + id_suffix
    if record is not None and unchanged(record.annotations):
        annotations = record.annotations
    else:
        rebuilt = rebuild()
        if record is None:
            annotations = rebuilt.annotations
            notes.missing_record(doc_id, rebuilt.guessed)
        else:
            merged = reconcile(rebuilt, record.annotations)
            annotations = merged.annotations
            warn_loss(
                source,
                f"document {doc_id!r}: the {tool} annotations differ from the zitat record "
                "(edited in the tool?); they were used, with the record filling in the rest",
                merged.notes or ["all of the record still fits"],
            )
    meta: dict[str, Any] = dict(record.meta) if record is not None else {}
    if tool_meta:
        meta[tool] = dict(tool_meta)
    if record is not None and record.tokens is not None:
        tokens = record.tokens
    if record is not None and record.sentences is not None:
        sentences = record.sentences
    try:
        document = prepare(
            Document(id=doc_id, text=text, meta=meta, tokens=tokens, sentences=sentences)
        )
        return AnnotatedDocument(document, annotations)
    except ValidationError as err:
        raise ValidationError(
            f"{err.obj}: {err.message}" if err.obj else err.message, field=err.field
        ) from None
