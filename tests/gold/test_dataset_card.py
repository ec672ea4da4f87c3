"""The dataset card's statistics block says what the gold holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from zitat.gold.folder import load_gold_path
from zitat.gold.stats import gold_stats

GOLD = Path(__file__).resolve().parents[2] / "gold"


def _card() -> str:
    return (GOLD / "README.md").read_text(encoding="utf-8")


def test_card_has_a_yaml_header_with_language_license_and_tasks() -> None:
    match = re.match(r"---\n(.*?)\n---\n", _card(), re.DOTALL)
    assert match, "the dataset card must start with a YAML header"
    header = yaml.safe_load(match.group(1))
    assert header["language"] == ["de"]
    assert header["license"]
    assert header["task_categories"]


def test_card_statistics_equal_the_gold() -> None:
    block = re.search(r"```json\n(.*?)\n```", _card(), re.DOTALL)
    assert block, "the dataset card must carry its statistics as a JSON block"
    stated = json.loads(block.group(1))
    actual = gold_stats(load_gold_path(GOLD).documents)
    for key, value in stated.items():
        assert actual[key] == value, f"card says {key}={value}, gold has {actual[key]}"
