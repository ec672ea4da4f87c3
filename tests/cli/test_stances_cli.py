"""``zitat stances`` through click's runner: gold stances, and stances an extractor finds."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from zitat.cli.main import cli
from zitat.io import write_documents
from zitat.plugins import Extractor, Plugins
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Document,
    Quote,
    Span,
    SpeakerEntity,
    Stance,
    Task,
)
from zitat.testing import find_span
from zitat.text import make_document

INVENTORY = """\
targets:
  - id: speed-limit
    label: Tempolimit
    aliases: [Tempolimit]
"""

TEXTS = {
    "a": "Petra Lang sagte, ein Tempolimit rette Leben. Der Autoclub nannte Tempolimit unnötig.",
    "b": "Lang sagte, ein Tempolimit sei überfällig.",
}


def _gold() -> list[AnnotatedDocument]:
    a, b = TEXTS["a"], TEXTS["b"]
    doc_a = AnnotatedDocument(
        make_document("a", a),
        Annotations(
            quotes=(
                Quote("q1", (find_span(a, "ein Tempolimit rette Leben"),), "indirect", entity="e1"),
                Quote("q2", (find_span(a, "Tempolimit unnötig"),), "reported", entity="e2"),
            ),
            entities=(
                SpeakerEntity("e1", "Petra Lang", mentions=(find_span(a, "Petra Lang"),)),
                SpeakerEntity(
                    "e2", "Autoclub", kind="organisation", mentions=(find_span(a, "Autoclub"),)
                ),
            ),
            stances=(
                Stance("speed-limit", "favor", quote="q1"),
                Stance("speed-limit", "against", quote="q2"),
            ),
        ),
    )
    doc_b = AnnotatedDocument(
        make_document("b", b),
        Annotations(
            quotes=(
                Quote(
                    "q1", (find_span(b, "ein Tempolimit sei überfällig"),), "indirect", entity="e1"
                ),
            ),
            entities=(SpeakerEntity("e1", "Lang", mentions=(find_span(b, "Lang"),)),),
            stances=(Stance("speed-limit", "favor", quote="q1"),),
        ),
    )
    return [doc_a, doc_b]


@pytest.fixture
def gold_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    write_documents(folder / "docs.jsonl", _gold())
    (folder / "targets.yaml").write_text(INVENTORY, encoding="utf-8")
    return folder


@pytest.fixture
def text_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_text("Absturz: dieser Text bringt den Extraktor zu Fall.")
    return folder


def test_gold_stances_per_speaker_as_json(gold_folder: Path) -> None:
    result = CliRunner().invoke(cli, ["stances", str(gold_folder), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    by_name = {s["name"]: s for s in data["speakers"]}
    assert set(by_name) == {"Petra Lang", "Autoclub"}
    lang = by_name["Petra Lang"]
    assert lang["documents"] == ["a", "b"]  # "Lang" in b is linked to "Petra Lang" in a
    (position,) = lang["positions"]
    assert (position["position"], position["favor"], position["against"]) == ("favor", 2, 0)
    assert [(e["doc_id"], e["quote_id"]) for e in position["evidence"]] == [
        ("a", "q1"),
        ("b", "q1"),
    ]
    assert by_name["Autoclub"]["positions"][0]["position"] == "against"
    assert data["extractor"] is None


def test_gold_stances_as_a_table(gold_folder: Path) -> None:
    result = CliRunner().invoke(cli, ["stances", str(gold_folder)])
    assert result.exit_code == 0, result.output
    assert "Petra Lang" in result.output
    assert "Autoclub" in result.output
    assert "2 / 0 / 0" in result.output  # Lang: favor / against / neutral
    assert "a/q1 favor" in result.output
    assert "mixed" in result.output  # the rule is printed under the table


def test_documents_without_stances_need_an_extractor(text_folder: Path) -> None:
    result = CliRunner().invoke(cli, ["stances", str(text_folder)])
    assert result.exit_code == 2
    assert "holds no stances" in result.output
    no_targets = CliRunner().invoke(cli, ["stances", str(text_folder), "-e", "fake-stance"])
    assert no_targets.exit_code == 2
    assert "no target inventory" in no_targets.output


class FakeStance(Extractor):
    """A quote per text, its first two words as the speaker, favor toward any target named
    in it; a text starting with "Absturz" raises."""

    name: ClassVar[str] = "fake-stance"
    version: ClassVar[str] = "1"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES, Task.SPEAKERS, Task.STANCES})

    def extract(self, doc: Document) -> Annotations:
        if doc.text.startswith("Absturz"):
            raise RuntimeError("kaputt")
        speaker = Span(0, doc.text.index(" sagte") if " sagte" in doc.text else 4)
        quote = Quote("q1", (Span(0, len(doc.text)),), "reported", entity="e1")
        entity = SpeakerEntity("e1", speaker.text_in(doc.text), mentions=(speaker,))
        found: Sequence[Stance] = [
            Stance(t.id, "favor", quote="q1")
            for t in (self.targets or ())
            if any(a in doc.text for a in t.aliases)
        ]
        return Annotations(quotes=(quote,), entities=(entity,), stances=tuple(found))


def test_an_extractor_finds_the_stances_and_a_failure_is_reported(
    text_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Plugins, "extractor", lambda self, name: FakeStance)
    targets = text_folder.parent / "targets.yaml"
    targets.write_text(INVENTORY, encoding="utf-8")
    args = ["stances", str(text_folder), "-e", "fake-stance", "--targets", str(targets)]
    result = CliRunner().invoke(cli, [*args, "--no-isolate", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["extractor"] == "fake-stance"
    assert [f["doc_id"] for f in data["failed"]] == ["broken"]
    by_name = {s["name"]: s for s in data["speakers"]}
    assert by_name["Petra Lang"]["documents"] == ["a", "b"]
    assert by_name["Petra Lang"]["positions"][0]["favor"] == 2


def test_an_extractor_without_stances_is_refused(gold_folder: Path) -> None:
    result = CliRunner().invoke(cli, ["stances", str(gold_folder), "-e", "baseline-quotemarks"])
    assert result.exit_code == 2
    assert "does not find stances" in result.output


def test_the_bundled_gold_by_name() -> None:
    result = CliRunner().invoke(cli, ["stances", "seeds", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    names = {s["name"] for s in data["speakers"]}
    assert {"Antony Blinken", "Sergej Lawrow"} <= names
    blinken = next(s for s in data["speakers"] if s["name"] == "Antony Blinken")
    assert len(blinken["documents"]) == 5
    invasion = next(p for p in blinken["positions"] if p["target"] == "russian-invasion")
    assert invasion["position"] == "against"
