"""``zitat.extract``: documents in input order, failures reported, the same with two workers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from extractkit import FAILING, TEXTS, CannotStart, PanicsOnPanik

import zitat
from zitat.baselines import QuotationMarkExtractor, quotation_mark_spans
from zitat.errors import InputError
from zitat.extract import Failure, extract
from zitat.schema import Document


def test_extract_is_exported_from_zitat_and_annotates_every_document(jsonl_corpus: Path) -> None:
    run = zitat.extract(jsonl_corpus, "baseline-quotemarks", isolate=False)
    docs = list(run)
    assert [d.id for d in docs] == list(TEXTS)
    for doc in docs:  # the extractor's own answer, on a prepared document
        assert [q.spans[0] for q in doc.annotations.quotes] == quotation_mark_spans(doc.text)
        assert doc.document.tokens
        assert doc.document.sentences
    assert (run.summary.extracted, run.summary.failed, run.summary.skipped) == (6, 0, 0)


def test_a_failing_document_is_reported_and_the_rest_extracted(jsonl_corpus: Path) -> None:
    run = extract(jsonl_corpus, PanicsOnPanik)
    ids = [d.id for d in run]
    assert ids == [i for i in TEXTS if i != FAILING]
    assert len(run.failures) == 1
    failure = run.failures[0]
    assert (failure.doc_id, failure.extractor, failure.status) == (FAILING, "test-panics", "error")
    assert "Panik im Text" in failure.error
    assert run.summary.failed == 1


def test_two_jobs_give_the_same_documents_in_the_same_order_as_one(jsonl_corpus: Path) -> None:
    one = list(extract(jsonl_corpus, PanicsOnPanik, jobs=1))
    two_run = extract(jsonl_corpus, PanicsOnPanik, jobs=2)
    two = list(two_run)
    assert two == one
    assert all(d.document.tokens and d.document.sentences for d in two)  # prepared in workers
    assert [f.doc_id for f in two_run.failures] == [FAILING]


def test_texts_and_documents_in_memory_and_an_extractor_instance() -> None:
    seen: list[Failure] = []
    corpus = ["Er sagte: „Ja.“", Document(id="eigen", text="Panik! „Nein“, rief sie.")]
    docs = list(extract(corpus, PanicsOnPanik(), on_failure=seen.append, isolate=False))
    assert [d.id for d in docs] == ["doc-0"]
    assert [f.doc_id for f in seen] == ["eigen"]


def test_skipped_ids_are_counted_not_extracted(jsonl_corpus: Path) -> None:
    done = {"01-bonn", "02-koeln", "06-kiel"}
    progress: list[int] = []
    run = extract(
        jsonl_corpus, QuotationMarkExtractor, skip=done, on_progress=progress.append, jobs=2
    )
    assert [d.id for d in run] == ["03-mainz", "04-trier", "05-essen"]
    assert run.summary.skipped == 3
    assert sum(progress) == len(TEXTS)


def test_bad_input_stops_unless_lenient(tmp_path: Path) -> None:
    path = tmp_path / "teils.jsonl"
    path.write_text(
        '{"id": "a", "text": "Er sagte: „Ja.“"}\n{"id": "b"}\n{"id": "c", "text": "Gut."}\n',
        encoding="utf-8",
    )
    strict = extract(path, QuotationMarkExtractor, isolate=False)
    assert next(strict).id == "a"
    with pytest.raises(InputError, match=r"teils\.jsonl:2: field 'text': missing"):
        next(strict)
    lenient = extract(path, QuotationMarkExtractor, isolate=False, lenient=True)
    assert [d.id for d in lenient] == ["a", "c"]
    assert [(f.doc_id, f.status, f.source) for f in lenient.failures] == [
        ("b", "input", f"{path}:2")
    ]


def test_closing_early_stops_the_workers(jsonl_corpus: Path) -> None:
    import multiprocessing

    with extract(jsonl_corpus, QuotationMarkExtractor, jobs=2) as run:
        assert next(run).id == "01-bonn"
    assert multiprocessing.active_children() == []


def test_unknown_extractor_and_bad_config_fail_before_any_work(jsonl_corpus: Path) -> None:
    with pytest.raises(KeyError, match="no extractor named 'keiner'"):
        extract(jsonl_corpus, "keiner")
    with pytest.raises(zitat.ValidationError, match="unknown option"):
        extract(jsonl_corpus, QuotationMarkExtractor, config={"tiefe": 3})


@pytest.mark.parametrize("isolate", [True, False])
def test_an_extractor_that_cannot_start_is_a_clear_error(jsonl_corpus: Path, isolate: bool) -> None:
    with pytest.raises(zitat.ZitatError, match="could not start: OSError: Modelldatei fehlt"):
        list(extract(jsonl_corpus, CannotStart, isolate=isolate))


def test_importing_zitat_extract_loads_no_engine_or_data_library() -> None:
    code = (
        "import sys, zitat, zitat.extract\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'ray', 'pyarrow', 'datasets', 'numpy', 'pandas'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
