"""Reading and writing JSONL files of Prodigy tasks, with errors that name file and line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from zitat.errors import InputError, ValidationError
from zitat.io.prodigy import document_to_record, record_to_document
from zitat.schema import AnnotatedDocument

__all__ = [
    "Problem",
    "ReadReport",
    "iter_documents",
    "iter_parsed",
    "iter_records",
    "read_documents",
    "write_documents",
    "write_records",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Problem:
    """A record that could not be read, with where and why."""

    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class ReadReport:
    """What a lenient read kept and what it skipped."""

    read: int = 0
    skipped: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped


def _lines(path: Path) -> Iterator[tuple[int, Any, ValidationError | None]]:
    """Yield ``(line_number, parsed_json, None)`` or ``(line_number, None, error)`` per line.

    A line that is not JSON is yielded as an error instead of raised, so a lenient reader
    can go on with the next line (a generator that raises is finished).
    """
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: the file is empty")
    seen_any = False
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise InputError(
                    f"{path}:{number}: not UTF-8 ({err.reason} at byte {err.start} of the line); "
                    "convert the file to UTF-8 first"
                ) from None
            if number == 1 and line.startswith("\ufeff"):
                line = line[1:]
            if not line.strip():
                continue
            seen_any = True
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                yield (
                    number,
                    None,
                    ValidationError(
                        f"malformed JSON: {err.msg.removesuffix(' at')} at column {err.colno}",
                        source=path,
                        line=number,
                    ),
                )
                continue
            yield number, record, None
    if not seen_any:
        raise InputError(f"{path}: the file has no records (only blank lines)")


def iter_records(path: str | Path) -> Iterator[tuple[int, Any]]:
    """Yield ``(line_number, parsed_json)`` for each non-blank line, streaming.

    Raises :class:`InputError` for a missing, empty or non-UTF-8 file, and
    :class:`ValidationError` (with file and line) for a line that is not JSON.
    """
    for number, record, error in _lines(Path(path)):
        if error is not None:
            raise error
        yield number, record


def iter_parsed(
    path: str | Path,
    parse: Callable[[Any, int], T],
    *,
    lenient: bool,
    report: ReadReport | None,
) -> Iterator[T]:
    """Parse each record with ``parse``; in lenient mode skip bad ones into ``report``."""
    path = Path(path)
    for number, record, error in _lines(path):
        if error is not None:  # malformed JSON on one line
            if not lenient:
                raise error
            if report is not None:
                report.skipped.append(Problem(str(path), number, str(error)))
            continue
        try:
            item = parse(record, number)
        except ValidationError as err:
            located = err.located(path, number)
            if not lenient:
                raise located from None
            if report is not None:
                report.skipped.append(Problem(str(path), number, str(located)))
            continue
        if report is not None:
            report.read += 1
        yield item


def iter_documents(
    path: str | Path, *, lenient: bool = False, report: ReadReport | None = None
) -> Iterator[AnnotatedDocument]:
    """Stream annotated documents from a JSONL file of Prodigy tasks.

    Strict by default: the first bad record raises an error naming file, line and field.
    With ``lenient=True`` bad records are skipped and listed in ``report`` (pass one in to
    see them) — never dropped silently.
    """
    stem = Path(path).stem
    return iter_parsed(
        path,
        lambda record, number: record_to_document(record, fallback_id=f"{stem}-{number}"),
        lenient=lenient,
        report=report,
    )


def read_documents(
    path: str | Path, *, lenient: bool = False
) -> tuple[list[AnnotatedDocument], ReadReport]:
    """Read a whole JSONL file; returns the documents and a report of what was skipped."""
    report = ReadReport()
    docs = list(iter_documents(path, lenient=lenient, report=report))
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise ValidationError(f"document id {dup!r} occurs more than once", source=path)
    return docs, report


def write_records(path: str | Path, records: Iterable[dict[str, Any]]) -> int:
    """Write JSON objects one per line (UTF-8, not ASCII-escaped); returns the count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=False))
            handle.write("\n")
            count += 1
    return count


def write_documents(path: str | Path, docs: Iterable[AnnotatedDocument]) -> int:
    """Write annotated documents as Prodigy tasks; returns the count."""
    return write_records(path, (document_to_record(d) for d in docs))
