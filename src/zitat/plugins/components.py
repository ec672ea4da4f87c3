"""What plugins register besides extractors: gold sets, formats and metrics."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zitat.schema import AnnotatedDocument, TargetInventory

__all__ = ["Format", "GoldSet", "Metric"]


@dataclass(frozen=True)
class GoldSet:
    """A named, versioned collection of gold documents, in one or more splits.

    ``load(split)`` yields the documents of a split; ``targets()`` returns the stance target
    inventory if the set has one; ``available()`` returns None when the set can be loaded or
    a sentence saying why not (e.g. "set ZITAT_WIKINEWS_DIR").
    """

    name: str
    description: str
    splits: tuple[str, ...]
    load: Callable[[str], Iterator[AnnotatedDocument]]
    default_split: str | None = None
    version: str = "0"
    targets: Callable[[], TargetInventory | None] = field(default=lambda: None)
    available: Callable[[], str | None] = field(default=lambda: None)
    files: Callable[[str], Sequence[Path]] = field(default=lambda split: ())


@dataclass(frozen=True)
class Format:
    """A named annotation format that zitat can read and/or write."""

    name: str
    description: str
    extensions: tuple[str, ...] = ()
    read: Callable[[Path], Iterator[AnnotatedDocument]] | None = None
    write: Callable[[Path, Iterable[AnnotatedDocument]], int] | None = None


@dataclass(frozen=True)
class Metric:
    """A named metric: ``compute(gold, predicted)`` returns named scores in [0, 1]."""

    name: str
    description: str
    compute: Callable[[Sequence[AnnotatedDocument], Sequence[AnnotatedDocument]], dict[str, float]]
