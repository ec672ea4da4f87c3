"""Screenshots of a page in headless Chromium (Debian's ``chromium``), for the browser tests."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

__all__ = ["needs_chromium", "screenshot"]

_Test = TypeVar("_Test", bound=Callable[..., object])


def needs_chromium(test: _Test) -> _Test:
    """Mark a test ``chromium`` and skip it, with the reason, where chromium is missing."""
    skip = pytest.mark.skipif(
        shutil.which("chromium") is None,
        reason="needs Debian's chromium (apt-get install chromium, as .ci/run does)",
    )
    marked: _Test = pytest.mark.chromium(skip(test))
    return marked


def screenshot(html: str, folder: Path) -> Path:
    """Write ``html`` into the new ``folder`` and return a 1200×800 PNG screenshot of it."""
    chromium = shutil.which("chromium")
    assert chromium is not None
    folder.mkdir()
    page, png = folder / "page.html", folder / "shot.png"
    page.write_text(html, encoding="utf-8")
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={folder / 'profile'}",
        f"--screenshot={png}",
        "--window-size=1200,800",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert png.is_file(), f"no screenshot (exit {done.returncode}): {done.stderr[-2000:]}"
    return png
