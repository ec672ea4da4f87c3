"""Frames after their content: ", so X", interrupted content, mixed quotation, nested reports."""

from __future__ import annotations

from rules_helpers import quote_with, run, texts
from zitat.schema import QuoteType


def test_parenthetical_so_frame() -> None:
    text = "Die Preise steigen im Winter, so der Verband der Energiehändler."
    (q,) = run(text).quotes
    assert q.type is QuoteType.INDIRECT
    assert texts(text, q.spans) == ["Die Preise steigen im Winter"]
    assert texts(text, q.cue) == ["so"]
    assert texts(text, q.frame) == [", so der Verband der Energiehändler"]
    assert texts(text, q.speaker) == ["der Verband der Energiehändler"]


def test_so_without_a_speaker_is_no_frame() -> None:
    text = "Der Fluss stieg schnell, so dass die Straße gesperrt wurde."
    assert run(text).quotes == ()


def test_frame_inside_the_content_makes_two_spans() -> None:
    text = "Der Vorschlag, sagte die Ministerin, sei noch nicht ausgereift."
    (q,) = run(text).quotes
    assert texts(text, q.spans) == ["Der Vorschlag", "sei noch nicht ausgereift"]
    assert texts(text, q.frame) == [", sagte die Ministerin,"]
    assert texts(text, q.speaker) == ["die Ministerin"]


def test_apposition_before_the_verb_is_no_interruption() -> None:
    text = "Die Ärztin Anna Roth, die Leiterin des Hauses, sagte, dass die Sitzung ausfalle."
    (q,) = run(text).quotes
    assert texts(text, q.spans) == ["dass die Sitzung ausfalle"]


def test_fronted_participle_phrase_is_no_content() -> None:
    text = "Auf die Kosten des Umbaus angesprochen, äußerte sich die Ministerin zurückhaltend."
    assert not [q for q in run(text).quotes if q.type is QuoteType.INDIRECT]


def test_quoted_words_inside_fronted_content_nest_in_an_indirect_quote() -> None:
    text = "Der Hafen sei „völlig überlastet“, sagte der Kapitän."
    ann = run(text)
    outer = [q for q in ann.quotes if q.type is QuoteType.INDIRECT]
    inner = [q for q in ann.quotes if q.type is QuoteType.DIRECT]
    assert texts(text, outer[0].spans) == ["Der Hafen sei „völlig überlastet“"]
    assert texts(text, inner[0].spans) == ["„völlig überlastet“"]
    assert inner[0].parent == outer[0].id
    assert texts(text, inner[0].frame) == texts(text, outer[0].frame) == [", sagte der Kapitän"]


def test_report_inside_a_report_is_nested() -> None:
    text = (
        "Der Kapitän sagte, die Fähre sei voll. "
        "Der Lotse habe ihm versichert, dass die Fahrt sicher sei, sagte der Kapitän."
    )
    ann = run(text)
    outer = quote_with(ann, text, "Lotse")
    inner = [q for q in ann.quotes if texts(text, q.spans) == ["dass die Fahrt sicher sei"]]
    assert texts(text, outer.spans) == ["Der Lotse habe ihm versichert, dass die Fahrt sicher sei"]
    assert texts(text, outer.cue) == ["sagte"]
    assert inner and inner[0].parent == outer.id
    assert texts(text, inner[0].speaker) == ["Der Lotse"]


def test_postposed_frames_can_be_switched_off() -> None:
    text = "Die Preise steigen im Winter, so der Verband der Energiehändler."
    assert run(text, fronted=False).quotes == ()
