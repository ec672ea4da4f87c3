"""Throughput of the rule-based extractors relative to the bare spaCy German tokenizer.

For each corpus (the seeds corpus repeated; Wikinews dev if present) the script times, over
``--repeats`` runs, (a) ``spacy.blank("de")`` tokenising every text and (b) each extractor's
``extract`` on the prepared documents (tokens and sentences filled in, as the harness hands
them over), and reports tokens/s and the ratio of the medians. Preparation (tokenising and
sentence splitting) is timed separately. Results go to stdout and, with ``--write``, to
RESULTS.md beside this file; its ``## Notes`` section (written by hand) is kept.

    python benchmarks/speed/bench_extractors.py [--repeats 5] [--seeds-copies 40] [--write]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

import spacy
from zitat_rules.extractors import RulesDirectExtractor, RulesExtractor

from zitat.schema import Document
from zitat.text import make_document

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS_DEV = ROOT.parent / "shared" / "data" / "wikinews-quotes-2024" / "dev"
OUT = Path(__file__).with_name("RESULTS.md")
NOTES = "\n## Notes"  # the hand-written part of RESULTS.md, kept by --write


def seeds_texts(copies: int) -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "gold" / "corpus").glob("*.txt"))]
    return texts * copies


def wikinews_texts() -> list[str]:
    if not WIKINEWS_DEV.is_dir():
        return []
    return [
        json.loads(p.read_text("utf-8"))["originalText"]
        for p in sorted(WIKINEWS_DEV.glob("*.json"))
    ]


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench(name: str, texts: list[str], repeats: int) -> list[dict[str, object]]:
    nlp = spacy.blank("de")
    n_tokens = sum(len(nlp.make_doc(t)) for t in texts)
    t_tok = median_time(lambda: [nlp.make_doc(t) for t in texts], repeats)
    t0 = time.perf_counter()
    docs: list[Document] = [make_document(f"d{i}", t) for i, t in enumerate(texts)]
    t_prep = time.perf_counter() - t0
    rows: list[dict[str, object]] = [
        {
            "corpus": name,
            "step": "spaCy blank('de') tokenizer",
            "tokens": n_tokens,
            "seconds": t_tok,
            "tok_s": n_tokens / t_tok,
            "ratio": 1.0,
        },
        {
            "corpus": name,
            "step": "prepare (zitat tokens + pysbd sentences), once",
            "tokens": n_tokens,
            "seconds": t_prep,
            "tok_s": n_tokens / t_prep,
            "ratio": t_tok / t_prep,
        },
    ]
    for cls in (RulesDirectExtractor, RulesExtractor):
        ext = cls()
        ext.extract_batch(docs[:5])  # warm the lexicon and morphology caches
        t_ext = median_time(lambda ext=ext: ext.extract_batch(docs), repeats)
        rows.append(
            {
                "corpus": name,
                "step": f"extractor {cls.name}",
                "tokens": n_tokens,
                "seconds": t_ext,
                "tok_s": n_tokens / t_ext,
                "ratio": t_tok / t_ext,
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--seeds-copies", type=int, default=40)
    ap.add_argument("--write", action="store_true", help="write RESULTS.md")
    args = ap.parse_args(argv)
    rows = bench(f"seeds x{args.seeds_copies}", seeds_texts(args.seeds_copies), args.repeats)
    wn = wikinews_texts()
    if wn:
        rows += bench("Wikinews dev", wn, args.repeats)
    lines = [
        "# Extractor speed relative to the spaCy tokenizer",
        "",
        (
            f"Command: `python benchmarks/speed/bench_extractors.py --repeats {args.repeats} "
            f"--seeds-copies {args.seeds_copies} --write` (from the repository root)."
        ),
        f"Machine: {platform.machine()}, Python {platform.python_version()}, one core.",
        "Ratio = median tokenizer time / median extractor time (target: extractor ≥ 0.25).",
        "Extractor times are for `extract_batch` on prepared documents (tokens and sentences",
        "given, as the harness passes them); preparation is shown on its own line.",
        "",
        "| corpus | step | tokens | median s | tokens/s | ratio to tokenizer |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['corpus']} | {r['step']} | {r['tokens']} | {r['seconds']:.3f} | "
            f"{r['tok_s']:,.0f} | {r['ratio']:.2f} |"
        )
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        old = OUT.read_text("utf-8") if OUT.exists() else ""
        notes = old[old.index(NOTES) :] if NOTES in old else ""
        OUT.write_text(report + notes, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
