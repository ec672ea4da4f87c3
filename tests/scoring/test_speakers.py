import pytest

from zitat import SpeakerEntity
from zitat.scoring.pair import DocumentPair
from zitat.scoring.prf import Accuracy
from zitat.scoring.speakers import effective_mentions, same_name, speaker_counts
from zitat.testing import find_span

from .helpers import adoc, quote

TEXT = (
    "US-Außenminister Antony Blinken traf Sergej Lawrow in Genf. "
    "Er sagte, man wolle weiter reden. Lawrow erklärte, die Nato müsse sich zurückziehen."
)


def _entities(pred: bool = False):
    blinken = (find_span(TEXT, "US-Außenminister Antony Blinken"), find_span(TEXT, "Er"))
    lawrow = (find_span(TEXT, "Sergej Lawrow"), find_span(TEXT, "Lawrow", 2))
    return (
        SpeakerEntity("e1", "Antony Blinken", mentions=blinken),
        SpeakerEntity("e2", "Sergej Lawrow", mentions=lawrow),
    )


def _gold():
    return adoc(
        TEXT,
        (
            quote(TEXT, "q1", "man wolle weiter reden", speaker="Er", entity="e1"),
            quote(TEXT, "q2", "die Nato müsse sich zurückziehen", entity="e2"),
        ),
        _entities(),
    )


def test_effective_mentions_include_quote_speakers():
    doc = adoc(
        TEXT,
        (quote(TEXT, "q", "man wolle weiter reden", speaker="Er", entity="x"),),
        (SpeakerEntity("x", "Blinken"),),
    )
    assert effective_mentions(doc.annotations) == {"x": frozenset({find_span(TEXT, "Er")})}


def test_attribution_by_overlap_with_a_mention_of_the_gold_entity():
    pred = adoc(
        TEXT,
        (
            # "Blinken" overlaps the gold mention "US-Außenminister Antony Blinken": correct
            quote(TEXT, "p1", "man wolle weiter reden", speaker="Blinken"),
            # speaker "Sergej Lawrow" is a mention of e2, but the gold entity of q2 is e2: correct
            quote(TEXT, "p2", "die Nato müsse sich zurückziehen", speaker="Sergej Lawrow"),
        ),
    )
    assert speaker_counts(DocumentPair(_gold(), pred)).attribution == Accuracy(2, 2)
    wrong = adoc(TEXT, (quote(TEXT, "p1", "man wolle weiter reden", speaker="Sergej Lawrow"),))
    c = speaker_counts(DocumentPair(_gold(), wrong))
    assert c.attribution == Accuracy(0, 1)  # q2 has no partner: not in the denominator
    assert c.gold_quotes == 2


def test_attribution_without_speaker_on_both_sides_is_correct():
    gold = adoc(TEXT, (quote(TEXT, "q", "man wolle weiter reden"),))
    pred = adoc(TEXT, (quote(TEXT, "p", "man wolle weiter reden"),))
    assert speaker_counts(DocumentPair(gold, pred)).attribution == Accuracy(1, 1)
    spoken = adoc(TEXT, (quote(TEXT, "p", "man wolle weiter reden", speaker="Er"),))
    assert speaker_counts(DocumentPair(gold, spoken)).attribution == Accuracy(0, 1)


def test_b3_by_hand():
    # gold: e1 {a, b, c}, e2 {d}; predicted: x {a, b}, y {c, d}, z {f} (f is not a gold mention)
    a, b, c = (
        find_span(TEXT, "US-Außenminister Antony Blinken"),
        find_span(TEXT, "Er"),
        find_span(TEXT, "man"),
    )
    d, f = find_span(TEXT, "Sergej Lawrow"), find_span(TEXT, "Nato")
    gold = adoc(
        TEXT,
        (),
        (
            SpeakerEntity("e1", "Antony Blinken", mentions=(a, b, c)),
            SpeakerEntity("e2", "Sergej Lawrow", mentions=(d,)),
        ),
    )
    pred = adoc(
        TEXT,
        (),
        (
            SpeakerEntity("x", "antony  BLINKEN", mentions=(a, b)),
            SpeakerEntity("y", "Lawrow", mentions=(c, d)),
            SpeakerEntity("z", "Nato", mentions=(f,)),
        ),
    )
    counts = speaker_counts(DocumentPair(gold, pred))
    # precision per predicted mention: a 1, b 1, c 1/2, d 1/2, f 0 -> 3/5
    # recall per gold mention: a 2/3, b 2/3, c 1/3, d 1 -> (8/3)/4 = 2/3
    p, r, f1 = counts.b3
    assert p == pytest.approx(3 / 5)
    assert r == pytest.approx(2 / 3)
    assert f1 == pytest.approx(2 * 0.6 * (2 / 3) / (0.6 + 2 / 3))
    # entities align e1-x (2 shared) and e2-y (1 shared); only x's name matches
    assert counts.name == Accuracy(1, 2)
    assert counts.gold_entities == 2


def test_perfect_entities_and_missing_prediction():
    gold = _gold()
    perfect = speaker_counts(DocumentPair(gold, gold))
    assert perfect.b3 == (1.0, 1.0, 1.0)
    assert perfect.name == Accuracy(2, 2)
    nothing = speaker_counts(DocumentPair(gold, None))
    assert nothing.b3 == (0.0, 0.0, 0.0)
    assert nothing.b3_rn == 4  # Blinken, Er, Sergej Lawrow, Lawrow


def test_same_name():
    assert same_name(" Antony  Blinken", "antony blinken")
    assert not same_name("Lawrow", "Sergej Lawrow")


def test_entities_without_mentions_align_through_their_quotes():
    gold = adoc(
        TEXT,
        (quote(TEXT, "q", "man wolle weiter reden", entity="e"),),
        (SpeakerEntity("e", "Antony Blinken"),),
    )
    pred = adoc(
        TEXT,
        (quote(TEXT, "p", "man wolle weiter", entity="x"),),
        (SpeakerEntity("x", "Antony Blinken"),),
    )
    counts = speaker_counts(DocumentPair(gold, pred))
    assert counts.name == Accuracy(1, 1)
    assert counts.gold_entities == 1
    # no mention on either side, but both quotes are attributed: nothing to compare -> correct
    assert counts.attribution == Accuracy(1, 1)
    unattributed = adoc(TEXT, (quote(TEXT, "p", "man wolle weiter"),))
    assert speaker_counts(DocumentPair(gold, unattributed)).attribution == Accuracy(0, 1)
