"""Statement tracking on the seeds: every similarity, linkage and threshold against the
alignment gold, on gold quotes and on an extractor's quotes.

Run from the repository root::

    .venv/bin/python benchmarks/tracking/measure.py
        [--alignment gold/alignment/seeds.alignment.yaml] [--extractor rules]
        [--curves lemma-overlap ...] [--errors]

Scores come from :func:`zitat.scoring.clusters.cluster_scores` over the items of the alignment
gold (every gold quotation; singletons count in B³). **Gold quotes**: the aligner clusters the
172 gold quotations with the gold speaker entities (linked across documents by
:func:`zitat.entities.link_entities`). **Extractor quotes**: the extractor (through
:func:`zitat.plugins.run_extractor`, in this process) finds quotes and speakers; each predicted
quote is mapped to a gold quote by the harness's one-to-one quote alignment
(:attr:`zitat.scoring.DocumentPair.alignment`: Hungarian assignment on token overlap, overlapping
pairs only). A gold quote the extractor missed is a predicted singleton (it can only cost
recall). A predicted quote with no gold counterpart is counted, by default, as an extra item that
is alone in the gold (``spurious as gold singletons``: clustering it with anything costs
precision); the ``spurious dropped`` rows leave those quotes out of the prediction instead.

Tables: best threshold per similarity × linkage (thresholds 0.10-0.95 in steps of 0.05), ranked by
B³ F1 smoothed over the neighbouring thresholds (the mean at t-0.05, t, t+0.05, so a lone spike does
not win); baselines; the threshold curves of the similarities named with ``--curves``; and the
chosen default on both kinds of quotes.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zitat.entities import EntityLinks, link_entities
from zitat.gold.alignment import QuoteRef, load_alignment
from zitat.gold.bundled import load_seeds
from zitat.plugins import Plugins, run_extractor
from zitat.schema import AnnotatedDocument, Annotations
from zitat.scoring import DocumentPair
from zitat.scoring.clusters import ClusterScores, cluster_scores
from zitat.tracking import (
    DEFAULT_LINKAGE,
    DEFAULT_SIMILARITY,
    DEFAULT_THRESHOLD,
    LINKAGES,
    SIMILARITIES,
    StatementCluster,
    align_quotes,
)
from zitat.tracking.similarity import QuoteText

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 20))
Clustering = list[frozenset[QuoteRef]]


@dataclass
class Setting:
    """The quotes the aligner sees and how its clusters map to gold items."""

    name: str
    docs: list[AnnotatedDocument]
    links: EntityLinks
    to_gold: Callable[[str, str], QuoteRef | None]  # (doc, quote id) -> gold item or None


def gold_setting(gold: list[AnnotatedDocument]) -> Setting:
    return Setting("gold quotes", gold, link_entities(gold), QuoteRef)


def extractor_setting(gold: list[AnnotatedDocument], name: str) -> tuple[Setting, str]:
    """The extractor's documents and the predicted → gold quote map, with match counts."""
    cls = Plugins().extractor(name)
    by_id = {d.id: d for d in gold}
    predicted: list[AnnotatedDocument] = []
    mapping: dict[tuple[str, str], QuoteRef] = {}
    n_pred = n_matched = 0
    for outcome in run_extractor(cls, [d.document for d in gold], isolate=False):
        if not outcome.ok or outcome.annotations is None:
            raise SystemExit(f"{name} failed on {outcome.doc_id}: {outcome.error}")
        doc = AnnotatedDocument(by_id[outcome.doc_id].document, outcome.annotations)
        predicted.append(doc)
        pair = DocumentPair(by_id[doc.id], doc)
        gold_quotes, pred_quotes = pair.gold.quotes, pair.pred.quotes
        for g, p, _ in pair.alignment.pairs:
            mapping[(doc.id, pred_quotes[p].id)] = QuoteRef(doc.id, gold_quotes[g].id)
        n_pred += len(pred_quotes)
        n_matched += len(pair.alignment.pairs)
    n_gold = sum(len(d.annotations.quotes) for d in gold)
    note = (
        f"{name}: {n_pred} predicted quotes, {n_matched} matched to one of the {n_gold} gold "
        f"quotes, {n_pred - n_matched} without a gold counterpart, {n_gold - n_matched} gold "
        "quotes missed"
    )
    setting = Setting(
        f"{name} quotes", predicted, link_entities(predicted), lambda d, q: mapping.get((d, q))
    )
    return setting, note


def with_gold_speakers(setting: Setting, gold: list[AnnotatedDocument]) -> Setting:
    """The extractor's quotes, each with the speaker entity of the gold quote it matches
    (None when it matches none): what the aligner does with perfect speakers."""
    by_id = {d.id: d for d in gold}
    docs = []
    for doc in setting.docs:
        gold_doc = by_id[doc.id]
        quotes = []
        for q in doc.annotations.quotes:
            ref = setting.to_gold(doc.id, q.id)
            entity = gold_doc.annotations.quote(ref.quote).entity if ref else None
            quotes.append(q.with_(entity=entity))
        annotations = Annotations(quotes=tuple(quotes), entities=gold_doc.annotations.entities)
        docs.append(AnnotatedDocument(doc.document, annotations))
    return Setting(f"{setting.name}, gold speakers", docs, link_entities(docs), setting.to_gold)


def predicted_clustering(
    clusters: Iterable[StatementCluster], setting: Setting, *, drop_spurious: bool
) -> Clustering:
    out: Clustering = []
    for cluster in clusters:
        members: set[QuoteRef] = set()
        for doc, quote in cluster.members:
            ref = setting.to_gold(doc, quote)
            if ref is None and not drop_spurious:
                ref = QuoteRef(doc, f"predicted:{quote}")
            if ref is not None:
                members.add(ref)
        out.append(frozenset(members))
    return out


def score(
    setting: Setting,
    gold: Clustering,
    items: Sequence[QuoteRef],
    *,
    drop_spurious: bool = False,
    **kwargs: Any,
) -> ClusterScores:
    clusters = align_quotes(setting.docs, links=setting.links, **kwargs)
    pred = predicted_clustering(clusters, setting, drop_spurious=drop_spurious)
    return cluster_scores(gold=gold, pred=pred, items=items)


def row(label: str, s: ClusterScores, extra: str = "") -> str:
    pw, b3 = s.pairwise, s.b3
    return (
        f"| {label} | {pw.precision:.3f} | {pw.recall:.3f} | {pw.f1:.3f} | "
        f"{b3.precision:.3f} | {b3.recall:.3f} | {b3.f1:.3f} |{extra}"
    )


HEADER = (
    "| {first} | pair P | pair R | pair F1 | B³ P | B³ R | B³ F1 |{extra}\n"
    "|---|---|---|---|---|---|---|{rule}"
)


def grid(
    setting: Setting, gold: Clustering, items: Sequence[QuoteRef]
) -> dict[tuple[str, str], dict[float, ClusterScores]]:
    out: dict[tuple[str, str], dict[float, ClusterScores]] = {}
    for similarity in SIMILARITIES:
        for linkage in LINKAGES:
            out[(similarity, linkage)] = {
                t: score(setting, gold, items, similarity=similarity, linkage=linkage, threshold=t)
                for t in THRESHOLDS
            }
    return out


def smoothed(curve: dict[float, ClusterScores], t: float) -> float:
    near = [curve[x].b3.f1 for x in THRESHOLDS if abs(x - t) < 0.051]
    return sum(near) / len(near)


def best_table(results: dict[tuple[str, str], dict[float, ClusterScores]]) -> list[str]:
    ranked = []
    for (similarity, linkage), curve in results.items():
        t = max(THRESHOLDS, key=lambda x: (smoothed(curve, x), curve[x].b3.f1))
        ranked.append((smoothed(curve, t), similarity, linkage, t, curve[t]))
    ranked.sort(key=lambda r: (-r[0], r[1], r[2]))
    lines = [HEADER.format(first="similarity, linkage, threshold", extra=" B³ F1 ±0.05 |",
                           rule="---|")]  # fmt: skip
    for smooth, similarity, linkage, t, s in ranked:
        lines.append(row(f"{similarity}, {linkage}, {t:.2f}", s, f" {smooth:.3f} |"))
    return lines


def curve_table(
    results: dict[tuple[str, str], dict[float, ClusterScores]], similarity: str
) -> list[str]:
    lines = [f"`{similarity}`: pairwise F1 / B³ F1 by threshold", ""]
    lines.append("| threshold | " + " | ".join(LINKAGES) + " |")
    lines.append("|---|" + "---|" * len(LINKAGES))
    for t in THRESHOLDS:
        at = [results[(similarity, lk)][t] for lk in LINKAGES]
        cells = [f"{s.pairwise.f1:.3f} / {s.b3.f1:.3f}" for s in at]
        lines.append(f"| {t:.2f} | " + " | ".join(cells) + " |")
    return lines


def baselines(setting: Setting, gold: Clustering, items: Sequence[QuoteRef]) -> list[str]:
    """Every quote alone; every quote of a speaker together; identical content lemmas."""

    def never(a: QuoteText, b: QuoteText) -> float:
        return 0.0

    variants: list[tuple[str, dict[str, Any]]] = [
        ("every quote alone", {"similarity": never, "threshold": 1.0, "attach_nested": False}),
        ("nested quotes with their parent, nothing else", {"similarity": never, "threshold": 1.0}),
        ("one cluster per speaker", {"threshold": 0.0, "linkage": "single"}),
        (
            "same speaker, same content lemmas",
            {"similarity": "lemma-jaccard", "threshold": 1.0, "linkage": "single"},
        ),
    ]
    lines = [HEADER.format(first="baseline", extra="", rule="")]
    for label, kwargs in variants:
        lines.append(row(label, score(setting, gold, items, **kwargs)))
    return lines


def default_rows(
    setting: Setting,
    gold: Clustering,
    items: Sequence[QuoteRef],
    gold_speakers: Setting | None = None,
) -> list[str]:
    lines = [HEADER.format(first=setting.name, extra="", rule="")]
    base: dict[str, Any] = {"similarity": DEFAULT_SIMILARITY, "linkage": DEFAULT_LINKAGE,
            "threshold": DEFAULT_THRESHOLD}  # fmt: skip
    lines.append(row("default", score(setting, gold, items, **base)))
    if not setting.name.startswith("gold"):
        lines.append(row("default, spurious dropped",
                         score(setting, gold, items, drop_spurious=True, **base)))  # fmt: skip
        found = {ref for d in setting.docs for q in d.annotations.quotes
                 if (ref := setting.to_gold(d.id, q.id)) is not None}  # fmt: skip
        ceiling = [frozenset(c & found) for c in gold]
        lines.append(row("ceiling: the gold clusters of the quotes found",
                         cluster_scores(gold=gold, pred=ceiling, items=items)))  # fmt: skip
    if gold_speakers is not None:
        lines.append(row("default, gold speakers", score(gold_speakers, gold, items, **base)))
    lines.append(row("default, nested not attached",
                     score(setting, gold, items, attach_nested=False, **base)))  # fmt: skip
    lines.append(row("default, one document never twice",
                     score(setting, gold, items, same_document=False, **base)))  # fmt: skip
    return lines


def errors(setting: Setting, alignment_path: Path) -> list[str]:
    """Gold clusters the default splits, and predicted clusters that mix gold clusters."""
    alignment = load_alignment(alignment_path)
    clusters = align_quotes(setting.docs, links=setting.links)
    pred: dict[QuoteRef, str] = {}
    for c in clusters:
        for d, q in c.members:
            ref = setting.to_gold(d, q)
            if ref is not None:
                pred[ref] = c.id
    out = []
    for g in alignment.clusters:
        parts = {pred.get(m, f"missed {m}") for m in g.members}
        if len(parts) > 1:
            out.append(f"split: {g.id} ({len(g.members)} members) into {len(parts)} parts")
    gold_of = {ref: c.id for c in alignment.clusters for ref in c.members}
    for c in clusters:
        kinds = set()
        for d, q in c.members:
            ref = setting.to_gold(d, q)
            kinds.add(f"spurious {d}/{q}" if ref is None else gold_of.get(ref, str(ref)))
        if len(kinds) > 1:
            out.append(f"merged: {c.id} ({c.size}) joins {', '.join(sorted(kinds))}")
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--alignment", default="gold/alignment/seeds.alignment.yaml", type=Path)
    parser.add_argument("--extractor", default="rules", help="extractor for the second setting")
    parser.add_argument("--curves", nargs="*", default=[DEFAULT_SIMILARITY])
    parser.add_argument("--errors", action="store_true", help="list split and merged clusters")
    args = parser.parse_args(argv)

    gold_docs = list(load_seeds())
    alignment = load_alignment(args.alignment, gold=gold_docs)
    gold = alignment.clustering()
    items = alignment.items
    stats = alignment.stats()
    print(
        f"alignment gold: {stats['items']} quotes, {stats['clusters']} clusters "
        f"({stats['members']} members), {stats['singletons']} singletons"
    )
    settings = [gold_setting(gold_docs)]
    extractor, note = extractor_setting(gold_docs, args.extractor)
    settings.append(extractor)
    oracle = with_gold_speakers(extractor, gold_docs)
    print(note)
    for setting in settings:
        print(f"\n## {setting.name}\n")
        results = grid(setting, gold, items)
        print("\n".join(best_table(results)))
        print()
        print("\n".join(baselines(setting, gold, items)))
        for similarity in args.curves:
            print()
            print("\n".join(curve_table(results, similarity)))
        print()
        print(
            f"default: {DEFAULT_SIMILARITY}, {DEFAULT_LINKAGE} link, threshold "
            f"{DEFAULT_THRESHOLD}\n"
        )
        extra = oracle if setting is extractor else None
        print("\n".join(default_rows(setting, gold, items, extra)))
        if args.errors:
            print()
            print("\n".join(errors(setting, args.alignment)))


if __name__ == "__main__":
    main()
