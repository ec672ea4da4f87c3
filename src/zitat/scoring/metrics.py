"""Metric formulas over additive statistics, vectorised with NumPy.

Every score in a report is a function of sums of per-document statistics (counts, and for the
macro averages of the Wikinews metric and B³ the per-item sums and counts). A :class:`Metric`
maps a table of summed statistics (``name → array``, one entry per row: the corpus, a document,
or a bootstrap resample) to an array of values, so the point estimate, per-document values,
bootstrap intervals and paired tests all use the same formula without re-matching anything.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from zitat.scoring.spans import QUOTE_LABELS, ROLE_LABELS, SEQEVAL_LAYERS
from zitat.scoring.stance import POLARITIES
from zitat.scoring.wikinews import PARTS

__all__ = ["Columns", "Metric", "define_metrics", "div"]

Array = NDArray[np.float64]
Columns = Mapping[str, Array]
"""Summed statistics by name; every array has one value per row."""


def div(num: Array, den: Array) -> Array:
    """Element-wise ``num / den``, 0.0 where ``den`` is zero."""
    out = np.zeros(np.broadcast(num, den).shape)
    np.divide(num, den, out=out, where=den != 0)
    return out


def _f1(p: Array, r: Array) -> Array:
    return div(2 * p * r, p + r)


@dataclass(frozen=True, slots=True)
class Metric:
    """A named score: ``fn(columns) -> values``.

    ``requires`` names statistics at least one of which must be non-zero in the corpus for the
    metric to appear in the headline ``main`` dict: a metric that is undefined on the corpus
    (a label, role, mention or stance that occurs neither in gold nor in prediction) is left
    out rather than reported as 0. Accuracies require gold items, so a system that matches
    nothing still gets 0.
    """

    name: str
    fn: Callable[[Columns], Array]
    requires: tuple[str, ...] = ()

    def __call__(self, columns: Columns) -> Array:
        return self.fn(columns)


def _sum(c: Columns, names: Iterable[str]) -> Array:
    total: Array = np.zeros(1)
    for n in names:
        total = total + c[n]
    return total


def _prf(key: str, stats: Collection[str]) -> list[Metric]:
    """P, R and F1 from the summed ``{stat}.tp/fp/fn`` of every stat prefix in ``stats``."""
    tp = [f"{s}.tp" for s in stats]
    fp = [f"{s}.fp" for s in stats]
    fn = [f"{s}.fn" for s in stats]
    req = (*tp, *fp, *fn)

    def p(c: Columns) -> Array:
        t = _sum(c, tp)
        return div(t, t + _sum(c, fp))

    def r(c: Columns) -> Array:
        t = _sum(c, tp)
        return div(t, t + _sum(c, fn))

    def f(c: Columns) -> Array:
        t = _sum(c, tp)
        return div(2 * t, 2 * t + _sum(c, fp) + _sum(c, fn))

    return [Metric(f"{key}.p", p, req), Metric(f"{key}.r", r, req), Metric(f"{key}.f1", f, req)]


def _acc(key: str, correct: str, total: str, requires: tuple[str, ...] = ()) -> Metric:
    return Metric(key, lambda c: div(c[correct], c[total]), requires or (total,))


def _macro(key: str, stats: Collection[str]) -> list[Metric]:
    """Mean P and R (and their F1) from the summed ``{stat}.psum/pn/rsum/rn`` of ``stats``.

    The Wikinews macro scores pool several parts; B³ has one prefix.
    """

    def p(c: Columns) -> Array:
        return div(_sum(c, [f"{x}.psum" for x in stats]), _sum(c, [f"{x}.pn" for x in stats]))

    def r(c: Columns) -> Array:
        return div(_sum(c, [f"{x}.rsum" for x in stats]), _sum(c, [f"{x}.rn" for x in stats]))

    def f(c: Columns) -> Array:
        return _f1(p(c), r(c))

    req = tuple(f"{x}.{n}" for x in stats for n in ("pn", "rn"))
    return [Metric(f"{key}.p", p, req), Metric(f"{key}.r", r, req), Metric(f"{key}.f1", f, req)]


def _wikinews(key: str, parts: Collection[str]) -> list[Metric]:
    """Wikinews macro P/R/F1 pooled over ``parts``."""
    return _macro(key, [f"wikinews.{x}" for x in parts])


def _class_mean_f1(key: str, prefix: str, classes: Collection[str]) -> Metric:
    """Mean F1 over ``classes``, skipping a class with no gold and no predicted item."""

    def fn(c: Columns) -> Array:
        total: Array = np.zeros(1)
        present: Array = np.zeros(1)
        for k in classes:
            tp, fp, fn_ = c[f"{prefix}.{k}.tp"], c[f"{prefix}.{k}.fp"], c[f"{prefix}.{k}.fn"]
            total = total + div(2 * tp, 2 * tp + fp + fn_)
            present = present + ((tp + fp + fn_) > 0)
        return div(total, present)

    requires = tuple(f"{prefix}.{k}.{n}" for k in classes for n in ("tp", "fp", "fn"))
    return Metric(key, fn, requires)


def _quote_metrics() -> list[Metric]:
    out: list[Metric] = []
    for mode in ("exact", "overlap"):
        out += _prf(f"quotes.{mode}", [f"spans.{mode}.quotes"])
        for t in QUOTE_LABELS:
            out += _prf(f"quotes.{t}.{mode}", [f"spans.{mode}.{t}"])
        for role in ROLE_LABELS:
            out += _prf(f"roles.{role}.{mode}", [f"spans.{mode}.{role}"])
    for layer, labels in SEQEVAL_LAYERS.items():
        out += _prf(f"seqeval.{layer}", [f"seqeval.{layer}.{x}" for x in labels])
        if len(labels) > 1:
            for x in labels:
                out += _prf(f"seqeval.{layer}.{x}", [f"seqeval.{layer}.{x}"])
    out += _prf("quotes.match", ["quotes.match"])
    out += _prf("quotes.tokens", ["quotes.tokens.quote"])
    for role in ROLE_LABELS:
        out += _prf(f"quotes.{role}.tokens", [f"quotes.tokens.{role}"])
    gold_quotes = ("quotes.match.tp", "quotes.match.fn")
    out.append(_acc("quotes.type.acc", "quotes.type.correct", "quotes.type.total", gold_quotes))
    out.append(
        _acc("quotes.medium.acc", "quotes.medium.correct", "quotes.medium.total", gold_quotes)
    )
    out += _wikinews("wikinews.messages", PARTS[:1])
    out += _wikinews("wikinews.roles", PARTS[1:])
    out += _wikinews("wikinews.joint", PARTS)
    for name in ("form", "stwr"):
        out.append(
            _acc(f"wikinews.{name}.acc", f"wikinews.{name}.correct", f"wikinews.{name}.total")
        )
        out += _prf(f"wikinews.{name}", [f"wikinews.{name}"])
    return out


def _speaker_metrics() -> list[Metric]:
    quotes, entities = ("speakers.attr.gold",), ("speakers.name.gold",)
    return [
        _acc("speakers.attribution.acc", "speakers.attr.correct", "speakers.attr.total", quotes),
        _acc("speakers.attribution.e2e", "speakers.attr.correct", "speakers.attr.gold"),
        *_macro("speakers.b3", ["speakers.b3"]),
        _acc("speakers.name.acc", "speakers.name.correct", "speakers.name.total", entities),
        _acc("speakers.name.e2e", "speakers.name.correct", "speakers.name.gold"),
    ]


def _stance_metrics() -> list[Metric]:
    out: list[Metric] = []
    for setting, key in (("given", "stance"), ("e2e", "stance.e2e")):
        prefix = f"stance.{setting}"
        out.append(_acc(f"{key}.acc", f"{prefix}.correct", f"{prefix}.total"))
        out.append(_class_mean_f1(f"{key}.macro_f1", prefix, POLARITIES))
        out.append(_class_mean_f1(f"{key}.f_avg", prefix, POLARITIES[:2]))
        for cls in POLARITIES:
            out += _prf(f"{key}.{cls}", [f"{prefix}.{cls}"])
    return out


def define_metrics(tasks: Collection[str]) -> dict[str, Metric]:
    """All metrics of the chosen tasks (``quotes``, ``speakers``, ``stances``), by name."""
    metrics: list[Metric] = []
    if "quotes" in tasks:
        metrics += _quote_metrics()
    if "speakers" in tasks:
        metrics += _speaker_metrics()
    if "stances" in tasks:
        metrics += _stance_metrics()
    return {m.name: m for m in metrics}
