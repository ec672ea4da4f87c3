"""Re-scoring saved runs and comparing two runs, without running any extractor."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from benchkit import entry_of, gold_documents, run_baselines, write_gold

from zitat import read_documents, write_documents
from zitat.bench.layout import RunLayout
from zitat.bench.rescore import compare_runs, rescore_run
from zitat.errors import InputError
from zitat.scoring import paired_test

Run = tuple[dict[str, Any], RunLayout]


def _copy(run: Run, to: Path) -> Path:
    shutil.copytree(run[1].root, to)
    return to


def test_rescore_gives_the_same_scores(baseline_run: Run, tmp_path: Path) -> None:
    original = baseline_run[0]
    folder = _copy(baseline_run, tmp_path / "run")
    before = pq.read_table(folder / "per_document.parquet").to_pylist()
    rescored = rescore_run(folder)
    for old, new in zip(original["extractors"], rescored["extractors"], strict=True):
        assert new["name"] == old["name"]
        assert new["scores"] == old["scores"]
        assert new["intervals"] == old["intervals"]
        assert new["tables"] == old["tables"]
        assert new["speed"] == old["speed"]
        assert new["distribution"] == old["distribution"] == "zitat"
    assert rescored["paired_tests"] == original["paired_tests"]
    assert rescored["gold"] == original["gold"]
    assert set(rescored["rescored"]) == {"zitat_version", "at"}
    assert pq.read_table(folder / "per_document.parquet").to_pylist() == before
    # and the rewritten results.json reads back
    again = rescore_run(folder, n_boot=5)
    assert again["settings"]["n_boot"] == 5
    assert (
        entry_of(again, "baseline-quotemarks")["scores"]
        == entry_of(original, "baseline-quotemarks")["scores"]
    )


def test_rescore_finds_a_relative_gold_from_another_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    write_gold(project / "gold.jsonl")
    monkeypatch.chdir(project)
    results, _ = run_baselines(Path("gold.jsonl"), Path("runs/r1"))
    assert results["gold"]["spec"] == "gold.jsonl"
    monkeypatch.chdir(tmp_path)
    rescored = rescore_run(project / "runs" / "r1")
    assert rescored["extractors"][1]["scores"] == results["extractors"][1]["scores"]


def test_changed_gold_is_refused_unless_allowed(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold.jsonl")
    results, layout = run_baselines(gold, tmp_path / "run")
    docs = gold_documents()
    docs[4] = docs[4].__class__(docs[4].document)  # art-05 loses its (indirect) quote
    write_gold(gold, docs)
    with pytest.raises(InputError, match=r"changed since this run.*--allow-changed-gold"):
        rescore_run(layout.root)
    rescored = rescore_run(layout.root, allow_changed_gold=True)
    before = entry_of(results, "baseline-quotemarks")["scores"]
    after = entry_of(rescored, "baseline-quotemarks")["scores"]
    assert before["quotes.exact.r"] == pytest.approx(2 / 5)
    assert after["quotes.exact.r"] == pytest.approx(2 / 4)  # one gold quote fewer
    assert after["quotes.direct.exact.f1"] == before["quotes.direct.exact.f1"]


def _improve_quotemarks(folder: Path) -> None:
    """Drop the scare-quote prediction („alternativlos“) from the saved predictions."""
    path = RunLayout(folder).predictions("baseline-quotemarks")
    docs, _ = read_documents(path)
    fixed = []
    for doc in docs:
        quotes = tuple(
            q for q in doc.annotations.quotes if "alternativlos" not in q.text_in(doc.text)
        )
        fixed.append(doc.__class__(doc.document, doc.annotations.with_(quotes=quotes)))
    write_documents(path, fixed)


def test_compare_runs_deltas_and_p_values(baseline_run: Run, tmp_path: Path) -> None:
    a = baseline_run[1].root
    b = _copy(baseline_run, tmp_path / "b")
    _improve_quotemarks(b)
    rescore_run(b)
    comparison = compare_runs(a, b, n_boot=200)
    assert comparison["same_gold"] is True
    rows = {(r["extractor"], r["metric"]): r for r in comparison["rows"]}
    direct = rows["baseline-quotemarks", "quotes.direct.exact.f1"]
    assert direct["a"] == pytest.approx(4 / 7)  # TP 2, FP 2, FN 1
    assert direct["b"] == pytest.approx(2 / 3)  # TP 2, FP 1, FN 1
    assert direct["delta"] == pytest.approx(2 / 3 - 4 / 7)
    # Only one document differs: swapping it gives the same |delta|, so every shuffle is as
    # extreme as the observed difference and p = 1.
    assert direct["p_value"] == 1.0
    null = rows["baseline-null", "quotes.direct.exact.f1"]
    assert (null["delta"], null["p_value"]) == (0.0, 1.0)
    assert ("baseline-quotemarks", "speakers.attribution.acc") not in rows


def test_compare_runs_p_value_is_the_paired_test_of_b_against_a(
    baseline_run: Run, tmp_path: Path
) -> None:
    a = baseline_run[1].root
    b = _copy(baseline_run, tmp_path / "b")
    layout = RunLayout(b)  # in run B, "baseline-null" predicted what the quotemarks did
    shutil.copy(layout.predictions("baseline-quotemarks"), layout.predictions("baseline-null"))
    rescore_run(b)
    comparison = compare_runs(a, b, n_boot=200)
    row = next(
        r
        for r in comparison["rows"]
        if (r["extractor"], r["metric"]) == ("baseline-null", "quotes.direct.exact.f1")
    )
    assert (row["a"], row["b"]) == (0.0, pytest.approx(4 / 7))
    gold = gold_documents()
    expected = paired_test(
        gold,
        read_documents(layout.predictions("baseline-null"))[0],
        [d.__class__(d.document) for d in gold],
        metric="quotes.direct.exact.f1",
        n_resamples=200,
    )
    assert expected.delta == pytest.approx(row["delta"])
    assert row["p_value"] == expected.p_value
    assert 0.0 < row["p_value"] < 1.0  # three of five documents differ


def test_compare_runs_on_different_gold_gives_deltas_only(
    baseline_run: Run, tmp_path: Path
) -> None:
    gold = write_gold(tmp_path / "gold.jsonl", gold_documents()[:3])
    _, other = run_baselines(gold, tmp_path / "other")
    comparison = compare_runs(baseline_run[1].root, other.root, n_boot=50)
    assert comparison["same_gold"] is False
    assert comparison["rows"]
    assert all("p_value" not in row for row in comparison["rows"])
    direct = next(
        r
        for r in comparison["rows"]
        if (r["extractor"], r["metric"]) == ("baseline-quotemarks", "quotes.direct.exact.f1")
    )
    assert direct["b"] == pytest.approx(4 / 7)  # the first three documents hold all the errors


def test_not_a_run_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a run folder"):
        rescore_run(tmp_path)
    (tmp_path / "results.json").write_text('{"schema_version": 99}', encoding="utf-8")
    with pytest.raises(InputError, match="schema version 99"):
        rescore_run(tmp_path)
