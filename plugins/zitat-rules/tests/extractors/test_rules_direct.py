"""Direct quotations: quote styles, frames after and before, interruptions, nesting."""

from __future__ import annotations

import pytest
from rules_helpers import quote_with, run, texts
from zitat.schema import QuoteType


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("„", "“"), ("»", "«"), ("«", "»"), ('"', '"'), ("“", "”")],
)
def test_every_quote_style_with_frame_after(opening: str, closing: str) -> None:
    quote = f"{opening}Wir bauen die Brücke bis Mai fertig{closing}"
    text = f"{quote}, sagte die Bürgermeisterin Eva Kranz."
    ann = run(text, direct_only=True)
    (q,) = ann.quotes
    assert texts(text, q.spans) == [quote]
    assert q.type is QuoteType.DIRECT
    assert texts(text, q.frame) == [", sagte die Bürgermeisterin Eva Kranz"]
    assert texts(text, q.cue) == ["sagte"]
    assert texts(text, q.speaker) == ["die Bürgermeisterin Eva Kranz"]


def test_colon_frame_before() -> None:
    text = "Der Trainer Jonas Berg erklärte: „Wir haben verdient verloren.“"
    q = quote_with(run(text), text, "verloren")
    assert texts(text, q.frame) == ["Der Trainer Jonas Berg erklärte:"]
    assert texts(text, q.cue) == ["erklärte"]
    assert texts(text, q.speaker) == ["Der Trainer Jonas Berg"]


def test_colon_frame_without_verb() -> None:
    text = "Berg: „Das Ergebnis ist bitter für uns alle.“"
    q = quote_with(run(text), text, "bitter")
    assert texts(text, q.speaker) == ["Berg"]
    assert q.cue == ()


def test_interrupted_quote_is_one_quote_with_two_spans() -> None:
    text = "„Die Pläne liegen vor“, sagte Kranz, „jetzt fehlt nur noch das Geld.“"
    ann = run(text, direct_only=True)
    (q,) = ann.quotes
    assert texts(text, q.spans) == ["„Die Pläne liegen vor“", "„jetzt fehlt nur noch das Geld.“"]
    assert texts(text, q.frame) == [", sagte Kranz,"]
    assert texts(text, q.speaker) == ["Kranz"]


def test_separable_verb_cue_is_discontinuous() -> None:
    text = "„Das war erst der Anfang“, fügte die Ministerin hinzu."
    q = quote_with(run(text), text, "Anfang")
    assert texts(text, q.cue) == ["fügte", "hinzu"]
    assert texts(text, q.speaker) == ["die Ministerin"]


def test_quote_across_paragraphs() -> None:
    text = "Sie sagte: „Wir bleiben hier.\n\n„Und wir kämpfen weiter.“"
    q = quote_with(run(text, direct_only=True), text, "bleiben")
    assert texts(text, q.spans) == ["„Wir bleiben hier.", "„Und wir kämpfen weiter.“"]


def test_nested_single_marks_stay_inside() -> None:
    text = "„Er nannte das ‚völlig absurd‘, und ich stimme zu“, sagte Lena Ott."
    ann = run(text, direct_only=True)
    (q,) = ann.quotes
    assert texts(text, q.spans) == ["„Er nannte das ‚völlig absurd‘, und ich stimme zu“"]


def test_frameless_full_quote_inherits_previous_speaker() -> None:
    text = "„Wir sind bereit“, sagte Kranz. „Die Stadt braucht diese Brücke dringend.“"
    ann = run(text, direct_only=True)
    second = quote_with(ann, text, "dringend")
    assert texts(text, second.speaker) == ["Kranz"]
    assert second.frame == ()
    first = quote_with(ann, text, "bereit")
    assert first.entity == second.entity


def test_partial_quote_inside_indirect_speech_is_nested() -> None:
    text = "Kranz sagte, die Stadt sei „auf einem guten Weg“ und spare Geld."
    ann = run(text)
    direct = [q for q in ann.quotes if q.type is QuoteType.DIRECT]
    indirect = [q for q in ann.quotes if q.type is QuoteType.INDIRECT]
    assert texts(text, direct[0].spans) == ["„auf einem guten Weg“"]
    assert direct[0].parent == indirect[0].id
    assert texts(text, direct[0].speaker) == ["Kranz"]
