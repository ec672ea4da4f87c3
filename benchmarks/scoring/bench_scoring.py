"""Scoring speed on synthetic corpora (run: python benchmarks/scoring/bench_scoring.py).

A few small German documents are replicated and perturbed (quotes shortened, dropped, retyped,
spurious quotes added) into corpora of 1,000+ documents; the script prints the median CPU time
of ``score_corpus`` over repeated runs, with and without the bootstrap, and of a paired test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from zitat import AnnotatedDocument, Annotations, Quote, Span, SpeakerEntity, Stance, make_document
from zitat.scoring import compare, score_corpus

PARAGRAPHS = [
    (
        "US-Außenminister Antony Blinken sagte, Russland habe die Wahl. „Wir wollen weiter reden“, "
        "sagte er in Genf. Lawrow erklärte, die Nato müsse sich zurückziehen."
    ),
    (
        "Der russische Außenminister Sergej Lawrow warnte: „Die Nato darf nicht weiter wachsen.“ "
        "Blinken zufolge seien die Gespräche offen gewesen. Man werde schriftlich antworten."
    ),
    (
        "Laut Blinken gibt es keinen Durchbruch. Er kündigte an, die Partner zu informieren. "
        "„Das ist ein Anfang“, sagte Lawrow, „aber kein Ende.“"
    ),
]
TYPES = ["direct", "indirect", "reported", "indirect_free_indirect", "free_indirect"]


def _gold(doc_id: str, text: str, rng: random.Random) -> AnnotatedDocument:
    doc = make_document(doc_id, text)
    toks = doc.tokens
    quotes, stances = [], []
    entity = SpeakerEntity("e0", "Antony Blinken", mentions=(Span(toks[0].start, toks[0].end),))
    for k, sent in enumerate(doc.sentences):
        inside = [t for t in toks if sent.start <= t.start and t.end <= sent.end]
        a, b = len(inside) // 3, len(inside) - 2
        q = Quote(
            f"q{k}",
            (Span(inside[a].start, inside[b].end),),
            rng.choice(TYPES),
            cue=(Span(inside[1].start, inside[1].end),),
            speaker=(Span(inside[0].start, inside[0].end),),
            entity="e0" if k == 0 else None,
        )
        quotes.append(q)
        stances.append(Stance("diplomacy", rng.choice(["favor", "against", "neutral"]), quote=q.id))
    return AnnotatedDocument(doc, Annotations(tuple(quotes), (entity,), tuple(stances)))


def _perturb(gold: AnnotatedDocument, rng: random.Random) -> AnnotatedDocument:
    toks = gold.document.tokens
    quotes = []
    for q in gold.annotations.quotes:
        if rng.random() < 0.15:
            continue
        span = q.spans[0]
        end = max(span.start + 1, span.end - rng.choice([0, 0, 3, 8]))
        quotes.append(
            q.with_(spans=(Span(span.start, end),), type=rng.choice([q.type, *TYPES[:2]]))
        )
    if rng.random() < 0.5:
        t = rng.randrange(len(toks) - 3)
        quotes.append(Quote("x", (Span(toks[t].start, toks[t + 2].end),), "reported"))
    ids = {q.id for q in quotes}
    stances = tuple(s for s in gold.annotations.stances if s.quote in ids and rng.random() < 0.8)
    return AnnotatedDocument(
        gold.document, Annotations(tuple(quotes), gold.annotations.entities, stances)
    )


def corpus(n: int, seed: int = 0) -> tuple[list[AnnotatedDocument], list[AnnotatedDocument]]:
    rng = random.Random(seed)
    base = [make_document("base", p) for p in PARAGRAPHS]  # warm the tokenizer
    del base
    gold, pred = [], []
    for i in range(n):
        text = "\n\n".join(rng.sample(PARAGRAPHS, k=rng.randint(1, 3)))
        g = _gold(f"doc{i:05d}", text, rng)
        gold.append(g)
        pred.append(_perturb(g, rng))
    return gold, pred


def _median(fn: Callable[[], object], repeat: int) -> float:
    """Median CPU time of the process (less sensitive to other load than wall time)."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for n in args.docs:
        gold, pred = corpus(n)
        tokens = sum(len(d.document.tokens) for d in gold)
        quotes = sum(len(d.annotations.quotes) for d in gold)
        no_boot = _median(lambda g=gold, p=pred: score_corpus(g, p, n_boot=0), args.repeat)
        boot = _median(lambda g=gold, p=pred: score_corpus(g, p, n_boot=1000), args.repeat)
        a = score_corpus(gold, pred, n_boot=0)
        b = score_corpus(gold, gold, n_boot=0)
        paired = _median(
            lambda a=a, b=b: compare(a, b, metric="wikinews.joint.f1", n_resamples=10_000),
            args.repeat,
        )
        print(
            f"{n:>6} docs ({tokens} tokens, {quotes} gold quotes): "
            f"score {no_boot:.2f} s ({n / no_boot:,.0f} docs/s), "
            f"score + 1000 bootstrap {boot:.2f} s, paired test (10k) {paired:.2f} s "
            f"[CPU-time medians of {args.repeat}]"
        )


if __name__ == "__main__":
    main()
