"""Extract a corpus into an output file, resumably, with an errors file beside it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zitat.errors import ZitatError
from zitat.extract.results import Summary
from zitat.extract.writers import OUTPUT_FORMATS, OutputFormat
from zitat.extract.writers.errors import ErrorsFile

if TYPE_CHECKING:
    from zitat.extract.api import Corpus
    from zitat.extract.writers import Writer
    from zitat.plugins.extractor import Extractor

__all__ = ["ExtractReport", "default_errors_path", "extract_to", "output_format"]

_SUFFIXES: dict[str, OutputFormat] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
}


@dataclass
class ExtractReport:
    """How an extraction into a file went: counts, where things went, what was repaired."""

    summary: Summary
    out: Path | None
    format: OutputFormat
    errors: Path | None
    notes: list[str] = field(default_factory=list)
    total: int | None = None


def output_format(out: Path | None, chosen: OutputFormat | None) -> OutputFormat:
    """The output format: as chosen, else by the suffix of ``out`` (JSONL on stdout)."""
    if chosen is not None:
        if chosen not in OUTPUT_FORMATS:
            raise ZitatError(f"unknown output format {chosen!r}; known: jsonl, parquet")
        return chosen
    if out is None:
        return "jsonl"
    found = _SUFFIXES.get(out.suffix.lower())
    if found is None:
        raise ZitatError(
            f"{out}: cannot tell the output format from the suffix {out.suffix!r}; "
            "use .jsonl or .parquet, or choose with --format"
        )
    return found


def default_errors_path(out: Path) -> Path:
    """``out.errors.jsonl`` beside ``out`` (``preds.jsonl`` -> ``preds.errors.jsonl``)."""
    return out.with_name(f"{out.stem}.errors.jsonl")


def extract_to(
    corpus: Corpus,
    extractor: str | type[Extractor] | Extractor,
    out: Path | None,
    *,
    format: OutputFormat | None = None,
    errors: Path | None = None,
    overwrite: bool = False,
    part_size: int = 1000,
    on_start: Callable[[int | None], None] | None = None,
    **options: Any,
) -> ExtractReport:
    """Extract ``corpus`` into ``out``, skipping documents already there; failures to ``errors``.

    ``out`` None writes JSONL to standard output (nothing to resume); Parquet is written in
    parts of ``part_size`` documents. ``errors`` defaults to
    :func:`default_errors_path` (standard error without ``out``). ``options`` are those of
    :func:`zitat.extract.extract`; ``on_start`` is called with the number of input records
    (None if not known cheaply) once the input is open. Every input document ends up in
    ``out``, in the errors file, or counted as skipped because ``out`` already had it.
    """
    from zitat.extract.api import extract

    chosen = output_format(out, format)
    writer: Writer
    if out is None:
        if chosen != "jsonl":
            raise ZitatError("Parquet output needs --out")
        from zitat.extract.writers.jsonl import StreamWriter

        writer = StreamWriter(sys.stdout.buffer)
    elif chosen == "jsonl":
        from zitat.extract.writers.jsonl import JsonlWriter

        writer = JsonlWriter(out, overwrite=overwrite)
    else:
        from zitat.extract.writers.parquet import ParquetWriter

        writer = ParquetWriter(out, overwrite=overwrite, part_size=part_size)
    errors_path = errors if errors is not None or out is None else default_errors_path(out)
    failures = ErrorsFile(errors_path, stream=sys.stderr if errors_path is None else None)
    try:
        with extract(
            corpus,
            extractor,
            skip=frozenset(writer.resume.ids),
            on_failure=failures.write,
            **options,
        ) as run:
            if on_start is not None:
                on_start(run.total)
            for doc in run:
                writer.write(doc)
    finally:
        writer.close()
        failures.close()
    return ExtractReport(
        run.summary,
        out,
        chosen,
        errors_path if failures.count else None,
        list(writer.resume.notes),
        run.total,
    )
