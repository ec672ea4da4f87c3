"""``zitat --version``, ``zitat gold validate`` and ``zitat gold stats`` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zitat import __version__
from zitat.cli.main import cli
from zitat.io import write_documents
from zitat.io.prodigy import document_to_record
from zitat.schema import AnnotatedDocument, Annotations, Quote, Span, SpeakerEntity, Stance
from zitat.text import make_document

TEXT = "Blinken sagte: „Wir reden weiter.“ Lawrow sagte, Moskau warte ab."
#       0         1         2         3         4         5         6


def gold_docs() -> list[AnnotatedDocument]:
    blinken = AnnotatedDocument(
        make_document("d1", TEXT),
        Annotations(
            quotes=(
                Quote(
                    "q1",
                    (Span(15, 34),),
                    "direct",
                    cue=(Span(8, 13),),
                    speaker=(Span(0, 7),),
                    entity="e1",
                ),
                Quote(
                    "q2",
                    (Span(49, 65),),
                    "indirect",
                    medium="speech_writing",
                    speaker=(Span(35, 41),),
                ),
            ),
            entities=(SpeakerEntity("e1", "Antony Blinken", mentions=(Span(0, 7),)),),
            stances=(Stance("diplomacy", "favor", quote="q1"),),
        ),
    )
    empty = AnnotatedDocument(make_document("d2", "Kein Zitat hier."))
    return [blinken, empty]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    write_documents(path, gold_docs())
    return path


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    record = document_to_record(gold_docs()[0])
    record["spans"][0]["end"] = 500
    path = tmp_path / "bad.jsonl"
    good = json.dumps(document_to_record(gold_docs()[1]), ensure_ascii=False)
    path.write_text(good + "\n" + json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output
    assert "zitat" in result.output


def test_validate_good_file(gold_file: Path) -> None:
    result = CliRunner().invoke(cli, ["gold", "validate", str(gold_file)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output
    assert "2 documents, 2 quotes" in result.output


def test_validate_json(gold_file: Path) -> None:
    result = CliRunner().invoke(cli, ["gold", "validate", str(gold_file), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["ok"] is True
    assert (data["documents"], data["quotes"], data["skipped"]) == (2, 2, [])


def test_validate_bad_file_strict(bad_file: Path) -> None:
    result = CliRunner().invoke(cli, ["gold", "validate", str(bad_file)])
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert "bad.jsonl:2:" in message
    assert "record.spans[0].end" in message
    assert "outside the text" in message


def test_validate_bad_file_lenient(bad_file: Path) -> None:
    result = CliRunner().invoke(cli, ["gold", "validate", str(bad_file), "--lenient", "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert data["documents"] == 1
    assert len(data["skipped"]) == 1
    assert "bad.jsonl:2: record.spans[0].end" in data["skipped"][0]


def test_validate_missing_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["gold", "validate", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2  # click's usage error
    assert "does not exist" in result.output


def test_validate_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["gold", "validate", str(path)])
    assert result.exit_code == 2
    assert "the file is empty" in result.output


def test_stats_json(gold_file: Path) -> None:
    result = CliRunner().invoke(cli, ["gold", "stats", str(gold_file), "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.output)
    assert (counts["documents"], counts["quotes"], counts["stances"]) == (2, 2, 1)
    assert counts["by_type"] == {"direct": 1, "indirect": 1}
    assert counts["by_medium"] == {"speech": 1, "speech_writing": 1}
    assert counts["by_speaker"] == {"Antony Blinken": 1, "(unattributed)": 1}
    assert counts["by_target_polarity"] == {"diplomacy:favor": 1}
    assert counts["quotes_with_role"] == {"cue": 1, "frame": 0, "speaker": 2, "addressee": 0}
    assert counts["unattributed_quotes"] == 1
    assert counts["by_document"]["d2"]["quotes"] == 0
    assert counts["by_document"]["d1"]["mentions"] == 1


def test_stats_table(gold_file: Path) -> None:
    result = CliRunner().invoke(cli, ["gold", "stats", str(gold_file)])
    assert result.exit_code == 0
    assert "2 documents, 2 quotes, 1 stances" in result.output
    assert "Antony Blinken" in result.output


def test_stats_on_bad_file_fails(bad_file: Path) -> None:
    result = CliRunner().invoke(cli, ["gold", "stats", str(bad_file)])
    assert result.exit_code == 2
    assert "bad.jsonl:2" in result.output
