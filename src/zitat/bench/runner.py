"""Running one extractor over gold documents: predictions, failures, speed and memory."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from zitat.plugins import Extractor, check_output, run_extractor
from zitat.plugins.guard import WorkerStats
from zitat.schema import AnnotatedDocument, Annotations, TargetInventory, Task

__all__ = ["DocumentFailure", "ExtractorRun", "run_one"]


@dataclass(frozen=True)
class DocumentFailure:
    """A document an extractor failed on (exception, timeout or invalid output)."""

    doc_id: str
    status: str
    error: str


@dataclass
class ExtractorRun:
    """Everything one extractor produced on one gold set."""

    name: str
    version: str
    tasks: tuple[str, ...]
    config: dict[str, Any]
    predictions: list[AnnotatedDocument] = field(default_factory=list)
    failures: list[DocumentFailure] = field(default_factory=list)
    extract_seconds: float = 0.0
    wall_seconds: float = 0.0
    tokens: int = 0
    peak_memory_mb: float | None = None
    error: str | None = None  # the extractor could not run at all
    stance_predictions: list[AnnotatedDocument] | None = None  # on the gold quotes

    def speed(self) -> dict[str, float | None]:
        """Documents and tokens per second of extraction time, and peak memory."""
        ok = len(self.predictions)
        secs = self.extract_seconds
        return {
            "docs_per_s": ok / secs if secs > 0 else None,
            "tokens_per_s": self.tokens / secs if secs > 0 else None,
            "extract_seconds": secs,
            "wall_seconds": self.wall_seconds,
            "peak_memory_mb": self.peak_memory_mb,
        }


def run_one(
    cls: type[Extractor],
    gold: Sequence[AnnotatedDocument],
    *,
    config: dict[str, Any] | None = None,
    timeout: float | None = 60.0,
    jobs: int = 1,
    isolate: bool = True,
    advance: Callable[[], None] = lambda: None,
    targets: TargetInventory | None = None,
) -> ExtractorRun:
    """Extract every gold document with ``cls``; failures are recorded, never raised."""
    run = ExtractorRun(
        name=cls.name,
        version=cls.version,
        tasks=tuple(sorted(t.value for t in cls.tasks)),
        config={},
    )
    started = time.perf_counter()
    stats: list[WorkerStats] = []
    outputs: dict[int, Annotations] = {}
    try:
        run.config = asdict(cls.make_config(config))  # what Extractor.config_dict gives
        for outcome in run_extractor(
            cls,
            (g.document for g in gold),
            config=config,
            timeout=timeout,
            jobs=jobs,
            isolate=isolate,
            stats=stats,
            targets=targets,
        ):
            advance()
            run.extract_seconds += outcome.seconds
            if outcome.ok and outcome.annotations is not None:
                outputs[outcome.index] = outcome.annotations
                run.tokens += len(gold[outcome.index].document.tokens)
            else:
                run.failures.append(
                    DocumentFailure(outcome.doc_id, outcome.status, outcome.error or "")
                )
    except Exception as err:  # the extractor could not be built or configured
        run.error = f"{type(err).__name__}: {err}"
    run.wall_seconds = time.perf_counter() - started
    run.peak_memory_mb = stats[0].peak_mb if stats else None
    run.predictions = [AnnotatedDocument(gold[i].document, outputs[i]) for i in sorted(outputs)]
    if Task.STANCES in cls.tasks and run.error is None:
        run.stance_predictions = _stances_on_gold_quotes(cls, gold, config, targets, run)
    run.failures.sort(key=lambda f: f.doc_id)
    return run


def _stances_on_gold_quotes(
    cls: type[Extractor],
    gold: Sequence[AnnotatedDocument],
    config: dict[str, Any] | None,
    targets: TargetInventory | None,
    run: ExtractorRun,
) -> list[AnnotatedDocument] | None:
    """Stances the extractor gives for the gold quotes (None if it cannot take given quotes).

    Runs in this process; a document that fails, or whose output does not validate, is
    recorded like any other failure.
    """
    try:
        extractor = cls(config)
    except Exception as err:
        run.failures.append(DocumentFailure("*", "error", f"extract_stances: {err!r}"))
        return None
    extractor.use_targets(targets)
    out: list[AnnotatedDocument] = []
    for g in gold:
        given = g.annotations.with_(stances=())
        try:
            annotations = extractor.extract_stances(g.document, given)
            out.append(
                AnnotatedDocument(g.document, check_output(g.document, annotations, cls.name))
            )
        except NotImplementedError:
            return None
        except Exception as err:
            run.failures.append(
                DocumentFailure(g.id, "error", f"extract_stances: {type(err).__name__}: {err}")
            )
    return out
