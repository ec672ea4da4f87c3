"""Stance on the seeds gold: rules-stance against majority baselines, both settings.

Run from the repository root::

    .venv/bin/python benchmarks/stance/measure.py [--gold gold/seeds.jsonl]
        [--targets gold/targets.yaml] [--no-hints] [--per-doc] [--errors]
        [--n-boot 1000] [--seed 0] [--json results.json]

``given``: the extractor gets the gold quotes (stances removed) and adds stances;
``e2e``: it finds quotes itself (zitat-rules) and stances are keyed through the quote alignment.
Missing and extra stances are errors (see ``zitat.scoring.stance``). Baselines:
``majority-oracle`` predicts the majority polarity (favor) for every gold (quote, target) key, so
it knows which targets each quote addresses; ``majority`` predicts the most frequent gold
(target, polarity) pair for every top-level gold quote. Intervals: 95% bootstrap over documents
(``zitat.scoring.score_corpus``), the same as ``zitat bench run`` saves. The confusion matrices
count every (quote, target) key, ``none`` where a side has no stance.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from zitat_stance import __version__ as stance_version
from zitat_stance.extractor import RulesStanceExtractor

from zitat import __version__
from zitat.io import read_documents
from zitat.schema import AnnotatedDocument, Annotations, Stance, TargetInventory
from zitat.scoring import DocumentPair, score_corpus
from zitat.scoring.stance import NONE, POLARITIES, stance_labels
from zitat.text import prepare

ROWS = (NONE, *POLARITIES)


def _strip(doc: AnnotatedDocument) -> Annotations:
    return doc.annotations.with_(stances=())


def _majority_oracle(gold: Sequence[AnnotatedDocument]) -> list[AnnotatedDocument]:
    polarity = Counter(s.polarity for d in gold for s in d.annotations.stances).most_common(1)[0][0]
    return [
        AnnotatedDocument(
            d.document,
            d.annotations.with_(
                stances=tuple(
                    Stance(s.target, polarity, quote=s.quote)
                    for s in d.annotations.stances
                    if s.quote is not None
                )
            ),
        )
        for d in gold
    ]


def _majority(gold: Sequence[AnnotatedDocument]) -> list[AnnotatedDocument]:
    counts = Counter((s.target, s.polarity) for d in gold for s in d.annotations.stances)
    (target, polarity), _ = counts.most_common(1)[0]
    return [
        AnnotatedDocument(
            d.document,
            d.annotations.with_(
                stances=tuple(
                    Stance(target, polarity, quote=q.id)
                    for q in d.annotations.quotes
                    if q.parent is None
                )
            ),
        )
        for d in gold
    ]


def _confusion(
    gold: Sequence[AnnotatedDocument], pred: Sequence[AnnotatedDocument], setting: str
) -> Counter[tuple[str, str]]:
    by_id = {d.id: d for d in pred}
    out: Counter[tuple[str, str]] = Counter()
    for g in gold:
        out.update(stance_labels(DocumentPair(g, by_id[g.id]), setting=setting))  # type: ignore[arg-type]
    return out


def _print_confusion(title: str, matrix: Counter[tuple[str, str]]) -> None:
    print(f"\n{title} (rows: gold, columns: predicted)")
    corner = "gold / pred"
    print(f"{corner:>12}" + "".join(f"{c:>9}" for c in ROWS))
    for g in ROWS:
        print(f"{g:>12}" + "".join(f"{matrix[(g, p)]:>9}" for p in ROWS))


def _cell(main: dict[str, float], intervals: dict[str, tuple[float, float]], key: str) -> str:
    value = main.get(key, 0.0)
    if key not in intervals:
        return f"{value:.3f}"
    low, high = intervals[key]
    return f"{value:.3f} ({low:.3f}–{high:.3f})"


def _line(
    name: str, main: dict[str, float], intervals: dict[str, tuple[float, float]], key: str
) -> str:
    cells = [_cell(main, intervals, f"{key}.{m}") for m in ("acc", "macro_f1", "f_avg")]
    cells += [f"{main.get(f'{key}.{c}.f1', 0.0):.3f}" for c in POLARITIES]
    return f"| {name} | " + " | ".join(cells) + " |"


def _of(metric: str, key: str) -> bool:
    """True if ``metric`` belongs to the setting ``key`` (``stance`` or ``stance.e2e``)."""
    return metric.startswith(key + ".") and not (
        key == "stance" and metric.startswith("stance.e2e")
    )


def _matrix(matrix: Counter[tuple[str, str]]) -> dict[str, dict[str, int]]:
    return {g: {p: matrix[(g, p)] for p in ROWS} for g in ROWS}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default="gold/seeds.jsonl", type=Path)
    parser.add_argument("--targets", default="gold/targets.yaml", type=Path)
    parser.add_argument("--no-hints", action="store_true", help="without the packaged hints")
    parser.add_argument("--per-doc", action="store_true", help="macro-F1 (given) per document")
    parser.add_argument("--errors", action="store_true", help="list wrong stances (given)")
    parser.add_argument("--n-boot", type=int, default=1000, help="bootstrap resamples (0: none)")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)

    gold, _ = read_documents(args.gold)
    targets = TargetInventory.load(args.targets)
    docs = [prepare(d.document) for d in gold]
    extractor = RulesStanceExtractor({"builtin_hints": not args.no_hints})
    extractor.use_targets(targets)

    t0 = time.perf_counter()
    given = [
        AnnotatedDocument(doc, extractor.extract_stances(doc, _strip(g)))
        for doc, g in zip(docs, gold, strict=True)
    ]
    t_given = time.perf_counter() - t0
    t0 = time.perf_counter()
    e2e = [AnnotatedDocument(doc, extractor.extract(doc)) for doc in docs]
    t_e2e = time.perf_counter() - t0

    polarities = Counter(s.polarity.value for d in gold for s in d.annotations.stances)
    n_quotes = sum(len(d.annotations.quotes) for d in gold)
    digest = hashlib.sha256(args.gold.read_bytes()).hexdigest()[:16]
    print(
        f"gold: {args.gold} (sha256 {digest}…), {len(gold)} documents, {n_quotes} quotes, "
        f"{polarities.total()} stances ("
        + " · ".join(f"{p} {polarities[p]}" for p in POLARITIES)
        + f"), {len(targets)} targets; hints: {'off' if args.no_hints else 'on'}"
    )
    print(f"time: given {t_given:.2f}s, end-to-end {t_e2e:.2f}s")
    print(f"intervals: 95% bootstrap over documents, {args.n_boot} resamples, seed {args.seed}\n")
    print("| system | acc | macro-F1 | F_avg | F1 favor | F1 against | F1 neutral |")
    print("|---|---|---|---|---|---|---|")
    # name: (predictions (quotes and stances), stance predictions on gold quotes, metric key)
    oracle, majority = _majority_oracle(gold), _majority(gold)
    systems = {
        "majority-oracle (given)": (oracle, oracle, "stance"),
        "majority (given)": (majority, majority, "stance"),
        "rules-stance (given)": (given, given, "stance"),
        "rules-stance (e2e)": (e2e, given, "stance.e2e"),
    }
    scores = {}
    for name, (pred, pred_given, key) in systems.items():
        s = score_corpus(
            gold,
            pred,
            tasks=("stances",),
            stance_pred=pred_given,
            n_boot=args.n_boot,
            seed=args.seed,
        )
        scores[name] = s
        print(_line(name, s.main, s.intervals, key))

    confusion = {
        "given": _confusion(gold, given, "given"),
        "e2e": _confusion(gold, e2e, "e2e"),
    }
    _print_confusion("confusion, given gold quotes", confusion["given"])
    _print_confusion("confusion, end to end", confusion["e2e"])

    if args.json is not None:
        keys = {name: key for name, (_, _, key) in systems.items()}
        data = {
            "command": " ".join(
                [".venv/bin/python benchmarks/stance/measure.py", *(argv or sys.argv[1:])]
            ),
            "zitat": __version__,
            "zitat_stance": stance_version,
            "gold": {"path": str(args.gold), "sha256": digest, "documents": len(gold)},
            "targets": str(args.targets),
            "hints": not args.no_hints,
            "bootstrap": {"n_boot": args.n_boot, "seed": args.seed, "confidence": 0.95},
            "systems": {
                name: {
                    "setting": "e2e" if keys[name].endswith("e2e") else "given",
                    "scores": {k: v for k, v in s.main.items() if k.startswith(keys[name] + ".")},
                    "intervals": {
                        k: list(v) for k, v in s.intervals.items() if k.startswith(keys[name] + ".")
                    },
                }
                for name, s in scores.items()
            },
            "confusion": {setting: _matrix(m) for setting, m in confusion.items()},
        }
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"\nwrote {args.json}")

    if args.per_doc:
        print("\nper document, given: macro-F1")
        for doc_id, v in scores["rules-stance (given)"].values("stance.macro_f1").items():
            print(f"  {doc_id}: {v:.3f}")
    if args.errors:
        _print_errors(gold, given)


def _print_errors(gold: Sequence[AnnotatedDocument], pred: Sequence[AnnotatedDocument]) -> None:
    by_id = {d.id: d for d in pred}
    print("\nerrors, given gold quotes (gold -> predicted)")
    for g in gold:
        p = by_id[g.id]
        gold_map = {(s.quote, s.target): s for s in g.annotations.stances}
        pred_map = {(s.quote, s.target): s for s in p.annotations.stances}
        for key in sorted({*gold_map, *pred_map}, key=str):
            gs, ps = gold_map.get(key), pred_map.get(key)
            gp = gs.polarity.value if gs else NONE
            pp = ps.polarity.value if ps else NONE
            if gp != pp:
                ev = ps or gs
                text = " … ".join(e.text_in(g.text) for e in ev.evidence) if ev else ""
                quote = g.annotations.quote(key[0]).text_in(g.text)[:110]  # type: ignore[arg-type]
                print(f"  {g.id[:3]} {key[0]:>4} {key[1]:<20} {gp:>8} -> {pp:<8} [{text[:70]}]")
                print(f"        {quote!r}")


if __name__ == "__main__":
    main()
