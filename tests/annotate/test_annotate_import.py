"""Prodigy db-out back into gold: answers, annotators, duplicates, edits and broken records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from annotate_kit import (
    TEXT_A,
    TEXT_B,
    FixedExtractor,
    add_relation,
    annotations_a,
    annotations_b,
    answered,
    existing_span,
    export,
    prodigy_span,
    read_jsonl,
    remove_span,
    write_corpus,
    write_jsonl,
    write_targets,
    write_two_articles,
)

from zitat.annotate import import_db_out
from zitat.baselines import QuotationMarkExtractor
from zitat.errors import InputError
from zitat.gold.folder import load_gold_path
from zitat.io import read_documents, write_documents
from zitat.io.prodigy import document_to_record
from zitat.schema import AnnotatedDocument, Medium, QuoteType, Stance, TargetInventory
from zitat.testing import find_span
from zitat.text import make_document


class Setup:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.targets = write_targets(tmp_path / "targets.yaml")
        tasks, stances, _ = export(
            tmp_path,
            write_corpus(tmp_path / "corpus"),
            FixedExtractor,
            targets=TargetInventory.load(self.targets),
        )
        self.task = {t["meta"]["doc_id"]: t for t in tasks}
        (self.stance,) = stances

    def stance_answer(self, choice: str | None = None, **kw: Any) -> dict[str, Any]:
        done = answered(self.stance, dataset="zitat_stances", **kw)
        if choice is not None:
            done["accept"] = [choice]
        return done

    def run(self, records: list[Any], name: str = "db.jsonl", **kw: Any) -> Any:
        db = write_jsonl(self.tmp / name, records)
        return import_db_out([db], self.tmp / "out", targets=self.targets, **kw)

    def gold(self, annotator: str) -> dict[str, AnnotatedDocument]:
        docs, _ = read_documents(self.tmp / "out" / annotator / "gold.jsonl")
        return {d.id: d for d in docs}


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


def reasons(report: Any, annotator: str | None = None) -> list[tuple[str, str]]:
    return [
        (i.reason, i.kind) for i in report.issues if annotator is None or i.annotator == annotator
    ]


def test_unedited_round_trip_is_the_preannotation(setup: Setup) -> None:
    records = [answered(setup.task[d]) for d in "abc"] + [setup.stance_answer()]
    report = setup.run(records)
    assert report.issues == []
    assert list(report.annotators) == ["alice"]  # dataset prefixes stripped
    gold = setup.gold("alice")
    assert sorted(gold) == ["a", "b", "c"]
    assert gold["a"].text == TEXT_A  # CRLF kept
    assert gold["b"].text == TEXT_B  # combining diaeresis kept
    expected = annotations_a(TEXT_A)
    assert gold["a"].annotations == expected  # frame, nested quote, medium, entity, stance
    assert gold["b"].annotations == annotations_b(TEXT_B)
    assert gold["c"].annotations.quotes == ()
    bundle = load_gold_path(setup.tmp / "out" / "alice")
    assert [a.stance for a in bundle.stance_answers] == list(expected.stances)
    assert bundle.targets is not None
    assert gold["a"].document.meta["prodigy"]["_annotator_id"] == "zitat_quotes-alice"


def test_edit_elsewhere_keeps_what_was_not_shown(setup: Setup) -> None:
    task = answered(setup.task["a"])
    content = prodigy_span(task, "von einem Erfolg", "REPORTED")
    add_relation(task, content, prodigy_span(task, "sprach", "CUE"), "CUE")
    setup.run([task])
    ann = setup.gold("alice")["a"].annotations
    by_id = {q.id: q for q in ann.quotes}
    assert set(by_id) == {"q1", "q2", "q3"}
    assert by_id["q1"].frame == (find_span(TEXT_A, "Lawrow sagte,"),)  # restored
    assert by_id["q1"].medium == Medium.WRITING
    assert by_id["q2"].parent == "q1"  # the nested quote, never shown, restored
    new = by_id["q3"]
    assert (new.type, new.spans, new.cue) == (
        QuoteType.REPORTED,
        (find_span(TEXT_A, "von einem Erfolg"),),
        (find_span(TEXT_A, "sprach"),),
    )
    (entity,) = ann.entities
    assert (entity.name, entity.kind, entity.external_id) == ("Sergej Lawrow", "person", "Q4")


def test_changed_roles_drop_the_hidden_frame(setup: Setup) -> None:
    task = answered(setup.task["a"])
    remove_span(task, "sagte", "CUE")
    quote = existing_span(task, "Russland werde „nicht angreifen 🙂“", "INDIRECT")
    add_relation(task, quote, prodigy_span(task, "warnte", "CUE"), "CUE")
    report = setup.run([task])
    q1 = next(q for q in setup.gold("alice")["a"].annotations.quotes if q.id == "q1")
    assert q1.cue == (find_span(TEXT_A, "warnte"),)
    assert q1.frame == ()  # the old frame held the old cue: not restored
    assert q1.medium == Medium.WRITING  # the quote is the same: its medium stays
    assert report.annotators["alice"].notes == {"quotes not shown, restored": 1}  # q2


def test_removed_quote_takes_its_hidden_child_and_stance_along(setup: Setup) -> None:
    task = answered(setup.task["a"])
    remove_span(task, "Russland werde „nicht angreifen 🙂“", "INDIRECT")
    report = setup.run([task, setup.stance_answer()])
    ann = setup.gold("alice")["a"].annotations
    assert ann.quotes == ()
    assert report.annotators["alice"].notes["quotes not shown, left out"] == 1
    (issue,) = report.issues
    assert (issue.reason, issue.kind) == ("unattached", "stances")
    assert "'q1' is not in the imported document" in issue.detail
    assert issue.where.endswith("db.jsonl:2")


def test_no_restore_keeps_only_what_was_shown(setup: Setup) -> None:
    setup.run([answered(setup.task["a"])], restore=False)
    ann = setup.gold("alice")["a"].annotations
    (quote,) = ann.quotes
    assert quote.id == "q1"
    assert quote.frame == ()
    assert quote.medium == Medium.WRITING


def test_reject_and_ignore(setup: Setup) -> None:
    records = [
        answered(setup.task["a"], "reject", annotator="bob"),
        answered(setup.task["b"], "ignore", annotator="bob"),
        answered(setup.task["c"], annotator="bob"),
        setup.stance_answer(annotator="bob"),
    ]
    report = setup.run(records)
    assert sorted(setup.gold("bob")) == ["c"]
    assert reasons(report) == [
        ("rejected", "quotes"),
        ("ignored", "quotes"),
        ("unattached", "stances"),
    ]
    summary = report.to_json()["annotators"]["bob"]
    assert summary["skipped"]["quotes"] == {"ignored": 1, "rejected": 1}
    assert summary["documents"] == 1


def test_rejected_stance_is_not_gold(setup: Setup) -> None:
    report = setup.run([answered(setup.task["a"]), setup.stance_answer(answer="reject")])
    assert setup.gold("alice")["a"].annotations.stances == ()
    assert reasons(report) == [("rejected", "stances")]
    assert not (setup.tmp / "out" / "alice" / "gold.stances.jsonl").exists()


def test_changed_polarity_drops_the_evidence(setup: Setup) -> None:
    report = setup.run([answered(setup.task["a"]), setup.stance_answer("against")])
    (stance,) = setup.gold("alice")["a"].annotations.stances
    assert stance == Stance("diplomacy", "against", quote="q1")
    assert report.annotators["alice"].notes["stance evidence dropped (polarity changed)"] == 1
    (written,) = read_jsonl(setup.tmp / "out" / "alice" / "gold.stances.jsonl")
    assert (written["accept"], written["answer"]) == (["against"], "accept")
    assert written["meta"]["quote"] == "q1"


def test_none_answer_is_kept_as_an_answer_not_a_stance(setup: Setup) -> None:
    setup.run([answered(setup.task["a"]), setup.stance_answer("none")])
    assert setup.gold("alice")["a"].annotations.stances == ()
    bundle = load_gold_path(setup.tmp / "out" / "alice")
    (answer,) = bundle.stance_answers
    assert (answer.doc_id, answer.quote, answer.stance) == ("a", "q1", None)


def test_two_annotators_are_kept_apart(setup: Setup) -> None:
    bob_b = answered(setup.task["b"], annotator="bob")
    remove_span(bob_b, "»Das ist ein Erfolg.«", "DIRECT")
    carol = answered(setup.task["a"], annotator="carol")
    del carol["_annotator_id"]  # older Prodigy: only the session id
    records = [answered(setup.task["b"]), bob_b, carol]
    report = setup.run(records)
    assert sorted(report.annotators) == ["alice", "bob", "carol"]
    assert len(setup.gold("alice")["b"].annotations.quotes) == 1
    assert setup.gold("bob")["b"].annotations.quotes == ()
    assert sorted(setup.gold("carol")) == ["a"]
    for name in ("alice", "bob", "carol"):
        load_gold_path(setup.tmp / "out" / name)


def _twice(setup: Setup) -> list[dict[str, Any]]:
    """alice accepts a late (t=200) on line 1 and rejected it earlier (t=100) on line 2."""
    return [
        answered(setup.task["a"], "accept", timestamp=200),
        answered(setup.task["a"], "reject", timestamp=100),
    ]


def test_duplicates_latest_follows_the_timestamp(setup: Setup) -> None:
    report = setup.run(_twice(setup))
    assert sorted(setup.gold("alice")) == ["a"]  # t=200 (accept) wins over line order
    (dup,) = report.duplicates
    assert (dup.kept.split(":")[-1], [d.split(":")[-1] for d in dup.dropped]) == ("1", ["2"])
    assert dup.rule == "latest, by _timestamp"
    assert reasons(report) == [("duplicate", "quotes")]


def test_duplicates_first(setup: Setup) -> None:
    report = setup.run(_twice(setup), duplicates="first")
    assert not (setup.tmp / "out" / "alice").exists()  # the earlier answer: reject
    assert reasons(report) == [("duplicate", "quotes"), ("rejected", "quotes")]
    assert report.duplicates[0].kept.endswith(":2")


def test_duplicates_without_timestamps_follow_the_input_order(setup: Setup) -> None:
    records = [
        answered(setup.task["a"], "reject", timestamp=None),
        answered(setup.task["a"], "accept", timestamp=None),
    ]
    report = setup.run(records)
    assert sorted(setup.gold("alice")) == ["a"]
    assert report.duplicates[0].rule == "latest, by position in the input"


def test_duplicates_error_writes_nothing(setup: Setup) -> None:
    with pytest.raises(InputError, match=r"alice \(quotes, task hash") as info:
        setup.run(_twice(setup), duplicates="error")
    assert "db.jsonl:1" in str(info.value)
    assert "db.jsonl:2" in str(info.value)
    assert not (setup.tmp / "out").exists()


def test_same_document_under_another_task_hash_is_a_duplicate(setup: Setup) -> None:
    edited = answered(setup.task["b"], timestamp=300)
    edited["_task_hash"] = 12345  # e.g. exported again with another extractor
    report = setup.run([answered(setup.task["b"], timestamp=100), edited])
    (dup,) = report.duplicates
    assert dup.key == "same question b"
    assert dup.kept.endswith(":2")


def test_ignore_does_not_override_an_answer(setup: Setup) -> None:
    records = [
        answered(setup.task["a"], "accept", timestamp=100),
        answered(setup.task["a"], "ignore", timestamp=200),
    ]
    report = setup.run(records)
    assert sorted(setup.gold("alice")) == ["a"]
    assert report.duplicates == []
    assert reasons(report) == [("ignored", "quotes")]


def test_broken_records_are_reported_with_file_line_and_field(setup: Setup) -> None:
    outside = answered(setup.task["b"])
    outside["spans"].append({"start": 5, "end": 999, "label": "DIRECT"})
    bad_arc = answered(setup.task["a"], annotator="bob")
    bad_arc["relations"][0]["label"] = "SAYS"
    no_choice = setup.stance_answer()
    no_choice["accept"] = []
    db = setup.tmp / "db.jsonl"
    lines = [json.dumps(answered(setup.task["c"])), "{not json", json.dumps(outside),
             json.dumps(bad_arc), json.dumps(no_choice), "[1, 2]"]  # fmt: skip
    db.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    report = import_db_out([db], setup.tmp / "out", targets=setup.targets)
    invalid = [(i.line, i.detail) for i in report.issues if i.reason == "invalid"]
    assert [line for line, _ in invalid] == [2, 3, 4, 5, 6]
    details = dict(invalid)
    assert "db.jsonl:2: malformed JSON" in details[2]
    assert "db.jsonl:3: record.spans[" in details[3]
    assert "lies outside the text" in details[3]
    assert "db.jsonl:4: record.relations[0].label: unknown relation label 'SAYS'" in details[4]
    assert "db.jsonl:5: choice task.accept: expected exactly one of" in details[5]
    assert "expected a JSON object, got list" in details[6]
    assert report.invalid == 5
    assert sorted(setup.gold("alice")) == ["c"]  # the good record still counts


def test_unknown_target_is_invalid(setup: Setup) -> None:
    stance = setup.stance_answer()
    stance["meta"]["target"] = "weather"
    report = setup.run([answered(setup.task["a"]), stance])
    (issue,) = report.issues
    assert issue.reason == "invalid"
    assert "meta.target: unknown target 'weather'" in issue.detail


def test_gold_record_with_zitat_key_is_taken_as_is_unless_edited(tmp_path: Path) -> None:
    doc = AnnotatedDocument(make_document("g", TEXT_A), annotations_a(TEXT_A))
    faithful = answered(document_to_record(doc), annotator="rev")
    edited = answered(document_to_record(doc), annotator="ed")
    edited["spans"] = [s for s in edited["spans"] if s["label"] != "DIRECT"]
    edited["relations"] = [
        r
        for r in edited["relations"]
        if "DIRECT" not in (r["head_span"]["label"], r["child_span"]["label"])
    ]
    db = write_jsonl(tmp_path / "db.jsonl", [faithful, edited])
    report = import_db_out([db], tmp_path / "out")
    rev, _ = read_documents(tmp_path / "out" / "rev" / "gold.jsonl")
    assert rev[0].annotations == annotations_a(TEXT_A).with_(stances=())
    notes = report.annotators["rev"].notes
    assert notes["stances of a zitat key left out (they come from choice tasks)"] == 1
    ed, _ = read_documents(tmp_path / "out" / "ed" / "gold.jsonl")
    assert [q.type for q in ed[0].annotations.quotes] == [QuoteType.INDIRECT]
    assert (
        report.annotators["ed"].notes["zitat key disagreed with the saved spans: rebuilt from them"]
        == 1
    )


def test_one_answer_for_a_quote_in_two_articles(tmp_path: Path) -> None:
    targets = write_targets(tmp_path / "targets.yaml")
    tasks, stances, _ = export(
        tmp_path,
        write_two_articles(tmp_path / "corpus"),
        QuotationMarkExtractor,
        targets=TargetInventory.load(targets),
        all_targets=True,
    )
    quotes = [answered(t) for t in tasks]
    diplomacy = next(t for t in stances if t["meta"]["target"] == "diplomacy")
    done = answered(diplomacy, dataset="zitat_stances")
    done["accept"] = ["favor"]
    db = write_jsonl(tmp_path / "db.jsonl", [*quotes, done])
    report = import_db_out([db], tmp_path / "out", targets=targets)
    assert report.issues == []
    gold = {d.id: d for d in read_documents(tmp_path / "out" / "alice" / "gold.jsonl")[0]}
    for doc in gold.values():
        (stance,) = doc.annotations.stances
        assert (stance.target, stance.polarity) == ("diplomacy", "favor")
    assert len(load_gold_path(tmp_path / "out" / "alice").stance_answers) == 2


def test_written_gold_reads_back_identically(setup: Setup) -> None:
    setup.run([answered(setup.task[d]) for d in "ab"] + [setup.stance_answer()])
    path = setup.tmp / "out" / "alice" / "gold.jsonl"
    docs, _ = read_documents(path)
    write_documents(setup.tmp / "again.jsonl", docs)
    assert (setup.tmp / "again.jsonl").read_bytes() == path.read_bytes()


def test_new_boundaries_keep_the_quote_id_for_its_stance(setup: Setup) -> None:
    task = answered(setup.task["a"])
    remove_span(task, "Russland werde „nicht angreifen 🙂“", "INDIRECT")
    shorter = prodigy_span(task, "Russland werde „nicht angreifen", "INDIRECT")
    add_relation(task, shorter, existing_span(task, "Lawrow", "SPEAKER"), "SPEAKER")
    add_relation(task, shorter, existing_span(task, "sagte", "CUE"), "CUE")
    report = setup.run([task, setup.stance_answer()])
    (quote,) = setup.gold("alice")["a"].annotations.quotes  # the nested one lost its context
    assert quote.id == "q1"
    assert quote.spans == (find_span(TEXT_A, "Russland werde „nicht angreifen"),)
    assert quote.frame == ()
    assert quote.entity == "lawrow"
    (stance,) = setup.gold("alice")["a"].annotations.stances
    assert stance.quote == "q1"
    assert reasons(report) == []


def test_new_speaker_becomes_a_new_entity(setup: Setup) -> None:
    task = answered(setup.task["a"])
    remove_span(task, "Er", "MENTION")
    speaker = prodigy_span(task, "Er", "SPEAKER")
    quote = prodigy_span(task, "von einem Erfolg", "REPORTED")
    add_relation(task, quote, speaker, "SPEAKER")
    setup.run([task])
    ann = setup.gold("alice")["a"].annotations
    entities = {e.id: e for e in ann.entities}
    assert set(entities) == {"lawrow", "e1"}
    assert entities["lawrow"].mentions == (find_span(TEXT_A, "Lawrow"),)  # the annotator's choice
    assert entities["lawrow"].name == "Sergej Lawrow"
    assert (entities["e1"].name, entities["e1"].kind) == ("Er", "unknown")
    new = next(q for q in ann.quotes if q.type == QuoteType.REPORTED)
    assert new.entity == "e1"


def test_prodigy_tokens_are_replaced_by_zitats(setup: Setup) -> None:
    """rel.manual with blank:de keeps whitespace tokens; the offsets decide, not the tokens."""
    import spacy

    task = answered(setup.task["a"])
    doc = spacy.blank("de")(task["text"])
    task["tokens"] = [
        {
            "text": t.text,
            "start": t.idx,
            "end": t.idx + len(t),
            "id": t.i,
            "ws": bool(t.whitespace_),
        }
        for t in doc
    ]
    assert any(t.is_space for t in doc)  # the CRLF is a token of its own here
    for s in task["spans"]:
        s["token_start"] = next(t.i for t in doc if t.idx == s["start"])
        s["token_end"] = next(t.i for t in doc if t.idx + len(t.text) == s["end"])
    for r in task["relations"]:
        for key in ("head_span", "child_span"):
            r[key] = next(s for s in task["spans"] if s["start"] == r[key]["start"]
                          and s["label"] == r[key]["label"])  # fmt: skip
    report = setup.run([task])
    assert report.issues == []
    gold = setup.gold("alice")["a"]
    assert all(t.text.strip() for t in gold.document.tokens)
    assert gold.document.sentences != ()
    assert gold.annotations.quotes == annotations_a(TEXT_A).quotes
