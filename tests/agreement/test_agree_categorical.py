"""Coefficients on small tables (expected values derived by hand) and the alignment rules."""

from __future__ import annotations

import pytest

from zitat.agreement import coefficients
from zitat.agreement.align import constrained_clusters


def test_cohen_kappa_and_alpha_of_two_annotators() -> None:
    # Six items:            a: D I I D R I     b: D I R D R I   (one disagreement, item 3)
    # A_o = 5/6. Marginals a: D 2, I 3, R 1; b: D 2, I 2, R 2.
    # A_e = (2·2 + 3·2 + 1·2) / 36 = 1/3;  kappa = (5/6 - 1/3) / (1 - 1/3) = 3/4.
    # Alpha: n = 12 values, D 4, I 5, R 3. D_o = 2/12 (the ordered pairs I-R, R-I of item 3).
    # D_e = (144 - (16 + 25 + 9)) / (12 · 11) = 94/132.  alpha = 1 - (1/6)/(94/132) = 36/47.
    a = ["D", "I", "I", "D", "R", "I"]
    b = ["D", "I", "R", "D", "R", "I"]
    labels = {n: {"a": x, "b": y} for n, (x, y) in enumerate(zip(a, b, strict=True))}
    c = coefficients(labels, ["a", "b"])
    assert c.items == c.complete == 6
    assert c.observed == pytest.approx(5 / 6)
    assert c.kappa == pytest.approx(3 / 4)
    assert c.alpha == pytest.approx(36 / 47)
    assert c.fleiss_kappa is None  # only for three or more annotators
    assert c.multi_kappa is None
    assert c.labels == {"D": 4, "I": 5, "R": 3}


def test_kappa_is_zero_at_chance_despite_high_observed_agreement() -> None:
    # a always says S; b says S five times and W once. A_o = 5/6, A_e = 1 · 5/6 = 5/6, kappa 0.
    # Alpha: S 11, W 1 of 12; D_o = 2/12, D_e = (144 - 122) / 132 = 1/6; alpha = 0.
    labels = {n: {"a": "S", "b": "W" if n == 3 else "S"} for n in range(6)}
    c = coefficients(labels, ["a", "b"])
    assert c.observed == pytest.approx(5 / 6)
    assert c.kappa == pytest.approx(0.0, abs=1e-12)
    assert c.alpha == pytest.approx(0.0, abs=1e-12)


def test_a_single_category_leaves_the_coefficients_undefined() -> None:
    labels = {n: {"a": "speech", "b": "speech"} for n in range(4)}
    c = coefficients(labels, ["a", "b"])
    assert c.observed == 1.0
    assert (c.kappa, c.alpha) == (None, None)


def test_no_items() -> None:
    c = coefficients({}, ["a", "b"])
    assert (c.items, c.observed, c.kappa, c.alpha) == (0, None, None, None)


THREE = {
    "i1": {"a": "D", "b": "D", "c": "D"},
    "i2": {"a": "I", "b": "I", "c": "R"},
    "i3": {"a": "R", "b": "R", "c": "R"},
    "i4": {"a": "D", "b": "I", "c": "D"},
    "i5": {"a": "D"},  # one label only: not pairable
    "i6": {"a": "I", "c": "I"},  # b did not label it
}


def test_three_annotators_with_missing_labels() -> None:
    # Fleiss (items i1-i4, all three labelled): P_i = Σ n_ik(n_ik - 1) / 6 = 1, 1/3, 1, 1/3,
    # mean 2/3. p(D) = 5/12, p(I) = 3/12, p(R) = 4/12; P_e = (25 + 9 + 16)/144 = 25/72.
    # kappa = (2/3 - 25/72) / (1 - 25/72) = 23/47.
    # Davies-Fleiss: per-annotator distributions over i1-i4: a (D2 I1 R1), b (D1 I2 R1),
    # c (D2 I0 R2). A_e pairs: ab 5/16, ac 6/16, bc 4/16, mean 5/16; A_o pairs: 3/4, 3/4, 2/4,
    # mean 2/3. multi-kappa = (2/3 - 5/16) / (1 - 5/16) = 17/33.
    # Alpha (i1-i4 and i6, 14 pairable values: D 5, I 5, R 4): disagreeing coincidences
    # i2: 2·(2·1)/(3-1) = 2, i4: 2; D_o = 4/14; D_e = (196 - 66) / (14·13) = 5/7;
    # alpha = 1 - (2/7)/(5/7) = 3/5.
    # Observed: agreeing annotator pairs / pairs = (3 + 1 + 3 + 1 + 1) / (3·4 + 1) = 9/13.
    c = coefficients(THREE, ["a", "b", "c"])
    assert (c.items, c.complete) == (5, 4)
    assert c.fleiss_kappa == pytest.approx(23 / 47)
    assert c.multi_kappa == pytest.approx(17 / 33)
    assert c.alpha == pytest.approx(3 / 5)
    assert c.observed == pytest.approx(9 / 13)
    assert c.kappa is None  # Cohen's kappa is for pairs


def test_a_pair_out_of_three_ignores_the_third() -> None:
    # a and c on i1, i2, i3, i4, i6: D-D, I-R, R-R, D-D, I-I. A_o = 4/5.
    # a: D2 I2 R1, c: D2 I1 R2; A_e = (4 + 2 + 2)/25 = 8/25; kappa = (4/5 - 8/25)/(17/25) = 12/17.
    c = coefficients(THREE, ["a", "c"])
    assert c.items == 5
    assert c.kappa == pytest.approx(12 / 17)


def test_constrained_clusters_never_put_two_quotes_of_one_annotator_together() -> None:
    nodes = [("a", 0), ("a", 1), ("b", 0), ("c", 0)]
    edges = [
        (0.9, ("a", 0), ("b", 0)),
        (0.8, ("b", 0), ("c", 0)),
        (0.7, ("c", 0), ("a", 1)),  # would join a1 to the cluster that holds a0
    ]
    clusters = constrained_clusters(nodes, edges, ["a", "b", "c"])
    assert sorted(clusters) == [[("a", 0), ("b", 0), ("c", 0)], [("a", 1)]]


def test_quotes_on_the_same_spans_pair_by_their_roles() -> None:
    # One frame, two speakers: both annotators have two quotes on "man rede weiter". ben adds
    # a cue to Blinken's, which changes the canonical order; without the role tie-breaker the
    # scorer pairs anna's Blinken quote with ben's Lawrow quote.
    from zitat.agreement.align import DocumentView
    from zitat.schema import AnnotatedDocument, Annotations, Quote
    from zitat.testing import find_span
    from zitat.text import make_document

    text = "Blinken und Lawrow sagten, man rede weiter."
    doc = make_document("x", text)
    content = (find_span(text, "man rede weiter"),)
    anna = Annotations(
        (
            Quote("q1", content, "indirect", speaker=(find_span(text, "Blinken"),)),
            Quote("q2", content, "indirect", speaker=(find_span(text, "Lawrow"),)),
        )
    )
    cue, blinken = (find_span(text, "sagten"),), (find_span(text, "Blinken"),)
    ben = Annotations(
        (
            Quote("z1", content, "indirect", cue=cue, speaker=blinken),
            Quote("z2", content, "indirect", speaker=(find_span(text, "Lawrow"),)),
        )
    )
    view = DocumentView(
        "x", {"anna": AnnotatedDocument(doc, anna), "ben": AnnotatedDocument(doc, ben)}
    )
    pairs = [
        (view.quotes("anna")[g].id, view.quotes("ben")[p].id)
        for g, p, _ in view.pair("anna", "ben").alignment.pairs
    ]
    assert pairs == [("q1", "z1"), ("q2", "z2")]
