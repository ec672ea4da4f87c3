"""Scores of a predicted clustering against a gold clustering of the same items.

Used for cross-document quote alignment (which quotations report the same statement), but
the items can be any hashable values.

Clusterings
    A clustering is an iterable of clusters, each an iterable of items; an item may be in at
    most one cluster of a clustering (ValueError otherwise), and empty clusters are ignored.
    Singletons may be listed or left out.

The item set
    Scores are over the union of the items of both clusterings and of ``items`` (if given).
    An item that one side does not list is a **singleton** on that side: a gold item the
    prediction left out counts as predicted alone, a predicted item the gold lacks counts as
    alone in the gold. Pass ``items`` (e.g. every quotation of the gold) so that items left
    out by both sides count as correctly predicted singletons in B³.

Pairwise (``pairwise``, a :class:`~zitat.scoring.prf.PRF`)
    Over unordered pairs of distinct items in the same cluster: ``tp`` pairs in both,
    ``fp`` pairs only predicted, ``fn`` pairs only in the gold. Singletons make no pairs;
    with no pair on either side every ratio is 0.0 (the PRF convention) and ``empty`` is
    true. Computed from cluster overlaps, not by listing pairs.

B³ (``b3``, a :class:`B3`; Bagga & Baldwin 1998)
    For each item *i* with predicted cluster *P(i)* and gold cluster *G(i)*: precision
    ``|P(i) ∩ G(i)| / |P(i)|``, recall ``|P(i) ∩ G(i)| / |G(i)|``; both averaged over all items
    (each item weighs the same), F1 their harmonic mean. An item alone on both sides scores
    1 and 1. With no items all three are 0.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from zitat.scoring.prf import PRF, f1_of, safe_div

__all__ = ["B3", "ClusterScores", "b3_scores", "cluster_scores", "pairwise_prf"]

H = TypeVar("H", bound=Hashable)


@dataclass(frozen=True, slots=True)
class B3:
    """Additive B³ sums: per-item precision and recall summed over ``n`` items."""

    psum: float = 0.0
    rsum: float = 0.0
    n: int = 0

    @property
    def precision(self) -> float:
        """Mean per-item precision; 0.0 over no items."""
        return safe_div(self.psum, self.n)

    @property
    def recall(self) -> float:
        """Mean per-item recall; 0.0 over no items."""
        return safe_div(self.rsum, self.n)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f1_of(self.precision, self.recall)

    def __add__(self, other: B3) -> B3:
        if not isinstance(other, B3):
            return NotImplemented
        return B3(self.psum + other.psum, self.rsum + other.rsum, self.n + other.n)

    def to_dict(self) -> dict[str, float]:
        """``precision``, ``recall``, ``f1`` and the item count ``n``."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "n": self.n}


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """Pairwise and B³ scores of one predicted clustering."""

    pairwise: PRF
    b3: B3

    def __add__(self, other: ClusterScores) -> ClusterScores:
        if not isinstance(other, ClusterScores):
            return NotImplemented
        return ClusterScores(self.pairwise + other.pairwise, self.b3 + other.b3)

    def to_dict(self) -> dict[str, float]:
        """Flat ``pairwise.precision``, ..., ``b3.f1``."""
        out = {f"pairwise.{k}": v for k, v in self.pairwise.to_dict().items()}
        out.update({f"b3.{k}": v for k, v in self.b3.to_dict().items()})
        return out


def _index(clusters: Iterable[Iterable[H]], side: str) -> dict[H, int]:
    """Item → cluster number; raises if an item is in two clusters."""
    out: dict[H, int] = {}
    number = 0
    for cluster in clusters:
        members = set(cluster)
        if not members:
            continue
        for item in members:
            if item in out:
                raise ValueError(f"item {item!r} is in two {side} clusters")
            out[item] = number
        number += 1
    return out


def _table(
    gold: Iterable[Iterable[H]], pred: Iterable[Iterable[H]], items: Iterable[H] | None
) -> tuple[Counter[tuple[int, int]], Counter[int], Counter[int], int]:
    """The overlap counts n(g, p), the gold and predicted cluster sizes, and the item count.

    Items one side lacks get a fresh singleton cluster on that side.
    """
    g, p = _index(gold, "gold"), _index(pred, "predicted")
    universe = set(g) | set(p) | set(items or ())
    g_next, p_next = len(set(g.values())), len(set(p.values()))
    overlap: Counter[tuple[int, int]] = Counter()
    for item in universe:
        gi = g.get(item)
        if gi is None:
            gi, g_next = g_next, g_next + 1
        pi = p.get(item)
        if pi is None:
            pi, p_next = p_next, p_next + 1
        overlap[(gi, pi)] += 1
    g_size: Counter[int] = Counter()
    p_size: Counter[int] = Counter()
    for (gi, pi), n in overlap.items():
        g_size[gi] += n
        p_size[pi] += n
    return overlap, g_size, p_size, len(universe)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise_prf(
    *, gold: Iterable[Iterable[H]], pred: Iterable[Iterable[H]], items: Iterable[H] | None = None
) -> PRF:
    """Pairwise counts over same-cluster item pairs (see the module docstring)."""
    overlap, g_size, p_size, _ = _table(gold, pred, items)
    tp = sum(_pairs(n) for n in overlap.values())
    gold_pairs = sum(_pairs(n) for n in g_size.values())
    pred_pairs = sum(_pairs(n) for n in p_size.values())
    return PRF(tp=tp, fp=pred_pairs - tp, fn=gold_pairs - tp)


def b3_scores(
    *, gold: Iterable[Iterable[H]], pred: Iterable[Iterable[H]], items: Iterable[H] | None = None
) -> B3:
    """B³ sums over all items (see the module docstring)."""
    overlap, g_size, p_size, n = _table(gold, pred, items)
    # every one of the n(g, p) items in both g and p has precision n/|p| and recall n/|g|
    psum = sum(k * k / p_size[pi] for (_, pi), k in overlap.items())
    rsum = sum(k * k / g_size[gi] for (gi, _), k in overlap.items())
    return B3(psum, rsum, n)


def cluster_scores(
    *, gold: Iterable[Iterable[H]], pred: Iterable[Iterable[H]], items: Iterable[H] | None = None
) -> ClusterScores:
    """Pairwise and B³ scores of ``pred`` against ``gold`` (see the module docstring)."""
    gold_l = [list(c) for c in gold]
    pred_l = [list(c) for c in pred]
    items_l = None if items is None else list(items)
    return ClusterScores(
        pairwise_prf(gold=gold_l, pred=pred_l, items=items_l),
        b3_scores(gold=gold_l, pred=pred_l, items=items_l),
    )
