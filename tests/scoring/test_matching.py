from zitat.scoring.matching import align_quotes, overlap_f1
from zitat.scoring.pair import DocumentPair

from .helpers import TEXT_A, adoc, quote


def test_overlap_f1():
    assert overlap_f1(frozenset({1, 2, 3, 4}), frozenset({3, 4, 5})) == 2 * 2 / 7
    assert overlap_f1(frozenset(), frozenset({1})) == 0.0


def _pair(gold, pred):
    return DocumentPair(adoc(TEXT_A, gold), adoc(TEXT_A, pred))


def test_hungarian_beats_greedy():
    # g1 = tokens {3,4,5,6}, g2 = {5,6}; p1 = {4,5,6}, p2 = {3,4}.
    # F1: g1-p1 6/7, g2-p1 4/5, g1-p2 2/3, g2-p2 0. Greedy takes g1-p1 first (total 6/7);
    # the optimum is g1-p2 + g2-p1 = 2/3 + 4/5.
    g = (quote(TEXT_A, "g1", "Russland habe eine Wahl"), quote(TEXT_A, "g2", "eine Wahl"))
    p = (quote(TEXT_A, "p1", "habe eine Wahl"), quote(TEXT_A, "p2", "Russland habe"))
    pair = _pair(g, p)
    pairs = {(gi, pi) for gi, pi, _ in pair.alignment.pairs}
    assert pairs == {(0, 1), (1, 0)}


def test_zero_overlap_pairs_dropped_unless_kept():
    g = (quote(TEXT_A, "g1", "Russland habe eine Wahl"),)
    p = (quote(TEXT_A, "p1", "Lawrow warnte"),)
    pair = _pair(g, p)
    assert pair.alignment.pairs == ()
    assert pair.alignment.unmatched_gold == (0,)
    assert pair.alignment.unmatched_pred == (0,)
    kept = pair.align(keep_zero=True)
    assert [(gi, pi) for gi, pi, _ in kept.pairs] == [(0, 0)]


def test_type_bonus_breaks_a_tie():
    # Two predictions with the same tokens; only the one with the gold type should match.
    g = (quote(TEXT_A, "g1", "Russland habe eine Wahl", "indirect"),)
    p = (
        quote(TEXT_A, "p1", "Russland habe eine Wahl", "reported"),
        quote(TEXT_A, "p2", "Russland habe eine Wahl", "indirect"),
    )
    pair = _pair(g, p)
    assert [(gi, pi) for gi, pi, _ in pair.alignment.pairs] == [(0, 1)]
    plain = align_quotes(
        pair.gold.quotes,
        pair.pred.quotes,
        gold_tokens=pair.gold_quote_tokens,
        pred_tokens=pair.pred_quote_tokens,
        type_bonus=0.0,
        medium_bonus=0.0,
    )
    assert len(plain.pairs) == 1
