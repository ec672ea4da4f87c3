"""``zitat plugin new``: the generated plugin installs, registers and passes its own tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from click.testing import CliRunner

from zitat.cli.main import cli
from zitat.scaffold import FILES, ScaffoldError, new_plugin, plugin_names


def test_names_are_derived_from_the_plugin_name() -> None:
    names = plugin_names("colon-quotes")
    assert names.distribution == "zitat-colon-quotes"
    assert names.package == "zitat_colon_quotes"
    assert names.cls == "ColonQuotesExtractor"
    assert names.extractor == names.name == "colon-quotes"
    assert plugin_names("zitat-colon") == plugin_names("colon")


@pytest.mark.parametrize("bad", ["Colon", "colon quotes", "1colon", "colon--x", "colon_x", ""])
def test_bad_names_are_rejected(bad: str) -> None:
    with pytest.raises(ScaffoldError, match="lowercase letters"):
        plugin_names(bad)


def test_command_writes_every_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["plugin", "new", "colon", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    root = tmp_path / "zitat-colon"
    written = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert written == sorted(
        [
            "README.md",
            "pyproject.toml",
            "src/zitat_colon/__init__.py",
            "src/zitat_colon/plugin.py",
            "src/zitat_colon/py.typed",
            "tests/conftest.py",
            "tests/test_zitat_colon_plugin.py",
        ]
    )
    assert len(written) == len(FILES)
    assert 'colon = "zitat_colon.plugin"' in (root / "pyproject.toml").read_text()
    assert "$" not in (root / "src/zitat_colon/plugin.py").read_text()
    assert "$ pip install" in (root / "README.md").read_text()
    assert f'pip install -e "{root}[test]"' in result.output


def test_command_refuses_an_existing_folder_and_a_bad_name(tmp_path: Path) -> None:
    new_plugin("colon", tmp_path)
    again = CliRunner().invoke(cli, ["plugin", "new", "colon", "--dir", str(tmp_path)])
    assert again.exit_code == 2
    assert "already exists" in again.output
    bad = CliRunner().invoke(cli, ["plugin", "new", "Colon!", "--dir", str(tmp_path)])
    assert bad.exit_code == 2
    assert "lowercase letters" in bad.output


def test_generated_module_passes_the_conformance_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zitat.testing import check_extractor

    root = new_plugin("fast-check", tmp_path)
    monkeypatch.syspath_prepend(str(root / "src"))
    from zitat_fast_check.plugin import FastCheckExtractor  # type: ignore[import-not-found]

    report = check_extractor(FastCheckExtractor)
    assert report.ok, str(report)


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_generated_plugin_installs_and_its_tests_pass(tmp_path: Path) -> None:
    """pip-install the new plugin into a throwaway venv that sees this project's packages."""
    root = new_plugin("scaffolded", tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZITAT_", "PYTHON"))}
    site = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], tmp_path, env
    )
    # the project's site-packages (zitat, pytest, pip) become visible inside the new venv
    project_site = sysconfig.get_path("purelib")
    Path(site.stdout.strip(), "_zitat_project.pth").write_text(
        f"import site; site.addsitedir({project_site!r})\n", encoding="utf-8"
    )

    install = _run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            str(root),
        ],
        tmp_path,
        env,
    )
    assert install.returncode == 0, install.stdout + install.stderr

    tests = _run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider"], root, env)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "5 passed" in tests.stdout

    listing = _run(
        [str(python), "-c", "from zitat.cli.main import main; main()", "plugins", "--json"],
        tmp_path,
        env,
    )
    assert listing.returncode == 0, listing.stderr
    plugins = {p["name"]: p for p in json.loads(listing.stdout)["plugins"]}
    assert plugins["scaffolded"]["distribution"] == "zitat-scaffolded"
    assert plugins["scaffolded"]["extractors"] == {"scaffolded": ["quotes"]}

    not_here = subprocess.run(
        [sys.executable, "-c", "import zitat_scaffolded"], capture_output=True, check=False
    )
    assert not_here.returncode != 0  # the project's own venv was not touched
