"""Built-in plugin: the German Wikinews quotation dataset as a gold set and a format.

The dataset is not shipped with zitat (CC BY-NC-SA 4.0). The gold set ``wikinews`` reads it
from ``$ZITAT_WIKINEWS_DIR`` or, when that is unset, from ``../shared/data/wikinews-quotes-2024``
next to the current working directory or next to the zitat source tree.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from zitat.errors import InputError
from zitat.io.wikinews import iter_wikinews, write_wikinews_folder
from zitat.plugins.components import Format, GoldSet
from zitat.plugins.hookspecs import hookimpl
from zitat.schema import AnnotatedDocument

__all__ = ["ENV_VAR", "SPLITS", "wikinews_dir"]

ENV_VAR = "ZITAT_WIKINEWS_DIR"
SPLITS = ("train", "dev", "test")
_RELATIVE = Path("..") / "shared" / "data" / "wikinews-quotes-2024"


def _candidates() -> list[Path]:
    configured = os.environ.get(ENV_VAR)
    if configured:
        return [Path(configured).expanduser()]
    repo_root = Path(__file__).resolve().parents[2]
    return [Path.cwd() / _RELATIVE, repo_root / _RELATIVE]


def wikinews_dir() -> Path | None:
    """The dataset folder (holding ``train/``, ``dev/`` …), or None if it cannot be found."""
    for candidate in _candidates():
        if candidate.is_dir():
            return candidate.resolve()
    return None


def _available() -> str | None:
    if wikinews_dir() is not None:
        return None
    where = ", ".join(str(p) for p in _candidates())
    return (
        f"the Wikinews quotation dataset was not found (looked in {where}); set {ENV_VAR} "
        "to the folder holding its train/ and dev/ folders"
    )


def _split_dir(split: str) -> Path:
    if split not in SPLITS:
        raise KeyError(f"the wikinews gold set has splits {', '.join(SPLITS)} (not {split!r})")
    root = wikinews_dir()
    if root is None:
        raise InputError(str(_available()))
    folder = root / split
    if not folder.is_dir():
        raise InputError(f"{folder}: split {split!r} is not in this copy of the dataset")
    return folder


def _load(split: str) -> Iterator[AnnotatedDocument]:
    return iter_wikinews(_split_dir(split))


def _files(split: str) -> list[Path]:
    return sorted(_split_dir(split).glob("*.json"))


@hookimpl
def zitat_gold_sets() -> Sequence[GoldSet]:
    """The Wikinews quotation dataset (train 700, dev 150 documents; test held out)."""
    return [
        GoldSet(
            name="wikinews",
            description="German Wikinews quotation attribution (Petersen-Frey & Biemann, "
            "LREC-COLING 2024): quotes with type, medium, speaker, cue, frame, addressee.",
            splits=SPLITS,
            default_split="dev",
            version="2024",
            load=_load,
            available=_available,
            files=_files,
        )
    ]


@hookimpl
def zitat_formats() -> Sequence[Format]:
    """The dataset's one-JSON-file-per-document format."""
    return [
        Format(
            name="wikinews",
            description="German Wikinews quotation dataset: a folder of <name>.pretty.json "
            "files (or one file); writes a folder",
            extensions=(".json",),
            read=iter_wikinews,
            write=write_wikinews_folder,
        )
    ]
