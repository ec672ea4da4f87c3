import pytest

from zitat.scoring.pair import DocumentPair
from zitat.scoring.prf import PRF, Accuracy
from zitat.scoring.quotes import quote_counts

from .helpers import TEXT_A, adoc, quote

# TEXT_A tokens: 0 Blinken 1 sagte 2 , 3 Russland 4 habe 5 eine 6 Wahl 7 . 8 Lawrow 9 warnte
# 10 : 11 „ 12 Die 13 Nato 14 darf 15 nicht 16 wachsen 17 . 18 “
GOLD = adoc(
    TEXT_A,
    (
        quote(
            TEXT_A,
            "g1",
            "Russland habe eine Wahl",
            cue="sagte",
            frame="Blinken sagte,",
            speaker="Blinken",
        ),
        quote(
            TEXT_A,
            "g2",
            "„Die Nato darf nicht wachsen.“",
            "direct",
            cue="warnte",
            frame="Lawrow warnte:",
            speaker="Lawrow",
        ),
    ),
)
PRED = adoc(
    TEXT_A,
    (
        quote(TEXT_A, "s1", "Russland habe eine", cue="sagte", speaker="Blinken sagte"),
        quote(
            TEXT_A,
            "s2",
            "Die Nato darf nicht wachsen.",
            "direct",
            medium="writing",
            cue="warnte",
            frame="Lawrow warnte:",
            speaker="Lawrow",
        ),
        quote(TEXT_A, "s3", "Lawrow warnte", "reported"),
    ),
)


def test_counts_by_hand():
    c = quote_counts(DocumentPair(GOLD, PRED))
    # s1-g1 and s2-g2 align; s3 overlaps nothing.
    assert c.match == PRF(2, 1, 0)
    # content tokens: g1 {3,4,5,6} vs {3,4,5}; g2 {11..18} vs {12..17}
    assert c.content == PRF(3 + 6, 0, 1 + 2)
    assert c.roles["cue"] == PRF(2, 0, 0)
    assert c.roles["frame"] == PRF(3, 0, 3)  # s1 has no frame
    assert c.roles["speaker"] == PRF(2, 1, 0)  # "Blinken sagte" has one token too many
    assert c.roles["addressee"] == PRF()
    assert c.type == Accuracy(2, 2)
    assert c.medium == Accuracy(1, 2)
    assert c.content.f1 == pytest.approx(18 / 21)


def test_empty_prediction_and_empty_gold():
    empty = adoc(TEXT_A)
    c = quote_counts(DocumentPair(GOLD, empty))
    assert c.match == PRF(0, 0, 2)
    assert c.type == Accuracy(0, 0)
    c = quote_counts(DocumentPair(empty, PRED))
    assert c.match == PRF(0, 3, 0)


def test_counts_add_across_documents():
    one = quote_counts(DocumentPair(GOLD, PRED))
    two = one + one
    assert two.match == PRF(4, 2, 0)
    assert two.roles["frame"] == PRF(6, 0, 6)
    assert two.stats()["quotes.medium.correct"] == 2
