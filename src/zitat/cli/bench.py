"""``zitat bench``: run, report, compare and re-score benchmark runs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from zitat.cli._common import ZitatGroup, console, echo_json, err_console, json_object
from zitat.errors import InputError

if TYPE_CHECKING:
    from zitat.bench.runner import ExtractorRun

# zitat.bench.goldspec.DEFAULT_GOLD, repeated so that `zitat --help` does not import the
# gold loading (and the plugin manager); a test checks they match.
DEFAULT_GOLD = "seeds"


@click.group(cls=ZitatGroup)
def bench() -> None:
    """Score extractors against gold data."""


def _configs(values: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    configs: dict[str, dict[str, Any]] = {}
    for value in values:
        name, sep, raw = value.partition("=")
        if not sep:
            raise InputError(f"--config expects NAME=JSON, got {value!r}")
        configs[name] = json_object(raw, f"--config {name}")
    return configs


def print_comparison(results: dict[str, Any]) -> None:
    """The terminal comparison table, best per column marked, failures listed under it."""
    from zitat.bench.table import Cell, comparison_table

    table_data = comparison_table(results)
    gold = results["gold"]
    title = f"{gold['spec']} — {gold['scored_documents']} documents"
    # With the intervals the table needs about 16 columns per metric; on a narrow terminal
    # show the scores alone rather than cells cut to "0.9…".
    names = [name for name, _, _ in table_data.rows] or ["extractor"]
    wide = max(map(len, names)) + 16 * len(table_data.metrics) + 12 <= console.width
    caption = (
        "± half the 95% bootstrap interval; ★ best per column"
        if wide
        else "★ best per column; 95% intervals: `zitat bench report` or a wider terminal"
    )
    table = Table(title=title, caption=caption)
    table.add_column("extractor", no_wrap=True)
    for _, header in table_data.metrics:
        table.add_column(header, justify="right", no_wrap=False, min_width=5)
    table.add_column("docs/s", justify="right", no_wrap=True)
    for name, cells, speed in table_data.rows:
        texts = []
        for c in cells:
            text = (c if wide else Cell(c.value)).text()
            texts.append(f"[bold green]{text} ★[/]" if c.best else text)
        table.add_row(name, *texts, speed.removesuffix("/s"))
    console.print(table)
    for entry in results["extractors"]:
        if entry.get("error"):
            console.print(f"[red]{entry['name']} failed:[/] {entry['error']}", soft_wrap=True)
        for failure in entry.get("failures", []):
            console.print(
                f"[yellow]{entry['name']}[/] {failure['status']} on {failure['doc_id']}: "
                f"{failure['error']}",
                soft_wrap=True,
            )
    for skipped in results.get("skipped_extractors", []):
        console.print(f"[dim]skipped {skipped['name']}: {skipped['reason']}[/]", soft_wrap=True)
    for failure in results.get("plugin_failures", []):
        console.print(
            f"[red]plugin {failure['plugin']} failed ({failure['stage']}):[/] {failure['error']}",
            soft_wrap=True,
        )


@bench.command("run")
@click.option(
    "--extractor",
    "-e",
    "extractors",
    multiple=True,
    help="Extractor to run (repeatable); default: every installed extractor.",
)
@click.option(
    "--gold",
    default=DEFAULT_GOLD,
    show_default=True,
    help="A gold set NAME[:SPLIT] (e.g. wikinews:dev) or a path to gold JSONL/folder.",
)
@click.option(
    "--tasks",
    default="quotes,speakers,stances",
    show_default=True,
    help="Comma-separated tasks to score.",
)
@click.option(
    "--out", type=click.Path(path_type=Path), help="Run folder (default: runs/<timestamp>-<gold>)."
)
@click.option("--limit", type=int, help="Score a seeded random sample of N documents.")
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Seed of --limit sampling and of the bootstrap.",
)
@click.option(
    "--jobs", "-j", type=int, default=1, show_default=True, help="Worker processes per extractor."
)
@click.option(
    "--timeout",
    type=float,
    default=60.0,
    show_default=True,
    help="Seconds one document may take before it is recorded as a timeout.",
)
@click.option(
    "--bootstrap",
    "n_boot",
    type=int,
    default=1000,
    show_default=True,
    help="Bootstrap resamples for intervals and paired tests.",
)
@click.option(
    "--config",
    "configs",
    multiple=True,
    metavar="NAME=JSON",
    help="Extractor configuration, e.g. rules='{\"reject_scare_quotes\": false}'.",
)
@click.option(
    "--no-isolate", is_flag=True, help="Run extractors in this process (debugging; no timeouts)."
)
@click.option("--json", "as_json", is_flag=True, help="Print results.json instead of a table.")
def run_command(
    extractors: tuple[str, ...],
    gold: str,
    tasks: str,
    out: Path | None,
    limit: int | None,
    seed: int,
    jobs: int,
    timeout: float,
    n_boot: int,
    configs: tuple[str, ...],
    no_isolate: bool,
    as_json: bool,
) -> None:
    """Run extractors over a gold set, score every task, save and compare.

    With no options: every installed extractor on the bundled seeds gold.
    """
    from zitat.bench.run import BenchSettings, ProgressHooks, bench_run  # imports the scorers

    settings = BenchSettings(
        extractors=list(extractors) or None,
        gold=gold,
        tasks=tuple(t.strip() for t in tasks.split(",") if t.strip()),
        out=out,
        limit=limit,
        seed=seed,
        jobs=jobs,
        timeout=timeout,
        n_boot=n_boot,
        isolate=not no_isolate,
        configs=_configs(configs),
    )
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=as_json,
    ) as progress:
        current: dict[str, Any] = {}

        def start(name: str, total: int) -> None:
            current["task"] = progress.add_task(f"{name}", total=total)

        def advance() -> None:
            progress.advance(current["task"])

        def end(run: ExtractorRun) -> None:
            status = "[red]failed[/]" if run.error else f"{len(run.predictions)} documents"
            progress.console.print(f"  {run.name}: {status}, {len(run.failures)} failures")

        def scoring(name: str) -> None:
            progress.update(current["task"], description=f"scoring {name}")

        results, layout = bench_run(
            settings,
            progress=ProgressHooks(
                start_extractor=start, advance=advance, end_extractor=end, scoring=scoring
            ),
        )
    if as_json:
        echo_json(results)
        return
    print_comparison(results)
    console.print(f"saved to {layout.root}/ (results.json, predictions/, report.md)")


@bench.command("report")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
def report_command(run_dir: Path) -> None:
    """Print a run's Markdown report (and rewrite RUN_DIR/report.md)."""
    from zitat.bench.layout import RunLayout
    from zitat.bench.report import markdown_report
    from zitat.bench.results import load_results

    text = markdown_report(load_results(run_dir))
    RunLayout(run_dir).report.write_text(text, encoding="utf-8")
    click.echo(text)


@bench.command("rescore")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--bootstrap", "n_boot", type=int, help="Bootstrap resamples (default: as run).")
@click.option("--allow-changed-gold", is_flag=True, help="Score even if the gold changed.")
def rescore_command(run_dir: Path, n_boot: int | None, allow_changed_gold: bool) -> None:
    """Score a run's saved predictions again, without running extractors."""
    from zitat.bench.rescore import rescore_run

    results = rescore_run(run_dir, n_boot=n_boot, allow_changed_gold=allow_changed_gold)
    print_comparison(results)


@bench.command("compare")
@click.argument("run_a", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("run_b", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def compare_command(run_a: Path, run_b: Path, as_json: bool) -> None:
    """Deltas (B − A) of the headline scores, with paired tests when the gold is the same."""
    from zitat.bench.rescore import compare_runs

    comparison = compare_runs(run_a, run_b)
    if as_json:
        echo_json(comparison)
        return
    table = Table(title=f"{run_b} − {run_a}")
    for column in ("extractor", "metric", "A", "B", "B − A", "p"):
        table.add_column(column, justify="left" if column in {"extractor", "metric"} else "right")
    for row in comparison["rows"]:
        p = row.get("p_value")
        mark = " *" if p is not None and p < 0.05 else ""
        table.add_row(
            row["extractor"],
            row["title"],
            f"{row['a']:.3f}",
            f"{row['b']:.3f}",
            f"{row['delta']:+.3f}{mark}",
            "–" if p is None else f"{p:.3f}",
        )
    console.print(table)
    if not comparison["same_gold"]:
        console.print("[yellow]the runs used different gold; no paired tests[/]")
