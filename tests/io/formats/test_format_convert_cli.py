"""``zitat convert`` to and from doccano, Label Studio and WebAnno TSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from formats_kit import DATA, special_documents

from zitat.cli.main import cli
from zitat.gold.bundled import bundled_gold_dir
from zitat.io import read_documents, write_documents

SEEDS = bundled_gold_dir() / "seeds.jsonl"


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("doccano", "out.jsonl"),
        ("labelstudio", "out.json"),
        ("labelstudio-predictions", "out.json"),
        ("webanno-tsv", "tsv"),
    ],
)
def test_seeds_there_and_back_byte_for_byte(tmp_path: Path, fmt: str, name: str) -> None:
    runner = CliRunner()
    there = runner.invoke(cli, ["convert", str(SEEDS), str(tmp_path / name), "--to", fmt])
    assert there.exit_code == 0, there.output
    assert f"wrote 5 documents to {tmp_path / name} ({fmt})" in " ".join(there.output.split())
    back = tmp_path / "back.jsonl"
    again = runner.invoke(cli, ["convert", str(tmp_path / name), str(back), "--from", fmt])
    assert again.exit_code == 0, again.output
    assert "note:" not in again.output  # nothing was lost or guessed
    assert back.read_bytes() == SEEDS.read_bytes()


def test_special_characters_through_every_format(tmp_path: Path) -> None:
    source = tmp_path / "special.jsonl"
    write_documents(source, special_documents())
    runner = CliRunner()
    current, current_format = source, "prodigy"
    for fmt, name in (("webanno-tsv", "tsv"), ("labelstudio", "ls.json"), ("doccano", "d.jsonl")):
        target = tmp_path / name
        result = runner.invoke(
            cli, ["convert", str(current), str(target), "--from", current_format, "--to", fmt]
        )
        assert result.exit_code == 0, result.output
        current, current_format = target, fmt
    back = tmp_path / "back.jsonl"
    result = runner.invoke(cli, ["convert", str(current), str(back), "--from", current_format])
    assert result.exit_code == 0, result.output
    assert read_documents(back)[0] == special_documents()


def test_guesses_are_reported_as_notes(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "convert",
            str(DATA / "doccano_export.jsonl"),
            str(tmp_path / "o.jsonl"),
            "--from",
            "doccano",
        ],
    )
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "note:" in output
    assert "2 document(s) without a zitat record ('17', 'doc-b')" in output
    assert "5 quote(s) given the medium 'speech'" in output


def test_errors_name_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    line = {"text": "😀 Lawrow", "entities": [{"id": 1, "label": "MENTION", "start_offset": 1,
                                             "end_offset": 8}]}  # fmt: skip
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["convert", str(path), str(tmp_path / "o.jsonl"), "--from", "doccano"]
    )
    assert result.exit_code == 2
    output = " ".join(result.output.split())
    assert f"{path}:1: record.entities[0].start_offset: UTF-16 offset 1 splits" in output
    assert not (tmp_path / "o.jsonl").exists() or not (tmp_path / "o.jsonl").read_text()


def test_tsv_file_of_one_document(tmp_path: Path) -> None:
    source = tmp_path / "one.jsonl"
    write_documents(source, special_documents()[:1])
    result = CliRunner().invoke(
        cli, ["convert", str(source), str(tmp_path / "one.tsv"), "--to", "webanno-tsv"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "one.tsv").read_text(encoding="utf-8").startswith("#FORMAT=WebAnno TSV 3.3")
