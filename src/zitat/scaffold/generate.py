"""Render the plugin templates (package data in ``templates/``) into a new folder."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from string import Template

from zitat.__about__ import __version__
from zitat.errors import ZitatError

__all__ = ["FILES", "PluginNames", "ScaffoldError", "new_plugin", "plugin_names"]

_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

# template file -> path in the new plugin (a string.Template over the names)
FILES: tuple[tuple[str, str], ...] = (
    ("pyproject.toml.tmpl", "pyproject.toml"),
    ("README.md.tmpl", "README.md"),
    ("init.py.tmpl", "src/$package/__init__.py"),
    ("plugin.py.tmpl", "src/$package/plugin.py"),
    ("py.typed.tmpl", "src/$package/py.typed"),
    ("conftest.py.tmpl", "tests/conftest.py"),
    ("test_plugin.py.tmpl", "tests/test_${package}_plugin.py"),
)


class ScaffoldError(ZitatError):
    """The plugin cannot be written (bad name, folder exists)."""


@dataclass(frozen=True)
class PluginNames:
    """Every name a new plugin needs, derived from the one the user gives."""

    name: str  # entry-point and plugin name, e.g. "colon"
    distribution: str  # e.g. "zitat-colon"
    package: str  # e.g. "zitat_colon"
    extractor: str  # the extractor's name, e.g. "colon"
    cls: str  # the extractor class, e.g. "ColonExtractor"
    zitat_version: str


def plugin_names(name: str) -> PluginNames:
    """Derive the names from ``name`` (lowercase words joined by ``-``; ``zitat-`` optional)."""
    short = name.removeprefix("zitat-")
    if not _NAME.fullmatch(short):
        raise ScaffoldError(
            f"plugin name {name!r}: use lowercase letters, digits and single '-' "
            "(starting with a letter), e.g. 'colon-quotes'"
        )
    distribution = f"zitat-{short}"
    return PluginNames(
        name=short,
        distribution=distribution,
        package=distribution.replace("-", "_"),
        extractor=short,
        cls="".join(part.capitalize() for part in short.split("-")) + "Extractor",
        zitat_version=__version__,
    )


def new_plugin(name: str, directory: Path | str = ".") -> Path:
    """Write the plugin ``zitat-NAME`` into ``directory`` and return its folder.

    The result is installable (``pip install -e``), registers one extractor through the
    ``zitat`` entry-point group, and its tests (conformance check included) pass as written.
    """
    names = plugin_names(name)
    target = Path(directory) / names.distribution
    if target.exists():
        raise ScaffoldError(f"{target} already exists; choose another name or --dir")
    values = {k: str(v) for k, v in asdict(names).items()}
    templates = resources.files("zitat.scaffold").joinpath("templates")
    rendered = [
        (
            target / Template(path).substitute(values),
            Template(templates.joinpath(template).read_text(encoding="utf-8")).substitute(values),
        )
        for template, path in FILES
    ]
    for path, text in rendered:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target
