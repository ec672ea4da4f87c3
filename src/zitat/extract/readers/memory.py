"""A corpus given in memory: documents, annotated documents or plain texts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from zitat.errors import ZitatError
from zitat.extract.readers.base import InputOptions, Item
from zitat.schema import AnnotatedDocument, Document

__all__ = ["MemoryShard", "memory_items", "memory_shards"]


def memory_items(corpus: Iterable[Document | AnnotatedDocument | str]) -> Iterator[Item]:
    """Documents from ``corpus``; a text becomes a document with the id ``doc-<position>``."""
    for position, entry in enumerate(corpus):
        if isinstance(entry, Document):
            yield entry
        elif isinstance(entry, AnnotatedDocument):
            yield entry.document
        elif isinstance(entry, str):
            yield Document(id=f"doc-{position}", text=entry)
        else:
            raise ZitatError(
                f"corpus item {position}: expected a Document or a text, got {type(entry).__name__}"
            )


@dataclass(frozen=True)
class MemoryShard:
    """A chunk of an in-memory corpus, carried along whole."""

    items: tuple[Item, ...]

    def read(self, options: InputOptions) -> Iterator[Item]:
        """The chunk's documents."""
        yield from self.items


def memory_shards(
    corpus: Iterable[Document | AnnotatedDocument | str], size: int
) -> list[MemoryShard]:
    """The corpus cut into chunks of ``size`` documents (all of it is held in memory)."""
    items = memory_items(corpus)
    shards = []
    while chunk := tuple(islice(items, size)):
        shards.append(MemoryShard(chunk))
    return shards
