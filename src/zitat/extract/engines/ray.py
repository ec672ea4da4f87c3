"""The Ray engine: the same job on Ray Data, locally or on a cluster.

The driver plans the input's shards (small descriptions: a byte range, some files, a row
range) and hands them to a Ray Data pipeline: ``from_items(shards).map_batches(...)`` with a
callable class, so each actor of the pool builds the extractor once, then reads its shards
itself and prepares and extracts their documents. Results stream back to the driver in
input order (``preserve_order``) and are written there. On a cluster every node must be
able to read the input at the same path (a shared file system).

Ray is imported only here, when this engine is chosen (``pip install 'zitat[ray]'``).
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

from zitat.errors import ZitatError
from zitat.extract.engines.screen import screen
from zitat.extract.readers import InputOptions, Shard
from zitat.extract.results import Event, Failure, Skipped, outcome_event
from zitat.extract.spec import ExtractorSpec
from zitat.plugins.guard import extract_one, warm_up
from zitat.schema import AnnotatedDocument, Document

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["import_ray", "run_ray"]

ROWS_PER_BATCH = 32  # results an actor sends back at a time


def import_ray() -> Any:
    """The ``ray`` module, or a :class:`ZitatError` saying how to install it."""
    try:
        import ray
        import ray.data
    except ImportError as err:
        raise ZitatError(
            f"the Ray engine needs Ray Data ({err}); install it with: pip install 'zitat[ray]'"
        ) from None
    return ray


def _out_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([("event", pa.binary())])  # a pickled Event


class ShardExtractor:
    """A Ray actor: builds the extractor once, then reads and extracts whole shards."""

    def __init__(self, spec: ExtractorSpec, options: InputOptions, skip: AbstractSet[str]) -> None:
        self.spec = spec
        self.options = options
        self.skip = skip
        self.extractor = spec.build()
        warm_up(self.extractor)

    def __call__(self, batch: pa.Table) -> Iterator[pa.Table]:
        """Results for each shard of the batch, some rows at a time."""
        import pyarrow as pa

        schema = _out_schema()
        rows: list[dict[str, bytes]] = []
        for blob in batch.column("shard").to_pylist():
            shard: Shard = pickle.loads(blob)
            skipped = 0
            for item in shard.read(self.options):
                screened = screen(item, self.skip, self.spec.name)
                if isinstance(screened, Skipped):
                    skipped += 1
                    continue
                rows.append({"event": pickle.dumps(self._event(screened))})
                if len(rows) >= ROWS_PER_BATCH:
                    yield pa.Table.from_pylist(rows, schema=schema)
                    rows = []
            if skipped:
                rows.append({"event": pickle.dumps(Skipped(skipped))})
        if rows:
            yield pa.Table.from_pylist(rows, schema=schema)

    def _event(self, item: Document | Failure) -> AnnotatedDocument | Failure:
        if isinstance(item, Failure):
            return item
        return outcome_event(extract_one(self.extractor, item), item, self.spec.name)


def run_ray(
    spec: ExtractorSpec,
    shards: Sequence[Shard],
    options: InputOptions,
    *,
    skip: AbstractSet[str] = frozenset(),
    jobs: int | None = None,
    address: str | None = None,
) -> Iterator[Event]:
    """Events for every shard, in input order, from a pool of ``jobs`` Ray actors.

    Connects to the cluster at ``address`` (``ray://…``, ``auto``, host:port) or, when None
    and Ray is not running yet, starts a local instance (stopped again at the end). ``jobs``
    defaults to the cluster's CPUs. A per-document timeout is not enforced under Ray.
    """
    ray = import_ray()
    started = False
    if not ray.is_initialized():
        ray.init(
            address=address,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
        )
        started = True
    context = ray.data.DataContext.get_current()
    saved = (
        context.execution_options.preserve_order,
        context.enable_progress_bars,
        context.print_on_execution_start,
    )
    try:
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        actors = jobs or max(1, int(ray.cluster_resources().get("CPU", 1)))
        if not shards:
            return
        dataset = ray.data.from_items(
            [{"shard": pickle.dumps(shard)} for shard in shards], override_num_blocks=len(shards)
        ).map_batches(
            ShardExtractor,
            fn_constructor_kwargs={
                "spec": spec,
                "options": options,
                "skip": frozenset(skip),
            },
            batch_size=1,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=1,
        )
        try:
            for table in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
                for blob in table.column("event").to_pylist():
                    event: Event = pickle.loads(blob)  # built and checked by the actor
                    yield event
        except ray.exceptions.RayError as err:  # an actor could not start, a node was lost
            raise ZitatError(f"the Ray job failed: {err}") from err
    finally:
        (
            context.execution_options.preserve_order,
            context.enable_progress_bars,
            context.print_on_execution_start,
        ) = saved  # the caller's Ray Data settings, as they were
        if started:
            ray.shutdown()
