"""The official metric on a worked example, computed by hand.

TEXT_A tokens: 0 Blinken 1 sagte 2 , 3 Russland 4 habe 5 eine 6 Wahl 7 . 8 Lawrow 9 warnte 10 :
11 „ 12 Die 13 Nato 14 darf 15 nicht 16 wachsen 17 . 18 “

Gold  g1 indirect/speech: quote {3,4,5,6}, cue {1}, frame {0,1,2}, speaker {0}
      g2 direct/speech:   quote {11..18}, cue {9}, frame {8,9,10}, speaker {8}
Sys   s1 indirect/speech: quote {3,4,5}, cue {1}, speaker {0,1}
      s2 direct/writing:  quote {12..17}, cue {9}, frame {8,9,10}, speaker {8}
      s3 reported/speech: quote {8,9}
Alignment: g1-s1 (F1 6/7), g2-s2 (F1 6/7); s3 unmatched.

Pair g1-s1: quote P 3/3=1, R 3/4; cue P 1 R 1; frame P skipped (0/0), R 0/3=0; speaker P 1/2,
            R 1; addressee skipped.
Pair g2-s2: quote P 1, R 6/8=3/4; cue, frame, speaker P 1 R 1.
s3 alone:   quote P 0 (R skipped); no roles.

Messages P = (1+1+0)/3 = 2/3, R = (3/4+3/4)/2 = 3/4, F1 = 2·(2/3)(3/4)/(2/3+3/4) = 12/17.
Roles    P = (1 + 1/2 + 1 + 1 + 1)/5 = 9/10, R = (1 + 0 + 1 + 1 + 1 + 1)/6 = 5/6,
         F1 = 2·(9/10)(5/6)/(9/10+5/6) = 15/17.3333… = 45/52.
Joint    P = (2 + 4.5)/8 = 13/16, R = (1.5 + 5)/8 = 13/16, F1 = 13/16.
Form: both aligned pairs have the gold type -> acc 2/2; P = 2/(2+1 [s3]) = 2/3, R = 2/2.
STWR: g2-s2 differs -> acc 1/2; P = 1/(1+1+1) = 1/3, R = 1/(1+1) = 1/2.
"""

import pytest

from zitat.scoring.pair import DocumentPair
from zitat.scoring.wikinews import WikinewsCounts, wikinews_counts

from .helpers import TEXT_A, adoc, quote
from .test_quotes import GOLD, PRED


def test_worked_example():
    s = wikinews_counts(DocumentPair(GOLD, PRED)).scores()
    assert s["messages.p"] == pytest.approx(2 / 3)
    assert s["messages.r"] == pytest.approx(3 / 4)
    assert s["messages.f1"] == pytest.approx(12 / 17)
    assert s["roles.p"] == pytest.approx(9 / 10)
    assert s["roles.r"] == pytest.approx(5 / 6)
    assert s["roles.f1"] == pytest.approx(45 / 52)
    assert s["joint.p"] == s["joint.r"] == pytest.approx(13 / 16)
    assert s["joint.f1"] == pytest.approx(13 / 16)
    assert s["form.acc"] == 1.0
    assert (s["form.p"], s["form.r"]) == (pytest.approx(2 / 3), 1.0)
    assert s["stwr.acc"] == 0.5
    assert (s["stwr.p"], s["stwr.r"]) == (pytest.approx(1 / 3), 0.5)


def test_macro_pools_pairs_across_documents_not_documents():
    # Document 1: the worked example. Document 2: one perfectly predicted quote.
    # Messages P pools pair values: (1 + 1 + 0 + 1) / 4 = 3/4 (a per-document mean would give
    # (2/3 + 1)/2 = 5/6).
    single = (quote(TEXT_A, "g", "Russland habe eine Wahl", cue="sagte"),)
    d2 = adoc(TEXT_A, single, doc_id="d2")
    total = wikinews_counts(DocumentPair(GOLD, PRED)) + wikinews_counts(DocumentPair(d2, d2))
    assert total.messages[0] == pytest.approx(3 / 4)
    assert total.messages[1] == pytest.approx((3 / 4 + 3 / 4 + 1) / 3)


def test_unmatched_gold_and_empty_documents():
    empty = adoc(TEXT_A)
    s = wikinews_counts(DocumentPair(GOLD, empty)).scores()
    assert s["messages.r"] == 0.0
    assert s["messages.p"] == 0.0
    assert s["form.r"] == 0.0
    assert s["form.acc"] == 0.0
    nothing = wikinews_counts(DocumentPair(empty, empty))
    assert nothing == WikinewsCounts()
    assert nothing.scores()["joint.f1"] == 0.0


def test_zero_overlap_pairs_follow_the_original_scorer():
    # Gold g1, g2; system s1 (overlaps g1) and s3 (overlaps nothing, but names Lawrow as speaker).
    # The original scorer pairs s3 with g2 anyway, so s3's speaker {8} is a TP against g2's.
    gold = adoc(
        TEXT_A,
        (
            quote(TEXT_A, "g1", "Russland habe eine Wahl"),
            quote(TEXT_A, "g2", "„Die Nato darf nicht wachsen.“", "direct", speaker="Lawrow"),
        ),
    )
    pred = adoc(
        TEXT_A,
        (
            quote(TEXT_A, "s1", "Russland habe eine Wahl"),
            quote(TEXT_A, "s3", "Lawrow warnte", "reported", speaker="Lawrow"),
        ),
    )
    pair = DocumentPair(gold, pred)
    original = wikinews_counts(pair)
    assert original.roles[0] == 1.0
    assert original.roles[1] == 1.0
    assert original.form_acc.total == 2
    assert original.form_acc.correct == 1
    strict = wikinews_counts(pair, original=False)
    assert strict.roles[0] == 0.0
    assert strict.roles[1] == 0.0
    assert strict.form_acc.total == 1
    assert strict.form_acc.correct == 1
    # Messages are the same either way: a zero-overlap pair scores like two unmatched quotes:
    # P values (1 [g1-s1], 0 [s3]) and R values (1 [g1-s1], 0 [g2]).
    assert original.messages == strict.messages == (0.5, 0.5, 0.5)
