"""Stance targets and the inventory a corpus declares them in.

An inventory is data: a YAML or JSON file ``{"targets": [{id, label, description, aliases,
parent}, ...]}`` (a bare list of targets is accepted too). :meth:`TargetInventory.load` checks
every field and names the file, the line (from the YAML/JSON node) and the field at fault;
duplicate ids, unknown parents and parent cycles are rejected.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zitat.errors import InputError, ValidationError
from zitat.schema._check import as_str, as_tuple, check_unique, set_attr

__all__ = ["TARGET_KEYS", "Target", "TargetInventory"]

TARGET_KEYS: tuple[str, ...] = ("id", "label", "description", "aliases", "parent")
"""The keys a target may have in an inventory file (``id`` and ``label`` are required)."""

# Line numbers of a parsed file: (target index, key) -> 1-based line; key "" is the item.
_Lines = Mapping[tuple[int, str], int]


@dataclass(frozen=True, slots=True)
class Target:
    """Something a speaker can be for or against, such as ``nato-expansion``."""

    id: str
    label: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    parent: str | None = None

    def __post_init__(self) -> None:
        label = f"Target {self.id!r}"
        as_str(self.id, obj=label, field="id")
        if self.id != self.id.strip() or any(c.isspace() for c in self.id):
            raise ValidationError(
                f"an id has no spaces (got {self.id!r}); use e.g. 'nato-expansion'",
                obj=label,
                field="id",
            )
        as_str(self.label, obj=label, field="label")
        if not isinstance(self.description, str):
            raise ValidationError("expected a string", obj=label, field="description")
        aliases = as_tuple(self.aliases, obj=label, field="aliases")
        for i, alias in enumerate(aliases):
            as_str(alias, obj=label, field=f"aliases[{i}]")
        check_unique(aliases, obj=label, field="aliases")
        set_attr(self, "aliases", aliases)
        as_str(self.parent, obj=label, field="parent", optional=True)
        if self.parent == self.id:
            raise ValidationError("a target cannot be its own parent", obj=label, field="parent")


def _check_parents(targets: tuple[Target, ...]) -> None:
    """Reject unknown parents and parent cycles (``a -> b -> a``)."""
    parent_of = {t.id: t.parent for t in targets}
    for t in targets:
        if t.parent is not None and t.parent not in parent_of:
            raise ValidationError(
                f"unknown parent {t.parent!r}", obj=f"Target {t.id!r}", field="parent"
            )
    for t in targets:
        chain = [t.id]
        parent = t.parent
        while parent is not None:
            if parent in chain:
                cycle = " -> ".join([*chain[chain.index(parent) :], parent])
                raise ValidationError(
                    f"parent cycle: {cycle}", obj=f"Target {t.id!r}", field="parent"
                )
            chain.append(parent)
            parent = parent_of[parent]


@dataclass(frozen=True, slots=True)
class TargetInventory:
    """The declared targets of a corpus, looked up by id."""

    targets: tuple[Target, ...]

    def __post_init__(self) -> None:
        set_attr(self, "targets", as_tuple(self.targets, obj="TargetInventory", field="targets"))
        for i, t in enumerate(self.targets):
            if not isinstance(t, Target):
                raise ValidationError(
                    f"expected a Target, got {type(t).__name__}",
                    obj="TargetInventory",
                    field=f"targets[{i}]",
                )
        check_unique((t.id for t in self.targets), obj="TargetInventory", field="targets")
        _check_parents(self.targets)

    @property
    def ids(self) -> frozenset[str]:
        """The ids of all targets."""
        return frozenset(t.id for t in self.targets)

    def __iter__(self) -> Iterator[Target]:
        return iter(self.targets)

    def __len__(self) -> int:
        return len(self.targets)

    def __contains__(self, target_id: object) -> bool:
        return any(t.id == target_id for t in self.targets)

    def __getitem__(self, target_id: str) -> Target:
        for t in self.targets:
            if t.id == target_id:
                return t
        raise KeyError(target_id)

    def ancestors(self, target_id: str) -> tuple[str, ...]:
        """The ids of the parent, its parent and so on (nearest first)."""
        out: list[str] = []
        parent = self[target_id].parent
        while parent is not None:
            out.append(parent)
            parent = self[parent].parent
        return tuple(out)

    def children(self, target_id: str) -> tuple[str, ...]:
        """The ids of the targets whose parent is ``target_id``, in inventory order."""
        return tuple(t.id for t in self.targets if t.parent == target_id)

    @classmethod
    def from_data(
        cls, data: Any, *, source: str | Path | None = None, lines: _Lines | None = None
    ) -> TargetInventory:
        """Build from parsed YAML/JSON: ``{"targets": [{id, label, ...}, ...]}`` or a list.

        ``lines`` maps ``(target index, key)`` (key ``""`` for the whole item, ``"aliases[2]"``
        for a list element, ``"targets"`` at index -1 for the list) to the line a value starts
        on; :meth:`load` passes it so that
        errors name the line.
        """
        lines = lines or {}

        def fail(err: ValidationError, index: int, key: str = "") -> ValidationError:
            line = lines.get((index, key)) or lines.get((index, ""))
            return err.located(source, line)

        if isinstance(data, Mapping):
            unknown = sorted(str(k) for k in data if k != "targets")
            if unknown:
                raise fail(
                    ValidationError(
                        f"unknown top-level keys {unknown}; an inventory file has only 'targets'",
                        obj="TargetInventory",
                    ),
                    -1,
                )
            items = data.get("targets")
        else:
            items = data
        if not isinstance(items, list):
            raise fail(
                ValidationError(
                    "expected a list of targets (or a mapping with a 'targets' list)",
                    obj="TargetInventory",
                    field="targets",
                ),
                -1,
                "targets",
            )
        targets = []
        for i, item in enumerate(items):
            try:
                targets.append(_target(item, i))
            except ValidationError as err:
                field = err.field or ""
                key = field if (i, field) in lines else field.split("[")[0].split(".")[0]
                raise fail(err, i, key) from None
        position: dict[str, int] = {}
        for i, t in enumerate(targets):
            if t.id in position:
                duplicate = ValidationError(
                    f"duplicate id {t.id!r} (first at targets[{position[t.id]}])",
                    obj=f"targets[{i}]",
                    field="id",
                )
                raise fail(duplicate, i, "id")
            position[t.id] = i
        try:
            return cls(tuple(targets))
        except ValidationError as err:
            at = err.obj[len("Target '") : -1] if err.obj and err.obj.startswith("Target ") else ""
            raise fail(err, position.get(at, -1), "parent") from None

    @classmethod
    def load(cls, path: str | Path) -> TargetInventory:
        """Read an inventory from a YAML or JSON file; errors name file, line and field."""
        import yaml  # YAML is a superset of JSON, so one parser reads both

        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{path}: a folder, not an inventory file") from None
        except UnicodeDecodeError as err:
            raise InputError(f"{path}: not UTF-8 ({err.reason} at byte {err.start})") from None
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            data = yaml.safe_load(text)
        except yaml.YAMLError as err:
            raise InputError(f"{path}: not valid YAML/JSON: {err}") from None
        if data is None or node is None:
            raise InputError(f"{path}: the file is empty")
        lines = _node_lines(node, path)
        return cls.from_data(data, source=path, lines=lines)

    def to_data(self) -> dict[str, Any]:
        """Plain data for YAML/JSON."""
        return {
            "targets": [
                {
                    "id": t.id,
                    "label": t.label,
                    "description": t.description,
                    "aliases": list(t.aliases),
                    **({"parent": t.parent} if t.parent else {}),
                }
                for t in self.targets
            ]
        }


def _target(item: Any, index: int) -> Target:
    if not isinstance(item, Mapping):
        raise ValidationError(
            f"expected a mapping with keys {', '.join(TARGET_KEYS)}, got {type(item).__name__}",
            obj=f"targets[{index}]",
        )
    obj = f"Target {item.get('id')!r}" if item.get("id") else f"targets[{index}]"
    unknown = sorted(str(k) for k in item if k not in TARGET_KEYS)
    if unknown:
        raise ValidationError(f"unknown keys {unknown}", obj=obj)
    for key in ("id", "label"):
        if key not in item:
            raise ValidationError("missing", obj=obj, field=key)
    aliases = item.get("aliases", ())
    if isinstance(aliases, str):
        raise ValidationError(
            "expected a list of strings, got one string", obj=obj, field="aliases"
        )
    description = item.get("description", "")
    return Target(
        id=item["id"],
        label=item["label"],
        description="" if description is None else description,
        aliases=() if aliases is None else aliases,
        parent=item.get("parent"),
    )


def _node_lines(root: Any, path: Path) -> dict[tuple[int, str], int]:
    """Lines of the targets list, each target and each of its keys; duplicate keys rejected."""
    import yaml

    out: dict[tuple[int, str], int] = {(-1, ""): root.start_mark.line + 1}
    items = root
    if isinstance(root, yaml.MappingNode):
        _check_duplicate_keys(root, path, "TargetInventory")
        for key, value in root.value:
            if key.value == "targets":
                out[(-1, "targets")] = value.start_mark.line + 1
                items = value
    if not isinstance(items, yaml.SequenceNode):
        return out
    for i, item in enumerate(items.value):
        out[(i, "")] = item.start_mark.line + 1
        if isinstance(item, yaml.MappingNode):
            _check_duplicate_keys(item, path, f"targets[{i}]")
            for key, value in item.value:
                out[(i, str(key.value))] = value.start_mark.line + 1
                if isinstance(value, yaml.SequenceNode):
                    for j, element in enumerate(value.value):
                        out[(i, f"{key.value}[{j}]")] = element.start_mark.line + 1
    return out


def _check_duplicate_keys(node: Any, path: Path, obj: str) -> None:
    seen: set[str] = set()
    for key, _ in node.value:
        name = str(key.value)
        if name in seen:
            raise ValidationError(
                "key given twice (YAML keeps only the last)",
                obj=obj,
                field=name,
                source=path,
                line=key.start_mark.line + 1,
            )
        seen.add(name)
