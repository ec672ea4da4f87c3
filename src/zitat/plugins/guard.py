"""Running an extractor so that no document and no plugin can take a run down.

Each document is extracted on its own. An exception, a result that is not valid
:class:`~zitat.schema.Annotations` for the document (wrong type, span outside the text,
unknown label) or — when isolated — a document that runs past the timeout becomes a failed
:class:`Outcome`; the run goes on. Isolation runs the extractor in worker processes (forked,
so the extractor is built once per worker); a worker that hangs is killed and replaced.
A document that arrives without tokens or sentences is prepared where it is extracted (in the
worker), and the prepared document comes back in its :class:`Outcome`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import resource
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Literal

from zitat.errors import ValidationError
from zitat.plugins.extractor import Extractor
from zitat.schema import AnnotatedDocument, Annotations, Document, TargetInventory
from zitat.text.prepare import prepare

__all__ = [
    "Outcome",
    "WorkerStats",
    "check_output",
    "extract_one",
    "run_extractor",
    "run_guarded",
    "warm_up",
]

Status = Literal["ok", "error", "timeout", "invalid"]


@dataclass(frozen=True)
class Outcome:
    """What happened to one document."""

    index: int
    doc_id: str
    status: Status
    annotations: Annotations | None
    seconds: float
    error: str | None = None
    document: Document | None = None  # the document as prepared, if it came unprepared

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class WorkerStats:
    """Peak resident memory a worker added while extracting (MiB), summed over workers."""

    peak_mb: float


def check_output(doc: Document, output: object, extractor: str) -> Annotations:
    """Validate an extractor's result for ``doc`` or raise :class:`ValidationError`."""
    if not isinstance(output, Annotations):
        raise ValidationError(
            f"extract() returned {type(output).__name__}, expected zitat.schema.Annotations",
            obj=f"Extractor {extractor!r}",
            field="extract",
        )
    try:
        rebuilt = Annotations(  # re-runs every value object's checks (labels, ids, references)
            quotes=tuple(dataclasses.replace(q) for q in output.quotes),
            entities=tuple(dataclasses.replace(e) for e in output.entities),
            stances=tuple(dataclasses.replace(s) for s in output.stances),
        )
    except ValidationError as err:
        raise err.inside(f"Extractor {extractor!r}", "extract") from None
    except Exception as err:  # objects that are not what their class promises
        raise ValidationError(
            f"malformed annotations: {type(err).__name__}: {err}",
            obj=f"Extractor {extractor!r}",
            field="extract",
        ) from None
    AnnotatedDocument(doc, rebuilt)  # checks every span against the text
    return output


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def extract_one(extractor: Extractor, doc: Document, index: int = 0) -> Outcome:
    """Prepare (if needed) and extract one document in this process, never raising.

    No timeout applies; an exception or invalid output becomes a failed :class:`Outcome`.
    """
    status, output, seconds, error, prepared = _extract_one(extractor, doc)
    return Outcome(index, doc.id, status, output, seconds, error, prepared)


def _extract_one(
    extractor: Extractor, doc: Document
) -> tuple[Status, Any, float, str | None, Document | None]:
    start = time.perf_counter()
    ready = doc
    try:
        ready = prepare(doc)
        output = extractor.extract(ready)
    except ValidationError as err:  # the extractor tried to build invalid annotations
        return "invalid", None, time.perf_counter() - start, _describe(err), None
    except (Exception, SystemExit) as err:
        return "error", None, time.perf_counter() - start, _describe(err), None
    elapsed = time.perf_counter() - start
    prepared = None if ready is doc else ready
    try:
        return "ok", check_output(ready, output, extractor.name), elapsed, None, prepared
    except ValidationError as err:
        return "invalid", None, elapsed, str(err), None


def _describe(err: BaseException) -> str:
    frames = traceback.extract_tb(err.__traceback__)
    where = f" ({frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    return f"{type(err).__name__}: {err}{where}"


def warm_up(extractor: Extractor) -> None:
    """One call on a tiny document so lazy loading is not timed as the first document's."""
    from zitat.text.prepare import make_document

    with contextlib.suppress(Exception):
        extractor.extract(make_document("warm-up", "Sie sagte: „Ja.“ Er sagte, es sei gut."))


def _worker(conn: Connection, factory: Callable[[], Extractor]) -> None:
    try:
        extractor = factory()
    except (Exception, SystemExit) as err:
        conn.send(("init", _describe(err)))
        return
    base = _rss_mb()
    warm_up(extractor)
    conn.send(("ready", None))
    while True:
        item = conn.recv()
        if item is None:
            break
        index, doc = item
        status, output, seconds, error, prepared = _extract_one(extractor, doc)
        try:
            conn.send(("done", (index, status, output, seconds, error, prepared)))
        except Exception as err:  # an unpicklable result
            conn.send(("done", (index, "invalid", None, seconds, _describe(err), None)))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send(("stats", max(0.0, peak - base)))


class _Worker:
    def __init__(self, factory: Callable[[], Extractor]) -> None:
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, factory), daemon=True)
        self.process.start()
        child.close()
        kind, payload = "init", "start timed out"
        try:
            if self.conn.poll(120):
                kind, payload = self.conn.recv()
        except (EOFError, OSError):
            kind, payload = "init", f"worker process died while starting{self.exit_note()}"
        if kind != "ready":
            self.stop(kill=True)
            raise RuntimeError(f"extractor could not start: {payload}")
        self.busy: tuple[int, Document, float] | None = None

    def exit_note(self) -> str:
        """`` (exit code N)`` once the process has ended, else empty."""
        self.process.join(1)
        code = self.process.exitcode
        return "" if code is None else f" (exit code {code})"

    def send(self, index: int, doc: Document) -> None:
        self.conn.send((index, doc))
        self.busy = (index, doc, time.monotonic())

    def stop(self, *, kill: bool = False) -> float:
        peak = 0.0
        if not kill:
            try:
                self.conn.send(None)
                if self.conn.poll(10):
                    kind, payload = self.conn.recv()
                    if kind == "stats":
                        peak = float(payload)
            except (OSError, EOFError):
                pass
        self.process.kill() if kill else self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()
        return peak


def run_extractor(
    extractor_cls: type[Extractor],
    docs: Iterable[Document],
    *,
    config: Mapping[str, Any] | None = None,
    timeout: float | None = 60.0,
    jobs: int = 1,
    isolate: bool = True,
    stats: list[WorkerStats] | None = None,
    targets: TargetInventory | None = None,
) -> Iterator[Outcome]:
    """Extract every document, yielding one :class:`Outcome` each (in completion order).

    The configuration is validated when this is called (a bad configuration raises
    :class:`~zitat.errors.ValidationError` before any worker starts). With
    ``isolate=False`` the extractor runs in this process and ``timeout`` is not enforced.
    ``targets`` (the corpus's stance target inventory) is handed to each extractor instance.
    Raises RuntimeError if the extractor cannot even be constructed.
    """
    extractor_cls.make_config(config)  # raises now, not at the first next()

    def factory() -> Extractor:
        extractor = extractor_cls(config)
        extractor.use_targets(targets)
        return extractor

    return run_guarded(factory, docs, timeout=timeout, jobs=jobs, isolate=isolate, stats=stats)


def run_guarded(
    factory: Callable[[], Extractor],
    docs: Iterable[Document],
    *,
    timeout: float | None = 60.0,
    jobs: int = 1,
    isolate: bool = True,
    stats: list[WorkerStats] | None = None,
) -> Iterator[Outcome]:
    """:func:`run_extractor` for an extractor made by ``factory`` (called once per worker).

    Documents are pulled from ``docs`` only as workers become free, so a stream of any
    length is extracted in constant memory.
    """
    if not isolate:
        return _run_here(factory, docs)
    return _run_isolated(factory, docs, timeout=timeout, jobs=max(1, jobs), stats=stats)


def _run_here(factory: Callable[[], Extractor], docs: Iterable[Document]) -> Iterator[Outcome]:
    try:
        extractor = factory()
    except Exception as err:
        raise RuntimeError(f"extractor could not start: {_describe(err)}") from err
    warm_up(extractor)
    for index, doc in enumerate(docs):
        yield extract_one(extractor, doc, index)


def _run_isolated(
    factory: Callable[[], Extractor],
    docs: Iterable[Document],
    *,
    timeout: float | None,
    jobs: int,
    stats: list[WorkerStats] | None,
) -> Iterator[Outcome]:
    pending = iter(enumerate(docs))
    workers: list[_Worker] = []
    peak = 0.0
    try:
        for _ in range(jobs):
            workers.append(_Worker(factory))
        for w in workers:
            _feed(w, pending)
        while any(w.busy for w in workers):
            busy = [w for w in workers if w.busy]
            ready = wait([w.conn for w in busy], timeout=_next_deadline(busy, timeout))
            for worker in busy:
                assert worker.busy is not None
                index, doc, started = worker.busy
                free = worker
                if worker.conn in ready:
                    try:
                        _, (i, status, output, seconds, error, prepared) = worker.conn.recv()
                        outcome = Outcome(i, doc.id, status, output, seconds, error, prepared)
                    except (EOFError, OSError):
                        note = worker.exit_note()
                        error = f"worker process died{note}; a new one was started"
                        elapsed = time.monotonic() - started
                        outcome = Outcome(index, doc.id, "error", None, elapsed, error)
                        free = _replace(workers, worker, factory)
                elif timeout is not None and time.monotonic() - started > timeout:  # hung
                    elapsed = time.monotonic() - started
                    error = f"no result within {timeout:g} s; the worker was stopped"
                    outcome = Outcome(index, doc.id, "timeout", None, elapsed, error)
                    free = _replace(workers, worker, factory)
                else:
                    continue
                free.busy = None
                _feed(free, pending)  # before yielding: the worker goes on meanwhile
                yield outcome
    finally:
        for w in workers:
            peak += w.stop(kill=w.busy is not None)
        if stats is not None:
            stats.append(WorkerStats(peak_mb=peak))


def _replace(workers: list[_Worker], worker: _Worker, factory: Callable[[], Extractor]) -> _Worker:
    """Stop ``worker`` and put a new one in its place in ``workers``."""
    worker.stop(kill=True)
    new = _Worker(factory)
    workers[workers.index(worker)] = new
    return new


def _feed(worker: _Worker, pending: Iterator[tuple[int, Document]]) -> None:
    item = next(pending, None)
    if item is not None:
        worker.send(*item)


def _next_deadline(busy: list[_Worker], timeout: float | None) -> float | None:
    if timeout is None:
        return None
    now = time.monotonic()
    return max(
        0.0,
        min(started + timeout - now for _, _, started in (w.busy for w in busy if w.busy)) + 0.01,
    )
