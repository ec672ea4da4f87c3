"""Pre-annotated Prodigy tasks: the shapes rel.manual and the choice interface expect."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from annotate_kit import (
    TEXT_A,
    TEXT_B,
    FixedExtractor,
    export,
    write_corpus,
    write_jsonl,
    write_targets,
    write_two_articles,
)

from zitat.annotate import PREANNOTATION_KEY, iter_corpus
from zitat.baselines import QuotationMarkExtractor
from zitat.errors import InputError, ValidationError
from zitat.io.hashing import input_hash, task_hash
from zitat.schema import TargetInventory
from zitat.testing import find_span


@pytest.fixture
def exported(tmp_path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], Any]:
    inventory = TargetInventory.load(write_targets(tmp_path / "targets.yaml"))
    return export(tmp_path, write_corpus(tmp_path / "corpus"), FixedExtractor, targets=inventory)


def test_corpus_folder_keeps_crlf_and_combining_characters(tmp_path: Path) -> None:
    docs = list(iter_corpus(write_corpus(tmp_path / "corpus")))
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert docs[0].text == TEXT_A
    assert "\r\n" in docs[0].text
    assert docs[1].text == TEXT_B
    assert "u\u0308" in docs[1].text


def test_corpus_jsonl_ids_and_errors(tmp_path: Path) -> None:
    good = write_jsonl(
        tmp_path / "docs.jsonl",
        [{"text": TEXT_A, "meta": {"doc_id": "x", "outlet": "dpa"}}, {"id": "y", "text": TEXT_B},
         {"text": "Ohne Kennung."}],
        newline="\r\n",
    )  # fmt: skip
    docs = list(iter_corpus(good))
    assert [d.id for d in docs] == ["x", "y", "docs-3"]
    assert docs[0].meta == {"outlet": "dpa"}
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"text": "Gut."}, {"txt": "Tippfehler"}])
    with pytest.raises(ValidationError, match=r"bad\.jsonl:2: record\.text"):
        list(iter_corpus(bad))
    twice = write_jsonl(
        tmp_path / "twice.jsonl", [{"id": "z", "text": "A."}, {"id": "z", "text": "B."}]
    )
    with pytest.raises(InputError, match="'z' occurs more than once"):
        list(iter_corpus(twice))


def test_quote_tasks_have_the_relations_interface_shape(exported: Any) -> None:
    tasks, _, _ = exported
    assert [t["meta"]["doc_id"] for t in tasks] == ["a", "b", "c"]
    for task in tasks:
        assert "zitat" not in task  # the saved spans and relations decide, not a stale copy
        assert "answer" not in task
        tokens = task["tokens"]
        assert [t["id"] for t in tokens] == list(range(len(tokens)))
        for tok in tokens:
            assert task["text"][tok["start"] : tok["end"]] == tok["text"]
        keys = [(s["start"], s["end"], s["label"]) for s in task["spans"]]
        assert len(keys) == len(set(keys))
        for s in task["spans"]:
            assert tokens[s["token_start"]]["start"] == s["start"]
            assert tokens[s["token_end"]]["end"] == s["end"]  # token_end inclusive
        for a in task["spans"]:
            for b in task["spans"]:
                assert a is b or a["end"] <= b["start"] or b["end"] <= a["start"]  # no overlap
        for rel in task["relations"]:
            assert rel["head_span"] in task["spans"]
            assert rel["child_span"] in task["spans"]
            assert rel["head"] == rel["head_span"]["token_end"]
            assert rel["child"] == rel["child_span"]["token_end"]
        assert task["_input_hash"] == input_hash(task)
        assert task["_task_hash"] == task_hash(task)


def test_what_is_shown_and_what_is_carried(exported: Any) -> None:
    tasks, _, summary = exported
    a = tasks[0]
    shown = {(a["text"][s["start"] : s["end"]], s["label"]) for s in a["spans"]}
    assert shown == {
        ("Russland werde „nicht angreifen 🙂“", "INDIRECT"),  # the outer quote wins
        ("Lawrow", "SPEAKER"),
        ("sagte", "CUE"),
        ("Er", "MENTION"),
    }
    arcs = {
        (a["text"][r["head_span"]["start"] : r["head_span"]["end"]], r["label"],
         a["text"][r["child_span"]["start"] : r["child_span"]["end"]])
        for r in a["relations"]
    }  # fmt: skip
    quote = "Russland werde „nicht angreifen 🙂“"
    assert arcs == {
        (quote, "SPEAKER", "Lawrow"),
        (quote, "CUE", "sagte"),
        ("Lawrow", "COREF", "Er"),
    }
    carried = a[PREANNOTATION_KEY]
    labels = sorted(label for _, _, label in carried["spans"])
    assert labels == ["CUE", "DIRECT", "FRAME", "INDIRECT", "MENTION", "SPEAKER"]
    assert summary.hidden_spans == 2  # the frame and the nested direct quote of a
    assert carried["structure"]["quotes"][0]["medium"] == "writing"
    assert "stances" not in carried["structure"]


def test_failed_document_is_reported_and_still_annotatable(exported: Any) -> None:
    tasks, _, summary = exported
    (failure,) = summary.failures
    assert (failure.doc_id, failure.status) == ("c", "error")
    assert "no rule for this text" in failure.error
    c = tasks[2]
    assert c["spans"] == []
    assert c["relations"] == []
    assert "failed: error" in c["meta"]["preannotated_by"]


def test_skip_failed_leaves_the_document_out(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    tasks, _, summary = export(tmp_path, corpus, FixedExtractor, targets=None, skip_failed=True)
    assert [t["meta"]["doc_id"] for t in tasks] == ["a", "b"]
    assert [f.doc_id for f in summary.failures] == ["c"]


def test_stance_tasks_are_choice_tasks(exported: Any) -> None:
    _, stances, summary = exported
    (task,) = stances  # the one proposed stance
    assert task["text"] == "Russland werde „nicht angreifen 🙂“"
    assert task["label"] == "Diplomatie und Dialog"
    assert [o["id"] for o in task["options"]] == ["favor", "against", "neutral", "none"]
    assert all(set(o) == {"id", "text"} for o in task["options"])
    assert task["accept"] == ["favor"]  # the proposal, pre-selected
    assert "answer" not in task
    assert task["meta"]["target"] == "diplomacy"
    (holder,) = task["zitat_stance"]["holders"]
    assert (holder["doc_id"], holder["quote"], holder["proposed"]) == ("a", "q1", "favor")
    evidence = find_span(TEXT_A, "nicht angreifen")
    assert holder["evidence"] == [[evidence.start, evidence.end]]
    assert summary.stance_tasks == summary.stance_questions == 1


def test_all_targets_asks_every_quote(tmp_path: Path) -> None:
    inventory = TargetInventory.load(write_targets(tmp_path / "targets.yaml"))
    corpus = write_corpus(tmp_path / "corpus")
    _, stances, summary = export(
        tmp_path, corpus, FixedExtractor, targets=inventory, all_targets=True
    )
    asked = {(t["meta"]["doc_id"], t["meta"]["quote"], t["meta"]["target"]) for t in stances}
    quotes = {("a", "q1"), ("a", "q2"), ("b", "q1")}
    assert asked == {(d, q, t) for d, q in quotes for t in ("diplomacy", "sanctions")}
    unanswered = [t for t in stances if "accept" not in t]
    assert len(unanswered) == len(asked) - 1 == summary.stance_tasks - 1


def test_same_quote_in_two_articles_is_asked_once(tmp_path: Path) -> None:
    corpus = write_two_articles(tmp_path / "corpus")
    inventory = TargetInventory.load(write_targets(tmp_path / "targets.yaml"))
    _, stances, summary = export(
        tmp_path, corpus, QuotationMarkExtractor, targets=inventory, all_targets=True
    )
    assert summary.stance_tasks == len(stances) == 2  # one per target
    assert summary.stance_questions == 4  # two quotes × two targets
    for task in stances:
        assert {h["doc_id"] for h in task["zitat_stance"]["holders"]} == {"afp", "dpa"}
        assert task["meta"]["occurrences"] == 2
    assert len({t["_task_hash"] for t in stances}) == 2
