"""``zitat quotes``: work with the quotations of a corpus; ``quotes align`` tracks statements."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.table import Table
from rich.text import Text

from zitat.cli._common import ZitatGroup, console, echo_json, err_console
from zitat.errors import InputError

if TYPE_CHECKING:
    from zitat.schema import AnnotatedDocument
    from zitat.tracking import StatementCluster

# The choices are repeated here so that `zitat --help` does not import the tracking package;
# a test checks they match zitat.tracking.SIMILARITIES and LINKAGES.
SIMILARITY_CHOICES = (
    "lemma-jaccard",
    "lemma-dice",
    "lemma-overlap",
    "char3-dice",
    "char4-dice",
    "token-set",
    "token-set-lemma",
    "partial",
)
LINKAGE_CHOICES = ("single", "average", "complete")


@click.group(cls=ZitatGroup)
def quotes() -> None:
    """Work with the quotations of a corpus."""


def _with_gold(docs: list[AnnotatedDocument], spec: str) -> list[AnnotatedDocument]:
    """The corpus documents with the gold annotations of the same document id."""
    from zitat.bench.goldspec import load_gold
    from zitat.schema import AnnotatedDocument

    gold = {d.id: d for d in load_gold(spec).documents}
    out = []
    for doc in docs:
        found = gold.get(doc.id)
        if found is None:
            err_console.print(f"[yellow]no gold for {doc.id}[/]: its quotes are left out")
            continue
        if found.text != doc.text:
            raise InputError(f"document {doc.id!r}: the text differs from the gold's ({spec})")
        out.append(AnnotatedDocument(doc.document, found.annotations))
    return out


_SHOWN_WORDS = 8


def _diff_cell(only_version: tuple[str, ...], only_reference: tuple[str, ...]) -> Text:
    """``−word`` for reference words, ``+word`` for version words, at most 8 of each."""
    cell = Text()
    for sign, words, style in (("−", only_reference, "red"), ("+", only_version, "green")):
        for word in words[:_SHOWN_WORDS]:
            cell.append(f"{sign}{word} ", style=style)
        if len(words) > _SHOWN_WORDS:
            cell.append(f"({len(words) - _SHOWN_WORDS} more) ", style=f"dim {style}")
    return cell


def _heading(cluster: StatementCluster) -> str:
    speaker = cluster.speaker.name if cluster.speaker else "unattributed"
    docs = len(cluster.documents)
    parts = [f"{cluster.id} · {speaker} · {cluster.size} versions in {docs} document(s)"]
    first = cluster.first_seen
    if first is not None:
        where = ", ".join(first.documents)
        note = f"; {len(first.undated)} undated" if first.undated else ""
        parts.append(f"first seen {first.date.label} ({where}{note})")
    return " · ".join(parts)


def print_clusters(clusters: list[StatementCluster]) -> None:
    """One rich table per cluster: its versions, their form, faithfulness and differences."""
    for cluster in clusters:
        table = Table(title=_heading(cluster), title_justify="left", expand=True)
        table.add_column("document", no_wrap=True)
        table.add_column("date", no_wrap=True)
        table.add_column("form", no_wrap=True)
        table.add_column("faithful", justify="right", no_wrap=True)
        table.add_column("covers", justify="right", no_wrap=True)
        table.add_column("differences (−reference +version)", ratio=1)
        table.add_column("text", ratio=2)
        for v in cluster.versions:
            where = f"{v.doc_id}/{v.quote_id}" + (f"\n{v.outlet}" if v.outlet else "")
            table.add_row(
                Text(where, style="bold" if v.is_reference else ""),
                v.date.label if v.date else "–",
                v.form.value + (" (ref)" if v.is_reference else ""),
                f"{v.faithfulness:.2f}",
                f"{v.coverage:.2f}",
                _diff_cell(v.comparison.only_in_version, v.comparison.only_in_reference),
                Text(v.text),
            )
        console.print(table)


@quotes.command("align")
@click.argument("corpus")
@click.option(
    "--extractor",
    "-e",
    help="Find the quotes with this extractor (the corpus's own annotations are ignored).",
)
@click.option(
    "--gold",
    "gold_spec",
    metavar="NAME|PATH",
    help="Take the quotes from this gold (matched by document id) instead of the corpus.",
)
@click.option(
    "--similarity",
    type=click.Choice(SIMILARITY_CHOICES),
    help="Content similarity (default: the measured best, see docs/tracking.md).",
)
@click.option("--linkage", type=click.Choice(LINKAGE_CHOICES), help="Cluster linkage.")
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    help="Similarity a merge needs, 0-1 (default: the measured best).",
)
@click.option(
    "--min-size",
    type=click.IntRange(1),
    default=2,
    show_default=True,
    help="Show statements with at least this many versions.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the clusters as JSON.")
@click.option(
    "--html", "html_out", type=click.Path(path_type=Path), help="Write an HTML page here."
)
@click.option(
    "--timeout",
    type=float,
    default=60.0,
    show_default=True,
    help="Seconds one document may take (with --extractor).",
)
@click.option("--no-isolate", is_flag=True, help="Run the extractor in this process.")
def align_command(
    corpus: str,
    extractor: str | None,
    gold_spec: str | None,
    similarity: str | None,
    linkage: str | None,
    threshold: float | None,
    min_size: int,
    as_json: bool,
    html_out: Path | None,
    timeout: float,
    no_isolate: bool,
) -> None:
    """Group the quotations of CORPUS that report the same statement across documents.

    CORPUS is a gold set name (seeds), a JSONL file or folder of documents, or a folder of
    <doc_id>.txt texts. Without --extractor or --gold the quotes annotated in CORPUS are used.
    """
    from zitat.cli._corpus import load_corpus, run_over
    from zitat.plugins import Plugins
    from zitat.tracking import (
        DEFAULT_LINKAGE,
        DEFAULT_SIMILARITY,
        DEFAULT_THRESHOLD,
        align_quotes,
    )
    from zitat.tracking.report import clusters_to_json

    if extractor and gold_spec:
        raise click.UsageError("give --extractor or --gold, not both")
    docs, _ = load_corpus(corpus)
    if extractor:
        docs, _ = run_over(
            docs,
            Plugins().extractor(extractor),
            isolate=not no_isolate,
            timeout=timeout,
            left_out="quotes",
        )
        quotes_from = f"extractor:{extractor}"
    elif gold_spec:
        docs = _with_gold(docs, gold_spec)
        quotes_from = f"gold:{gold_spec}"
    else:
        quotes_from = "corpus"
    if not any(d.annotations.quotes for d in docs):
        raise InputError(
            f"{corpus}: no quotations to align; give --extractor NAME or --gold NAME|PATH"
        )
    settings: dict[str, Any] = {
        "similarity": similarity or DEFAULT_SIMILARITY,
        "linkage": linkage or DEFAULT_LINKAGE,
        "threshold": DEFAULT_THRESHOLD if threshold is None else threshold,
    }
    clusters = align_quotes(docs, **settings)
    shown = [c for c in clusters if c.size >= min_size]
    if html_out is not None:
        from zitat.view.tracking_html import render_tracking_html

        html_out.parent.mkdir(parents=True, exist_ok=True)
        title = f"{corpus} — statements across {len(docs)} documents ({quotes_from})"
        html_out.write_text(
            render_tracking_html(shown, title=title, settings=settings), encoding="utf-8"
        )
    if as_json:
        echo_json(
            clusters_to_json(
                clusters,
                corpus=corpus,
                quotes_from=quotes_from,
                settings=settings,
                documents=len(docs),
                min_size=min_size,
            )
        )
        if html_out is not None:
            err_console.print(f"wrote {html_out}")
        return
    print_clusters(shown)
    n_quotes = sum(c.size for c in clusters)
    console.print(
        f"{n_quotes} quotes in {len(docs)} documents ({quotes_from}): {len(clusters)} "
        f"statements, {len(shown)} with at least {min_size} versions "
        f"({settings['similarity']}, {settings['linkage']} link, threshold "
        f"{settings['threshold']:g})"
    )
    if html_out is not None:
        console.print(f"wrote {html_out}")
