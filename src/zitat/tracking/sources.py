"""Where and when a document appeared: its outlet and its (possibly partial) date.

The outlet is the document's ``meta["outlet"]`` (or ``meta["publisher"]``), if any. The date
is ``meta["date"]`` — an ISO date ``YYYY-MM-DD``, a month ``YYYY-MM`` or a year ``YYYY``
(a datetime ``YYYY-MM-DDTHH:MM…`` counts by its day) — or, when the meta has none, a header
line ``date YYYY[-MM[-DD]]`` at the very start of the text, as some crawled corpora carry
(the seeds document ``002_…`` starts with `` date 2022-01 ``). A date in the meta that is
not one of these forms is an error naming the document and field, not silently ignored.

A partial date stands for a range of days (``2022-01`` is 1–31 January), so two versions
dated ``2022-01`` and ``2022-01-21`` cannot be ordered: :func:`earliest` returns every
version that could have been the first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from zitat.errors import ValidationError
from zitat.schema import Document

__all__ = ["OUTLET_KEYS", "PartialDate", "document_date", "document_outlet", "earliest"]

OUTLET_KEYS: tuple[str, ...] = ("outlet", "publisher")
"""Meta keys read as the document's outlet, in order."""

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}\S*)?)?)?")
_HEADER = re.compile(r"\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?![\d-])")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A year, a month or a day; ``label`` is its ISO form at that precision."""

    first_day: dt.date
    last_day: dt.date
    label: str

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a datetime; ValueError otherwise."""
        match = _ISO.fullmatch(value.strip())
        if match is None:
            raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if month is None:
            return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}")
        if day is None:
            if not 1 <= month <= 12:
                raise ValueError(f"{value!r}: no month {month}")
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
            return cls(dt.date(year, month, 1), last, f"{year:04d}-{month:02d}")
        day_date = dt.date(year, month, day)  # raises ValueError for impossible days
        return cls(day_date, day_date, day_date.isoformat())

    def surely_before(self, other: PartialDate) -> bool:
        """True if every day this date stands for lies before every day of ``other``."""
        return self.last_day < other.first_day


def _from_meta(value: Any, doc_id: str) -> PartialDate:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value, value, value.isoformat())
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        try:
            return PartialDate.parse(value.strip())
        except ValueError as err:
            raise ValidationError(str(err), obj=f"Document {doc_id!r}", field="meta.date") from None
    raise ValidationError(
        f"expected a date string, got {type(value).__name__}",
        obj=f"Document {doc_id!r}",
        field="meta.date",
    )


def document_date(doc: Document) -> PartialDate | None:
    """The document's date from its meta or its ``date …`` header line, or None."""
    value = doc.meta.get("date")
    if value is not None:
        return _from_meta(value, doc.id)
    match = _HEADER.match(doc.text)
    if match is None:
        return None
    try:
        return PartialDate.parse(match.group(1))
    except ValueError:
        return None  # "date 2022-13" in running text is not a header


def document_outlet(doc: Document) -> str | None:
    """The document's outlet from its meta, or None."""
    for key in OUTLET_KEYS:
        value = doc.meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def earliest(dates: Sequence[PartialDate | None]) -> list[int]:
    """Indices of the dated items that could be the earliest (none are surely later than
    another); empty when nothing is dated."""
    known = [(i, d) for i, d in enumerate(dates) if d is not None]
    return [i for i, d in known if not any(o.surely_before(d) for _, o in known)]
