"""UTF-16 code units against code points: the conversion every tool format relies on."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zitat.errors import ValidationError
from zitat.io.formats.utf16 import CODE_POINTS, UTF16, OffsetMap, check_unit, utf16_length

# 😀 is U+1F600; 🇩🇪 is two regional indicators, each astral; "e\u0301" is two BMP characters
TEXT = "😀a🇩🇪e\u0301"


def test_to_unit_counts_astral_characters_twice() -> None:
    omap = OffsetMap(TEXT, UTF16)
    # code points: 😀 0, a 1, 🇩 2, 🇪 3, e 4, ◌́ 5, end 6
    # UTF-16:      😀 0-1, a 2, 🇩 3-4, 🇪 5-6, e 7, ◌́ 8, end 9
    assert [omap.to_unit(i) for i in range(7)] == [0, 2, 3, 5, 7, 8, 9]
    assert omap.length == 9 == utf16_length(TEXT)


def test_to_code_point_inverts_between_characters() -> None:
    omap = OffsetMap(TEXT, UTF16)
    assert [omap.to_code_point(u, field="f") for u in (0, 2, 3, 5, 7, 8, 9)] == list(range(7))


@pytest.mark.parametrize(("offset", "char"), [(1, "😀"), (4, "🇩"), (6, "🇪")])
def test_offset_inside_a_surrogate_pair_is_refused(offset: int, char: str) -> None:
    with pytest.raises(ValidationError, match="splits the surrogate pair") as info:
        OffsetMap(TEXT, UTF16).to_code_point(offset, obj="record", field="entities[0].end")
    assert info.value.field == "entities[0].end"
    assert repr(char) in str(info.value)


@pytest.mark.parametrize(
    ("offset", "message"),
    [(-1, "outside the text"), (10, "outside the text"), ("3", "integer"), (True, "integer")],
)
def test_bad_offsets(offset: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        OffsetMap(TEXT, UTF16).to_code_point(offset, field="start")


def test_code_points_are_the_identity_but_still_checked() -> None:
    omap = OffsetMap(TEXT, CODE_POINTS)
    assert [omap.to_unit(i) for i in range(7)] == list(range(7))
    assert omap.to_code_point(4, field="f") == 4
    with pytest.raises(ValidationError, match="length 6 code points"):
        omap.to_code_point(7, field="f")


def test_unknown_unit() -> None:
    with pytest.raises(ValueError, match="'utf-8'"):
        check_unit("utf-8")


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40))
def test_offsets_agree_with_pythons_utf16_encoder(text: str) -> None:
    omap = OffsetMap(text, UTF16)
    for i in range(len(text) + 1):
        expected = len(text[:i].encode("utf-16-le")) // 2
        assert omap.to_unit(i) == expected
        assert omap.to_code_point(expected, field="f") == i
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2
