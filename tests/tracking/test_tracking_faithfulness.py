"""Faithfulness to the reference: scores, the differing words, and the pieces of the diff."""

from __future__ import annotations

import pytest

from zitat.tracking import Piece, compare_versions

REFERENCE = "„Ich habe den Vertrag gestern unterschrieben.“"


def _version_text(pieces: tuple[Piece, ...]) -> str:
    return "".join(p.text for p in pieces if p.kind in ("same", "ins"))


def test_a_pronoun_and_mood_shift_are_the_differing_words() -> None:
    version = "er habe den Vertrag gestern unterschrieben"
    result = compare_versions(version, REFERENCE)
    assert result.only_in_version == ("er",)
    assert result.only_in_reference == ("Ich",)
    assert result.faithfulness == pytest.approx(5 / 6)
    assert result.coverage == pytest.approx(5 / 6)
    assert _version_text(result.pieces) == version
    assert [(p.kind, p.text) for p in result.pieces[:2]] == [("del", "Ich"), ("ins", "er")]


def test_a_verbatim_excerpt_is_faithful_but_covers_little() -> None:
    result = compare_versions("„den Vertrag“", REFERENCE)
    assert result.faithfulness == 1.0
    assert result.coverage == pytest.approx(2 / 6)
    # words before and after the excerpt are context, not differences
    assert result.only_in_version == ()
    assert result.only_in_reference == ()
    assert [p.text for p in result.pieces if p.kind == "outside"] == [
        "Ich habe",
        "gestern unterschrieben",
    ]
    assert _version_text(result.pieces) == "„den Vertrag“"


def test_a_word_left_out_inside_the_excerpt_is_a_difference() -> None:
    result = compare_versions("Ich habe den Vertrag unterschrieben", REFERENCE)
    assert result.only_in_reference == ("gestern",)
    assert result.only_in_version == ()
    assert result.faithfulness == 1.0
    assert result.coverage == pytest.approx(5 / 6)
    assert ("del", "gestern") in [(p.kind, p.text) for p in result.pieces]


def test_case_and_punctuation_do_not_count() -> None:
    result = compare_versions("ich habe den vertrag gestern unterschrieben", REFERENCE)
    assert (result.faithfulness, result.only_in_version, result.only_in_reference) == (1.0, (), ())


def test_a_paraphrase_scores_low() -> None:
    result = compare_versions("Die Unterschrift sei bereits erfolgt", REFERENCE)
    assert result.faithfulness == 0.0
    assert set(result.only_in_version) == {"Die", "Unterschrift", "sei", "bereits", "erfolgt"}
    assert _version_text(result.pieces) == "Die Unterschrift sei bereits erfolgt"
