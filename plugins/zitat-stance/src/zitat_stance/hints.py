"""Optional, inventory-keyed target hints: extra terms and cues per target id (YAML data)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .lexicon import LexiconError

__all__ = ["TargetHints", "builtin_hint_files", "load_hints", "merge_hints", "parse_hints"]

_KEYS = frozenset({"terms", "ignore_terms", "favor", "against"})


@dataclass(frozen=True)
class TargetHints:
    """Extra knowledge about one target: names, aliases to ignore, target-specific cues."""

    terms: tuple[str, ...] = ()
    ignore_terms: frozenset[str] = field(default_factory=frozenset)
    favor: frozenset[str] = field(default_factory=frozenset)
    against: frozenset[str] = field(default_factory=frozenset)

    def __or__(self, other: TargetHints) -> TargetHints:
        return TargetHints(
            (*self.terms, *other.terms),
            self.ignore_terms | other.ignore_terms,
            self.favor | other.favor,
            self.against | other.against,
        )


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise LexiconError(f"{where}: expected a list of non-empty strings")
    return [x.strip() for x in value]


def parse_hints(data: Any, *, source: str = "<data>") -> dict[str, TargetHints]:
    """Hints by target id from parsed YAML (``{"targets": {id: {terms: [...], ...}}}``)."""
    if not isinstance(data, dict) or not isinstance(data.get("targets"), dict):
        raise LexiconError(f"{source}: expected a mapping with a 'targets' mapping")
    out: dict[str, TargetHints] = {}
    for target_id, entry in data["targets"].items():
        where = f"{source}: targets.{target_id}"
        if not isinstance(entry, dict) or set(entry) - _KEYS:
            raise LexiconError(f"{where}: expected a mapping with keys from {sorted(_KEYS)}")
        out[str(target_id)] = TargetHints(
            terms=tuple(_strings(entry.get("terms", []), f"{where}.terms")),
            ignore_terms=frozenset(
                x.lower() for x in _strings(entry.get("ignore_terms", []), f"{where}.ignore_terms")
            ),
            favor=frozenset(x.lower() for x in _strings(entry.get("favor", []), f"{where}.favor")),
            against=frozenset(
                x.lower() for x in _strings(entry.get("against", []), f"{where}.against")
            ),
        )
    return out


@lru_cache(maxsize=32)
def load_hints(path: str) -> dict[str, TargetHints]:
    """Read one hints file (cached by path)."""
    file = Path(path)
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such hints file") from None
    except yaml.YAMLError as err:
        raise LexiconError(f"{path}: not valid YAML: {err}") from None
    return parse_hints(data, source=str(path))


def builtin_hint_files() -> tuple[str, ...]:
    """Paths of the hint files shipped in the package (``data/hints/*.yaml``)."""
    folder = resources.files(__package__).joinpath("data", "hints")
    return tuple(
        sorted(str(f) for f in folder.iterdir() if f.name.endswith(".yaml"))  # type: ignore[attr-defined]
    )


def merge_hints(files: Iterable[str], target_ids: Iterable[str]) -> dict[str, TargetHints]:
    """Hints of all ``files`` for the targets in ``target_ids`` (others are ignored)."""
    ids = set(target_ids)
    merged: dict[str, TargetHints] = {}
    for path in files:
        for target_id, hints in load_hints(path).items():
            if target_id in ids:
                merged[target_id] = merged.get(target_id, TargetHints()) | hints
    return merged
