"""Lossless round trips: Prodigy records, JSONL files, datasets and stance choice tasks."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from zitat.io import read_documents, write_documents
from zitat.io.hf import from_dataset, to_dataset
from zitat.io.jsonl import write_records
from zitat.io.prodigy import document_to_record, record_to_document
from zitat.io.stance_tasks import iter_stance_answers, stance_tasks, stances_by_document
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    EntityKind,
    Medium,
    Polarity,
    Quote,
    QuoteType,
    Span,
    SpeakerEntity,
    Stance,
    Target,
    TargetInventory,
)
from zitat.text import make_document

WORDS = [
    "Blinken", "sagte", "Lawrow", "erklärte", ",", ".", ":", "„Wir", "reden", "weiter.“",
    "»Nein«", "Äußerung", "über", "Grüße", "Straße", "Öl", "z. B.", "Dr.", "1.", "Januar",
    "😀", "👍🏽", "🇺🇦", "—", "(dpa)", "\n", "\n\n", "‚so‘", "\"Moskau\"", "l'État", "5,5 %",
]  # fmt: skip
TARGETS = ["nato-expansion", "diplomacy", "sanctions", "weapons-to-ukraine"]
make_document("warm-up", "Erst laden. Dann testen.")  # load spaCy and pysbd outside strategies
PROFILE = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

texts = st.lists(st.sampled_from(WORDS), min_size=2, max_size=40).map(" ".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**9), 10**9) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
metas = st.dictionaries(
    st.text(min_size=1, max_size=10).filter(lambda k: k not in {"doc_id", "prodigy"}),
    json_values,
    max_size=4,
)


@st.composite
def spans_in(draw: st.DrawFn, text: str, min_size: int = 0, max_size: int = 3) -> tuple[Span, ...]:
    """Random spans of ``text`` that cover some non-whitespace (may cut through tokens)."""
    solid = [i for i, ch in enumerate(text) if not ch.isspace()]
    out = []
    for _ in range(draw(st.integers(min_size, max_size))):
        anchor = draw(st.sampled_from(solid))
        start = draw(st.integers(max(0, anchor - 15), anchor))
        end = draw(st.integers(anchor + 1, min(len(text), anchor + 25)))
        out.append(Span(start, end))
    return tuple(out)


@st.composite
def annotated_documents(draw: st.DrawFn, doc_id: str | None = None) -> AnnotatedDocument:
    """A valid, prepared document with quotes, entities, stances and meta."""
    text = draw(texts.filter(lambda t: t.strip()))
    ident = doc_id or draw(st.text(min_size=1, max_size=12).filter(str.strip))
    doc = make_document(ident, text, draw(metas))
    entities = [
        SpeakerEntity(
            id=f"e{i}",
            name=draw(st.sampled_from(["Antony Blinken", "Sergej Lawrow", "Kreml", "Grüne"])),
            kind=draw(st.sampled_from(EntityKind)),
            mentions=draw(spans_in(text)),
            external_id=draw(st.none() | st.sampled_from(["Q123", "Q42"])),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    quotes: list[Quote] = []
    for i in range(draw(st.integers(0, 5))):
        quotes.append(
            Quote(
                id=f"q{i}-ä",
                spans=draw(spans_in(text, 1, 3)),
                type=draw(st.sampled_from(QuoteType)),
                medium=draw(st.sampled_from(Medium)),
                cue=draw(spans_in(text, 0, 2)),
                frame=draw(spans_in(text, 0, 2)),
                speaker=draw(spans_in(text, 0, 2)),
                addressee=draw(spans_in(text, 0, 1)),
                entity=draw(st.none() | st.sampled_from([e.id for e in entities] or [None])),
                parent=draw(st.none() | st.sampled_from([q.id for q in quotes] or [None])),
            )
        )
    holders = [("quote", q.id) for q in quotes] + [("entity", e.id) for e in entities]
    stances = []
    seen = set()
    for _ in range(draw(st.integers(0, 3)) if holders else 0):
        kind, holder = draw(st.sampled_from(holders))
        target = draw(st.sampled_from(TARGETS))
        if (holder, target) in seen:  # one stance per holder and target
            continue
        seen.add((holder, target))
        stances.append(
            Stance(
                target=target,
                polarity=draw(st.sampled_from(Polarity)),
                evidence=draw(spans_in(text, 0, 2)),
                **{kind: holder},
            )
        )
    return AnnotatedDocument(doc, Annotations(tuple(quotes), tuple(entities), tuple(stances)))


@st.composite
def corpora(draw: st.DrawFn, max_size: int = 3) -> list[AnnotatedDocument]:
    n = draw(st.integers(1, max_size))
    return [draw(annotated_documents(doc_id=f"doc-{i}")) for i in range(n)]


def through_json(record: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(record, ensure_ascii=False))  # type: ignore[no-any-return]


@PROFILE
@given(annotated_documents())
def test_prodigy_record_roundtrip(doc: AnnotatedDocument) -> None:
    record = document_to_record(doc)
    again = record_to_document(through_json(record))
    assert again == doc
    assert document_to_record(again) == record  # stable: same record, same hashes


@settings(PROFILE, max_examples=30)
@given(corpora())
def test_jsonl_file_roundtrip(docs: list[AnnotatedDocument]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gold.jsonl"
        assert write_documents(path, docs) == len(docs)
        again, report = read_documents(path)
    assert again == docs
    assert report.read == len(docs)
    assert report.ok


@settings(PROFILE, max_examples=10)
@given(corpora())
def test_datasets_roundtrip(docs: list[AnnotatedDocument]) -> None:
    dataset = to_dataset(docs)
    assert dataset.num_rows == len(docs)
    assert list(from_dataset(dataset)) == docs


@settings(PROFILE, max_examples=3)
@given(corpora(max_size=2))
def test_datasets_roundtrip_on_disk(docs: list[AnnotatedDocument]) -> None:
    from datasets import load_from_disk

    with tempfile.TemporaryDirectory() as tmp:
        to_dataset(docs).save_to_disk(tmp)
        assert list(from_dataset(load_from_disk(tmp))) == docs


@settings(PROFILE, max_examples=30)
@given(corpora())
def test_stance_choice_tasks_roundtrip(docs: list[AnnotatedDocument]) -> None:
    assume(any(d.annotations.stances for d in docs))  # an empty file is an error by design
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gold.stances.jsonl"
        write_records(path, stance_tasks(docs))
        answers = list(iter_stance_answers(path))
    expected = {d.id: list(d.annotations.stances) for d in docs if d.annotations.stances}
    assert stances_by_document(answers) == expected


def test_stance_tasks_for_annotation_read_back_only_answers(tmp_path: Path) -> None:
    doc = make_document("d1", "Blinken sagte: „Wir reden weiter.“")
    gold = AnnotatedDocument(
        doc,
        Annotations(
            quotes=(Quote("q1", (Span(15, 34),), QuoteType.DIRECT),),
            stances=(Stance("diplomacy", Polarity.FAVOR, quote="q1"),),
        ),
    )
    inventory = TargetInventory((Target("diplomacy", "Diplomatie"), Target("nato", "NATO")))
    tasks = list(stance_tasks([gold], inventory=inventory, all_targets=True))
    assert [t["meta"]["target"] for t in tasks] == ["diplomacy", "nato"]
    assert tasks[0]["accept"] == ["favor"]
    assert "accept" not in tasks[1]
    assert tasks[0]["label"] == "Diplomatie"
    assert {o["id"] for o in tasks[0]["options"]} == {"favor", "against", "neutral", "none"}
    path = tmp_path / "tasks.jsonl"
    write_records(path, tasks)
    answers = list(iter_stance_answers(path))
    assert [(a.target, a.stance) for a in answers] == [("diplomacy", gold.annotations.stances[0])]


def test_stance_none_answer_and_rejected_task(tmp_path: Path) -> None:
    base = {"text": "x", "meta": {"doc_id": "d1", "quote": "q1", "target": "nato"}}
    path = tmp_path / "answers.jsonl"
    write_records(
        path,
        [
            {**base, "accept": ["none"], "answer": "accept"},
            {**base, "accept": ["favor"], "answer": "reject"},
            {**base, "accept": ["against"], "answer": "accept"},
        ],
    )
    answers = list(iter_stance_answers(path))
    assert [a.stance.polarity if a.stance else None for a in answers] == [None, Polarity.AGAINST]
    assert stances_by_document(answers) == {"d1": [Stance("nato", "against", quote="q1")]}
