"""The rule that turns a speaker's quote-level stances toward one target into one position."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["DOMINANCE", "Position", "aggregate"]

DOMINANCE = 2.0
"""How many times as many quotes one side needs over the other to carry a position."""


class Position(StrEnum):
    """A speaker's overall position on a target."""

    FAVOR = "favor"
    AGAINST = "against"
    NEUTRAL = "neutral"
    MIXED = "mixed"


def aggregate(favor: int, against: int, neutral: int, *, dominance: float = DOMINANCE) -> Position:
    """The position of ``favor``/``against``/``neutral`` quote counts toward one target.

    - Neutral quotes name the target without taking a side: they never outweigh a polar
      quote. Only neutral quotes (or none at all): ``neutral``.
    - Quotes on one side only: that side.
    - Quotes on both sides: the side with at least ``dominance`` times as many quotes as the
      other (default 2: 4 favor against 2 is favor, 3 against 2 is mixed); otherwise
      ``mixed``.
    """
    if min(favor, against, neutral) < 0:
        raise ValueError(f"counts must not be negative: {favor}, {against}, {neutral}")
    if dominance < 1:
        raise ValueError(f"dominance must be at least 1, got {dominance}")
    if favor == 0 and against == 0:
        return Position.NEUTRAL
    if favor >= dominance * against:
        return Position.FAVOR
    if against >= dominance * favor:
        return Position.AGAINST
    return Position.MIXED
