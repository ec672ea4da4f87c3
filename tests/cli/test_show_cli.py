"""``zitat show DOC_ID --run RUN --html OUT``: the error-analysis page of one document."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from zitat import AnnotatedDocument, Annotations, Quote, QuoteType, make_document
from zitat import write_documents as write_gold
from zitat.cli.main import cli
from zitat.testing import find_span

TEXT = "„Wir bleiben im Gespräch“, sagte die Ministerin. Kritiker halten das für „Symbolpolitik“."


pytestmark = pytest.mark.usefixtures("only_builtin_plugins")


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    quote = Quote("q1", (find_span(TEXT, "„Wir bleiben im Gespräch“"),), QuoteType.DIRECT)
    gold = tmp_path / "gold.jsonl"
    write_gold(gold, [AnnotatedDocument(make_document("s1", TEXT), Annotations(quotes=(quote,)))])
    out = tmp_path / "run"
    result = invoke("bench", "run", "--gold", str(gold), "--out", str(out), "--bootstrap", "0",
                    "-e", "baseline-null", "-e", "baseline-quotemarks", "--no-isolate")  # fmt: skip
    assert result.exit_code == 0, result.output
    return out


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_show_writes_the_page(run_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "pages" / "s1.html"
    result = invoke("show", "s1", "--run", str(run_dir), "-e", "baseline-quotemarks",
                    "--html", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "s1 — gold vs. baseline-quotemarks" in page
    assert "gold (1 quotes, 0 missed)" in page
    assert "1 spurious" in page  # „Symbolpolitik“ is a scare quote
    assert 'class="q direct miss spurious"' in page
    assert "spurious (predicted q2, direct): „Symbolpolitik“" in page


def test_show_defaults_to_the_first_extractor(run_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "s1.html"
    result = invoke("show", "s1", "--run", str(run_dir), "--html", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "gold vs. baseline-null" in page
    assert "gold (1 quotes, 1 missed)" in page
    assert 'class="q direct miss missed"' in page


def test_show_unknown_document_or_extractor_exits_2(run_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    result = invoke("show", "nope", "--run", str(run_dir), "--html", str(out))
    assert result.exit_code == 2
    assert "no document 'nope' in this run; it has: s1" in result.stderr
    result = invoke("show", "s1", "--run", str(run_dir), "-e", "rules", "--html", str(out))
    assert result.exit_code == 2
    assert "no extractor 'rules' in this run" in " ".join(result.stderr.split())
    assert not out.exists()
