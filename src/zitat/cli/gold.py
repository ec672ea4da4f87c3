"""``zitat gold``: validate, count and build gold data."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from zitat.cli._common import ZitatGroup, console, echo_json, err_console
from zitat.gold.folder import load_gold_path
from zitat.gold.stats import gold_stats


@click.group(cls=ZitatGroup)
def gold() -> None:
    """Validate, count and build gold data."""


@gold.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--lenient", is_flag=True, help="Report bad records and go on instead of stopping.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def validate(path: Path, lenient: bool, as_json: bool) -> None:
    """Check gold data at PATH (a JSONL file or a gold folder); exit 1 if anything is wrong."""
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

    write_gold(source, corpus, out, stances, targets)
    bundle = load_gold_path(out)
    console.print(f"wrote {len(bundle.documents)} documents to {out}, stance tasks to {stances}")
