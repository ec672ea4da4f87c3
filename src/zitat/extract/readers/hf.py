"""A Hugging Face dataset saved with ``save_to_disk``, one document per row.

The dataset is memory-mapped, never loaded whole; a saved ``DatasetDict`` needs a split
(``--split``) unless it has only one. Shards are row ranges; rows without an id get
``<folder name>-<row>`` (rows count from 1).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zitat.errors import InputError
from zitat.extract.readers.base import InputOptions, Item, Source, make_item

if TYPE_CHECKING:
    import datasets

__all__ = ["HfShard", "is_saved_dataset", "open_hf"]

ROWS_PER_SHARD = 1000
_BATCH = 256


def is_saved_dataset(path: Path) -> bool:
    """True for a folder written by ``Dataset.save_to_disk`` or ``DatasetDict.save_to_disk``."""
    return path.is_dir() and any(
        (path / name).is_file() for name in ("state.json", "dataset_dict.json")
    )


@lru_cache(maxsize=4)
def _load(path: str, split: str | None) -> datasets.Dataset:
    from datasets import Dataset, DatasetDict, load_from_disk

    try:
        loaded = load_from_disk(path)
    except (FileNotFoundError, ValueError, OSError) as err:
        raise InputError(f"{path}: not a dataset saved with save_to_disk ({err})") from None
    if isinstance(loaded, DatasetDict):
        splits = sorted(loaded)
        if split is None and len(splits) == 1:
            split = splits[0]
        if split not in loaded:
            raise InputError(
                f"{path}: choose a split with --split ({', '.join(splits)})"
                if split is None
                else f"{path}: no split {split!r} (splits: {', '.join(splits)})"
            )
        loaded = loaded[split]
    elif split is not None:
        raise InputError(f"{path}: a single dataset has no splits, but --split {split} was given")
    assert isinstance(loaded, Dataset)
    return loaded


@dataclass(frozen=True)
class HfShard:
    """Rows ``start`` to ``stop`` (0-based, stop exclusive) of a saved dataset."""

    path: str
    split: str | None
    start: int
    stop: int
    has_id: bool

    def read(self, options: InputOptions) -> Iterator[Item]:
        """One item per row of the range."""
        columns = [options.text_field] + ([options.id_field] if self.has_id else [])
        rows = _load(self.path, self.split).select_columns(columns)
        rows = rows.select(range(self.start, self.stop))
        number = self.start + 1
        name = Path(self.path).name
        batch: dict[str, list[Any]]
        for batch in rows.iter(batch_size=_BATCH):
            for i, text in enumerate(batch[options.text_field]):
                record = {options.text_field: text}
                if self.has_id:
                    record[options.id_field] = batch[options.id_field][i]
                where = f"{self.path} row {number}"
                yield make_item(record, options, where=where, fallback_id=f"{name}-{number}")
                number += 1


def open_hf(path: Path, options: InputOptions, *, target_shards: int | None = None) -> Source:
    """The rows of a saved dataset (or of one split of a saved ``DatasetDict``).

    ``target_shards``: cut the rows finer so that about this many shards result.
    """
    dataset = _load(str(path), options.split)
    names = list(dataset.column_names)
    if options.text_field not in names:
        raise InputError(
            f"{path}: field {options.text_field!r}: no such column (columns: {', '.join(names)}); "
            "choose the text column with --text-field"
        )
    size = len(dataset)
    if size == 0:
        raise InputError(f"{path}: the dataset has no rows")
    has_id = options.id_field in names
    step = ROWS_PER_SHARD
    if target_shards:
        step = min(step, max(1, -(-size // target_shards)))
    shards = [
        HfShard(str(path), options.split, i, min(i + step, size), has_id)
        for i in range(0, size, step)
    ]
    return Source(path, "hf", shards, options, size)
