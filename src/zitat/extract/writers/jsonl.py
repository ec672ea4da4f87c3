"""Prodigy-compatible JSONL output (zitat's own records), appended one line per document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO

from zitat.extract.resume import ResumePoint, jsonl_done
from zitat.extract.writers.lock import lock_exclusively
from zitat.io.prodigy import document_to_record
from zitat.schema import AnnotatedDocument

__all__ = ["JsonlWriter", "record_line"]


def record_line(doc: AnnotatedDocument) -> bytes:
    """The document as one JSONL line (UTF-8, newline-terminated), as ``write_documents`` has it."""
    return (json.dumps(document_to_record(doc), ensure_ascii=False) + "\n").encode("utf-8")


class JsonlWriter:
    """Appends records to ``path`` (locked while open); :attr:`resume` tells what it holds.

    Each line is flushed as it is written, so an interrupted run loses at most the line it
    was writing, which the next run removes and redoes. ``overwrite`` empties the file first.
    """

    def __init__(self, path: Path, *, overwrite: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._created = not path.exists()
        self._handle: BinaryIO = path.open("ab")
        lock_exclusively(self._handle, str(path))
        try:
            if overwrite:
                self._handle.truncate(0)
            self.resume: ResumePoint = jsonl_done(path)
        except BaseException:
            self._handle.close()
            raise

    def write(self, doc: AnnotatedDocument) -> None:
        """Append one document and flush it."""
        self._handle.write(record_line(doc))
        self._handle.flush()

    def close(self) -> None:
        """Close the file (releasing the lock); a file this writer created and left empty
        (the run stopped before the first document) is removed."""
        empty = self._handle.tell() == 0
        self._handle.close()
        if self._created and empty:
            self.path.unlink(missing_ok=True)


class StreamWriter:
    """Writes records to an open binary stream (standard output); nothing to resume."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.resume = ResumePoint(set(), [])

    def write(self, doc: AnnotatedDocument) -> None:
        """Write one document and flush it."""
        self._stream.write(record_line(doc))
        self._stream.flush()

    def close(self) -> None:
        """Flush (the stream stays open)."""
        self._stream.flush()
