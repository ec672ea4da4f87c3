"""Shared pieces of the command line: the console, JSON in and out, error handling."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.console import Console

from zitat.errors import InputError, ZitatError

__all__ = ["ZitatGroup", "console", "echo_json", "err_console", "json_object"]

# Piped output (CI logs, files) gets room for the wide comparison tables.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 160)


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON on stdout."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def json_object(raw: str, option: str = "--config") -> dict[str, Any]:
    """The JSON object given to ``option``; :class:`InputError` naming the option if it is not."""
    try:
        parsed = json.loads(raw)
    except json.JSONDecodeError as err:
        raise InputError(f"{option}: not JSON ({err.msg})") from None
    if not isinstance(parsed, dict):
        raise InputError(f"{option}: expected a JSON object")
    return parsed


class ZitatGroup(click.Group):
    """A command group that turns zitat's own errors into a message and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ZitatError as err:
            err_console.print(f"[bold red]error:[/] {err}", markup=True, soft_wrap=True)
            sys.exit(2)
        except KeyError as err:  # lookups by name (extractor, gold set, format)
            message = err.args[0] if err.args else str(err)
            err_console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
            sys.exit(2)
