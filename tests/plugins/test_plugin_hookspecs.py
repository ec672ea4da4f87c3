"""Every hook is documented (docstring and docs/plugins.md) and tested (as datasette does)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from zitat.plugins import hookspecs

ROOT = Path(__file__).resolve().parents[2]


def _hookspecs() -> dict[str, Callable[..., Any]]:
    return {
        name: function
        for name, function in vars(hookspecs).items()
        if callable(function) and hasattr(function, "zitat_spec")
    }


HOOKS = sorted(_hookspecs())


def test_there_are_hooks() -> None:
    assert {"zitat_extractors", "zitat_gold_sets", "zitat_formats", "zitat_metrics"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_docstring(hook: str) -> None:
    doc = inspect.getdoc(_hookspecs()[hook]) or ""
    assert len(doc.split()) >= 5, f"{hook} needs a docstring"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_section_in_docs(hook: str) -> None:
    text = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    heading = re.search(rf"^###+ .*\b{hook}\b.*$", text, re.MULTILINE)
    assert heading is not None, f"docs/plugins.md has no section for {hook}"
    body = text[heading.end() :].split("\n#", 1)[0]
    assert len(body.split()) >= 10, f"the section on {hook} says too little"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_test(hook: str) -> None:
    sources = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "plugins").glob("test_*.py")
    )
    assert f"def test_hook_{hook}(" in sources, f"write test_hook_{hook} in tests/plugins/"
