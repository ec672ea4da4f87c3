import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zitat.scoring.bootstrap import DocumentStats, bootstrap_intervals, paired_test
from zitat.scoring.metrics import Metric, div


def _f1(c):
    return div(2 * c["tp"], 2 * c["tp"] + c["fp"] + c["fn"])


F1 = Metric("f1", _f1)


def _stats(rows):
    return DocumentStats.from_rows([f"d{i}" for i in range(len(rows))], rows)


counts = st.fixed_dictionaries(
    {"tp": st.integers(0, 20), "fp": st.integers(0, 20), "fn": st.integers(0, 20)}
)


@settings(max_examples=60, deadline=None)
@given(st.lists(counts, min_size=1, max_size=25), st.integers(0, 2**16))
def test_interval_contains_point_estimate(rows, seed):
    stats = _stats(rows)
    point = float(F1(stats.columns(stats.total()))[0])
    low, high = bootstrap_intervals(stats, [F1], n_boot=300, seed=seed)["f1"]
    assert low - 1e-9 <= point <= high + 1e-9


def test_bootstrap_is_seeded_and_narrows_with_more_documents():
    rows = [{"tp": i % 5, "fp": (i * 3) % 4, "fn": (i * 7) % 3} for i in range(40)]
    a = bootstrap_intervals(_stats(rows), [F1], seed=1)
    assert a == bootstrap_intervals(_stats(rows), [F1], seed=1)
    wide = a["f1"][1] - a["f1"][0]
    narrow = bootstrap_intervals(_stats(rows * 10), [F1], seed=1)["f1"]
    assert narrow[1] - narrow[0] < wide
    assert bootstrap_intervals(_stats(rows), [F1], n_boot=0) == {}


@pytest.mark.parametrize("method", ["randomization", "bootstrap"])
def test_paired_test_against_itself(method):
    rows = [{"tp": i % 5, "fp": i % 3, "fn": 1} for i in range(30)]
    result = paired_test(_stats(rows), _stats(rows), F1, method=method, n_resamples=500)
    assert result.delta == 0.0
    assert result.p_value == pytest.approx(1.0)
    assert result.interval == (0.0, 0.0)


@pytest.mark.parametrize("method", ["randomization", "bootstrap"])
def test_paired_test_detects_a_clearly_better_system(method):
    good = [{"tp": 9, "fp": 1, "fn": 1} for _ in range(30)]
    bad = [{"tp": 3, "fp": 5, "fn": 7} for _ in range(30)]
    result = paired_test(_stats(good), _stats(bad), F1, method=method, n_resamples=2000)
    assert result.delta == pytest.approx(0.9 - 6 / 18)  # F1 18/20 vs 6/18
    assert result.p_value < 0.01
    assert result.interval[0] > 0


def test_paired_test_is_not_fooled_by_noise():
    rng = np.random.default_rng(3)
    a = [{"tp": int(rng.integers(0, 10)), "fp": 2, "fn": 2} for _ in range(40)]
    b = [{"tp": r["tp"] + int(rng.integers(-1, 2)) if r["tp"] else 0, "fp": 2, "fn": 2} for r in a]
    result = paired_test(_stats(a), _stats(b), F1, n_resamples=2000)
    assert result.p_value > 0.05


def test_paired_statistics_must_cover_the_same_documents():
    with pytest.raises(ValueError, match="same documents"):
        paired_test(_stats([{"tp": 1}]), _stats([{"tp": 1}, {"tp": 2}]), F1)
