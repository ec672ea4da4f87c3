"""``zitat quotes align``: gold quotes, extractor quotes, JSON, HTML and errors, via CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from trackkit import pension_corpus

from zitat import write_documents
from zitat.cli.main import cli
from zitat.cli.quotes import LINKAGE_CHOICES, SIMILARITY_CHOICES
from zitat.tracking import LINKAGES, SIMILARITIES

pytestmark = pytest.mark.usefixtures("only_builtin_plugins")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "pension.jsonl"
    write_documents(path, pension_corpus())
    return path


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_json_lists_the_statement_with_its_versions(corpus: Path) -> None:
    result = invoke("quotes", "align", str(corpus), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "zitat.tracking/1"
    assert (data["documents"], data["quotes"], data["quotes_from"]) == (3, 5, "corpus")
    assert data["min_size"] == 2
    assert len(data["clusters"]) == 1  # the singletons are counted, not listed
    assert data["clusters_total"] == 3
    cluster = data["clusters"][0]
    assert cluster["speaker"]["name"] == "Petra Lindqvist"
    assert cluster["documents"] == ["anzeiger-1", "kurier-1", "tagblatt-1"]
    assert cluster["first_seen"]["documents"] == ["anzeiger-1", "kurier-1"]
    kurier = next(v for v in cluster["versions"] if v["doc_id"] == "kurier-1")
    assert (kurier["form"], kurier["outlet"], kurier["date"]) == (
        "indirect",
        "Kurier",
        "2023-03-06",
    )
    assert kurier["only_in_version"] == ["man", "werde"]
    assert kurier["reference"] is False
    assert cluster["reference"] == {"doc_id": "tagblatt-1", "quote_id": "q1"}


def test_min_size_one_lists_every_quote(corpus: Path) -> None:
    result = invoke("quotes", "align", str(corpus), "--json", "--min-size", "1")
    assert result.exit_code == 0, result.output
    sizes = [c["size"] for c in json.loads(result.stdout)["clusters"]]
    assert sizes == [3, 1, 1]


def test_table_names_speaker_versions_and_differences(corpus: Path) -> None:
    result = invoke("quotes", "align", str(corpus), "--threshold", "0.5")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "s1 · Petra Lindqvist · 3 versions in 3 document(s)" in out
    assert "first seen 2023-03-06 (anzeiger-1, kurier-1)" in out
    assert "+man" in out
    assert "−Wir" in out
    assert "Karl Brenner" not in out  # his quote has no second version
    assert "5 quotes in 3 documents (corpus): 3 statements, 1 with at least 2 versions" in out
    assert "threshold 0.5" in out


def test_html_page_is_written(corpus: Path, tmp_path: Path) -> None:
    page = tmp_path / "out" / "statements.html"
    result = invoke("quotes", "align", str(corpus), "--html", str(page))
    assert result.exit_code == 0, result.output
    assert f"wrote {page}" in result.stdout
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<section class="statement" id="s1">' in html
    assert "<ins>man werde</ins>" in html


def test_gold_quotes_for_a_folder_of_texts(corpus: Path, tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    for doc in pension_corpus():
        (texts / f"{doc.id}.txt").write_bytes(doc.text.encode("utf-8"))
    result = invoke("quotes", "align", str(texts), "--gold", str(corpus), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["quotes_from"] == f"gold:{corpus}"
    assert data["clusters"][0]["documents"] == ["anzeiger-1", "kurier-1", "tagblatt-1"]
    # plain texts carry no meta: no outlets, no dates
    assert data["clusters"][0]["outlets"] == []
    assert data["clusters"][0]["first_seen"] is None


def test_texts_without_quotes_need_an_extractor(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Die Sonne scheint.", encoding="utf-8")
    result = invoke("quotes", "align", str(tmp_path))
    assert result.exit_code == 2
    assert "no quotations to align; give --extractor NAME or --gold" in result.stderr


def test_quotes_from_an_extractor(tmp_path: Path) -> None:
    for name, text in (
        ("a", "„Wir bleiben im Gespräch“, sagte der Minister."),
        ("b", "Der Minister sagte: „Wir bleiben im Gespräch.“"),
    ):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    result = invoke(
        "quotes", "align", str(tmp_path), "-e", "baseline-quotemarks", "--no-isolate",
        "--json", "--min-size", "1",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["quotes_from"] == "extractor:baseline-quotemarks"
    assert data["quotes"] == 2
    # the baseline names no speakers, and unattributed quotes are never merged
    assert [c["speaker"] for c in data["clusters"]] == [None, None]


def test_extractor_and_gold_exclude_each_other(corpus: Path) -> None:
    result = invoke("quotes", "align", str(corpus), "-e", "baseline-null", "--gold", "seeds")
    assert result.exit_code == 2
    assert "not both" in result.stderr


def test_unknown_extractor_exits_2(corpus: Path) -> None:
    result = invoke("quotes", "align", str(corpus), "-e", "no-such-extractor")
    assert result.exit_code == 2
    assert "no extractor named 'no-such-extractor'" in result.stderr


def test_choices_match_the_library() -> None:
    assert set(SIMILARITY_CHOICES) == set(SIMILARITIES)
    assert LINKAGE_CHOICES == LINKAGES


def test_json_and_html_together_keep_stdout_json(corpus: Path, tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    result = invoke("quotes", "align", str(corpus), "--json", "--html", str(page))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["clusters"][0]["id"] == "s1"
    assert f"wrote {page}" in result.stderr
    assert page.is_file()
