"""Document-level bootstrap intervals and paired significance tests on sufficient statistics.

Per-document statistics are computed once (:class:`DocumentStats`: one row per document, one
column per additive statistic). A resample is then a weight vector over documents, and its
statistics are a matrix product; metrics are evaluated on the summed columns
(:mod:`zitat.scoring.metrics`). Nothing is re-matched per resample.

- :func:`bootstrap_intervals`: percentile intervals from ``n_boot`` resamples of documents with
  replacement (NumPy ``Generator`` seeded with ``seed``).
- :func:`paired_test`: compares two systems on the same documents. ``method="randomization"``
  (approximate randomization, the default) swaps the two systems' statistics of each document
  with probability 1/2 and counts resamples whose absolute difference is at least the observed
  one, ``p = (1 + count) / (1 + n_resamples)``. ``method="bootstrap"`` (paired bootstrap)
  resamples documents and counts resamples whose difference deviates from the observed one by
  at least the observed difference (the shifted null of Berg-Kirkpatrick et al. 2012, two
  sided). Both return the observed delta ``a - b`` and a paired-bootstrap percentile interval
  of the delta.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from zitat.scoring.metrics import Array, Columns, Metric

__all__ = ["DocumentStats", "PairedResult", "bootstrap_intervals", "evaluate", "paired_test"]

_CHUNK = 256
_EPS = 1e-12


@dataclass(frozen=True)
class DocumentStats:
    """Additive statistics: ``values[i, j]`` is statistic ``names[j]`` of ``doc_ids[i]``."""

    doc_ids: tuple[str, ...]
    names: tuple[str, ...]
    values: NDArray[np.float64]

    @classmethod
    def from_rows(
        cls, doc_ids: Sequence[str], rows: Sequence[Mapping[str, float]]
    ) -> DocumentStats:
        """Build from one ``name → value`` dict per document (missing names count as 0)."""
        names = tuple(sorted({n for row in rows for n in row}))
        values = np.zeros((len(rows), len(names)))
        col = {n: j for j, n in enumerate(names)}
        for i, row in enumerate(rows):
            for n, v in row.items():
                values[i, col[n]] = v
        return cls(tuple(doc_ids), names, values)

    def __len__(self) -> int:
        return len(self.doc_ids)

    def columns(self, matrix: NDArray[np.float64]) -> Columns:
        """Name → column of ``matrix`` (rows × statistics, same column order as ``names``)."""
        return {n: matrix[:, j] for j, n in enumerate(self.names)}

    def total(self) -> NDArray[np.float64]:
        """The corpus sums, as a one-row matrix."""
        total: NDArray[np.float64] = self.values.sum(axis=0, keepdims=True)
        return total

    def check_paired(self, other: DocumentStats) -> None:
        """Raise unless both cover the same documents and statistics in the same order."""
        if self.doc_ids != other.doc_ids or self.names != other.names:
            raise ValueError("paired statistics must cover the same documents and statistics")


def evaluate(
    metrics: Iterable[Metric], stats: DocumentStats, matrix: NDArray[np.float64]
) -> dict[str, Array]:
    """Every metric on every row of ``matrix`` (summed statistics)."""
    return {m.name: _value(m, stats, matrix) for m in metrics}


def _value(metric: Metric, stats: DocumentStats, matrix: NDArray[np.float64]) -> Array:
    """One metric on every row of ``matrix``."""
    return np.broadcast_to(metric(stats.columns(matrix)), (matrix.shape[0],)).astype(float)


def _percentiles(values: Array, confidence: float) -> tuple[float, float]:
    """The central ``confidence`` interval of ``values`` (percentile method)."""
    alpha = (1.0 - confidence) / 2 * 100
    low, high = np.percentile(values, [alpha, 100 - alpha])
    return float(low), float(high)


def _resample_sums(
    values: NDArray[np.float64], n_boot: int, rng: np.random.Generator
) -> Iterable[NDArray[np.float64]]:
    n = values.shape[0]
    p = np.full(n, 1.0 / n)
    done = 0
    while done < n_boot:
        k = min(_CHUNK, n_boot - done)
        weights = rng.multinomial(n, p, size=k).astype(float)
        yield weights @ values
        done += k


def bootstrap_intervals(
    stats: DocumentStats,
    metrics: Iterable[Metric],
    *,
    n_boot: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap intervals of every metric, resampling documents."""
    metrics = list(metrics)
    if n_boot <= 0 or len(stats) == 0 or not metrics:
        return {}
    rng = np.random.default_rng(seed)
    samples: dict[str, list[Array]] = {m.name: [] for m in metrics}
    for sums in _resample_sums(stats.values, n_boot, rng):
        for name, values in evaluate(metrics, stats, sums).items():
            samples[name].append(values)
    return {
        name: _percentiles(np.concatenate(parts), confidence) for name, parts in samples.items()
    }


@dataclass(frozen=True, slots=True)
class PairedResult:
    """Outcome of a paired test of system A against system B on one metric."""

    metric: str
    a: float
    b: float
    delta: float
    p_value: float
    interval: tuple[float, float]
    method: str
    n_resamples: int
    n_documents: int

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "metric": self.metric,
            "a": self.a,
            "b": self.b,
            "delta": self.delta,
            "p_value": self.p_value,
            "interval": list(self.interval),
            "method": self.method,
            "n_resamples": self.n_resamples,
            "n_documents": self.n_documents,
        }


def paired_test(
    stats_a: DocumentStats,
    stats_b: DocumentStats,
    metric: Metric,
    *,
    method: Literal["randomization", "bootstrap"] = "randomization",
    n_resamples: int = 10_000,
    seed: int = 0,
    confidence: float = 0.95,
) -> PairedResult:
    """Paired test of ``a - b`` on ``metric`` (see the module docstring)."""
    stats_a.check_paired(stats_b)
    if method not in ("randomization", "bootstrap"):
        raise ValueError(f"unknown method {method!r}; expected 'randomization' or 'bootstrap'")
    a = float(_value(metric, stats_a, stats_a.total())[0])
    b = float(_value(metric, stats_b, stats_b.total())[0])
    delta = a - b
    rng = np.random.default_rng(seed)
    n = len(stats_a)
    va, vb = stats_a.values, stats_b.values
    both = np.concatenate([va, vb], axis=1)
    width = va.shape[1]
    boot: list[Array] = []
    for sums in _resample_sums(both, n_resamples, rng):
        boot.append(
            _value(metric, stats_a, sums[:, :width]) - _value(metric, stats_b, sums[:, width:])
        )
    deltas = np.concatenate(boot) if boot else np.zeros(0)
    low, high = _percentiles(deltas, confidence) if deltas.size else (delta, delta)
    if method == "bootstrap":
        extreme = int(np.sum(np.abs(deltas - delta) >= abs(delta) - _EPS))
        p_value = extreme / deltas.size if deltas.size else 1.0
    else:
        total_a, total_b, diff = va.sum(axis=0), vb.sum(axis=0), vb - va
        extreme, done = 0, 0
        while done < n_resamples:
            k = min(_CHUNK, n_resamples - done)
            swap = rng.integers(0, 2, size=(k, n)).astype(float)
            moved = swap @ diff
            sa = total_a + moved
            sb = total_b - moved
            d = _value(metric, stats_a, sa) - _value(metric, stats_b, sb)
            extreme += int(np.sum(np.abs(d) >= abs(delta) - _EPS))
            done += k
        p_value = (1 + extreme) / (1 + n_resamples)
    return PairedResult(
        metric=metric.name,
        a=a,
        b=b,
        delta=delta,
        p_value=float(p_value),
        interval=(low, high),
        method=method,
        n_resamples=n_resamples,
        n_documents=n,
    )
