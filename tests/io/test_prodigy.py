"""The Prodigy shape of a record: spans, relations, hashes, and plain Prodigy input."""

from __future__ import annotations

from typing import Any

import pytest

from zitat.errors import ValidationError
from zitat.io.hashing import input_hash, task_hash
from zitat.io.prodigy import document_to_record, record_to_document
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Document,
    Medium,
    Quote,
    QuoteType,
    Span,
    SpeakerEntity,
    Stance,
)
from zitat.text import make_document

TEXT = "Lawrow sagte, Russland werde „nicht angreifen“, und warnte den Westen."
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890123456789


def sample() -> AnnotatedDocument:
    doc = make_document("d1", TEXT, {"source": "dpa"})
    outer = Quote(
        "q1",
        (Span(14, 46),),
        QuoteType.INDIRECT,
        Medium.SPEECH,
        cue=(Span(7, 12),),
        frame=(Span(0, 13),),
        speaker=(Span(0, 6),),
        entity="e1",
    )
    inner = Quote("q2", (Span(29, 46),), QuoteType.DIRECT, speaker=(Span(0, 6),), parent="q1")
    split = Quote("q3", (Span(14, 22), Span(52, 58)), QuoteType.REPORTED, addressee=(Span(59, 69),))
    return AnnotatedDocument(
        doc,
        Annotations(
            quotes=(outer, inner, split),
            entities=(
                SpeakerEntity("e1", "Sergej Lawrow", mentions=(Span(0, 6),), external_id="Q4"),
            ),
            stances=(Stance("diplomacy", "against", quote="q1", evidence=(Span(29, 46),)),),
        ),
    )


def span_by_label(record: dict[str, Any], label: str) -> list[dict[str, Any]]:
    return [s for s in record["spans"] if s["label"] == label]


def test_record_has_prodigy_keys() -> None:
    record = document_to_record(sample())
    assert record["text"] == TEXT
    assert record["answer"] == "accept"
    assert record["meta"] == {"source": "dpa", "doc_id": "d1"}
    assert isinstance(record["_input_hash"], int)
    assert isinstance(record["_task_hash"], int)
    assert -(2**31) <= record["_input_hash"] < 2**31
    assert set(record["tokens"][0]) == {"text", "start", "end", "id", "ws"}
    assert record["tokens"][0] == {"text": "Lawrow", "start": 0, "end": 6, "id": 0, "ws": True}
    assert record["zitat"]["version"] == 1


def test_spans_have_inclusive_token_end() -> None:
    record = document_to_record(sample())
    tokens = record["tokens"]
    for span in record["spans"]:
        assert set(span) == {"start", "end", "token_start", "token_end", "label"}
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]  # inclusive: the last token
    (speaker,) = span_by_label(record, "SPEAKER")
    assert (speaker["token_start"], speaker["token_end"]) == (0, 0)
    (direct,) = span_by_label(record, "DIRECT")
    assert TEXT[direct["start"] : direct["end"]] == "„nicht angreifen“"


def test_each_stretch_once_and_labels() -> None:
    record = document_to_record(sample())
    keys = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
    assert len(keys) == len(set(keys))  # the shared speaker span appears once
    assert {s["label"] for s in record["spans"]} == {
        "INDIRECT", "DIRECT", "REPORTED", "CUE", "FRAME", "SPEAKER", "ADDRESSEE", "EVIDENCE"
    }  # fmt: skip
    assert [s["start"] for s in record["spans"]] == sorted(s["start"] for s in record["spans"])


def test_relations_shape() -> None:
    record = document_to_record(sample())
    relations = record["relations"]
    for rel in relations:
        assert set(rel) == {"head", "child", "head_span", "child_span", "label"}
        assert rel["head"] == rel["head_span"]["token_end"]
        assert rel["child"] == rel["child_span"]["token_end"]
        assert rel["head_span"] in record["spans"]
        assert rel["child_span"] in record["spans"]
    labels = sorted(r["label"] for r in relations)
    assert labels == ["ADDRESSEE", "CUE", "FRAME", "NESTED_IN", "PART", "SPEAKER", "SPEAKER"]
    (nested,) = [r for r in relations if r["label"] == "NESTED_IN"]
    assert nested["head_span"]["label"] == "DIRECT"
    assert nested["child_span"]["label"] == "INDIRECT"


def test_hashes_equal_for_equal_content() -> None:
    a, b = document_to_record(sample()), document_to_record(sample())
    assert (a["_input_hash"], a["_task_hash"]) == (b["_input_hash"], b["_task_hash"])
    renamed = sample()
    renamed = AnnotatedDocument(renamed.document.with_(meta={"other": 1}), renamed.annotations)
    c = document_to_record(renamed)
    assert c["_input_hash"] == a["_input_hash"]  # meta is not part of the input
    assert c["_task_hash"] == a["_task_hash"]


def test_different_spans_give_different_task_hash() -> None:
    doc = sample()
    fewer = AnnotatedDocument(
        doc.document, doc.annotations.with_(quotes=doc.annotations.quotes[:1], stances=())
    )
    a, b = document_to_record(doc), document_to_record(fewer)
    assert a["_input_hash"] == b["_input_hash"]
    assert a["_task_hash"] != b["_task_hash"]
    other_text = document_to_record(AnnotatedDocument(make_document("d1", TEXT + " Ende.")))
    assert other_text["_input_hash"] != a["_input_hash"]


def test_hash_ignores_span_scores() -> None:
    task = {"text": "x", "spans": [{"start": 0, "end": 1, "label": "CUE"}]}
    scored = {"text": "x", "spans": [{"start": 0, "end": 1, "label": "CUE", "score": 0.3}]}
    assert input_hash(task) == input_hash(scored)
    assert task_hash(task) == task_hash(scored)


def test_extra_prodigy_keys_survive() -> None:
    record = document_to_record(sample())
    record["_annotator_id"] = "ann-1"
    record["_session_id"] = "s-2"
    doc = record_to_document(record)
    assert doc.document.meta["prodigy"] == {"_annotator_id": "ann-1", "_session_id": "s-2"}
    again = document_to_record(doc)
    assert again["_annotator_id"] == "ann-1"
    assert again["meta"] == record["meta"]


def test_doc_id_is_reserved_in_meta() -> None:
    doc = AnnotatedDocument(Document("d1", "Hallo.", meta={"doc_id": "other"}))
    with pytest.raises(ValidationError, match=r"Document 'd1'\.meta\.doc_id: .*reserved"):
        document_to_record(doc)


def test_missing_doc_id_falls_back() -> None:
    doc = record_to_document({"text": "Hallo Welt."}, fallback_id="file-1")
    assert doc.id == "file-1"
    assert [t.text for t in doc.document.tokens] == ["Hallo", "Welt", "."]
    assert doc.document.sentences == (Span(0, 11),)


def plain_record() -> dict[str, Any]:
    """What Prodigy's relations recipe exports: spans and relations, no ``zitat`` key."""
    record = document_to_record(sample())
    del record["zitat"]
    return record


def test_plain_prodigy_record_rebuilds_quotes() -> None:
    doc = record_to_document(plain_record())
    quotes = doc.annotations.quotes
    assert [q.type for q in quotes] == [QuoteType.INDIRECT, QuoteType.REPORTED, QuoteType.DIRECT]
    by_type = {q.type: q for q in quotes}
    indirect = by_type[QuoteType.INDIRECT]
    assert indirect.cue == (Span(7, 12),)
    assert indirect.frame == (Span(0, 13),)
    assert indirect.speaker == (Span(0, 6),)
    reported = by_type[QuoteType.REPORTED]
    assert reported.spans == (Span(14, 22), Span(52, 58))  # PART arcs join the pieces
    assert reported.addressee == (Span(59, 69),)
    assert by_type[QuoteType.DIRECT].parent == indirect.id
    (entity,) = doc.annotations.entities  # rebuilt from the speaker span; name and kind
    assert (entity.mentions, entity.name, entity.kind) == ((Span(0, 6),), "Lawrow", "unknown")
    assert indirect.entity == entity.id


def test_plain_prodigy_record_spans_only() -> None:
    record = {
        "text": TEXT,
        "spans": [
            {"start": 29, "end": 46, "label": "DIRECT"},
            {"start": 0, "end": 6, "token_start": 0, "token_end": 0, "label": "SPEAKER"},
        ],
    }
    doc = record_to_document(record)
    (quote,) = doc.annotations.quotes
    assert quote.spans == (Span(29, 46),)
    assert quote.speaker == ()  # no relation ties the speaker span to the quote


def test_plain_record_with_bad_relation() -> None:
    record = plain_record()
    record["relations"][0]["head_span"]["start"] = 1
    with pytest.raises(ValidationError, match=r"record\.relations\[0\]: relation must name"):
        record_to_document(record)
