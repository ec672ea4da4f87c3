"""A frame in Konjunktiv I continues a report: the sentence is indirect/free indirect speech."""

from __future__ import annotations

from rules_helpers import quote_with, run, texts
from zitat.schema import QuoteType


def test_speech_act_frame_nests_its_quote_in_the_continued_report() -> None:
    text = (
        "Die Architektin sagte, der Bau werde teurer. "
        "Der Bauherr habe sie aufgefordert, die Pläne zu ändern."
    )
    ann = run(text)
    (ifi,) = [q for q in ann.quotes if q.type is QuoteType.INDIRECT_FREE_INDIRECT]
    assert texts(text, ifi.spans) == ["Der Bauherr habe sie aufgefordert, die Pläne zu ändern."]
    assert texts(text, ifi.speaker) == ["Die Architektin"]
    (inner,) = [q for q in ann.quotes if texts(text, q.spans) == ["die Pläne zu ändern"]]
    assert inner.type is QuoteType.INDIRECT
    assert inner.parent == ifi.id
    assert texts(text, inner.cue) == ["habe", "aufgefordert"]
    assert texts(text, inner.speaker) == ["Der Bauherr"]


def test_same_speaker_attitude_frame_is_one_quote() -> None:
    text = "Die Architektin sagte, der Bau werde teurer. Sie hoffe, dass der Rat zustimme."
    ann = run(text)
    second = [q for q in ann.quotes if q.spans[0].start > text.index("Sie hoffe") - 1]
    assert len(second) == 1
    assert second[0].type is QuoteType.INDIRECT_FREE_INDIRECT
    assert texts(text, second[0].spans) == ["Sie hoffe, dass der Rat zustimme."]
    assert texts(text, second[0].speaker) == ["Sie"]
    assert second[0].entity == quote_with(ann, text, "Bau").entity


def test_indicative_frame_is_no_continuation() -> None:
    text = (
        "Die Architektin sagte, der Bau werde teurer. Der Bauherr hat sie aufgefordert, zu sparen."
    )
    assert not [q for q in run(text).quotes if q.type is QuoteType.INDIRECT_FREE_INDIRECT]


def test_continuation_needs_the_free_indirect_rule() -> None:
    text = (
        "Die Architektin sagte, der Bau werde teurer. "
        "Der Bauherr habe sie aufgefordert, die Pläne zu ändern."
    )
    ann = run(text, free_indirect=False)
    assert not [q for q in ann.quotes if q.type is QuoteType.INDIRECT_FREE_INDIRECT]
