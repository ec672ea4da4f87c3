"""A failing extractor is recorded, never fatal, and leaves the other extractors alone."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import pyarrow.parquet as pq
import pytest
from benchkit import N_BOOT, entry_of

from zitat import Annotations, Document, Quote, QuoteType, Span, Task
from zitat.bench.run import BenchSettings, bench_run
from zitat.plugins import Extractor, Plugins, hookimpl


class RaisesOnArt02(Extractor):
    name: ClassVar[str] = "test-raises"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES})

    def extract(self, doc: Document) -> Annotations:
        if doc.id == "art-02":
            raise RuntimeError("cannot cope with »…«")
        return Annotations()


class InvalidSpanOnArt01(Extractor):
    name: ClassVar[str] = "test-invalid"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES})

    def extract(self, doc: Document) -> Annotations:
        if doc.id == "art-01":  # a span that ends past the end of the text
            span = Span(0, len(doc.text) + 5)
            return Annotations(quotes=(Quote("q1", (span,), QuoteType.DIRECT),))
        return Annotations()


class HangsOnArt03(Extractor):
    name: ClassVar[str] = "test-hangs"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES})

    def extract(self, doc: Document) -> Annotations:
        if doc.id == "art-03":
            time.sleep(60)
        return Annotations()


class CannotStart(Extractor):
    name: ClassVar[str] = "test-cannot-start"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES})

    def __init__(self, config: Any = None) -> None:
        raise OSError("model file missing")

    def extract(self, doc: Document) -> Annotations:  # pragma: no cover - never built
        return Annotations()


class FaultyPlugin:
    """A plugin object publishing the faulty extractors."""

    @hookimpl
    def zitat_extractors(self) -> Sequence[type[Extractor]]:
        return [RaisesOnArt02, InvalidSpanOnArt01, HangsOnArt03, CannotStart]


def _plugins() -> Plugins:
    plugins = Plugins(discover=False)
    plugins.register(FaultyPlugin(), name="faulty")
    assert plugins.failures == []
    return plugins


def _run(gold: Path, out: Path, names: list[str], **changes: Any) -> dict[str, Any]:
    settings = BenchSettings(
        extractors=names, gold=str(gold), out=out, n_boot=N_BOOT, timeout=1.0, **changes
    )
    return bench_run(settings, plugins=_plugins())[0]


@pytest.fixture(scope="module")
def faulty_run(
    gold_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Any], Path]:
    out = tmp_path_factory.mktemp("faulty") / "run"
    names = [
        "test-raises",
        "baseline-quotemarks",
        "test-invalid",
        "test-hangs",
        "test-cannot-start",
        "baseline-null",
    ]
    started = time.perf_counter()
    results = _run(gold_file, out, names)
    assert time.perf_counter() - started < 20  # the hung document was cut off after 1 s
    return results, out


def test_exception_on_one_document_is_recorded(faulty_run: tuple[dict[str, Any], Path]) -> None:
    entry = entry_of(faulty_run[0], "test-raises")
    assert entry["status"] == "ok"
    assert entry["documents"] == 4
    [failure] = entry["failures"]
    assert failure["doc_id"] == "art-02"
    assert failure["status"] == "error"
    assert "RuntimeError: cannot cope with »…«" in failure["error"]
    # the failed document is scored as an empty prediction
    assert entry["scores"]["quotes.exact.r"] == 0.0


def test_invalid_spans_are_recorded(faulty_run: tuple[dict[str, Any], Path]) -> None:
    entry = entry_of(faulty_run[0], "test-invalid")
    [failure] = entry["failures"]
    assert (failure["doc_id"], failure["status"]) == ("art-01", "invalid")
    assert "lies outside the text" in failure["error"]
    assert entry["documents"] == 4


def test_a_hung_document_times_out(faulty_run: tuple[dict[str, Any], Path]) -> None:
    entry = entry_of(faulty_run[0], "test-hangs")
    [failure] = entry["failures"]
    assert (failure["doc_id"], failure["status"]) == ("art-03", "timeout")
    assert "1 s" in failure["error"]
    assert entry["documents"] == 4  # the documents after the hung one were still extracted


def test_an_extractor_that_cannot_start_is_recorded(
    faulty_run: tuple[dict[str, Any], Path],
) -> None:
    entry = entry_of(faulty_run[0], "test-cannot-start")
    assert entry["status"] == "failed"
    assert "model file missing" in entry["error"]
    assert entry["documents"] == 0
    assert entry["scores"] == {}


def test_other_extractors_are_unaffected(
    faulty_run: tuple[dict[str, Any], Path],
    baseline_run: tuple[dict[str, Any], Any],
) -> None:
    for name in ("baseline-quotemarks", "baseline-null"):
        alone, together = entry_of(baseline_run[0], name), entry_of(faulty_run[0], name)
        assert together["status"] == "ok"
        assert together["failures"] == []
        assert together["scores"] == alone["scores"]


def test_failures_reach_parquet_and_report(faulty_run: tuple[dict[str, Any], Path]) -> None:
    results, out = faulty_run
    rows = pq.read_table(out / "per_document.parquet").to_pylist()
    status = {(r["extractor"], r["doc_id"]): r["status"] for r in rows}
    assert status["test-raises", "art-02"] == "error"
    assert status["test-invalid", "art-01"] == "invalid"
    assert status["test-hangs", "art-03"] == "timeout"
    assert status["test-raises", "art-01"] == "ok"
    assert not any(name == "test-cannot-start" for name, _ in status)
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "Failed: " in report
    assert "`art-03` timeout" in report
    assert [e["name"] for e in results["extractors"]][-1] == "baseline-null"


def test_cannot_start_in_process_is_recorded(gold_file: Path, tmp_path: Path) -> None:
    results = _run(gold_file, tmp_path / "run", ["test-cannot-start"], isolate=False)
    entry = entry_of(results, "test-cannot-start")
    assert entry["status"] == "failed"
    assert "model file missing" in entry["error"]


def test_bad_config_is_recorded_as_failed(gold_file: Path, tmp_path: Path) -> None:
    results = _run(
        gold_file,
        tmp_path / "run",
        ["baseline-null", "baseline-quotemarks"],
        configs={"baseline-null": {"no_such_option": 1}},
    )
    entry = entry_of(results, "baseline-null")
    assert entry["status"] == "failed"
    assert "no_such_option" in entry["error"]
    assert entry_of(results, "baseline-quotemarks")["status"] == "ok"


class NeedsAModel(Extractor):
    name: ClassVar[str] = "test-needs-model"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES})

    @classmethod
    def unavailable(cls) -> str | None:
        return "set TEST_MODEL to a trained model"

    def extract(self, doc: Document) -> Annotations:
        return Annotations()


class ModelPlugin:
    @hookimpl
    def zitat_extractors(self) -> Sequence[type[Extractor]]:
        return [NeedsAModel]


def test_default_run_skips_unavailable_extractors_and_says_why(
    tmp_path: Path, gold_file: Path
) -> None:
    plugins = Plugins(discover=False)
    plugins.register(ModelPlugin(), name="model")
    settings = BenchSettings(gold=str(gold_file), out=tmp_path / "run", n_boot=N_BOOT)
    results = bench_run(settings, plugins=plugins)[0]
    ran = {e["name"] for e in results["extractors"]}
    assert "test-needs-model" not in ran
    assert "baseline-null" in ran
    assert results["skipped_extractors"] == [
        {"name": "test-needs-model", "reason": "set TEST_MODEL to a trained model"}
    ]
    named = BenchSettings(
        extractors=["test-needs-model"],
        gold=str(gold_file),
        out=tmp_path / "named",
        n_boot=N_BOOT,
    )
    explicit = bench_run(named, plugins=plugins)[0]
    assert [e["name"] for e in explicit["extractors"]] == ["test-needs-model"]
    assert explicit["skipped_extractors"] == []
