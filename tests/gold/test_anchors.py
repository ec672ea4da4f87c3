"""The YAML authoring format: anchors resolve to the right spans, and fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from zitat.errors import ValidationError
from zitat.gold.anchors import build_gold, load_authoring, resolve_anchor
from zitat.schema import Span

TEXT = (
    'Blinken sagte, Russland stehe vor einer Wahl. "Wir sind bereit", sagte Blinken. '
    "Lawrow sagte, der Ball liege in Washingtons Feld. Er erwarte eine Antwort."
)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "doc.yaml"
    path.write_text("doc: doc\n" + body, encoding="utf-8")
    return path


def test_plain_string_resolves_to_its_only_occurrence() -> None:
    span = resolve_anchor(TEXT, "Russland stehe vor einer Wahl")
    assert span.text_in(TEXT) == "Russland stehe vor einer Wahl"
    assert span == Span(15, 44)


def test_text_in_context() -> None:
    span = resolve_anchor(TEXT, {"text": "Blinken", "in": "sagte Blinken."})
    assert span.start == TEXT.index("sagte Blinken.") + len("sagte ")
    assert span.text_in(TEXT) == "Blinken"


def test_anchor_matches_whole_words_only() -> None:
    # "er" occurs inside "erwarte", but only once as a word
    span = resolve_anchor(TEXT, {"text": "Er", "in": "Er erwarte"})
    assert span.text_in(TEXT) == "Er"
    assert resolve_anchor("er erwarte", "er") == Span(0, 2)


def test_nth_occurrence() -> None:
    first = resolve_anchor(TEXT, {"text": "sagte", "nth": 1})
    third = resolve_anchor(TEXT, {"text": "sagte", "nth": 3})
    assert first.start < third.start
    assert third.start == TEXT.index("Lawrow sagte") + len("Lawrow ")


def test_nth_beyond_count_fails() -> None:
    with pytest.raises(ValueError, match="occurs 3 times, so there is no nth=4"):
        resolve_anchor(TEXT, {"text": "sagte", "nth": 4})


def test_from_to_spans_both_anchors() -> None:
    span = resolve_anchor(TEXT, {"from": '"Wir', "to": 'bereit"'})
    assert span.text_in(TEXT) == '"Wir sind bereit"'


def test_from_to_rejects_reversed_anchors() -> None:
    with pytest.raises(ValueError, match="before 'from' starts"):
        resolve_anchor(TEXT, {"from": "Lawrow", "to": "Wahl"})


def test_raw_offsets() -> None:
    assert resolve_anchor(TEXT, {"start": 0, "end": 7}).text_in(TEXT) == "Blinken"


def test_ambiguous_anchor_names_count_and_positions(tmp_path: Path) -> None:
    path = _write(tmp_path, "quotes:\n  - {id: q1, type: direct, spans: [sagte]}\n")
    with pytest.raises(ValidationError) as info:
        load_authoring(path, TEXT, "doc")
    message = str(info.value)
    assert str(path) in message
    assert "quote 'q1'.spans[0]" in message
    assert "'sagte' is ambiguous: it occurs 3 times" in message
    assert f"at offsets {TEXT.index('sagte')} (line 1)" in message


def test_missing_anchor_names_file_line_field_and_text(tmp_path: Path) -> None:
    body = "entities:\n  - id: blinken\n    name: Antony Blinken\n    mentions: [Antony Blinken]\n"
    with pytest.raises(ValidationError) as info:
        load_authoring(_write(tmp_path, body), TEXT, "doc")
    message = str(info.value)
    assert "doc.yaml:3" in message
    assert "entity 'blinken'.mentions[0]" in message
    assert "'Antony Blinken' not found" in message


def test_discontinuous_quote_and_roles(tmp_path: Path) -> None:
    body = """
entities:
  - id: lawrow
    name: Sergej Lawrow
    mentions: [Lawrow]
quotes:
  - id: q1
    type: indirect
    spans: [der Ball liege in Washingtons Feld, {text: Er erwarte eine Antwort.}]
    cue: [{text: sagte, in: Lawrow sagte}]
    frame: ['Lawrow sagte,']
    speaker: [Lawrow]
    entity: lawrow
stances:
  - {quote: q1, target: diplomacy, polarity: neutral, evidence: [Er erwarte eine Antwort]}
"""
    ann = load_authoring(_write(tmp_path, body), TEXT, "doc")
    quote = ann.quote("q1")
    assert [s.text_in(TEXT) for s in quote.spans] == [
        "der Ball liege in Washingtons Feld",
        "Er erwarte eine Antwort.",
    ]
    assert quote.frame[0].text_in(TEXT) == "Lawrow sagte,"
    assert ann.stances[0].evidence[0].text_in(TEXT) == "Er erwarte eine Antwort"


def test_all_mentions_skip_those_inside_longer_mentions(tmp_path: Path) -> None:
    text = "US-Außenminister Antony Blinken kam. Blinken sprach. Blinkens Team."
    body = (
        "entities:\n  - id: b\n    name: B\n    mentions:\n"
        "      - US-Außenminister Antony Blinken\n      - {text: Blinken, all: true}\n"
    )
    ann = load_authoring(_write(tmp_path, body), text, "doc")
    assert [m.text_in(text) for m in ann.entity("b").mentions] == [
        "US-Außenminister Antony Blinken",
        "Blinken",
    ]


def test_speaker_must_be_a_mention_of_the_entity(tmp_path: Path) -> None:
    body = """
entities:
  - id: blinken
    name: Antony Blinken
    mentions: [{text: Blinken, nth: 1}]
quotes:
  - id: q1
    type: direct
    spans: ['"Wir sind bereit"']
    speaker: [{text: Blinken, in: sagte Blinken.}]
    entity: blinken
"""
    with pytest.raises(ValidationError, match="not among the mentions of entity 'blinken'"):
        load_authoring(_write(tmp_path, body), TEXT, "doc")


def test_speaker_without_entity_is_rejected(tmp_path: Path) -> None:
    body = "quotes:\n  - {id: q1, type: direct, spans: [Wahl], speaker: [Lawrow]}\n"
    with pytest.raises(ValidationError, match="speaker span but no entity"):
        load_authoring(_write(tmp_path, body), TEXT, "doc")


def test_comma_split_by_yaml_flow_list_is_caught(tmp_path: Path) -> None:
    # [Blinken sagte, Russland ...] is two YAML strings, not one
    body = "quotes:\n  - {id: q1, type: indirect, spans: [Blinken sagte, Russland stehe]}\n"
    with pytest.raises(ValidationError, match="unquoted comma"):
        load_authoring(_write(tmp_path, body), TEXT, "doc")


def test_unknown_key_and_wrong_doc_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="unknown keys \\['speakers'\\]"):
        load_authoring(
            _write(tmp_path, "quotes:\n  - {id: q1, type: direct, spans: [Lawrow], speakers: x}\n"),
            TEXT,
            "doc",
        )
    with pytest.raises(ValidationError, match="names document 'doc', expected 'other'"):
        load_authoring(_write(tmp_path, "quotes: []\n"), TEXT, "other")


def test_build_gold_keeps_text_byte_identical(tmp_path: Path) -> None:
    corpus, source = tmp_path / "corpus", tmp_path / "source"
    corpus.mkdir()
    source.mkdir()
    raw = ' date 2022-01 Er sagte:\r\n"Ja."'
    (corpus / "d1.txt").write_bytes(raw.encode("utf-8"))
    (source / "d1.yaml").write_text(
        "doc: d1\nmeta: {outlet: test}\nquotes:\n  - {id: q1, type: direct, spans: ['\"Ja.\"']}\n",
        encoding="utf-8",
    )
    (doc,) = build_gold(source, corpus)
    assert doc.text == raw
    assert doc.document.meta == {"outlet": "test"}
    assert doc.annotations.quotes[0].spans[0].text_in(doc.text) == '"Ja."'
