"""Scoring the predictions of each extractor run, and paired tests between runs."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from zitat.bench.headline import HEADLINE
from zitat.bench.runner import ExtractorRun
from zitat.schema import AnnotatedDocument
from zitat.scoring import CorpusScores, compare, score_corpus

__all__ = ["ScoredExtractor", "paired_tests", "score_extractor", "score_on_tasks"]


@dataclass
class ScoredExtractor:
    """An extractor run with its scores; ``result`` is its entry in results.json."""

    run: ExtractorRun
    tasks: tuple[str, ...]
    result: dict[str, Any]
    per_document: list[dict[str, Any]] = field(default_factory=list)
    scores: CorpusScores | None = None


def score_extractor(
    run: ExtractorRun,
    gold: Sequence[AnnotatedDocument],
    *,
    tasks: Sequence[str],
    n_boot: int,
    seed: int,
) -> ScoredExtractor:
    """Score one run on the tasks it declares among those asked for."""
    scored_tasks = tuple(t for t in tasks if t in run.tasks)
    result: dict[str, Any] = {
        "name": run.name,
        "version": run.version,
        "tasks": list(run.tasks),
        "scored_tasks": list(scored_tasks),
        "config": run.config,
        "status": "failed" if run.error else "ok",
        "error": run.error,
        "documents": len(run.predictions),
        "failures": [
            {"doc_id": f.doc_id, "status": f.status, "error": f.error} for f in run.failures
        ],
        "speed": run.speed(),
    }
    if run.error or not scored_tasks:
        result.update(scores={}, intervals={}, tables={})
        return ScoredExtractor(run, scored_tasks, result)
    scores = score_corpus(
        gold,
        run.predictions,
        tasks=scored_tasks,
        n_boot=n_boot,
        seed=seed,
        stance_pred=run.stance_predictions,
    )
    data = scores.to_dict()
    result.update(
        scores=data.get("main", {}),
        intervals=data.get("intervals", {}),
        tables=data.get("tables", {}),
    )
    rows = [{"extractor": run.name, **row} for row in data.get("per_document", [])]
    failed = {f.doc_id: f for f in run.failures}
    for row in rows:
        failure = failed.get(str(row.get("doc_id")))
        row["status"] = failure.status if failure else "ok"
    return ScoredExtractor(run, scored_tasks, result, rows, scores)


def score_on_tasks(
    run: ExtractorRun, gold: Sequence[AnnotatedDocument], tasks: Sequence[str]
) -> CorpusScores:
    """``run`` scored on ``tasks`` alone, without bootstrap: one side of a paired test."""
    return score_corpus(
        gold, run.predictions, tasks=tasks, n_boot=0, stance_pred=run.stance_predictions
    )


def paired_tests(
    scored: Sequence[ScoredExtractor],
    gold: Sequence[AnnotatedDocument],
    *,
    n_boot: int,
    seed: int,
) -> list[dict[str, Any]]:
    """A paired approximate-randomisation test (``n_boot`` shuffles) for every pair of
    extractors on every headline metric both report.

    Extractors that declare different tasks are scored again on the tasks they share, so the
    two sides of a test always rest on the same statistics.
    """
    tests: list[dict[str, Any]] = []
    usable = [s for s in scored if s.scores is not None]
    rescored: dict[tuple[int, frozenset[str]], CorpusScores] = {}

    def on_tasks(i: int, common: tuple[str, ...]) -> CorpusScores:
        """Extractor ``i`` scored on ``common`` alone (once, however many pairs need it)."""
        key = (i, frozenset(common))
        if key not in rescored:
            rescored[key] = score_on_tasks(usable[i].run, gold, common)
        return rescored[key]

    for (i, a), (j, b) in itertools.combinations(enumerate(usable), 2):
        sa, sb = a.scores, b.scores
        assert sa is not None
        assert sb is not None
        if a.tasks != b.tasks:
            common = tuple(t for t in a.tasks if t in b.tasks)
            if not common:
                continue
            sa, sb = on_tasks(i, common), on_tasks(j, common)
        for key, _, _ in HEADLINE:
            if key not in sa.metrics or key not in sb.metrics:
                continue
            outcome = compare(sa, sb, metric=key, n_resamples=n_boot, seed=seed).to_dict()
            # the test's own "a"/"b" are the two scores; here "a"/"b" name the extractors
            tests.append(
                {
                    **outcome,
                    "a": a.run.name,
                    "b": b.run.name,
                    "score_a": outcome["a"],
                    "score_b": outcome["b"],
                }
            )
    return tests
