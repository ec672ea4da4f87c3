"""TokenIndex: char offsets to Prodigy token indices (token_end inclusive) and back."""

from __future__ import annotations

import pytest

from zitat.errors import ValidationError
from zitat.schema import Span
from zitat.text import TokenIndex, tokenize

TEXT = "Er sagte:  „Nein.“"
#       012345678901234567
# tokens: Er 0-2, sagte 3-8, : 8-9, „ 11-12, Nein 12-16, . 16-17, “ 17-18


@pytest.fixture
def index() -> TokenIndex:
    return TokenIndex(tokenize(TEXT))


def test_tokens_as_expected(index: TokenIndex) -> None:
    assert [(t.text, t.start, t.end) for t in index.tokens] == [
        ("Er", 0, 2),
        ("sagte", 3, 8),
        (":", 8, 9),
        ("„", 11, 12),
        ("Nein", 12, 16),
        (".", 16, 17),
        ("“", 17, 18),
    ]


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (Span(0, 2), (0, 0)),  # exactly one token, token_end inclusive
        (Span(0, 18), (0, 6)),  # everything
        (Span(1, 4), (0, 1)),  # cuts through two tokens
        (Span(2, 3), None),  # only the space between tokens
        (Span(9, 11), None),  # only spaces
        (Span(9, 12), (3, 3)),  # leading spaces are ignored
        (Span(12, 16), (4, 4)),
        (Span(15, 17), (4, 5)),
    ],
)
def test_covering(index: TokenIndex, span: Span, expected: tuple[int, int] | None) -> None:
    if expected is None:
        with pytest.raises(ValidationError, match="covers no token"):
            index.covering(span)
        assert list(index.token_ids(span)) == []
    else:
        assert index.covering(span) == expected
        assert list(index.token_ids(span)) == list(range(expected[0], expected[1] + 1))


@pytest.mark.parametrize(
    ("span", "aligned"),
    [
        (Span(0, 2), True),
        (Span(11, 18), True),
        (Span(0, 18), True),
        (Span(1, 2), False),
        (Span(0, 3), False),
        (Span(9, 12), False),
        (Span(12, 15), False),
    ],
)
def test_aligned(index: TokenIndex, span: Span, aligned: bool) -> None:
    assert index.aligned(span) is aligned


def test_span_of(index: TokenIndex) -> None:
    assert index.span_of(0, 0) == Span(0, 2)
    assert index.span_of(3, 6) == Span(11, 18)
    for bad in [(-1, 0), (2, 1), (0, 7)]:
        with pytest.raises(ValidationError, match="outside 0-6"):
            index.span_of(*bad)


@pytest.mark.parametrize(
    ("offset", "token"),
    [
        (0, 0),
        (1, 0),
        (2, None),
        (3, 1),
        (8, 2),
        (9, None),
        (10, None),
        (11, 3),
        (17, 6),
        (18, None),
        (-1, None),
    ],
)
def test_token_at(index: TokenIndex, offset: int, token: int | None) -> None:
    assert index.token_at(offset) == token


def test_empty_index() -> None:
    index = TokenIndex(())
    assert index.token_at(0) is None
    assert not index.aligned(Span(0, 1))
    with pytest.raises(ValidationError):
        index.covering(Span(0, 1))
