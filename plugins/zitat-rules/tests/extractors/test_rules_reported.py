"""Reported speech: speech-act verbs with their content, not greetings or verbs without it."""

from __future__ import annotations

import pytest
from rules_helpers import run, texts
from zitat.schema import QuoteType


@pytest.mark.parametrize(
    "text",
    [
        "Die Gewerkschaft sprach von einem großen Erfolg für die Beschäftigten.",
        "Der Bürgermeister drohte mit einer Sperrung der Innenstadt.",
        "Die Polizei berichtete von mehreren Unfällen auf der Autobahn.",
    ],
)
def test_speech_act_with_its_prepositional_object(text: str) -> None:
    (q,) = run(text).quotes
    assert q.type is QuoteType.REPORTED
    assert texts(text, q.spans) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister sprach am Abend lange und ausführlich.",
        "Den Firmen droht im Winter eine Pleite.",
        "Die beiden Trainer begrüßten sich vor dem Spiel mit Handschlag.",
    ],
)
def test_no_speech_act_content(text: str) -> None:
    assert run(text).quotes == ()


def test_quoted_word_inside_a_reported_phrase() -> None:
    text = "Die Sängerin sprach von einem „magischen“ Abend in Wien."
    ann = run(text)
    (rep,) = [q for q in ann.quotes if q.type is QuoteType.REPORTED]
    (word,) = [q for q in ann.quotes if q.type is QuoteType.DIRECT]
    assert texts(text, rep.spans) == [text]
    assert word.parent == rep.id
    assert word.frame == () and word.cue == ()
    assert texts(text, word.speaker) == ["Die Sängerin"]


def test_quoted_complement_is_a_direct_quote_not_reported() -> None:
    text = "Die Sängerin sprach von einem „magischen Abend“."
    ann = run(text)
    assert [q.type for q in ann.quotes] == [QuoteType.DIRECT]


def test_sentence_before_an_opening_quotation_mark_stays_a_sentence() -> None:
    text = "Der Minister warnte vor neuen Steuern. „Das wäre ein schwerer Fehler“, sagte er."
    ann = run(text)
    (rep,) = [q for q in ann.quotes if q.type is QuoteType.REPORTED]
    assert texts(text, rep.spans) == ["Der Minister warnte vor neuen Steuern."]
