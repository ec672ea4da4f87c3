"""One document as several annotators labelled it: pairwise alignments, units and entities.

Pairs
    Two annotators' versions of a document are compared like gold and prediction in the
    harness: a :class:`~zitat.scoring.DocumentPair` with the earlier annotator (in the order
    given) on the gold side. Quotes are aligned one-to-one by token overlap F1 (Hungarian
    assignment, :mod:`zitat.scoring.matching`), pairs without a shared token are not aligned,
    and besides the scorer's type and medium tie-breakers a pair whose role spans are all equal
    gets a tiny bonus (:data:`ROLE_BONUS`), so that two quotes on the same spans (one frame,
    two speakers) pair with the version that has the same speaker.

Units
    A *unit* is one quotation across annotators: at most one quote per annotator. Units are
    built by constrained single-link clustering of the pairwise alignments: all aligned pairs
    of all annotator pairs, strongest overlap first (ties in annotator and quote order), join
    their clusters unless the two clusters already hold a quote of the same annotator. With
    two annotators the units are exactly the aligned pairs plus the unaligned quotes; with more,
    a unit may lack some annotators. Units are numbered ``u1``, ``u2`` … by position.

Entity clusters
    Speaker entities are aligned per annotator pair as the harness's speaker scorer aligns
    them (:func:`zitat.scoring.speakers.align_entities`: shared mentions plus aligned quotes
    attributed to them), then clustered across annotators the same way as quotes (more shared
    mentions first).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations

from zitat.errors import ValidationError
from zitat.schema import AnnotatedDocument, Annotations, Quote, Span, SpeakerEntity
from zitat.scoring.pair import DocumentPair
from zitat.scoring.speakers import align_entities, effective_mentions

__all__ = ["ROLE_BONUS", "DocumentView", "Unit", "constrained_clusters", "quote_stances"]

ROLE_BONUS = 0.0001
"""Alignment tie-breaker for equal role spans (smaller than the scorer's medium bonus)."""


def quote_stances(
    annotations: Annotations, doc_id: str, annotator: str
) -> dict[str, dict[str, str]]:
    """Quote id → target → polarity; raises if one quote has two polarities toward a target."""
    out: dict[str, dict[str, str]] = {}
    for s in annotations.stances:
        if s.quote is None:
            continue
        held = out.setdefault(s.quote, {})
        if held.get(s.target, s.polarity.value) != s.polarity.value:
            raise ValidationError(
                f"two polarities toward {s.target!r} for quote {s.quote!r}",
                obj=f"annotator {annotator!r}, Document {doc_id!r}",
                field="stances",
            )
        held[s.target] = s.polarity.value
    return out


def constrained_clusters(
    nodes: Sequence[tuple[str, int]],
    edges: Iterable[tuple[float, tuple[str, int], tuple[str, int]]],
    order: Sequence[str],
) -> list[list[tuple[str, int]]]:
    """Single-link clusters of ``(annotator, index)`` nodes with one node per annotator.

    ``edges`` are ``(weight, node, node)``; heavier edges are joined first, ties in annotator
    and index order. Each cluster is sorted by annotator order; clusters come in node order.
    """
    rank = {name: i for i, name in enumerate(order)}
    parent: dict[tuple[str, int], tuple[str, int]] = {n: n for n in nodes}
    members: dict[tuple[str, int], set[str]] = {n: {n[0]} for n in nodes}

    def find(n: tuple[str, int]) -> tuple[str, int]:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def key(e: tuple[float, tuple[str, int], tuple[str, int]]) -> tuple[object, ...]:
        w, a, b = e
        return (-w, rank[a[0]], a[1], rank[b[0]], b[1])

    for _, a, b in sorted(edges, key=key):
        ra, rb = find(a), find(b)
        if ra == rb or members[ra] & members[rb]:
            continue
        parent[rb] = ra
        members[ra] |= members.pop(rb)
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for n in nodes:
        groups.setdefault(find(n), []).append(n)
    return [sorted(g, key=lambda n: (rank[n[0]], n[1])) for g in groups.values()]


@dataclass(frozen=True, slots=True)
class Unit:
    """One quotation across annotators: ``members`` maps annotator → quote index."""

    id: str
    members: Mapping[str, int]
    start: int
    end: int


class DocumentView:
    """One document id with each annotator's annotations (annotators in the given order)."""

    def __init__(self, doc_id: str, docs: Mapping[str, AnnotatedDocument]) -> None:
        self.doc_id = doc_id
        self.docs = dict(docs)
        self.annotators: tuple[str, ...] = tuple(docs)
        first = next(iter(self.docs.values()))
        self.text: str = first.text
        self.document = first.document
        self._pairs: dict[tuple[str, str], DocumentPair] = {}

    def quotes(self, annotator: str) -> tuple[Quote, ...]:
        """The quotes of one annotator."""
        return self.docs[annotator].annotations.quotes

    def entities(self, annotator: str) -> tuple[SpeakerEntity, ...]:
        """The speaker entities of one annotator."""
        return self.docs[annotator].annotations.entities

    @cached_property
    def mentions(self) -> dict[str, dict[str, frozenset[Span]]]:
        """Annotator → entity id → its effective mentions (the speaker scorer's)."""
        return {a: effective_mentions(self.docs[a].annotations) for a in self.annotators}

    @cached_property
    def stances(self) -> dict[str, dict[str, dict[str, str]]]:
        """Annotator → :func:`quote_stances` of their annotations."""
        return {a: quote_stances(self.docs[a].annotations, self.doc_id, a) for a in self.annotators}

    def pair(self, a: str, b: str) -> DocumentPair:
        """``a`` (gold side) against ``b``; ``a`` must come before ``b`` in the order."""
        found = self._pairs.get((a, b))
        if found is None:
            found = self._pairs[(a, b)] = DocumentPair(
                self.docs[a], self.docs[b], role_bonus=ROLE_BONUS
            )
        return found

    def pairs(self) -> list[tuple[str, str]]:
        """All annotator pairs, in order."""
        return list(combinations(self.annotators, 2))

    @cached_property
    def units(self) -> tuple[Unit, ...]:
        """The quote units (see the module docstring), ordered by position."""
        nodes = [(a, i) for a in self.annotators for i in range(len(self.quotes(a)))]
        edges = [
            (f1, (a, gi), (b, pi))
            for a, b in self.pairs()
            for gi, pi, f1 in self.pair(a, b).alignment.pairs
        ]
        clusters = constrained_clusters(nodes, edges, self.annotators)

        def extent(cluster: list[tuple[str, int]]) -> tuple[int, int]:
            spans = [s for a, i in cluster for s in self.quotes(a)[i].spans]
            return min(s.start for s in spans), max(s.end for s in spans)

        placed = sorted(clusters, key=lambda c: (*extent(c), len(c)))
        return tuple(Unit(f"u{n}", dict(c), *extent(c)) for n, c in enumerate(placed, start=1))

    @cached_property
    def _unit_index(self) -> dict[tuple[str, int], Unit]:
        return {(a, i): u for u in self.units for a, i in u.members.items()}

    def unit_of(self, annotator: str, quote_index: int) -> Unit:
        """The unit holding one annotator's quote."""
        return self._unit_index[(annotator, quote_index)]

    @cached_property
    def entity_clusters(self) -> tuple[dict[str, int], ...]:
        """Clusters of speaker entities across annotators: annotator → entity index."""
        mentions = self.mentions
        nodes = [(a, i) for a in self.annotators for i in range(len(self.entities(a)))]
        edges = []
        for a, b in self.pairs():
            ents_a, ents_b = self.entities(a), self.entities(b)
            for i, j in align_entities(self.pair(a, b), mentions[a], mentions[b]):
                shared = len(mentions[a][ents_a[i].id] & mentions[b][ents_b[j].id])
                edges.append((float(shared), (a, i), (b, j)))
        clusters = constrained_clusters(nodes, edges, self.annotators)

        def first_mention(cluster: list[tuple[str, int]]) -> tuple[int, ...]:
            starts = [m.start for a, i in cluster for m in mentions[a][self.entities(a)[i].id]] or [
                len(self.text)
            ]
            return (min(starts),)

        return tuple(dict(c) for c in sorted(clusters, key=first_mention))
