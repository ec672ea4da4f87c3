"""One-to-one alignment of predicted to gold quotations (Hungarian assignment).

Each gold × predicted pair is scored by the F1 of their content tokens,
``2 |G ∩ P| / (|G| + |P|)``. A pair that overlaps gets small tie-breaking bonuses when the type
agrees (``type_bonus``, default 0.01) and when the medium agrees (``medium_bonus``, 0.001), as in
the Wikinews scorer; then :func:`scipy.optimize.linear_sum_assignment` maximises the total.
``role_bonus`` (default 0, off for scoring) adds a further bonus when all role spans agree too;
inter-annotator agreement uses it so that two quotes sharing their spans (one frame, two
speakers) pair with the version that has the same roles.

Ties (equal totals) would otherwise be broken by the order of the annotations; gold and
predicted quotes are therefore put in a canonical order first (by spans, type, medium and role
spans), so the alignment does not depend on annotation order (``canonical=False`` keeps the given
order, as the original Wikinews scorer does).

The assignment pairs ``min(#gold, #pred)`` quotes even when some pairs do not overlap at all.
``keep_zero=False`` (the default) drops those zero-overlap pairs, so "matched" means "shares at
least one token"; ``keep_zero=True`` keeps them, which is what the original Wikinews scorer does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from zitat.schema import Quote

__all__ = ["QuoteAlignment", "align_quotes", "overlap_f1"]


def _canonical(q: Quote) -> tuple[object, ...]:
    return (q.spans, q.type.value, q.medium.value, q.cue, q.frame, q.speaker, q.addressee)


def _same_roles(a: Quote, b: Quote) -> bool:
    return (a.cue, a.frame, a.speaker, a.addressee) == (b.cue, b.frame, b.speaker, b.addressee)


def overlap_f1(gold: frozenset[int], pred: frozenset[int]) -> float:
    """Token overlap F1 of two token sets (0.0 if either is empty)."""
    if not gold or not pred:
        return 0.0
    return 2 * len(gold & pred) / (len(gold) + len(pred))


@dataclass(frozen=True, slots=True)
class QuoteAlignment:
    """Matched ``(gold index, predicted index, overlap F1)`` triples of one document."""

    pairs: tuple[tuple[int, int, float], ...]
    n_gold: int
    n_pred: int

    @property
    def unmatched_gold(self) -> tuple[int, ...]:
        """Indices of gold quotes left without a partner."""
        matched = {g for g, _, _ in self.pairs}
        return tuple(i for i in range(self.n_gold) if i not in matched)

    @property
    def unmatched_pred(self) -> tuple[int, ...]:
        """Indices of predicted quotes left without a partner."""
        matched = {p for _, p, _ in self.pairs}
        return tuple(i for i in range(self.n_pred) if i not in matched)

    def gold_of(self) -> dict[int, int]:
        """Predicted index → matched gold index."""
        return {p: g for g, p, _ in self.pairs}


def align_quotes(
    gold: Sequence[Quote],
    pred: Sequence[Quote],
    *,
    gold_tokens: Sequence[frozenset[int]],
    pred_tokens: Sequence[frozenset[int]],
    type_bonus: float = 0.01,
    medium_bonus: float = 0.001,
    role_bonus: float = 0.0,
    keep_zero: bool = False,
    canonical: bool = True,
) -> QuoteAlignment:
    """Align quotes one-to-one by maximal total token overlap F1 (see the module docstring).

    The score matrix has gold quotes as rows and predicted quotes as columns, like the original
    Wikinews scorer. Indices in the result refer to the given sequences.
    """
    n_gold, n_pred = len(gold), len(pred)
    if n_gold == 0 or n_pred == 0:
        return QuoteAlignment((), n_gold, n_pred)
    g_order, p_order = list(range(n_gold)), list(range(n_pred))
    if canonical:
        g_order.sort(key=lambda i: _canonical(gold[i]))
        p_order.sort(key=lambda j: _canonical(pred[j]))
    f1 = np.zeros((n_gold, n_pred))
    scores = np.zeros((n_gold, n_pred))
    for i, gi in enumerate(g_order):
        gq, gt = gold[gi], gold_tokens[gi]
        for j, pj in enumerate(p_order):
            pq, pt = pred[pj], pred_tokens[pj]
            value = overlap_f1(gt, pt)
            if value > 0.0:
                f1[i, j] = value
                scores[i, j] = (
                    value
                    + (type_bonus if gq.type == pq.type else 0.0)
                    + (medium_bonus if gq.medium == pq.medium else 0.0)
                    + (role_bonus if role_bonus and _same_roles(gq, pq) else 0.0)
                )
    rows, cols = linear_sum_assignment(scores, maximize=True)
    pairs = tuple(
        sorted(
            (g_order[i], p_order[j], float(f1[i, j]))
            for i, j in zip(rows, cols, strict=True)
            if keep_zero or f1[i, j] > 0.0
        )
    )
    return QuoteAlignment(pairs, n_gold, n_pred)
