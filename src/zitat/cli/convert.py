"""``zitat convert``: between annotation formats registered by plugins."""

from __future__ import annotations

import warnings
from pathlib import Path

import click

from zitat.cli._common import console, err_console
from zitat.errors import InputError


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
    from zitat.io.formats.loss import LossWarning
    from zitat.plugins import Plugins

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
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossWarning)
        count = writer(target, reader(source))
    for warning in caught:  # what the formats could not carry or had to guess
        if issubclass(warning.category, LossWarning):
            err_console.print(f"note: {warning.message}", markup=False, soft_wrap=True)
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    console.print(f"wrote {count} documents to {target} ({to_format})")
