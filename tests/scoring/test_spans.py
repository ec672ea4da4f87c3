import pytest
from seqeval.metrics import classification_report
from seqeval.scheme import IOB2

from zitat.scoring.pair import DocumentPair
from zitat.scoring.prf import PRF
from zitat.scoring.spans import (
    bio_chunks,
    char_overlap,
    overlap_counts,
    seqeval_report,
    span_counts,
    span_items,
    to_tags,
)
from zitat.testing import find_span

from .helpers import TEXT_A, TEXT_B, adoc, quote

# TEXT_B tokens: 0 „ 1 Wir 2 wollen 3 “ 4 , 5 sagte 6 Blinken 7 , 8 „ 9 weiter 10 reden 11 .
# 12 “ 13 Er 14 sagte 15 , 16 dass 17 Russland 18 „ 19 keine 20 Wahl 21 “ 22 habe 23 .
DISCONTINUOUS = ("„Wir wollen“", "„weiter reden.“")


def _gold_b(nested: bool = True):
    outer = quote(TEXT_B, "q2", "dass Russland „keine Wahl“ habe", cue="sagte", speaker="Er")
    quotes = [
        quote(TEXT_B, "q1", DISCONTINUOUS, "direct", cue="sagte", speaker="Blinken"),
        outer,
    ]
    if nested:
        quotes.append(quote(TEXT_B, "q3", "„keine Wahl“", "direct", parent="q2"))
    return adoc(TEXT_B, tuple(quotes))


def test_discontinuous_quote_is_one_item():
    items = span_items(_gold_b().annotations)
    assert len(items["direct"]) == 2  # q1 (two parts) and q3
    assert (find_span(TEXT_B, "„Wir wollen“"), find_span(TEXT_B, "„weiter reden.“")) in items[
        "direct"
    ]
    # The cue "sagte" of q1 is the first occurrence; q2's is the first too (helper), one item.
    assert len(items["cue"]) == 1


def test_exact_needs_all_parts_overlap_needs_any():
    gold = _gold_b(nested=False)
    pred = adoc(
        TEXT_B,
        (
            quote(TEXT_B, "p1", "„Wir wollen“", "direct"),  # only the first part
            quote(TEXT_B, "p2", "dass Russland „keine Wahl“ habe"),  # exact
        ),
    )
    counts = span_counts(DocumentPair(gold, pred))
    assert counts.exact["direct"] == PRF(0, 1, 1)
    assert counts.overlap["direct"] == PRF(1, 0, 0)
    assert counts.exact["indirect"] == PRF(1, 0, 0)
    assert counts.exact["quotes"] == PRF(1, 1, 1)
    assert counts.overlap["quotes"] == PRF(2, 0, 0)
    # roles: gold has cue and speaker of both quotes, prediction none
    assert counts.exact["speaker"] == PRF(0, 0, 2)


def test_overlap_matching_is_one_to_one_greedy_by_largest_overlap():
    a = (find_span(TEXT_A, "Russland habe eine Wahl"),)  # 23 chars
    b = (find_span(TEXT_A, "Lawrow warnte"),)
    p1 = (find_span(TEXT_A, "Russland habe eine Wahl. Lawrow"),)  # 23 with a, 6 with b
    p2 = (find_span(TEXT_A, "Wahl"),)  # 4 with a only
    assert char_overlap(a, p1) == 23
    assert char_overlap(b, p1) == 6
    # p1 takes a (largest overlap); p2 overlaps only a, which is taken -> FP; b -> FN.
    assert overlap_counts([a, b], [p1, p2]) == PRF(1, 1, 1)
    assert overlap_counts([a, b], [p2, p1]) == PRF(1, 1, 1)


def test_nested_quotes_go_to_their_own_layer():
    layers, dropped = bio_chunks(_gold_b().annotations, DocumentPair(_gold_b()).index)
    assert dropped == 0
    assert layers["quotes"] == {(0, 3, "direct"), (8, 12, "direct"), (16, 22, "indirect")}
    assert layers["quotes:nested"] == {(18, 21, "direct")}
    assert layers["cue"] == {(5, 5, "cue")}
    tags = to_tags(layers["quotes"], 24)
    assert tags[:5] == ["B-direct", "I-direct", "I-direct", "I-direct", "O"]
    assert tags[16:18] == ["B-indirect", "I-indirect"]


def test_missing_nested_quote_only_hurts_the_nested_layer():
    counts = span_counts(DocumentPair(_gold_b(), _gold_b(nested=False)))
    assert counts.seqeval["quotes"]["direct"] == PRF(2, 0, 0)
    assert counts.seqeval["quotes"]["indirect"] == PRF(1, 0, 0)
    assert counts.seqeval["quotes:nested"]["direct"] == PRF(0, 0, 1)


def test_overlapping_chunks_in_one_layer_are_dropped_and_counted():
    doc = adoc(
        TEXT_A,
        (
            quote(TEXT_A, "q1", "Russland habe eine Wahl"),
            quote(TEXT_A, "q2", "eine Wahl. Lawrow", "reported"),
        ),
    )
    layers, dropped = bio_chunks(doc.annotations, DocumentPair(doc).index)
    assert dropped == 1
    assert layers["quotes"] == {(3, 6, "indirect")}


def _tags(pair):
    g, _ = bio_chunks(pair.gold, pair.index)
    p, _ = bio_chunks(pair.pred, pair.index)
    return g, p


def test_counts_agree_with_seqeval_strict_on_full_tag_sequences():
    gold = [_gold_b(), adoc(TEXT_A, (quote(TEXT_A, "a", "Russland habe eine Wahl"),), doc_id="d2")]
    pred = [
        adoc(
            TEXT_B,
            (
                quote(TEXT_B, "p1", DISCONTINUOUS, "direct", cue="sagte"),
                quote(TEXT_B, "p2", "Russland „keine Wahl“ habe", speaker="Er"),
                quote(TEXT_B, "p3", "„keine Wahl“", "reported", parent="p2"),
            ),
        ),
        adoc(TEXT_A, (quote(TEXT_A, "b", "Russland habe eine Wahl", "reported"),), doc_id="d2"),
    ]
    pairs = [DocumentPair(g, p) for g, p in zip(gold, pred, strict=True)]
    total = span_counts(pairs[0]) + span_counts(pairs[1])
    report = seqeval_report(pairs)
    for layer in ("quotes", "quotes:nested", "cue", "speaker"):
        true, predicted = [], []
        for pair in pairs:
            g, p = _tags(pair)
            true.append(to_tags(g[layer], len(pair.index.tokens)))
            predicted.append(to_tags(p[layer], len(pair.index.tokens)))
        expected = classification_report(
            true, predicted, mode="strict", scheme=IOB2, output_dict=True, zero_division=0
        )
        for label, row in expected.items():
            if label.endswith("avg"):
                continue
            prf = total.seqeval[layer][label]
            assert prf.precision == pytest.approx(row["precision"]), (layer, label)
            assert prf.recall == pytest.approx(row["recall"]), (layer, label)
            assert prf.support == row["support"]
            assert report[layer][label]["f1-score"] == pytest.approx(row["f1-score"])
    # by hand: d1 direct parts match (2 chunks); d1 indirect is one token short (FP + FN);
    # d2 gold indirect is predicted as reported (FN indirect, FP reported).
    assert total.seqeval["quotes"]["direct"] == PRF(2, 0, 0)
    assert total.seqeval["quotes"]["indirect"] == PRF(0, 1, 2)
    assert total.seqeval["quotes"]["reported"] == PRF(0, 1, 0)
    assert total.seqeval["quotes:nested"]["direct"] == PRF(0, 0, 1)
    assert total.seqeval["quotes:nested"]["reported"] == PRF(0, 1, 0)


def test_empty_gold_and_empty_prediction():
    empty = adoc(TEXT_A)
    counts = span_counts(DocumentPair(empty, empty))
    assert all(p == PRF() for p in counts.exact.values())
    gold = adoc(TEXT_A, (quote(TEXT_A, "q", "Russland habe eine Wahl", cue="sagte"),))
    miss = span_counts(DocumentPair(gold, empty))
    assert miss.exact["indirect"] == PRF(0, 0, 1)
    assert miss.exact["cue"] == PRF(0, 0, 1)
    extra = span_counts(DocumentPair(empty, gold))
    assert extra.overlap["indirect"] == PRF(0, 1, 0)
    assert seqeval_report([DocumentPair(empty, empty)])["quotes"] == {}
