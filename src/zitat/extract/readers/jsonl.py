"""JSONL input: one JSON object per line, the text and id under configurable fields.

The file is cut into byte ranges that start at a line, each knowing its first line number,
so a worker can read its range alone and still name the line of a bad record. Records
without an id get ``<file stem>-<line>`` (as :func:`zitat.io.iter_documents` does); a JSON
object under ``meta`` is kept as the document's meta.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from zitat.errors import InputError
from zitat.extract.readers.base import BadRecord, InputOptions, Item, Source, make_item

__all__ = ["JsonlShard", "open_jsonl"]

SHARD_BYTES = 4 * 2**20
MIN_SHARD_BYTES = 2**10
_BLOCK = 2**20


@dataclass(frozen=True)
class JsonlShard:
    """Bytes ``start``-``end`` of a JSONL file; ``start`` is the start of line ``first_line``."""

    path: str
    start: int
    end: int
    first_line: int

    def read(self, options: InputOptions) -> Iterator[Item]:
        """The records of this byte range, one item per non-blank line."""
        path = Path(self.path)
        stem = path.stem
        with path.open("rb") as handle:
            handle.seek(self.start)
            position, number = self.start, self.first_line
            while position < self.end:
                raw = handle.readline()
                if not raw:
                    break
                position += len(raw)
                yield from _parse_line(raw, number, path, stem, options)
                number += 1


def _parse_line(
    raw: bytes, number: int, path: Path, stem: str, options: InputOptions
) -> Iterator[Item]:
    where = f"{path}:{number}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        yield BadRecord(
            None,
            where,
            f"{where}: not UTF-8 ({err.reason} at byte {err.start} of the line); "
            "convert the file to UTF-8 first",
        )
        return
    if number == 1:
        line = line.removeprefix("\ufeff")
    if not line.strip():
        return
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        yield BadRecord(None, where, f"{where}: malformed JSON: {err.msg} at column {err.colno}")
        return
    if not isinstance(record, dict):
        yield BadRecord(
            None, where, f"{where}: expected a JSON object, got {type(record).__name__}"
        )
        return
    yield make_item(
        record, options, where=where, fallback_id=f"{stem}-{number}", meta=record.get("meta")
    )


def open_jsonl(
    path: Path,
    options: InputOptions,
    *,
    shard_bytes: int = SHARD_BYTES,
    target_shards: int | None = None,
) -> Source:
    """A JSONL file as line-aligned shards of about ``shard_bytes``; one pass counts lines.

    ``target_shards``: make shards smaller (down to 1 KiB) so that about this many result.
    Raises :class:`InputError` for an empty file or one with only blank lines.
    """
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: the file is empty")
    if target_shards:
        shard_bytes = min(shard_bytes, max(MIN_SHARD_BYTES, size // target_shards))
    shards: list[JsonlShard] = []
    start, first_line, lines, position, seen_any, last = 0, 1, 0, 0, False, b""
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            seen_any = seen_any or bool(block.strip())
            offset = 0
            while (target := start + shard_bytes - position) < len(block):
                cut = block.find(b"\n", max(offset, target))  # end the shard at a newline
                if cut < 0:
                    break
                end = position + cut + 1
                shards.append(JsonlShard(str(path), start, end, first_line))
                start, first_line = end, lines + block.count(b"\n", 0, cut + 1) + 1
                offset = cut + 1
            lines += block.count(b"\n")
            position += len(block)
            last = block
    if not seen_any:
        raise InputError(f"{path}: the file has no records (only blank lines)")
    if start < size:
        shards.append(JsonlShard(str(path), start, size, first_line))
    total = lines + (0 if last.endswith(b"\n") else 1)
    return Source(path, "jsonl", shards, options, total)
