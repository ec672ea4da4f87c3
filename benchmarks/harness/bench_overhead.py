"""What the benchmark harness costs on top of the extractors (run from the repository root):

    .venv/bin/python benchmarks/harness/bench_overhead.py [--docs 1000] [--repeats 5] [--write]

(a) Scoring speed: the harness's ``score_extractor`` (every task, with and without the
    bootstrap) and ``paired_tests`` on 1,000+ documents, made by replicating the bundled seeds
    gold (or, without it, a few documents written for this script) with perturbed predictions
    (quotes shortened, retyped or dropped, spurious quotes added).
(b) Harness overhead per document: ``run_one`` with ``baseline-null`` (isolated worker
    processes, per-document timeout, output validation) against the bare ``extract`` loop in
    this process; with ``--jobs 1`` and ``--jobs 2``, and in-process (``isolate=False``) to
    separate the guard's own cost from the processes'.

Every figure is the median of ``--repeats`` runs. ``--write`` also writes RESULTS.md next to
this script.
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import random
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from zitat import (
    AnnotatedDocument,
    Annotations,
    Quote,
    QuoteType,
    Span,
    SpeakerEntity,
    make_document,
)
from zitat.baselines import NullExtractor
from zitat.bench.runner import ExtractorRun, run_one
from zitat.bench.scores import paired_tests, score_extractor

HERE = Path(__file__).resolve().parent
TYPES = list(QuoteType)
FALLBACK_TEXTS = (
    (
        "Genf. „Wir werden die Gespräche fortsetzen“, sagte Außenministerin Anna Berg am Montag. "
        "Sie betonte, man sei zu Kompromissen bereit. Ein Sprecher erklärte: „Die Lage ist ernst.“"
    ),
    (
        "Der Bürgermeister sagte, die Brücke müsse gesperrt werden. „Wir haben keine Wahl“, "
        "erklärte er. Laut Polizei gab es bei der Kundgebung keine Verletzten."
    ),
)


def seed_gold() -> tuple[list[AnnotatedDocument], str]:
    """The bundled seeds gold, or two documents written here if it is not there."""
    try:
        from zitat.gold.bundled import load_seeds

        return list(load_seeds()), "seeds gold (5 articles)"
    except FileNotFoundError:
        pass
    docs = []
    for i, text in enumerate(FALLBACK_TEXTS):
        doc = make_document(f"f{i}", text)
        quotes = []
        for k, sent in enumerate(doc.sentences):
            inside = [t for t in doc.tokens if sent.start <= t.start and t.end <= sent.end]
            quotes.append(
                Quote(
                    f"q{k}",
                    (Span(inside[2].start, inside[-2].end),),
                    TYPES[k % 2],
                    cue=(Span(inside[1].start, inside[1].end),),
                    speaker=(Span(inside[0].start, inside[0].end),),
                    entity="e1",
                )
            )
        entity = SpeakerEntity("e1", "Sprecher", mentions=(quotes[0].speaker[0],))
        docs.append(AnnotatedDocument(doc, Annotations(tuple(quotes), (entity,))))
    return docs, "two documents written for this script (no seeds gold)"


def _perturb(gold: AnnotatedDocument, rng: random.Random) -> Annotations:
    tokens = gold.document.tokens
    kept = [q for q in gold.annotations.quotes if rng.random() >= 0.15]
    ids = {q.id for q in kept}
    quotes = []
    for q in kept:
        first = q.spans[0]
        end = max(first.start + 1, first.end - rng.choice([0, 0, 0, 2, 6]))
        spans = (Span(first.start, min(end, first.end)), *q.spans[1:])
        quotes.append(
            q.with_(
                spans=spans,
                type=rng.choice([q.type, q.type, *TYPES[:2]]),
                parent=q.parent if q.parent in ids else None,
            )
        )
    if rng.random() < 0.5 and len(tokens) > 3:
        t = rng.randrange(len(tokens) - 3)
        quotes.append(Quote("spurious", (Span(tokens[t].start, tokens[t + 2].end),), "reported"))
    stances = tuple(s for s in gold.annotations.stances if s.quote in ids and rng.random() < 0.8)
    entities = gold.annotations.entities
    return Annotations(tuple(quotes), entities, stances)


def corpus(n: int, seed: int = 0) -> tuple[list[AnnotatedDocument], list[AnnotatedDocument], str]:
    """``n`` gold documents (copies of the seeds under new ids) and perturbed predictions."""
    base, source = seed_gold()
    rng = random.Random(seed)
    gold, pred = [], []
    for i in range(n):
        original = base[i % len(base)]
        doc = original.document.with_(id=f"{original.id}-{i:05d}")
        gold.append(AnnotatedDocument(doc, original.annotations))
        pred.append(AnnotatedDocument(doc, _perturb(original, rng)))
    return gold, pred, source


def load_average() -> str:
    """The 1-minute load average (other processes competing for the CPUs)."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def median_seconds(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _run(name: str, predictions: list[AnnotatedDocument]) -> ExtractorRun:
    tasks = ("quotes", "speakers", "stances")
    return ExtractorRun(name=name, version="0", tasks=tasks, config={}, predictions=predictions)


def scoring_speed(
    gold: list[AnnotatedDocument], pred: list[AnnotatedDocument], repeats: int
) -> list[tuple[str, float]]:
    tasks = ("quotes", "speakers", "stances")
    run_a = _run("a", pred)
    run_b = _run("b", [AnnotatedDocument(g.document, Annotations()) for g in gold])
    score_extractor(_run("warm", pred[:5]), gold[:5], tasks=tasks, n_boot=0, seed=0)
    rows = [
        (
            "score_extractor, all tasks, no bootstrap",
            median_seconds(
                lambda: score_extractor(run_a, gold, tasks=tasks, n_boot=0, seed=0), repeats
            ),
        ),
        (
            "score_extractor, all tasks, 1,000 bootstrap resamples",
            median_seconds(
                lambda: score_extractor(run_a, gold, tasks=tasks, n_boot=1000, seed=0), repeats
            ),
        ),
    ]
    scored = [score_extractor(r, gold, tasks=tasks, n_boot=0, seed=0) for r in (run_a, run_b)]
    rows.append(
        (
            "paired_tests, 2 extractors × 7 headline metrics, 1,000 shuffles",
            median_seconds(lambda: paired_tests(scored, gold, n_boot=1000, seed=0), repeats),
        )
    )
    return rows


def overhead(docs: Sequence[AnnotatedDocument], repeats: int) -> list[tuple[str, float, float]]:
    """(setting, median ms per document, ratio to the bare loop)."""
    documents = [d.document for d in docs]
    extractor = NullExtractor()

    def bare() -> None:
        for doc in documents:
            extractor.extract(doc)

    run_one(NullExtractor, docs[:2], isolate=False)  # warm up (the guard loads the tokenizer)
    n = len(docs)
    base = median_seconds(bare, repeats) / n * 1000
    rows = [("bare extract() loop, in this process", base, 1.0)]
    for label, options in (
        ("run_one, in process (isolate=False)", {"isolate": False}),
        ("run_one, isolated, --jobs 1", {"jobs": 1}),
        ("run_one, isolated, --jobs 2", {"jobs": 2}),
    ):
        ms = median_seconds(lambda o=options: run_one(NullExtractor, docs, **o), repeats) / n * 1000
        rows.append((label, ms, ms / base if base else float("nan")))

    def round_trip() -> None:  # what isolation ships to a worker for every document
        for doc in documents:
            pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))

    ms = median_seconds(round_trip, repeats) / n * 1000
    rows.append(("(pickle round trip of one document alone)", ms, ms / base if base else 0.0))
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents to score (default 1000)")
    parser.add_argument("--overhead-docs", type=int, default=500, help="documents for (b)")
    parser.add_argument("--repeats", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--write", action="store_true", help="write RESULTS.md")
    args = parser.parse_args(argv)
    args.load_before = load_average()

    gold, pred, source = corpus(args.docs)
    n_tokens = sum(len(d.document.tokens) for d in gold)
    n_quotes = sum(len(d.annotations.quotes) for d in gold)
    print(
        f"corpus: {len(gold)} documents from the {source}; "
        f"{n_tokens:,} tokens, {n_quotes:,} gold quotes"
    )
    print("\n(a) scoring speed, median of", args.repeats)
    speed = scoring_speed(gold, pred, args.repeats)
    for label, secs in speed:
        print(f"  {label:<64} {secs:8.3f} s  ({len(gold) / secs:,.0f} docs/s)")

    print(f"\n(b) harness overhead on {args.overhead_docs} documents, median of {args.repeats}")
    over = overhead(gold[: args.overhead_docs], args.repeats)
    base = over[0][1]
    for label, ms, ratio in over:
        extra = ms - base
        print(f"  {label:<40} {ms:8.3f} ms/doc  ×{ratio:,.0f}  overhead {extra:+.3f} ms/doc")

    if args.write:
        write_results(args, source, len(gold), n_tokens, n_quotes, speed, over)
        print(f"\nwrote {HERE / 'RESULTS.md'}")


def write_results(
    args: argparse.Namespace,
    source: str,
    n_docs: int,
    n_tokens: int,
    n_quotes: int,
    speed: list[tuple[str, float]],
    over: list[tuple[str, float, float]],
) -> None:
    base = over[0][1]
    lines = [
        "# Benchmark harness overhead — measured results",
        "",
        (
            "Command (from the repository root): "
            f"`.venv/bin/python benchmarks/harness/bench_overhead.py --docs {args.docs} "
            f"--overhead-docs {args.overhead_docs} --repeats {args.repeats} --write`"
        ),
        "",
        (
            f"Machine: Python {platform.python_version()}, {platform.platform()}, "
            f"{os.cpu_count()} CPUs, load average {args.load_before} before and "
            f"{load_average()} after the measurements (a load near or above the CPU count "
            "means other jobs competed: wall-clock figures are then pessimistic). Every figure "
            f"is the median of {args.repeats} runs."
        ),
        "",
        f"## (a) Scoring {n_docs:,} documents",
        "",
        (
            f"Corpus: the {source}, replicated to {n_docs:,} documents ({n_tokens:,} tokens, "
            f"{n_quotes:,} gold quotes); predictions are the gold with quotes shortened, "
            "retyped or dropped and spurious quotes added."
        ),
        "",
        "| step | median seconds | documents/s |",
        "|---|---:|---:|",
        *(f"| {label} | {secs:.3f} | {n_docs / secs:,.0f} |" for label, secs in speed),
        "",
        f"## (b) Harness overhead per document ({args.overhead_docs} documents, `baseline-null`)",
        "",
        (
            "`baseline-null` does no work, so what `run_one` adds over the bare `extract()` "
            "loop is the harness: output validation, and for isolated runs the worker processes "
            "(fork, pickling each document and result through a pipe, the timeout bookkeeping)."
        ),
        "",
        "| setting | median ms/document | × bare loop | overhead ms/document |",
        "|---|---:|---:|---:|",
        *(f"| {label} | {ms:.3f} | {ratio:,.0f} | {ms - base:+.3f} |" for label, ms, ratio in over),
        "",
    ]
    (HERE / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
