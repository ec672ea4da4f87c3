"""``zitat show``: one document of a run, gold and predictions side by side."""

from __future__ import annotations

from pathlib import Path

import click

from zitat.cli._common import console
from zitat.errors import InputError


@click.command("show")
@click.argument("doc_id")
@click.option(
    "--run",
    "run_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A run folder made by `zitat bench run`.",
)
@click.option("--extractor", "-e", help="Which extractor's predictions (default: the first).")
@click.option(
    "--html",
    "html_out",
    required=True,
    type=click.Path(path_type=Path),
    help="Where to write the HTML page.",
)
def show(doc_id: str, run_dir: Path, extractor: str | None, html_out: Path) -> None:
    """Write an HTML page comparing gold and predicted quotes of DOC_ID in a run."""
    from zitat.bench.saved import load_saved_run
    from zitat.view.html import render_document_html

    saved = load_saved_run(run_dir, allow_changed_gold=True)
    gold = {d.id: d for d in saved.gold}
    if doc_id not in gold:
        raise InputError(f"no document {doc_id!r} in this run; it has: {', '.join(gold)}")
    runs = {r.name: r for r in saved.runs}
    name = extractor or next(iter(runs), None)
    if name is None or name not in runs:
        raise InputError(f"no extractor {name!r} in this run; it has: {', '.join(runs)}")
    predicted = next((p for p in runs[name].predictions if p.id == doc_id), None)
    html_out.parent.mkdir(parents=True, exist_ok=True)
    html_out.write_text(
        render_document_html(gold[doc_id], predicted, extractor=name), encoding="utf-8"
    )
    console.print(f"wrote {html_out}")
