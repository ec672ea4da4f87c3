"""A small hand-written gold set and helpers to run the baselines on it.

The five documents were written for these tests (German news style). What the baselines
score on them is worked out by hand in ``test_baseline_scores.py``; the facts that working
relies on are spelled out next to each document below.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zitat import (
    AnnotatedDocument,
    Annotations,
    EntityKind,
    Polarity,
    Quote,
    QuoteType,
    SpeakerEntity,
    Stance,
    make_document,
    write_documents,
)
from zitat.bench.layout import RunLayout
from zitat.bench.run import BenchSettings, bench_run
from zitat.plugins import Plugins
from zitat.testing import find_span

BASELINES = ("baseline-null", "baseline-quotemarks")
N_BOOT = 20

# art-01: a direct quote with its marks, then indirect speech with a frame. Both by Anna Berg.
TEXT_1 = (
    "Genf. „Wir werden die Gespräche fortsetzen“, sagte Außenministerin Anna Berg am Montag. "
    "Sie betonte, man sei zu Kompromissen bereit."
)
# art-02: a direct quote in »…« (gold includes the marks) and a scare quote („alternativlos“)
# that is not a quotation: the quotation-mark baseline predicts it anyway.
TEXT_2 = (
    "Der Sprecher des Ministeriums erklärte: »Die Sanktionen bleiben in Kraft.« "
    "Kritiker nennen das Wort „alternativlos“ eine Floskel."
)
# art-03: gold marks the quote WITHOUT its quotation marks, so a prediction with the marks
# overlaps but is not exact (5 content tokens in gold, 7 with the two marks).
TEXT_3 = "„Das ist ein guter Tag“, sagte der Bürgermeister nach der Abstimmung."
# art-04: no quotation at all.
TEXT_4 = "Das Wetter bleibt am Wochenende freundlich. Im Bergland kann es regnen."
# art-05: a report with "laut", no quotation marks.
TEXT_5 = "Laut Polizei gab es bei der Kundgebung keine Verletzten."


def gold_documents() -> list[AnnotatedDocument]:
    """The five gold documents, annotated by hand."""
    t1, t2, t3, t4, t5 = TEXT_1, TEXT_2, TEXT_3, TEXT_4, TEXT_5
    berg = SpeakerEntity(
        "e1",
        "Anna Berg",
        EntityKind.PERSON,
        mentions=(find_span(t1, "Außenministerin Anna Berg"), find_span(t1, "Sie")),
    )
    doc1 = AnnotatedDocument(
        make_document("art-01", t1),
        Annotations(
            quotes=(
                Quote(
                    "q1",
                    (find_span(t1, "„Wir werden die Gespräche fortsetzen“"),),
                    QuoteType.DIRECT,
                    cue=(find_span(t1, "sagte"),),
                    speaker=(find_span(t1, "Außenministerin Anna Berg"),),
                    entity="e1",
                ),
                Quote(
                    "q2",
                    (find_span(t1, "man sei zu Kompromissen bereit"),),
                    QuoteType.INDIRECT,
                    cue=(find_span(t1, "betonte"),),
                    frame=(find_span(t1, "Sie betonte"),),
                    speaker=(find_span(t1, "Sie"),),
                    entity="e1",
                ),
            ),
            entities=(berg,),
            stances=(Stance("diplomacy", Polarity.FAVOR, quote="q1"),),
        ),
    )
    doc2 = AnnotatedDocument(
        make_document("art-02", t2),
        Annotations(
            quotes=(
                Quote(
                    "q1",
                    (find_span(t2, "»Die Sanktionen bleiben in Kraft.«"),),
                    QuoteType.DIRECT,
                    cue=(find_span(t2, "erklärte"),),
                    speaker=(find_span(t2, "Der Sprecher des Ministeriums"),),
                    entity="e1",
                ),
            ),
            entities=(
                SpeakerEntity(
                    "e1",
                    "Sprecher des Ministeriums",
                    EntityKind.PERSON,
                    mentions=(find_span(t2, "Der Sprecher des Ministeriums"),),
                ),
            ),
            stances=(Stance("sanctions", Polarity.FAVOR, quote="q1"),),
        ),
    )
    doc3 = AnnotatedDocument(
        make_document("art-03", t3),
        Annotations(
            quotes=(
                Quote(
                    "q1",
                    (find_span(t3, "Das ist ein guter Tag"),),
                    QuoteType.DIRECT,
                    cue=(find_span(t3, "sagte"),),
                    speaker=(find_span(t3, "der Bürgermeister"),),
                ),
            )
        ),
    )
    doc4 = AnnotatedDocument(make_document("art-04", t4), Annotations())
    doc5 = AnnotatedDocument(
        make_document("art-05", t5),
        Annotations(
            quotes=(
                Quote(
                    "q1",
                    (find_span(t5, "gab es bei der Kundgebung keine Verletzten"),),
                    QuoteType.INDIRECT,
                    cue=(find_span(t5, "Laut"),),
                    speaker=(find_span(t5, "Polizei"),),
                    entity="e1",
                ),
            ),
            entities=(
                SpeakerEntity(
                    "e1",
                    "Polizei",
                    EntityKind.ORGANISATION,
                    mentions=(find_span(t5, "Polizei"),),
                ),
            ),
        ),
    )
    return [doc1, doc2, doc3, doc4, doc5]


def write_gold(path: Path, docs: list[AnnotatedDocument] | None = None) -> Path:
    """Write the gold (or ``docs``) as Prodigy JSONL to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_documents(path, gold_documents() if docs is None else docs)
    return path


def run_baselines(gold: Path, out: Path, **changes: Any) -> tuple[dict[str, Any], RunLayout]:
    """``bench_run`` of both baselines on ``gold`` into ``out`` (no entry-point plugins)."""
    options: dict[str, Any] = {
        "extractors": list(BASELINES),
        "gold": str(gold),
        "out": out,
        "n_boot": N_BOOT,
        "timeout": 30.0,
    }
    options.update(changes)
    return bench_run(BenchSettings(**options), plugins=Plugins(discover=False))


def scores_of(results: dict[str, Any], name: str) -> dict[str, float]:
    """The ``scores`` of extractor ``name`` in a results dict."""
    return dict(entry_of(results, name)["scores"])


def entry_of(results: dict[str, Any], name: str) -> dict[str, Any]:
    """The results.json entry of extractor ``name``."""
    return dict(next(e for e in results["extractors"] if e["name"] == name))
