"""The testing kit: its documents, its fixtures and the conformance check."""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest

from zitat.baselines import NullExtractor, QuotationMarkExtractor
from zitat.gold.bundled import bundled_gold_dir, load_seeds
from zitat.plugins import Extractor, Plugins, Resources
from zitat.schema import Annotations, Document, Quote, QuoteType, Span, Task
from zitat.testing import (
    LONG_DOCUMENT_CHARS,
    ConformanceReport,
    assert_conforms,
    check_extractor,
    find_span,
    kit_documents,
    seed_documents,
)

# -- the documents ------------------------------------------------------------------------------


def test_kit_has_the_promised_documents() -> None:
    docs = kit_documents()
    assert set(docs) == {"direct", "indirect", "no-quote", "empty", "long", "unicode"}
    assert len({d.id for d in docs.values()}) == len(docs)
    for name, doc in docs.items():
        assert (len(doc.tokens) > 0) == (name != "empty"), name
        assert (len(doc.sentences) > 0) == (name != "empty"), name


def test_direct_document_has_both_kinds_of_marks() -> None:
    text = kit_documents()["direct"].text
    assert text.count("„") == text.count("“") >= 2
    assert text.count("»") == text.count("«") == 1


def test_indirect_and_no_quote_documents_have_no_marks() -> None:
    docs = kit_documents()
    for name in ("indirect", "no-quote"):
        assert not set(docs[name].text) & set("„“”»«\"'"), name
    assert {"sei", "habe", "werde"} <= set(docs["indirect"].text.split())


def test_empty_and_long_documents() -> None:
    docs = kit_documents()
    assert docs["empty"].text == ""
    assert LONG_DOCUMENT_CHARS <= len(docs["long"].text) < LONG_DOCUMENT_CHARS * 1.1


def test_unicode_document_has_every_awkward_character() -> None:
    text = kit_documents()["unicode"].text
    assert any(ord(c) > 0xFFFF for c in text)  # astral: emoji, math letters
    assert any(unicodedata.combining(c) for c in text)
    for needle in ("\r\n", "\u00a0", "\u200d", "\u200b"):
        assert needle in text, repr(needle)


def test_seed_documents_when_bundled() -> None:
    try:
        bundled_gold_dir()
    except FileNotFoundError:
        pytest.skip("no bundled seed gold in this checkout")
    seeds = seed_documents()
    assert seeds is not None, "the seed gold is bundled but could not be read"
    assert seeds
    assert [doc.id for doc in seeds] == [doc.id for doc in load_seeds()]
    assert all(doc.tokens and doc.sentences for doc in seeds)


def test_find_span_names_the_nth_occurrence() -> None:
    text = "Er sagte, sie sagte es auch."
    assert find_span(text, "sagte") == Span(3, 8)
    assert find_span(text, "sagte", nth=2) == Span(14, 19)
    assert find_span(text, "sie sagte es").text_in(text) == "sie sagte es"
    with pytest.raises(ValueError, match="substring not found"):
        find_span(text, "sagte", nth=3)
    with pytest.raises(ValueError, match="nth counts from 1"):
        find_span(text, "sagte", nth=0)


# -- the fixtures, used the way a plugin author uses them -----------------------------------


def test_fixtures_plugin_in_a_plugin_authors_test_run(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["zitat.testing.fixtures"]\n')
    (tmp_path / "test_author.py").write_text(
        "def test_direct(direct_quote_document):\n"
        "    assert '»' in direct_quote_document.text\n"
        "def test_empty(empty_document):\n"
        "    assert empty_document.text == ''\n"
        "def test_each(kit_document):\n"
        "    assert kit_document.id.startswith('kit-')\n"
        "def test_all(kit_documents, unicode_document, no_quote_document,\n"
        "             indirect_speech_document):\n"
        "    assert kit_documents['unicode'] == unicode_document\n"
        "def test_seeds(seed_documents):\n"
        "    assert len(seed_documents) >= 1\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    seeds = "1 passed" if seed_documents() else "1 skipped"
    assert "10 passed" in run.stdout or (seeds == "1 skipped" and "9 passed" in run.stdout)


# -- conformance of the built-in extractors ---------------------------------------------------


BUILT_IN = sorted(Plugins(discover=False).extractors().values(), key=lambda cls: cls.name)


def test_the_baselines_are_built_in() -> None:
    assert {NullExtractor, QuotationMarkExtractor} <= set(BUILT_IN)


@pytest.mark.parametrize("extractor", BUILT_IN, ids=lambda cls: cls.name)
def test_every_built_in_extractor_conforms(extractor: type[Extractor]) -> None:
    report = assert_conforms(extractor)
    names = [c.name for c in report.checks]
    assert {"metadata.name", "construct", "deterministic", "batch"} <= set(names)
    assert {f"output[{n}]" for n in kit_documents()} <= set(names)


# -- deliberately broken extractors: each failure is named ---------------------------------


class Base(Extractor):
    name: ClassVar[str] = "base"
    version: ClassVar[str] = "1.0"
    description: ClassVar[str] = "A test extractor."

    def extract(self, doc: Document) -> Annotations:
        return Annotations()


def failed(report: ConformanceReport) -> dict[str, str]:
    return {c.name: c.message for c in report.failures}


def run_kit(cls: type[Extractor], **options: Any) -> dict[str, str]:
    report = check_extractor(cls, include_seeds=False, **options)
    assert not report.ok
    assert str(report).startswith(f"extractor {cls.name!r}: {len(report.failures)} check(s)")
    return failed(report)


class CrashesOnEmpty(Base):
    name: ClassVar[str] = "crashes-on-empty"

    def extract(self, doc: Document) -> Annotations:
        first = doc.sentences[0]  # IndexError on an empty document
        return Annotations(quotes=(Quote("q1", (first,), QuoteType.DIRECT),))


def test_crash_on_the_empty_document_is_reported() -> None:
    failures = run_kit(CrashesOnEmpty)
    assert list(failures) == ["output[empty]"]
    assert failures["output[empty]"].startswith("IndexError: tuple index out of range (")


class Utf16Offsets(Base):
    """Counts offsets in UTF-16 code units, as JavaScript would: wrong past astral chars."""

    name: ClassVar[str] = "utf16-offsets"

    def extract(self, doc: Document) -> Annotations:
        end = len(doc.text.encode("utf-16-le")) // 2
        if not doc.text.strip():
            return Annotations()
        return Annotations(quotes=(Quote("q1", (Span(0, end),), QuoteType.DIRECT),))


def test_span_outside_the_text_is_reported() -> None:
    failures = run_kit(Utf16Offsets)
    assert list(failures) == ["output[unicode]"]
    assert "Quote 'q1'.spans[0]: span 0-" in failures["output[unicode]"]
    assert "lies outside the text" in failures["output[unicode]"]


class Shouted(Base):
    name: ClassVar[str] = "shouted"

    def extract(self, doc: Document) -> Annotations:
        if "»" not in doc.text:
            return Annotations()
        quote = Quote("q1", (Span(0, 1),), "shouted")  # type: ignore[arg-type]
        return Annotations(quotes=(quote,))


def test_unknown_label_is_reported() -> None:
    failures = run_kit(Shouted)
    assert list(failures) == ["output[direct]"]
    assert "unknown label 'shouted'" in failures["output[direct]"]


class ReturnsList(Base):
    name: ClassVar[str] = "returns-list"

    def extract(self, doc: Document) -> Annotations:
        return []  # type: ignore[return-value]


def test_wrong_return_type_is_reported_for_every_document() -> None:
    failures = run_kit(ReturnsList)
    outputs = [n for n in failures if n.startswith("output[")]
    assert len(outputs) == len(kit_documents())
    assert "returned list, expected zitat.schema.Annotations" in failures["output[direct]"]
    assert set(failures) == {f"output[{n}]" for n in kit_documents()}


_counter = itertools.count()


class Flaky(Base):
    name: ClassVar[str] = "flaky"

    def extract(self, doc: Document) -> Annotations:
        if not doc.text or next(_counter) % 2:
            return Annotations()
        return Annotations(quotes=(Quote("q1", (Span(0, 1),), QuoteType.DIRECT),))


def test_nondeterminism_is_reported() -> None:
    failures = run_kit(Flaky)
    assert "deterministic" in failures
    assert "gave different annotations for:" in failures["deterministic"]


class FirstDocumentOnly(Base):
    """Keeps state across documents: only the first document an instance sees gets a quote."""

    name: ClassVar[str] = "first-only"

    def __init__(self, config: Any = None) -> None:
        super().__init__(config)
        self.seen = 0

    def extract(self, doc: Document) -> Annotations:
        if not doc.text.strip():
            return Annotations()
        self.seen += 1
        if self.seen > 1:
            return Annotations()
        return Annotations(quotes=(Quote("q1", (Span(0, 1),), QuoteType.DIRECT),))


def test_order_dependence_is_reported() -> None:
    failures = run_kit(FirstDocumentOnly)
    assert list(failures) == ["deterministic"]
    assert failures["deterministic"].endswith("for: direct, unicode")


class BatchDrops(Base):
    name: ClassVar[str] = "batch-drops"

    def extract_batch(self, docs: Sequence[Document]) -> list[Annotations]:
        return [self.extract(doc) for doc in docs[1:]]


class BatchDiffers(QuotationMarkExtractor):
    name: ClassVar[str] = "batch-differs"

    def extract_batch(self, docs: Sequence[Document]) -> list[Annotations]:
        return [Annotations() for _ in docs]


def test_batch_disagreeing_with_extract_is_reported() -> None:
    assert run_kit(BatchDrops) == {"batch": "extract_batch returned 5 results for 6 documents"}
    message = run_kit(BatchDiffers)["batch"]
    assert message.startswith("extract_batch differs from extract for: direct")
    assert "no-quote" not in message


class SlowOnLong(Base):
    name: ClassVar[str] = "slow-on-long"

    def extract(self, doc: Document) -> Annotations:
        if len(doc.text) > 100_000:
            time.sleep(0.05)
        return Annotations()


def test_time_limit_is_reported() -> None:
    failures = run_kit(SlowOnLong, time_limit=0.02)
    assert list(failures) == ["output[long]"]
    assert "(limit 0.02 s)" in failures["output[long]"]


@dataclass
class MutableConfig:
    window: int = 3


class BadMetadata(Extractor):
    name: ClassVar[str] = "Bad Name"
    version: ClassVar[str] = ""
    tasks: ClassVar[frozenset[Task]] = frozenset()
    description: ClassVar[str] = "two\nlines"
    resources: ClassVar[Resources] = Resources(memory_mb=-1)
    Config = MutableConfig

    def extract(self, doc: Document) -> Annotations:
        return Annotations()


def test_bad_metadata_is_reported_field_by_field() -> None:
    failures = run_kit(BadMetadata)
    assert set(failures) == {
        "metadata.name",
        "metadata.version",
        "metadata.tasks",
        "metadata.description",
        "metadata.resources",
        "metadata.config",
    }
    assert "'Bad Name'" in failures["metadata.name"]
    assert "frozen" in failures["metadata.config"]


class NeedsModel(Base):
    name: ClassVar[str] = "needs-model"

    @dataclass(frozen=True)
    class Config:
        model: str

    def __init__(self, config: Any = None) -> None:
        super().__init__(config)
        if not Path(self.config.model).exists():
            raise FileNotFoundError(self.config.model)


def test_config_that_does_not_validate_stops_the_run() -> None:
    failures = run_kit(NeedsModel)
    assert "does not validate" in failures["metadata.config"]
    assert failures["construct"].startswith("NeedsModel(config) raised ValidationError")
    assert not any(n.startswith("output[") for n in failures)


def test_construct_failure_with_a_config_is_reported(tmp_path: Path) -> None:
    failures = run_kit(NeedsModel, config={"model": str(tmp_path / "missing.bin")})
    assert list(failures) == ["construct"]
    assert "FileNotFoundError" in failures["construct"]
    assert check_extractor(NeedsModel, {"model": str(tmp_path)}, include_seeds=False).ok


class Abstract(Extractor):
    name: ClassVar[str] = "abstract"


def test_abstract_and_foreign_classes_are_reported() -> None:
    assert "implement extract" in run_kit(Abstract)["class"]
    report = check_extractor(dict, include_seeds=False)  # type: ignore[arg-type]
    assert "not a subclass of zitat.plugins.Extractor" in failed(report)["class"]


def test_assert_conforms_lists_every_failed_check() -> None:
    with pytest.raises(AssertionError) as info:
        assert_conforms(CrashesOnEmpty)
    message = str(info.value)
    assert "extractor 'crashes-on-empty': 1 check(s) failed" in message
    assert "FAIL output[empty]: IndexError" in message
    assert "ok   output[direct]" in message


def test_custom_documents_replace_the_kit() -> None:
    doc = Document(id="mine", text="»Ja«")
    report = check_extractor(QuotationMarkExtractor, documents={"mine": doc})
    assert report.ok
    assert [c.name for c in report.checks if c.name.startswith("output")] == ["output[mine]"]
