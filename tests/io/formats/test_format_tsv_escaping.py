"""WebAnno TSV escaping, as INCEpTION's Escaping class defines it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zitat.io.formats.webanno.escaping import (
    escape_text,
    escape_value,
    split_unescaped,
    strip_suffix,
    unescape_text,
    unescape_value,
)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a\tb", "a\\tb"),
        ("Lawrow sagte:\r", "Lawrow sagte:\\r"),
        ("C:\\Pfad", "C:\\\\Pfad"),
        ("\f\b", "\\f\\b"),
        ("x\x01y", "x\\\x01y"),  # other control characters: a backslash in front
        ("x\x0by", "x\x0by"),  # vertical tab is not escaped
        ("[eckig] a|b x_y ->", "[eckig] a|b x_y ->"),  # value characters are not special
    ],
)
def test_text_escaping(raw: str, escaped: str) -> None:
    assert escape_text(raw) == escaped
    assert unescape_text(escaped) == raw


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("q_1", "q\\_1"),
        ("Kreml [RU]", "Kreml \\[RU\\]"),
        ("a|b;c*", "a\\|b\\;c\\*"),
        ("a->b", "a\\->b"),
        ("C:\\x", "C:\\\\x"),
        ("Tab\tNeu\nZeile", "Tab\\tNeu\\nZeile"),
        ("😀 e\u0301", "😀 e\u0301"),
    ],
)
def test_value_escaping(raw: str, escaped: str) -> None:
    assert escape_value(raw) == escaped
    assert unescape_value(escaped) == raw


def test_unknown_escapes_keep_their_backslash() -> None:
    assert unescape_text("a\\qb") == "a\\qb"
    assert unescape_value("a\\qb") == "a\\qb"


def test_split_respects_escapes() -> None:
    assert split_unescaped("a\\|b|c[2]|\\\\|d", "|") == ["a\\|b", "c[2]", "\\\\", "d"]


def test_suffix() -> None:
    assert strip_suffix("q\\_1[12]", r"(\d+)") == ("q\\_1", (12,))
    assert strip_suffix("Kreml \\[RU\\]", r"(\d+)") == ("Kreml \\[RU\\]", None)
    assert strip_suffix("x\\[3]", r"(\d+)") == ("x\\[3]", None)  # the bracket is escaped
    assert strip_suffix("x\\\\[3]", r"(\d+)") == ("x\\\\", (3,))  # the backslash is
    assert strip_suffix("2-9[2_3]", r"(\d+)_(\d+)") == ("2-9", (2, 3))


@given(st.text())
def test_text_round_trip(text: str) -> None:
    assert unescape_text(escape_text(text)) == text
    assert "\t" not in escape_text(text)
    assert "\n" not in escape_text(text)


@given(st.text())
def test_value_round_trip(value: str) -> None:
    escaped = escape_value(value)
    assert unescape_value(escaped) == value
    assert split_unescaped(escaped, "|") == [escaped]  # a value never splits a stack
    assert strip_suffix(escaped + "[7]", r"(\d+)") == (escaped, (7,))
