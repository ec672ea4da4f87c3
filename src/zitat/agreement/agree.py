"""Inter-annotator agreement: :func:`agree` turns annotators' documents into a report."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import combinations

from zitat.agreement.align import DocumentView
from zitat.agreement.annotators import Annotated, coverage
from zitat.agreement.categorical import Coefficients, coefficients
from zitat.agreement.group import Disagreement, disagreements, unit_labels
from zitat.agreement.pairwise import FIELDS, PairCounts, pair_counts, pair_labels, pair_metrics
from zitat.agreement.report import (
    AgreementReport,
    DocumentAgreement,
    GroupAgreement,
    Metrics,
    PairScores,
)
from zitat.errors import InputError

__all__ = ["agree"]

LabelTable = dict[str, dict[Hashable, dict[str, str]]]


def _pool(into: LabelTable, more: LabelTable) -> None:
    for name, rows in more.items():
        into.setdefault(name, {}).update(rows)


def _mean(values: Sequence[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


def _group(
    annotators: tuple[str, ...], units: int, labels: LabelTable, pairs: Sequence[PairScores]
) -> GroupAgreement:
    categorical = {name: coefficients(labels.get(name, {}), annotators) for name in FIELDS}
    template = pairs[0].metrics if pairs else pair_metrics(PairCounts(), {})
    metrics: Metrics = {key: _mean([p.metrics[key] for p in pairs]) for key in template}
    for name, c in categorical.items():
        metrics[f"{name}.observed"] = c.observed
        metrics[f"{name}.alpha"] = c.alpha
        metrics[f"{name}.fleiss_kappa"] = c.fleiss_kappa
        metrics[f"{name}.multi_kappa"] = c.multi_kappa
    return GroupAgreement(annotators, units, categorical, metrics)


def _scores(
    a: str, b: str, docs: tuple[str, ...], counts: PairCounts, labels: LabelTable
) -> PairScores:
    categorical: dict[str, Coefficients] = {
        name: coefficients(labels.get(name, {}), (a, b)) for name in FIELDS
    }
    return PairScores(a, b, docs, counts, categorical, pair_metrics(counts, categorical))


def agree(annotated: Annotated, *, width: int = 80) -> AgreementReport:
    """Agreement of the annotators in ``annotated`` (name → documents, in a fixed order).

    Every pair of annotators is scored on the documents both have, with the earlier one as
    the reference; all annotators together get Krippendorff's alpha and, with three or more,
    Fleiss's and Davies–Fleiss kappa over quote units. ``width`` bounds the text excerpts of
    the listed disagreements.
    """
    names = tuple(annotated)
    if len(names) < 2:
        raise InputError(f"agreement needs at least two annotators, got {len(names)}")
    cov = coverage(annotated)
    by_name = {a: {d.id: d for d in docs} for a, docs in annotated.items()}
    totals: dict[tuple[str, str], PairCounts] = {p: PairCounts() for p in combinations(names, 2)}
    pooled: dict[tuple[str, str], LabelTable] = {p: {} for p in totals}
    shared: dict[tuple[str, str], list[str]] = {p: [] for p in totals}
    unit_pool: LabelTable = {}
    n_units = 0
    documents: list[DocumentAgreement] = []
    found: list[Disagreement] = []
    for doc_id, present in cov.items():
        view = DocumentView(doc_id, {a: by_name[a][doc_id] for a in present})
        doc_pairs: list[PairScores] = []
        for a, b in view.pairs():
            counts, labels = pair_counts(view, a, b), pair_labels(view, a, b)
            doc_pairs.append(_scores(a, b, (doc_id,), counts, labels))
            totals[(a, b)] += counts
            _pool(pooled[(a, b)], labels)
            shared[(a, b)].append(doc_id)
        group = None
        if len(present) >= 2:
            labels = unit_labels(view)
            _pool(unit_pool, labels)
            n_units += len(view.units)
            group = _group(present, len(view.units), labels, doc_pairs)
            found.extend(disagreements(view, width=width))
        quotes = {a: len(view.quotes(a)) for a in present}
        documents.append(DocumentAgreement(doc_id, present, quotes, tuple(doc_pairs), group))
    pairs = tuple(
        _scores(a, b, tuple(shared[(a, b)]), totals[(a, b)], pooled[(a, b)]) for a, b in totals
    )
    return AgreementReport(
        annotators=names,
        coverage=cov,
        pairs=pairs,
        group=_group(names, n_units, unit_pool, pairs),
        documents=tuple(documents),
        disagreements=tuple(found),
    )
