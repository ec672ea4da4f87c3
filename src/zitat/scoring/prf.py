"""Small additive score objects: :class:`PRF` (precision/recall/F1) and :class:`Accuracy`.

Both hold raw counts and add with ``+``, so per-document scores sum to corpus scores (as in
spaCy's ``PRFScore``). A ratio whose denominator is zero is reported as ``0.0``: precision with
no predictions, recall with no gold items, F1 when both are zero, accuracy over no items.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["PRF", "Accuracy", "f1_of", "macro_average", "safe_div"]


def safe_div(num: float, den: float) -> float:
    """``num / den``, or ``0.0`` when ``den`` is zero."""
    return num / den if den else 0.0


def f1_of(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (``0.0`` if both are zero)."""
    return safe_div(2 * precision * recall, precision + recall)


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives of one label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """``tp / (tp + fp)``; 0.0 with no predictions."""
        return safe_div(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """``tp / (tp + fn)``; 0.0 with no gold items."""
        return safe_div(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """``2 tp / (2 tp + fp + fn)``; 0.0 when there is nothing on either side."""
        return safe_div(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def support(self) -> int:
        """The number of gold items, ``tp + fn``."""
        return self.tp + self.fn

    @property
    def empty(self) -> bool:
        """True if neither gold nor prediction has an item."""
        return self.tp == self.fp == self.fn == 0

    def __add__(self, other: PRF) -> PRF:
        if not isinstance(other, PRF):
            return NotImplemented
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float]:
        """``precision``, ``recall``, ``f1`` and the raw ``tp``, ``fp``, ``fn``."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }

    def stats(self, prefix: str) -> dict[str, float]:
        """The raw counts as flat additive statistics ``{prefix}.tp``, ``.fp``, ``.fn``."""
        return {f"{prefix}.tp": self.tp, f"{prefix}.fp": self.fp, f"{prefix}.fn": self.fn}

    @classmethod
    def from_sets(cls, gold: Iterable[object], pred: Iterable[object]) -> PRF:
        """Counts for two sets of hashable items compared by equality."""
        g, p = set(gold), set(pred)
        tp = len(g & p)
        return cls(tp, len(p) - tp, len(g) - tp)


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How many of ``total`` items were right."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """``correct / total``; 0.0 over no items."""
        return safe_div(self.correct, self.total)

    def __add__(self, other: Accuracy) -> Accuracy:
        if not isinstance(other, Accuracy):
            return NotImplemented
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, float]:
        """``accuracy`` and the raw ``correct`` and ``total``."""
        return {"accuracy": self.value, "correct": self.correct, "total": self.total}

    def stats(self, prefix: str) -> dict[str, float]:
        """The raw counts as flat additive statistics ``{prefix}.correct``, ``.total``."""
        return {f"{prefix}.correct": self.correct, f"{prefix}.total": self.total}


def macro_average(scores: Iterable[PRF], *, skip_empty: bool = True) -> dict[str, float]:
    """Unweighted means of per-label precision, recall and F1.

    With ``skip_empty`` (the default) a label with no gold and no predicted item is left out,
    so a perfect prediction averages to 1.0 however many labels the schema declares. The F1
    is the mean of the per-label F1s (as in scikit-learn), not the F1 of the mean P and R.
    Returns zeros when no label is left.
    """
    kept = [s for s in scores if not (skip_empty and s.empty)]
    n = len(kept)
    return {
        "precision": safe_div(sum(s.precision for s in kept), n),
        "recall": safe_div(sum(s.recall for s in kept), n),
        "f1": safe_div(sum(s.f1 for s in kept), n),
    }
