"""Pairwise and B³ cluster scores on tiny clusterings, expected values worked out by hand."""

from __future__ import annotations

import pytest

from zitat.scoring.clusters import B3, ClusterScores, b3_scores, cluster_scores, pairwise_prf
from zitat.scoring.prf import PRF


def test_a_mixed_example() -> None:
    # gold {a,b,c} {d,e}; pred {a,b} {c,d,e}
    # gold pairs: ab ac bc de (4); pred pairs: ab cd ce de (4); both: ab de (2)
    #   -> tp 2, fp 2, fn 2: P = R = F1 = 1/2
    # B3 per item (P, R):  a (2/2, 2/3)  b (2/2, 2/3)  c (1/3, 1/3)  d (2/3, 2/2)  e (2/3, 2/2)
    #   P = (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15;  R = (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15
    gold = [{"a", "b", "c"}, {"d", "e"}]
    pred = [{"a", "b"}, {"c", "d", "e"}]
    assert pairwise_prf(gold=gold, pred=pred) == PRF(tp=2, fp=2, fn=2)
    b3 = b3_scores(gold=gold, pred=pred)
    assert b3.n == 5
    assert b3.precision == pytest.approx(11 / 15)
    assert b3.recall == pytest.approx(11 / 15)
    assert b3.f1 == pytest.approx(11 / 15)


def test_perfect_prediction() -> None:
    # the same clustering: every gold pair predicted, every item P = R = 1
    gold = [["a", "b"], ["c", "d", "e"], ["f"]]
    pred = [["e", "d", "c"], ["f"], ["b", "a"]]
    scores = cluster_scores(gold=gold, pred=pred)
    assert scores.pairwise == PRF(tp=4, fp=0, fn=0)  # ab cd ce de
    assert scores.pairwise.f1 == 1.0
    assert scores.b3.precision == 1.0
    assert scores.b3.recall == 1.0


def test_all_singletons_predicted() -> None:
    # gold {a,b,c} {d}; pred {a} {b} {c} {d}
    # pairs: gold ab ac bc (3), pred none -> tp 0, fp 0, fn 3; P = 0 (no predictions), R = 0
    # B3: P(i) = 1 for all; R: a 1/3, b 1/3, c 1/3, d 1 -> R = 2/4 = 1/2; F1 = 2*1*0.5/1.5 = 2/3
    gold = [{"a", "b", "c"}, {"d"}]
    pred = [{"a"}, {"b"}, {"c"}, {"d"}]
    assert pairwise_prf(gold=gold, pred=pred) == PRF(tp=0, fp=0, fn=3)
    b3 = b3_scores(gold=gold, pred=pred)
    assert b3.precision == 1.0
    assert b3.recall == pytest.approx(1 / 2)
    assert b3.f1 == pytest.approx(2 / 3)


def test_one_big_cluster_predicted() -> None:
    # gold {a,b,c} {d}; pred {a,b,c,d}
    # pairs: gold 3 (ab ac bc), pred 6, both 3 -> tp 3, fp 3, fn 0: P 1/2, R 1, F1 2/3
    # B3: a, b, c: P 3/4, R 3/3; d: P 1/4, R 1/1 -> P = (3*3/4 + 1/4)/4 = 5/8, R = 1
    #   F1 = 2 * 5/8 / (5/8 + 1) = 10/13
    gold = [{"a", "b", "c"}, {"d"}]
    pred = [{"a", "b", "c", "d"}]
    prf = pairwise_prf(gold=gold, pred=pred)
    assert prf == PRF(tp=3, fp=3, fn=0)
    assert prf.f1 == pytest.approx(2 / 3)
    b3 = b3_scores(gold=gold, pred=pred)
    assert b3.precision == pytest.approx(5 / 8)
    assert b3.recall == 1.0
    assert b3.f1 == pytest.approx(10 / 13)


def test_all_singletons_on_both_sides() -> None:
    # no pairs anywhere: the PRF is empty and reports 0.0 (the PRF convention);
    # B3: every item is alone on both sides -> P = R = 1
    gold = [{"a"}, {"b"}, {"c"}]
    pred = [{"c"}, {"b"}, {"a"}]
    prf = pairwise_prf(gold=gold, pred=pred)
    assert prf.empty
    assert prf.f1 == 0.0
    b3 = b3_scores(gold=gold, pred=pred)
    assert (b3.precision, b3.recall, b3.f1) == (1.0, 1.0, 1.0)


def test_items_left_out_by_one_side_are_singletons_there() -> None:
    # gold {a,b} {c}; pred {a,b}: c is a predicted singleton -> all correct
    assert pairwise_prf(gold=[{"a", "b"}, {"c"}], pred=[{"a", "b"}]) == PRF(tp=1, fp=0, fn=0)
    b3 = b3_scores(gold=[{"a", "b"}, {"c"}], pred=[{"a", "b"}])
    assert (b3.precision, b3.recall, b3.n) == (1.0, 1.0, 3)
    # gold {a,b}; pred {a,b,x}: x is a gold singleton
    # pairs: gold ab; pred ab ax bx -> tp 1, fp 2, fn 0
    # B3: a, b: P 2/3, R 2/2; x: P 1/3, R 1/1 -> P = (2/3 + 2/3 + 1/3)/3 = 5/9, R = 1
    gold = [{"a", "b"}]
    pred = [{"a", "b", "x"}]
    assert pairwise_prf(gold=gold, pred=pred) == PRF(tp=1, fp=2, fn=0)
    b3 = b3_scores(gold=gold, pred=pred)
    assert b3.precision == pytest.approx(5 / 9)
    assert b3.recall == 1.0


def test_explicit_items_count_as_singletons_on_both_sides() -> None:
    # gold {a,b}; pred {a} {b}; items also has z (in neither)
    # pairs: gold ab, pred none -> fn 1, z changes nothing
    # B3 over a, b, z: P 1, 1, 1 -> 1; R 1/2, 1/2, 1 -> 2/3
    gold = [{"a", "b"}]
    pred = [{"a"}, {"b"}]
    items = ["a", "b", "z"]
    assert pairwise_prf(gold=gold, pred=pred, items=items) == PRF(tp=0, fp=0, fn=1)
    b3 = b3_scores(gold=gold, pred=pred, items=items)
    assert b3.n == 3
    assert b3.precision == 1.0
    assert b3.recall == pytest.approx(2 / 3)
    # without z: R = (1/2 + 1/2) / 2 = 1/2
    assert b3_scores(gold=gold, pred=pred).recall == pytest.approx(1 / 2)


def test_no_items_at_all() -> None:
    scores = cluster_scores(gold=[], pred=[[]])
    assert scores.pairwise.empty
    assert scores.b3 == B3(0.0, 0.0, 0)
    assert scores.b3.f1 == 0.0


def test_an_item_in_two_clusters_is_an_error() -> None:
    with pytest.raises(ValueError, match="two gold clusters"):
        pairwise_prf(gold=[{"a", "b"}, {"b", "c"}], pred=[])
    with pytest.raises(ValueError, match="two predicted clusters"):
        b3_scores(gold=[], pred=[["a"], ["a", "c"]])


def test_scores_add_over_disjoint_item_sets() -> None:
    # corpus 1 is the mixed example (tp 2 fp 2 fn 2; psum = rsum = 11/3 over 5 items),
    # corpus 2: gold {x,y}, pred {x} {y} (fn 1; psum 2, rsum 1 over 2 items)
    one = cluster_scores(gold=[{"a", "b", "c"}, {"d", "e"}], pred=[{"a", "b"}, {"c", "d", "e"}])
    two = cluster_scores(gold=[{"x", "y"}], pred=[{"x"}, {"y"}])
    total = one + two
    assert isinstance(total, ClusterScores)
    assert total.pairwise == PRF(tp=2, fp=2, fn=3)
    assert total.b3.n == 7
    assert total.b3.psum == pytest.approx(11 / 3 + 2)
    assert total.b3.rsum == pytest.approx(11 / 3 + 1)
    # pooled: P = (11/3 + 2)/7 = 17/21, R = (11/3 + 1)/7 = 2/3
    assert total.b3.precision == pytest.approx(17 / 21)
    assert total.b3.recall == pytest.approx(2 / 3)
    flat = total.to_dict()
    assert flat["pairwise.tp"] == 2
    assert flat["b3.n"] == 7


def test_items_of_any_hashable_type() -> None:
    # (doc, quote) tuples, as the alignment gold uses; gold {1,2,3}, pred {1,2} {3}
    # pairs: gold 3, pred 1, tp 1 -> fn 2
    a, b, c = ("d0", "q1"), ("d1", "q4"), ("d2", "q2")
    assert pairwise_prf(gold=[[a, b, c]], pred=[[a, b], [c]]) == PRF(tp=1, fp=0, fn=2)
