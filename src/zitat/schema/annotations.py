"""Quotations, speaker entities, stances and the per-document container."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from zitat.errors import ValidationError
from zitat.schema._check import as_enum, as_str, as_tuple, check_unique, set_attr
from zitat.schema.document import Document
from zitat.schema.labels import EntityKind, Medium, Polarity, QuoteType, Role
from zitat.schema.span import Span, check_spans

__all__ = ["AnnotatedDocument", "Annotations", "Quote", "SpeakerEntity", "Stance"]

ROLE_FIELDS: tuple[str, ...] = tuple(r.value for r in Role)


def _span_tuple(obj: Any, name: str, label: str, *, required: bool = False) -> None:
    spans = as_tuple(getattr(obj, name), obj=label, field=name)
    for i, span in enumerate(spans):
        if not isinstance(span, Span):
            raise ValidationError(
                f"expected a Span, got {type(span).__name__}", obj=label, field=f"{name}[{i}]"
            )
    if required and not spans:
        raise ValidationError("needs at least one span", obj=label, field=name)
    set_attr(obj, name, tuple(sorted(spans)))


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: the reported content and its roles.

    ``spans`` holds the content (several spans when a frame interrupts it). ``cue``, ``frame``,
    ``speaker`` and ``addressee`` hold the role spans, possibly discontinuous. ``entity`` points
    to the :class:`SpeakerEntity` that said it (None: unattributed). ``parent`` is the id of the
    quotation this one is nested in (a direct quote inside indirect speech).
    """

    id: str
    spans: tuple[Span, ...]
    type: QuoteType
    medium: Medium = Medium.SPEECH
    cue: tuple[Span, ...] = ()
    frame: tuple[Span, ...] = ()
    speaker: tuple[Span, ...] = ()
    addressee: tuple[Span, ...] = ()
    entity: str | None = None
    parent: str | None = None

    def __post_init__(self) -> None:
        label = f"Quote {self.id!r}"
        as_str(self.id, obj=label, field="id")
        _span_tuple(self, "spans", label, required=True)
        for role in ROLE_FIELDS:
            _span_tuple(self, role, label)
        set_attr(self, "type", as_enum(QuoteType, self.type, obj=label, field="type"))
        set_attr(self, "medium", as_enum(Medium, self.medium, obj=label, field="medium"))
        as_str(self.entity, obj=label, field="entity", optional=True)
        as_str(self.parent, obj=label, field="parent", optional=True)
        if self.parent == self.id:
            raise ValidationError("a quote cannot be nested in itself", obj=label, field="parent")

    def role(self, role: Role | str) -> tuple[Span, ...]:
        """The spans of one role."""
        return getattr(self, Role(role).value)  # type: ignore[no-any-return]

    def text_in(self, text: str, sep: str = " … ") -> str:
        """The quoted content, parts joined by ``sep``."""
        return sep.join(s.text_in(text) for s in self.spans)

    def with_(self, **changes: Any) -> Quote:
        """A copy with some fields replaced."""
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class SpeakerEntity:
    """All mentions of one speaker in a document, with a canonical name and a kind."""

    id: str
    name: str
    kind: EntityKind = EntityKind.PERSON
    mentions: tuple[Span, ...] = ()
    external_id: str | None = None

    def __post_init__(self) -> None:
        label = f"SpeakerEntity {self.id!r}"
        as_str(self.id, obj=label, field="id")
        as_str(self.name, obj=label, field="name")
        set_attr(self, "kind", as_enum(EntityKind, self.kind, obj=label, field="kind"))
        _span_tuple(self, "mentions", label)
        as_str(self.external_id, obj=label, field="external_id", optional=True)


@dataclass(frozen=True, slots=True)
class Stance:
    """A polarity toward a declared target, held by a quote or by a speaker entity."""

    target: str
    polarity: Polarity
    quote: str | None = None
    entity: str | None = None
    evidence: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        label = _stance_label(self)
        as_str(self.target, obj=label, field="target")
        set_attr(self, "polarity", as_enum(Polarity, self.polarity, obj=label, field="polarity"))
        as_str(self.quote, obj=label, field="quote", optional=True)
        as_str(self.entity, obj=label, field="entity", optional=True)
        if self.quote is None and self.entity is None:
            raise ValidationError("needs a quote or an entity", obj=label, field="quote")
        _span_tuple(self, "evidence", label)

    @property
    def holder(self) -> tuple[str, str]:
        """``("quote", id)`` or ``("entity", id)``: what holds the stance."""
        return ("quote", self.quote) if self.quote is not None else ("entity", str(self.entity))


def _stance_label(stance: Stance) -> str:
    return f"Stance ({stance.quote or stance.entity} -> {stance.target})"


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything annotated in one document: quotes, speaker entities and stances."""

    quotes: tuple[Quote, ...] = ()
    entities: tuple[SpeakerEntity, ...] = ()
    stances: tuple[Stance, ...] = ()

    def __post_init__(self) -> None:
        for name, kind in (("quotes", Quote), ("entities", SpeakerEntity), ("stances", Stance)):
            items = as_tuple(getattr(self, name), obj="Annotations", field=name)
            for i, item in enumerate(items):
                if not isinstance(item, kind):
                    raise ValidationError(
                        f"expected {kind.__name__}, got {type(item).__name__}",
                        obj="Annotations",
                        field=f"{name}[{i}]",
                    )
            set_attr(self, name, items)
        check_unique((q.id for q in self.quotes), obj="Annotations", field="quotes")
        check_unique((e.id for e in self.entities), obj="Annotations", field="entities")
        self._check_references()

    def _check_references(self) -> None:
        quote_ids = {q.id for q in self.quotes}
        entity_ids = {e.id for e in self.entities}
        for q in self.quotes:
            label = f"Quote {q.id!r}"
            if q.entity is not None and q.entity not in entity_ids:
                raise ValidationError(f"unknown entity {q.entity!r}", obj=label, field="entity")
            if q.parent is not None and q.parent not in quote_ids:
                raise ValidationError(f"unknown quote {q.parent!r}", obj=label, field="parent")
        parents = {q.id: q.parent for q in self.quotes}
        for start, first in parents.items():
            seen = {start}
            node = first
            while node is not None:
                if node in seen:
                    raise ValidationError(
                        "nesting forms a cycle", obj=f"Quote {start!r}", field="parent"
                    )
                seen.add(node)
                node = parents[node]
        for s in self.stances:
            label = _stance_label(s)
            if s.quote is not None and s.quote not in quote_ids:
                raise ValidationError(f"unknown quote {s.quote!r}", obj=label, field="quote")
            if s.entity is not None and s.entity not in entity_ids:
                raise ValidationError(f"unknown entity {s.entity!r}", obj=label, field="entity")

    def check_against(self, text: str, *, targets: Collection[str] | None = None) -> None:
        """Raise if a span lies outside ``text`` or a stance names a target not in ``targets``."""
        for q in self.quotes:
            label = f"Quote {q.id!r}"
            check_spans(q.spans, text, obj=label, field="spans")
            for role in ROLE_FIELDS:
                check_spans(getattr(q, role), text, obj=label, field=role)
        for e in self.entities:
            check_spans(e.mentions, text, obj=f"SpeakerEntity {e.id!r}", field="mentions")
        for s in self.stances:
            label = _stance_label(s)
            check_spans(s.evidence, text, obj=label, field="evidence")
            if targets is not None and s.target not in targets:
                raise ValidationError(
                    f"unknown target {s.target!r}; the inventory has: {', '.join(sorted(targets))}",
                    obj=label,
                    field="target",
                )

    def quote(self, quote_id: str) -> Quote:
        """The quote with this id."""
        for q in self.quotes:
            if q.id == quote_id:
                return q
        raise KeyError(quote_id)

    def entity(self, entity_id: str) -> SpeakerEntity:
        """The speaker entity with this id."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    def with_(self, **changes: Any) -> Annotations:
        """A copy with some fields replaced."""
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """A document with its annotations, checked against each other on construction."""

    document: Document
    annotations: Annotations = Annotations()

    def __post_init__(self) -> None:
        if not isinstance(self.document, Document):
            raise ValidationError("expected a Document", obj="AnnotatedDocument", field="document")
        if not isinstance(self.annotations, Annotations):
            raise ValidationError(
                "expected Annotations", obj="AnnotatedDocument", field="annotations"
            )
        try:
            self.annotations.check_against(self.document.text)
        except ValidationError as err:
            raise err.inside(f"Document {self.document.id!r}") from None

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def text(self) -> str:
        return self.document.text
