"""End to end: ``bench_run`` of both baselines on the hand-written gold, and what it saves."""

from __future__ import annotations

import json
from typing import Any

import pyarrow.parquet as pq
import pytest
from benchkit import BASELINES, N_BOOT, entry_of, gold_documents, run_baselines

from zitat import read_documents
from zitat.baselines import NullExtractor, QuotationMarkExtractor
from zitat.bench.goldspec import content_hash
from zitat.bench.layout import RunLayout
from zitat.bench.results import RESULTS_SCHEMA_VERSION, load_results
from zitat.bench.run import BenchSettings, bench_run, sample_documents
from zitat.errors import InputError
from zitat.plugins import Plugins

Run = tuple[dict[str, Any], RunLayout]

TOP_KEYS = {
    "schema_version",
    "zitat_version",
    "created",
    "environment",
    "gold",
    "settings",
    "extractors",
    "paired_tests",
    "plugin_failures",
    "skipped_extractors",
}
EXTRACTOR_KEYS = {
    "name",
    "version",
    "tasks",
    "scored_tasks",
    "config",
    "status",
    "error",
    "documents",
    "failures",
    "speed",
    "scores",
    "intervals",
    "tables",
    "distribution",
    "distribution_version",
}


def test_results_json_keys_and_schema_version(baseline_run: Run) -> None:
    results, layout = baseline_run
    saved = json.loads(layout.results.read_text(encoding="utf-8"))
    assert set(saved) == TOP_KEYS
    assert saved["schema_version"] == RESULTS_SCHEMA_VERSION == 1
    assert saved == json.loads(json.dumps(results, default=str))
    assert load_results(layout.root) == saved
    assert [e["name"] for e in saved["extractors"]] == list(BASELINES)
    for entry in saved["extractors"]:
        assert set(entry) == EXTRACTOR_KEYS
        assert entry["status"] == "ok"
        assert entry["error"] is None
        assert entry["documents"] == 5
        assert entry["failures"] == []
        assert entry["distribution"] == "zitat"
        assert set(entry["intervals"]) == set(entry["scores"])
        for key, (low, high) in entry["intervals"].items():
            assert low <= high, key
    assert saved["settings"]["n_boot"] == N_BOOT


def test_results_record_the_gold_and_its_hash(baseline_run: Run, gold_file: Any) -> None:
    gold = baseline_run[0]["gold"]
    assert gold["spec"] == str(gold_file)
    assert gold["documents"] == gold["scored_documents"] == 5
    assert gold["sha256"] == content_hash(gold_documents())
    assert len(gold["sha256"]) == 64


def test_speed_is_recorded(baseline_run: Run) -> None:
    speed = entry_of(baseline_run[0], "baseline-quotemarks")["speed"]
    assert speed["extract_seconds"] > 0
    assert speed["wall_seconds"] >= speed["extract_seconds"]
    assert speed["docs_per_s"] == pytest.approx(5 / speed["extract_seconds"])
    assert speed["tokens_per_s"] > speed["docs_per_s"]  # every document has several tokens


def test_predictions_round_trip(baseline_run: Run) -> None:
    layout = baseline_run[1]
    assert set(layout.prediction_files()) == set(BASELINES)
    docs, report = read_documents(layout.predictions("baseline-quotemarks"))
    assert report.ok
    gold = gold_documents()
    assert [d.id for d in docs] == [g.id for g in gold]
    extractor = QuotationMarkExtractor()
    for saved, g in zip(docs, gold, strict=True):
        assert saved.text == g.text
        assert saved.annotations == extractor.extract(g.document)
    null_docs, _ = read_documents(layout.predictions("baseline-null"))
    assert len(null_docs) == 5
    assert all(not d.annotations.quotes for d in null_docs)


def test_per_document_parquet(baseline_run: Run) -> None:
    table = pq.read_table(baseline_run[1].per_document)
    rows = table.to_pylist()
    assert len(rows) == len(BASELINES) * 5
    pairs = {(r["extractor"], r["doc_id"]) for r in rows}
    assert pairs == {(name, d.id) for name in BASELINES for d in gold_documents()}
    by_key = {(r["extractor"], r["doc_id"]): r for r in rows}
    row = by_key["baseline-quotemarks", "art-02"]
    assert (row["gold_quotes"], row["pred_quotes"], row["status"]) == (1, 2, "ok")
    assert row["quotes.exact.f1"] == pytest.approx(2 / 3)  # 1 of 2 predicted, 1 of 1 gold
    assert by_key["baseline-null", "art-01"]["quotes.exact.f1"] == 0.0
    # the quotes-only baseline has no speaker/stance columns of its own
    assert by_key["baseline-quotemarks", "art-01"]["speakers.attribution.acc"] is None


def test_report_md_contains_the_comparison_table(baseline_run: Run) -> None:
    report = baseline_run[1].report.read_text(encoding="utf-8")
    assert report.startswith("# zitat benchmark:")
    assert "## Comparison" in report
    header = next(line for line in report.splitlines() if line.startswith("| extractor |"))
    assert "direct F1" in header
    assert "Messages" in header
    row = next(line for line in report.splitlines() if line.startswith("| `baseline-quotemarks`"))
    assert "**0.571" in row  # direct F1 4/7, the best of the two, in bold
    assert "## Paired tests" in report
    # the speakers table (nested records) is flattened, not an empty table
    assert "| attribution.accuracy | attribution.correct | attribution.total |" in report
    assert "|  |" not in report
    assert " docs/s, " in report
    assert "| `baseline-null` | `baseline-quotemarks` | quotes.direct.exact.f1 |" in report


def test_sample_documents_is_seeded_sorted_and_reproducible() -> None:
    docs = gold_documents()
    first = sample_documents(docs, 3, seed=7)
    assert [d.id for d in first] == [d.id for d in sample_documents(docs, 3, seed=7)]
    assert len(first) == 3
    ids = [d.id for d in first]
    assert ids == sorted(ids)  # original (here: sorted) order kept
    picks = {tuple(d.id for d in sample_documents(docs, 3, seed=s)) for s in range(10)}
    assert len(picks) > 1  # the seed matters
    assert sample_documents(docs, 99, seed=1) == docs
    assert sample_documents(docs, None, seed=1) == docs
    with pytest.raises(InputError, match="at least 1"):
        sample_documents(docs, 0, seed=1)


def test_limit_and_seed_in_a_run(gold_file: Any, tmp_path: Any) -> None:
    runs = [
        run_baselines(gold_file, tmp_path / name, limit=2, seed=11, extractors=["baseline-null"])
        for name in ("a", "b")
    ]
    expected = [d.id for d in sample_documents(gold_documents(), 2, seed=11)]
    for results, layout in runs:
        assert results["gold"]["scored_documents"] == 2
        assert results["gold"]["documents"] == 5
        assert results["settings"]["limit"] == 2
        assert results["settings"]["seed"] == 11
        ids = [r["doc_id"] for r in pq.read_table(layout.per_document).to_pylist()]
        assert ids == expected
    a, b = (entry_of(r, "baseline-null") for r, _ in runs)
    assert a["scores"] == b["scores"]
    assert a["intervals"] == b["intervals"]


def test_unknown_extractor_and_task_are_refused(gold_file: Any, tmp_path: Any) -> None:
    plugins = Plugins(discover=False)
    with pytest.raises(InputError, match=r"no extractor named 'nope'.*baseline-null"):
        bench_run(BenchSettings(["nope"], str(gold_file), out=tmp_path), plugins=plugins)
    with pytest.raises(InputError, match="unknown task"):
        bench_run(
            BenchSettings(None, str(gold_file), tasks=("quotes", "poems"), out=tmp_path),
            plugins=plugins,
        )
    with pytest.raises(InputError, match="no gold set or path 'no-such-gold'"):
        bench_run(BenchSettings(None, "no-such-gold", out=tmp_path), plugins=plugins)


def test_tasks_restrict_what_is_scored(gold_file: Any, tmp_path: Any) -> None:
    results, _ = run_baselines(gold_file, tmp_path / "run", tasks=("speakers",))
    null = entry_of(results, "baseline-null")
    assert null["scored_tasks"] == ["speakers"]
    assert null["scores"]
    assert all(k.startswith("speakers.") for k in null["scores"])
    marks = entry_of(results, "baseline-quotemarks")
    assert marks["scored_tasks"] == []
    assert marks["scores"] == {}
    assert results["paired_tests"] == []


def test_run_one_records_the_effective_config_and_stances_on_gold_quotes() -> None:
    from dataclasses import dataclass
    from typing import ClassVar

    from zitat import Annotations, Document, Polarity, Stance, Task
    from zitat.bench.runner import run_one
    from zitat.plugins import Extractor

    @dataclass(frozen=True)
    class Options:
        polarity: str = "favor"
        verbose: bool = False

    class AgreesWithEveryQuote(Extractor):
        name: ClassVar[str] = "test-agrees"
        tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES, Task.STANCES})
        Config: ClassVar[type[Any]] = Options

        def extract(self, doc: Document) -> Annotations:
            return Annotations()

        def extract_stances(self, doc: Document, annotations: Annotations) -> Annotations:
            if doc.id == "art-02":
                raise RuntimeError("no opinion")
            stances = tuple(
                Stance("t", Polarity(self.config.polarity), quote=q.id) for q in annotations.quotes
            )
            return annotations.with_(stances=stances)

    gold = gold_documents()
    run = run_one(AgreesWithEveryQuote, gold, config={"polarity": "against"}, isolate=False)
    assert run.error is None
    assert run.config == {"polarity": "against", "verbose": False}  # defaults filled in
    assert run.config == AgreesWithEveryQuote({"polarity": "against"}).config_dict()
    assert [f.doc_id for f in run.failures] == ["art-02"]
    assert "extract_stances: RuntimeError: no opinion" in run.failures[0].error
    assert run.stance_predictions is not None
    by_id = {d.id: d for d in run.stance_predictions}
    assert set(by_id) == {d.id for d in gold} - {"art-02"}
    first = by_id["art-01"].annotations
    assert first.quotes == gold[0].annotations.quotes  # the gold quotes were given
    assert {(s.quote, s.polarity) for s in first.stances} == {
        (q.id, Polarity.AGAINST) for q in gold[0].annotations.quotes
    }
    # a stance extractor that cannot take given quotes has none, and that is no failure
    null = run_one(NullExtractor, gold, isolate=False)
    assert (null.stance_predictions, null.failures, null.config) == (None, [], {})
