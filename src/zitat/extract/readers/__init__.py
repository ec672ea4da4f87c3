"""Input readers, one module per format, and :func:`open_source` that picks one."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from zitat.errors import InputError
from zitat.extract.readers.base import BadRecord, InputOptions, Item, Shard, Source

__all__ = [
    "INPUT_FORMATS",
    "BadRecord",
    "InputFormat",
    "InputOptions",
    "Item",
    "Shard",
    "Source",
    "open_source",
]

InputFormat = Literal["txt", "jsonl", "parquet", "hf"]
INPUT_FORMATS: tuple[InputFormat, ...] = ("txt", "jsonl", "parquet", "hf")
_SUFFIXES: dict[str, InputFormat] = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
}


def detect_format(path: Path) -> InputFormat:
    """The input format of ``path`` (which exists): by suffix for a file, by contents for a
    folder."""
    from zitat.extract.readers.hf import is_saved_dataset

    if path.is_file():
        found = _SUFFIXES.get(path.suffix.lower())
        if found is None:
            raise InputError(
                f"{path}: cannot tell the format from the suffix {path.suffix!r}; "
                f"name it with --input-format ({', '.join(INPUT_FORMATS)})"
            )
        return found
    if is_saved_dataset(path):
        return "hf"
    if any(path.rglob("*.parquet")):
        return "parquet"
    if any(path.rglob("*.txt")):
        return "txt"
    raise InputError(
        f"{path}: the folder holds no .txt files, no .parquet files and no saved dataset"
    )


def open_source(
    path: str | Path,
    options: InputOptions | None = None,
    *,
    format: InputFormat | None = None,
    target_shards: int | None = None,
) -> Source:
    """The corpus at ``path`` in ``format`` (detected when None), ready to stream.

    ``target_shards`` asks for finer shards (for a distributed engine; Parquet keeps its row
    groups). Raises :class:`InputError` naming the path when it cannot be read.
    """
    path = Path(path)
    options = options or InputOptions()
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    chosen = format or detect_format(path)
    if chosen == "txt":
        from zitat.extract.readers.txt import open_txt

        return open_txt(path, options, target_shards=target_shards)
    if chosen == "jsonl":
        from zitat.extract.readers.jsonl import open_jsonl

        if not path.is_file():
            raise InputError(f"{path}: JSONL input must be a file")
        return open_jsonl(path, options, target_shards=target_shards)
    if chosen == "parquet":
        from zitat.extract.readers.parquet import open_parquet

        return open_parquet(path, options)
    if chosen == "hf":
        from zitat.extract.readers.hf import open_hf

        return open_hf(path, options, target_shards=target_shards)
    raise InputError(f"unknown input format {chosen!r}; known: {', '.join(INPUT_FORMATS)}")
