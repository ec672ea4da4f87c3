"""``zitat bench run``: every chosen extractor over a gold set, scored, saved and compared."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from zitat.__about__ import __version__
from zitat.bench.environment import environment
from zitat.bench.goldspec import DEFAULT_GOLD, LoadedGold, load_gold
from zitat.bench.layout import RunLayout
from zitat.bench.results import RESULTS_SCHEMA_VERSION, save_run
from zitat.bench.runner import ExtractorRun, run_one
from zitat.bench.scores import paired_tests, score_extractor
from zitat.errors import InputError
from zitat.io.jsonl import write_documents
from zitat.plugins import Extractor, Plugins
from zitat.schema import AnnotatedDocument, Task

__all__ = ["BenchSettings", "ProgressHooks", "bench_run", "sample_documents"]


@dataclass
class BenchSettings:
    """What to run: extractors (None: all installed), gold, tasks, sampling and resources."""

    extractors: Sequence[str] | None = None
    gold: str = DEFAULT_GOLD
    tasks: tuple[str, ...] = tuple(t.value for t in Task)
    out: Path | None = None
    limit: int | None = None
    seed: int = 0
    jobs: int = 1
    timeout: float | None = 60.0
    n_boot: int = 1000
    isolate: bool = True
    configs: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class ProgressHooks:
    """Callbacks a front end uses to show progress (all optional)."""

    start_extractor: Callable[[str, int], None] = lambda name, total: None
    advance: Callable[[], None] = lambda: None
    end_extractor: Callable[[ExtractorRun], None] = lambda run: None
    scoring: Callable[[str], None] = lambda name: None


def sample_documents(
    docs: Sequence[AnnotatedDocument], limit: int | None, seed: int
) -> list[AnnotatedDocument]:
    """A seeded random sample of ``limit`` documents, in their original order."""
    if limit is None or limit >= len(docs):
        return list(docs)
    if limit < 1:
        raise InputError(f"--limit must be at least 1, not {limit}")
    chosen = sorted(random.Random(seed).sample(range(len(docs)), limit))
    return [docs[i] for i in chosen]


def _check_tasks(tasks: Sequence[str]) -> tuple[str, ...]:
    known = {t.value for t in Task}
    unknown = [t for t in tasks if t not in known]
    if unknown:
        raise InputError(f"unknown task(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return tuple(tasks)


def default_out_dir(gold: LoadedGold) -> Path:
    """``runs/<UTC timestamp>-<gold name>[-<split>]`` under the current folder."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    name = Path(gold.name).name.replace(":", "-")
    return Path("runs") / f"{stamp}-{name}{'-' + gold.split if gold.split else ''}"


def bench_run(
    settings: BenchSettings,
    *,
    plugins: Plugins | None = None,
    progress: ProgressHooks | None = None,
) -> tuple[dict[str, Any], RunLayout]:
    """Run, score and save; returns the result dict and the run folder."""
    plugins = plugins or Plugins()
    progress = progress or ProgressHooks()
    tasks = _check_tasks(settings.tasks)
    gold = load_gold(settings.gold, plugins=plugins)
    docs = sample_documents(gold.documents, settings.limit, settings.seed)
    available = plugins.extractors()
    skipped = {} if settings.extractors else _unavailable(available)
    names = (
        list(settings.extractors) if settings.extractors else sorted(set(available) - set(skipped))
    )
    for name in names:
        if name not in available:
            known = ", ".join(sorted(available)) or "none"
            raise InputError(f"no extractor named {name!r}; installed: {known}")
    layout = RunLayout(settings.out or default_out_dir(gold))
    layout.root.mkdir(parents=True, exist_ok=True)

    runs: list[ExtractorRun] = []
    for name in names:
        progress.start_extractor(name, len(docs))
        run = run_one(
            available[name],
            docs,
            config=settings.configs.get(name),
            timeout=settings.timeout,
            jobs=settings.jobs,
            isolate=settings.isolate,
            advance=progress.advance,
            targets=gold.targets,
        )
        write_documents(layout.predictions(name), run.predictions)
        if run.stance_predictions is not None:
            write_documents(layout.stance_predictions(name), run.stance_predictions)
        runs.append(run)
        progress.end_extractor(run)

    scored = []
    for run in runs:
        progress.scoring(run.name)
        scored.append(
            score_extractor(run, docs, tasks=tasks, n_boot=settings.n_boot, seed=settings.seed)
        )
    results: dict[str, Any] = {
        "schema_version": RESULTS_SCHEMA_VERSION,
        "zitat_version": __version__,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "environment": environment(),
        "gold": {**gold.describe(), "scored_documents": len(docs)},
        "settings": {
            "extractors": names,
            "tasks": list(tasks),
            "limit": settings.limit,
            "seed": settings.seed,
            "jobs": settings.jobs,
            "timeout": settings.timeout,
            "n_boot": settings.n_boot,
            "isolate": settings.isolate,
            "configs": settings.configs,
        },
        "extractors": [s.result for s in scored],
        "paired_tests": paired_tests(scored, docs, n_boot=settings.n_boot, seed=settings.seed),
        "skipped_extractors": [{"name": n, "reason": r} for n, r in sorted(skipped.items())],
        "plugin_failures": [
            {"plugin": f.plugin, "stage": f.stage, "error": f.error} for f in plugins.failures
        ],
    }
    _add_distributions(results, plugins)
    save_run(layout, results, scored)
    return results, layout


def _unavailable(available: dict[str, type[Extractor]]) -> dict[str, str]:
    """Extractors that say they cannot run as configured, with the reason."""
    out: dict[str, str] = {}
    for name, cls in available.items():
        try:
            reason = cls.unavailable()
        except Exception as err:
            reason = f"unavailable() raised {type(err).__name__}: {err}"
        if reason:
            out[name] = reason
    return out


def _add_distributions(results: dict[str, Any], plugins: Plugins) -> None:
    owners = {
        name: (info.distribution, info.version)
        for info in plugins.info()
        for name in info.extractors
    }
    for entry in results["extractors"]:
        dist, version = owners.get(entry["name"], (None, None))
        entry["distribution"] = dist
        entry["distribution_version"] = version
