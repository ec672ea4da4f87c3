"""Fixtures of the harness tests: the hand-written gold and one shared baseline run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from benchkit import run_baselines, write_gold

from zitat.bench.layout import RunLayout


@pytest.fixture(scope="session")
def gold_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-written gold as one JSONL file (shared; never modify it)."""
    return write_gold(tmp_path_factory.mktemp("gold") / "gold.jsonl")


@pytest.fixture(scope="session")
def baseline_run(
    gold_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Any], RunLayout]:
    """One run of both baselines on the gold (shared; copy the folder before changing it)."""
    return run_baselines(gold_file, tmp_path_factory.mktemp("runs") / "baselines")
