"""``zitat bench rescore`` and ``zitat bench compare``: scores from saved predictions."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from zitat.__about__ import __version__
from zitat.bench.headline import HEADLINE
from zitat.bench.results import save_run
from zitat.bench.saved import load_saved_run
from zitat.bench.scores import paired_tests, score_extractor, score_on_tasks
from zitat.scoring import CorpusScores, compare

__all__ = ["compare_runs", "rescore_run"]


def rescore_run(
    run_dir: str | Path, *, n_boot: int | None = None, allow_changed_gold: bool = False
) -> dict[str, Any]:
    """Score a run's saved predictions again (with this zitat's metrics) and rewrite it."""
    saved = load_saved_run(run_dir, allow_changed_gold=allow_changed_gold)
    settings = saved.results["settings"]
    boot = n_boot if n_boot is not None else settings.get("n_boot", 1000)
    seed = settings.get("seed", 0)
    scored = [
        score_extractor(run, saved.gold, tasks=settings["tasks"], n_boot=boot, seed=seed)
        for run in saved.runs
    ]
    results = dict(saved.results)
    for new, old in zip(scored, saved.results["extractors"], strict=True):
        for key in ("distribution", "distribution_version"):
            new.result[key] = old.get(key)
    results["extractors"] = [s.result for s in scored]
    results["paired_tests"] = paired_tests(scored, saved.gold, n_boot=boot, seed=seed)
    results["rescored"] = {
        "zitat_version": __version__,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    results["settings"] = {**settings, "n_boot": boot}
    save_run(saved.layout, results, scored)
    return results


def compare_runs(run_a: str | Path, run_b: str | Path, *, n_boot: int = 1000) -> dict[str, Any]:
    """Deltas of the headline metrics for extractors in both runs, with paired tests.

    The paired test needs both runs on the same gold (same sha256); otherwise only the
    deltas are given.
    """
    a, b = load_saved_run(run_a), load_saved_run(run_b)
    same_gold = a.results["gold"]["sha256"] == b.results["gold"]["sha256"] and [
        d.id for d in a.gold
    ] == [d.id for d in b.gold]
    entries_b = {e["name"]: e for e in b.results["extractors"]}
    runs_b = {r.name: r for r in b.runs}
    rows = []
    for entry_a, run_a_ in zip(a.results["extractors"], a.runs, strict=True):
        entry_b = entries_b.get(entry_a["name"])
        if entry_b is None:
            continue
        # B and A scored once (the tasks both runs scored, no bootstrap) for all of this
        # extractor's tests, with the same inputs as the runs' own scores
        scored: tuple[CorpusScores, CorpusScores] | None = None
        if same_gold:
            tasks = [t for t in entry_a["scored_tasks"] if t in entry_b["scored_tasks"]]
            scored = (
                score_on_tasks(runs_b[entry_a["name"]], a.gold, tasks),
                score_on_tasks(run_a_, a.gold, tasks),
            )
        for key, title, _ in HEADLINE:
            va, vb = entry_a["scores"].get(key), entry_b["scores"].get(key)
            if va is None or vb is None:
                continue
            row: dict[str, Any] = {
                "extractor": entry_a["name"],
                "metric": key,
                "title": title,
                "a": va,
                "b": vb,
                "delta": vb - va,
            }
            if scored is not None:
                test = compare(*scored, metric=key, n_resamples=n_boot)
                row["p_value"] = test.p_value
            rows.append(row)
    return {"a": str(run_a), "b": str(run_b), "same_gold": same_gold, "rows": rows}
