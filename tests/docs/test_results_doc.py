"""docs/results.md stays true: every key a real run writes is documented there.

A small run (both baselines, an extractor that fails on one document, a plugin that fails to
answer a hook) is made in a tmp folder and re-scored; then every key of its results.json — top
level, per extractor, and the nested records — every column of per_document.parquet and every
score key must be named in the document (score keys through the patterns it documents, e.g.
``quotes.<type>.exact.{p,r,f1}``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import pyarrow.parquet as pq
import pytest

from zitat import (
    AnnotatedDocument,
    Annotations,
    Document,
    Polarity,
    Quote,
    QuoteType,
    SpeakerEntity,
    Stance,
    Task,
    make_document,
    write_documents,
)
from zitat.bench.headline import HEADLINE
from zitat.bench.rescore import rescore_run
from zitat.bench.run import BenchSettings, bench_run
from zitat.plugins import Extractor, Plugins, hookimpl
from zitat.testing import find_span

DOC = Path(__file__).resolve().parents[2] / "docs" / "results.md"
TEXT_1 = "„Wir verhandeln weiter“, sagte die Ministerin. Sie betonte, man sei zuversichtlich."
TEXT_2 = "Kein Zitat hier, nur ein Bericht über das Wetter."


class FailsOnSecond(Extractor):
    name: ClassVar[str] = "doc-fails"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES})

    def extract(self, doc: Document) -> Annotations:
        if doc.id == "r2":
            raise ValueError("no")
        return Annotations()


class Plugin:
    @hookimpl
    def zitat_extractors(self) -> Sequence[type[Extractor]]:
        return [FailsOnSecond]


class BrokenPlugin:
    @hookimpl
    def zitat_extractors(self) -> Sequence[type[Extractor]]:
        raise RuntimeError("broken on purpose")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    folder = tmp_path_factory.mktemp("doc-run")
    entity = SpeakerEntity("e1", "Ministerin", mentions=(find_span(TEXT_1, "die Ministerin"),))
    direct = Quote(
        "q1",
        (find_span(TEXT_1, "„Wir verhandeln weiter“"),),
        QuoteType.DIRECT,
        speaker=(find_span(TEXT_1, "die Ministerin"),),
        entity="e1",
    )
    indirect = Quote("q2", (find_span(TEXT_1, "man sei zuversichtlich"),), QuoteType.INDIRECT)
    gold = [
        AnnotatedDocument(
            make_document("r1", TEXT_1),
            Annotations(
                quotes=(direct, indirect),
                entities=(entity,),
                stances=(Stance("diplomacy", Polarity.FAVOR, quote="q1"),),
            ),
        ),
        AnnotatedDocument(make_document("r2", TEXT_2)),
    ]
    write_documents(folder / "gold.jsonl", gold)
    plugins = Plugins(discover=False)
    plugins.register(Plugin(), name="doc-test")
    plugins.register(BrokenPlugin(), name="doc-broken")
    settings = BenchSettings(
        extractors=["baseline-null", "baseline-quotemarks", "doc-fails"],
        gold=str(folder / "gold.jsonl"),
        out=folder / "run",
        n_boot=10,
        isolate=False,
    )
    _, layout = bench_run(settings, plugins=plugins)
    results = rescore_run(layout.root)
    return results, layout.root


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _undocumented(keys: set[str]) -> list[str]:
    text = _doc()
    return sorted(k for k in keys if f"`{k}`" not in text)


def test_top_level_keys_are_documented(run: tuple[dict[str, Any], Path]) -> None:
    results = run[0]
    assert {"rescored", "plugin_failures", "paired_tests"} <= set(results)
    assert _undocumented(set(results)) == []
    for key in ("gold", "settings", "environment", "rescored"):
        assert _undocumented(set(results[key])) == [], key
    assert results["plugin_failures"], "the run should record the broken plugin"
    for failure in results["plugin_failures"]:
        assert _undocumented(set(failure)) == []
    assert results["paired_tests"]
    for test in results["paired_tests"]:
        assert _undocumented(set(test)) == []


def test_extractor_keys_are_documented(run: tuple[dict[str, Any], Path]) -> None:
    entries = run[0]["extractors"]
    for entry in entries:
        assert _undocumented(set(entry)) == [], entry["name"]
        assert _undocumented(set(entry["speed"])) == []
    failing = next(e for e in entries if e["name"] == "doc-fails")
    assert failing["failures"]
    assert _undocumented(set(failing["failures"][0])) == []


def test_tables_are_documented(run: tuple[dict[str, Any], Path]) -> None:
    null = next(e for e in run[0]["extractors"] if e["name"] == "baseline-null")
    assert _undocumented(set(null["tables"])) == []
    columns: set[str] = set()
    for rows in null["tables"].values():
        for row in rows:
            columns.update(row)
            for value in row.values():
                if isinstance(value, dict):
                    columns.update(value)
    assert _undocumented(columns) == []


def test_per_document_columns_are_documented(run: tuple[dict[str, Any], Path]) -> None:
    columns = set(pq.read_table(run[1] / "per_document.parquet").column_names)
    assert {"extractor", "doc_id", "status"} <= columns
    assert _undocumented(columns) == []


def _patterns() -> list[re.Pattern[str]]:
    """Score-key patterns written in the doc: ``<name>`` is one dotted part, ``{a,b}`` one
    of the choices, ``*`` the rest."""
    out = []
    for literal in re.findall(r"`([a-z_0-9.<>{},*:]+)`", _doc()):
        if re.fullmatch(r"[a-z]+\.\*", literal):  # a section's family (`stance.*`), too broad
            continue
        regex = ""
        for token in re.findall(r"<[a-z]+>|\{[^}]*\}|\*|[^<{*]+", literal):
            if token.startswith("<"):
                regex += r"[^.]+"
            elif token.startswith("{"):
                regex += "(?:" + "|".join(map(re.escape, token[1:-1].split(","))) + ")"
            elif token == "*":
                regex += ".+"
            else:
                regex += re.escape(token)
        out.append(re.compile(regex))
    return out


def test_every_score_key_is_documented(run: tuple[dict[str, Any], Path]) -> None:
    patterns = _patterns()
    keys = {k for e in run[0]["extractors"] for k in e["scores"]}
    assert len(keys) > 50
    assert sorted(k for k in keys if not any(p.fullmatch(k) for p in patterns)) == []
    for key, title, _ in HEADLINE:
        assert f'`{key}` ("{title}")' in " ".join(_doc().split()), key


def test_schema_version_is_the_documented_one(run: tuple[dict[str, Any], Path]) -> None:
    assert run[0]["schema_version"] == 1
    assert "`schema_version` | `1`" in _doc()
