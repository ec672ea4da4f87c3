"""Stance scores: accuracy, macro-F1 over favor/against/neutral and SemEval-2016 F_avg.

Only stances held by a quote are scored (speaker-level stances are not). A stance is keyed by
``(gold quote id, target)``; two settings differ in how a predicted stance finds its key:

``given`` (gold quotes given)
    The extractor ran on the gold quotes, so a predicted stance's quote id *is* a gold quote
    id; it is keyed by ``(its quote id, target)``.
``e2e`` (end to end)
    Predicted quotes are aligned to gold quotes (:mod:`zitat.scoring.matching`, overlapping pairs
    only); a predicted stance is keyed by ``(the aligned gold quote's id, target)``, or, if its
    quote has no gold partner, by a key no gold stance has.

Missing and extra stances
    Every key present in gold or prediction is one item, labelled with the gold and the
    predicted polarity, ``none`` where a side has no stance. Per class ``c`` of favor, against,
    neutral: TP = gold c and predicted c; FP = predicted c, gold anything else (including
    ``none``: an extra stance); FN = gold c, predicted anything else (including ``none``: a
    missing stance). Accuracy = items with equal polarity / all items, so a missing or extra
    stance is an error. ``macro_f1`` averages the F1 of the classes that occur in gold or
    prediction (a class absent on both sides is skipped, so a perfect prediction scores 1.0);
    ``f_avg`` = (F1(favor) + F1(against)) / 2 as in SemEval-2016 Task 6, with the same skipping.
    Duplicate stances with the same key and polarity are one item; with different polarities
    they raise :class:`~zitat.errors.ValidationError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from zitat.errors import ValidationError
from zitat.schema import Annotations, Polarity
from zitat.scoring.pair import DocumentPair
from zitat.scoring.prf import PRF, Accuracy, macro_average

__all__ = ["NONE", "POLARITIES", "Setting", "StanceCounts", "stance_counts", "stance_labels"]

POLARITIES: tuple[str, ...] = tuple(p.value for p in Polarity)
NONE = "none"
Setting = Literal["given", "e2e"]
Key = tuple[object, str]


def _keyed(items: Iterable[tuple[Key, str]], doc_id: str, side: str) -> dict[Key, str]:
    out: dict[Key, str] = {}
    for key, polarity in items:
        if out.get(key, polarity) != polarity:
            raise ValidationError(
                f"conflicting {side} stances toward {key[1]!r}: {out[key]} and {polarity}",
                obj=f"Document {doc_id!r}",
                field="stances",
            )
        out[key] = polarity
    return out


def _quote_stances(annotations: Annotations) -> Iterable[tuple[str, str, str]]:
    for s in annotations.stances:
        if s.quote is not None:
            yield s.quote, s.target, s.polarity.value


def stance_labels(pair: DocumentPair, *, setting: Setting = "given") -> list[tuple[str, str]]:
    """``(gold polarity, predicted polarity)`` per key, ``none`` for a missing side."""
    gold = _keyed((((q, t), p) for q, t, p in _quote_stances(pair.gold)), pair.doc_id, "gold")
    if setting == "given":
        pred_items: Iterable[tuple[Key, str]] = (
            ((q, t), p) for q, t, p in _quote_stances(pair.pred)
        )
    elif setting == "e2e":
        gold_ids = [q.id for q in pair.gold.quotes]
        index_of = {q.id: i for i, q in enumerate(pair.pred.quotes)}
        partner = pair.alignment.gold_of()
        pred_items = (
            (
                (gold_ids[partner[index_of[q]]], t)
                if index_of[q] in partner
                else (("unaligned", q), t),
                p,
            )
            for q, t, p in _quote_stances(pair.pred)
        )
    else:
        raise ValueError(f"unknown setting {setting!r}; expected 'given' or 'e2e'")
    pred = _keyed(pred_items, pair.doc_id, "predicted")
    return [(gold.get(k, NONE), pred.get(k, NONE)) for k in {*gold, *pred}]


@dataclass(frozen=True)
class StanceCounts:
    """Per-class counts and accuracy of one setting; adds across documents."""

    classes: dict[str, PRF] = field(default_factory=lambda: {c: PRF() for c in POLARITIES})
    accuracy: Accuracy = field(default_factory=Accuracy)

    def __add__(self, other: StanceCounts) -> StanceCounts:
        if not isinstance(other, StanceCounts):
            return NotImplemented
        return StanceCounts(
            {c: self.classes[c] + other.classes[c] for c in POLARITIES},
            self.accuracy + other.accuracy,
        )

    @classmethod
    def from_labels(cls, labels: Sequence[tuple[str, str]]) -> StanceCounts:
        """Counts from ``(gold, predicted)`` label pairs (``none`` for absent)."""
        classes = {}
        for c in POLARITIES:
            tp = sum(g == c and p == c for g, p in labels)
            fp = sum(p == c and g != c for g, p in labels)
            fn = sum(g == c and p != c for g, p in labels)
            classes[c] = PRF(tp, fp, fn)
        return cls(classes, Accuracy(sum(g == p for g, p in labels), len(labels)))

    def _mean_f1(self, names: Iterable[str]) -> float:
        return macro_average(self.classes[c] for c in names)["f1"]

    @property
    def macro_f1(self) -> float:
        """Mean F1 of favor, against and neutral, skipping classes absent on both sides."""
        return self._mean_f1(POLARITIES)

    @property
    def f_avg(self) -> float:
        """SemEval-2016: mean of F1(favor) and F1(against), skipping absent classes."""
        return self._mean_f1((Polarity.FAVOR.value, Polarity.AGAINST.value))

    def stats(self, prefix: str) -> dict[str, float]:
        """Flat additive statistics under ``prefix`` (``stance.given.favor.tp``, ...)."""
        out: dict[str, float] = {}
        for c, prf in self.classes.items():
            out |= prf.stats(f"{prefix}.{c}")
        return out | self.accuracy.stats(prefix)


def stance_counts(pair: DocumentPair, *, setting: Setting = "given") -> StanceCounts:
    """Stance counts of one document in one setting (see the module docstring)."""
    return StanceCounts.from_labels(stance_labels(pair, setting=setting))
