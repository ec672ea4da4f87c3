"""Numbers of wikinews-dev.md that a bench run's results.json does not hold, from a saved run.

Reads a run folder made by ``zitat bench run --gold wikinews:dev`` and prints (a) the Wikinews
metric with zero-overlap pairs treated as unmatched (``wikinews_original=False``) and (b)
paired randomization tests (10,000 shuffles, seed 0) of Messages, Roles and Joint F1 for the
pairs compared in the table. Nothing is run again: the saved predictions are re-scored.

    python benchmarks/results/wikinews_dev_extras.py RUN_DIR
"""

from __future__ import annotations

import argparse
import sys

from zitat.bench.saved import load_saved_run
from zitat.scoring import compare, score_corpus

PAIRS = (
    ("rules-crf", "rules"),
    ("rules-crf", "crf"),
    ("crf", "rules"),
    ("rules", "baseline-quotemarks"),
)
METRICS = ("wikinews.messages.f1", "wikinews.roles.f1", "wikinews.joint.f1")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run_dir")
    ap.add_argument("--resamples", type=int, default=10_000)
    args = ap.parse_args(argv)
    saved = load_saved_run(args.run_dir)
    preds = {run.name: run.predictions for run in saved.runs if run.error is None}
    print("| extractor | Messages F1 | Roles F1 | Joint F1 |")
    print("|---|---|---|---|")
    for name, pred in preds.items():
        main_ = score_corpus(
            saved.gold, pred, tasks=("quotes",), n_boot=0, wikinews_original=False
        ).main
        row = " | ".join(f"{100 * main_[m]:.1f}" for m in METRICS)
        print(f"| `{name}` | {row} |")
    print()
    scores = {
        name: score_corpus(saved.gold, pred, tasks=("quotes",), n_boot=0)
        for name, pred in preds.items()
    }
    print("| A | B | metric | A − B (points) | p |")
    print("|---|---|---|---|---|")
    for a, b in PAIRS:
        if a not in scores or b not in scores:
            continue
        for metric in METRICS:
            res = compare(scores[a], scores[b], metric=metric, n_resamples=args.resamples, seed=0)
            label = metric.split(".")[1].capitalize()
            print(f"| `{a}` | `{b}` | {label} F1 | {100 * res.delta:+.1f} | {res.p_value:.4f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
