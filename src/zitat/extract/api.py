"""``zitat.extract``: run an extractor over a corpus of any size, streaming."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from zitat.errors import InputError, ZitatError
from zitat.extract.results import Failure, Skipped, Summary
from zitat.schema import AnnotatedDocument, Document

if TYPE_CHECKING:
    from zitat.extract.readers import InputFormat, Item, Shard
    from zitat.extract.results import Event
    from zitat.plugins.extractor import Extractor
    from zitat.plugins.manager import Plugins
    from zitat.schema import TargetInventory

__all__ = ["Engine", "Extraction", "extract"]

Engine = Literal["local", "ray"]
Corpus = str | os.PathLike[str] | Iterable[Document | AnnotatedDocument | str]
_MEMORY_SHARD = 256


class Extraction(Iterator[AnnotatedDocument]):
    """The annotated documents of a running extraction, in input order.

    Iterating drives the work. :attr:`summary` counts extracted, failed and skipped
    documents so far; failures go to the ``on_failure`` callback or, without one, to
    :attr:`failures`. :attr:`total` is the number of input records when it was cheap to know.
    Closing (or leaving a ``with`` block) stops the workers.
    """

    def __init__(
        self,
        events: Iterator[Event],
        *,
        total: int | None,
        lenient: bool,
        on_failure: Callable[[Failure], None] | None,
        on_progress: Callable[[int], None] | None,
    ) -> None:
        self.summary = Summary()
        self.failures: list[Failure] = []
        self.total = total
        self._lenient = lenient
        self._on_failure = on_failure or self.failures.append
        self._on_progress = on_progress or (lambda n: None)
        self._started = time.perf_counter()
        self._documents = self._run(events)

    def _run(self, events: Iterator[Event]) -> Generator[AnnotatedDocument, None, None]:
        summary = self.summary
        try:
            for event in events:
                summary.seconds = time.perf_counter() - self._started
                if isinstance(event, AnnotatedDocument):
                    summary.extracted += 1
                    self._on_progress(1)
                    yield event
                elif isinstance(event, Skipped):
                    summary.skipped += event.count
                    self._on_progress(event.count)
                else:
                    if event.status == "input" and not self._lenient:
                        raise InputError(
                            f"{event.error}\n(the documents before it are done; to record bad "
                            "records as failures and go on, use --lenient / lenient=True)"
                        )
                    summary.failed += 1
                    self._on_failure(event)
                    self._on_progress(1)
        finally:
            summary.seconds = time.perf_counter() - self._started
            close = getattr(events, "close", None)
            if close is not None:
                close()

    def __next__(self) -> AnnotatedDocument:
        return next(self._documents)

    def close(self) -> None:
        """Stop early: workers are stopped and nothing more is read."""
        self._documents.close()

    def __enter__(self) -> Extraction:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def extract(
    corpus: Corpus,
    extractor: str | type[Extractor] | Extractor,
    *,
    config: Mapping[str, Any] | None = None,
    engine: Engine = "local",
    jobs: int | None = None,
    input_format: InputFormat | None = None,
    text_field: str = "text",
    id_field: str = "id",
    split: str | None = None,
    skip: AbstractSet[str] = frozenset(),
    lenient: bool = False,
    on_failure: Callable[[Failure], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    timeout: float | None = 60.0,
    isolate: bool = True,
    ray_address: str | None = None,
    targets: TargetInventory | None = None,
    plugins: Plugins | None = None,
) -> Extraction:
    """Annotate every document of ``corpus`` with ``extractor``; an iterator, in input order.

    Args:
        corpus: a path (a folder of ``.txt`` files, a JSONL file, Parquet, or a Hugging Face
            dataset saved with ``save_to_disk``) or an iterable of documents or texts. A path
            is streamed: memory stays flat however large the corpus.
        extractor: an extractor name (``"rules"``), class or instance.
        config: the extractor's options (with a name or class).
        engine: ``"local"`` (worker processes on this machine) or ``"ray"`` (Ray Data).
        jobs: workers (local, default 1) or Ray actors (default: the cluster's CPUs).
        input_format: ``txt``, ``jsonl``, ``parquet`` or ``hf``; detected when None.
        text_field, id_field: where a record keeps its text and id (dotted paths in JSONL).
        split: the split of a saved ``DatasetDict``.
        skip: ids of documents already done (they are counted, not extracted).
        lenient: record unreadable input records as failures (status ``input``) and go on;
            by default the first one raises :class:`~zitat.errors.InputError` naming file,
            line and field.
        on_failure: called with each :class:`Failure`; default: :attr:`Extraction.failures`.
        on_progress: called with the number of input records just accounted for.
        timeout: seconds one document may take (local engine, isolated workers).
        isolate: run local workers as processes (False: in this process, for debugging).
        ray_address: the Ray cluster to use (default: a running one, or a new local one).
        targets: the stance target inventory handed to the extractor.
        plugins: where to look up an extractor name (default: every installed plugin).

    Raises KeyError for an unknown extractor name, :class:`~zitat.errors.InputError` for
    input that cannot be read, :class:`~zitat.errors.ValidationError` for a bad config.
    """
    from zitat.extract.readers import InputOptions, open_source
    from zitat.extract.spec import resolve_extractor

    if engine not in ("local", "ray"):
        raise ZitatError(f"unknown engine {engine!r}; known: local, ray")
    if jobs is not None and jobs < 1:
        raise ZitatError(f"jobs must be at least 1, not {jobs}")
    spec = resolve_extractor(extractor, config=config, targets=targets, plugins=plugins)
    options = InputOptions(text_field=text_field, id_field=id_field, split=split)
    path: Path | None = None
    memory: Iterable[Document | AnnotatedDocument | str] = ()
    if isinstance(corpus, str | os.PathLike):
        path = Path(corpus)
    else:
        memory = corpus
    events: Iterator[Event]
    total: int | None = None
    if engine == "ray":
        from zitat.extract.engines.ray import import_ray, run_ray
        from zitat.extract.readers.memory import memory_shards

        import_ray()  # a clear error before any work if Ray is missing
        shards: list[Shard]
        if path is not None:
            source = open_source(path, options, format=input_format, target_shards=8 * (jobs or 4))
            shards, total = list(source.shards), source.total
        else:
            shards = list(memory_shards(memory, _MEMORY_SHARD))
        events = run_ray(spec, shards, options, skip=skip, jobs=jobs, address=ray_address)
    else:
        from zitat.extract.engines.local import run_local
        from zitat.extract.readers.memory import memory_items

        items: Iterator[Item]
        if path is not None:
            source = open_source(path, options, format=input_format)
            items, total = source.items(), source.total
        else:
            items = memory_items(memory)
        events = run_local(spec, items, skip=skip, jobs=jobs or 1, timeout=timeout, isolate=isolate)
    return Extraction(
        events, total=total, lenient=lenient, on_failure=on_failure, on_progress=on_progress
    )
