"""Reading the documents to pre-annotate: a folder of ``.txt`` files or a JSONL file.

Texts are kept exactly as stored (no newline translation: a CRLF file keeps its ``\\r\\n``),
because every offset counts code points of the text as it is; the folder is read by
:func:`zitat.extract.readers.txt.read_txt_folder`, as ``zitat extract`` reads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from zitat.errors import InputError, ValidationError
from zitat.extract.readers.txt import read_txt_folder
from zitat.io.jsonl import iter_parsed
from zitat.schema import Document

__all__ = ["iter_corpus"]


def _document(record: Any, number: int, stem: str) -> Document:
    if not isinstance(record, dict):
        raise ValidationError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValidationError("expected a string", obj="record", field="text")
    meta = record.get("meta") or {}
    if not isinstance(meta, dict):
        raise ValidationError("expected an object", obj="record", field="meta")
    meta = {k: v for k, v in meta.items() if k not in {"doc_id", "prodigy"}}
    doc_id = (record.get("meta") or {}).get("doc_id") or record.get("id") or record.get("doc_id")
    return Document(id=str(doc_id) if doc_id else f"{stem}-{number}", text=text, meta=meta)


def iter_corpus(path: str | Path) -> Iterator[Document]:
    """Stream the documents at ``path``, in a stable order.

    A folder: every ``*.txt`` file in it (sorted), the file stem as document id (a byte-order
    mark is dropped; an empty file is an error). A file: JSONL, one object per line with
    ``text`` and an id in ``meta.doc_id``, ``id`` or ``doc_id`` (else ``<file stem>-<line>``);
    other ``meta`` keys are kept. Bad input raises an error naming the file (and line); a
    document id that occurs twice is an error.
    """
    path = Path(path)
    seen: set[str] = set()
    for doc in _iter(path):
        if doc.id in seen:
            raise InputError(f"{path}: document id {doc.id!r} occurs more than once")
        seen.add(doc.id)
        yield doc


def _iter(path: Path) -> Iterator[Document]:
    if path.is_dir():
        empty = True
        for doc in read_txt_folder(path):
            empty = False
            yield doc
        if empty:
            raise InputError(f"{path}: no *.txt files in this folder")
    elif path.is_file():
        yield from iter_parsed(
            path,
            lambda record, number: _document(record, number, path.stem),
            lenient=False,
            report=None,
        )
    else:
        raise InputError(f"{path}: no such file or folder")
