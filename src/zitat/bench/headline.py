"""The headline metrics: the terminal table's columns and the metrics of the paired tests."""

from __future__ import annotations

__all__ = ["HEADLINE"]

# (metric key, short title, the task it belongs to)
HEADLINE: tuple[tuple[str, str, str], ...] = (
    ("quotes.direct.exact.f1", "direct F1", "quotes"),
    ("quotes.indirect.exact.f1", "indirect F1", "quotes"),
    ("quotes.overlap.f1", "overlap F1", "quotes"),
    ("wikinews.messages.f1", "Messages", "quotes"),
    ("wikinews.joint.f1", "Joint", "quotes"),
    ("speakers.attribution.acc", "speaker acc", "speakers"),
    ("stance.macro_f1", "stance F1", "stances"),
    ("stance.e2e.macro_f1", "stance e2e F1", "stances"),
)
