"""``zitat targets validate`` and ``zitat targets show`` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from zitat.cli.main import cli

INVENTORY = """\
targets:
  - id: energy-transition
    label: Energiewende
    description: Replacing fossil and nuclear power by renewables.
    aliases: [Energiewende, Ausbau der Erneuerbaren]
  - id: wind-power
    label: Windkraft
    aliases: [Windräder, Windenergie]
    parent: energy-transition
  - id: nuclear-exit
    label: Atomausstieg
    aliases: [Atomausstieg, Energiewende]
"""


def _inventory(tmp_path: Path, text: str = INVENTORY) -> Path:
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_a_good_file_and_report_shared_names(tmp_path: Path) -> None:
    path = _inventory(tmp_path)
    result = CliRunner().invoke(cli, ["targets", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output
    assert "3 targets (1 with a parent, 6 aliases)" in result.output
    as_json = CliRunner().invoke(cli, ["targets", "validate", str(path), "--json"])
    data = json.loads(as_json.output)
    assert data["ok"] is True
    assert data["targets"] == 3
    # "Energiewende" names two targets: a warning, not an error
    assert data["warnings"] == ["'energiewende' names energy-transition, nuclear-exit"]


def test_validate_a_bad_file_names_line_and_field(tmp_path: Path) -> None:
    path = _inventory(tmp_path, INVENTORY.replace("parent: energy-transition", "parent: wind"))
    result = CliRunner().invoke(cli, ["targets", "validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:9: Target 'wind-power'.parent: unknown parent 'wind'" in result.output
    as_json = CliRunner().invoke(cli, ["targets", "validate", str(path), "--json"])
    assert as_json.exit_code == 1
    data = json.loads(as_json.output)
    assert (data["ok"], data["line"], data["field"]) == (False, 9, "parent")


def test_a_gold_folder_is_searched_for_its_inventory(tmp_path: Path) -> None:
    _inventory(tmp_path)
    result = CliRunner().invoke(cli, ["targets", "show", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [t["id"] for t in data["targets"]] == ["energy-transition", "wind-power", "nuclear-exit"]
    assert data["targets"][1]["parent"] == "energy-transition"
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = CliRunner().invoke(cli, ["targets", "show", str(empty)])
    assert missing.exit_code == 2
    assert "no targets.yaml" in missing.output


def test_show_lists_children_under_their_parent(tmp_path: Path) -> None:
    child_first = """\
targets:
  - id: wind-power
    label: Windkraft
    parent: energy-transition
  - id: nuclear-exit
    label: Atomausstieg
  - id: energy-transition
    label: Energiewende
    aliases: [Ausbau der Erneuerbaren]
"""
    result = CliRunner().invoke(cli, ["targets", "show", str(_inventory(tmp_path, child_first))])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    names = ("nuclear-exit", "energy-tr", "wind-power")
    row = {name: next(i for i, x in enumerate(lines) if name in x) for name in names}
    # roots keep inventory order; a child follows its parent, indented
    assert row["nuclear-exit"] < row["energy-tr"] < row["wind-power"]
    assert "│   wind-power" in lines[row["wind-power"]]
    assert "Ausbau der Erneuerbaren" in result.output


def test_a_gold_set_name_resolves_to_its_declared_inventory() -> None:
    result = CliRunner().invoke(cli, ["targets", "show", "seeds", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["source"] == "gold set 'seeds'"
    assert "diplomacy" in {t["id"] for t in data["targets"]}
    unknown = CliRunner().invoke(cli, ["targets", "show", "no-such-set"])
    assert unknown.exit_code == 2
    assert "gold sets:" in unknown.output
