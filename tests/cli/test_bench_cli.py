"""``zitat bench run|report|rescore|compare`` through click's runner, on a tiny tmp gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from zitat import (
    AnnotatedDocument,
    Annotations,
    Quote,
    QuoteType,
    make_document,
    write_documents,
)
from zitat.cli.main import cli
from zitat.testing import find_span

TEXT_1 = "„Wir bleiben im Gespräch“, sagte die Ministerin. Sie sprach von einem Erfolg."
TEXT_2 = "Der Trainer erklärte, die Mannschaft sei gut vorbereitet. Das Spiel beginnt um 15 Uhr."
BASELINES = ["-e", "baseline-null", "-e", "baseline-quotemarks"]


def _gold(with_indirect: bool = True) -> list[AnnotatedDocument]:
    direct = Quote("q1", (find_span(TEXT_1, "„Wir bleiben im Gespräch“"),), QuoteType.DIRECT)
    indirect = Quote(
        "q1", (find_span(TEXT_2, "die Mannschaft sei gut vorbereitet"),), QuoteType.INDIRECT
    )
    return [
        AnnotatedDocument(make_document("n1", TEXT_1), Annotations(quotes=(direct,))),
        AnnotatedDocument(
            make_document("n2", TEXT_2), Annotations(quotes=(indirect,) if with_indirect else ())
        ),
    ]


pytestmark = pytest.mark.usefixtures("only_builtin_plugins")


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    write_documents(path, _gold())
    return path


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def bench_run(gold: Path, out: Path, *extra: str) -> Result:
    return invoke("bench", "run", "--gold", str(gold), "--out", str(out), "--bootstrap", "20",
                  *BASELINES, *extra)  # fmt: skip


def _results(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    return data


def test_run_prints_the_table_and_saves(gold_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    result = bench_run(gold_file, out)
    assert result.exit_code == 0, result.output
    assert "│ baseline-quotemarks" in result.stdout
    assert "saved to" in result.stdout
    results = _results(out)
    assert [e["name"] for e in results["extractors"]] == ["baseline-null", "baseline-quotemarks"]
    assert results["gold"]["spec"] == str(gold_file)
    assert (out / "report.md").is_file()
    assert (out / "per_document.parquet").is_file()
    assert (out / "predictions" / "baseline-quotemarks.jsonl").is_file()


def test_run_json_prints_results_json(gold_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    result = bench_run(gold_file, out, "--json", "--limit", "1", "--seed", "3")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed == _results(out)
    assert printed["schema_version"] == 1
    assert printed["gold"]["scored_documents"] == 1
    assert printed["settings"]["seed"] == 3
    marks = printed["extractors"][1]
    assert marks["name"] == "baseline-quotemarks"
    assert marks["documents"] == 1


def test_run_with_tasks_and_no_isolate(gold_file: Path, tmp_path: Path) -> None:
    result = bench_run(gold_file, tmp_path / "run", "--tasks", "quotes", "--no-isolate", "--json")
    assert result.exit_code == 0, result.output
    results = json.loads(result.stdout)
    assert results["settings"]["tasks"] == ["quotes"]
    assert results["settings"]["isolate"] is False
    null = results["extractors"][0]
    assert null["scored_tasks"] == ["quotes"]
    # gold: 2 quotes; quotemarks finds the direct one exactly
    assert results["extractors"][1]["scores"]["quotes.exact.r"] == pytest.approx(0.5)


def test_report_prints_and_rewrites_markdown(gold_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    assert bench_run(gold_file, out).exit_code == 0
    (out / "report.md").unlink()
    result = invoke("bench", "report", str(out))
    assert result.exit_code == 0, result.output
    assert "## Comparison" in result.stdout
    assert "| `baseline-quotemarks` |" in result.stdout
    assert (out / "report.md").read_text(encoding="utf-8").strip() == result.stdout.strip()


def test_rescore_and_changed_gold(gold_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    assert bench_run(gold_file, out).exit_code == 0
    before = _results(out)
    result = invoke("bench", "rescore", str(out))
    assert result.exit_code == 0, result.output
    assert "│ baseline-quotemarks" in result.stdout
    after = _results(out)
    assert [e["scores"] for e in after["extractors"]] == [e["scores"] for e in before["extractors"]]
    assert "rescored" in after

    write_documents(gold_file, _gold(with_indirect=False))
    result = invoke("bench", "rescore", str(out))
    assert result.exit_code == 2
    assert "changed since this run" in result.stderr
    assert "--allow-changed-gold" in result.stderr
    result = invoke("bench", "rescore", str(out), "--allow-changed-gold", "--bootstrap", "10")
    assert result.exit_code == 0, result.output
    marks = _results(out)["extractors"][1]
    assert marks["scores"]["quotes.exact.r"] == 1.0  # the only gold quote left is found
    assert _results(out)["settings"]["n_boot"] == 10


def test_compare_json_and_table(gold_file: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert bench_run(gold_file, a).exit_code == 0
    assert bench_run(gold_file, b).exit_code == 0
    result = invoke("bench", "compare", str(a), str(b), "--json")
    assert result.exit_code == 0, result.output
    comparison = json.loads(result.stdout)
    assert comparison["same_gold"] is True
    assert comparison["rows"]
    for row in comparison["rows"]:  # the same extractors on the same gold: no difference
        assert row["delta"] == 0.0
        assert row["p_value"] == 1.0
    result = invoke("bench", "compare", str(a), str(b))
    assert result.exit_code == 0, result.output
    assert "B − A" in result.stdout
    assert "+0.000" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-e", "nope"], "no extractor named 'nope'; installed: baseline-null"),
        (["--limit", "0"], "--limit must be at least 1, not 0"),
        (["--config", "baseline-null={bad json"], "--config baseline-null: not JSON"),
        (["--config", "baseline-null"], "--config expects NAME=JSON"),
        (["--config", "baseline-null=[1, 2]"], "expected a JSON object"),
        (["--tasks", "quotes,poems"], "unknown task(s) poems"),
    ],
)
def test_run_bad_inputs_exit_2(
    gold_file: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = invoke("bench", "run", "--gold", str(gold_file), "--out", str(tmp_path / "r"), *args)
    assert result.exit_code == 2, result.output
    assert "error:" in result.stderr
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.output


def test_run_unknown_gold_set_exits_2(tmp_path: Path) -> None:
    result = invoke("bench", "run", "--gold", "no-such-set:dev", "--out", str(tmp_path / "r"))
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "no gold set or path 'no-such-set:dev'" in message
    assert "seeds" in message  # the registered gold sets are listed


def test_report_and_rescore_of_a_non_run_folder_exit_2(tmp_path: Path) -> None:
    for command in ("report", "rescore"):
        result = invoke("bench", command, str(tmp_path))
        assert result.exit_code == 2, command
        assert "not a run folder" in result.stderr


def test_the_command_line_starts_without_the_scoring_stack() -> None:
    """``zitat --help`` stays fast: scipy, seqeval, pyarrow and datasets load only when a
    command that needs them runs (``zitat bench run`` does, the group itself does not)."""
    import subprocess
    import sys

    heavy = ("scipy", "seqeval", "pyarrow", "datasets", "numpy")
    code = (
        "import sys, zitat.cli.main\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_default_gold_matches_the_library() -> None:
    from zitat.bench.goldspec import DEFAULT_GOLD
    from zitat.cli import bench as bench_cli

    assert bench_cli.DEFAULT_GOLD == DEFAULT_GOLD


def test_a_narrow_terminal_shows_scores_without_intervals(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rich.console import Console

    from zitat.bench.headline import HEADLINE
    from zitat.cli import bench as bench_cli

    def entry(name: str, value: float | None) -> dict[str, Any]:
        scores = {} if value is None else {key: value for key, _, _ in HEADLINE}
        intervals = {key: [value - 0.1, value + 0.1] for key in scores if value is not None}
        return {"name": name, "status": "ok", "scores": scores, "intervals": intervals}

    results = {
        "gold": {"spec": "g", "scored_documents": 2},
        "extractors": [entry("a", 0.5), entry("b", 0.25), entry("c", None)],
    }
    shown = {}
    for width in (200, 100):
        console = Console(width=width, record=True, highlight=False)
        monkeypatch.setattr(bench_cli, "console", console)
        bench_cli.print_comparison(results)
        shown[width] = console.export_text()
    assert "0.500 ±0.100 ★" in shown[200]
    assert "0.250 ±0.100" in shown[200]
    assert "±" not in shown[100].split("best per column")[0]  # the caption aside
    assert "0.500 ★" in shown[100]
    assert "0.250" in shown[100]
    assert "–" in shown[100]  # c has no scores
