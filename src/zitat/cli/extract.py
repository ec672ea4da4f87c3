"""``zitat extract``: run an extractor over a corpus of any size into JSONL or Parquet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from zitat.cli._common import console, err_console, json_object

if TYPE_CHECKING:
    from zitat.extract.writers import OutputFormat

__all__ = ["extract_command"]


class _RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("– docs/s" if speed is None else f"{speed:,.1f} docs/s", style="cyan")


@click.command("extract")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("--extractor", "-e", required=True, help="Extractor to run (see `zitat plugins`).")
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    help="Output: .jsonl (Prodigy JSONL) or .parquet (a folder of parts); default: stdout.",
)
@click.option(
    "--format",
    "out_format",
    type=click.Choice(["jsonl", "parquet"]),
    help="Output format, if the suffix of --out does not say.",
)
@click.option(
    "--errors",
    type=click.Path(path_type=Path),
    help="Errors file (JSONL). Default: OUT's name with .errors.jsonl; stderr without --out.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Worker processes (local, default 1) or Ray actors (default: the cluster's CPUs).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Run on this machine, or on Ray Data (needs zitat[ray]).",
)
@click.option("--ray-address", help="Ray cluster to connect to (e.g. ray://head:10001, auto).")
@click.option(
    "--input-format",
    type=click.Choice(["txt", "jsonl", "parquet", "hf"]),
    help="Input format; detected from INPUT when not given.",
)
@click.option(
    "--text-field", default="text", show_default=True, help="Field (column) holding the text."
)
@click.option(
    "--id-field",
    default="id",
    show_default=True,
    help="Field holding the document id (JSONL: dotted paths like meta.doc_id).",
)
@click.option("--split", help="Split of a saved DatasetDict.")
@click.option("--config", "config", metavar="JSON", help="Extractor configuration as JSON.")
@click.option(
    "--timeout",
    type=float,
    default=60.0,
    show_default=True,
    help="Seconds one document may take (local engine).",
)
@click.option(
    "--lenient",
    is_flag=True,
    help="Record unreadable input records in the errors file and go on (default: stop).",
)
@click.option(
    "--overwrite", is_flag=True, help="Start OUT afresh instead of resuming where it stopped."
)
@click.option(
    "--no-isolate", is_flag=True, help="Extract in this process (debugging; no timeouts)."
)
def extract_command(
    input_path: Path,
    extractor: str,
    out: Path | None,
    out_format: str | None,
    errors: Path | None,
    jobs: int | None,
    engine: str,
    ray_address: str | None,
    input_format: str | None,
    text_field: str,
    id_field: str,
    split: str | None,
    config: str | None,
    timeout: float,
    lenient: bool,
    overwrite: bool,
    no_isolate: bool,
) -> None:
    """Annotate every document of INPUT with an extractor, streaming, resumably.

    INPUT is a folder of .txt files, a JSONL file, Parquet, or a Hugging Face dataset saved
    with save_to_disk. Documents already in OUT are skipped, so an interrupted run goes on
    where it stopped; documents that fail go to the errors file. See docs/extract.md.
    """
    from zitat.extract.tofile import extract_to  # loads the readers and engines

    with Progress(
        TextColumn("[bold]extract[/] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task(extractor, total=None)

        def advance(count: int) -> None:
            progress.advance(task, count)

        report = extract_to(
            input_path,
            extractor,
            out,
            format=cast("OutputFormat | None", out_format),
            errors=errors,
            overwrite=overwrite,
            on_start=lambda total: progress.update(task, total=total),
            config=None if config is None else json_object(config),
            engine=engine,
            jobs=jobs,
            input_format=input_format,
            text_field=text_field,
            id_field=id_field,
            split=split,
            lenient=lenient,
            timeout=timeout,
            isolate=not no_isolate,
            ray_address=ray_address,
            on_progress=advance,
        )
    summary = report.summary
    rate = summary.docs_per_second
    where = "stdout" if report.out is None else str(report.out)
    shown = err_console if out is None else console  # stdout may be the records
    shown.print(
        f"{summary.documents} documents: {summary.extracted} written to {where}, "
        f"{summary.failed} failed"
        + (f" (see {report.errors})" if report.errors and summary.failed else "")
        + f", {summary.skipped} skipped (already in the output)"
        + (f" — {rate:,.1f} docs/s" if rate else ""),
        soft_wrap=True,
    )
    for note in report.notes:
        shown.print(f"[yellow]note:[/] {note}", soft_wrap=True)
