"""Closed-class German words shared by several rule modules (one definition each)."""

from __future__ import annotations

__all__ = ["ARTICLES", "DEMONSTRATIVES"]

# Definite and indefinite articles in every case.
ARTICLES: frozenset[str] = frozenset(
    ["der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"]
)
DEMONSTRATIVES: frozenset[str] = frozenset(["dieser", "diese", "dieses", "diesem", "diesen"])
