"""The gold data bundled with zitat: the five seed articles (``seeds``)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from zitat.io.jsonl import iter_documents
from zitat.schema import AnnotatedDocument, TargetInventory

__all__ = ["bundled_gold_dir", "load_seeds", "seeds_targets"]


@lru_cache(maxsize=1)
def bundled_gold_dir() -> Path:
    """The folder holding the bundled gold: inside the installed package or the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "_gold", here.parents[2] / "gold"):
        if (candidate / "seeds.jsonl").is_file():
            return candidate
    raise FileNotFoundError(
        "the bundled gold (seeds.jsonl) is missing from this installation of zitat"
    )


def load_seeds(split: str = "all") -> Iterator[AnnotatedDocument]:
    """The seed gold documents (there is one split, ``all``)."""
    if split != "all":
        raise KeyError(f"the seeds gold set has one split, 'all' (not {split!r})")
    return iter_documents(bundled_gold_dir() / "seeds.jsonl")


def seeds_targets() -> TargetInventory:
    """The stance target inventory of the seed corpus."""
    return TargetInventory.load(bundled_gold_dir() / "targets.yaml")
