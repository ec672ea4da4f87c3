"""Fill in a document's tokens and sentences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zitat.schema.document import Document
from zitat.text.sentences import split_sentences
from zitat.text.tokens import tokenize

__all__ = ["make_document", "prepare"]


def prepare(doc: Document) -> Document:
    """Return ``doc`` with tokens and sentences, computing only what is missing."""
    if doc.tokens and doc.sentences:
        return doc
    return doc.with_(
        tokens=doc.tokens or tokenize(doc.text),
        sentences=doc.sentences or split_sentences(doc.text),
    )


def make_document(doc_id: str, text: str, meta: Mapping[str, Any] | None = None) -> Document:
    """A tokenised, sentence-split document from raw text."""
    return prepare(Document(id=doc_id, text=text, meta=meta or {}))
