"""Plain-text input: a folder of ``.txt`` files (or one file), one document per file.

The id is the file's path relative to the folder, without ``.txt`` (its stem for a flat
folder). Files are read as UTF-8 (a byte-order mark is dropped); text is kept byte for byte.
:func:`open_txt` streams a folder tree for ``zitat extract``; :func:`read_txt_folder` reads
the texts directly in one folder for the commands that take a small corpus whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from zitat.errors import InputError
from zitat.extract.readers.base import BadRecord, InputOptions, Item, Source
from zitat.schema import Document

__all__ = ["TxtShard", "open_txt", "read_txt_folder"]

FILES_PER_SHARD = 256


@dataclass(frozen=True)
class TxtShard:
    """Some of the folder's files, as paths relative to ``root``."""

    root: str
    names: tuple[str, ...]

    def read(self, options: InputOptions) -> Iterator[Item]:
        """One document per file."""
        for name in self.names:
            yield _read_file(Path(self.root) / name, name.removesuffix(".txt"))


def _read_file(path: Path, doc_id: str) -> Item:
    try:
        raw = path.read_bytes()
    except OSError as err:
        return BadRecord(doc_id, str(path), f"{path}: cannot be read ({err.strerror})")
    if not raw:
        return BadRecord(doc_id, str(path), f"{path}: the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        return BadRecord(
            doc_id,
            f"{path}:{line}",
            f"{path}:{line}: not UTF-8 ({err.reason} at byte {err.start}); "
            "convert the file to UTF-8 first",
        )
    return Document(id=doc_id, text=text.removeprefix("\ufeff"))


def open_txt(path: Path, options: InputOptions, *, target_shards: int | None = None) -> Source:
    """The ``.txt`` files under ``path`` (recursively, sorted), or ``path`` itself.

    ``target_shards``: cut the list finer so that about this many shards result.
    """
    if path.is_file():
        return Source(path, "txt", [TxtShard(str(path.parent), (path.name,))], options, 1)
    names = sorted(p.relative_to(path).as_posix() for p in path.rglob("*.txt") if p.is_file())
    if not names:
        raise InputError(f"{path}: no .txt files in this folder")
    step = FILES_PER_SHARD
    if target_shards:
        step = min(step, max(1, -(-len(names) // target_shards)))
    shards = [TxtShard(str(path), tuple(names[i : i + step])) for i in range(0, len(names), step)]
    return Source(path, "txt", shards, options, len(names))


def read_txt_folder(folder: Path) -> Iterator[Document]:
    """The documents of the ``.txt`` files directly in ``folder`` (sorted), the stem as id.

    Files are read as :func:`open_txt` reads them; a file that cannot be (not UTF-8, empty)
    raises :class:`InputError` naming it. A folder without ``.txt`` files yields nothing.
    """
    names = sorted(p.name for p in folder.glob("*.txt") if p.is_file())
    for item in TxtShard(str(folder), tuple(names)).read(InputOptions()):
        if isinstance(item, BadRecord):
            raise InputError(item.message)
        yield item
