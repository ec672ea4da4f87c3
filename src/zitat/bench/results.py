"""Saving and loading run results: results.json, per-document Parquet, predictions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zitat.bench.layout import RunLayout
from zitat.errors import InputError

if TYPE_CHECKING:
    from zitat.bench.scores import ScoredExtractor

__all__ = ["RESULTS_SCHEMA_VERSION", "load_results", "save_run"]

RESULTS_SCHEMA_VERSION = 1


def save_run(layout: RunLayout, results: dict[str, Any], scored: Sequence[ScoredExtractor]) -> None:
    """Write results.json, per_document.parquet and report.md into the run folder."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from zitat.bench.report import markdown_report

    layout.root.mkdir(parents=True, exist_ok=True)
    layout.results.write_text(
        json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
    )
    rows = [row for s in scored for row in s.per_document]
    if rows:
        columns = sorted({k for row in rows for k in row})
        table = pa.table({c: [row.get(c) for row in rows] for c in columns})
        pq.write_table(table, layout.per_document)
    layout.report.write_text(markdown_report(results), encoding="utf-8")


def load_results(run_dir: str | Path) -> dict[str, Any]:
    """Read a run's results.json, checking its schema version."""
    layout = RunLayout(run_dir)
    if not layout.results.is_file():
        raise InputError(f"{run_dir}: not a run folder (no results.json)")
    try:
        data: dict[str, Any] = json.loads(layout.results.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise InputError(
            f"{layout.results}: not valid JSON ({err.msg}, line {err.lineno})"
        ) from None
    version = data.get("schema_version")
    if version != RESULTS_SCHEMA_VERSION:
        raise InputError(
            f"{layout.results}: results schema version {version!r}; "
            f"this zitat reads version {RESULTS_SCHEMA_VERSION}"
        )
    return data
