"""The tables of an agreement report as plain rows, for the terminal and for Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zitat.agreement.pairwise import FIELDS
from zitat.agreement.report import AgreementReport

__all__ = ["GridTable", "agreement_tables", "fmt"]

PER_DOCUMENT: tuple[tuple[str, str], ...] = (
    ("quotes.exact.f1", "exact F1"),
    ("quotes.overlap.f1", "overlap F1"),
    ("speakers.attribution", "speaker"),
    ("type.alpha", "type α"),
    ("medium.alpha", "medium α"),
    ("stance.alpha", "stance α"),
)


@dataclass(frozen=True)
class GridTable:
    """A titled table of strings; ``numeric`` columns are right-aligned."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]


def fmt(value: float | int | None, digits: int = 3) -> str:
    """A number for a table; ``—`` for an undefined value."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}"


def _table(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], first: int = 1
) -> GridTable:
    numeric = tuple(i >= first for i in range(len(headers)))
    return GridTable(title, tuple(headers), tuple(tuple(r) for r in rows), numeric)


def agreement_tables(report: AgreementReport) -> list[GridTable]:
    """Documents, pairwise metrics, all-annotator coefficients and per-document agreement."""
    names = report.annotators
    quotes = {d.doc_id: d.quotes for d in report.documents}
    docs = _table(
        "quotes per annotator (— = not annotated)",
        ["document", *names],
        [[d, *(fmt(quotes[d].get(a)) for a in names)] for d in report.coverage],
    )
    pair_names = [f"{p.a} ~ {p.b}" for p in report.pairs]
    keys = list(report.pairs[0].metrics) if report.pairs else []
    pairs = _table(
        "pairwise agreement (F1 and shares on the documents both annotated)",
        ["metric", *pair_names, *(["all"] if len(report.pairs) > 1 else [])],
        [
            [
                key,
                *(fmt(p.metrics[key]) for p in report.pairs),
                *([fmt(report.group.metrics.get(key))] if len(report.pairs) > 1 else []),
            ]
            for key in keys
        ],
    )
    g = report.group
    group = _table(
        f"all annotators: {g.units} quote units",
        [
            "field",
            "items",
            "complete",
            "observed",
            "alpha",
            "mean kappa",
            "Fleiss",
            "Davies–Fleiss",
        ],
        [
            [
                name,
                fmt(g.categorical[name].items),
                fmt(g.categorical[name].complete),
                fmt(g.metrics[f"{name}.observed"]),
                fmt(g.metrics[f"{name}.alpha"]),
                fmt(g.metrics[f"{name}.kappa"]),
                fmt(g.metrics[f"{name}.fleiss_kappa"]),
                fmt(g.metrics[f"{name}.multi_kappa"]),
            ]
            for name in FIELDS
        ],
    )
    per_doc = _table(
        "per document (mean over pairs; alpha over all annotators)",
        ["document", "annotators", *(label for _, label in PER_DOCUMENT), "disagreements"],
        [
            [
                d.doc_id,
                str(len(d.annotators)),
                *(
                    fmt(None if d.group is None else d.group.metrics.get(key))
                    for key, _ in PER_DOCUMENT
                ),
                fmt(sum(x.doc_id == d.doc_id for x in report.disagreements)),
            ]
            for d in report.documents
        ],
    )
    return [docs, pairs, group, per_doc]
