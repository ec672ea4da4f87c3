"""Label Studio JSON: the hand-written export, predictions, round trips, bad input."""

from __future__ import annotations

import copy
import json
import tempfile
import warnings
import xml.etree.ElementTree as ET
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
from zitat.io.formats import LossWarning, labelstudio_config, read_labelstudio, write_labelstudio
from zitat.io.formats.labelstudio import document_to_task
from zitat.io.prodigy import QUOTE_LABELS, ROLE_LABELS
from zitat.schema import AnnotatedDocument, Medium, Span


def read_fixture() -> tuple[list[AnnotatedDocument], str]:
    with pytest.warns(LossWarning) as caught:
        docs = list(read_labelstudio(DATA / "labelstudio_export.json"))
    return docs, " | ".join(str(w.message) for w in caught)


def test_export_with_emoji_media_and_a_left_arrow() -> None:
    docs, _ = read_fixture()
    first = docs[0]
    assert (first.id, first.text) == ("41", EMOJI_TEXT)  # the task id; no doc_id in data
    assert first.document.meta == {"labelstudio": {"task": 41, "annotation": 7, "completed_by": 1}}
    q1, q2 = first.annotations.quotes
    assert q1.text_in(first.text) == "„Wir bleiben im Gespräch 🇩🇪.“"
    assert (q1.medium, q2.medium) == (Medium.SPEECH, Medium.WRITING)  # per-region choices
    assert q1.speaker == (Span(2, 8),)  # drawn right to left: speaker <- quote
    assert [s.text_in(first.text) for s in q2.frame] == ["Blinken erklärte im Cafe\u0301 in Genf"]
    assert [e.mentions for e in first.annotations.entities] == [(Span(2, 8),), (Span(47, 54),)]


def test_two_annotators_cancelled_and_empty_tasks() -> None:
    docs, messages = read_fixture()
    assert [d.id for d in docs] == ["41", "doc-b@1", "doc-b@2"]  # the cancelled one is gone
    full, partial = docs[1], docs[2]
    assert full.text == partial.text == NESTED_TEXT
    q1, q2, q3 = full.annotations.quotes
    assert q1.spans == (Span(0, 18), Span(34, 52))
    assert (q3.parent, q2.speaker, q2.entity) == (q2.id, (Span(53, 55),), q1.entity)
    (only,) = partial.annotations.quotes
    assert (only.spans, only.medium, only.cue) == ((Span(0, 18),), Medium.SPEECH, ())
    assert "skipped 1 task(s) without annotations: tasks[2]" in messages
    assert "ignored results: textarea/comment" in messages
    assert "3 document(s) without a zitat record ('41', 'doc-b@1', 'doc-b@2')" in messages


def test_tasks_carry_the_config_names_and_the_record() -> None:
    task = document_to_task(special_documents()[0])
    assert set(task) == {"data", "annotations"}
    assert set(task["data"]) == {"text", "doc_id", "zitat"}
    result = task["annotations"][0]["result"]
    labels = [r for r in result if r["type"] == "labels"]
    media = {r["id"]: r["value"]["choices"] for r in result if r["type"] == "choices"}
    direct = next(r for r in labels if r["value"]["labels"] == ["DIRECT"])
    assert direct["value"]["start"] == 16  # code points: 😀 counts once
    assert direct["value"]["text"] == "„Wir bleiben im Gespräch 🇩🇪.“"
    assert media[direct["id"]] == ["speech"]
    utf16 = document_to_task(special_documents()[0], offsets="utf-16")
    direct16 = next(
        r for r in utf16["annotations"][0]["result"] if r["value"].get("labels") == ["DIRECT"]
    )
    assert direct16["value"]["start"] == 17
    predicted = document_to_task(special_documents()[0], predictions=True, model_version="v9")
    assert predicted["predictions"][0]["model_version"] == "v9"
    assert "annotations" not in predicted


def test_seeds_round_trip(tmp_path: Path) -> None:
    seeds = list(load_seeds())
    path = tmp_path / "seeds.json"
    with no_loss():
        assert write_labelstudio(path, seeds) == len(seeds)
        assert list(read_labelstudio(path)) == seeds


def test_predictions_round_trip(tmp_path: Path) -> None:
    docs = special_documents()
    path = tmp_path / "pre.json"
    with no_loss():
        write_labelstudio(path, docs, predictions=True)
        assert list(read_labelstudio(path, predictions=True)) == docs
    with pytest.warns(LossWarning, match="skipped 2 task.s. without annotations"):
        assert list(read_labelstudio(path)) == []


@pytest.mark.parametrize("offsets", ["code-points", "utf-16"])
def test_special_characters_round_trip(tmp_path: Path, offsets: Any) -> None:
    docs = special_documents()
    path = tmp_path / "special.json"
    with no_loss():
        write_labelstudio(path, docs, offsets=offsets)
        assert list(read_labelstudio(path, offsets=offsets)) == docs


@PROFILE
@given(corpora())
def test_random_documents_round_trip(docs: list[AnnotatedDocument]) -> None:
    with tempfile.TemporaryDirectory() as tmp, no_loss():
        path = Path(tmp) / "docs.json"
        write_labelstudio(path, docs)
        assert list(read_labelstudio(path)) == docs


@PROFILE
@given(corpora())
def test_without_record_the_structure_and_media_survive(docs: list[AnnotatedDocument]) -> None:
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossWarning)
        path = Path(tmp) / "docs.json"
        write_labelstudio(path, docs, record=False)
        back = list(read_labelstudio(path))
    assert any("without a zitat record" in str(w.message) for w in caught)
    assert [shape(d) for d in back] == [shape(d) for d in docs]
    for before, after in zip(docs, back, strict=True):
        assert sorted((q.spans, q.medium) for q in after.annotations.quotes) == sorted(
            (q.spans, q.medium) for q in before.annotations.quotes
        )


def test_offsets_of_an_older_label_studio(tmp_path: Path) -> None:
    doc = special_documents()[0]
    path = tmp_path / "old.json"
    task = document_to_task(doc, offsets="utf-16")
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="read with offsets='utf-16'") as info:
        list(read_labelstudio(path))
    assert str(info.value).startswith(f"{path}: tasks[0].annotations[0].result[")
    with no_loss():
        assert list(read_labelstudio(path, offsets="utf-16")) == [doc]


def test_config_is_valid_xml_naming_every_label() -> None:
    root = ET.fromstring(labelstudio_config())
    labels = [e.get("value") for e in root.iter("Label")]
    relations = [e.get("value") for e in root.iter("Relation")]
    choices = [e.get("value") for e in root.iter("Choice")]
    assert labels == [*QUOTE_LABELS, *ROLE_LABELS, "MENTION"]
    assert relations == ["PART", *ROLE_LABELS, "NESTED_IN", "COREF"]
    assert choices == [m.value for m in Medium]
    text = next(root.iter("Text"))
    assert (text.get("name"), text.get("value")) == ("text", "$text")
    medium = next(root.iter("Choices"))
    assert medium.get("perRegion") == "true"
    assert medium.get("whenLabelValue") == ",".join(QUOTE_LABELS)
    assert medium.get("whenTagName") == "text"  # for regions: the object tag


def _task() -> dict[str, Any]:
    return copy.deepcopy(document_to_task(special_documents()[1], record=False))


def _result(index: int, *keys: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(task: dict[str, Any]) -> None:
        target = task["annotations"][0]["result"][index]
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def _first_relation(task: dict[str, Any]) -> int:
    return next(
        i for i, r in enumerate(task["annotations"][0]["result"]) if r["type"] == "relation"
    )


def _relation(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(task: dict[str, Any]) -> None:
        task["annotations"][0]["result"][_first_relation(task)][key] = value

    return change


BAD: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("end past the text", _result(0, "value", "end", value=500), "result[0].value.end",
     "outside the text"),
    ("unknown label", _result(0, "value", "labels", value=["ZITAT"]), "result[0].value.labels",
     "unknown label 'ZITAT'"),
    ("two labels", _result(0, "value", "labels", value=["CUE", "FRAME"]),
     "result[0].value.labels", "expected exactly one label"),
    ("text differs", _result(0, "value", "text", value="anders"), "result[0].value.text",
     "differs from the text"),
    ("relation to nowhere", _relation("to_id", "zz"), "to_id", "no region with id 'zz'"),
    ("relation without label", _relation("labels", []), "labels", "the relation has no label"),
    ("both directions", _relation("direction", "bi"), "direction", "cannot be read"),
    ("no text", lambda task: task["data"].pop("text"), "data.text", "expected the document text"),
    ("bad medium", lambda task: task["annotations"][0]["result"][1]["value"].update(
        choices=["radio"]), "result[1].value.choices", "unknown medium 'radio'"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "change", "field", "message"), BAD, ids=[c[0] for c in BAD])
def test_bad_input_names_file_task_and_field(
    tmp_path: Path, case: str, change: Callable[[dict[str, Any]], None], field: str, message: str
) -> None:
    task = _task()
    change(task)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([_task(), task], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        list(read_labelstudio(path))
    assert info.value.source == str(path)
    assert info.value.obj == "tasks[1]"
    assert field in str(info.value.field)
    assert message in str(info.value)


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"data": {"text": "x"}},\n  {"data": \n]\n', encoding="utf-8")
    with pytest.raises(ValidationError, match="malformed JSON") as info:
        list(read_labelstudio(path))
    assert (info.value.source, info.value.line) == (str(path), 4)
    path.write_text('{"tasks": 3}', encoding="utf-8")
    with pytest.raises(ValidationError, match="expected the document text"):
        list(read_labelstudio(path))
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        list(read_labelstudio(path))
