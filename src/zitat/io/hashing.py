"""Prodigy's input and task hashes.

Prodigy identifies a task by two 32-bit signed integers: ``_input_hash`` over the input keys
(``text``, ``image``, ``html``, ``input``) and ``_task_hash`` over the input hash plus the
task keys (``spans``, ``label``, ``options``, ``arcs``). Like Prodigy's ``set_hashes`` we hash
the key-sorted JSON of those keys with MurmurHash3 (the ``murmurhash`` package spaCy ships).
Prodigy dedupes on these values, so equal content always gets the same hash; zitat does not
promise bit-for-bit equality with a given Prodigy release, and Prodigy recomputes missing
hashes on import anyway.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import murmurhash

__all__ = ["INPUT_KEYS", "TASK_KEYS", "input_hash", "task_hash"]

INPUT_KEYS: tuple[str, ...] = ("text", "image", "html", "input")
TASK_KEYS: tuple[str, ...] = ("spans", "label", "options", "arcs")
_SPAN_KEYS_IGNORED = frozenset({"score", "rank", "model", "source"})


def _hash(values: Mapping[str, Any]) -> int:
    return int(murmurhash.hash(json.dumps(values, sort_keys=True, ensure_ascii=False)))


def _strip(value: Any) -> Any:
    if isinstance(value, list):
        return [_strip(v) for v in value]
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _SPAN_KEYS_IGNORED}
    return value


def input_hash(task: Mapping[str, Any], keys: Iterable[str] = INPUT_KEYS) -> int:
    """Hash of the task's input (by default its text)."""
    return _hash({k: task[k] for k in keys if k in task})


def task_hash(task: Mapping[str, Any], keys: Iterable[str] = TASK_KEYS) -> int:
    """Hash of the input hash plus the question asked about it (spans, label, options)."""
    values = {k: _strip(task[k]) for k in keys if k in task}
    values["_input_hash"] = task["_input_hash"] if "_input_hash" in task else input_hash(task)
    return _hash(values)
