"""The main job: ``zitat bench run`` of every installed extractor on the bundled seeds gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zitat.cli.main import cli
from zitat.gold.bundled import bundled_gold_dir
from zitat.plugins import Plugins


def _bundled_gold() -> Path | None:
    try:
        return bundled_gold_dir() / "seeds.jsonl"
    except FileNotFoundError:
        return None


@pytest.mark.skipif(
    _bundled_gold() is None,
    reason="gold/seeds.jsonl (the bundled seeds gold) is not written yet; it exists in CI",
)
def test_bench_run_on_the_bundled_gold(tmp_path: Path) -> None:
    out = tmp_path / "run"
    result = CliRunner().invoke(cli, ["bench", "run", "--bootstrap", "50", "--out", str(out)])
    assert result.exit_code == 0, result.output
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    installed = set(Plugins().extractors())
    assert {"baseline-null", "baseline-quotemarks"} <= installed
    names = [e["name"] for e in results["extractors"]]
    skipped = {s["name"] for s in results["skipped_extractors"]}
    assert set(names) | skipped == installed
    assert not set(names) & skipped
    assert results["gold"]["name"] == "seeds"
    assert results["gold"]["scored_documents"] == results["gold"]["documents"] == 5
    assert results["settings"]["n_boot"] == 50
    null = next(e for e in results["extractors"] if e["name"] == "baseline-null")
    assert null["status"] == "ok"
    assert null["scores"]["quotes.exact.f1"] == 0.0
    assert "│ baseline-quotemarks" in result.output  # the comparison table was printed
