import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zitat import AnnotatedDocument, Annotations, Quote, Span, SpeakerEntity, Stance, make_document
from zitat.errors import ValidationError
from zitat.scoring import compare, paired_test, score_corpus

from .helpers import TEXT_A, TEXT_B, adoc, quote
from .test_quotes import GOLD, PRED

DOC_A = make_document("a", TEXT_A)
DOC_B = make_document("b", TEXT_B)
TARGETS = ("diplomacy", "nato-expansion", "sanctions")
TYPES = ("direct", "indirect", "free_indirect", "indirect_free_indirect", "reported")


@st.composite
def annotations(draw, doc):
    """Random valid annotations on ``doc``: token-aligned spans, distinct quote contents."""
    toks = doc.tokens
    n = len(toks)

    def tok_span(a, b):
        return Span(toks[a].start, toks[b].end)

    def a_span():
        a = draw(st.integers(0, n - 1))
        return tok_span(a, draw(st.integers(a, min(n - 1, a + 5))))

    entities = [
        SpeakerEntity(
            f"e{k}",
            draw(st.sampled_from(["Blinken", "Lawrow", "Nato"])),
            mentions=tuple({a_span() for _ in range(draw(st.integers(0, 2)))}),
        )
        for k in range(draw(st.integers(0, 2)))
    ]
    quotes: list[Quote] = []
    seen = set()
    for k in range(draw(st.integers(0, 4))):
        content = a_span()
        if content in seen:
            continue
        seen.add(content)
        roles = {
            r: (a_span(),) for r in ("cue", "speaker", "frame", "addressee") if draw(st.booleans())
        }
        parent = quotes[-1].id if quotes and draw(st.booleans()) else None
        entity = draw(st.sampled_from([None, *[e.id for e in entities]]))
        quotes.append(
            Quote(
                f"q{k}",
                (content,),
                draw(st.sampled_from(TYPES)),
                draw(st.sampled_from(["speech", "writing"])),
                entity=entity,
                parent=parent,
                **roles,
            )
        )
    stances = {
        (q.id, t): Stance(t, draw(st.sampled_from(["favor", "against", "neutral"])), quote=q.id)
        for q in quotes
        for t in TARGETS
        if draw(st.integers(0, 2)) == 0
    }
    return AnnotatedDocument(
        doc, Annotations(tuple(quotes), tuple(entities), tuple(stances.values()))
    )


corpus = st.tuples(annotations(DOC_A), annotations(DOC_B))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus)
def test_perfect_prediction_scores_one_everywhere(gold):
    scores = score_corpus(list(gold), list(gold), n_boot=0)
    if any(d.annotations.quotes for d in gold):
        assert "wikinews.joint.f1" in scores.main
    assert {k: v for k, v in scores.main.items() if v != pytest.approx(1.0)} == {}


def _shuffled(doc: AnnotatedDocument, rng: random.Random) -> AnnotatedDocument:
    a = doc.annotations
    parts = [list(a.quotes), list(a.entities), list(a.stances)]
    for p in parts:
        rng.shuffle(p)
    return AnnotatedDocument(doc.document, Annotations(*(tuple(p) for p in parts)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus, corpus, st.randoms(use_true_random=False))
def test_order_of_documents_and_quotes_does_not_matter(gold, pred, rng):
    base = score_corpus(list(gold), list(pred), n_boot=0, wikinews_original=False)
    g2 = [_shuffled(d, rng) for d in reversed(gold)]
    p2 = [_shuffled(d, rng) for d in reversed(pred)]
    other = score_corpus(g2, p2, n_boot=0, wikinews_original=False)
    assert other.main == pytest.approx(base.main)
    # The original Wikinews mode depends on quote order only, not on document order.
    orig = score_corpus(list(gold), list(pred), n_boot=0)
    assert score_corpus(list(reversed(gold)), list(reversed(pred)), n_boot=0).main == pytest.approx(
        orig.main
    )


def test_missing_prediction_is_empty_and_reported():
    other = adoc(TEXT_A, (quote(TEXT_A, "g", "Russland habe eine Wahl"),), doc_id="d2")
    scores = score_corpus([GOLD, other], [PRED], n_boot=0)
    assert scores.missing == ("d2",)
    row = {r["doc_id"]: r for r in scores.per_document}
    assert row["d2"]["missing"] is True
    assert row["d2"]["pred_quotes"] == 0
    assert row["d2"]["quotes.overlap.f1"] == 0.0
    # corpus quote matching: d1 aligns 2 of 3 predictions with 2 gold; d2 misses 1 gold
    assert scores.main["quotes.match.p"] == pytest.approx(2 / 3)
    assert scores.main["quotes.match.r"] == pytest.approx(2 / 3)


def test_bad_document_sets_raise():
    with pytest.raises(ValidationError, match="not in the gold set"):
        score_corpus([GOLD], [adoc(TEXT_A, doc_id="zzz")], n_boot=0)
    with pytest.raises(ValidationError, match="duplicate"):
        score_corpus([GOLD, GOLD], [], n_boot=0)
    with pytest.raises(ValidationError, match="duplicate"):
        score_corpus([GOLD], [PRED, PRED], n_boot=0)
    with pytest.raises(ValidationError, match="text differs"):
        score_corpus([GOLD], [adoc(TEXT_B)], n_boot=0)
    with pytest.raises(ValueError, match="unknown tasks"):
        score_corpus([GOLD], [PRED], tasks=("quotes", "sentiment"))


def test_report_contents_and_json():
    scores = score_corpus([GOLD], [PRED], n_boot=200, seed=1)
    data = json.loads(json.dumps(scores.to_dict()))
    assert data["main"]["wikinews.messages.f1"] == pytest.approx(12 / 17)  # see test_wikinews
    assert data["main"]["wikinews.joint.f1"] == pytest.approx(13 / 16)
    assert data["main"]["quotes.medium.acc"] == 0.5
    assert set(data["intervals"]) == set(data["main"])
    for name, (low, high) in scores.intervals.items():
        assert low - 1e-9 <= scores.main[name] <= high + 1e-9, name
    exact = {r["label"]: r for r in data["tables"]["spans.exact"]}
    assert (exact["speaker"]["tp"], exact["speaker"]["fp"], exact["speaker"]["fn"]) == (1, 1, 1)
    # the seqeval table carries seqeval's own numbers next to the raw counts
    seq = {(r["layer"], r["label"]): r for r in data["tables"]["seqeval"]}
    assert seq[("quotes", "direct")]["seqeval"]["f1-score"] == pytest.approx(
        seq[("quotes", "direct")]["f1"]
    )
    assert scores.main["quotes.reported.exact.p"] == 0.0  # s3 is a spurious reported quote
    assert "quotes.free_indirect.exact.f1" not in scores.main  # label absent on both sides


def test_tasks_limit_the_metrics():
    scores = score_corpus([GOLD], [PRED], tasks=("speakers",), n_boot=0)
    assert scores.main
    assert all(k.startswith("speakers.") for k in scores.main)


def test_paired_test_of_a_system_against_itself():
    result = paired_test([GOLD], [PRED], [PRED], metric="wikinews.joint.f1", n_resamples=200)
    assert result.delta == 0.0
    assert result.p_value == pytest.approx(1.0)
    a = score_corpus([GOLD], [GOLD], n_boot=0)
    b = score_corpus([GOLD], [PRED], n_boot=0)
    better = compare(a, b, metric="wikinews.joint.f1", n_resamples=200)
    assert better.delta == pytest.approx(1 - 13 / 16)
    with pytest.raises(KeyError):
        compare(a, b, metric="no.such.metric")


def test_per_document_values_match_single_document_scores():
    other = adoc(TEXT_A, (quote(TEXT_A, "g", "Russland habe eine Wahl"),), doc_id="d2")
    both = score_corpus([GOLD, other], [PRED, other], n_boot=0)
    alone = score_corpus([GOLD], [PRED], n_boot=0)
    assert both.values("wikinews.joint.f1")["d1"] == pytest.approx(alone.main["wikinews.joint.f1"])
    assert both.values("wikinews.joint.f1")["d2"] == 1.0
