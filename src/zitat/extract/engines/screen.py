"""Sorting input items into documents to extract, bad records and documents already done."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from zitat.extract.readers import BadRecord, Item
from zitat.extract.results import Failure, Skipped
from zitat.schema import Document

__all__ = ["screen"]


def screen(item: Item, skip: AbstractSet[str], extractor: str) -> Document | Failure | Skipped:
    """The document to extract, or the event that stands in for it."""
    if isinstance(item, BadRecord):
        return Failure(item.doc_id, extractor, "input", item.message, item.where)
    if item.id in skip:
        return Skipped()
    return item
