"""Outlets and dates of documents; which versions could have come first."""

from __future__ import annotations

import datetime as dt

import pytest

from zitat import ValidationError, make_document
from zitat.tracking import PartialDate, document_date, document_outlet
from zitat.tracking.sources import earliest


def test_meta_date_at_three_precisions() -> None:
    day = document_date(make_document("a", "Text.", {"date": "2023-03-07"}))
    month = document_date(make_document("b", "Text.", {"date": "2023-02"}))
    year = document_date(make_document("c", "Text.", {"date": 2021}))
    stamp = document_date(make_document("d", "Text.", {"date": "2023-03-07T09:30:00+01:00"}))
    assert day == PartialDate(dt.date(2023, 3, 7), dt.date(2023, 3, 7), "2023-03-07")
    assert month == PartialDate(dt.date(2023, 2, 1), dt.date(2023, 2, 28), "2023-02")
    assert year is not None
    assert (year.first_day, year.last_day) == (
        dt.date(2021, 1, 1),
        dt.date(2021, 12, 31),
    )
    assert stamp == day


def test_a_date_header_line_in_the_text() -> None:
    doc = make_document("h", " date 2024-02 Der Kanzler sagte, man bleibe im Gespräch.")
    found = document_date(doc)
    assert found is not None
    assert found.label == "2024-02"
    # the meta wins over the header
    assert document_date(doc.with_(meta={"date": "2024-02-10"})).label == "2024-02-10"  # type: ignore[union-attr]
    # "date" later in the text is no header
    assert document_date(make_document("x", "Am Ende: date 2024-02")) is None


def test_a_bad_meta_date_is_an_error_naming_document_and_field() -> None:
    with pytest.raises(ValidationError) as err:
        document_date(make_document("art-9", "Text.", {"date": "letzten Dienstag"}))
    assert err.value.obj == "Document 'art-9'"
    assert err.value.field == "meta.date"
    with pytest.raises(ValidationError, match="no month 13"):
        document_date(make_document("art-9", "Text.", {"date": "2023-13"}))


def test_outlet_from_meta() -> None:
    assert document_outlet(make_document("a", "T.", {"outlet": " Kurier "})) == "Kurier"
    assert document_outlet(make_document("a", "T.", {"publisher": "Anzeiger"})) == "Anzeiger"
    assert document_outlet(make_document("a", "T.")) is None


def test_earliest_keeps_dates_that_cannot_be_ordered() -> None:
    march = PartialDate.parse("2023-03")
    sixth = PartialDate.parse("2023-03-06")
    seventh = PartialDate.parse("2023-03-07")
    april = PartialDate.parse("2023-04-01")
    assert earliest([seventh, sixth, None, april]) == [1]
    assert earliest([seventh, march, sixth]) == [1, 2]  # March may be before or after the 6th
    assert earliest([None, None]) == []
