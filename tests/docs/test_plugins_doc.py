"""docs/plugins.md: its complete minimal plugin runs as written."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

from zitat.plugins import Plugins, run_extractor
from zitat.schema import QuoteType
from zitat.testing import check_extractor
from zitat.text import make_document

DOC = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def minimal_plugin_code() -> str:
    """The first ```python block under the heading "A complete minimal plugin"."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## A complete minimal plugin", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "no python block in the minimal plugin section"
    return match.group(1)


@pytest.fixture
def minimal_plugin(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType("docs_minimal_plugin")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(compile(minimal_plugin_code(), str(DOC), "exec"), module.__dict__)
    return module


def test_minimal_plugin_registers_and_runs(minimal_plugin: types.ModuleType) -> None:
    manager = Plugins(discover=False)
    manager.register(minimal_plugin, "guillemets")
    assert manager.failures == []
    extractor = manager.extractor("guillemets")
    info = {i.name: i for i in manager.info()}["guillemets"]
    assert info.hooks == ["zitat_extractors"]

    doc = make_document("d", "Die Ministerin sagte: »Wir sparen.« Dann ging sie.")
    (outcome,) = run_extractor(extractor, [doc], timeout=30)
    assert outcome.ok, outcome.error
    assert outcome.annotations is not None
    (quote,) = outcome.annotations.quotes
    assert quote.text_in(doc.text) == "Wir sparen."
    assert quote.type is QuoteType.DIRECT

    (short,) = run_extractor(extractor, [doc], config={"min_chars": 20}, isolate=False)
    assert short.annotations is not None
    assert short.annotations.quotes == ()


def test_minimal_plugin_conforms(minimal_plugin: types.ModuleType) -> None:
    report = check_extractor(minimal_plugin.GuillemetExtractor, include_seeds=False)
    assert report.ok, str(report)


def test_every_environment_variable_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name in ("ZITAT_PLUGINS", "ZITAT_DISABLE_PLUGINS", "ZITAT_STRICT"):
        assert f"`{name}" in text, name
