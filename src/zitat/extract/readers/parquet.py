"""Parquet input: a file or a folder of ``.parquet`` files, one document per row.

Text and id are top-level columns. Each row group is a shard, streamed in batches; rows
without an id get ``<file stem>-<row>`` (rows count from 1 within a file).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from zitat.errors import InputError
from zitat.extract.readers.base import InputOptions, Item, Source, make_item

__all__ = ["ParquetShard", "open_parquet"]

_BATCH = 1024


@dataclass(frozen=True)
class ParquetShard:
    """One row group of a Parquet file; ``first_row`` is its first row's number (from 1)."""

    path: str
    row_group: int
    first_row: int
    has_id: bool

    def read(self, options: InputOptions) -> Iterator[Item]:
        """One item per row of the row group."""
        import pyarrow.parquet as pq

        path = Path(self.path)
        columns = [options.text_field] + ([options.id_field] if self.has_id else [])
        row = self.first_row
        with pq.ParquetFile(path) as parquet:
            for batch in parquet.iter_batches(
                batch_size=_BATCH, row_groups=[self.row_group], columns=columns
            ):
                texts = batch.column(options.text_field).to_pylist()
                ids = batch.column(options.id_field).to_pylist() if self.has_id else None
                for i, text in enumerate(texts):
                    record = {options.text_field: text}
                    if ids is not None:
                        record[options.id_field] = ids[i]
                    yield make_item(
                        record, options, where=f"{path} row {row}", fallback_id=f"{path.stem}-{row}"
                    )
                    row += 1


def open_parquet(path: Path, options: InputOptions) -> Source:
    """The row groups of ``path`` (a file, or every ``.parquet`` file under a folder, sorted).

    Raises :class:`InputError` naming the file when it is not Parquet or lacks the text column.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = [path] if path.is_file() else sorted(p for p in path.rglob("*.parquet") if p.is_file())
    if not files:
        raise InputError(f"{path}: no .parquet files in this folder")
    shards: list[ParquetShard] = []
    total = 0
    for file in files:
        try:
            meta = pq.ParquetFile(file).metadata
        except (pa.ArrowException, OSError) as err:
            raise InputError(f"{file}: not a readable Parquet file ({err})") from None
        names = meta.schema.to_arrow_schema().names
        if options.text_field not in names:
            raise InputError(
                f"{file}: field {options.text_field!r}: no such column (columns: "
                f"{', '.join(names)}); choose the text column with --text-field"
            )
        first = 1
        for group in range(meta.num_row_groups):
            shards.append(ParquetShard(str(file), group, first, options.id_field in names))
            first += meta.row_group(group).num_rows
        total += meta.num_rows
    if total == 0:
        raise InputError(f"{path}: the Parquet data has no rows")
    return Source(path, "parquet", shards, options, total)
