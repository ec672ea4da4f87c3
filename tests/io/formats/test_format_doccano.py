"""doccano JSONL: the hand-written export, round trips, edits made in doccano, bad input."""

from __future__ import annotations

import json
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from formats_kit import (
    DATA,
    EMOJI_TEXT,
    NESTED_TEXT,
    PROFILE,
    corpora,
    no_loss,
    shape,
    special_documents,
)
from hypothesis import given

from zitat.errors import InputError, ValidationError
from zitat.gold.bundled import load_seeds
from zitat.io.formats import LossWarning, read_doccano, write_doccano
from zitat.io.formats.doccano import document_to_doccano
from zitat.schema import AnnotatedDocument, EntityKind, Medium, QuoteType, Span
from zitat.testing import find_span


def read_fixture() -> list[AnnotatedDocument]:
    with pytest.warns(LossWarning, match="2 document.s. without a zitat record"):
        return list(read_doccano(DATA / "doccano_export.jsonl"))


def test_export_with_emoji_crlf_and_combining_characters() -> None:
    first, _ = read_fixture()
    assert first.id == "17"  # doccano's own example id
    assert first.text == EMOJI_TEXT
    assert first.document.meta == {"doccano": {"Comments": []}}
    q1, q2 = first.annotations.quotes
    assert (q1.id, q1.type, q1.spans) == ("q1", QuoteType.DIRECT, (Span(16, 45),))
    assert q1.text_in(first.text) == "„Wir bleiben im Gespräch 🇩🇪.“"
    assert (q1.cue, q1.speaker) == ((Span(9, 14),), (Span(2, 8),))
    assert q2.text_in(first.text) == "man sei weiter offen"  # after the CRLF
    assert [s.text_in(first.text) for s in q2.frame] == ["Blinken erklärte im Cafe\u0301 in Genf"]
    assert q2.speaker == (Span(47, 54),)
    lawrow, blinken = first.annotations.entities
    assert (lawrow.name, lawrow.kind, lawrow.mentions) == (
        "Lawrow",
        EntityKind.UNKNOWN,
        (Span(2, 8),),
    )
    assert (q1.entity, q2.entity) == (lawrow.id, blinken.id)
    assert {q.medium for q in first.annotations.quotes} == {Medium.SPEECH}  # doccano has none


def test_export_with_parts_nesting_and_coreference() -> None:
    _, second = read_fixture()
    assert (second.id, second.text) == ("doc-b", NESTED_TEXT)
    q1, q2, q3 = second.annotations.quotes
    assert q1.spans == (Span(0, 18), Span(34, 52))
    assert q1.text_in(second.text, sep="|") == "„Wir reden weiter“|„aber nicht ewig.“"
    assert (q2.type, q2.spans, q2.cue, q2.speaker) == (
        QuoteType.INDIRECT,
        (Span(63, 98),),
        (Span(56, 61),),
        (Span(53, 55),),
    )
    assert (q3.spans, q3.parent, q3.speaker) == ((Span(76, 90),), q2.id, (Span(63, 70),))
    lawrow, blinken = second.annotations.entities
    assert lawrow.mentions == (Span(26, 32), Span(53, 55))  # "Lawrow" and "Er", by COREF
    assert blinken.mentions == (Span(63, 70),)
    # "Er" is one of Lawrow's mentions, so the indirect quote is his
    assert (q1.entity, q2.entity, q3.entity) == (lawrow.id, lawrow.id, blinken.id)


def test_written_lines_count_utf16_and_carry_the_record(tmp_path: Path) -> None:
    doc = special_documents()[0]
    line = document_to_doccano(doc)
    assert set(line) == {"id", "text", "entities", "relations", "zitat"}
    lawrow = next(e for e in line["entities"] if e["label"] == "SPEAKER" and e["start_offset"] < 10)
    assert (lawrow["start_offset"], lawrow["end_offset"]) == (3, 9)  # 😀 is two units
    by_id = {e["id"]: e for e in line["entities"]}
    cue = next(r for r in line["relations"] if r["type"] == "CUE")
    assert by_id[cue["from_id"]]["label"] == "DIRECT"
    assert by_id[cue["to_id"]]["start_offset"] == 10
    assert document_to_doccano(doc, offsets="code-points")["entities"] != line["entities"]
    assert "zitat" not in document_to_doccano(doc, record=False)


def test_seeds_round_trip(tmp_path: Path) -> None:
    seeds = list(load_seeds())
    path = tmp_path / "seeds.jsonl"
    with no_loss():
        assert write_doccano(path, seeds) == len(seeds)
        assert list(read_doccano(path)) == seeds


@pytest.mark.parametrize("offsets", ["utf-16", "code-points"])
def test_special_characters_round_trip(tmp_path: Path, offsets: Any) -> None:
    docs = special_documents()
    path = tmp_path / "special.jsonl"
    with no_loss():
        write_doccano(path, docs, offsets=offsets)
        assert list(read_doccano(path, offsets=offsets)) == docs


def test_fixture_round_trip(tmp_path: Path) -> None:
    docs = read_fixture()
    path = tmp_path / "again.jsonl"
    with no_loss():
        write_doccano(path, docs)
        assert list(read_doccano(path)) == docs


@PROFILE
@given(corpora())
def test_random_documents_round_trip(docs: list[AnnotatedDocument]) -> None:
    with tempfile.TemporaryDirectory() as tmp, no_loss():
        path = Path(tmp) / "docs.jsonl"
        write_doccano(path, docs)
        assert list(read_doccano(path)) == docs


@PROFILE
@given(corpora())
def test_without_record_the_structure_survives(docs: list[AnnotatedDocument]) -> None:
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossWarning)
        path = Path(tmp) / "docs.jsonl"
        write_doccano(path, docs, record=False)
        back = list(read_doccano(path))
    assert [shape(d) for d in back] == [shape(d) for d in docs]
    if any(d.annotations.quotes or d.annotations.entities for d in docs):
        assert any("cannot carry" in str(w.message) for w in caught)
    assert any("without a zitat record" in str(w.message) for w in caught)


def test_edits_in_doccano_win_and_the_record_fills_in(tmp_path: Path) -> None:
    doc = special_documents()[0]
    line = document_to_doccano(doc)
    # the annotator deletes quote q1 (its region and arrows) and widens q2's cue
    q1 = next(e["id"] for e in line["entities"] if e["label"] == "DIRECT")
    line["entities"] = [e for e in line["entities"] if e["id"] != q1]
    line["relations"] = [r for r in line["relations"] if q1 not in (r["from_id"], r["to_id"])]
    cue = next(e for e in line["entities"] if e["label"] == "CUE" and e["start_offset"] > 50)
    cue["end_offset"] = cue["start_offset"] + len("erklärte im")
    path = tmp_path / "edited.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.warns(LossWarning) as caught:
        (back,) = read_doccano(path)
    (q2,) = back.annotations.quotes
    assert q2.id == "q2"  # matched by type and first span: the record's id …
    assert q2.medium is Medium.SPEECH_WRITING  # … and medium
    assert [c.text_in(back.text) for c in q2.cue] == ["erklärte im"]  # the edit wins
    assert back.document.meta == {"outlet": "dpa", "tags": ["😀", "e\u0301"]}
    names = {e.id: e.name for e in back.annotations.entities}
    assert names == {"s_lawrow": "Sergej Lawrow", "blinken": "Antony Blinken", "usa": "USA"}
    # q1's stance had nothing left to hold it; the entity's stance stays
    assert [(s.target, s.entity) for s in back.annotations.stances] == [("sanctions", "usa")]
    message = " ".join(str(w.message) for w in caught)
    assert "quote 'q1' (direct) at 16-45 is gone" in message
    assert "stance of quote 'q1' toward 'diplomacy' (favor) dropped" in message


def test_old_format_without_relations(tmp_path: Path) -> None:
    text = "Lawrow sagte: „Nein.“"
    path = tmp_path / "old.jsonl"
    record = {"text": text, "label": [[14, 21, "DIRECT"], [0, 6, "MENTION"]]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.warns(LossWarning):
        (doc,) = read_doccano(path)
    assert doc.id == "old-1"
    assert [q.text_in(text) for q in doc.annotations.quotes] == ["„Nein.“"]
    assert doc.annotations.entities[0].mentions == (find_span(text, "Lawrow"),)


def _line(**changes: Any) -> dict[str, Any]:
    line = {
        "id": "d1",
        "text": "😀 Lawrow sagte: „Ja.“",
        "entities": [
            {"id": 1, "label": "DIRECT", "start_offset": 17, "end_offset": 22},
            {"id": 2, "label": "SPEAKER", "start_offset": 3, "end_offset": 9},
        ],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "SPEAKER"}],
    }
    line.update(changes)
    return line


def _entity(key: str, value: Any, index: int = 0) -> Callable[[dict[str, Any]], None]:
    def change(line: dict[str, Any]) -> None:
        line["entities"][index][key] = value

    return change


def _relation(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(line: dict[str, Any]) -> None:
        line["relations"][0][key] = value

    return change


BAD: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("offset past the end", _entity("end_offset", 23), "record.entities[0].end_offset",
     "outside the text (length 22 UTF-16 code units)"),
    ("offset inside 😀", _entity("start_offset", 1, 1), "record.entities[1].start_offset",
     "splits the surrogate pair of '😀'"),
    ("unknown label", _entity("label", "QUOTE"), "record.entities[0].label",
     "unknown label 'QUOTE'"),
    ("reversed", _entity("end_offset", 17), "record.entities[0].end_offset", "empty or reversed"),
    ("string offset", _entity("start_offset", "17"), "record.entities[0].start_offset",
     "must be an integer"),
    ("missing offset", lambda line: line["entities"][0].pop("end_offset"),
     "record.entities[0].end_offset", "missing"),
    ("duplicate id", _entity("id", 2), "record.entities[1].id", "duplicate id 2"),
    ("relation to nowhere", _relation("to_id", 9), "record.relations[0].to_id",
     "no entity with id 9"),
    ("unknown relation", _relation("type", "SAID"), "record.relations[0].type", "unknown relation"),
    ("relation of the wrong kind", _relation("type", "CUE"), "record.relations[0].type",
     "a CUE link must point at a CUE region, not SPEAKER"),
    ("no text", lambda line: line.pop("text"), "record.text", "expected the document text"),
    ("broken record", lambda line: line.update(zitat={"version": 1, "id": "d1", "quotes": [{}]}),
     "record.zitat.quotes[0].id", "expected a non-empty string"),
    ("record span outside", lambda line: line.update(zitat={"version": 1, "id": "d1", "quotes": [
        {"id": "q", "type": "direct", "spans": [[0, 99]]}]}),
     "record.zitat.quotes[0].spans[0]", "lies outside the text"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "change", "field", "message"), BAD, ids=[c[0] for c in BAD])
def test_bad_input_names_file_line_and_field(
    tmp_path: Path, case: str, change: Callable[[dict[str, Any]], None], field: str, message: str
) -> None:
    line = _line()
    change(line)
    path = tmp_path / "bad.jsonl"
    good = json.dumps(_line(id="d0"), ensure_ascii=False)
    path.write_text(good + "\n" + json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        list(read_doccano(path))
    assert (info.value.source, info.value.line) == (str(path), 2)
    assert f"{info.value.obj}.{info.value.field}".startswith(field)
    assert message in str(info.value)


def test_whitespace_only_entity(tmp_path: Path) -> None:
    path = tmp_path / "ws.jsonl"
    line = _line(entities=[{"id": 1, "label": "CUE", "start_offset": 2, "end_offset": 3}])
    line["relations"] = []
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="covers only whitespace") as info:
        list(read_doccano(path))
    assert str(info.value).startswith(f"{path}:1: record.entities[0]")


def test_broken_json_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps(_line(), ensure_ascii=False) + '\n{"text": \n', encoding="utf-8")
    with pytest.raises(ValidationError, match="malformed JSON") as info:
        list(read_doccano(path))
    assert info.value.line == 2
    with pytest.raises(InputError, match="no such file"):
        list(read_doccano(tmp_path / "none.jsonl"))
