"""``zitat annotate``: pre-annotated Prodigy tasks out, annotators' answers back in as gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from zitat.cli._common import ZitatGroup, console, echo_json, err_console, json_object
from zitat.errors import InputError


@click.group(cls=ZitatGroup)
def annotate() -> None:
    """Annotate with Prodigy: export pre-annotated tasks, import db-out answers as gold.

    See docs/annotation.md for the whole workflow and the Prodigy commands.
    """


def _default_targets() -> Path:
    from zitat.gold.bundled import bundled_gold_dir

    return bundled_gold_dir() / "targets.yaml"


def _stance_path(out: Path) -> Path:
    stem = out.name.removesuffix(".jsonl")
    return out.with_name(f"{stem}.stances.jsonl")


@annotate.command("export")
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option("--extractor", "-e", required=True, help="Extractor that pre-annotates the tasks.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Quote tasks for Prodigy's rel.manual (JSONL).",
)
@click.option(
    "--stance-out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Stance choice tasks (default: <out>.stances.jsonl).",
)
@click.option(
    "--targets",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Stance target inventory (default: the bundled gold/targets.yaml).",
)
@click.option(
    "--all-targets", is_flag=True, help="Ask every quote about every target, not only proposals."
)
@click.option("--config", "config", metavar="JSON", help="Extractor configuration (JSON object).")
@click.option(
    "--jobs", "-j", type=int, default=1, show_default=True, help="Extractor worker processes."
)
@click.option(
    "--timeout",
    type=float,
    default=60.0,
    show_default=True,
    help="Seconds one document may take before it counts as failed.",
)
@click.option("--no-isolate", is_flag=True, help="Run the extractor in this process (no timeout).")
@click.option("--skip-failed", is_flag=True, help="Write no task for a document that failed.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def export_command(
    corpus: Path,
    extractor: str,
    out: Path,
    stance_out: Path | None,
    targets: Path | None,
    all_targets: bool,
    config: str | None,
    jobs: int,
    timeout: float,
    no_isolate: bool,
    skip_failed: bool,
    as_json: bool,
) -> None:
    """Pre-annotate CORPUS (a folder of .txt files or JSONL) with an extractor for Prodigy.

    Writes one task per document for `prodigy rel.manual` and one stance choice task per
    question for `prodigy mark --view-id choice` (or textcat.manual). A document the
    extractor fails on is reported and gets a task without pre-annotation.
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from zitat.annotate import export_tasks, iter_corpus
    from zitat.plugins import Plugins
    from zitat.schema import TargetInventory

    extractor_cls = Plugins().extractor(extractor)
    targets_path = targets or _default_targets()
    inventory = TargetInventory.load(targets_path)
    stance_out = stance_out or _stance_path(out)
    if out.resolve() == stance_out.resolve():
        raise InputError(f"{out}: --out and --stance-out are the same file")
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=as_json,
    ) as progress:
        bar = progress.add_task(f"{extractor}: 0 documents", total=None)
        done = [0]

        def advance(_: object) -> None:
            done[0] += 1
            progress.update(bar, description=f"{extractor}: {done[0]} documents")

        try:
            summary = export_tasks(
                iter_corpus(corpus),
                extractor_cls,
                out=out,
                stance_out=stance_out,
                targets=inventory,
                all_targets=all_targets,
                config=None if config is None else json_object(config),
                jobs=jobs,
                timeout=timeout,
                isolate=not no_isolate,
                skip_failed=skip_failed,
                progress=advance,
            )
        except RuntimeError as err:  # the extractor could not even start
            raise InputError(f"{extractor}: {err}") from None
    if as_json:
        echo_json({**summary.to_json(), "out": str(out), "stance_out": str(stance_out)})
        return
    console.print(
        f"wrote {summary.tasks} quote tasks ({summary.quotes} quotes) to {out} and "
        f"{summary.stance_tasks} stance tasks ({summary.stance_questions} quote × target "
        f"questions) to {stance_out}; targets from {targets_path}",
        soft_wrap=True,
    )
    if summary.hidden_spans:
        console.print(
            f"{summary.hidden_spans} spans overlap others and are not shown in Prodigy's "
            "relations interface; the tasks carry them, `zitat annotate import` restores them",
            soft_wrap=True,
        )
    if summary.failures:
        what = "left out" if skip_failed else "tasks without pre-annotation"
        console.print(f"[yellow]{len(summary.failures)} documents failed ({what}):[/]")
        for f in summary.failures:
            console.print(f"  {f.doc_id}: {f.status}: {f.error}", soft_wrap=True, markup=False)


@annotate.command("import")
@click.argument(
    "db_out", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for one gold folder per annotator (default: <first DB_OUT>-gold).",
)
@click.option(
    "--duplicates",
    type=click.Choice(["latest", "first", "error"]),
    default="latest",
    show_default=True,
    help="Which answer wins when an annotator answered a task twice (by _timestamp).",
)
@click.option(
    "--dataset",
    "datasets",
    multiple=True,
    default=("zitat_quotes", "zitat_stances"),
    show_default=True,
    help="Prodigy dataset names to strip from session ids ('<dataset>-<name>').",
)
@click.option(
    "--targets",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Stance target inventory (default: the bundled gold/targets.yaml).",
)
@click.option(
    "--no-restore",
    is_flag=True,
    help="Keep only what the annotator saw; do not restore spans the interface did not show.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def import_command(
    db_out: tuple[Path, ...],
    out: Path | None,
    duplicates: str,
    datasets: tuple[str, ...],
    targets: Path | None,
    no_restore: bool,
    as_json: bool,
) -> None:
    """Import Prodigy `db-out` files (quote and stance tasks) as gold, one folder per annotator.

    accept = gold as saved; reject = the task is wrong, not gold; ignore = skipped. Writes
    OUT/<annotator>/gold.jsonl, gold.stances.jsonl and targets.yaml (load them with `zitat gold
    validate`), and OUT/import-report.md and .json. Exits 1 if a record did not validate.
    """
    from zitat.annotate import import_db_out

    out = out or db_out[0].with_name(db_out[0].name.removesuffix(".jsonl") + "-gold")
    report = import_db_out(
        db_out,
        out,
        duplicates=duplicates,  # type: ignore[arg-type]
        datasets=datasets,
        restore=not no_restore,
        targets=targets or _default_targets(),
    )
    out.mkdir(parents=True, exist_ok=True)
    (out / "import-report.md").write_text(report.to_markdown(), encoding="utf-8")
    (out / "import-report.json").write_text(
        json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    if as_json:
        echo_json(report.to_json())
    else:
        _print_report(report)
    if report.invalid:
        raise SystemExit(1)


def _print_report(report: Any) -> None:
    from zitat.annotate.report import REASONS

    table = Table(title=f"Prodigy import into {report.out}")
    table.add_column("annotator", no_wrap=True)
    for column in ("documents", "quotes", "stance answers", *REASONS):
        table.add_column(column, justify="right")
    for name, a in sorted(report.annotators.items()):
        table.add_row(
            name,
            str(a.documents),
            str(a.quotes),
            str(sum(a.stance_answers.values())),
            *(str(report.skipped(name, r)) for r in REASONS),
        )
    console.print(table)
    for name, a in sorted(report.annotators.items()):
        for note, n in sorted(a.notes.items()):
            console.print(f"{name}: {note}: {n}", soft_wrap=True, markup=False)
    for issue in report.issues:
        err_console.print(
            f"[yellow]{issue.reason}[/] {escape(issue.where)} ({escape(issue.annotator)}): "
            + escape(issue.detail),
            soft_wrap=True,
            highlight=False,
        )
    console.print(f"report: {Path(report.out) / 'import-report.md'} (and .json)")
