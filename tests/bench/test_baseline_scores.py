"""The baselines' scores on the hand-written gold equal what the metric definitions predict.

Every expected number below is derived by hand from the gold in ``benchkit.py``:

Gold quotes (5): art-01 q1 direct „…“ (7 tokens with the marks) and q2 indirect; art-02 q1
direct »…« (8 tokens with the marks); art-03 q1 direct WITHOUT the marks (5 tokens); art-05 q1
indirect. art-04 has none.

baseline-quotemarks predicts 4 direct quotes, marks included: art-01 „…“ (= gold q1), art-02
»…« (= gold q1), art-02 „alternativlos“ (a scare quote: no gold), art-03 „…“ (7 tokens, the
gold's 5 plus the two marks). It predicts no roles, speakers or stances.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from benchkit import gold_documents, scores_of

from zitat.baselines import QuotationMarkExtractor


def f1(p: Fraction, r: Fraction) -> Fraction:
    return 2 * p * r / (p + r) if p + r else Fraction(0)


def prf(tp: int, fp: int, fn: int) -> tuple[Fraction, Fraction, Fraction]:
    p = Fraction(tp, tp + fp) if tp + fp else Fraction(0)
    r = Fraction(tp, tp + fn) if tp + fn else Fraction(0)
    return p, r, f1(p, r)


def assert_prf(scores: dict[str, float], key: str, tp: int, fp: int, fn: int) -> None:
    p, r, f = prf(tp, fp, fn)
    assert scores[f"{key}.p"] == pytest.approx(float(p)), key
    assert scores[f"{key}.r"] == pytest.approx(float(r)), key
    assert scores[f"{key}.f1"] == pytest.approx(float(f)), key


def test_the_gold_is_what_the_hand_counts_assume() -> None:
    docs = {d.id: d for d in gold_documents()}

    def n_tokens(doc_id: str, quote: int = 0) -> int:
        doc = docs[doc_id]
        span = doc.annotations.quotes[quote].spans[0]
        return sum(1 for t in doc.document.tokens if t.start < span.end and span.start < t.end)

    assert sum(len(d.annotations.quotes) for d in docs.values()) == 5
    assert (n_tokens("art-01"), n_tokens("art-02"), n_tokens("art-03")) == (7, 8, 5)
    predicted = {i: QuotationMarkExtractor().extract(d.document) for i, d in docs.items()}
    assert [len(predicted[i].quotes) for i in sorted(docs)] == [1, 2, 1, 0, 0]


def test_null_baseline_scores_zero_everywhere(baseline_run: tuple[dict[str, Any], Any]) -> None:
    scores = scores_of(baseline_run[0], "baseline-null")
    for key in (
        "quotes.exact.r",
        "quotes.direct.exact.f1",
        "quotes.indirect.exact.r",
        "quotes.overlap.f1",
        "seqeval.quotes.r",
        "wikinews.messages.r",
        "wikinews.joint.f1",
        "speakers.attribution.e2e",
        "speakers.b3.r",
        "stance.macro_f1",
        "stance.e2e.macro_f1",
    ):
        assert key in scores
    assert scores  # every score it gets, of every task, is zero
    assert {k: v for k, v in scores.items() if v != 0.0} == {}
    entry = next(e for e in baseline_run[0]["extractors"] if e["name"] == "baseline-null")
    assert entry["scored_tasks"] == ["quotes", "speakers", "stances"]


def test_quotemarks_exact_and_overlap_spans(baseline_run: tuple[dict[str, Any], Any]) -> None:
    scores = scores_of(baseline_run[0], "baseline-quotemarks")
    # direct, exact: art-01 and art-02 right; alternativlos and art-03 (marks) wrong;
    # gold art-03 (no marks) missed.
    assert_prf(scores, "quotes.direct.exact", tp=2, fp=2, fn=1)
    assert scores["quotes.direct.exact.f1"] == pytest.approx(4 / 7)
    # direct, overlap: art-03 overlaps now; only alternativlos is wrong.
    assert_prf(scores, "quotes.direct.overlap", tp=3, fp=1, fn=0)
    # indirect: two gold quotes, none predicted.
    assert_prf(scores, "quotes.indirect.exact", tp=0, fp=0, fn=2)
    # all types together (label "quotes").
    assert_prf(scores, "quotes.exact", tp=2, fp=2, fn=3)
    assert_prf(scores, "quotes.overlap", tp=3, fp=1, fn=2)
    # no roles predicted: every role is missed.
    for role in ("cue", "speaker", "frame"):
        assert_prf(scores, f"roles.{role}.exact", tp=0, fp=0, fn=5 if role != "frame" else 1)


def test_quotemarks_seqeval_layers(baseline_run: tuple[dict[str, Any], Any]) -> None:
    scores = scores_of(baseline_run[0], "baseline-quotemarks")
    # The token chunks of the quotes layer equal the exact spans here: art-03's chunk has
    # 7 tokens against the gold's 5, so it is wrong in strict mode.
    assert_prf(scores, "seqeval.quotes", tp=2, fp=2, fn=3)
    assert_prf(scores, "seqeval.quotes.direct", tp=2, fp=2, fn=1)
    assert_prf(scores, "seqeval.quotes.indirect", tp=0, fp=0, fn=2)
    assert_prf(scores, "seqeval.cue", tp=0, fp=0, fn=5)


def test_quotemarks_alignment_scores(baseline_run: tuple[dict[str, Any], Any]) -> None:
    scores = scores_of(baseline_run[0], "baseline-quotemarks")
    # Three predicted quotes share tokens with a gold quote; alternativlos does not.
    assert_prf(scores, "quotes.match", tp=3, fp=1, fn=2)
    # Content tokens over the three pairs: 7 + 8 + 5 true, 2 extra (art-03's marks).
    assert_prf(scores, "quotes.tokens", tp=20, fp=2, fn=0)
    assert scores["quotes.type.acc"] == 1.0
    assert scores["quotes.medium.acc"] == 1.0


def test_quotemarks_wikinews_metric(baseline_run: tuple[dict[str, Any], Any]) -> None:
    scores = scores_of(baseline_run[0], "baseline-quotemarks")
    # Messages, one value per aligned pair or unmatched quote (pooled over documents):
    # precision: art-01 1, art-02 1, alternativlos 0, art-03 5/7 (unmatched gold: none)
    # recall: art-01 q1 1, art-01 q2 0, art-02 1, art-03 1, art-05 0
    messages_p = (1 + 1 + 0 + Fraction(5, 7)) / 4
    messages_r = Fraction(1 + 0 + 1 + 1 + 0, 5)
    assert scores["wikinews.messages.p"] == pytest.approx(float(messages_p))
    assert scores["wikinews.messages.r"] == pytest.approx(float(messages_r))
    assert scores["wikinews.messages.f1"] == pytest.approx(float(f1(messages_p, messages_r)))
    # Roles: no predicted role token, so no precision value at all (P = 0), and one recall
    # value 0 for every gold role: cue+speaker of 5 quotes, frame of art-01 q2 = 11 values.
    assert scores["wikinews.roles.p"] == 0.0
    assert scores["wikinews.roles.r"] == 0.0
    assert scores["wikinews.roles.f1"] == 0.0
    joint_r = Fraction(3, 5 + 11)
    assert scores["wikinews.joint.p"] == pytest.approx(float(messages_p))
    assert scores["wikinews.joint.r"] == pytest.approx(float(joint_r))
    assert scores["wikinews.joint.f1"] == pytest.approx(float(f1(messages_p, joint_r)))
    # Form (type) and STWR (medium): 3 aligned pairs, all equal; 1 extra, 2 missed.
    for name in ("form", "stwr"):
        assert scores[f"wikinews.{name}.acc"] == 1.0
        assert_prf(scores, f"wikinews.{name}", tp=3, fp=1, fn=2)


def test_quotemarks_is_scored_on_quotes_only(baseline_run: tuple[dict[str, Any], Any]) -> None:
    scores = scores_of(baseline_run[0], "baseline-quotemarks")
    assert not [k for k in scores if k.startswith(("speakers.", "stance."))]


def test_paired_tests_compare_the_baselines(baseline_run: tuple[dict[str, Any], Any]) -> None:
    results = baseline_run[0]
    tests = {t["metric"]: t for t in results["paired_tests"]}
    direct = tests["quotes.direct.exact.f1"]
    assert (direct["a"], direct["b"]) == ("baseline-null", "baseline-quotemarks")
    assert direct["delta"] == pytest.approx(-4 / 7)
    assert 0.0 < direct["p_value"] <= 1.0
    assert direct["method"] == "randomization"
    assert direct["n_documents"] == 5
    # Both score 0 on indirect quotes: no difference, p = 1.
    assert tests["quotes.indirect.exact.f1"]["delta"] == 0.0
    assert tests["quotes.indirect.exact.f1"]["p_value"] == 1.0
    # Speaker and stance metrics are not compared: the quotemarks baseline does no such task.
    assert "speakers.attribution.acc" not in tests
