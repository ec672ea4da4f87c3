"""Parquet output: a folder of parts, each written whole and then renamed into place.

Every part is a Parquet file with the explicit features of :mod:`zitat.io.hf`, so the folder
loads as one table with pyarrow, pandas or ``datasets.load_dataset("parquet", ...)``. Parts
are written every ``part_size`` documents (and at the end); an interrupted run loses only the
documents of the part it had not finished, and the next run redoes them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import BinaryIO

from zitat.errors import InputError
from zitat.extract.resume import ResumePoint, parquet_done
from zitat.extract.writers.lock import lock_exclusively
from zitat.schema import AnnotatedDocument

__all__ = ["ParquetWriter"]

PART_SIZE = 1000
_PART = re.compile(r"part-(\d+)\.parquet")
LOCK_NAME = ".zitat-extract.lock"


class ParquetWriter:
    """Writes ``folder/part-NNNNNN.parquet`` files; :attr:`resume` tells what they hold."""

    def __init__(
        self, folder: Path, *, overwrite: bool = False, part_size: int = PART_SIZE
    ) -> None:
        if folder.exists() and not folder.is_dir():
            raise InputError(
                f"{folder}: Parquet output is a folder of parts, but this is a file "
                "(choose another output)"
            )
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.part_size = part_size
        self._lock: BinaryIO = (folder / LOCK_NAME).open("ab")
        lock_exclusively(self._lock, str(folder))
        try:
            if overwrite:
                for old in [*folder.glob("part-*.parquet"), *folder.glob("*.parquet.tmp")]:
                    old.unlink()
            self.resume: ResumePoint = parquet_done(folder)
        except BaseException:
            self._lock.close()
            raise
        numbers = [int(m.group(1)) for p in folder.iterdir() if (m := _PART.fullmatch(p.name))]
        self._next = max(numbers, default=-1) + 1
        self._buffer: list[AnnotatedDocument] = []

    def write(self, doc: AnnotatedDocument) -> None:
        """Add one document; a full buffer becomes a part."""
        self._buffer.append(doc)
        if len(self._buffer) >= self.part_size:
            self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        import pyarrow.parquet as pq

        from zitat.io.hf import to_dataset

        final = self.folder / f"part-{self._next:06d}.parquet"
        partial = final.with_name(final.name + ".tmp")
        table = to_dataset(self._buffer).data.table  # its schema carries the features
        pq.write_table(table, partial)
        os.replace(partial, final)
        self._next += 1
        self._buffer = []

    def close(self) -> None:
        """Write the last part and release the lock."""
        try:
            self._flush()
        finally:
            self._lock.close()
