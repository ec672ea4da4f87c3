"""Chance-corrected agreement on categorical labels (type, medium, stance polarity).

The input is a table *item → annotator → label*; an annotator who did not label an item
(for instance because their version of the document lacks the quote) is simply absent from
that item. The coefficients come from :class:`nltk.metrics.agreement.AnnotationTask` with the
default binary distance (nominal labels):

``observed``
    Percent agreement: of all pairs of annotators who both labelled an item, the share that
    gave the same label (over two annotators: the share of items with equal labels).
``kappa``
    Cohen's kappa (Cohen 1960), two annotators only, over the items both labelled:
    ``(A_o - A_e) / (1 - A_e)`` with ``A_e = Σ_k p_a(k) · p_b(k)``, each annotator's own label
    distribution (``AnnotationTask.kappa``).
``alpha``
    Krippendorff's alpha, nominal (``AnnotationTask.alpha``), over every item labelled by at
    least two annotators: ``1 - D_o / D_e`` from the coincidences of the pairable values.
``fleiss_kappa``
    Fleiss's kappa (multi-pi, ``AnnotationTask.pi``), three or more annotators, over the
    items labelled by all of them: expected agreement from the pooled label distribution.
``multi_kappa``
    Davies and Fleiss's multi-kappa (``AnnotationTask.multi_kappa``), three or more
    annotators, over the items labelled by all of them: expected agreement averaged over the
    annotator pairs, each from the pair's own distributions.

A coefficient is ``None`` (undefined) when it has no items, or when all its labels are one
and the same category: expected agreement is then 1 and the coefficient is 0/0. (nltk itself
reports 1.0 in that case; a table of identical labels says nothing about chance, so zitat
reports it as undefined and keeps ``observed``.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

__all__ = ["COEFFICIENTS", "Coefficients", "Labels", "coefficients"]

Labels = Mapping[Hashable, Mapping[str, str]]
"""Item → annotator → label."""

COEFFICIENTS: tuple[str, ...] = ("observed", "kappa", "alpha", "fleiss_kappa", "multi_kappa")


@dataclass(frozen=True, slots=True)
class Coefficients:
    """Agreement on one categorical field (see the module docstring for each value).

    ``items``: items labelled by at least two annotators; ``complete``: items labelled by
    all; ``labels``: how often each label was given on the ``items``.
    """

    items: int = 0
    complete: int = 0
    observed: float | None = None
    kappa: float | None = None
    alpha: float | None = None
    fleiss_kappa: float | None = None
    multi_kappa: float | None = None
    labels: dict[str, int] = field(default_factory=dict)

    def values(self) -> dict[str, float | None]:
        """The coefficients by name (:data:`COEFFICIENTS`)."""
        return {name: getattr(self, name) for name in COEFFICIENTS}

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable data."""
        return {
            **self.values(),
            "items": self.items,
            "complete": self.complete,
            "labels": dict(self.labels),
        }


def _task(rows: Mapping[Hashable, Mapping[str, str]]) -> Any:
    from nltk.metrics.agreement import AnnotationTask

    index = {item: n for n, item in enumerate(rows)}
    data = [
        (coder, index[item], label) for item, row in rows.items() for coder, label in row.items()
    ]
    return AnnotationTask(data=data)


def _varied(rows: Mapping[Hashable, Mapping[str, str]]) -> bool:
    return len({label for row in rows.values() for label in row.values()}) > 1


def coefficients(labels: Labels, annotators: Sequence[str]) -> Coefficients:
    """Agreement of ``annotators`` on ``labels`` (other annotators' labels are ignored)."""
    chosen = set(annotators)
    rows = {item: {a: lab for a, lab in row.items() if a in chosen} for item, row in labels.items()}
    pairable = {item: row for item, row in rows.items() if len(row) >= 2}
    complete = {item: row for item, row in pairable.items() if len(row) == len(chosen)}
    counts: Counter[str] = Counter(lab for row in pairable.values() for lab in row.values())
    agreeing = total = 0
    for row in pairable.values():
        for x, y in combinations(row.values(), 2):
            total += 1
            agreeing += x == y
    kappa = alpha = fleiss = multi = None
    if pairable and _varied(pairable):
        alpha = float(_task(pairable).alpha())
    if complete and _varied(complete):
        task = _task(complete)
        if len(chosen) == 2:
            kappa = float(task.kappa())
        elif len(chosen) > 2:
            fleiss = float(task.pi())
            multi = float(task.multi_kappa())
    return Coefficients(
        items=len(pairable),
        complete=len(complete),
        observed=agreeing / total if total else None,
        kappa=kappa,
        alpha=alpha,
        fleiss_kappa=fleiss,
        multi_kappa=multi,
        labels=dict(sorted(counts.items())),
    )
