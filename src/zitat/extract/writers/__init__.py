"""Output writers: Prodigy JSONL, Parquet parts, and the errors file."""

from __future__ import annotations

from typing import Literal, Protocol

from zitat.extract.resume import ResumePoint
from zitat.schema import AnnotatedDocument

__all__ = ["OUTPUT_FORMATS", "OutputFormat", "Writer"]

OutputFormat = Literal["jsonl", "parquet"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("jsonl", "parquet")


class Writer(Protocol):
    """Where annotated documents go, one at a time; ``resume`` tells what it already holds."""

    resume: ResumePoint

    def write(self, doc: AnnotatedDocument) -> None:
        """Add one document."""
        ...

    def close(self) -> None:
        """Finish: everything written is on disk."""
        ...
