"""The scoring entry point: :func:`score_corpus`, :class:`CorpusScores` and paired tests.

Gold and predicted documents are paired by id. A gold document without a prediction is scored
as an empty prediction and listed in ``missing``; a prediction for a document id that is not in
the gold set, and duplicate ids, raise :class:`~zitat.errors.ValidationError`. Each document is
tokenised and aligned once; its additive statistics are kept in ``CorpusScores.stats`` so that
intervals and paired tests never re-run the matching.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from zitat.errors import ValidationError
from zitat.schema import AnnotatedDocument
from zitat.scoring.bootstrap import (
    DocumentStats,
    PairedResult,
    bootstrap_intervals,
    evaluate,
)
from zitat.scoring.bootstrap import (
    paired_test as paired_test_stats,
)
from zitat.scoring.metrics import Metric, define_metrics
from zitat.scoring.pair import DocumentPair
from zitat.scoring.prf import PRF
from zitat.scoring.quotes import QuoteCounts, quote_counts
from zitat.scoring.spans import SEQEVAL_LAYERS, SPAN_LABELS, SpanCounts, seqeval_report, span_counts
from zitat.scoring.speakers import SpeakerCounts, speaker_counts
from zitat.scoring.stance import Setting, StanceCounts, stance_counts
from zitat.scoring.wikinews import PARTS, WikinewsCounts, wikinews_counts

__all__ = ["HEADLINE", "TASKS", "CorpusScores", "compare", "paired_test", "score_corpus"]

TASKS: tuple[str, ...] = ("quotes", "speakers", "stances")
HEADLINE: tuple[str, ...] = (
    "quotes.exact.f1",
    "quotes.overlap.f1",
    "wikinews.messages.f1",
    "wikinews.joint.f1",
    "speakers.attribution.acc",
    "speakers.b3.f1",
    "stance.macro_f1",
    "stance.e2e.macro_f1",
)
"""Metrics repeated per document in ``CorpusScores.per_document``."""


@dataclass(frozen=True)
class CorpusScores:
    """Scores of one system on one gold set.

    ``main``: headline metrics by name; ``intervals``: bootstrap ``(low, high)`` per main
    metric; ``tables``: per-label rows with raw counts; ``per_document``: one row per gold
    document; ``missing``: gold ids without a prediction; ``stats``/``metrics``: the per-document
    sufficient statistics and the formulas, for further intervals and paired tests.
    """

    main: dict[str, float]
    intervals: dict[str, tuple[float, float]]
    tables: dict[str, list[dict[str, Any]]]
    per_document: list[dict[str, Any]]
    missing: tuple[str, ...]
    tasks: tuple[str, ...]
    stats: DocumentStats = field(repr=False)
    metrics: dict[str, Metric] = field(repr=False)
    settings: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable data (without the per-document statistics matrix)."""
        return {
            "main": dict(self.main),
            "intervals": {k: [lo, hi] for k, (lo, hi) in self.intervals.items()},
            "tables": self.tables,
            "per_document": self.per_document,
            "missing": list(self.missing),
            "tasks": list(self.tasks),
            "n_documents": len(self.stats),
            "settings": dict(self.settings),
        }

    def values(self, metric: str) -> dict[str, float]:
        """One metric computed on each document alone."""
        values = evaluate([self.metrics[metric]], self.stats, self.stats.values)[metric]
        return dict(zip(self.stats.doc_ids, (float(v) for v in values), strict=True))


def _pair_documents(
    gold: Sequence[AnnotatedDocument], pred: Sequence[AnnotatedDocument], what: str = "prediction"
) -> list[DocumentPair]:
    gold_ids: dict[str, AnnotatedDocument] = {}
    for doc in gold:
        if doc.id in gold_ids:
            raise ValidationError(f"duplicate gold document {doc.id!r}", obj="gold", field="id")
        gold_ids[doc.id] = doc
    by_id: dict[str, AnnotatedDocument] = {}
    for doc in pred:
        if doc.id not in gold_ids:
            raise ValidationError(
                f"{what} for a document not in the gold set: {doc.id!r}", obj=what, field="id"
            )
        if doc.id in by_id:
            raise ValidationError(f"duplicate {what} for document {doc.id!r}", obj=what, field="id")
        by_id[doc.id] = doc
    return [DocumentPair(g, by_id.get(g.id)) for g in gold]


def _prf_rows(table: dict[str, PRF], key: str) -> list[dict[str, Any]]:
    return [{key: label, **prf.to_dict()} for label, prf in table.items()]


def _tables(
    tasks: tuple[str, ...],
    spans: SpanCounts,
    quotes: QuoteCounts,
    wiki: WikinewsCounts,
    speakers: SpeakerCounts,
    stances: dict[str, StanceCounts],
    report: dict[str, dict[str, Any]],
) -> dict[str, list[dict[str, Any]]]:
    """The per-label tables of the chosen ``tasks`` from the corpus totals."""
    tables: dict[str, list[dict[str, Any]]] = {}
    if "quotes" in tasks:
        for mode, table in (("exact", spans.exact), ("overlap", spans.overlap)):
            tables[f"spans.{mode}"] = _prf_rows({k: table[k] for k in SPAN_LABELS}, "label")
        rows: list[dict[str, Any]] = []
        for layer, labels in SEQEVAL_LAYERS.items():
            for label in labels:
                prf = spans.seqeval[layer][label]
                row = {"layer": layer, "label": label, **prf.to_dict()}
                seq = report.get(layer, {}).get(label)
                if seq is not None:
                    row["seqeval"] = seq
                rows.append(row)
        tables["seqeval"] = rows
        tokens = {"quote": quotes.content, **quotes.roles}
        tables["quotes.tokens"] = _prf_rows(tokens, "part")
        tables["quotes.match"] = _prf_rows({"quotes": quotes.match}, "label")
        rows = []
        for part in PARTS:
            m = wiki.macro[part]
            rows.append(
                {
                    "part": part,
                    "macro_precision": m.precision,
                    "macro_recall": m.recall,
                    "precision_values": m.pn,
                    "recall_values": m.rn,
                    **{f"micro_{k}": v for k, v in wiki.micro[part].to_dict().items()},
                }
            )
        tables["wikinews"] = rows
    if "stances" in tasks:
        for setting, counts in stances.items():
            tables[f"stance.{setting}"] = _prf_rows(counts.classes, "polarity")
    if "speakers" in tasks:
        p, r, f = speakers.b3
        tables["speakers"] = [
            {
                "attribution": speakers.attribution.to_dict(),
                "b3": {"p": p, "r": r, "f1": f},
                "name": speakers.name.to_dict(),
            }
        ]
    return tables


def score_corpus(
    gold: Sequence[AnnotatedDocument],
    pred: Sequence[AnnotatedDocument],
    *,
    tasks: Collection[str] = TASKS,
    n_boot: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    stance_pred: Sequence[AnnotatedDocument] | None = None,
    wikinews_original: bool = True,
) -> CorpusScores:
    """Score predictions against gold for the chosen ``tasks``.

    ``stance_pred``: predictions made on the gold quotes, for the "given gold quotes" stance
    setting (default: ``pred``). ``wikinews_original``: see
    :mod:`zitat.scoring.wikinews`. ``n_boot=0`` skips the bootstrap.
    """
    unknown = set(tasks) - set(TASKS)
    if unknown:
        raise ValueError(f"unknown tasks {sorted(unknown)}; expected some of {list(TASKS)}")
    chosen = tuple(t for t in TASKS if t in tasks)
    pairs = _pair_documents(gold, pred)
    given_pairs = (
        pairs if stance_pred is None else _pair_documents(gold, stance_pred, "stance prediction")
    )

    rows: list[dict[str, float]] = []
    spans_total, quotes_total, wiki_total = SpanCounts(), QuoteCounts(), WikinewsCounts()
    speakers_total = SpeakerCounts()
    stance_total = {"given": StanceCounts(), "e2e": StanceCounts()}
    for pair, given in zip(pairs, given_pairs, strict=True):
        row: dict[str, float] = {
            "doc.gold_quotes": len(pair.gold.quotes),
            "doc.pred_quotes": len(pair.pred.quotes),
            "doc.tokens": pair.n_tokens,
        }
        if "quotes" in chosen:
            s, q = span_counts(pair), quote_counts(pair)
            w = wikinews_counts(pair, original=wikinews_original)
            spans_total += s
            quotes_total += q
            wiki_total += w
            row.update(s.stats() | q.stats() | w.stats())
        if "speakers" in chosen:
            sp = speaker_counts(pair)
            speakers_total += sp
            row.update(sp.stats())
        if "stances" in chosen:
            sources: tuple[tuple[Setting, DocumentPair], ...] = (("given", given), ("e2e", pair))
            for setting, source in sources:
                st = stance_counts(source, setting=setting)
                stance_total[setting] += st
                row.update(st.stats(f"stance.{setting}"))
        rows.append(row)

    stats = DocumentStats.from_rows([p.doc_id for p in pairs], rows)
    metrics = define_metrics(chosen)
    totals = stats.total()
    corpus = evaluate(metrics.values(), stats, totals) if len(stats) else {}
    summed = stats.columns(totals)
    main_metrics = [
        m
        for m in metrics.values()
        if len(stats) and (not m.requires or sum(summed[r][0] for r in m.requires) > 0)
    ]
    main = {m.name: float(corpus[m.name][0]) for m in main_metrics}
    intervals = bootstrap_intervals(
        stats, main_metrics, n_boot=n_boot, seed=seed, confidence=confidence
    )

    headline = [metrics[h] for h in HEADLINE if h in metrics]
    per_doc_values = evaluate(headline, stats, stats.values) if len(stats) else {}
    per_document: list[dict[str, Any]] = []
    for i, pair in enumerate(pairs):
        entry: dict[str, Any] = {
            "doc_id": pair.doc_id,
            "missing": pair.missing,
            "gold_quotes": len(pair.gold.quotes),
            "pred_quotes": len(pair.pred.quotes),
            "tokens": pair.n_tokens,
        }
        entry.update({name: float(v[i]) for name, v in per_doc_values.items()})
        per_document.append(entry)

    report = seqeval_report(pairs) if "quotes" in chosen else {}
    tables = _tables(
        chosen, spans_total, quotes_total, wiki_total, speakers_total, stance_total, report
    )
    return CorpusScores(
        main=main,
        intervals=intervals,
        tables=tables,
        per_document=per_document,
        missing=tuple(p.doc_id for p in pairs if p.missing),
        tasks=chosen,
        stats=stats,
        metrics=metrics,
        settings={
            "n_boot": n_boot,
            "seed": seed,
            "confidence": confidence,
            "wikinews_original": wikinews_original,
        },
    )


def compare(
    a: CorpusScores,
    b: CorpusScores,
    *,
    metric: str,
    method: Literal["randomization", "bootstrap"] = "randomization",
    n_resamples: int = 10_000,
    seed: int = 0,
    confidence: float = 0.95,
) -> PairedResult:
    """Paired test of two systems' scores on the same gold documents (no re-matching)."""
    if metric not in a.metrics or metric not in b.metrics:
        raise KeyError(f"unknown metric {metric!r} for the scored tasks")
    return paired_test_stats(
        a.stats,
        b.stats,
        a.metrics[metric],
        method=method,
        n_resamples=n_resamples,
        seed=seed,
        confidence=confidence,
    )


def paired_test(
    gold: Sequence[AnnotatedDocument],
    pred_a: Sequence[AnnotatedDocument],
    pred_b: Sequence[AnnotatedDocument],
    *,
    metric: str,
    tasks: Collection[str] = TASKS,
    method: Literal["randomization", "bootstrap"] = "randomization",
    n_resamples: int = 10_000,
    seed: int = 0,
    confidence: float = 0.95,
) -> PairedResult:
    """Score both systems (without bootstrap) and test ``a - b`` on ``metric``."""
    a = score_corpus(gold, pred_a, tasks=tasks, n_boot=0)
    b = score_corpus(gold, pred_b, tasks=tasks, n_boot=0)
    return compare(
        a,
        b,
        metric=metric,
        method=method,
        n_resamples=n_resamples,
        seed=seed,
        confidence=confidence,
    )
