"""docs/stance.md stays true: its inventory example loads, its position table is the rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from zitat.schema import TargetInventory
from zitat.stances import Position, aggregate

DOC = Path(__file__).resolve().parents[2] / "docs" / "stance.md"


def test_the_inventory_example_is_valid() -> None:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert block is not None
    inventory = TargetInventory.from_data(yaml.safe_load(block.group(1)))
    assert inventory["speed-limit-130"].parent == "speed-limit"


def test_the_position_table_follows_the_rule() -> None:
    rows = re.findall(r"^\| (\d+) \| (\d+) \| (\d+) \| (\w+) \|$", DOC.read_text("utf-8"), re.M)
    assert len(rows) >= 5
    for favor, against, neutral, position in rows:
        assert aggregate(int(favor), int(against), int(neutral)) is Position(position)


def test_the_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    block = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block is not None
    exec(compile(block.group(1), str(DOC), "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert any(line.startswith("Antony Blinken russian-invasion against") for line in printed)
