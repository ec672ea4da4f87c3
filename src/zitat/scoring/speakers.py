"""Speaker scores: attribution accuracy, B³ entity clustering and canonical names.

Effective mentions
    The mentions of a speaker entity are its ``mentions`` plus the ``speaker`` spans of every
    quote that points to it (annotators and extractors do not always repeat those).

Attribution
    Over gold quotes aligned to a predicted quote (:mod:`zitat.scoring.matching`, overlapping
    pairs only). Let *G* be the effective mentions of the gold quote's entity plus the gold
    quote's speaker spans, and *P* the predicted quote's speaker spans, or, if it has none, the
    effective mentions of its entity. The attribution is correct if some span of *P* overlaps
    some span of *G* (one shared character). If *G* and *P* are both empty it is correct when
    both quotes are unattributed (no speaker span, no entity), or both point to an entity
    without any mention (nothing to compare). ``acc`` divides by the aligned gold quotes,
    ``e2e`` by all gold quotes (a gold quote without a predicted partner counts as wrong).

B³ (Bagga & Baldwin 1998) over mentions
    Mentions are the effective mentions, matched between gold and prediction by exact span.
    The cluster of a mention is the set of spans of its entity (the union of entities, if a
    span belongs to several). Precision averages, over predicted mentions, the share of the
    mention's predicted cluster that is in its gold cluster; recall averages, over gold
    mentions, the share of the gold cluster found in the predicted cluster. A predicted mention
    that is not a gold mention has an empty gold cluster, so its precision is 0 (and it lowers
    the precision of its cluster-mates); a gold mention that was not predicted has recall 0.
    Both are pooled over the mentions of all documents; F1 is the harmonic mean.

Canonical names
    Gold and predicted entities are aligned one-to-one (Hungarian) by the number of exact-span
    mentions they share plus the number of aligned quote pairs attributed to them; pairs with
    nothing in common are not aligned. Ties go to the assignment with more aligned pairs, then
    to the one with more equal names, so the order of entities never changes the score.
    ``name.acc`` is the share of aligned pairs whose names are equal after case folding and
    whitespace normalisation; ``name.e2e`` divides by the gold entities that could be aligned
    at all (those with a mention or a quote) instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from zitat.schema import Annotations, Quote, Span
from zitat.scoring.pair import DocumentPair
from zitat.scoring.prf import Accuracy, f1_of, safe_div

__all__ = [
    "SpeakerCounts",
    "align_entities",
    "attributed",
    "effective_mentions",
    "same_name",
    "speaker_counts",
]


def effective_mentions(annotations: Annotations) -> dict[str, frozenset[Span]]:
    """Entity id → its mentions plus the speaker spans of the quotes pointing to it."""
    mentions: dict[str, set[Span]] = {e.id: set(e.mentions) for e in annotations.entities}
    for q in annotations.quotes:
        if q.entity is not None:
            mentions[q.entity].update(q.speaker)
    return {k: frozenset(v) for k, v in mentions.items()}


def same_name(a: str, b: str) -> bool:
    """Names equal after case folding and collapsing whitespace."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _overlap(a: Iterable[Span], b: Iterable[Span]) -> bool:
    bs = list(b)
    return any(x.overlaps(y) for x in a for y in bs)


def attributed(
    gold: Quote, pred: Quote, gm: dict[str, frozenset[Span]], pm: dict[str, frozenset[Span]]
) -> bool:
    """Whether ``pred`` is attributed to the speaker of ``gold`` (see "Attribution" above).

    ``gm`` and ``pm`` are the :func:`effective_mentions` of the two sides.
    """
    g_spans = set(gold.speaker) | (gm[gold.entity] if gold.entity is not None else set())
    if pred.speaker:
        p_spans: frozenset[Span] | tuple[Span, ...] = pred.speaker
    else:
        p_spans = pm[pred.entity] if pred.entity is not None else ()
    if not g_spans and not p_spans:
        return (gold.entity is None) == (pred.entity is None)
    return _overlap(p_spans, g_spans)


def _clusters(mentions: dict[str, frozenset[Span]]) -> dict[Span, frozenset[Span]]:
    out: dict[Span, frozenset[Span]] = {}
    for spans in mentions.values():
        for span in spans:
            out[span] = out.get(span, frozenset()) | spans
    return out


def _b3(
    gold: dict[Span, frozenset[Span]], pred: dict[Span, frozenset[Span]]
) -> tuple[float, float]:
    """Sums of per-mention precision (over ``pred``) and recall (over ``gold``)."""
    empty: frozenset[Span] = frozenset()
    psum = sum(len(c & gold.get(m, empty)) / len(c) for m, c in pred.items())
    rsum = sum(len(c & pred.get(m, empty)) / len(c) for m, c in gold.items())
    return psum, rsum


@dataclass(frozen=True, slots=True)
class SpeakerCounts:
    """Additive statistics of :func:`speaker_counts`."""

    attribution: Accuracy = field(default_factory=Accuracy)
    gold_quotes: int = 0
    b3_psum: float = 0.0
    b3_pn: int = 0
    b3_rsum: float = 0.0
    b3_rn: int = 0
    name: Accuracy = field(default_factory=Accuracy)
    gold_entities: int = 0

    def __add__(self, other: SpeakerCounts) -> SpeakerCounts:
        if not isinstance(other, SpeakerCounts):
            return NotImplemented
        return SpeakerCounts(
            self.attribution + other.attribution,
            self.gold_quotes + other.gold_quotes,
            self.b3_psum + other.b3_psum,
            self.b3_pn + other.b3_pn,
            self.b3_rsum + other.b3_rsum,
            self.b3_rn + other.b3_rn,
            self.name + other.name,
            self.gold_entities + other.gold_entities,
        )

    @property
    def b3(self) -> tuple[float, float, float]:
        """B³ ``(P, R, F1)``."""
        p, r = safe_div(self.b3_psum, self.b3_pn), safe_div(self.b3_rsum, self.b3_rn)
        return p, r, f1_of(p, r)

    def stats(self) -> dict[str, float]:
        """Flat additive statistics (``speakers.attr.correct``, ``speakers.b3.psum``, ...)."""
        return {
            "speakers.attr.correct": self.attribution.correct,
            "speakers.attr.total": self.attribution.total,
            "speakers.attr.gold": self.gold_quotes,
            "speakers.b3.psum": self.b3_psum,
            "speakers.b3.pn": self.b3_pn,
            "speakers.b3.rsum": self.b3_rsum,
            "speakers.b3.rn": self.b3_rn,
            "speakers.name.correct": self.name.correct,
            "speakers.name.total": self.name.total,
            "speakers.name.gold": self.gold_entities,
        }


def align_entities(
    pair: DocumentPair, gm: dict[str, frozenset[Span]], pm: dict[str, frozenset[Span]]
) -> list[tuple[int, int]]:
    """Gold and predicted entities aligned one-to-one (see "Canonical names" above).

    Returns ``(gold entity index, predicted entity index)`` pairs with something in common.
    """
    gold, pred = pair.gold, pair.pred
    if not gold.entities or not pred.entities:
        return []
    g_index = {e.id: i for i, e in enumerate(gold.entities)}
    p_index = {e.id: j for j, e in enumerate(pred.entities)}
    shared = np.array(
        [[len(gm[g.id] & pm[p.id]) for p in pred.entities] for g in gold.entities], dtype=float
    )
    for gi, pi, _ in pair.alignment.pairs:
        ge, pe = gold.quotes[gi].entity, pred.quotes[pi].entity
        if ge is not None and pe is not None:
            shared[g_index[ge], p_index[pe]] += 1
    # Ties are broken the same way whatever the order of the entities: among the assignments
    # with the most in common, the one that aligns most pairs, then the one with most equal
    # names. Both tie-breakers together add less than 1, the smallest step of ``shared``.
    n = min(len(gold.entities), len(pred.entities)) + 1
    names = np.array(
        [[same_name(g.name, p.name) for p in pred.entities] for g in gold.entities], dtype=float
    )
    weight = shared + (shared > 0) * (1 + names / n) / n
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if shared[i, j] > 0]


def _name_matches(
    pair: DocumentPair, gm: dict[str, frozenset[Span]], pm: dict[str, frozenset[Span]]
) -> Accuracy:
    gold, pred = pair.gold, pair.pred
    pairs = align_entities(pair, gm, pm)
    correct = sum(same_name(gold.entities[i].name, pred.entities[j].name) for i, j in pairs)
    return Accuracy(correct, len(pairs))


def speaker_counts(pair: DocumentPair) -> SpeakerCounts:
    """Attribution, B³ and name statistics of one document (see the module docstring)."""
    gm, pm = effective_mentions(pair.gold), effective_mentions(pair.pred)
    quoted = {q.entity for q in pair.gold.quotes if q.entity is not None}
    aligned = pair.alignment.pairs
    correct = sum(
        attributed(pair.gold.quotes[g], pair.pred.quotes[p], gm, pm) for g, p, _ in aligned
    )
    gold_clusters, pred_clusters = _clusters(gm), _clusters(pm)
    psum, rsum = _b3(gold_clusters, pred_clusters)
    return SpeakerCounts(
        attribution=Accuracy(correct, len(aligned)),
        gold_quotes=len(pair.gold.quotes),
        b3_psum=psum,
        b3_pn=len(pred_clusters),
        b3_rsum=rsum,
        b3_rn=len(gold_clusters),
        name=_name_matches(pair, gm, pm),
        gold_entities=len({k for k, m in gm.items() if m} | quoted),
    )
