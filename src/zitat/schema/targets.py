"""Stance targets and the inventory a corpus declares them in."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zitat.errors import InputError, ValidationError
from zitat.schema._check import as_str, as_tuple, check_unique, set_attr

__all__ = ["Target", "TargetInventory"]


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
        as_str(self.label, obj=label, field="label")
        if not isinstance(self.description, str):
            raise ValidationError("expected a string", obj=label, field="description")
        aliases = as_tuple(self.aliases, obj=label, field="aliases")
        for i, alias in enumerate(aliases):
            as_str(alias, obj=label, field=f"aliases[{i}]")
        set_attr(self, "aliases", aliases)
        as_str(self.parent, obj=label, field="parent", optional=True)


@dataclass(frozen=True, slots=True)
class TargetInventory:
    """The declared targets of a corpus, looked up by id."""

    targets: tuple[Target, ...]

    def __post_init__(self) -> None:
        set_attr(self, "targets", as_tuple(self.targets, obj="TargetInventory", field="targets"))
        check_unique((t.id for t in self.targets), obj="TargetInventory", field="targets")
        ids = self.ids
        for t in self.targets:
            if t.parent is not None and t.parent not in ids:
                raise ValidationError(
                    f"unknown parent {t.parent!r}", obj=f"Target {t.id!r}", field="parent"
                )

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(t.id for t in self.targets)

    def __iter__(self) -> Iterator[Target]:
        return iter(self.targets)

    def __len__(self) -> int:
        return len(self.targets)

    def __getitem__(self, target_id: str) -> Target:
        for t in self.targets:
            if t.id == target_id:
                return t
        raise KeyError(target_id)

    @classmethod
    def from_data(cls, data: Any, *, source: str | Path | None = None) -> TargetInventory:
        """Build from parsed YAML/JSON: ``{"targets": [{id, label, ...}, ...]}`` or a list."""
        items = data.get("targets") if isinstance(data, Mapping) else data
        if not isinstance(items, list):
            raise ValidationError(
                "expected a list of targets (or a mapping with a 'targets' list)",
                obj="TargetInventory",
                field="targets",
                source=source,
            )
        targets = []
        for i, item in enumerate(items):
            try:
                if not isinstance(item, Mapping):
                    raise ValidationError("expected a mapping", obj=f"targets[{i}]")
                unknown = set(item) - {"id", "label", "description", "aliases", "parent"}
                if unknown:
                    raise ValidationError(
                        f"unknown keys {sorted(unknown)}", obj=f"Target {item.get('id')!r}"
                    )
                targets.append(Target(**item))
            except ValidationError as err:
                raise err.located(source) from None
            except TypeError as err:
                raise ValidationError(str(err), obj=f"targets[{i}]", source=source) from None
        try:
            return cls(tuple(targets))
        except ValidationError as err:
            raise err.located(source) from None

    @classmethod
    def load(cls, path: str | Path) -> TargetInventory:
        """Read an inventory from a YAML or JSON file."""
        import yaml  # YAML is a superset of JSON, so one parser reads both

        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except UnicodeDecodeError as err:
            raise InputError(f"{path}: not UTF-8 ({err.reason} at byte {err.start})") from None
        except yaml.YAMLError as err:
            raise InputError(f"{path}: not valid YAML/JSON: {err}") from None
        if data is None:
            raise InputError(f"{path}: the file is empty")
        return cls.from_data(data, source=path)

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
