"""Test corpora and extractors for the extraction tests (German sentences written for them)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from zitat.baselines import quotation_mark_spans
from zitat.plugins import Extractor, hookimpl
from zitat.schema import Annotations, Document, Quote, QuoteType, Task

TEXTS: dict[str, str] = {
    "01-bonn": "Die Ministerin sagte: „Wir setzen auf Gespräche.“ Danach reiste sie ab.",
    "02-koeln": "„Das ist ein guter Tag“, erklärte der Bürgermeister am Montag.",
    "03-mainz": "Der Sprecher betonte, man werde die Lage genau beobachten.",
    "04-trier": "Laut Polizei gab es keine Verletzten. »Wir hatten Glück«, sagte ein Anwohner.",
    "05-essen": "Panik brach aus, als der Strom ausfiel. „Bleiben Sie ruhig“, rief der Schaffner.",
    "06-kiel": "Am Hafen war es still. „Morgen kommen die Fähren wieder“, hieß es.",
}
FAILING = "05-essen"  # the document PanicsOnPanik fails on


class PanicsOnPanik(Extractor):
    """Quotation-mark pairs as direct quotes, except that the word "Panik" makes it raise."""

    name: ClassVar[str] = "test-panics"
    version: ClassVar[str] = "1.0.0"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES})

    def extract(self, doc: Document) -> Annotations:
        if "Panik" in doc.text:
            raise RuntimeError("Panik im Text, keine Annotation möglich")
        quotes = tuple(
            Quote(f"q{i}", (span,), QuoteType.DIRECT)
            for i, span in enumerate(quotation_mark_spans(doc.text), start=1)
        )
        return Annotations(quotes=quotes)


class CannotStart(Extractor):
    """An extractor whose model file is missing."""

    name: ClassVar[str] = "test-cannot-start"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES})

    def __init__(self, config: object = None) -> None:
        raise OSError("Modelldatei fehlt")

    def extract(self, doc: Document) -> Annotations:  # pragma: no cover - never built
        return Annotations()


@hookimpl
def zitat_extractors() -> Sequence[type[Extractor]]:
    """The test extractors."""
    return [PanicsOnPanik]


def write_jsonl(path: Path, records: Sequence[object]) -> Path:
    """``records`` as JSONL (UTF-8, one per line)."""
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def corpus_jsonl(path: Path, texts: dict[str, str] = TEXTS) -> Path:
    """The corpus as JSONL with ``id`` and ``text``."""
    return write_jsonl(path, [{"id": k, "text": v} for k, v in texts.items()])


def ids_in(path: Path) -> list[str]:
    """``meta.doc_id`` of every line of a JSONL output, in order."""
    lines = path.read_text("utf-8").splitlines()
    return [json.loads(line)["meta"]["doc_id"] for line in lines]
