"""Offsets in UTF-16 code units (Java, JavaScript) and in code points (Python ``str``).

A character outside the Basic Multilingual Plane (most emoji, 😀 U+1F600) is one code point
but two UTF-16 code units (a surrogate pair), so every offset after it differs by one.
Combining characters (``"e\\u0301"``) and regional-indicator flags (🇩🇪 is two code points)
need no special care: their parts are code points of their own in both counts.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Literal

from zitat.errors import ValidationError

__all__ = ["CODE_POINTS", "UTF16", "OffsetMap", "OffsetUnit", "check_unit", "utf16_length"]

OffsetUnit = Literal["code-points", "utf-16"]
CODE_POINTS: OffsetUnit = "code-points"
UTF16: OffsetUnit = "utf-16"


def check_unit(unit: str) -> OffsetUnit:
    """``unit`` if it names an offset unit, else ValueError naming the two there are."""
    if unit == CODE_POINTS:
        return CODE_POINTS
    if unit == UTF16:
        return UTF16
    raise ValueError(f"unknown offset unit {unit!r}; expected {CODE_POINTS!r} or {UTF16!r}")


def utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class OffsetMap:
    """Converts offsets into one text between code points and a format's offset unit.

    With ``unit="code-points"`` both directions are the identity (after a range check).
    Conversions take O(log n) in the number of astral characters; a text without any costs
    nothing.
    """

    def __init__(self, text: str, unit: OffsetUnit = UTF16) -> None:
        self.text = text
        self.unit = check_unit(unit)
        # code-point indices of the astral characters, and where each starts in UTF-16
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_u16 = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text) + (len(self._astral) if self.unit == UTF16 else 0)

    def to_unit(self, offset: int) -> int:
        """The format offset of code-point ``offset`` (0 ≤ offset ≤ len(text))."""
        if self.unit == CODE_POINTS:
            return offset
        return offset + bisect_left(self._astral, offset)

    def to_code_point(self, offset: object, *, obj: str | None = None, field: str) -> int:
        """The code-point offset of format offset ``offset``, validated.

        Raises :class:`ValidationError` (naming ``obj`` and ``field``) if ``offset`` is not an
        integer, lies outside the text, or falls between the two halves of a surrogate pair.
        """
        if not isinstance(offset, int) or isinstance(offset, bool):
            raise ValidationError(
                f"offset must be an integer, got {offset!r}", obj=obj, field=field
            )
        if not 0 <= offset <= self.length:
            unit = "UTF-16 code units" if self.unit == UTF16 else "code points"
            raise ValidationError(
                f"offset {offset} lies outside the text (length {self.length} {unit})",
                obj=obj,
                field=field,
            )
        if self.unit == CODE_POINTS:
            return offset
        before = bisect_left(self._astral_u16, offset)  # astral characters starting before
        if before and self._astral_u16[before - 1] + 1 == offset:
            char = self.text[self._astral[before - 1]]
            raise ValidationError(
                f"UTF-16 offset {offset} splits the surrogate pair of {char!r} "
                f"(U+{ord(char):04X}); offsets must fall between characters",
                obj=obj,
                field=field,
            )
        return offset - before
