"""zitat's custom INCEpTION layers and the annotations they hold (the TSV's *view*).

=============================== ====== ==========================================
layer                           kind   features
=============================== ====== ==========================================
``webanno.custom.Quote``        span   ``entity``, ``medium``, ``quoteId``, ``quoteType``
``webanno.custom.QuoteRole``    span   ``quote`` (a quoteId), ``role``
``webanno.custom.SpeakerMention`` span ``entity``, ``externalId``, ``kind``, ``name``
``webanno.custom.QuoteRelation`` rel.  ``label`` (``nested``), attached to Quote
=============================== ====== ==========================================

Each part of a quote is one Quote annotation; the parts of a discontinuous quote share a
``quoteId``. Roles point to their quote by id; mentions to their entity by id (name, kind
and external id are repeated on each mention and must agree). A QuoteRelation labelled
``nested`` goes from the enclosing quote (governor) to the nested one (dependent).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from zitat.errors import ValidationError
from zitat.io.formats.graph import Guessed, Rebuilt
from zitat.schema import (
    Annotations,
    EntityKind,
    Medium,
    Quote,
    QuoteType,
    Role,
    Span,
    SpeakerEntity,
    Token,
)
from zitat.text.offsets import TokenIndex

__all__ = [
    "FEATURES",
    "MENTION",
    "NESTED",
    "QUOTE",
    "RELATION",
    "REQUIRED",
    "ROLE",
    "RelationAnno",
    "SpanAnno",
    "View",
    "make_view",
    "rebuild_view",
    "snap",
    "view_of",
]

QUOTE = "webanno.custom.Quote"
ROLE = "webanno.custom.QuoteRole"
MENTION = "webanno.custom.SpeakerMention"
RELATION = "webanno.custom.QuoteRelation"
NESTED = "nested"
FEATURES: dict[str, tuple[str, ...]] = {
    QUOTE: ("entity", "medium", "quoteId", "quoteType"),
    ROLE: ("quote", "role"),
    MENTION: ("entity", "externalId", "kind", "name"),
    RELATION: ("label",),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    QUOTE: ("quoteId", "quoteType"),
    ROLE: ("quote", "role"),
    MENTION: ("entity",),
    RELATION: (),
}


@dataclass(frozen=True)
class SpanAnno:
    """A span annotation of one of zitat's layers (code-point offsets).

    ``line`` and ``unit`` say where a reader found it (for error messages only).
    """

    layer: str
    start: int
    end: int
    values: tuple[tuple[str, str | None], ...]
    line: int = field(default=0, compare=False)
    unit: str = field(default="", compare=False)

    def get(self, name: str) -> str | None:
        """The value of feature ``name`` (None: not set)."""
        return dict(self.values).get(name)

    def key(self) -> tuple[object, ...]:
        """A sort key (unset values sort first)."""
        values = tuple((n, v is not None, v or "") for n, v in self.values)
        return (self.start, self.end, self.layer, values)

    def fail(self, message: str, name: str) -> ValidationError:
        """An error about feature ``name`` of this annotation, naming its line."""
        return ValidationError(
            message,
            obj=f"unit {self.unit}" if self.unit else None,
            field=f"{self.layer}.{name}",
            line=self.line or None,
        )


@dataclass(frozen=True)
class RelationAnno:
    """A QuoteRelation from ``source`` (governor) to ``target`` (dependent)."""

    source: SpanAnno
    target: SpanAnno
    label: str | None
    line: int = field(default=0, compare=False)
    unit: str = field(default="", compare=False)

    def key(self) -> tuple[object, ...]:
        """A sort key."""
        return (self.source.key(), self.target.key(), self.label is not None, self.label or "")


def make_view(spans: Iterable[SpanAnno], relations: Iterable[RelationAnno]) -> View:
    """A view with its annotations in a canonical order (so equal content compares equal)."""
    return View(
        tuple(sorted(spans, key=SpanAnno.key)), tuple(sorted(relations, key=RelationAnno.key))
    )


@dataclass(frozen=True)
class View:
    """Everything a TSV file shows of zitat's annotations; equal views, same file body."""

    spans: tuple[SpanAnno, ...]
    relations: tuple[RelationAnno, ...]


def snap(span: Span, index: TokenIndex) -> Span | None:
    """``span`` trimmed to the tokens it overlaps, as TSV can address it (None: no token)."""
    ids = index.token_ids(span)
    if not ids:
        return None
    first, last = index.tokens[ids[0]], index.tokens[ids[-1]]
    return Span(max(span.start, first.start), min(span.end, last.end))


def view_of(annotations: Annotations, tokens: Sequence[Token]) -> tuple[View, list[str]]:
    """The TSV view of ``annotations``, and notes on spans TSV cannot address."""
    index = TokenIndex(tokens)
    spans: list[SpanAnno] = []
    notes: list[str] = []

    def add(layer: str, span: Span, values: tuple[tuple[str, str | None], ...]) -> SpanAnno | None:
        snapped = snap(span, index)
        if snapped is None:
            notes.append(f"{layer} {span.start}-{span.end} covers no token")
            return None
        if snapped != span:
            notes.append(f"{layer} {span.start}-{span.end} shown as {snapped.start}-{snapped.end}")
        anno = SpanAnno(layer, snapped.start, snapped.end, values)
        spans.append(anno)
        return anno

    heads: dict[str, SpanAnno | None] = {}
    values: tuple[tuple[str, str | None], ...]
    for q in annotations.quotes:
        values = (
            ("entity", q.entity),
            ("medium", q.medium.value),
            ("quoteId", q.id),
            ("quoteType", q.type.value),
        )
        parts = [add(QUOTE, s, values) for s in q.spans]
        heads[q.id] = next((p for p in parts if p is not None), None)
        for role in Role:
            for s in q.role(role):
                add(ROLE, s, (("quote", q.id), ("role", role.value)))
    for e in annotations.entities:
        values = (
            ("entity", e.id),
            ("externalId", e.external_id),
            ("kind", e.kind.value),
            ("name", e.name),
        )
        for m in e.mentions:
            add(MENTION, m, values)
    relations = []
    for q in annotations.quotes:
        if q.parent is not None:
            outer, inner = heads[q.parent], heads[q.id]
            if outer is not None and inner is not None:
                relations.append(RelationAnno(outer, inner, NESTED))
    return make_view(spans, relations), notes


def _first(annos: Sequence[SpanAnno]) -> tuple[object, ...]:
    return min(a.key() for a in annos)


def _one(annos: Sequence[SpanAnno], name: str, what: str) -> str | None:
    """The value all ``annos`` give feature ``name`` (unset ones aside); raise if they differ."""
    found: SpanAnno | None = None
    for a in annos:
        value = a.get(name)
        if value is None:
            continue
        if found is None:
            found = a
        elif found.get(name) != value:
            raise a.fail(
                f"{what} has {name} {value!r} here but {found.get(name)!r} on line {found.line}",
                name,
            )
    return None if found is None else found.get(name)


def _label(anno: SpanAnno, name: str, allowed: Sequence[str]) -> None:
    value = anno.get(name)
    if value is not None and value not in allowed:
        raise anno.fail(f"unknown label {value!r}; expected one of: {', '.join(allowed)}", name)


def rebuild_view(view: View, text: str) -> Rebuilt:
    """Annotations from a view; errors name the line and the layer's feature.

    Ids, types, media, roles, nesting and entities come from the file; an entity's name
    (the first mention's text) and kind (``unknown``) and a quote's medium (``speech``) are
    guessed where no annotation sets them.
    """
    guessed: set[tuple[str, str, str]] = set()
    parts: dict[str, list[SpanAnno]] = defaultdict(list)
    roles: list[SpanAnno] = []
    mentions: dict[str, list[SpanAnno]] = defaultdict(list)
    for a in view.spans:
        for name in REQUIRED[a.layer]:
            if a.get(name) is None:
                raise a.fail("needs a value", name)
        if not text[a.start : a.end].strip():
            raise a.fail(f"span {a.start}-{a.end} covers only whitespace", "span")
        if a.layer == QUOTE:
            _label(a, "quoteType", [t.value for t in QuoteType])
            _label(a, "medium", [m.value for m in Medium])
            parts[str(a.get("quoteId"))].append(a)
        elif a.layer == ROLE:
            _label(a, "role", [r.value for r in Role])
            roles.append(a)
        else:
            _label(a, "kind", [k.value for k in EntityKind])
            mentions[str(a.get("entity"))].append(a)

    entities: dict[str, SpeakerEntity] = {}
    for eid, annos in mentions.items():
        first = min(annos, key=SpanAnno.key)
        given_name = _one(annos, "name", f"entity {eid!r}")
        kind = _one(annos, "kind", f"entity {eid!r}")
        if given_name is None:
            guessed.add(("entity", eid, "name"))
        if kind is None:
            guessed.add(("entity", eid, "kind"))
        entities[eid] = SpeakerEntity(
            id=eid,
            name=given_name or " ".join(text[first.start : first.end].split()),
            kind=EntityKind(kind) if kind else EntityKind.UNKNOWN,
            mentions=tuple(sorted({Span(a.start, a.end) for a in annos})),
            external_id=_one(annos, "externalId", f"entity {eid!r}"),
        )

    role_spans: dict[tuple[str, str], set[Span]] = defaultdict(set)
    for a in roles:
        qid = str(a.get("quote"))
        if qid not in parts:
            raise a.fail(f"no Quote has quoteId {qid!r}", "quote")
        role_spans[(qid, str(a.get("role")))].add(Span(a.start, a.end))

    parents: dict[str, str] = {}
    for r in view.relations:
        if r.label not in (None, NESTED):
            raise ValidationError(
                f"unknown label {r.label!r}; expected {NESTED!r}",
                obj=f"unit {r.unit}",
                field=f"{RELATION}.label",
                line=r.line or None,
            )
        outer, inner = str(r.source.get("quoteId")), str(r.target.get("quoteId"))
        if parents.get(inner, outer) != outer or outer == inner:
            problem = "itself" if outer == inner else f"both {parents[inner]!r} and {outer!r}"
            raise ValidationError(
                f"quote {inner!r} is nested in {problem}",
                obj=f"unit {r.unit}",
                field=f"{RELATION}.label",
                line=r.line or None,
            )
        parents[inner] = outer

    quotes = []
    for qid, annos in sorted(parts.items(), key=lambda item: (_first(item[1]), item[0])):
        qtype = _one(annos, "quoteType", f"quote {qid!r}")
        medium = _one(annos, "medium", f"quote {qid!r}")
        entity = _one(annos, "entity", f"quote {qid!r}")
        if medium is None:
            guessed.add(("quote", qid, "medium"))
        if entity is not None and entity not in entities:
            entities[entity] = SpeakerEntity(id=entity, name=entity, kind=EntityKind.UNKNOWN)
            guessed.update({("entity", entity, "name"), ("entity", entity, "kind")})
        quotes.append(
            Quote(
                id=qid,
                spans=tuple(sorted({Span(a.start, a.end) for a in annos})),
                type=QuoteType(str(qtype)),
                medium=Medium(medium) if medium else Medium.SPEECH,
                entity=entity,
                parent=parents.get(qid),
                **{r.value: tuple(sorted(role_spans[(qid, r.value)])) for r in Role},
            )
        )
    ordered = sorted(entities.values(), key=lambda e: (e.mentions[:1], e.id))
    return Rebuilt(Annotations(tuple(quotes), tuple(ordered)), Guessed(frozenset(guessed)))
