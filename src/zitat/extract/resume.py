"""Resuming: which documents an output already holds, after a clean stop or a crash.

A JSONL output is appended to line by line, so a crash can leave a last line cut short: it
is removed (that document is extracted again). Every other line must be a record naming its
document (``meta.doc_id``). A Parquet output is a folder of parts that are written whole and
renamed into place; a part still being written when a crash came (``*.tmp``) is removed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zitat.errors import InputError

__all__ = ["ResumePoint", "jsonl_done", "parquet_done"]

_DECODER = json.JSONDecoder()
_TEXT_KEY = '{"text": '
_META_KEY = ', "meta": '


@dataclass
class ResumePoint:
    """The ids an output already holds, and what was repaired to get there."""

    ids: set[str]
    notes: list[str]


def _record_id(line: str) -> str | None:
    """``meta.doc_id`` of a record line, decoding only ``text`` and ``meta`` when it can."""
    if line.startswith(_TEXT_KEY):  # zitat's own writer: text, then meta, then the rest
        _, end = _DECODER.raw_decode(line, len(_TEXT_KEY))
        if line.startswith(_META_KEY, end):
            meta, _ = _DECODER.raw_decode(line, end + len(_META_KEY))
            return _doc_id(meta)
    record = json.loads(line)
    return _doc_id(record.get("meta") if isinstance(record, dict) else None)


def _doc_id(meta: Any) -> str | None:
    doc_id = meta.get("doc_id") if isinstance(meta, dict) else None
    return doc_id if isinstance(doc_id, str) else None


def jsonl_done(path: Path) -> ResumePoint:
    """The document ids of a JSONL output; a cut-short last line is removed.

    Raises :class:`InputError` naming the line when an earlier line is not a zitat record.
    """
    ids: set[str] = set()
    notes: list[str] = []
    if not path.exists():
        return ResumePoint(ids, notes)
    good_end = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.endswith(b"\n"):  # the last line, cut short by a crash
                os.truncate(path, good_end)
                notes.append(
                    f"{path}:{number}: removed an incomplete last line ({len(raw)} bytes) "
                    "left by an interrupted run; its document is extracted again"
                )
                break
            good_end += len(raw)
            if not raw.strip():
                continue
            try:
                doc_id = _record_id(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as err:
                raise InputError(
                    f"{path}:{number}: not a zitat record ({err}); this output cannot be resumed "
                    "(choose another output, or --overwrite)"
                ) from None
            if doc_id is None:
                raise InputError(
                    f"{path}:{number}: field 'meta.doc_id': missing; this output cannot be "
                    "resumed (choose another output, or --overwrite)"
                )
            ids.add(doc_id)
    return ResumePoint(ids, notes)


def parquet_done(folder: Path) -> ResumePoint:
    """The document ids in a Parquet output folder; parts left half-written are removed."""
    ids: set[str] = set()
    notes: list[str] = []
    if not folder.exists():
        return ResumePoint(ids, notes)
    import pyarrow as pa
    import pyarrow.parquet as pq

    for leftover in sorted(folder.glob("*.parquet.tmp")):
        leftover.unlink()
        notes.append(f"{leftover}: removed a part left unfinished by an interrupted run")
    for part in sorted(folder.glob("part-*.parquet")):
        try:
            column = pq.read_table(part, columns=["id"]).column("id")
        except (pa.ArrowException, OSError, KeyError) as err:
            raise InputError(f"{part}: not a zitat output part ({err})") from None
        ids.update(str(value) for value in column.to_pylist())
    return ResumePoint(ids, notes)
