import pytest

from zitat.scoring.prf import PRF, Accuracy, f1_of, macro_average, safe_div


def test_prf_values_by_hand():
    s = PRF(tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert s.support == 5


def test_zero_denominators_give_zero():
    assert PRF().precision == PRF().recall == PRF().f1 == 0.0
    assert PRF(0, 0, 4).precision == 0.0
    assert PRF(0, 4, 0).recall == 0.0
    assert Accuracy().value == 0.0
    assert safe_div(1, 0) == 0.0
    assert f1_of(0.0, 0.0) == 0.0


def test_prf_adds_counts():
    assert PRF(1, 2, 3) + PRF(10, 20, 30) == PRF(11, 22, 33)
    assert Accuracy(1, 2) + Accuracy(3, 4) == Accuracy(4, 6)


def test_to_dict_has_raw_counts():
    d = PRF(1, 1, 0).to_dict()
    assert d == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": pytest.approx(2 / 3),
        "tp": 1,
        "fp": 1,
        "fn": 0,
    }


def test_from_sets():
    assert PRF.from_sets({1, 2, 3}, {2, 3, 4, 5}) == PRF(2, 2, 1)


def test_macro_average_skips_empty_labels():
    scores = [PRF(1, 0, 0), PRF(0, 1, 1), PRF()]
    assert macro_average(scores)["f1"] == pytest.approx(0.5)
    assert macro_average(scores, skip_empty=False)["f1"] == pytest.approx(1 / 3)
    assert macro_average([])["f1"] == 0.0
