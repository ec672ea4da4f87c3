"""``zitat gold``: validate, count and build gold data."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from zitat.cli._common import ZitatGroup, console, echo_json, err_console


@click.group(cls=ZitatGroup)
def gold() -> None:
    """Validate, count and build gold data."""


@gold.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--lenient", is_flag=True, help="Report bad records and go on instead of stopping.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def validate(path: Path, lenient: bool, as_json: bool) -> None:
    """Check gold data at PATH (a JSONL file or a gold folder); exit 1 if anything is wrong."""
    from zitat.gold.folder import load_gold_path

    bundle = load_gold_path(path, lenient=lenient)
    skipped = [str(p) for r in bundle.reports.values() for p in r.skipped]
    result = {
        "ok": not skipped,
        "files": [str(f) for f in bundle.files],
        "documents": len(bundle.documents),
        "quotes": sum(len(d.annotations.quotes) for d in bundle.documents),
        "stance_answers": len(bundle.stance_answers),
        "targets": len(bundle.targets) if bundle.targets else 0,
        "skipped": skipped,
    }
    if as_json:
        echo_json(result)
    else:
        for problem in skipped:
            err_console.print(f"[red]skipped[/] {problem}", soft_wrap=True)
        verdict = "[green]valid[/]" if not skipped else f"[red]{len(skipped)} bad records[/]"
        console.print(
            f"{verdict}: {result['documents']} documents, {result['quotes']} quotes, "
            f"{result['stance_answers']} stance answers, {result['targets']} targets "
            f"in {len(bundle.files)} files"
        )
    if skipped:
        raise SystemExit(1)


@gold.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(path: Path, as_json: bool) -> None:
    """Count documents, quotes by type and medium, speakers, targets and polarities."""
    from zitat.gold.folder import load_gold_path
    from zitat.gold.stats import gold_stats

    bundle = load_gold_path(path)
    counts = gold_stats(bundle.documents)
    if as_json:
        echo_json(counts)
        return
    docs = Table(
        title=f"{counts['documents']} documents, {counts['quotes']} quotes, "
        f"{counts['stances']} stances"
    )
    columns = ["tokens", "sentences", "quotes", "entities", "mentions", "stances"]
    docs.add_column("document", no_wrap=True)
    for c in columns:
        docs.add_column(c, justify="right")
    for doc_id, row in counts["by_document"].items():
        docs.add_row(doc_id, *(str(row[c]) for c in columns))
    console.print(docs)
    for key, title in [
        ("by_type", "type"),
        ("by_medium", "medium"),
        ("by_speaker", "speaker"),
        ("by_target", "target"),
        ("by_polarity", "polarity"),
    ]:
        if not counts[key]:
            continue
        table = Table(
            title=f"quotes by {title}"
            if key not in {"by_target", "by_polarity"}
            else f"stances by {title}"
        )
        table.add_column(title)
        table.add_column("count", justify="right")
        for name, n in counts[key].items():
            table.add_row(name, str(n))
        console.print(table)


@gold.command()
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="Folder of the texts, <doc_id>.txt.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="Gold JSONL to write (Prodigy tasks, one per document).",
)
@click.option(
    "--stances",
    type=click.Path(path_type=Path),
    required=True,
    help="Where to write the stances as Prodigy choice tasks.",
)
@click.option(
    "--targets",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="Target inventory the stances must use.",
)
def build(source: Path, corpus: Path, out: Path, stances: Path, targets: Path) -> None:
    """Build gold JSONL from hand-written YAML files with text anchors (see gold/README.md)."""
    from zitat.gold.anchors import write_gold
    from zitat.gold.folder import load_gold_path

    write_gold(source, corpus, out, stances, targets)
    bundle = load_gold_path(out)
    console.print(f"wrote {len(bundle.documents)} documents to {out}, stance tasks to {stances}")


def _names(names: str | None) -> list[str] | None:
    return None if names is None else [n.strip() for n in names.split(",")]


def _two_or_more(paths: tuple[Path, ...]) -> None:
    if len(paths) < 2:
        raise click.UsageError("give at least two gold paths, one per annotator")


_NAMES_HELP = "Comma-separated annotator names, one per PATH (default: the file or folder stems)."


@gold.command("agree")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--names", help=_NAMES_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as JSON.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the report, with every disagreement, as Markdown.",
)
@click.option(
    "--all", "show_all", is_flag=True, help="List every disagreement (default: the first 20)."
)
def agree_command(
    paths: tuple[Path, ...], names: str | None, as_json: bool, out: Path | None, show_all: bool
) -> None:
    """Inter-annotator agreement of two or more annotators' gold, one PATH per annotator.

    Each PATH is a gold JSONL file or a gold folder. Quote spans (exact and overlap F1),
    roles and speakers are scored with the harness's scorers; type, medium and stance get
    Cohen's kappa, Krippendorff's alpha and, for three or more annotators, Fleiss's and
    Davies–Fleiss kappa. See docs/agreement.md.
    """
    from zitat.agreement import agree, agreement_markdown, load_annotators
    from zitat.agreement.table import print_agreement

    _two_or_more(paths)
    report = agree(load_annotators(paths, _names(names)))
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(agreement_markdown(report), encoding="utf-8")
    if as_json:
        echo_json(report.to_dict())
        return
    print_agreement(console, report, limit=-1 if show_all else 20)
    if out is not None:
        console.print(f"wrote {out}", soft_wrap=True)


@gold.command("merge")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Merged gold JSONL to write: what the annotators agree on, plus decided conflicts.",
)
@click.option(
    "--worklist",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Open conflicts as Prodigy choice tasks (default: OUT's name + .worklist.jsonl).",
)
@click.option(
    "--worklist-md",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Open conflicts as a Markdown list (default: OUT's name + .worklist.md).",
)
@click.option(
    "--resolved",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An answered worklist (Prodigy's db-out); its decisions are applied. Repeatable.",
)
@click.option("--names", help=_NAMES_HELP)
@click.option(
    "--keep-single",
    is_flag=True,
    help="Copy documents that only one annotator has (default: leave them out).",
)
@click.option(
    "--stances",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the merged stances as Prodigy choice tasks.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the merge summary as JSON.")
def merge_command(
    paths: tuple[Path, ...],
    out: Path,
    worklist: Path | None,
    worklist_md: Path | None,
    resolved: tuple[Path, ...],
    names: str | None,
    keep_single: bool,
    stances: Path | None,
    as_json: bool,
) -> None:
    """Merge two or more annotators' gold: keep what they agree on, list the conflicts.

    Conflicts go to a worklist of Prodigy choice tasks (one per disputed quote, stance or
    speaker entity, each annotator's version an option) and a Markdown list. Answer the
    tasks in Prodigy, export them, and run the same command again with --resolved to fold
    the decisions into OUT. See docs/agreement.md.
    """
    from zitat.agreement import (
        load_annotators,
        merge,
        read_decisions,
        worklist_markdown,
        worklist_tasks,
    )
    from zitat.io import write_documents, write_records
    from zitat.io.stance_tasks import stance_tasks

    _two_or_more(paths)
    annotated = load_annotators(paths, _names(names))
    result = merge(annotated, decisions=read_decisions(resolved), keep_single=keep_single)
    write_documents(out, result.documents)
    tasks_path = worklist or out.with_name(f"{out.stem}.worklist.jsonl")
    md_path = worklist_md or out.with_name(f"{out.stem}.worklist.md")
    if result.conflicts:
        write_records(tasks_path, worklist_tasks(result))
    md_path.parent.mkdir(parents=True, exist_ok=True)
    md_path.write_text(worklist_markdown(result), encoding="utf-8")
    if stances is not None:
        write_records(stances, stance_tasks(result.documents))
    summary = result.summary()
    summary |= {
        "out": str(out),
        "worklist": str(tasks_path) if result.conflicts else None,
        "worklist_md": str(md_path),
    }
    if as_json:
        echo_json(summary)
        return
    for problem in summary["decisions_stale"]:
        err_console.print(f"[yellow]stale decision, not applied:[/] {problem}", soft_wrap=True)
    for problem in summary["decisions_unused"]:
        err_console.print(f"[yellow]decision for no open conflict:[/] {problem}", soft_wrap=True)
    for doc_id in result.single:
        what = "copied as it is" if keep_single else "left out (--keep-single copies it)"
        err_console.print(f"[yellow]{doc_id}[/] has one annotator only: {what}", soft_wrap=True)
    agreed = summary["agreed"]
    console.print(
        f"wrote {summary['documents']} documents to {out}: agreed {agreed['quote']} quotes, "
        f"{agreed['stance']} stances, {agreed['entity']} entities; "
        f"{summary['decisions_applied']} decisions applied",
        soft_wrap=True,
    )
    if result.conflicts:
        kinds = ", ".join(f"{n} {k}" for k, n in summary["open_by_kind"].items() if n)
        n = len(result.conflicts)
        console.print(
            f"{n} open conflict{'s' if n != 1 else ''} ({kinds}) in {tasks_path} and {md_path}",
            soft_wrap=True,
        )
    else:
        console.print("no open conflicts: the merged gold is complete")
