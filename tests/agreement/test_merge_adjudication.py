"""Merging two annotators of ``agreekit``: what is kept, the conflicts, decisions, ids."""

from __future__ import annotations

from typing import Any

import pytest
from agreekit import TEXT1, two_annotators

from zitat.agreement import Decision, MergeResult, merge, worklist_markdown, worklist_tasks
from zitat.schema import AnnotatedDocument, Annotations


def _doc(result: MergeResult, doc_id: str) -> AnnotatedDocument:
    return next(d for d in result.documents if d.id == doc_id)


def _texts(doc: AnnotatedDocument) -> dict[str, str]:
    return {q.id: q.text_in(doc.text) for q in doc.annotations.quotes}


@pytest.fixture(scope="module")
def first() -> MergeResult:
    return merge(two_annotators())


def test_agreed_quotes_stances_and_entities_are_kept(first: MergeResult) -> None:
    d1 = _doc(first, "d1")
    # Only q1 and q2 are equal in everything (ids differ: anna's win the tie).
    assert _texts(d1) == {"q1": "„Wir bleiben im Gespräch.“", "q2": "Moskau warte auf Antworten"}
    assert [q.entity for q in d1.annotations.quotes] == ["minister", "lawrow"]
    # q5's russian-invasion stance is agreed, but q5 itself is open, so it waits.
    assert [(s.quote, s.target, s.polarity.value) for s in d1.annotations.stances] == [
        ("q1", "diplomacy", "favor")
    ]
    # Entities every annotator has are kept; Selenskyj and the Wirt (anna only, no kept
    # quote) are not. Lawrow's name is disputed: anna's spelling until decided.
    names = {e.id: e.name for e in d1.annotations.entities}
    assert names == {
        "minister": "Die Ministerin",
        "lawrow": "Sergej Lawrow",
        "blinken": "Antony Blinken",
        "sprecher": "Sprecher",
        "baerbock": "Annalena Baerbock",
    }
    assert d1.document.meta["merged_from"] == ["anna", "ben"]
    assert first.entity_ids["d1"]["lawrow"] == {"anna": "lawrow", "ben": "e2"}
    assert first.quote_ids["d1"]["q7"] == {"anna": "q7", "ben": "z7"}
    assert _texts(_doc(first, "d2")) == {"q1": "„Wir helfen.“"}
    assert first.agreed == {"quote": 3, "stance": 1, "entity": 5, "entity-stance": 0}


def test_a_document_of_one_annotator_is_left_out_unless_kept(first: MergeResult) -> None:
    assert first.single == ("d3",)
    assert [d.id for d in first.documents] == ["d1", "d2"]
    kept = merge(two_annotators(), keep_single=True)
    assert [d.id for d in kept.documents] == ["d1", "d2", "d3"]
    assert _texts(_doc(kept, "d3")) == {"q1": "es gebe keinen Plan"}


def test_conflicts_list_every_disagreement(first: MergeResult) -> None:
    found = [(c.key, c.fields) for c in first.conflicts]
    # In text order: Lawrow's first mention comes before his quote.
    assert found == [
        ("entity:lawrow", ("name",)),
        ("stance:q2:security-guarantees", ("polarity",)),
        ("quote:q3", ("type",)),
        ("stance:q3:diplomacy", ("presence",)),
        ("quote:q4", ("medium", "spans")),
        ("quote:q5", ("cue",)),
        ("quote:q6", ("presence",)),
        ("stance:q6:diplomacy", ("presence",)),
        ("quote:q7", ("entity", "speaker")),
    ]
    q3 = next(c for c in first.conflicts if c.key == "quote:q3")
    assert [(v.id, v.annotators, v.value and v.value["type"]) for v in q3.versions] == [
        ("v1", ("anna",), "indirect"),
        ("v2", ("ben",), "reported"),
        ("none", (), None),
    ]
    stance = next(c for c in first.conflicts if c.key == "stance:q3:diplomacy")
    assert stance.depends_on == "quote:q3"
    assert [(v.id, v.annotators) for v in stance.versions] == [
        ("v1", ("ben",)),
        ("none", ("anna",)),
    ]
    q7 = next(c for c in first.conflicts if c.key == "quote:q7")
    # ben's q7 points to Baerbock's cluster, whose merged id is anna's "baerbock".
    assert [v.value and v.value["entity"] for v in q7.versions] == ["wirt", "baerbock", None]
    lawrow = next(c for c in first.conflicts if c.key == "entity:lawrow")
    assert [v.id for v in lawrow.versions] == ["v1", "v2"]  # no "none" for an entity


def test_worklist_tasks_are_prodigy_choice_tasks(first: MergeResult) -> None:
    tasks = list(worklist_tasks(first))
    assert len(tasks) == len(first.conflicts)
    q4 = next(t for t in tasks if t["meta"]["key"] == "quote:q4")
    assert q4["text"] == "„Das ist ein Fehler 🙈“, sagte der Sprecher."
    assert [o["id"] for o in q4["options"]] == ["v1", "v2", "none"]
    assert q4["options"][0]["text"].startswith("anna: direct, speech · „„Das ist ein Fehler 🙈“")
    assert q4["options"][1]["text"].startswith("ben: direct, writing")
    assert q4["meta"]["fields"] == "medium, spans"
    assert q4["zitat_merge"]["fingerprint"] == next(
        c.fingerprint for c in first.conflicts if c.key == "quote:q4"
    )
    assert isinstance(q4["_task_hash"], int)
    stance = next(t for t in tasks if t["meta"]["key"] == "stance:q3:diplomacy")
    assert stance["meta"]["after"] == "quote:q3"
    assert "after" not in q4["meta"]
    assert len({t["_task_hash"] for t in tasks}) == len(tasks)
    markdown = worklist_markdown(first)
    assert "# Merge worklist: 9 open conflicts" in markdown
    assert "- d3" in markdown  # the single-annotator document is named
    assert "**v2** ben: reported" in markdown


def _answer(result: MergeResult, choices: dict[str, str]) -> list[Decision]:
    return [
        Decision(c.doc_id, c.key, choices[c.key], c.fingerprint)
        for c in result.conflicts
        if c.key in choices
    ]


CHOICES = {
    "quote:q3": "v2",  # ben: reported
    "quote:q4": "v1",  # anna's spans and medium
    "quote:q5": "v2",  # ben: cue "warnte vor"
    "quote:q6": "none",  # no quote after all
    "quote:q7": "v1",  # anna: the Wirt said it
    "stance:q2:security-guarantees": "v2",  # neutral
    "stance:q3:diplomacy": "v1",  # ben's neutral
    "stance:q6:diplomacy": "v1",  # moot: q6 is decided away
    "entity:lawrow": "v2",  # "Sergei Lawrow"
}


def test_decisions_fold_back_into_valid_gold(first: MergeResult) -> None:
    done = merge(two_annotators(), decisions=_answer(first, CHOICES))
    assert done.conflicts == ()
    assert (len(done.applied), done.stale, done.unused) == (8, (), ())
    d1 = _doc(done, "d1")
    quotes = {q.id: q for q in d1.annotations.quotes}
    assert list(quotes) == ["q1", "q2", "q3", "q4", "q5", "q7"]
    assert quotes["q3"].type.value == "reported"
    assert quotes["q4"].text_in(TEXT1) == "„Das ist ein Fehler 🙈“"
    assert quotes["q4"].medium.value == "speech"
    assert [c.text_in(TEXT1) for c in quotes["q5"].cue] == ["warnte vor"]
    assert quotes["q7"].entity == "wirt"
    stances = {(s.quote, s.target): s.polarity.value for s in d1.annotations.stances}
    assert stances == {
        ("q1", "diplomacy"): "favor",
        ("q2", "security-guarantees"): "neutral",
        ("q3", "diplomacy"): "neutral",
        ("q5", "russian-invasion"): "against",
    }
    entities = {e.id: e for e in d1.annotations.entities}
    assert entities["lawrow"].name == "Sergei Lawrow"
    assert [m.text_in(TEXT1) for m in entities["wirt"].mentions] == [
        "den Wirt des Cafe\u0301s",
        "er",
    ]
    # Valid on its own terms: rebuilding the annotations checks every reference and span.
    rebuilt = Annotations(d1.annotations.quotes, d1.annotations.entities, d1.annotations.stances)
    AnnotatedDocument(d1.document, rebuilt)


def test_a_decision_on_changed_versions_is_stale(first: MergeResult) -> None:
    changed = two_annotators()
    ben_d1 = changed["ben"][0]
    z3 = ben_d1.annotations.quote("z3").with_(type="free_indirect")
    quotes = tuple(z3 if q.id == "z3" else q for q in ben_d1.annotations.quotes)
    changed["ben"][0] = AnnotatedDocument(ben_d1.document, ben_d1.annotations.with_(quotes=quotes))
    result = merge(changed, decisions=_answer(first, {"quote:q3": "v2", "quote:q4": "v1"}))
    assert [d.key for d in result.stale] == ["quote:q3"]
    assert [d.key for d in result.applied] == ["quote:q4"]
    assert "quote:q3" in {c.key for c in result.conflicts}
    assert "quote:q4" not in {c.key for c in result.conflicts}


def test_a_decision_for_a_conflict_that_is_gone_is_reported_unused(first: MergeResult) -> None:
    same = two_annotators()
    same["ben"] = [same["anna"][0], same["anna"][1]]  # ben now agrees with anna on d1
    result = merge(same, decisions=_answer(first, {"quote:q3": "v2"}))
    assert result.conflicts == ()
    assert [d.key for d in result.unused] == ["quote:q3"]


def test_ids_follow_the_majority_then_the_first_annotator() -> None:
    annotated = two_annotators()
    reversed_order: dict[str, Any] = {"ben": annotated["ben"], "anna": annotated["anna"]}
    result = merge(reversed_order)
    d1 = _doc(result, "d1")
    assert [q.id for q in d1.annotations.quotes] == ["z1", "z2"]
    assert {e.id for e in d1.annotations.entities} == {"e1", "e2", "e3", "e4", "e5"}
    assert result.entity_ids["d1"]["e5"] == {"ben": "e5", "anna": "baerbock"}


def _nested(z2_type: str) -> dict[str, list[AnnotatedDocument]]:
    """q1 nested in q2 on both sides (not linguistic, but it tests the rule); ben's q2 has
    type ``z2_type``."""
    annotated = two_annotators()
    for name, child, parent in (("anna", "q1", "q2"), ("ben", "z1", "z2")):
        doc = annotated[name][0]
        quotes = [q.with_(parent=parent) if q.id == child else q for q in doc.annotations.quotes]
        quotes = [q.with_(type=z2_type) if q.id == "z2" else q for q in quotes]
        annotated[name][0] = AnnotatedDocument(
            doc.document, doc.annotations.with_(quotes=tuple(quotes))
        )
    return annotated


def test_a_nested_quote_waits_for_its_parent() -> None:
    agreed = merge(_nested("indirect"))
    assert _doc(agreed, "d1").annotations.quote("q1").parent == "q2"
    assert agreed.notes == ()
    # Now ben's q2 differs: q1 is still agreed (its parent is the same unit on both sides),
    # but is written without its parent until the parent is decided.
    opened = merge(_nested("reported"))
    assert _doc(opened, "d1").annotations.quote("q1").parent is None
    assert opened.notes == ("d1: quote q1 is written without its parent q2, which is still open",)
    decided = merge(_nested("reported"), decisions=_answer(opened, {"quote:q2": "v1"}))
    assert _doc(decided, "d1").annotations.quote("q1").parent == "q2"
    assert decided.notes == ()


def test_identical_annotations_merge_without_conflicts() -> None:
    anna = two_annotators()["anna"]
    result = merge({"anna": anna, "copy": list(anna)})
    assert result.conflicts == ()
    for original, merged in zip(anna, result.documents, strict=True):
        assert merged.annotations == original.annotations
        assert merged.text == original.text
