"""``zitat convert``: between annotation formats registered by plugins."""

from __future__ import annotations

from pathlib import Path

import click

from zitat.cli._common import console
from zitat.errors import InputError
from zitat.plugins import Plugins


@click.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.option(
    "--from",
    "from_format",
    default="prodigy",
    show_default=True,
    help="Format of SOURCE (see `zitat plugins`).",
)
@click.option("--to", "to_format", default="prodigy", show_default=True, help="Format of TARGET.")
def convert(source: Path, target: Path, from_format: str, to_format: str) -> None:
    """Convert annotated documents from SOURCE to TARGET."""
    formats = Plugins().formats()
    for name in (from_format, to_format):
        if name not in formats:
            raise InputError(f"unknown format {name!r}; known: {', '.join(sorted(formats))}")
    reader, writer = formats[from_format].read, formats[to_format].write
    if reader is None:
        raise InputError(f"format {from_format!r} cannot be read")
    if writer is None:
        raise InputError(f"format {to_format!r} cannot be written")
    if target.exists() and target.resolve() == source.resolve():
        raise InputError(f"{target}: refusing to overwrite the input")
    count = writer(target, reader(source))
    console.print(f"wrote {count} documents to {target} ({to_format})")
