"""docs/formats.md stays true: format table, Label Studio config, TSV header, plugin example."""

from __future__ import annotations

import csv
import re
import sys
import types
from pathlib import Path

import pytest
from formats_kit import special_documents

from zitat.io.formats import labelstudio_config
from zitat.io.formats.webanno import HEADER
from zitat.plugins import Plugins

DOC = Path(__file__).resolve().parents[3] / "docs" / "formats.md"
TEXT = DOC.read_text(encoding="utf-8")


def section(heading: str) -> str:
    return TEXT.split(heading, 1)[1].split("\n## ", 1)[0]


def block(heading: str, language: str) -> str:
    match = re.search(rf"```{language}\n(.*?)```", section(heading), re.DOTALL)
    assert match is not None, f"no {language} block under {heading!r}"
    return match.group(1)


def test_the_table_lists_exactly_the_registered_formats() -> None:
    rows = re.findall(
        r"^\| `([^`]+)` \| (yes|no) \| (yes|no) \|", section("## Formats at a glance"), re.M
    )
    formats = Plugins(discover=False).formats()
    assert sorted(name for name, _, _ in rows) == sorted(formats)
    for name, reads, writes in rows:
        assert (reads == "yes") == (formats[name].read is not None), name
        assert (writes == "yes") == (formats[name].write is not None), name


def test_label_studio_config_is_the_generated_one() -> None:
    assert block("### Label Studio", "xml") == labelstudio_config()


def test_tsv_header_is_the_written_one() -> None:
    assert block("### The layers", "text").splitlines() == list(HEADER)


def test_plugins_doc_is_linked() -> None:
    assert "(plugins.md)" in TEXT


@pytest.fixture
def csv_plugin(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType("docs_formats_plugin")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    code = block("## Adding a format from a plugin", "python")
    exec(compile(code, str(DOC), "exec"), module.__dict__)
    return module


def test_the_plugin_example_adds_a_format(csv_plugin: types.ModuleType, tmp_path: Path) -> None:
    manager = Plugins(discover=False)
    manager.register(csv_plugin, "quotes-csv-plugin")
    assert manager.failures == []
    fmt = manager.formats()["quotes-csv"]
    assert fmt.read is None
    assert fmt.write is not None
    path = tmp_path / "quotes.csv"
    assert fmt.write(path, special_documents()) == 2
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["doc_id"], r["quote_id"]) for r in rows] == [
        ("emoji-crlf", "q1"), ("emoji-crlf", "q2"),
        ("nested", "a"), ("nested", "b"), ("nested", "c"),
    ]  # fmt: skip
    assert rows[0]["text"] == "„Wir bleiben im Gespräch 🇩🇪.“"
    assert rows[2]["text"] == "„Wir reden weiter“ … „aber nicht ewig.“"
