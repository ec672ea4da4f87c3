"""Span-level scores of quotes and roles: exact, overlap (partial) and seqeval strict IOB2.

Items and labels
    Quote items are labelled with their type (``direct``, ``indirect``, ...) and, ignoring the
    type, with ``quotes``; role items with the role (``cue``, ``frame``, ``speaker``,
    ``addressee``), one item per quote that has the role. An item is the sorted tuple of all its
    spans, so a discontinuous quote or role is *one* item. Items are sets per document and label:
    two quotes with the same spans (one frame shared by two speakers is annotated once per
    speaker) are one item.

Exact matching
    A predicted item is a true positive if a gold item with the same label has exactly the same
    spans (all parts equal).

Overlap matching
    Two items overlap if any of their characters overlap; their overlap is the number of shared
    characters summed over the parts. Matching is one-to-one and greedy: the pair with the
    largest overlap is matched first, both are removed, and so on (ties broken by position).
    Every matched pair is a true positive; the rest are false positives / negatives.

seqeval strict IOB2 layers
    Spans are mapped to the tokens that overlap them (:class:`zitat.text.TokenIndex`) and written
    as IOB2 tags, one tag layer per concern so that tags never overlap: ``quotes`` (top-level
    quotes, labelled by type), ``quotes:nested`` (quotes with a ``parent``; nesting would
    otherwise put two tags on one token) and one layer per role. Each part of a discontinuous
    item is its own chunk (``B-`` at each part). Parts of one item that share a token are merged.
    If two different chunks in one layer still overlap (rare: two quotes overlapping partially at
    the same nesting level), the earlier, then longer one is kept and the other is counted in
    ``dropped``. Scores come from ``seqeval.metrics.classification_report(mode="strict",
    scheme=IOB2)`` (:func:`seqeval_report`); the per-document counts in :class:`SpanCounts` count
    the same chunks directly (for valid IOB2 tags strict seqeval extracts exactly the written
    chunks), so they add up to seqeval's corpus numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from seqeval.metrics import classification_report
from seqeval.scheme import IOB2

from zitat.schema import Annotations, QuoteType, Role, Span
from zitat.scoring.pair import DocumentPair
from zitat.scoring.prf import PRF
from zitat.text import TokenIndex

__all__ = [
    "QUOTE_LABELS",
    "ROLE_LABELS",
    "SEQEVAL_LAYERS",
    "SPAN_LABELS",
    "SpanCounts",
    "bio_chunks",
    "char_overlap",
    "exact_counts",
    "overlap_counts",
    "seqeval_report",
    "span_counts",
    "span_items",
    "to_tags",
]

Item = tuple[Span, ...]
Chunk = tuple[int, int, str]
"""``(first token, last token inclusive, label)``."""

QUOTE_LABELS: tuple[str, ...] = tuple(t.value for t in QuoteType)
ROLE_LABELS: tuple[str, ...] = tuple(r.value for r in Role)
SPAN_LABELS: tuple[str, ...] = ("quotes", *QUOTE_LABELS, *ROLE_LABELS)
SEQEVAL_LAYERS: dict[str, tuple[str, ...]] = {
    "quotes": QUOTE_LABELS,
    "quotes:nested": QUOTE_LABELS,
    **{role: (role,) for role in ROLE_LABELS},
}


def span_items(annotations: Annotations) -> dict[str, set[Item]]:
    """The distinct items of every label in :data:`SPAN_LABELS`."""
    items: dict[str, set[Item]] = {label: set() for label in SPAN_LABELS}
    for q in annotations.quotes:
        items["quotes"].add(q.spans)
        items[q.type.value].add(q.spans)
        for role in ROLE_LABELS:
            spans = getattr(q, role)
            if spans:
                items[role].add(spans)
    return items


def exact_counts(gold: Iterable[Item], pred: Iterable[Item]) -> PRF:
    """Items equal in all parts are true positives."""
    return PRF.from_sets(gold, pred)


def char_overlap(a: Item, b: Item) -> int:
    """Characters shared by two items, summed over their parts."""
    total = 0
    for x in a:
        for y in b:
            shared = min(x.end, y.end) - max(x.start, y.start)
            if shared > 0:
                total += shared
    return total


def overlap_counts(gold: Iterable[Item], pred: Iterable[Item]) -> PRF:
    """One-to-one greedy matching by largest character overlap (see the module docstring)."""
    g, p = sorted(set(gold)), sorted(set(pred))
    candidates = [
        (-ov, i, j)
        for i, gi in enumerate(g)
        for j, pj in enumerate(p)
        if (ov := char_overlap(gi, pj)) > 0
    ]
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    tp = len(used_g)
    return PRF(tp, len(p) - tp, len(g) - tp)


def _item_chunks(index: TokenIndex, spans: Item, label: str) -> list[Chunk]:
    ranges = sorted((r[0], r[-1]) for s in spans if (r := index.token_ids(s)))
    merged: list[list[int]] = []
    for first, last in ranges:
        if merged and first <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return [(a, b, label) for a, b in merged]


def _place(chunks: Iterable[Chunk]) -> tuple[set[Chunk], int]:
    kept: list[Chunk] = []
    dropped = 0
    for chunk in sorted(set(chunks), key=lambda c: (c[0], -c[1], c[2])):
        if kept and chunk[0] <= kept[-1][1]:
            dropped += 1
            continue
        kept.append(chunk)
    return set(kept), dropped


def bio_chunks(annotations: Annotations, index: TokenIndex) -> tuple[dict[str, set[Chunk]], int]:
    """Non-overlapping token chunks per layer of :data:`SEQEVAL_LAYERS`, and how many were dropped.

    Chunks are placed left to right, so an overlapping chunk is always compared with the last
    kept one (kept chunks never overlap each other).
    """
    raw: dict[str, list[Chunk]] = {layer: [] for layer in SEQEVAL_LAYERS}
    for q in annotations.quotes:
        layer = "quotes" if q.parent is None else "quotes:nested"
        raw[layer].extend(_item_chunks(index, q.spans, q.type.value))
        for role in ROLE_LABELS:
            spans = getattr(q, role)
            if spans:
                raw[role].extend(_item_chunks(index, spans, role))
    layers: dict[str, set[Chunk]] = {}
    dropped = 0
    for layer, chunks in raw.items():
        layers[layer], n = _place(chunks)
        dropped += n
    return layers, dropped


def to_tags(chunks: Iterable[Chunk], n_tokens: int) -> list[str]:
    """IOB2 tags of ``n_tokens`` tokens for non-overlapping chunks."""
    tags = ["O"] * n_tokens
    for first, last, label in chunks:
        tags[first] = f"B-{label}"
        for k in range(first + 1, last + 1):
            tags[k] = f"I-{label}"
    return tags


def _chunk_counts(gold: set[Chunk], pred: set[Chunk], labels: Sequence[str]) -> dict[str, PRF]:
    return {
        label: PRF.from_sets((c for c in gold if c[2] == label), (c for c in pred if c[2] == label))
        for label in labels
    }


def _add_maps(a: Mapping[str, PRF], b: Mapping[str, PRF]) -> dict[str, PRF]:
    return {k: a.get(k, PRF()) + b.get(k, PRF()) for k in {*a, *b}}


@dataclass(frozen=True)
class SpanCounts:
    """Raw counts per label: ``exact`` and ``overlap`` by label, ``seqeval`` by layer and label.

    ``dropped`` counts gold and predicted chunks left out of a tag layer because they overlapped
    another chunk of the same layer.
    """

    exact: dict[str, PRF] = field(default_factory=dict)
    overlap: dict[str, PRF] = field(default_factory=dict)
    seqeval: dict[str, dict[str, PRF]] = field(default_factory=dict)
    dropped: int = 0

    def __add__(self, other: SpanCounts) -> SpanCounts:
        if not isinstance(other, SpanCounts):
            return NotImplemented
        layers = {*self.seqeval, *other.seqeval}
        return SpanCounts(
            exact=_add_maps(self.exact, other.exact),
            overlap=_add_maps(self.overlap, other.overlap),
            seqeval={
                layer: _add_maps(self.seqeval.get(layer, {}), other.seqeval.get(layer, {}))
                for layer in layers
            },
            dropped=self.dropped + other.dropped,
        )

    def stats(self) -> dict[str, float]:
        """Flat additive statistics (``spans.exact.direct.tp``, ``seqeval.cue.cue.fn``, ...)."""
        out: dict[str, float] = {}
        for mode, table in (("exact", self.exact), ("overlap", self.overlap)):
            for label in SPAN_LABELS:
                out |= table.get(label, PRF()).stats(f"spans.{mode}.{label}")
        for layer, labels in SEQEVAL_LAYERS.items():
            table = self.seqeval.get(layer, {})
            for label in labels:
                out |= table.get(label, PRF()).stats(f"seqeval.{layer}.{label}")
        out["spans.dropped"] = self.dropped
        return out


def _pair_chunks(
    pair: DocumentPair,
) -> tuple[tuple[dict[str, set[Chunk]], int], tuple[dict[str, set[Chunk]], int]]:
    cached = pair.cache.get("bio_chunks")
    if cached is None:
        cached = (bio_chunks(pair.gold, pair.index), bio_chunks(pair.pred, pair.index))
        pair.cache["bio_chunks"] = cached
    return cached


def span_counts(pair: DocumentPair) -> SpanCounts:
    """Exact, overlap and strict-IOB2 counts of one document."""
    gold_items, pred_items = span_items(pair.gold), span_items(pair.pred)
    exact = {label: exact_counts(gold_items[label], pred_items[label]) for label in SPAN_LABELS}
    overlap = {label: overlap_counts(gold_items[label], pred_items[label]) for label in SPAN_LABELS}
    (gold_chunks, dropped_g), (pred_chunks, dropped_p) = _pair_chunks(pair)
    seq = {
        layer: _chunk_counts(gold_chunks[layer], pred_chunks[layer], labels)
        for layer, labels in SEQEVAL_LAYERS.items()
    }
    return SpanCounts(exact, overlap, seq, dropped_g + dropped_p)


def _compressed(gold: set[Chunk], pred: set[Chunk]) -> tuple[list[str], list[str]]:
    """Aligned tag sequences over the tokens the chunks cover, one ``O`` for each gap.

    Collapsing a run of tokens tagged ``O`` on both sides into one ``O`` changes no chunk that
    strict IOB2 extracts, and keeps seqeval fast on long documents.
    """
    tags_g: dict[int, str] = {}
    tags_p: dict[int, str] = {}
    for chunks, tags in ((gold, tags_g), (pred, tags_p)):
        for first, last, label in chunks:
            tags[first] = f"B-{label}"
            for k in range(first + 1, last + 1):
                tags[k] = f"I-{label}"
    seq_g: list[str] = []
    seq_p: list[str] = []
    previous: int | None = None
    for pos in sorted({*tags_g, *tags_p}):
        if previous is not None and pos != previous + 1:
            seq_g.append("O")
            seq_p.append("O")
        seq_g.append(tags_g.get(pos, "O"))
        seq_p.append(tags_p.get(pos, "O"))
        previous = pos
    return seq_g, seq_p


def seqeval_report(pairs: Iterable[DocumentPair]) -> dict[str, dict[str, Any]]:
    """``classification_report(..., mode="strict", scheme=IOB2, output_dict=True)`` per layer.

    One report per layer of :data:`SEQEVAL_LAYERS` over all documents; a layer with no chunk in
    gold or prediction gets an empty report.
    """
    true: dict[str, list[list[str]]] = {layer: [] for layer in SEQEVAL_LAYERS}
    predicted: dict[str, list[list[str]]] = {layer: [] for layer in SEQEVAL_LAYERS}
    for pair in pairs:
        (gold_chunks, _), (pred_chunks, _) = _pair_chunks(pair)
        for layer in SEQEVAL_LAYERS:
            if gold_chunks[layer] or pred_chunks[layer]:
                seq_g, seq_p = _compressed(gold_chunks[layer], pred_chunks[layer])
                true[layer].append(seq_g)
                predicted[layer].append(seq_p)
    reports: dict[str, dict[str, Any]] = {}
    for layer in SEQEVAL_LAYERS:
        if not true[layer]:
            reports[layer] = {}
            continue
        report = classification_report(
            true[layer],
            predicted[layer],
            mode="strict",
            scheme=IOB2,
            output_dict=True,
            zero_division=0,
        )
        reports[layer] = {
            label: {k: float(v) if k != "support" else int(v) for k, v in row.items()}
            for label, row in report.items()
        }
    return reports
