"""The bundled seed gold keeps its invariants, and gold/seeds.jsonl matches gold/source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from zitat.gold.anchors import build_gold
from zitat.io import document_to_record, read_documents
from zitat.schema import AnnotatedDocument, TargetInventory

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "gold"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
HEADER = " date 2022-01 "


@pytest.fixture(scope="module")
def docs() -> list[AnnotatedDocument]:
    documents, report = read_documents(GOLD / "seeds.jsonl")
    assert report.ok
    return documents


@pytest.fixture(scope="module")
def inventory() -> TargetInventory:
    return TargetInventory.load(GOLD / "targets.yaml")


def test_five_documents_named_by_corpus_stems(docs: list[AnnotatedDocument]) -> None:
    stems = sorted(p.stem for p in (GOLD / "corpus").glob("*.txt"))
    assert len(stems) == 5
    assert [d.id for d in docs] == stems


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not on this machine")
def test_corpus_is_byte_identical_to_the_shared_seeds() -> None:
    ours = sorted((GOLD / "corpus").glob("*.txt"))
    assert [p.name for p in ours] == sorted(p.name for p in SHARED_SEEDS.glob("*.txt"))
    for path in ours:
        assert path.read_bytes() == (SHARED_SEEDS / path.name).read_bytes(), path.name


def test_texts_are_the_corpus_files(docs: list[AnnotatedDocument]) -> None:
    for doc in docs:
        assert doc.text == (GOLD / "corpus" / f"{doc.id}.txt").read_bytes().decode("utf-8")


def test_seeds_jsonl_is_what_the_sources_build(docs: list[AnnotatedDocument]) -> None:
    built = build_gold(GOLD / "source", GOLD / "corpus")
    assert [d.id for d in built] == [d.id for d in docs]
    lines = (GOLD / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    for doc, line in zip(built, lines, strict=True):
        assert document_to_record(doc) == json.loads(line), f"{doc.id}: run write_gold again"


def test_every_span_lies_inside_its_text(docs: list[AnnotatedDocument]) -> None:
    for doc in docs:
        ann = doc.annotations
        spans = [
            s for q in ann.quotes for s in (*q.spans, *q.cue, *q.frame, *q.speaker, *q.addressee)
        ]
        spans += [m for e in ann.entities for m in e.mentions]
        spans += [e for s in ann.stances for e in s.evidence]
        for span in spans:
            assert 0 <= span.start < span.end <= len(doc.text)
            assert doc.text[span.start : span.end].strip(), (doc.id, span)


def test_every_quote_is_typed_and_attributed_or_explicitly_not(
    docs: list[AnnotatedDocument],
) -> None:
    for doc in docs:
        entities = {e.id: e for e in doc.annotations.entities}
        source = yaml.safe_load((GOLD / "source" / f"{doc.id}.yaml").read_text(encoding="utf-8"))
        written = {item["id"]: item for item in source["quotes"]}
        assert doc.annotations.quotes, doc.id
        for q in doc.annotations.quotes:
            # the schema defaults a missing medium to "speech": the source must say it
            assert written[q.id].get("type") == q.type.value, (doc.id, q.id)
            assert written[q.id].get("medium") == q.medium.value, (doc.id, q.id)
            if q.entity is None:
                assert not q.speaker, f"{doc.id} {q.id}: unattributed but has a speaker"
            else:
                assert q.entity in entities
                assert set(q.speaker) <= set(entities[q.entity].mentions), (doc.id, q.id)


def test_roles_belong_to_a_quote_and_parents_exist(docs: list[AnnotatedDocument]) -> None:
    for doc in docs:
        ids = {q.id for q in doc.annotations.quotes}
        for q in doc.annotations.quotes:
            assert q.parent is None or q.parent in ids
            if q.cue and q.type.value != "reported":
                assert q.frame, f"{doc.id} {q.id}: a cue outside any frame"
            for cue in q.cue:
                inside = [*q.frame, *q.spans] if q.type.value == "reported" else q.frame
                assert any(f.contains(cue) for f in inside), (doc.id, q.id, cue)


def test_stances_point_to_quotes_and_declared_targets(
    docs: list[AnnotatedDocument], inventory: TargetInventory
) -> None:
    for doc in docs:
        ids = {q.id for q in doc.annotations.quotes}
        for s in doc.annotations.stances:
            assert s.quote in ids
            assert s.target in inventory.ids
            assert s.evidence


def test_stance_tasks_file_matches_the_stances(docs: list[AnnotatedDocument]) -> None:
    rows = [
        json.loads(line)
        for line in (GOLD / "seeds.stances.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    got = {
        (r["meta"]["doc_id"], r["meta"]["quote"], r["meta"]["target"], r["accept"][0]) for r in rows
    }
    want = {
        (d.id, s.quote, s.target, s.polarity.value) for d in docs for s in d.annotations.stances
    }
    assert got == want


def test_nothing_annotated_in_the_date_header_of_doc_002(
    docs: list[AnnotatedDocument],
) -> None:
    doc = next(d for d in docs if d.id.startswith("002_"))
    assert doc.text.startswith(HEADER)
    ann = doc.annotations
    spans = [s for q in ann.quotes for s in (*q.spans, *q.cue, *q.frame, *q.speaker, *q.addressee)]
    spans += [m for e in ann.entities for m in e.mentions]
    spans += [e for s in ann.stances for e in s.evidence]
    assert min(s.start for s in spans) >= len(HEADER)
