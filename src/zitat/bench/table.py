"""The comparison table, as data: one row per extractor, headline metrics with intervals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zitat.bench.headline import HEADLINE

__all__ = ["Cell", "ComparisonTable", "comparison_table"]


@dataclass(frozen=True)
class Cell:
    """One score with its 95% interval; ``best`` marks the top value of its column."""

    value: float | None
    low: float | None = None
    high: float | None = None
    best: bool = False

    def text(self) -> str:
        """``0.912 ±0.031`` (half the interval width), or ``–`` when not scored."""
        if self.value is None:
            return "–"
        if self.low is None or self.high is None:
            return f"{self.value:.3f}"
        return f"{self.value:.3f} ±{(self.high - self.low) / 2:.3f}"


@dataclass(frozen=True)
class ComparisonTable:
    """Headers, one row of cells per extractor, and speed columns."""

    metrics: list[tuple[str, str]]
    rows: list[tuple[str, list[Cell], str]]


def _speed(entry: dict[str, Any]) -> str:
    speed = entry.get("speed") or {}
    docs = speed.get("docs_per_s")
    if entry.get("status") != "ok":
        return "failed"
    return f"{docs:,.0f}/s" if docs else "–"


def comparison_table(results: dict[str, Any]) -> ComparisonTable:
    """Build the comparison of all extractors in a results dict."""
    entries = results.get("extractors", [])
    metrics = [
        (key, title)
        for key, title, _ in HEADLINE
        if any(key in e.get("scores", {}) for e in entries)
    ]
    best: dict[str, float] = {}
    for key, _ in metrics:
        values = [e["scores"][key] for e in entries if e.get("scores", {}).get(key) is not None]
        if len(values) > 1:
            best[key] = max(values)
    rows = []
    for e in entries:
        cells = []
        for key, _ in metrics:
            value = e.get("scores", {}).get(key)
            low, high = (e.get("intervals", {}).get(key) or (None, None))[:2]
            is_best = value is not None and key in best and value == best[key]
            cells.append(Cell(value, low, high, is_best))
        rows.append((e["name"], cells, _speed(e)))
    return ComparisonTable(metrics, rows)
