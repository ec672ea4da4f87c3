"""Source markers without a reporting verb: "nach Angaben X", "laut X", "X zufolge", "Demnach"."""

from __future__ import annotations

import pytest
from rules_helpers import quote_with, run, texts
from zitat.schema import QuoteType


@pytest.mark.parametrize(
    ("text", "frame", "speaker", "content"),
    [
        (
            "Nach Angaben der Feuerwehr wurden drei Häuser beschädigt.",
            "Nach Angaben der Feuerwehr",
            "Angaben der Feuerwehr",
            ["wurden drei Häuser beschädigt"],
        ),
        (
            "Nach Polizeiangaben floh der Täter mit einem roten Wagen.",
            "Nach Polizeiangaben",
            "Polizeiangaben",
            ["floh der Täter mit einem roten Wagen"],
        ),
        (
            "Die Brücke bleibt nach Einschätzung britischer Ingenieure bis Mai gesperrt.",
            "nach Einschätzung britischer Ingenieure",
            "Einschätzung britischer Ingenieure",
            ["Die Brücke bleibt", "bis Mai gesperrt"],
        ),
        (
            "Seiner Ansicht nach fehlt der Stadt das Geld für die Sanierung.",
            "Seiner Ansicht nach",
            "Seiner Ansicht",
            ["fehlt der Stadt das Geld für die Sanierung"],
        ),
    ],
)
def test_nach_with_a_source_noun(text: str, frame: str, speaker: str, content: list[str]) -> None:
    (q,) = run(text).quotes
    assert q.type is QuoteType.INDIRECT
    assert texts(text, q.spans) == content
    assert texts(text, q.frame) == [frame]
    assert texts(text, q.cue) == [
        frame.split(maxsplit=1)[0] if frame.startswith("Nach") else "nach"
    ]
    assert texts(text, q.speaker) == [speaker]


def test_temporal_nach_is_no_marker() -> None:
    text = "Nach dem Konzert gingen die Besucher noch lange nach Hause."
    assert run(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Der Fluss tritt laut Wetterdienst (DWD) am Abend über die Ufer.", "Wetterdienst (DWD)"),
        ("Laut taz wurde der Vertrag bereits im März unterschrieben.", "taz"),
        ("Laut einer Umfrage vom Oktober 2020 fährt jeder Dritte täglich Rad.", None),
    ],
)
def test_laut_sources(text: str, speaker: str | None) -> None:
    (q,) = run(text).quotes
    assert texts(text, q.cue) == [text.split(maxsplit=1)[0] if text.startswith("Laut") else "laut"]
    if speaker is not None:
        assert texts(text, q.speaker) == [speaker]
    else:
        assert texts(text, q.speaker) == ["einer Umfrage vom Oktober 2020"]


def test_zufolge_phrase_stops_at_the_finite_verb() -> None:
    text = "Die Ernte könnte dem Verband der Obstbauern zufolge kleiner ausfallen."
    q = quote_with(run(text), text, "Ernte")
    assert texts(text, q.speaker) == ["dem Verband der Obstbauern"]
    assert texts(text, q.spans) == ["Die Ernte könnte", "kleiner ausfallen"]


def test_marker_inside_a_relative_clause_quotes_only_that_clause() -> None:
    text = (
        "Ein Lastwagen, in dem sich nach Angaben der Polizei zwanzig Schafe befunden haben "
        "sollen, ist umgekippt."
    )
    (q,) = run(text).quotes
    assert texts(text, q.spans) == ["in dem sich", "zwanzig Schafe befunden haben sollen"]


def test_demnach_reports_a_source_named_before() -> None:
    text = "Die Stadt legte einen Bericht vor. Demnach fehlen im Haushalt zwei Millionen Euro."
    q = quote_with(run(text), text, "Haushalt")
    assert q.type is QuoteType.INDIRECT
    assert texts(text, q.spans) == ["fehlen im Haushalt zwei Millionen Euro"]
    assert texts(text, q.cue) == ["Demnach"]


def test_markers_can_be_switched_off() -> None:
    text = "Nach Angaben der Feuerwehr wurden drei Häuser beschädigt."
    assert run(text, markers=False).quotes == ()
