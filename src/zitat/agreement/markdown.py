"""Markdown: the agreement report (``zitat gold agree --out``)."""

from __future__ import annotations

from collections.abc import Iterable

from zitat.agreement.layout import GridTable, agreement_tables
from zitat.agreement.report import AgreementReport

__all__ = ["agreement_markdown", "cell", "markdown_table"]


def cell(value: str | None) -> str:
    """A table cell: pipes escaped, one line, ``—`` for nothing."""
    if value is None:
        return "—"
    return " ".join(value.split()).replace("|", "\\|") or "—"


def markdown_table(table: GridTable) -> list[str]:
    """The lines of one table with a bold title above it."""
    align = ["---:" if n else "---" for n in table.numeric]
    lines = [f"**{table.title}**", ""]
    lines.append("| " + " | ".join(cell(h) for h in table.headers) + " |")
    lines.append("| " + " | ".join(align) + " |")
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in table.rows]
    return [*lines, ""]


def _lines(report: AgreementReport) -> Iterable[str]:
    names = report.annotators
    yield "# Inter-annotator agreement"
    yield ""
    shared = sum(len(n) >= 2 for n in report.coverage.values())
    yield (
        f"Annotators: {', '.join(names)}. Documents: {len(report.coverage)}, "
        f"{shared} annotated by two or more, {len(report.single)} by one only."
    )
    yield ""
    for doc_id in report.single:
        yield f"- `{doc_id}` is annotated by {report.coverage[doc_id][0]} only: not compared."
    for name, docs in report.missing.items():
        if docs:
            yield f"- {name} has no annotation of: {', '.join(f'`{d}`' for d in docs)}."
    yield ""
    yield "Metric names are those of `zitat gold agree --json`; docs/agreement.md defines them."
    yield ""
    for table in agreement_tables(report):
        yield from markdown_table(table)
    yield f"## Disagreements ({len(report.disagreements)})"
    yield ""
    current = None
    for d in report.disagreements:
        if d.doc_id != current:
            if current is not None:
                yield ""
            current = d.doc_id
            present = report.coverage[d.doc_id]
            yield f"### {d.doc_id}"
            yield ""
            yield "| unit | field | text | " + " | ".join(cell(a) for a in present) + " |"
            yield "| --- | --- | --- | " + " | ".join("---" for _ in present) + " |"
        values = [cell(d.values.get(a)) if a in d.values else "" for a in report.coverage[d.doc_id]]
        where = f"{d.unit} ({d.start}–{d.end})"
        yield f"| {where} | {d.field} | {cell(d.excerpt)} | " + " | ".join(values) + " |"
    yield ""


def agreement_markdown(report: AgreementReport) -> str:
    """The whole report as Markdown."""
    return "\n".join(_lines(report)).rstrip() + "\n"
