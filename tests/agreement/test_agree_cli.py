"""``zitat gold agree`` and ``zitat gold merge`` through click's runner, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from agreekit import three_annotators, two_annotators, write_annotators
from click.testing import CliRunner, Result

from zitat.cli.main import cli


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def pair(tmp_path: Path) -> list[Path]:
    return write_annotators(tmp_path, two_annotators())


def test_agree_prints_tables_and_the_single_document(pair: list[Path]) -> None:
    result = run("gold", "agree", *pair)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "anna ~ ben" in out
    assert "quotes.exact.f1" in out
    assert "0.800" in out  # exact span F1 12/15, derived in test_agree_pairs
    assert "d3 is annotated by anna only" in out
    assert "9 disagreements" in out
    assert "stance:security-guarantees" in out


def test_agree_json_has_pairs_group_and_disagreements(pair: list[Path]) -> None:
    result = run("gold", "agree", *pair, "--names", "A,B", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["annotators"] == ["A", "B"]
    assert data["single"] == ["d3"]
    assert data["pairs"][0]["metrics"]["type.kappa"] == pytest.approx(25 / 32)
    assert data["pairs"][0]["counts"]["quotes.exact.only_a"] == 2
    assert [d["field"] for d in data["disagreements"]][:2] == ["stance:security-guarantees", "type"]


def test_agree_writes_a_markdown_report(pair: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "report" / "agreement.md"
    result = run("gold", "agree", *pair, "--out", out)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Inter-annotator agreement")
    assert "`d3` is annotated by anna only" in text
    assert "## Disagreements (9)" in text
    assert "| u4 (" in text
    assert "„Das ist ein Fehler 🙈“" in text
    assert "| `quotes.exact.f1` |" not in text  # metric names are plain cells
    assert "| quotes.exact.f1 | 0.800 |" in text


def test_agree_with_three_annotators_shows_fleiss(tmp_path: Path) -> None:
    paths = write_annotators(tmp_path, three_annotators())
    result = run("gold", "agree", *paths, "--json")
    assert result.exit_code == 0, result.output
    group = json.loads(result.output)["group"]["metrics"]
    assert group["type.fleiss_kappa"] == pytest.approx(23 / 47)
    table = run("gold", "agree", *paths)
    assert "Davies–Fleiss" in table.output
    assert "0.489" in table.output  # 23/47


def test_agree_needs_two_paths(pair: list[Path]) -> None:
    result = run("gold", "agree", pair[0])
    assert result.exit_code == 2
    assert "at least two gold paths" in result.output


def _answer(worklist: Path, choices: dict[str, str], done: Path) -> None:
    lines = []
    for line in worklist.read_text(encoding="utf-8").splitlines():
        task = json.loads(line)
        key = task["meta"]["key"]
        if key in choices:
            task["accept"], task["answer"] = [choices[key]], "accept"
        else:
            task["answer"] = "ignore"
        lines.append(json.dumps(task, ensure_ascii=False))
    done.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_merge_worklist_resolve_validate(pair: list[Path], tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    merged = gold / "merged.jsonl"
    worklist = tmp_path / "review" / "worklist.jsonl"
    first = run("gold", "merge", *pair, "--out", merged, "--worklist", worklist)
    assert first.exit_code == 0, first.output
    assert "9 open conflicts" in first.output
    assert (tmp_path / "gold" / "merged.worklist.md").is_file()
    assert len(worklist.read_text(encoding="utf-8").splitlines()) == 9
    valid = run("gold", "validate", merged)
    assert valid.exit_code == 0, valid.output
    assert "2 documents, 3 quotes" in valid.output

    done = tmp_path / "review" / "done.jsonl"
    choices = {
        "quote:q3": "v2", "quote:q4": "v1", "quote:q5": "v2", "quote:q6": "none",
        "stance:q2:security-guarantees": "v2", "stance:q3:diplomacy": "v1",
        "entity:lawrow": "v2",
    }  # fmt: skip
    _answer(worklist, choices, done)
    second = run(
        "gold", "merge", *pair, "--out", merged, "--worklist", worklist, "--resolved", done
    )
    assert second.exit_code == 0, second.output
    assert "7 decisions applied" in second.output
    # Only q7 is left: q6 was decided away, so its stance needs no decision.
    assert "1 open conflict (1 quote)" in second.output
    _answer(worklist, {"quote:q7": "v2"}, tmp_path / "review" / "done2.jsonl")
    third = run(
        "gold", "merge", *pair, "--out", merged, "--worklist", worklist,
        "--resolved", done, "--resolved", tmp_path / "review" / "done2.jsonl",
        "--stances", gold / "merged.stances.jsonl",
    )  # fmt: skip
    assert third.exit_code == 0, third.output
    assert "no open conflicts" in third.output
    # The merged file and its stance tasks form a gold folder that validates.
    valid = run("gold", "validate", gold, "--json")
    assert valid.exit_code == 0, valid.output
    data = json.loads(valid.output)
    assert (data["documents"], data["quotes"], data["stance_answers"]) == (2, 7, 4)
    stats = json.loads(run("gold", "stats", merged, "--json").output)
    assert stats["by_type"] == {"direct": 3, "indirect": 2, "reported": 2}
    assert stats["by_speaker"]["Sergei Lawrow"] == 1


def test_merge_json_summary_and_stale_warning(pair: list[Path], tmp_path: Path) -> None:
    merged = tmp_path / "out" / "merged.jsonl"
    result = run("gold", "merge", *pair, "--out", merged, "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["open_by_kind"] == {"quote": 5, "stance": 3, "entity": 1, "entity-stance": 0}
    assert summary["single"] == ["d3"]
    worklist = Path(summary["worklist"])
    tampered = tmp_path / "tampered.jsonl"
    tasks = [json.loads(x) for x in worklist.read_text(encoding="utf-8").splitlines()]
    tasks[0]["zitat_merge"]["fingerprint"] = "0" * 16
    tasks[0]["accept"], tasks[0]["answer"] = ["v1"], "accept"
    tampered.write_text(json.dumps(tasks[0], ensure_ascii=False) + "\n", encoding="utf-8")
    again = run("gold", "merge", *pair, "--out", merged, "--resolved", tampered)
    assert again.exit_code == 0
    assert "stale decision, not applied" in again.stderr


def test_merge_refuses_an_answer_that_is_no_option(pair: list[Path], tmp_path: Path) -> None:
    merged = tmp_path / "merged.jsonl"
    run("gold", "merge", *pair, "--out", merged)
    task = json.loads((tmp_path / "merged.worklist.jsonl").read_text("utf-8").splitlines()[0])
    task["accept"], task["answer"] = ["v9"], "accept"
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(task, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run("gold", "merge", *pair, "--out", merged, "--resolved", bad)
    assert result.exit_code == 2
    assert "bad.jsonl:1" in result.output
    assert "accept exactly one of" in result.output


def test_the_command_line_does_not_load_nltk_at_start() -> None:
    import subprocess
    import sys

    code = "import sys, zitat.cli.main\nprint('nltk' in {m.split('.')[0] for m in sys.modules})"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
