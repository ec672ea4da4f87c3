"""``zitat plugin new NAME``: start a plugin from the templates."""

from __future__ import annotations

from pathlib import Path

import click


@click.group("plugin")
def plugin_group() -> None:
    """Write zitat plugins."""


@plugin_group.command("new")
@click.argument("name")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to create the plugin folder (zitat-NAME) in.",
)
def new_command(name: str, directory: Path) -> None:
    """Create the plugin zitat-NAME: package, extractor skeleton, tests and README.

    The skeleton passes zitat's conformance check as written; install it with
    `pip install -e "zitat-NAME[test]"` and run its tests with pytest.
    """
    from zitat.scaffold import new_plugin, plugin_names

    names = plugin_names(name)
    target = new_plugin(name, directory)
    click.echo(f"Created {target} with the extractor {names.extractor!r}.")
    click.echo(f'Next: pip install -e "{target}[test]" && pytest {target / "tests"}')
