"""What a result file records about the machine and the installed software."""

from __future__ import annotations

import os
import platform
from importlib.metadata import PackageNotFoundError, version

__all__ = ["environment"]

_PACKAGES = ("zitat", "spacy", "datasets", "seqeval", "scipy", "numpy", "pluggy", "pysbd")


def _version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def environment() -> dict[str, object]:
    """Python, platform, CPU count and the versions of the packages that shape results."""
    versions = {n: _version(n) for n in _PACKAGES}
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "packages": {n: v for n, v in versions.items() if v is not None},
    }
