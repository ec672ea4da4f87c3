"""Agglomerative clustering of one speaker's quotations by content similarity.

Start with every quotation on its own; repeatedly merge the two clusters whose *linkage
similarity* is highest, as long as it reaches the threshold. The linkage similarity of two
clusters is, for ``single``, the highest similarity of any cross pair; for ``average``, the mean
over all cross pairs (UPGMA); for ``complete``, the lowest. Single link chains (A~B and B~C
puts A, B and C together even when A and C share nothing); complete link asks every pair to be
alike; average link sits between. Which one suits statement tracking is measured in
benchmarks/tracking/RESULTS.md.

Optionally some quotations start together (*must-links*: a nested quotation and its parent)
and some pairs are kept apart (*cannot-links*: clusters that contain such a pair are never
merged). Ties are broken by input order, so the result is deterministic. Each merge scans all
pairs of clusters: O(n³) in the worst case for n quotations of one speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

__all__ = ["LINKAGES", "Linkage", "agglomerate"]

Linkage = Literal["single", "average", "complete"]
LINKAGES: tuple[Linkage, ...] = ("single", "average", "complete")


def agglomerate(
    sims: Sequence[Sequence[float]],
    *,
    threshold: float,
    linkage: Linkage = "average",
    cannot_link: Sequence[Sequence[bool]] | None = None,
    start: Sequence[Sequence[int]] | None = None,
) -> list[list[int]]:
    """Clusters of the items ``0..n-1`` of the symmetric similarity matrix ``sims``.

    ``start`` optionally gives clusters to begin with (a partition of the items; items it does
    not name begin alone): items that must end up together. Returns lists of item indices,
    each sorted, ordered by their first item.
    """
    if linkage not in LINKAGES:
        raise ValueError(f"unknown linkage {linkage!r}; known: {', '.join(LINKAGES)}")
    n = len(sims)
    members = _initial(n, start)
    ids = sorted(members)
    # linkage similarity between active clusters, keyed by the lower cluster id
    link: dict[int, dict[int, float]] = {
        a: {b: _linkage(sims, members[a], members[b], linkage) for b in ids if b > a} for a in ids
    }
    apart: dict[int, set[int]] = {a: set() for a in ids}
    if cannot_link is not None:
        for a in ids:
            apart[a] = {
                b
                for b in ids
                if b != a and any(cannot_link[i][j] for i in members[a] for j in members[b])
            }
    while True:
        best: tuple[float, int, int] | None = None
        for i, row in link.items():
            for j, value in row.items():
                if value >= threshold and j not in apart[i] and (best is None or value > best[0]):
                    best = (value, i, j)
        if best is None:
            break
        _, keep, gone = best
        size_keep, size_gone = len(members[keep]), len(members[gone])
        for other in members:
            if other in (keep, gone):
                continue
            to_keep = _get(link, keep, other)
            to_gone = _get(link, gone, other)
            if linkage == "single":
                merged = max(to_keep, to_gone)
            elif linkage == "complete":
                merged = min(to_keep, to_gone)
            else:
                merged = (to_keep * size_keep + to_gone * size_gone) / (size_keep + size_gone)
            _set(link, keep, other, merged)
        members[keep] = sorted(members[keep] + members.pop(gone))
        del link[gone]
        for row in link.values():
            row.pop(gone, None)
        kept_apart_from_gone = apart.pop(gone)
        apart[keep] = (apart[keep] | kept_apart_from_gone) - {keep, gone}
        for other in kept_apart_from_gone:
            apart[other].discard(gone)
            apart[other].add(keep)
    return sorted(members.values(), key=lambda m: m[0])


def _initial(n: int, start: Sequence[Sequence[int]] | None) -> dict[int, list[int]]:
    """Starting clusters keyed by their first item."""
    taken: set[int] = set()
    members: dict[int, list[int]] = {}
    for group in start or ():
        items = sorted(set(group))
        if not items:
            continue
        if taken & set(items) or items[0] < 0 or items[-1] >= n:
            raise ValueError(f"start clusters overlap or name unknown items: {items}")
        taken.update(items)
        members[items[0]] = items
    for i in range(n):
        if i not in taken:
            members[i] = [i]
    return members


def _linkage(sims: Sequence[Sequence[float]], a: list[int], b: list[int], how: Linkage) -> float:
    values = [float(sims[i][j]) for i in a for j in b]
    if how == "single":
        return max(values)
    if how == "complete":
        return min(values)
    return sum(values) / len(values)


def _get(link: dict[int, dict[int, float]], i: int, j: int) -> float:
    return link[i][j] if i < j else link[j][i]


def _set(link: dict[int, dict[int, float]], i: int, j: int, value: float) -> None:
    if i < j:
        link[i][j] = value
    else:
        link[j][i] = value
