"""``zitat plugins``: what is installed, and what failed to load."""

from __future__ import annotations

import dataclasses

import click
from rich.table import Table

from zitat.cli._common import console, echo_json


@click.command("plugins")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def plugins_command(as_json: bool) -> None:
    """List plugins with their distribution, version, hooks, extractors and load errors."""
    from zitat.plugins import Plugins

    manager = Plugins()
    infos = manager.info()
    manager.gold_sets()
    manager.formats()
    manager.metrics()
    if as_json:
        echo_json(
            {
                "plugins": [dataclasses.asdict(i) for i in infos],
                "errors": [dataclasses.asdict(f) for f in manager.failures],
            }
        )
        return
    table = Table(title="zitat plugins")
    for column in ("plugin", "distribution", "version", "hooks", "extractors (tasks)"):
        table.add_column(column)
    for info in infos:
        extractors = "\n".join(f"{n} ({', '.join(t)})" for n, t in info.extractors.items())
        table.add_row(
            info.name + (" [dim](built-in)[/]" if info.builtin else ""),
            info.distribution or "-",
            info.version or "-",
            "\n".join(h.removeprefix("zitat_") for h in info.hooks),
            extractors or "-",
        )
    console.print(table)
    for failure in manager.failures:
        console.print(f"[red]failed:[/] {failure}", soft_wrap=True)
