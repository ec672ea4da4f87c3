"""Plain Prodigy output (spans and relations, no ``zitat`` key) rebuilt into quotes and entities."""

from __future__ import annotations

import re
from typing import Any

import pytest

from zitat.errors import ValidationError
from zitat.gold.bundled import bundled_gold_dir
from zitat.io import read_documents
from zitat.io.prodigy import document_to_record, record_to_document
from zitat.schema import AnnotatedDocument, Annotations, Quote, Span, SpeakerEntity
from zitat.testing import find_span
from zitat.text import make_document

TEXT = "Lawrow und Blinken sagten, man bleibe im Gespräch. Er lobte das Treffen."


def _plain(doc: AnnotatedDocument) -> dict[str, Any]:
    record = document_to_record(doc)
    del record["zitat"]
    return record


def _shape(ann: Annotations) -> tuple[list[Any], list[Any]]:
    """Quotes and entities without ids, names, kinds and media (what Prodigy can show)."""
    mentions = {e.id: tuple(e.mentions) for e in ann.entities}
    spans = {q.id: q.spans for q in ann.quotes}
    quotes = sorted(
        (
            q.spans,
            q.type.value,
            q.cue,
            q.frame,
            q.speaker,
            q.addressee,
            spans.get(q.parent or ""),
            mentions.get(q.entity or ""),
        )
        for q in ann.quotes
    )
    return quotes, sorted(mentions.values())


def test_seeds_gold_survives_without_the_zitat_key() -> None:
    docs, _ = read_documents(bundled_gold_dir() / "seeds.jsonl")
    for doc in docs:
        rebuilt = record_to_document(_plain(doc))
        assert _shape(rebuilt.annotations) == _shape(doc.annotations), doc.id
        assert rebuilt.annotations.stances == ()  # stances live in the choice tasks
        assert all(e.kind == "unknown" for e in rebuilt.annotations.entities)


def _shared_frame() -> AnnotatedDocument:
    def s(piece: str) -> Span:
        return find_span(TEXT, piece)

    frame = (s("Lawrow und Blinken sagten,"),)
    content = (s("man bleibe im Gespräch"),)
    return AnnotatedDocument(
        make_document("d", TEXT),
        Annotations(
            quotes=(
                Quote("q1", content, "indirect", cue=(s("sagten"),), frame=frame,
                      speaker=(s("Lawrow"),), entity="lawrow"),
                Quote("q2", content, "indirect", cue=(s("sagten"),), frame=frame,
                      speaker=(s("Blinken"),), entity="blinken"),
                Quote("q3", (s("das Treffen"),), "reported", cue=(s("lobte"),),
                      speaker=(s("Er"),), entity="blinken"),
            ),
            entities=(
                SpeakerEntity("lawrow", "Sergej Lawrow", mentions=(s("Lawrow"),)),
                SpeakerEntity("blinken", "Antony Blinken", mentions=(s("Blinken"), s("Er"))),
            ),
        ),
    )  # fmt: skip


def test_shared_frame_gives_one_quote_per_speaker_entity() -> None:
    doc = _shared_frame()
    record = _plain(doc)
    content = [s for s in record["spans"] if s["label"] == "INDIRECT"]
    assert len(content) == 1  # Prodigy sees the shared quote span once
    rebuilt = record_to_document(record).annotations
    assert _shape(rebuilt) == _shape(doc.annotations)
    by_speaker = {q.speaker[0].text_in(TEXT): q for q in rebuilt.quotes}
    assert set(by_speaker) == {"Lawrow", "Blinken", "Er"}
    assert by_speaker["Blinken"].entity == by_speaker["Er"].entity != by_speaker["Lawrow"].entity
    names = {e.name for e in rebuilt.entities}
    assert names == {"Lawrow", "Blinken"}  # the first mention names the entity


def test_role_arc_drawn_backwards_is_understood() -> None:
    record = _plain(_shared_frame())
    for rel in record["relations"]:
        if rel["label"] == "CUE":
            rel["head_span"], rel["child_span"] = rel["child_span"], rel["head_span"]
            rel["head"], rel["child"] = rel["child"], rel["head"]
    rebuilt = record_to_document(record).annotations
    assert {q.cue[0].text_in(TEXT) for q in rebuilt.quotes} == {"sagten", "lobte"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["relations"][0].update(label="SAID_BY"), r"relations\[0\]\.label: unknown"),
        (
            lambda r: r["relations"][0].update(child_span=r["relations"][0]["head_span"]),
            r"relations\[0\]: a \w+ relation joins a quote span and a \w+ span",
        ),
    ],
)
def test_bad_relations_name_the_relation(change: Any, message: str) -> None:
    record = _plain(_shared_frame())
    change(record)
    with pytest.raises(ValidationError, match=message):
        record_to_document(record)


def test_coref_must_join_mentions() -> None:
    record = _plain(_shared_frame())
    quote = next(s for s in record["spans"] if s["label"] == "REPORTED")
    cue = next(s for s in record["spans"] if s["label"] == "CUE")
    record["relations"].append(
        {"head": 0, "child": 0, "head_span": quote, "child_span": cue, "label": "COREF"}
    )
    where = re.escape(f"record.relations[{len(record['relations']) - 1}]")
    with pytest.raises(ValidationError, match=rf"{where}: a COREF relation joins two"):
        record_to_document(record)


def test_nested_in_two_quotes_is_an_error() -> None:
    record = _plain(_shared_frame())
    spans = {s["label"]: s for s in record["spans"]}
    inner = {"start": 27, "end": 30, "label": "DIRECT"}  # "man"
    record["spans"].append(inner)
    for outer in (spans["INDIRECT"], spans["REPORTED"]):
        record["relations"].append(
            {"head": 0, "child": 0, "head_span": inner, "child_span": outer, "label": "NESTED_IN"}
        )
    with pytest.raises(ValidationError, match="nested in two different quotes"):
        record_to_document(record)
