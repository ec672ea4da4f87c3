"""``zitat annotate export`` and ``zitat annotate import`` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from annotate_kit import (
    FixedExtractor,
    answered,
    read_jsonl,
    remove_span,
    write_corpus,
    write_jsonl,
    write_targets,
)
from click.testing import CliRunner, Result

from zitat.cli.main import cli
from zitat.plugins import Plugins

pytestmark = pytest.mark.usefixtures("only_builtin_plugins")


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def flat(result: Result) -> str:
    return " ".join(result.output.split())


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    corpus = write_corpus(tmp_path / "corpus")
    targets = write_targets(tmp_path / "targets.yaml")
    out = tmp_path / "tasks.jsonl"
    result = run(
        "annotate", "export", corpus, "-e", "baseline-quotemarks", "--out", out,
        "--targets", targets, "--all-targets", "--no-isolate",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return tmp_path


def test_export_writes_both_files(exported: Path) -> None:
    tasks = read_jsonl(exported / "tasks.jsonl")
    stances = read_jsonl(exported / "tasks.stances.jsonl")  # the default stance path
    assert [t["meta"]["doc_id"] for t in tasks] == ["a", "b", "c"]
    quoted = [t["text"][s["start"] : s["end"]] for t in tasks for s in t["spans"]]
    assert quoted == ["„nicht angreifen 🙂“", "»Das ist ein Erfolg.«"]
    assert len(stances) == 4  # two quotes × two targets, none proposed
    assert all("accept" not in s for s in stances)


def test_export_output_and_json(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    args = ["annotate", "export", corpus, "-e", "baseline-quotemarks", "--no-isolate"]
    result = run(*args, "--out", tmp_path / "t.jsonl")
    assert result.exit_code == 0, result.output
    assert "wrote 3 quote tasks (2 quotes) to" in flat(result)
    assert "t.stances.jsonl" in flat(result)
    as_json = run(*args, "--out", tmp_path / "u.jsonl", "--json")
    summary = json.loads(as_json.output)
    assert (summary["tasks"], summary["quotes"], summary["failures"]) == (3, 2, [])
    assert summary["stance_out"].endswith("u.stances.jsonl")


def test_export_reports_failed_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Plugins, "extractor", lambda self, name: FixedExtractor)
    corpus = write_corpus(tmp_path / "corpus")
    result = run("annotate", "export", corpus, "-e", "test-fixed", "--out", tmp_path / "t.jsonl")
    assert result.exit_code == 0, result.output
    text = flat(result)
    assert "1 documents failed (tasks without pre-annotation):" in text
    assert "c: error: RuntimeError: no rule for this text" in text
    assert "2 spans overlap others" in text
    assert len(read_jsonl(tmp_path / "t.jsonl")) == 3


def test_export_unknown_extractor(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    result = run("annotate", "export", corpus, "-e", "nope", "--out", tmp_path / "t.jsonl")
    assert result.exit_code == 2
    assert "no extractor named 'nope'" in result.output
    assert not (tmp_path / "t.jsonl").exists()


def _db_out(folder: Path) -> Path:
    tasks = read_jsonl(folder / "tasks.jsonl")
    stances = read_jsonl(folder / "tasks.stances.jsonl")
    bob_a = answered(tasks[0], annotator="bob")
    remove_span(bob_a, "„nicht angreifen 🙂“", "DIRECT")
    favor = answered(stances[0], dataset="zitat_stances")
    favor["accept"] = ["favor"]
    records = [
        *(answered(t) for t in tasks),
        bob_a,
        answered(tasks[1], "reject", annotator="bob"),
        favor,
    ]
    return write_jsonl(folder / "db-out.jsonl", records)


def test_import_then_gold_validate(exported: Path) -> None:
    db = _db_out(exported)
    result = run("annotate", "import", db, "--targets", exported / "targets.yaml")
    assert result.exit_code == 0, result.output
    out = exported / "db-out-gold"  # the default next to the input
    text = flat(result)
    assert "Prodigy import into" in text
    assert "rejected" in text
    assert (out / "import-report.md").read_text(encoding="utf-8").startswith("# Prodigy import")
    report = json.loads((out / "import-report.json").read_text(encoding="utf-8"))
    assert report["annotators"]["alice"]["documents"] == 3
    assert report["annotators"]["alice"]["stance_answers"] == {"favor": 1}
    assert report["annotators"]["bob"]["skipped"]["quotes"] == {"rejected": 1}
    for name, quotes in (("alice", 2), ("bob", 0)):
        check = run("gold", "validate", out / name, "--json")
        assert check.exit_code == 0, check.output
        assert json.loads(check.output)["quotes"] == quotes
    assert (
        json.loads(run("gold", "validate", out / "alice", "--json").output)["stance_answers"] == 1
    )


def test_import_json_and_broken_line_exit_1(exported: Path) -> None:
    db = _db_out(exported)
    with db.open("a", encoding="utf-8") as handle:
        handle.write('{"text": "kaputt", "answer": "accept", "spans": [{"start": 0}]}\n')
    result = run(
        "annotate", "import", db, "--out", exported / "out", "--targets",
        exported / "targets.yaml", "--json",
    )  # fmt: skip
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    (invalid,) = [i for i in report["issues"] if i["reason"] == "invalid"]
    assert invalid["where"].endswith("db-out.jsonl:7")
    assert "record.spans[0].end: missing" in invalid["detail"]


def test_import_duplicates_error(exported: Path) -> None:
    tasks = read_jsonl(exported / "tasks.jsonl")
    db = write_jsonl(
        exported / "dup.jsonl", [answered(tasks[0], timestamp=1), answered(tasks[0], timestamp=2)]
    )
    result = run("annotate", "import", db, "--duplicates", "error", "--out", exported / "o")
    assert result.exit_code == 2
    assert "duplicate answers" in result.output
    assert not (exported / "o").exists()
    latest = run("annotate", "import", db, "--out", exported / "o")
    assert latest.exit_code == 0, latest.output
    assert "duplicate" in flat(latest)
    assert "dup.jsonl:1 (alice): document 'a': task hash" in flat(latest)
    assert "kept" in flat(latest)
    assert "dup.jsonl:2 (latest, by _timestamp)" in flat(latest)


def test_imported_folders_feed_gold_agree(exported: Path) -> None:
    db = _db_out(exported)
    out = exported / "out"
    assert run("annotate", "import", db, "--out", out).exit_code == 0
    result = run("gold", "agree", out / "alice", out / "bob", "--json")
    assert result.exit_code == 0, result.output
    assert "bob" in result.output
