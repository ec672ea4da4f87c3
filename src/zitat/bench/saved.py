"""Re-reading a saved run: its gold and predictions, to re-score or compare without running."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zitat.bench.goldspec import load_gold
from zitat.bench.layout import RunLayout
from zitat.bench.results import load_results
from zitat.bench.run import sample_documents
from zitat.bench.runner import DocumentFailure, ExtractorRun
from zitat.errors import InputError
from zitat.io.jsonl import read_documents
from zitat.schema import AnnotatedDocument

__all__ = ["SavedRun", "load_saved_run"]


@dataclass
class SavedRun:
    """A run folder's results, the gold documents it scored, and its extractor runs."""

    layout: RunLayout
    results: dict[str, Any]
    gold: list[AnnotatedDocument]
    runs: list[ExtractorRun]


def _gold_spec(gold: dict[str, Any]) -> str:
    """The spec to load a run's gold with: a relative gold path that does not resolve from
    here is looked up at the absolute path the run recorded as the gold's name."""
    spec: str = gold["spec"]
    name = gold.get("name")
    if not Path(spec).exists() and name and Path(name).is_absolute() and Path(name).exists():
        return str(name)
    return spec


def load_saved_run(run_dir: str | Path, *, allow_changed_gold: bool = False) -> SavedRun:
    """Load a run; the gold is re-loaded and must have the hash the run recorded."""
    layout = RunLayout(run_dir)
    results = load_results(run_dir)
    spec = results["gold"]["spec"]
    gold = load_gold(_gold_spec(results["gold"]))
    if gold.sha256 != results["gold"]["sha256"] and not allow_changed_gold:
        raise InputError(
            f"the gold {spec!r} changed since this run (sha256 {gold.sha256[:12]}… now, "
            f"{results['gold']['sha256'][:12]}… then); pass --allow-changed-gold to score anyway"
        )
    settings = results["settings"]
    docs = sample_documents(gold.documents, settings.get("limit"), settings.get("seed", 0))
    by_id = {d.id: d for d in docs}
    runs = []
    for entry in results["extractors"]:
        path = layout.predictions(entry["name"])
        predictions: list[AnnotatedDocument] = []
        if path.is_file() and path.stat().st_size > 0:
            predictions, _ = read_documents(path)
        for p in predictions:
            if p.id not in by_id:
                raise InputError(f"{path}: document {p.id!r} is not in the gold")
        given = layout.stance_predictions(entry["name"])
        stance_predictions = read_documents(given)[0] if given.is_file() else None
        speed = entry.get("speed") or {}
        runs.append(
            ExtractorRun(
                name=entry["name"],
                version=entry["version"],
                tasks=tuple(entry["tasks"]),
                config=entry.get("config") or {},
                predictions=predictions,
                failures=[DocumentFailure(**f) for f in entry.get("failures", [])],
                extract_seconds=speed.get("extract_seconds") or 0.0,
                wall_seconds=speed.get("wall_seconds") or 0.0,
                tokens=sum(len(by_id[p.id].document.tokens) for p in predictions),
                peak_memory_mb=speed.get("peak_memory_mb"),
                error=entry.get("error"),
                stance_predictions=stance_predictions,
            )
        )
    return SavedRun(layout, results, docs, runs)
