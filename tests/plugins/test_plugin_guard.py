"""Guarded runs: no document and no extractor can take a run down."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest

from zitat.baselines import QuotationMarkExtractor
from zitat.errors import ValidationError
from zitat.plugins import Extractor, Outcome, check_output, run_extractor
from zitat.plugins.guard import WorkerStats
from zitat.schema import Annotations, Document, Quote, QuoteType, Span
from zitat.text import make_document


def docs(*texts: str) -> list[Document]:
    return [make_document(f"d{i}", text) for i, text in enumerate(texts)]


GOOD = "„Das ist gut“, sagte sie."


class Trigger(Extractor):
    """Quotes every document, except that a trigger word in the text misbehaves."""

    name: ClassVar[str] = "trigger"

    def extract(self, doc: Document) -> Annotations:
        text = doc.text
        if "RAISE" in text:
            raise RuntimeError("cannot handle this")
        if "HANG" in text:
            time.sleep(60)
        if "CRASH" in text:
            os._exit(7)
        if "EXIT" in text:
            sys.exit(1)
        if "OUTSIDE" in text:
            return Annotations(quotes=(Quote("q1", (Span(0, len(text) + 5),), "direct"),))
        if "WRONGTYPE" in text:
            return [Quote("q1", (Span(0, 1),), "direct")]  # type: ignore[return-value]
        if "SHOUTED" in text:
            return Annotations(quotes=(Quote("q1", (Span(0, 1),), "shouted"),))  # type: ignore[arg-type]
        if "ALLOCATE" in text:  # 64 MiB, every page touched
            self.held = b"x" * (64 * 2**20)
        if "MUTATED" in text:
            quote = Quote("q1", (Span(0, 1),), QuoteType.DIRECT)
            object.__setattr__(quote, "type", "shouted")
            return Annotations(quotes=(quote,))
        return Annotations(quotes=(Quote("q1", (Span(0, len(text)),), QuoteType.DIRECT),))


def by_index(outcomes: list[Outcome]) -> list[Outcome]:
    return sorted(outcomes, key=lambda o: o.index)


def run(texts: list[str], **options: Any) -> list[Outcome]:
    return by_index(list(run_extractor(Trigger, docs(*texts), **options)))


@pytest.mark.parametrize("isolate", [True, False])
def test_extractor_that_raises_fails_only_that_document(isolate: bool) -> None:
    outcomes = run([GOOD, "RAISE here", GOOD], isolate=isolate)
    assert [o.status for o in outcomes] == ["ok", "error", "ok"]
    error = outcomes[1].error or ""
    assert "RuntimeError: cannot handle this" in error
    assert "test_plugin_guard.py" in error  # where it was raised
    assert outcomes[0].annotations is not None
    assert len(outcomes[0].annotations.quotes) == 1


def test_extractor_that_hangs_is_stopped_after_the_timeout() -> None:
    start = time.monotonic()
    outcomes = run([GOOD, "HANG here", GOOD, GOOD], timeout=1.0)
    assert time.monotonic() - start < 15
    assert [o.status for o in outcomes] == ["ok", "timeout", "ok", "ok"]
    assert outcomes[1].error == "no result within 1 s; the worker was stopped"
    assert outcomes[1].seconds >= 1.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("OUTSIDE the text", "lies outside the text"),
        ("WRONGTYPE", "returned list, expected zitat.schema.Annotations"),
        ("SHOUTED", "unknown label 'shouted'"),
        ("MUTATED", "unknown label 'shouted'"),
    ],
)
@pytest.mark.parametrize("isolate", [True, False])
def test_invalid_annotations_are_rejected(isolate: bool, text: str, message: str) -> None:
    outcomes = run([text, GOOD], isolate=isolate)
    assert [o.status for o in outcomes] == ["invalid", "ok"]
    assert outcomes[0].annotations is None
    assert message in (outcomes[0].error or "")


def test_unknown_label_raises_validation_error() -> None:
    with pytest.raises(ValidationError, match=r"Quote 'q1'\.type: unknown label 'shouted'"):
        Quote("q1", (Span(0, 1),), "shouted")  # type: ignore[arg-type]


def test_worker_crash_is_recorded_and_a_new_worker_goes_on() -> None:
    outcomes = run(["CRASH now", GOOD, "CRASH again", GOOD])
    assert [o.status for o in outcomes] == ["error", "ok", "error", "ok"]
    assert "worker process died (exit code 7)" in (outcomes[0].error or "")


@pytest.mark.parametrize("isolate", [True, False])
def test_sys_exit_in_extract_is_an_error(isolate: bool) -> None:
    outcomes = run(["EXIT", GOOD], isolate=isolate)
    assert [o.status for o in outcomes] == ["error", "ok"]
    assert "SystemExit" in (outcomes[0].error or "")


def test_every_failure_mode_in_one_run_with_two_jobs() -> None:
    texts = [GOOD, "RAISE", "CRASH", "OUTSIDE", "HANG", "SHOUTED", GOOD, "WRONGTYPE", GOOD]
    outcomes = run(texts, jobs=2, timeout=1.0)
    assert [o.index for o in outcomes] == list(range(len(texts)))
    assert [o.status for o in outcomes] == [
        "ok",
        "error",
        "error",
        "invalid",
        "timeout",
        "invalid",
        "ok",
        "invalid",
        "ok",
    ]
    assert [o.doc_id for o in outcomes] == [f"d{i}" for i in range(len(texts))]


def test_two_jobs_give_the_same_outputs_as_one() -> None:
    texts = [f"„Satz {i}“, sagte {i}. »Noch {i}« meinte er." for i in range(12)]
    one = run(texts, jobs=1)
    two = run(texts, jobs=2)
    assert [o.status for o in two] == ["ok"] * 12
    assert [(o.doc_id, o.annotations) for o in one] == [(o.doc_id, o.annotations) for o in two]
    quotemarks_one = by_index(list(run_extractor(QuotationMarkExtractor, docs(*texts), jobs=1)))
    quotemarks_two = by_index(list(run_extractor(QuotationMarkExtractor, docs(*texts), jobs=2)))
    assert [o.annotations for o in quotemarks_one] == [o.annotations for o in quotemarks_two]
    assert all(o.annotations and len(o.annotations.quotes) == 2 for o in quotemarks_two)


class BrokenInit(Trigger):
    name: ClassVar[str] = "broken-init"

    def __init__(self, config: Any = None) -> None:
        raise OSError("model file missing")


class CrashInit(Trigger):
    name: ClassVar[str] = "crash-init"

    def __init__(self, config: Any = None) -> None:
        os._exit(3)


@pytest.mark.parametrize("isolate", [True, False])
def test_extractor_that_cannot_start_raises_runtime_error(isolate: bool) -> None:
    with pytest.raises(RuntimeError, match="could not start: OSError: model file missing"):
        list(run_extractor(BrokenInit, docs(GOOD), isolate=isolate))


def test_extractor_that_dies_while_starting_raises_runtime_error() -> None:
    with pytest.raises(RuntimeError, match=r"died while starting \(exit code 3\)"):
        list(run_extractor(CrashInit, docs(GOOD)))


class Configurable(Trigger):
    name: ClassVar[str] = "configurable"

    @dataclass(frozen=True)
    class Config:
        threshold: float = 0.5

    def extract(self, doc: Document) -> Annotations:
        assert isinstance(self.config.threshold, float | int)
        return Annotations()


def test_bad_configuration_raises_before_any_worker_starts() -> None:
    with pytest.raises(ValidationError, match=r"Extractor 'configurable' config\.threshold"):
        run_extractor(Configurable, docs(GOOD), config={"threshold": "high"})
    outcomes = list(run_extractor(Configurable, docs(GOOD), config={"threshold": 1}))
    assert [o.status for o in outcomes] == ["ok"]


def test_closing_the_run_early_stops_the_workers() -> None:
    outcomes = run_extractor(Trigger, docs(GOOD, "HANG", GOOD, GOOD), jobs=2, timeout=30)
    first = next(outcomes)
    assert first.ok
    outcomes.close()
    assert multiprocessing.active_children() == []


def test_worker_stats_report_the_memory_extracting_added() -> None:
    stats: list[WorkerStats] = []
    list(run_extractor(Trigger, docs(GOOD, GOOD), jobs=2, stats=stats))
    assert len(stats) == 1
    assert stats[0].peak_mb >= 0.0
    grown: list[WorkerStats] = []
    list(run_extractor(Trigger, docs("ALLOCATE", GOOD), jobs=2, stats=grown))
    assert grown[0].peak_mb >= 60.0


def test_check_output_accepts_valid_and_names_the_extractor() -> None:
    doc = make_document("d", GOOD)
    good = Annotations(quotes=(Quote("q1", (Span(0, 14),), QuoteType.DIRECT),))
    assert check_output(doc, good, "x") is good
    with pytest.raises(ValidationError, match=r"Extractor 'x'\.extract"):
        check_output(doc, None, "x")
    with pytest.raises(ValidationError, match="lies outside the text"):
        check_output(doc, Annotations(quotes=(Quote("q1", (Span(0, 99),), "direct"),)), "x")
