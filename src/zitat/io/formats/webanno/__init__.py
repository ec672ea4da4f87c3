"""WebAnno TSV 3.3, the tab-separated format of INCEpTION (and WebAnno).

One document per file; offsets count UTF-16 code units. zitat's annotations use four
custom layers (see :mod:`zitat.io.formats.webanno.layers` and docs/formats.md for how to
set them up in INCEpTION); zitat's record travels in a ``#zitat=`` sentence-header line,
which INCEpTION's reader skips (and does not export again).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from zitat.errors import InputError
from zitat.io.formats.assemble import FileNotes
from zitat.io.formats.loss import warn_loss
from zitat.io.formats.webanno.layers import MENTION, NESTED, QUOTE, RELATION, ROLE
from zitat.io.formats.webanno.reader import read_tsv
from zitat.io.formats.webanno.writer import HEADER, document_to_tsv
from zitat.schema import AnnotatedDocument

__all__ = [
    "HEADER",
    "MENTION",
    "NESTED",
    "QUOTE",
    "RELATION",
    "ROLE",
    "document_to_tsv",
    "read_webanno_tsv",
    "tsv_file_name",
    "write_webanno_tsv",
]


def tsv_file_name(doc: AnnotatedDocument) -> str:
    """``<document id>.tsv`` (slashes replaced): INCEpTION names the document after it."""
    return doc.id.replace("/", "_").replace("\\", "_") + ".tsv"


def read_webanno_tsv(path: str | Path) -> Iterator[AnnotatedDocument]:
    """Documents from one ``.tsv`` file or every ``*.tsv`` file of a folder (sorted by name).

    A file without a zitat record is read from its annotations alone, and what had to be
    guessed is reported as a :class:`~zitat.io.formats.loss.LossWarning`.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.tsv"))
        if not files:
            raise InputError(f"{path}: no *.tsv files in this folder")
        source = path
    elif path.is_file():
        files, source = [path], path
    else:
        raise InputError(f"{path}: no such file or folder")
    notes = FileNotes(
        source, "WebAnno TSV", lacks="no stances, document metadata or entities without mentions"
    )
    for file in files:
        yield read_tsv(file, notes)
    notes.flush()


def write_webanno_tsv(
    path: str | Path, docs: Iterable[AnnotatedDocument], *, record: bool = True
) -> int:
    """Write one ``<id>.tsv`` per document into the folder ``path``; returns the count.

    A ``path`` ending in ``.tsv`` is written as a single file and must receive exactly one
    document. With ``record=False`` the zitat record is left out and what TSV cannot show
    (stances, metadata, entities without mentions, exact spans and sentences) is reported.
    """
    path = Path(path)
    single = path.suffix.lower() == ".tsv"
    if not single and path.exists() and not path.is_dir():
        raise InputError(f"{path}: WebAnno TSV writes a folder (or one .tsv file), not a file")
    if single:
        docs = list(islice(docs, 2))
        if len(docs) != 1:
            raise InputError(f"{path}: a .tsv file holds one document, not {len(docs)} or more")
    written: dict[Path, str] = {}
    notes: list[str] = []
    for doc in docs:
        target = path if single else path / tsv_file_name(doc)
        if target in written:
            raise InputError(
                f"{target}: ids clash as file names ({written[target]!r} and {doc.id!r})"
            )
        content, doc_notes = document_to_tsv(doc, record=record)
        if record:  # the record restores spans, text and sentences; INCEpTION still needs tokens
            doc_notes = [n for n in doc_notes if "no tokens" in n]
        else:
            a = doc.annotations
            if a.stances or doc.document.meta or any(not e.mentions for e in a.entities):
                doc_notes.append(
                    f"{len(a.stances)} stances, the metadata and entities without mentions"
                )
        notes += [f"{doc.id!r}: {n}" for n in doc_notes]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8"))
        written[target] = doc.id
    warn_loss(path, "WebAnno TSV shows differently or cannot carry", notes)
    return len(written)
