import pytest

from zitat import Stance
from zitat.errors import ValidationError
from zitat.scoring.pair import DocumentPair
from zitat.scoring.prf import PRF, Accuracy
from zitat.scoring.stance import StanceCounts, stance_counts, stance_labels

from .helpers import TEXT_A, adoc, quote

QUOTES = (
    quote(TEXT_A, "q1", "Russland habe eine Wahl", speaker="Blinken"),
    quote(TEXT_A, "q2", "„Die Nato darf nicht wachsen.“", "direct", speaker="Lawrow"),
)
GOLD = adoc(
    TEXT_A,
    QUOTES,
    stances=(
        Stance("diplomacy", "favor", quote="q1"),
        Stance("nato-expansion", "against", quote="q1"),
        Stance("sanctions", "neutral", quote="q2"),
    ),
)


def test_given_gold_quotes_by_hand():
    pred = adoc(
        TEXT_A,
        QUOTES,
        stances=(
            Stance("diplomacy", "favor", quote="q1"),  # right
            Stance("nato-expansion", "favor", quote="q1"),  # wrong polarity
            Stance("weapons-to-ukraine", "against", quote="q2"),  # extra
        ),  # (q2, sanctions) is missing
    )
    c = stance_counts(DocumentPair(GOLD, pred))
    assert c.accuracy == Accuracy(1, 4)
    assert c.classes["favor"] == PRF(1, 1, 0)
    assert c.classes["against"] == PRF(0, 1, 1)
    assert c.classes["neutral"] == PRF(0, 0, 1)
    assert c.macro_f1 == pytest.approx((2 / 3 + 0 + 0) / 3)
    assert c.f_avg == pytest.approx((2 / 3 + 0) / 2)


def test_end_to_end_maps_predicted_quotes_through_the_alignment():
    pred_quotes = (
        quote(TEXT_A, "a", "Russland habe eine", speaker="Blinken"),  # aligns with q1
        quote(TEXT_A, "b", "Lawrow warnte"),  # aligns with nothing
    )
    pred = adoc(
        TEXT_A,
        pred_quotes,
        stances=(
            Stance("diplomacy", "favor", quote="a"),
            Stance("nato-expansion", "against", quote="a"),
            Stance("sanctions", "neutral", quote="b"),  # on an unaligned quote: extra
        ),
    )
    labels = sorted(stance_labels(DocumentPair(GOLD, pred), setting="e2e"))
    assert labels == sorted(
        [("favor", "favor"), ("against", "against"), ("neutral", "none"), ("none", "neutral")]
    )
    c = stance_counts(DocumentPair(GOLD, pred), setting="e2e")
    assert c.accuracy == Accuracy(2, 4)
    assert c.classes["neutral"] == PRF(0, 1, 1)
    # the given-gold setting keys by the predicted ids, which are not gold ids: all wrong
    assert stance_counts(DocumentPair(GOLD, pred)).accuracy == Accuracy(0, 6)


def test_perfect_and_skipped_classes():
    c = stance_counts(DocumentPair(GOLD, GOLD))
    assert c.accuracy == Accuracy(3, 3)
    assert c.macro_f1 == 1.0
    assert c.f_avg == 1.0
    only_favor = StanceCounts.from_labels([("favor", "favor")])
    assert only_favor.macro_f1 == 1.0  # against and neutral absent on both sides: skipped
    assert StanceCounts().macro_f1 == 0.0


def test_conflicting_duplicate_stances_raise():
    pred = adoc(
        TEXT_A,
        QUOTES,
        stances=(
            Stance("diplomacy", "favor", quote="q1"),
            Stance("diplomacy", "against", quote="q1"),
        ),
    )
    with pytest.raises(ValidationError, match="conflicting"):
        stance_counts(DocumentPair(GOLD, pred))


def test_unknown_setting():
    with pytest.raises(ValueError, match="setting"):
        stance_counts(DocumentPair(GOLD, GOLD), setting="other")  # type: ignore[arg-type]
