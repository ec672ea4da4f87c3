"""Target inventories read from YAML and JSON: errors name file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zitat.errors import InputError, ValidationError
from zitat.schema import Target, TargetInventory

GOOD = """\
# an inventory for a debate on speed limits
targets:
  - id: speed-limit
    label: Tempolimit auf Autobahnen
    description: A general speed limit on motorways.
    aliases: [Tempolimit, Geschwindigkeitsbegrenzung]

  - id: speed-limit-130
    label: Tempo 130
    aliases: [Tempo 130]
    parent: speed-limit
"""


def _write(tmp_path: Path, text: str, name: str = "targets.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_inventory_loads_with_its_hierarchy(tmp_path: Path) -> None:
    inventory = TargetInventory.load(_write(tmp_path, GOOD))
    assert [t.id for t in inventory] == ["speed-limit", "speed-limit-130"]
    assert inventory["speed-limit-130"].parent == "speed-limit"
    assert inventory.ancestors("speed-limit-130") == ("speed-limit",)
    assert inventory.children("speed-limit") == ("speed-limit-130",)
    assert "speed-limit" in inventory
    assert "tempo" not in inventory
    assert TargetInventory.from_data(inventory.to_data()) == inventory


def test_json_reads_like_yaml(tmp_path: Path) -> None:
    data = {"targets": [{"id": "a", "label": "A", "aliases": ["x"]}, {"id": "b", "label": "B"}]}
    inventory = TargetInventory.load(_write(tmp_path, json.dumps(data), "targets.json"))
    assert inventory["a"].aliases == ("x",)


@pytest.mark.parametrize(
    ("text", "line", "where", "message"),
    [
        (  # unknown parent: the line of the parent key
            "targets:\n  - id: a\n    label: A\n  - id: b\n    label: B\n    parent: zz\n",
            6,
            "Target 'b'.parent",
            "unknown parent 'zz'",
        ),
        (  # a cycle through three targets
            (
                "targets:\n  - {id: a, label: A, parent: c}\n  - {id: b, label: B, parent: a}\n"
                "  - {id: c, label: C, parent: b}\n"
            ),
            2,
            "Target 'a'.parent",
            "parent cycle: a -> c -> b -> a",
        ),
        (
            "targets:\n  - id: a\n    label: A\n    parent: a\n",
            4,
            "Target 'a'.parent",
            "its own parent",
        ),
        (
            "targets:\n  - id: a\n    label: A\n  - id: a\n    label: Zweites A\n",
            4,
            "targets[1].id",
            "duplicate id 'a' (first at targets[0])",
        ),
        (
            "targets:\n  - id: a\n    label: ''\n",
            3,
            "Target 'a'.label",
            "expected a non-empty string",
        ),
        (
            "targets:\n  - id: a\n    label: A\n    aliases:\n      - x\n      - 7\n",
            6,  # the line of the bad element
            "Target 'a'.aliases[1]",
            "expected a non-empty string, got 7",
        ),
        (
            "targets:\n  - id: a\n    label: A\n    aliases: Tempolimit\n",
            4,
            "Target 'a'.aliases",
            "got one string",
        ),
        (
            "targets:\n  - id: a\n    label: A\n  - label: B\n",
            4,
            "targets[1].id",
            "missing",
        ),
        (
            "targets:\n  - id: a\n    lable: A\n",
            2,
            "Target 'a'",
            "unknown keys ['lable']",
        ),
        (
            "targets:\n  - id: a\n    label: A\n    label: B\n",
            4,
            "targets[0].label",
            "key given twice",
        ),
        (
            "targets:\n  - id: nato expansion\n    label: A\n",
            2,
            "Target 'nato expansion'.id",
            "no spaces",
        ),
        (
            "ziele:\n  - id: a\n    label: A\n",
            1,
            "TargetInventory",
            "unknown top-level keys ['ziele']",
        ),
        (
            "targets:\n  - just a string\n",
            2,
            "targets[0]",
            "expected a mapping",
        ),
    ],
)
def test_errors_name_file_line_and_field(
    tmp_path: Path, text: str, line: int, where: str, message: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ValidationError) as info:
        TargetInventory.load(path)
    err = info.value
    assert err.source == str(path)
    assert err.line == line
    assert str(err).startswith(f"{path}:{line}: {where}: ")
    assert message in err.message


def test_unreadable_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        TargetInventory.load(tmp_path / "missing.yaml")
    with pytest.raises(InputError, match="empty"):
        TargetInventory.load(_write(tmp_path, "# nothing\n"))
    with pytest.raises(InputError, match="not valid YAML"):
        TargetInventory.load(_write(tmp_path, "targets: [\n"))


def test_cycles_are_rejected_when_built_in_code() -> None:
    with pytest.raises(ValidationError, match="parent cycle: x -> y -> x"):
        TargetInventory((Target("x", "X", parent="y"), Target("y", "Y", parent="x")))


def test_the_bundled_inventory_is_valid() -> None:
    root = Path(__file__).resolve().parents[2]
    inventory = TargetInventory.load(root / "gold" / "targets.yaml")
    assert len(inventory) >= 5
    children = [t for t in inventory if t.parent is not None]
    assert children, "the bundled inventory has a hierarchy"
    for target in inventory:
        for ancestor in inventory.ancestors(target.id):
            assert ancestor in inventory
        if target.parent is not None:
            assert inventory.ancestors(target.id)[0] == target.parent
            assert target.id in inventory.children(target.parent)
