"""Escaping in WebAnno TSV 3.2+, as INCEpTION's ``Escaping`` class does it.

Two schemes: sentence text (``#Text=`` lines) escapes backslash, tab, line feed, form feed,
carriage return, backspace and other control characters; feature values escape the
characters the format reserves: ``\\ [ ] | _ -> ; * `` and tab and line feed.
"""

from __future__ import annotations

import re

__all__ = [
    "escape_text",
    "escape_value",
    "split_unescaped",
    "strip_suffix",
    "unescape_text",
    "unescape_value",
]

_TEXT_NAMED = {"\t": "t", "\n": "n", "\f": "f", "\r": "r", "\b": "b", "\\": "\\"}
_TEXT_UNNAMED = {chr(i) for i in range(32) if not 8 <= i <= 13}
_TEXT_BACK = {v: k for k, v in _TEXT_NAMED.items()}
_VALUE_SINGLE = {"\\": "\\", "[": "[", "]": "]", "|": "|", "_": "_", ";": ";", "*": "*"}
_VALUE_BACK = {**_VALUE_SINGLE, "t": "\t", "n": "\n"}


def escape_text(text: str) -> str:
    """Escape one line of sentence text for a ``#Text=`` line."""
    out = []
    for ch in text:
        if ch in _TEXT_NAMED:
            out.append("\\" + _TEXT_NAMED[ch])
        elif ch in _TEXT_UNNAMED:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def unescape_text(text: str) -> str:
    """Undo :func:`escape_text` (an unknown escape keeps its backslash)."""
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt in _TEXT_BACK:
                out.append(_TEXT_BACK[nxt])
                i += 2
                continue
            if nxt in _TEXT_UNNAMED:
                out.append(nxt)
                i += 2
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def escape_value(value: str) -> str:
    """Escape a feature value."""
    out = []
    i = 0
    while i < len(value):
        if value.startswith("->", i):
            out.append("\\->")
            i += 2
            continue
        ch = value[i]
        if ch in _VALUE_SINGLE:
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def unescape_value(value: str) -> str:
    """Undo :func:`escape_value` (an unknown escape keeps its backslash)."""
    out = []
    i = 0
    while i < len(value):
        if value.startswith("\\->", i):
            out.append("->")
            i += 3
            continue
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in _VALUE_BACK:
            out.append(_VALUE_BACK[value[i + 1]])
            i += 2
            continue
        out.append(value[i])
        i += 1
    return "".join(out)


def split_unescaped(value: str, sep: str) -> list[str]:
    """Split ``value`` at each ``sep`` (one character) not escaped by a backslash."""
    parts = []
    current = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def _escaped(value: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and value[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def strip_suffix(value: str, pattern: str) -> tuple[str, tuple[int, ...] | None]:
    """Split a trailing ``[…]`` suffix matching ``pattern`` (numbers in groups) off ``value``.

    Returns the value without the suffix and the numbers, or ``(value, None)`` when there is
    no unescaped suffix.
    """
    m = re.fullmatch(rf"(.*)\[{pattern}\]", value, re.DOTALL)
    if m is None or _escaped(value, len(m.group(1))):
        return value, None
    return m.group(1), tuple(int(g) for g in m.groups()[1:])
