"""Annotated documents as a Hugging Face ``datasets.Dataset`` with explicit features.

One row per document. Spans are ``{start, end}`` structs; quote types, media, entity kinds and
polarities are ``ClassLabel`` features; free-form ``meta`` is ``Json()``. Lists use ``List``
(not ``Sequence``, which would turn a list of structs into a struct of lists). Nothing here
reaches a hub: datasets are built in memory and saved/loaded from disk by the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Document,
    EntityKind,
    Medium,
    Polarity,
    Quote,
    QuoteType,
    Role,
    Span,
    SpeakerEntity,
    Stance,
    Token,
)

if TYPE_CHECKING:
    import datasets

__all__ = ["document_features", "from_dataset", "to_dataset"]


def document_features() -> datasets.Features:
    """The explicit ``Features`` of a zitat document dataset."""
    from datasets import ClassLabel, Features, Json, List, Value

    span = {"start": Value("int32"), "end": Value("int32")}
    quote = {
        "id": Value("string"),
        "type": ClassLabel(names=[t.value for t in QuoteType]),
        "medium": ClassLabel(names=[m.value for m in Medium]),
        "spans": List(span),
        **{r.value: List(span) for r in Role},
        "entity": Value("string"),
        "parent": Value("string"),
    }
    entity = {
        "id": Value("string"),
        "name": Value("string"),
        "kind": ClassLabel(names=[k.value for k in EntityKind]),
        "mentions": List(span),
        "external_id": Value("string"),
    }
    stance = {
        "target": Value("string"),
        "polarity": ClassLabel(names=[p.value for p in Polarity]),
        "quote": Value("string"),
        "entity": Value("string"),
        "evidence": List(span),
    }
    token = {
        "text": Value("string"),
        "start": Value("int32"),
        "end": Value("int32"),
        "id": Value("int32"),
        "ws": Value("bool"),
    }
    return Features(
        {
            "id": Value("string"),
            "text": Value("string"),
            "meta": Json(),
            "tokens": List(token),
            "sentences": List(span),
            "quotes": List(quote),
            "entities": List(entity),
            "stances": List(stance),
        }
    )


def _spans(spans: Iterable[Span]) -> list[dict[str, int]]:
    return [{"start": s.start, "end": s.end} for s in spans]


def _row(doc: AnnotatedDocument) -> dict[str, Any]:
    d, a = doc.document, doc.annotations
    return {
        "id": d.id,
        "text": d.text,
        "meta": dict(d.meta),
        "tokens": [
            {"text": t.text, "start": t.start, "end": t.end, "id": t.id, "ws": t.ws}
            for t in d.tokens
        ],
        "sentences": _spans(d.sentences),
        "quotes": [
            {
                "id": q.id,
                "type": q.type.value,
                "medium": q.medium.value,
                "spans": _spans(q.spans),
                **{r.value: _spans(q.role(r)) for r in Role},
                "entity": q.entity,
                "parent": q.parent,
            }
            for q in a.quotes
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind.value,
                "mentions": _spans(e.mentions),
                "external_id": e.external_id,
            }
            for e in a.entities
        ],
        "stances": [
            {
                "target": s.target,
                "polarity": s.polarity.value,
                "quote": s.quote,
                "entity": s.entity,
                "evidence": _spans(s.evidence),
            }
            for s in a.stances
        ],
    }


def to_dataset(docs: Iterable[AnnotatedDocument]) -> datasets.Dataset:
    """Build a ``datasets.Dataset`` (in memory, offline) from annotated documents."""
    from datasets import Dataset

    features = document_features()
    rows = [_row(d) for d in docs]
    encoded = [features.encode_example(r) for r in rows]
    columns = {name: [r[name] for r in encoded] for name in features}
    return Dataset.from_dict(columns, features=features)


def _from_spans(rows: Iterable[dict[str, int]]) -> tuple[Span, ...]:
    return tuple(Span(s["start"], s["end"]) for s in rows)


def _label(feature: Any, value: Any) -> str:
    return feature.int2str(value) if isinstance(value, int) else str(value)


def from_dataset(dataset: datasets.Dataset) -> Iterator[AnnotatedDocument]:
    """Turn the rows of a dataset made by :func:`to_dataset` back into documents."""
    feats = dataset.features
    qf, ef, sf = feats["quotes"].feature, feats["entities"].feature, feats["stances"].feature
    for row in dataset:
        document = Document(
            id=row["id"],
            text=row["text"],
            meta=row["meta"] or {},
            tokens=tuple(Token(**t) for t in row["tokens"]),
            sentences=_from_spans(row["sentences"]),
        )
        quotes = [
            Quote(
                id=q["id"],
                spans=_from_spans(q["spans"]),
                type=QuoteType(_label(qf["type"], q["type"])),
                medium=Medium(_label(qf["medium"], q["medium"])),
                entity=q["entity"],
                parent=q["parent"],
                **{r.value: _from_spans(q[r.value]) for r in Role},
            )
            for q in row["quotes"]
        ]
        entities = [
            SpeakerEntity(
                id=e["id"],
                name=e["name"],
                kind=EntityKind(_label(ef["kind"], e["kind"])),
                mentions=_from_spans(e["mentions"]),
                external_id=e["external_id"],
            )
            for e in row["entities"]
        ]
        stances = [
            Stance(
                target=s["target"],
                polarity=Polarity(_label(sf["polarity"], s["polarity"])),
                quote=s["quote"],
                entity=s["entity"],
                evidence=_from_spans(s["evidence"]),
            )
            for s in row["stances"]
        ]
        yield AnnotatedDocument(
            document, Annotations(tuple(quotes), tuple(entities), tuple(stances))
        )
