"""Rich tables of an agreement report for the terminal (``zitat gold agree``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from zitat.agreement.layout import GridTable, agreement_tables
from zitat.agreement.report import AgreementReport

__all__ = ["print_agreement", "rich_table"]


def rich_table(grid: GridTable) -> Table:
    """One :class:`GridTable` as a rich table."""
    table = Table(title=grid.title)
    for header, numeric in zip(grid.headers, grid.numeric, strict=True):
        table.add_column(header, justify="right" if numeric else "left", no_wrap=not numeric)
    for row in grid.rows:
        table.add_row(*row)
    return table


def print_agreement(console: Console, report: AgreementReport, *, limit: int = 20) -> None:
    """The report's tables, then the first ``limit`` disagreements (all with ``limit < 0``)."""
    for grid in agreement_tables(report):
        console.print(rich_table(grid))
    for doc_id in report.single:
        console.print(
            f"[yellow]{doc_id}[/] is annotated by {report.coverage[doc_id][0]} only: not compared"
        )
    shown = report.disagreements if limit < 0 else report.disagreements[:limit]
    if not shown:
        console.print("no disagreements")
        return
    table = Table(title=f"{len(report.disagreements)} disagreements")
    table.add_column("document", no_wrap=True)
    table.add_column("unit", no_wrap=True)
    table.add_column("field", no_wrap=True)
    table.add_column("text")
    for name in report.annotators:
        table.add_column(name)
    for d in shown:
        values = [
            ("—" if d.values[a] is None else str(d.values[a])) if a in d.values else ""
            for a in report.annotators
        ]
        table.add_row(d.doc_id, d.unit, d.field, d.excerpt, *values)
    console.print(table)
    rest = len(report.disagreements) - len(shown)
    if rest > 0:
        console.print(f"… and {rest} more (all of them with --all, --json or --out)")
