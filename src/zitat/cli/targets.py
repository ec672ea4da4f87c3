"""``zitat targets``: check and show a stance target inventory."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from zitat.cli._common import ZitatGroup, console, echo_json, err_console
from zitat.errors import InputError, ValidationError
from zitat.schema import TargetInventory

__all__ = ["find_inventory", "targets"]


def find_inventory(spec: str) -> tuple[TargetInventory, str]:
    """The inventory named by ``spec`` (file, gold folder or gold set name) and its source."""
    path = Path(spec)
    if path.is_dir():
        from zitat.gold.folder import TARGET_FILES, targets_file

        found = targets_file(path)
        if found is None:
            raise InputError(f"{path}: no {' / '.join(TARGET_FILES)} in this folder")
        return TargetInventory.load(found), str(found)
    if path.exists():
        return TargetInventory.load(path), str(path)
    from zitat.plugins import Plugins

    sets = Plugins().gold_sets()
    if spec not in sets:
        known = ", ".join(sorted(sets)) or "none"
        raise InputError(f"no inventory file, gold folder or gold set {spec!r}; gold sets: {known}")
    inventory = sets[spec].targets()
    if inventory is None:
        raise InputError(f"gold set {spec!r} declares no target inventory (it has no stances)")
    return inventory, f"gold set {spec!r}"


def _shared_aliases(inventory: TargetInventory) -> list[str]:
    """Warnings for names (label or alias) that two targets share, case-insensitively."""
    owners: dict[str, set[str]] = defaultdict(set)
    for t in inventory:
        for name in (t.label, *t.aliases):
            owners[name.casefold()].add(t.id)
    return [
        f"{name!r} names {', '.join(sorted(ids))}"
        for name, ids in sorted(owners.items())
        if len(ids) > 1
    ]


def _in_tree_order(inventory: TargetInventory) -> list[tuple[int, str]]:
    """``(depth, id)`` with every child right after its parent, otherwise inventory order."""
    out: list[tuple[int, str]] = []

    def visit(target_id: str, depth: int) -> None:
        out.append((depth, target_id))
        for child in inventory.children(target_id):
            visit(child, depth + 1)

    for t in inventory:
        if t.parent is None:
            visit(t.id, 0)
    return out


@click.group(cls=ZitatGroup)
def targets() -> None:
    """Check and show stance target inventories (id, label, aliases, parent)."""


@targets.command()
@click.argument("path")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def validate(path: str, as_json: bool) -> None:
    """Check the target inventory at PATH; exit 1 if it is invalid.

    PATH is an inventory file (YAML or JSON), a gold folder holding one, or a gold set name.
    Errors name the file, line and field; duplicate ids, unknown parents and parent cycles are
    rejected. Names shared by two targets are reported as warnings.
    """
    try:
        inventory, source = find_inventory(path)
    except ValidationError as err:
        if as_json:
            echo_json(
                {
                    "ok": False,
                    "source": err.source or path,
                    "line": err.line,
                    "object": err.obj,
                    "field": err.field,
                    "message": err.message,
                    "error": str(err),
                }
            )
        else:
            err_console.print(f"[bold red]invalid:[/] {err}", soft_wrap=True)
        raise SystemExit(1) from None
    warnings = _shared_aliases(inventory)
    result: dict[str, Any] = {
        "ok": True,
        "source": source,
        "targets": len(inventory),
        "with_parent": sum(t.parent is not None for t in inventory),
        "aliases": sum(len(t.aliases) for t in inventory),
        "warnings": warnings,
    }
    if as_json:
        echo_json(result)
        return
    for warning in warnings:
        err_console.print(f"[yellow]warning:[/] {warning}", soft_wrap=True)
    console.print(
        f"[green]valid[/]: {result['targets']} targets ({result['with_parent']} with a parent, "
        f"{result['aliases']} aliases) in {source}",
        soft_wrap=True,
    )


@targets.command()
@click.argument("path")
@click.option("--json", "as_json", is_flag=True, help="Print the inventory as JSON.")
def show(path: str, as_json: bool) -> None:
    """Show the target inventory at PATH as a table (children indented under their parent).

    PATH is an inventory file (YAML or JSON), a gold folder holding one, or a gold set name.
    """
    inventory, source = find_inventory(path)
    if as_json:
        echo_json({"source": source, **inventory.to_data()})
        return
    table = Table(title=f"{len(inventory)} targets — {source}", show_lines=True)
    table.add_column("id", no_wrap=True)
    table.add_column("label")
    table.add_column("parent", no_wrap=True)
    table.add_column("aliases")
    table.add_column("description", ratio=1)
    for depth, target_id in _in_tree_order(inventory):
        t = inventory[target_id]
        table.add_row(
            "  " * depth + t.id, t.label, t.parent or "", ", ".join(t.aliases), t.description
        )
    console.print(table)
