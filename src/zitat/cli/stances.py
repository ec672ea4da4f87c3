"""``zitat stances``: each speaker's position on each target across a corpus."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click
from rich.table import Table
from rich.text import Text

from zitat.cli._common import console, echo_json
from zitat.errors import InputError

if TYPE_CHECKING:
    from zitat.stances import StanceSummary, TargetPosition

__all__ = ["stances"]

_STYLE = {"favor": "green", "against": "red", "neutral": "dim", "mixed": "yellow"}


def _counts(p: TargetPosition) -> str:
    return f"{p.favor} / {p.against} / {p.neutral}"


def _evidence_cell(p: TargetPosition, limit: int) -> Text:
    cell = Text()
    for i, e in enumerate(p.evidence[:limit]):
        if i:
            cell.append("\n")
        where = f"{e.doc_id}/{e.quote_id}" if e.quote_id else f"{e.doc_id}/(speaker)"
        cell.append(f"{where} ", style="bold")
        cell.append(e.polarity.value, style=_STYLE[e.polarity.value])
        cell.append(f" {e.excerpt}")
    if len(p.evidence) > limit:
        cell.append(f"\n… {len(p.evidence) - limit} more", style="dim")
    return cell


def _table(summary: StanceSummary, title: str, evidence: int) -> Table:
    table = Table(title=title, show_lines=False, expand=True)
    table.add_column("speaker", max_width=26)
    table.add_column("target", max_width=30)
    table.add_column("position", no_wrap=True)
    table.add_column("fav / ag / neu", justify="right", no_wrap=True)
    table.add_column("evidence: document/quote, polarity, excerpt", ratio=1, min_width=40)
    groups: list[tuple[str, tuple[TargetPosition, ...]]] = [
        (f"{s.name}\n[dim]{s.kind}, {len(s.documents)} doc(s)[/]", s.positions)
        for s in summary.speakers
    ]
    if summary.unattributed:
        groups.append(("[dim](unattributed)[/]", summary.unattributed))
    for name, positions in groups:
        for i, p in enumerate(positions):
            table.add_row(
                name if i == 0 else "",
                p.label if p.label == p.target else f"{p.label}\n[dim]{p.target}[/]",
                Text(p.position.value, style=f"bold {_STYLE[p.position.value]}"),
                _counts(p),
                _evidence_cell(p, evidence),
                end_section=i == len(positions) - 1,
            )
    return table


@click.command("stances")
@click.argument("path")
@click.option(
    "--extractor",
    "-e",
    help="Find quotes, speakers and stances with this extractor (e.g. rules-stance) instead "
    "of using the stances PATH holds.",
)
@click.option(
    "--targets",
    "targets_spec",
    help="Target inventory: a YAML/JSON file, a gold folder or a gold set name "
    "(default: the inventory that comes with PATH).",
)
@click.option(
    "--evidence",
    default=3,
    show_default=True,
    type=click.IntRange(min=0),
    help="Evidence quotes shown per target in the table (--json has all).",
)
@click.option("--timeout", default=60.0, show_default=True, help="Seconds per document.")
@click.option("--no-isolate", is_flag=True, help="Run the extractor in this process.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def stances(
    path: str,
    extractor: str | None,
    targets_spec: str | None,
    evidence: int,
    timeout: float,
    no_isolate: bool,
    as_json: bool,
) -> None:
    """Each speaker's position on each target across the documents at PATH.

    PATH is a gold set name (`seeds`), a JSONL file or gold folder, or a folder of
    <doc_id>.txt texts. Without --extractor the stances PATH holds are summarised (gold, or
    saved predictions); with it, the extractor finds quotes, speakers and stances first.
    Speakers are linked across documents by name. Per speaker and target: counts of favor,
    against and neutral quotes and a position — one side only: that side; both: the side with
    at least twice as many quotes, else mixed; neutral quotes never outweigh polar ones.
    """
    from zitat.cli._corpus import load_corpus, run_over
    from zitat.cli.targets import find_inventory
    from zitat.entities import link_entities
    from zitat.plugins import Plugins
    from zitat.schema import Task
    from zitat.stances import summarise_stances

    docs, inventory = load_corpus(path)
    if targets_spec is not None:
        inventory, _ = find_inventory(targets_spec)
    failed: list[dict[str, str]] = []
    if extractor is not None:
        if inventory is None:
            raise InputError(
                f"{path} comes with no target inventory; name one with --targets "
                "(an inventory file, a gold folder or a gold set name)"
            )
        cls = Plugins().extractor(extractor)
        if Task.STANCES not in cls.tasks:
            raise InputError(
                f"extractor {extractor!r} does not find stances (its tasks: "
                f"{', '.join(sorted(t.value for t in cls.tasks))})"
            )
        docs, failed = run_over(
            docs,
            cls,
            targets=inventory,
            isolate=not no_isolate,
            timeout=timeout,
            left_out="stances",
        )
    elif not any(d.annotations.stances for d in docs):
        raise InputError(
            f"{path} holds no stances; run an extractor over it, e.g. "
            f"`zitat stances {path} --extractor rules-stance`"
        )
    summary = summarise_stances(docs, link_entities(docs), targets=inventory)
    source = f"{path} ({'extractor ' + extractor if extractor else 'stances as given'})"
    if as_json:
        data: dict[str, Any] = {"source": path, "extractor": extractor, **summary.to_data()}
        data["failed"] = failed
        echo_json(data)
        return
    n = len(summary.speakers)
    table = _table(
        summary, f"Stances of {n} speakers in {summary.documents} documents — {source}", evidence
    )
    console.print(table)
    console.print(
        f"[dim]position: {summary.rule}. Counts are quotes; a statement "
        "reported by several documents counts once per document.[/]",
        soft_wrap=True,
    )
