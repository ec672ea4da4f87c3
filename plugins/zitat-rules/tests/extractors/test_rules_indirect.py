"""Indirect, reported and indirect/free-indirect speech."""

from __future__ import annotations

from rules_helpers import quote_with, run, texts
from zitat.schema import QuoteType


def test_comma_konjunktiv_clause() -> None:
    text = "Die Ministerin sagte, der Haushalt stehe auf sicheren Füßen."
    q = quote_with(run(text), text, "Haushalt")
    assert q.type is QuoteType.INDIRECT
    assert texts(text, q.spans) == ["der Haushalt stehe auf sicheren Füßen"]
    assert texts(text, q.frame) == ["Die Ministerin sagte,"]
    assert texts(text, q.cue) == ["sagte"]
    assert texts(text, q.speaker) == ["Die Ministerin"]


def test_dass_clause_includes_dass() -> None:
    text = "Der Verband teilte am Montag mit, dass die Preise im Herbst steigen werden."
    q = quote_with(run(text), text, "Preise")
    assert texts(text, q.spans) == ["dass die Preise im Herbst steigen werden"]
    assert texts(text, q.cue) == ["teilte", "mit"]
    assert texts(text, q.speaker) == ["Der Verband"]


def test_fronted_content_with_frame_after() -> None:
    text = "Die Firma plane keine Entlassungen, sagte der Sprecher Tom Wiese."
    q = quote_with(run(text), text, "Entlassungen")
    assert texts(text, q.spans) == ["Die Firma plane keine Entlassungen"]
    assert texts(text, q.frame) == [", sagte der Sprecher Tom Wiese"]
    assert texts(text, q.speaker) == ["der Sprecher Tom Wiese"]


def test_laut_marker_splits_the_quote() -> None:
    text = "Die Ernte fällt laut dem Bauernverband deutlich kleiner aus."
    q = quote_with(run(text), text, "Ernte")
    assert texts(text, q.spans) == ["Die Ernte fällt", "deutlich kleiner aus"]
    assert texts(text, q.cue) == ["laut"]
    assert texts(text, q.speaker) == ["dem Bauernverband"]


def test_zufolge_marker() -> None:
    text = "Der Polizei zufolge wurde niemand verletzt."
    q = quote_with(run(text), text, "niemand")
    assert texts(text, q.spans) == ["wurde niemand verletzt"]
    assert texts(text, q.cue) == ["zufolge"]
    assert texts(text, q.speaker) == ["Der Polizei"]


def test_konjunktiv_continuation_is_indirect_free_indirect() -> None:
    text = (
        "Die Ministerin sagte, der Haushalt stehe auf sicheren Füßen. "
        "Neue Schulden seien nicht geplant."
    )
    q = quote_with(run(text), text, "Schulden")
    assert q.type is QuoteType.INDIRECT_FREE_INDIRECT
    assert texts(text, q.spans) == ["Neue Schulden seien nicht geplant."]
    assert texts(text, q.speaker) == ["Die Ministerin"]


def test_reported_speech_act() -> None:
    text = "Der Bürgermeister warnte vor steigenden Mieten in der Innenstadt."
    q = quote_with(run(text), text, "Mieten")
    assert q.type is QuoteType.REPORTED
    assert texts(text, q.spans) == [text]
    assert texts(text, q.cue) == ["warnte"]
    assert texts(text, q.speaker) == ["Der Bürgermeister"]


def test_rule_families_can_be_switched_off() -> None:
    text = "Der Bürgermeister warnte vor steigenden Mieten in der Innenstadt."
    assert len(run(text).quotes) == 1
    assert run(text, reported=False).quotes == ()
