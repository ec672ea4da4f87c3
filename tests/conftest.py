"""Fixtures for every test: the shell's plugin settings do not reach the tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _clean_plugin_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unset the variables that choose plugins; a test that needs one sets it itself."""
    for var in ("ZITAT_PLUGINS", "ZITAT_DISABLE_PLUGINS", "ZITAT_STRICT"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def only_builtin_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Load no entry-point plugins (``ZITAT_PLUGINS=""``): the built-in ones are enough and fast."""
    monkeypatch.setenv("ZITAT_PLUGINS", "")
