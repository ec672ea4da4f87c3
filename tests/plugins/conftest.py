"""Fake entry points for plugin-manager tests (tests/conftest.py clears the plugin variables)."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterator
from importlib.metadata import EntryPoint

import pytest

from zitat.plugins import manager

InstallPlugins = Callable[..., list[EntryPoint]]


@pytest.fixture
def install_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[InstallPlugins]:
    """Publish plugins through a fake ``zitat`` entry-point group.

    Call with ``name=module_or_dotted_path``: a module object is put in ``sys.modules``
    under a unique name; a string is used as the entry point's value as it is.
    """
    published: list[EntryPoint] = []

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        return [ep for ep in published if ep.group == group]

    def install(**plugins: types.ModuleType | str) -> list[EntryPoint]:
        for name, plugin in plugins.items():
            if isinstance(plugin, types.ModuleType):
                module_name = f"_zitat_test_plugin_{name.replace('-', '_')}"
                monkeypatch.setitem(sys.modules, module_name, plugin)
                value = module_name
            else:
                value = plugin
            published.append(EntryPoint(name=name, value=value, group=manager.ENTRY_POINT_GROUP))
        return list(published)

    monkeypatch.setattr(manager, "entry_points", fake_entry_points)
    return install
