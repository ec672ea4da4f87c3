"""The local engine: the guarded runner's forked workers, results put back in input order.

Each worker builds the extractor once and prepares (tokenises, splits) and extracts the
documents it is sent; a worker that crashes or hangs is replaced
(:func:`zitat.plugins.guard.run_guarded`). Documents are read only as workers become free.
Results arrive in completion order and are released in input order: a slow document holds
back the ones after it, which wait in memory (at most as many as the other workers finish
meanwhile; the timeout bounds it).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

from zitat.errors import ZitatError
from zitat.extract.engines.screen import screen
from zitat.extract.readers import Item
from zitat.extract.results import Event, Failure, Skipped, outcome_event
from zitat.extract.spec import ExtractorSpec
from zitat.plugins.guard import Outcome, run_guarded
from zitat.schema import Document

__all__ = ["run_local"]


def run_local(
    spec: ExtractorSpec,
    items: Iterable[Item],
    *,
    skip: AbstractSet[str] = frozenset(),
    jobs: int = 1,
    timeout: float | None = 60.0,
    isolate: bool = True,
) -> Iterator[Event]:
    """Events for ``items`` in input order, extracted by ``jobs`` worker processes.

    With ``isolate=False`` the extractor runs in this process (no timeout, no crash guard).
    """
    sent: dict[int, Document] = {}  # by the runner's index, until released
    aside: deque[tuple[int, Failure | Skipped]] = deque()  # (documents pulled before it, event)
    pulled = 0

    def documents() -> Iterator[Document]:
        nonlocal pulled
        for item in items:
            screened = screen(item, skip, spec.name)
            if isinstance(screened, Document):
                sent[pulled] = screened
                pulled += 1
                yield screened
                continue
            if isinstance(screened, Skipped) and _add_to_run(aside, pulled):
                continue
            aside.append((pulled, screened))

    released = 0
    waiting: dict[int, Outcome] = {}
    outcomes = run_guarded(spec.build, documents(), timeout=timeout, jobs=jobs, isolate=isolate)
    try:
        for outcome in outcomes:
            waiting[outcome.index] = outcome
            while released in waiting:
                while aside and aside[0][0] <= released:
                    yield aside.popleft()[1]
                yield outcome_event(waiting.pop(released), sent.pop(released), spec.name)
                released += 1
    except RuntimeError as err:  # the runner's only error: the extractor cannot be built
        raise ZitatError(f"{spec.name}: {err}") from err
    while aside:
        yield aside.popleft()[1]


def _add_to_run(aside: deque[tuple[int, Failure | Skipped]], pulled: int) -> bool:
    """Count one more skipped document into a run of them at the same place, if there is one."""
    if aside and aside[-1][0] == pulled:
        last = aside[-1][1]
        if isinstance(last, Skipped):
            aside[-1] = (pulled, Skipped(last.count + 1))
            return True
    return False
