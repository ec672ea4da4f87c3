"""The ``zitat`` record: a document's full annotations, kept beside a tool's own data.

Annotation tools show spans and relations but not everything zitat knows (quote ids and
media in doccano, entity names, stances, document metadata …). Writers therefore add one
JSON object, the *record*, where the tool keeps unknown data untouched (a top-level key in
doccano, ``data.zitat`` in Label Studio, a ``#zitat=`` sentence-header line in WebAnno TSV).
Its offsets are always code points, whatever the tool counts in. Readers use the record
when the tool's own annotations still agree with it, and otherwise merge what still fits
(see :mod:`zitat.io.formats.reconcile`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from zitat.errors import ValidationError
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Quote,
    Role,
    Span,
    SpeakerEntity,
    Stance,
    Token,
)
from zitat.text.sentences import split_sentences
from zitat.text.tokens import tokenize

__all__ = ["RECORD_KEY", "RECORD_VERSION", "Record", "make_record", "read_record"]

RECORD_KEY = "zitat"
RECORD_VERSION = 1
T = TypeVar("T")


@dataclass(frozen=True)
class Record:
    """A decoded record: the document's id, metadata and annotations.

    ``tokens`` and ``sentences`` are None when the writer found them equal to what zitat
    computes from the text (so the reader computes them again).
    """

    id: str
    meta: dict[str, Any]
    annotations: Annotations
    tokens: tuple[Token, ...] | None = None
    sentences: tuple[Span, ...] | None = None


def _pairs(spans: Sequence[Span]) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def make_record(
    doc: AnnotatedDocument,
    *,
    tokens: bool = True,
    sentences: tuple[Span, ...] | None = None,
    text_prefix: str | None = None,
) -> dict[str, Any]:
    """The record of a prepared document (tokens and sentences filled in).

    ``tokens=False`` leaves tokens out (for formats that carry them). Sentences are kept
    when they differ from ``sentences``, what a reader gets without the record (default:
    zitat's own sentence split). ``text_prefix`` keeps leading text a format cannot
    reproduce (WebAnno TSV rebuilds it as spaces).
    """
    d, a = doc.document, doc.annotations
    record: dict[str, Any] = {"version": RECORD_VERSION, "id": d.id}
    if d.meta:
        record["meta"] = dict(d.meta)
    if text_prefix:
        record["text_prefix"] = text_prefix
    if tokens and d.tokens != tokenize(d.text):
        record["tokens"] = [[t.start, t.end, t.ws] for t in d.tokens]
    if d.sentences != (split_sentences(d.text) if sentences is None else sentences):
        record["sentences"] = _pairs(d.sentences)
    record["quotes"] = [
        {
            "id": q.id,
            "type": q.type.value,
            "medium": q.medium.value,
            "spans": _pairs(q.spans),
            **{r.value: _pairs(q.role(r)) for r in Role},
            "entity": q.entity,
            "parent": q.parent,
        }
        for q in a.quotes
    ]
    record["entities"] = [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind.value,
            "mentions": _pairs(e.mentions),
            "external_id": e.external_id,
        }
        for e in a.entities
    ]
    record["stances"] = [
        {
            "target": s.target,
            "polarity": s.polarity.value,
            "quote": s.quote,
            "entity": s.entity,
            "evidence": _pairs(s.evidence),
        }
        for s in a.stances
    ]
    return record


# -- reading -----------------------------------------------------------------------------------


def _fail(message: str, field: str) -> ValidationError:
    return ValidationError(message, field=field)


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _fail(f"expected an object, got {type(value).__name__}", where)
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(f"expected a list, got {type(value).__name__}", where)
    return value


def _span(pair: Any, text: str, at: str) -> Span:
    if not (isinstance(pair, list) and len(pair) == 2):
        raise _fail(f"expected [start, end], got {pair!r}", at)
    try:
        span = Span(pair[0], pair[1])
    except ValidationError as err:
        raise _fail(err.message, at) from None
    if span.end > len(text):
        raise _fail(f"span {span.start}-{span.end} lies outside the text ({len(text)})", at)
    return span


def _spans(value: Any, text: str, where: str) -> tuple[Span, ...]:
    return tuple(_span(pair, text, f"{where}[{i}]") for i, pair in enumerate(_list(value, where)))


def _build(factory: Callable[..., T], where: str, /, **kwargs: Any) -> T:
    try:
        return factory(**kwargs)
    except ValidationError as err:
        label = f"{err.obj}: " if err.obj else ""
        raise _fail(
            f"{label}{err.message}", f"{where}.{err.field}" if err.field else where
        ) from None


def read_record(raw: Any, text: str, *, where: str = RECORD_KEY) -> Record:
    """Decode and validate a record against the document text.

    Raises :class:`ValidationError` whose field names the place, e.g.
    ``zitat.quotes[2].spans[0]``; callers add the file, line and enclosing object.
    """
    z = _object(raw, where)
    version = z.get("version", RECORD_VERSION)
    if version != RECORD_VERSION:
        raise _fail(
            f"record version {version!r} is not supported (this zitat reads {RECORD_VERSION})",
            f"{where}.version",
        )
    doc_id = z.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise _fail(f"expected a non-empty string, got {doc_id!r}", f"{where}.id")
    meta = dict(_object(z.get("meta", {}), f"{where}.meta"))
    prefix = z.get("text_prefix")  # applied by the reader before the spans are checked
    if prefix is not None and not isinstance(prefix, str):
        raise _fail("expected a string", f"{where}.text_prefix")
    quotes = []
    for i, raw_q in enumerate(_list(z.get("quotes"), f"{where}.quotes")):
        at = f"{where}.quotes[{i}]"
        q = _object(raw_q, at)
        roles = {r.value: _spans(q.get(r.value), text, f"{at}.{r.value}") for r in Role}
        quotes.append(
            _build(
                Quote,
                at,
                id=q.get("id"),
                spans=_spans(q.get("spans"), text, f"{at}.spans"),
                type=q.get("type"),
                medium=q.get("medium", "speech"),
                entity=q.get("entity"),
                parent=q.get("parent"),
                **roles,
            )
        )
    entities = []
    for i, raw_e in enumerate(_list(z.get("entities"), f"{where}.entities")):
        at = f"{where}.entities[{i}]"
        e = _object(raw_e, at)
        entities.append(
            _build(
                SpeakerEntity,
                at,
                id=e.get("id"),
                name=e.get("name"),
                kind=e.get("kind", "person"),
                mentions=_spans(e.get("mentions"), text, f"{at}.mentions"),
                external_id=e.get("external_id"),
            )
        )
    stances = []
    for i, raw_s in enumerate(_list(z.get("stances"), f"{where}.stances")):
        at = f"{where}.stances[{i}]"
        s = _object(raw_s, at)
        stances.append(
            _build(
                Stance,
                at,
                target=s.get("target"),
                polarity=s.get("polarity"),
                quote=s.get("quote"),
                entity=s.get("entity"),
                evidence=_spans(s.get("evidence"), text, f"{at}.evidence"),
            )
        )
    annotations = _build(
        Annotations, where, quotes=tuple(quotes), entities=tuple(entities), stances=tuple(stances)
    )
    try:
        annotations.check_against(text)
    except ValidationError as err:
        raise _fail(f"{err.obj}: {err.message}", f"{where}.{err.field}") from None
    return Record(
        id=doc_id,
        meta=meta,
        annotations=annotations,
        tokens=_tokens(z["tokens"], text, f"{where}.tokens") if "tokens" in z else None,
        sentences=_spans(z["sentences"], text, f"{where}.sentences") if "sentences" in z else None,
    )


def _tokens(raw: Any, text: str, where: str) -> tuple[Token, ...]:
    tokens = []
    for i, item in enumerate(_list(raw, where)):
        at = f"{where}[{i}]"
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[2], bool)):
            raise _fail(f"expected [start, end, ws], got {item!r}", at)
        span = _span(item[:2], text, at)
        tokens.append(Token(span.text_in(text), span.start, span.end, i, item[2]))
    return tuple(tokens)
