"""docs/agreement.md stays true: its commands run, and its metric names are the JSON keys."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shlex
from pathlib import Path

import pytest
from agreekit import two_annotators, write_annotators
from click.testing import CliRunner

from zitat.agreement.pairwise import FIELDS
from zitat.cli.main import cli
from zitat.io import write_documents
from zitat.schema import AnnotatedDocument, Role

DOC = Path(__file__).resolve().parents[2] / "docs" / "agreement.md"
TEXT = DOC.read_text(encoding="utf-8")


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", TEXT, re.DOTALL)


def _workspace(folder: Path) -> None:
    annotated = two_annotators()
    write_annotators(folder, annotated)
    ben_d1 = annotated["ben"][0]
    quotes = tuple(
        q.with_(type="indirect") if q.id == "z3" else q for q in ben_d1.annotations.quotes
    )
    carla = [AnnotatedDocument(ben_d1.document, ben_d1.annotations.with_(quotes=quotes))]
    write_documents(folder / "carla.jsonl", [*carla, annotated["anna"][1]])


def _answer_all(worklist: Path, done: Path) -> None:
    tasks = [json.loads(line) for line in worklist.read_text(encoding="utf-8").splitlines()]
    for task in tasks:
        task["accept"], task["answer"] = [task["options"][0]["id"]], "accept"
    done.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks), "utf-8")


def test_the_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _workspace(tmp_path)
    commands = [
        line.strip() for block in _blocks("sh") for line in block.splitlines() if line.strip()
    ]
    assert len(commands) >= 5
    for command in commands:
        args = shlex.split(command)
        assert args[0] == "zitat", command
        if "--resolved" in args:
            done = Path(args[args.index("--resolved") + 1])
            if not done.exists():
                _answer_all(Path("merged.worklist.jsonl"), done)
        result = CliRunner().invoke(cli, args[1:])
        assert result.exit_code == 0, f"{command}\n{result.output}"
    assert Path("agreement.md").is_file()
    assert "no open conflicts" in result.output or "valid" in result.output

    code = _blocks("python")[0]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(DOC), "exec"), {})
    assert out.getvalue().startswith("0.78125 ('d3',)")  # type kappa 25/32, see test_agree_pairs


def _tables(section: str) -> list[list[str]]:
    body = TEXT.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    tables: list[list[str]] = []
    previous_was_row = False
    for line in body.splitlines():
        is_row = line.startswith("|")
        if is_row and not previous_was_row:
            tables.append([])
        found = re.match(r"\| `([^`]+)` \|", line)
        if found:
            tables[-1].append(found.group(1))
        previous_was_row = is_row
    return tables


def _expand(names: list[str]) -> set[str]:
    out: set[str] = set()
    for name in names:
        expanded = [name]
        for placeholder, values in (("<role>", [r.value for r in Role]), ("<field>", FIELDS)):
            expanded = [e.replace(placeholder, v) for e in expanded for v in values]
        out.update(expanded)
    return out


def test_metric_names_are_the_json_keys(tmp_path: Path) -> None:
    paths = write_annotators(tmp_path, two_annotators())
    result = CliRunner().invoke(cli, ["gold", "agree", *map(str, paths), "--json"])
    data = json.loads(result.output)
    pair_table, group_table = _tables("Metrics")
    assert _expand(pair_table) == set(data["pairs"][0]["metrics"])
    assert _expand(pair_table) | _expand(group_table) == set(data["group"]["metrics"])
    for key in data:
        assert f"`{key}`" in TEXT, key
    for key in data["pairs"][0]:
        assert f"`{key}`" in TEXT, key
    for key in data["disagreements"][0]:
        assert f"`{key}`" in TEXT, key
