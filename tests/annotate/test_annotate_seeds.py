"""The seed corpus through the whole loop with the rule-based plugins: export, answer, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_kit import answered, export, remove_span, write_jsonl

from zitat.annotate import import_db_out, iter_corpus
from zitat.gold.bundled import bundled_gold_dir, seeds_targets
from zitat.io import read_documents
from zitat.plugins import Plugins, run_extractor


@pytest.fixture(scope="module")
def extractor() -> type:
    pytest.importorskip("zitat_stance", reason="the zitat-stance plugin is not installed")
    return Plugins().extractor("rules-stance")


def test_unedited_seeds_import_as_the_extractor_predicted(tmp_path: Path, extractor: type) -> None:
    corpus = bundled_gold_dir() / "corpus"
    targets = seeds_targets()
    tasks, stances, summary = export(tmp_path, corpus, extractor, targets=targets)
    assert summary.failures == []
    assert summary.hidden_spans > 0  # frames and nested quotes the interface cannot show
    records = [answered(t) for t in tasks]
    records += [answered(s, dataset="zitat_stances") for s in stances if "accept" in s]
    bob = answered(tasks[0], annotator="bob")
    first = next(s for s in bob["spans"] if s["label"] in {"DIRECT", "INDIRECT"})
    quote_text = bob["text"][first["start"] : first["end"]]
    remove_span(bob, quote_text, first["label"])
    records += [bob, *(answered(t, annotator="bob") for t in tasks[1:])]
    db = write_jsonl(tmp_path / "db.jsonl", records)
    report = import_db_out([db], tmp_path / "out", targets=bundled_gold_dir() / "targets.yaml")
    assert [i for i in report.issues if i.annotator == "alice"] == []

    predicted = {
        o.doc_id: o.annotations
        for o in run_extractor(extractor, iter_corpus(corpus), isolate=False, targets=targets)
    }
    imported, _ = read_documents(tmp_path / "out" / "alice" / "gold.jsonl")
    assert len(imported) == len(predicted) == 5
    for doc in imported:
        ann = predicted[doc.id]
        assert doc.annotations.quotes == ann.quotes, doc.id
        assert doc.annotations.entities == ann.entities, doc.id
        assert set(doc.annotations.stances) == set(ann.stances), doc.id

    bobs, _ = read_documents(tmp_path / "out" / "bob" / "gold.jsonl")
    first_doc = next(d for d in bobs if d.id == tasks[0]["meta"]["doc_id"])
    assert len(first_doc.annotations.quotes) < len(predicted[first_doc.id].quotes)
