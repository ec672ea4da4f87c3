"""Resolving ``--gold NAME[:SPLIT]`` or ``--gold PATH`` to documents, with a content hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from zitat.errors import InputError
from zitat.gold.folder import load_gold_path
from zitat.io.prodigy import document_to_record
from zitat.plugins import Plugins
from zitat.schema import AnnotatedDocument, TargetInventory

__all__ = ["LoadedGold", "content_hash", "load_gold"]

DEFAULT_GOLD = "seeds"


@dataclass(frozen=True)
class LoadedGold:
    """Gold documents and where they came from."""

    spec: str
    name: str
    split: str | None
    version: str
    documents: tuple[AnnotatedDocument, ...]
    targets: TargetInventory | None
    sha256: str

    def describe(self) -> dict[str, object]:
        """The part of a result file that names the gold."""
        return {
            "spec": self.spec,
            "name": self.name,
            "split": self.split,
            "version": self.version,
            "documents": len(self.documents),
            "sha256": self.sha256,
        }


def content_hash(docs: Iterable[AnnotatedDocument]) -> str:
    """SHA-256 over the canonical Prodigy records of ``docs`` (order-independent)."""
    lines = sorted(
        json.dumps(document_to_record(d), sort_keys=True, ensure_ascii=False) for d in docs
    )
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def load_gold(spec: str = DEFAULT_GOLD, *, plugins: Plugins | None = None) -> LoadedGold:
    """Load gold named by a registered set (``seeds``, ``wikinews:dev``) or a path."""
    path = Path(spec)
    if path.exists():
        bundle = load_gold_path(path)
        docs = tuple(bundle.documents)
        name = str(path.resolve())  # so a saved run finds its gold from any folder
        return LoadedGold(spec, name, None, "file", docs, bundle.targets, content_hash(docs))
    plugins = plugins or Plugins()
    sets = plugins.gold_sets()
    name, _, split = spec.partition(":")
    if name not in sets:
        known = ", ".join(sorted(sets)) or "none"
        raise InputError(f"no gold set or path {spec!r}; registered gold sets: {known}")
    gold = sets[name]
    problem = gold.available()
    if problem:
        raise InputError(f"gold set {name!r} is not available: {problem}")
    split = split or gold.default_split or gold.splits[0]
    if split not in gold.splits:
        raise InputError(f"gold set {name!r} has splits {', '.join(gold.splits)}, not {split!r}")
    docs = tuple(gold.load(split))
    if not docs:
        raise InputError(f"gold set {name!r} split {split!r} has no documents")
    return LoadedGold(spec, name, split, gold.version, docs, gold.targets(), content_hash(docs))
