"""What every input reader shares: options, bad records, shards and the corpus source."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from zitat.schema import Document

__all__ = [
    "BadRecord",
    "InputOptions",
    "Item",
    "Shard",
    "Source",
    "field_value",
    "make_item",
]


@dataclass(frozen=True)
class InputOptions:
    """Where a record keeps its text and id.

    ``text_field`` and ``id_field`` are keys; in JSONL a dotted path reaches into nested
    objects (``meta.doc_id``). ``split`` names the split of a saved ``DatasetDict``.
    """

    text_field: str = "text"
    id_field: str = "id"
    split: str | None = None


@dataclass(frozen=True)
class BadRecord:
    """An input record that could not become a document.

    ``message`` names the file, the line (or row) and the field at fault; ``doc_id`` is the
    record's id when it could be read.
    """

    doc_id: str | None
    where: str
    message: str


Item = Document | BadRecord


class Shard(Protocol):
    """A piece of the input that one reader call streams, in order.

    Shards are small, picklable descriptions (a file, a byte range, a row range), so a
    distributed engine can hand them to its workers.
    """

    def read(self, options: InputOptions) -> Iterator[Item]:
        """The documents (and bad records) of this piece, in input order."""
        ...


@dataclass(frozen=True)
class Source:
    """A corpus on disk: its format, its shards in input order and its size when cheap."""

    path: Path
    format: str
    shards: Sequence[Shard]
    options: InputOptions
    total: int | None = None

    def items(self) -> Iterator[Item]:
        """Every document and bad record of the corpus, streamed in input order."""
        for shard in self.shards:
            yield from shard.read(self.options)


_MISSING = object()


def field_value(record: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted ``path`` in ``record``, or a sentinel if it is not there."""
    value: Any = record
    for key in path.split("."):
        if not isinstance(value, Mapping) or key not in value:
            return _MISSING
        value = value[key]
    return value


def make_item(
    record: Mapping[str, Any],
    options: InputOptions,
    *,
    where: str,
    fallback_id: str,
    meta: Any = None,
) -> Item:
    """A document from one input record, or a :class:`BadRecord` saying what is wrong.

    The id is ``options.id_field``; when the record has none, the ``doc_id`` of a Prodigy
    task's ``meta``, else ``fallback_id`` (file stem and line or row number, stable as long
    as the file does not change). ``meta`` (a JSON object) is kept as the document's meta.
    """
    raw_id = field_value(record, options.id_field)
    if raw_id is _MISSING or raw_id is None:
        raw_id = field_value(record, "meta.doc_id")
    if raw_id is _MISSING or raw_id is None:
        raw_id = fallback_id
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or raw_id == "":
        return BadRecord(
            None,
            where,
            f"{where}: field {options.id_field!r}: expected a non-empty string "
            f"or an integer id, got {_short(raw_id)}",
        )
    doc_id = str(raw_id)
    text = field_value(record, options.text_field)
    if text is _MISSING:
        keys = ", ".join(sorted(map(str, record))) or "none"
        return BadRecord(
            doc_id,
            where,
            f"{where}: field {options.text_field!r}: missing (the record has: {keys}; "
            "choose the text field with --text-field)",
        )
    if not isinstance(text, str):
        return BadRecord(
            doc_id,
            where,
            f"{where}: field {options.text_field!r}: expected a string, got {_short(text)}",
        )
    kept: dict[str, Any] = {}
    if isinstance(meta, Mapping):
        kept = {k: v for k, v in meta.items() if k != "doc_id"}  # doc_id is the record's id
    return Document(id=doc_id, text=text, meta=kept)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=repr)
    return text if len(text) <= 40 else text[:37] + "..."
