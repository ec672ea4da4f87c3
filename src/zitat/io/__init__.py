"""Reading and writing annotated documents: Prodigy JSONL, stance choice tasks, datasets."""

from zitat.io.jsonl import (
    Problem,
    ReadReport,
    iter_documents,
    read_documents,
    write_documents,
    write_records,
)
from zitat.io.prodigy import document_to_record, record_to_document

__all__ = [
    "Problem",
    "ReadReport",
    "document_to_record",
    "iter_documents",
    "read_documents",
    "record_to_document",
    "write_documents",
    "write_records",
]
