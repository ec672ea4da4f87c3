"""zitat annotations as labelled regions and typed links, the way span-and-relation tools see them.

doccano and Label Studio show labelled stretches of text (*regions*) and arrows between
them (*links*). The labels are Prodigy's (see :mod:`zitat.io.prodigy`):

* each part of a quote is a region labelled by its type (``DIRECT``, ``INDIRECT`` …); the
  first part is the quote's *head*, and ``PART`` links lead from it to further parts;
* each role span is a region labelled ``CUE``, ``FRAME``, ``SPEAKER`` or ``ADDRESSEE``,
  linked from the head by a link of the same name;
* a nested quote's head has a ``NESTED_IN`` link to the enclosing quote's head;
* each mention of a speaker entity is a ``MENTION`` region; ``COREF`` links lead from an
  entity's first mention to its others.

:func:`project` turns annotations into such a graph; :func:`rebuild` turns a graph back
into annotations, filling in (and listing as *guessed*) what the graph cannot say.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from zitat.errors import ValidationError
from zitat.io.prodigy import COREF, MENTION, NESTED_IN, PART, QUOTE_LABELS, ROLE_LABELS
from zitat.schema import (
    Annotations,
    EntityKind,
    Medium,
    Quote,
    Role,
    Span,
    SpeakerEntity,
)

__all__ = [
    "LINK_LABELS",
    "REGION_LABELS",
    "Graph",
    "Guessed",
    "Link",
    "Rebuilt",
    "Region",
    "check_link",
    "number_copies",
    "project",
    "rebuild",
]

REGION_LABELS: tuple[str, ...] = (*QUOTE_LABELS, *ROLE_LABELS, MENTION)
LINK_LABELS: tuple[str, ...] = (PART, *ROLE_LABELS, NESTED_IN, COREF)


@dataclass(frozen=True, order=True, slots=True)
class Region:
    """A labelled stretch of text (code points).

    ``medium`` is set (non-empty) only where a tool shows it. ``copy`` tells apart regions
    that are otherwise equal: each quote has its own part regions and each entity its own
    mention regions, so two quotes with the same first span stay two quotes.
    """

    start: int
    end: int
    label: str
    medium: str = ""
    copy: int = 0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, order=True, slots=True)
class Link:
    """A typed arrow from one region to another."""

    source: Region
    target: Region
    label: str


@dataclass(frozen=True)
class Graph:
    """Regions and links; equal graphs mean the tool shows the same annotations."""

    regions: frozenset[Region]
    links: frozenset[Link]


def number_copies(regions: Iterable[Region]) -> list[Region]:
    """``regions`` (in file order) with ``copy`` counting earlier regions equal but for it."""
    seen: Counter[Region] = Counter()
    out = []
    for r in regions:
        key = replace(r, copy=0)
        out.append(replace(r, copy=seen[key]))
        seen[key] += 1
    return out


def project(annotations: Annotations, *, medium: bool = False) -> Graph:
    """The regions and links that show ``annotations`` (``medium``: put it on quote regions)."""
    regions: set[Region] = set()
    links: set[Link] = set()
    heads: dict[str, Region] = {}
    copies: Counter[Region] = Counter()

    def own(region: Region) -> Region:
        """A region no earlier quote or entity has."""
        copy = copies[region]
        copies[region] += 1
        return replace(region, copy=copy)

    for q in annotations.quotes:
        label = q.type.value.upper()
        tag = q.medium.value if medium else ""
        parts = [own(Region(s.start, s.end, label, tag)) for s in q.spans]
        regions.update(parts)
        heads[q.id] = parts[0]
        links.update(Link(parts[0], p, PART) for p in parts[1:] if p != parts[0])
        for role in Role:
            name = role.value.upper()
            for s in q.role(role):
                target = Region(s.start, s.end, name)
                regions.add(target)
                links.add(Link(parts[0], target, name))
    for q in annotations.quotes:
        if q.parent is not None:
            links.add(Link(heads[q.id], heads[q.parent], NESTED_IN))
    for e in annotations.entities:
        mentions = [own(Region(m.start, m.end, MENTION)) for m in e.mentions]
        regions.update(mentions)
        links.update(Link(mentions[0], m, COREF) for m in mentions[1:])
    return Graph(frozenset(regions), frozenset(links))


def check_link(source: str, target: str, label: str) -> str | None:
    """Why a link of ``label`` from a ``source`` region to a ``target`` region is wrong, or None."""
    if label not in LINK_LABELS:
        return f"unknown relation {label!r}; expected one of: {', '.join(LINK_LABELS)}"
    if label == COREF:
        if source != MENTION or target != MENTION:
            return f"{COREF} links two {MENTION} regions, not {source} and {target}"
        return None
    if source not in QUOTE_LABELS:
        return f"{label} must start at a quote region ({', '.join(QUOTE_LABELS)}), not {source}"
    if label == PART and target != source:
        return f"a {PART} of a {source} quote must be labelled {source}, not {target}"
    if label == NESTED_IN and target not in QUOTE_LABELS:
        return f"{NESTED_IN} must point at a quote region, not {target}"
    if label in ROLE_LABELS and target != label:
        return f"a {label} link must point at a {label} region, not {target}"
    return None


@dataclass(frozen=True)
class Guessed:
    """Fields :func:`rebuild` had to make up: ``(kind, id, field)`` with kind quote/entity."""

    items: frozenset[tuple[str, str, str]] = field(default_factory=frozenset)

    def __contains__(self, item: object) -> bool:
        return item in self.items

    def count(self, kind: str, name: str) -> int:
        """How many objects of ``kind`` had ``name`` guessed."""
        return sum(1 for k, _, f in self.items if k == kind and f == name)


@dataclass(frozen=True)
class Rebuilt:
    """Annotations rebuilt from a tool's data, and which of their fields were guessed."""

    annotations: Annotations
    guessed: Guessed


class _Parts:
    """Union of regions into quotes along PART links."""

    def __init__(self, quote_regions: Iterable[Region], links: Iterable[Link]) -> None:
        self.regions = sorted(quote_regions)
        self.children: dict[Region, list[Region]] = defaultdict(list)
        targets: set[Region] = set()
        for link in links:
            if link.label == PART:
                self.children[link.source].append(link.target)
                targets.add(link.target)
        self.heads = [r for r in self.regions if r not in targets]

    def members(self, head: Region) -> list[Region]:
        seen = {head}
        todo = [head]
        while todo:
            for child in self.children[todo.pop()]:
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return sorted(seen)


def rebuild(graph: Graph, text: str) -> Rebuilt:
    """Annotations from a graph whose links passed :func:`check_link`.

    Quote ids (``q1`` …, in text order), entity ids (``e1`` …), entity names (the first
    mention's text), kinds (``unknown``), media (when regions carry none) and each quote's
    entity (the entity with a mention equal to one of the quote's speaker spans) are
    guessed and listed in :attr:`Rebuilt.guessed`.
    """
    guessed: set[tuple[str, str, str]] = set()
    quote_regions = [r for r in graph.regions if r.label in QUOTE_LABELS]
    parts = _Parts(quote_regions, graph.links)
    quote_of: dict[Region, list[str]] = defaultdict(list)
    members: dict[str, list[Region]] = {}
    for n, head in enumerate(parts.heads, start=1):
        qid = f"q{n}"
        members[qid] = parts.members(head)
        for region in members[qid]:
            quote_of[region].append(qid)
    stray = [r for r in quote_regions if r not in quote_of]
    if stray:
        r = min(stray)
        raise ValidationError(
            f"{PART} relations form a cycle: no first part for the {r.label} region "
            f"{r.start}-{r.end}",
            field="relations",
        )

    outgoing: dict[str, list[Link]] = defaultdict(list)
    for link in graph.links:
        for qid in quote_of.get(link.source, ()):
            outgoing[qid].append(link)

    entities, entity_of_span = _entities(graph, text, guessed)
    quotes = []
    for qid, regions in members.items():
        roles = {
            role.value: tuple(
                sorted({lk.target.span for lk in outgoing[qid] if lk.label == role.value.upper()})
            )
            for role in Role
        }
        parents = {p for lk in outgoing[qid] if lk.label == NESTED_IN for p in quote_of[lk.target]}
        parents.discard(qid)
        if len(parents) > 1:
            head = regions[0]
            raise ValidationError(
                f"the quote at {head.start}-{head.end} is {NESTED_IN} more than one quote",
                field="relations",
            )
        media = {r.medium for r in regions if r.medium}
        if len(media) > 1:
            head = regions[0]
            raise ValidationError(
                f"the parts of the quote at {head.start}-{head.end} have different media: "
                + ", ".join(sorted(media)),
                field="medium",
            )
        if not media:
            guessed.add(("quote", qid, "medium"))
        entity = next((entity_of_span[s] for s in roles["speaker"] if s in entity_of_span), None)
        guessed.update({("quote", qid, "id"), ("quote", qid, "entity")})
        quotes.append(
            Quote(
                id=qid,
                spans=tuple(r.span for r in regions),
                type=QUOTE_LABELS[regions[0].label],
                medium=Medium(media.pop()) if media else Medium.SPEECH,
                entity=entity,
                parent=parents.pop() if parents else None,
                **roles,
            )
        )
    annotations = Annotations(quotes=tuple(quotes), entities=tuple(entities))
    return Rebuilt(annotations, Guessed(frozenset(guessed)))


def _entities(
    graph: Graph, text: str, guessed: set[tuple[str, str, str]]
) -> tuple[list[SpeakerEntity], dict[Span, str]]:
    mentions = sorted(r for r in graph.regions if r.label == MENTION)
    parent = {m: m for m in mentions}

    def find(m: Region) -> Region:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for link in graph.links:
        if link.label == COREF:
            a, b = find(link.source), find(link.target)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[Region, list[Region]] = defaultdict(list)
    for m in mentions:
        groups[find(m)].append(m)
    entities = []
    entity_of_span: dict[Span, str] = {}
    for n, group in enumerate(sorted(groups.values()), start=1):
        eid = f"e{n}"
        first = group[0].span.text_in(text).strip()
        entities.append(
            SpeakerEntity(
                id=eid,
                name=" ".join(first.split()),
                kind=EntityKind.UNKNOWN,
                mentions=tuple(m.span for m in group),
            )
        )
        guessed.update({("entity", eid, f) for f in ("id", "name", "kind", "external_id")})
        for m in group:
            entity_of_span.setdefault(m.span, eid)
    return entities, entity_of_span
