"""``zitat convert`` between registered formats."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from zitat.cli.main import cli
from zitat.io import read_documents, write_documents
from zitat.schema import AnnotatedDocument, Annotations, Quote, Span, SpeakerEntity, Stance
from zitat.text import make_document

TEXT = "Lawrow sagte, Moskau warte ab. „Wir sind bereit“, so Blinken 😀."


def docs() -> list[AnnotatedDocument]:
    return [
        AnnotatedDocument(
            make_document("a", TEXT, {"outlet": "dpa"}),
            Annotations(
                quotes=(
                    Quote("q1", (Span(14, 29),), "indirect", speaker=(Span(0, 6),), entity="e1"),
                    Quote(
                        "q2",
                        (Span(31, 48),),
                        "direct",
                        cue=(Span(50, 52),),
                        speaker=(Span(53, 60),),
                    ),
                ),
                entities=(SpeakerEntity("e1", "Sergej Lawrow", mentions=(Span(0, 6),)),),
                stances=(Stance("diplomacy", "neutral", entity="e1"),),
            ),
        ),
        AnnotatedDocument(make_document("b", "Nichts.")),
    ]


def test_prodigy_to_hf_to_prodigy(tmp_path: Path) -> None:
    source = tmp_path / "gold.jsonl"
    write_documents(source, docs())
    runner = CliRunner()
    first = runner.invoke(cli, ["convert", str(source), str(tmp_path / "hf"), "--to", "hf"])
    assert first.exit_code == 0, first.output
    assert "wrote 2 documents" in first.output
    assert (tmp_path / "hf").is_dir()
    back = tmp_path / "back.jsonl"
    second = runner.invoke(cli, ["convert", str(tmp_path / "hf"), str(back), "--from", "hf"])
    assert second.exit_code == 0, second.output
    assert read_documents(back)[0] == docs()
    assert back.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


def test_unknown_format(tmp_path: Path) -> None:
    source = tmp_path / "gold.jsonl"
    write_documents(source, docs())
    result = CliRunner().invoke(cli, ["convert", str(source), str(tmp_path / "x"), "--to", "brat"])
    assert result.exit_code == 2
    assert "unknown format 'brat'" in result.output
    assert "prodigy" in result.output  # lists the known formats
    assert not (tmp_path / "x").exists()


def test_refuses_to_overwrite_input(tmp_path: Path) -> None:
    source = tmp_path / "gold.jsonl"
    write_documents(source, docs())
    before = source.read_bytes()
    result = CliRunner().invoke(cli, ["convert", str(source), str(source)])
    assert result.exit_code == 2
    assert "refusing to overwrite the input" in result.output
    assert source.read_bytes() == before


def test_bad_input_exits_non_zero(tmp_path: Path) -> None:
    source = tmp_path / "broken.jsonl"
    source.write_text('{"text": "x"}\n{"text": \n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(source), str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2
    assert "broken.jsonl:2: malformed JSON" in " ".join(result.output.split())


def test_missing_source(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["convert", str(tmp_path / "none.jsonl"), str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
