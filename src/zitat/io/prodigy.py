"""Documents with annotations as Prodigy tasks (one JSON object per document).

A record has Prodigy's keys — ``text``, ``tokens``, ``spans``, ``relations``, ``meta``,
``answer``, ``_input_hash``, ``_task_hash`` — plus a ``zitat`` key that Prodigy carries along
untouched. ``spans`` holds every annotated stretch once, labelled by quote type (``DIRECT``,
``INDIRECT`` …) or role (``CUE``, ``FRAME``, ``SPEAKER``, ``ADDRESSEE``), ``MENTION`` for entity
mentions that are no speaker role and ``EVIDENCE`` for stance evidence. ``zitat`` holds the
structure, pointing into ``spans`` by index: quotes (type, medium, parts, roles, entity,
nesting), speaker entities, stances and sentence boundaries. ``relations`` repeats the quote
structure as arcs so Prodigy's relations interface can show it; when a record has no ``zitat``
key (plain Prodigy output) the structure is rebuilt from ``spans`` and ``relations``.
The document id is ``meta["doc_id"]``; keys Prodigy adds (``_annotator_id``, ``_session_id`` …)
are kept in ``Document.meta["prodigy"]`` and written back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from zitat.errors import ValidationError
from zitat.io.hashing import input_hash, task_hash
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Document,
    EntityKind,
    Quote,
    QuoteType,
    Role,
    Span,
    SpeakerEntity,
    Stance,
    Token,
)
from zitat.text.offsets import TokenIndex
from zitat.text.prepare import prepare

__all__ = [
    "EVIDENCE",
    "FORMAT_VERSION",
    "MENTION",
    "SPAN_LABELS",
    "document_to_record",
    "record_to_document",
    "relation_arcs",
]

FORMAT_VERSION = 1
MENTION = "MENTION"
EVIDENCE = "EVIDENCE"
QUOTE_LABELS: dict[str, QuoteType] = {t.value.upper(): t for t in QuoteType}
ROLE_LABELS: dict[str, Role] = {r.value.upper(): r for r in Role}
SPAN_LABELS: frozenset[str] = frozenset({*QUOTE_LABELS, *ROLE_LABELS, MENTION, EVIDENCE})
PART = "PART"  # relation: first part of a quote -> a further part
NESTED_IN = "NESTED_IN"  # relation: nested quote -> enclosing quote
COREF = "COREF"  # relation: a mention -> the entity's first mention
_KNOWN_KEYS = frozenset(
    {"text", "tokens", "spans", "relations", "meta", "answer", "_input_hash", "_task_hash", "zitat"}
)


# -- writing ---------------------------------------------------------------------------------


class _SpanTable:
    """Collects spans once per (start, end, label) and hands out their indices."""

    def __init__(self, index: TokenIndex) -> None:
        self._index = index
        self._keys: dict[tuple[int, int, str], int] = {}

    def add(self, span: Span, label: str) -> int:
        key = (span.start, span.end, label)
        if key not in self._keys:
            self._keys[key] = len(self._keys)
        return self._keys[key]

    def finish(self) -> tuple[list[dict[str, Any]], dict[int, int]]:
        """The sorted span dicts and a map from insertion index to sorted position."""
        ordered = sorted(self._keys, key=lambda k: (k[0], -k[1], k[2]))
        spans = []
        for start, end, label in ordered:
            tok_start, tok_end = self._index.covering(Span(start, end))
            spans.append(
                {
                    "start": start,
                    "end": end,
                    "token_start": tok_start,
                    "token_end": tok_end,
                    "label": label,
                }
            )
        position = {self._keys[k]: i for i, k in enumerate(ordered)}
        return spans, position


def document_to_record(doc: AnnotatedDocument) -> dict[str, Any]:
    """The Prodigy task for one annotated document."""
    document = prepare(doc.document)
    ann = doc.annotations
    table = _SpanTable(TokenIndex(document.tokens))

    quotes_raw = []
    for q in ann.quotes:
        entry: dict[str, Any] = {
            "id": q.id,
            "type": q.type.value,
            "medium": q.medium.value,
            "spans": [table.add(s, q.type.value.upper()) for s in q.spans],
        }
        for role in Role:
            entry[role.value] = [table.add(s, role.value.upper()) for s in q.role(role)]
        entry["entity"] = q.entity
        entry["parent"] = q.parent
        quotes_raw.append(entry)

    speaker_spans = {(s.start, s.end) for q in ann.quotes for s in q.speaker}
    entities_raw = [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind.value,
            "mentions": [
                table.add(m, "SPEAKER" if (m.start, m.end) in speaker_spans else MENTION)
                for m in e.mentions
            ],
            "external_id": e.external_id,
        }
        for e in ann.entities
    ]
    stances_raw = [
        {
            "target": s.target,
            "polarity": s.polarity.value,
            "quote": s.quote,
            "entity": s.entity,
            "evidence": [table.add(ev, EVIDENCE) for ev in s.evidence],
        }
        for s in ann.stances
    ]
    spans, pos = table.finish()

    def remap(indices: Any) -> list[int]:
        return [pos[i] for i in indices]

    for entry in quotes_raw:
        for key in ("spans", *(r.value for r in Role)):
            entry[key] = remap(entry[key])
    for entry in entities_raw:
        entry["mentions"] = remap(entry["mentions"])
    for entry in stances_raw:
        entry["evidence"] = remap(entry["evidence"])

    meta = dict(document.meta)
    prodigy_extra = meta.pop("prodigy", None)
    if "doc_id" in meta and meta["doc_id"] != document.id:
        raise ValidationError(
            "meta key 'doc_id' is reserved for the document id",
            obj=f"Document {document.id!r}",
            field="meta.doc_id",
        )
    meta["doc_id"] = document.id
    record: dict[str, Any] = {
        "text": document.text,
        "meta": meta,
        "tokens": [
            {"text": t.text, "start": t.start, "end": t.end, "id": t.id, "ws": t.ws}
            for t in document.tokens
        ],
        "spans": spans,
        "relations": relation_arcs(spans, quotes_raw, entities_raw),
        "answer": "accept",
        "zitat": {
            "version": FORMAT_VERSION,
            "sentences": [[s.start, s.end] for s in document.sentences],
            "quotes": quotes_raw,
            "entities": entities_raw,
            "stances": stances_raw,
        },
    }
    if isinstance(prodigy_extra, Mapping):
        for key, value in prodigy_extra.items():
            record.setdefault(key, value)
    record["_input_hash"] = input_hash(record)
    record["_task_hash"] = task_hash(record)
    return record


def _arc(spans: list[dict[str, Any]], head: int, child: int, label: str) -> dict[str, Any]:
    head_span, child_span = spans[head], spans[child]
    return {
        "head": head_span["token_end"],
        "child": child_span["token_end"],
        "head_span": dict(head_span),
        "child_span": dict(child_span),
        "label": label,
    }


def relation_arcs(
    spans: list[dict[str, Any]],
    quotes: Sequence[Mapping[str, Any]],
    entities: Sequence[Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """The Prodigy relations that show ``quotes`` and ``entities`` between ``spans``.

    ``quotes`` and ``entities`` are in the shape of the ``zitat`` key (``spans``, the role
    names, ``parent``; ``mentions``), their span indices pointing into ``spans``: ``PART``
    from a quote's first span to each further one, a role arc from it to each role span,
    ``NESTED_IN`` to the first span of its parent, ``COREF`` from an entity's first mention
    to each further one.
    """
    first = {q["id"]: q["spans"][0] for q in quotes}
    arcs = []
    for q in quotes:
        head = q["spans"][0]
        arcs += [_arc(spans, head, part, PART) for part in q["spans"][1:]]
        for role in Role:
            arcs += [_arc(spans, head, i, role.value.upper()) for i in q[role.value]]
        if q["parent"] is not None:
            arcs.append(_arc(spans, head, first[q["parent"]], NESTED_IN))
    for e in entities:
        arcs += [_arc(spans, e["mentions"][0], m, COREF) for m in e["mentions"][1:]]
    return arcs


# -- reading ---------------------------------------------------------------------------------


def _require(record: Mapping[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    if key not in record:
        raise ValidationError("missing", obj="record", field=key)
    value = record[key]
    if not isinstance(value, kind):
        raise ValidationError(
            f"expected {_kind(kind)}, got {type(value).__name__}", obj="record", field=key
        )
    return value


def _kind(kind: type | tuple[type, ...]) -> str:
    names = {list: "a list", dict: "an object", str: "a string", int: "an integer"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _read_tokens(raw: Any, text: str) -> tuple[Token, ...]:
    if not isinstance(raw, list):
        raise ValidationError("expected a list", obj="record", field="tokens")
    tokens = []
    for i, t in enumerate(raw):
        where = f"tokens[{i}]"
        if not isinstance(t, dict):
            raise ValidationError("expected an object", obj="record", field=where)
        try:
            start, end = int(t["start"]), int(t["end"])
            tok_text = t.get("text", text[start:end])
            tok_id = int(t.get("id", i))
            ws = bool(t.get("ws", end < len(text) and text[end : end + 1].isspace()))
        except (KeyError, TypeError, ValueError) as err:
            raise ValidationError(f"bad token: {err!r}", obj="record", field=where) from None
        tokens.append(Token(text=tok_text, start=start, end=end, id=tok_id, ws=ws))
    return tuple(tokens)


def _read_spans(raw: Any, index: TokenIndex, text: str) -> list[tuple[Span, str]]:
    if not isinstance(raw, list):
        raise ValidationError("expected a list", obj="record", field="spans")
    spans = []
    for i, s in enumerate(raw):
        where = f"spans[{i}]"
        if not isinstance(s, dict):
            raise ValidationError("expected an object", obj="record", field=where)
        for key in ("start", "end", "label"):
            if key not in s:
                raise ValidationError("missing", obj="record", field=f"{where}.{key}")
        label = s["label"]
        if label not in SPAN_LABELS:
            raise ValidationError(
                f"unknown label {label!r}; expected one of: {', '.join(sorted(SPAN_LABELS))}",
                obj="record",
                field=f"{where}.label",
            )
        span = _span_in(text, s["start"], s["end"], where, name_key=True)
        if "token_start" in s or "token_end" in s:
            try:
                expected = index.covering(span)
            except ValidationError as err:
                raise ValidationError(err.message, obj="record", field=where) from None
            for key, want in zip(("token_start", "token_end"), expected, strict=True):
                if key in s and s[key] != want:
                    raise ValidationError(
                        f"{key} {s[key]!r} disagrees with the character offsets "
                        f"{span.start}-{span.end}, which give {key} {want} "
                        "(token_end is inclusive, end is exclusive)",
                        obj="record",
                        field=f"{where}.{key}",
                    )
        spans.append((span, label))
    return spans


def _span_in(text: str, start: Any, end: Any, where: str, *, name_key: bool) -> Span:
    """The record's span ``start``-``end``, checked to lie inside ``text``.

    Errors name ``where``, followed by the key at fault (``.start``, ``.end``) if ``name_key``.
    """
    try:
        span = Span(start, end)
    except ValidationError as err:  # name the record's own key, not Span's
        field = f"{where}.{err.field}" if name_key else where
        raise ValidationError(err.message, obj="record", field=field) from None
    if span.end > len(text):
        raise ValidationError(
            f"span {span.start}-{span.end} lies outside the text (length {len(text)})",
            obj="record",
            field=f"{where}.end" if name_key else where,
        )
    return span


def _indices(
    value: Any, spans: Sequence[tuple[Span, str]], where: str, labels: Iterable[str] | None = None
) -> tuple[Span, ...]:
    if not isinstance(value, list):
        raise ValidationError("expected a list of span indices", obj="record", field=where)
    allowed = None if labels is None else frozenset(labels)
    out = []
    for i, idx in enumerate(value):
        if not isinstance(idx, int) or not 0 <= idx < len(spans):
            raise ValidationError(
                f"span index {idx!r} does not exist (record has {len(spans)} spans)",
                obj="record",
                field=f"{where}[{i}]",
            )
        span, label = spans[idx]
        if allowed is not None and label not in allowed:
            raise ValidationError(
                f"span {idx} is labelled {label!r}, expected {' or '.join(sorted(allowed))}",
                obj="record",
                field=f"{where}[{i}]",
            )
        out.append(span)
    return tuple(out)


def _structured(z: Mapping[str, Any], spans: Sequence[tuple[Span, str]]) -> Annotations:
    version = z.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise ValidationError(
            f"format version {version!r} is not supported (this zitat reads {FORMAT_VERSION})",
            obj="record",
            field="zitat.version",
        )
    quotes = []
    for i, q in enumerate(_list(z, "quotes")):
        where = f"zitat.quotes[{i}]"
        _object(q, where)
        try:
            qtype = QuoteType(q.get("type"))
        except ValueError:
            raise ValidationError(
                f"unknown label {q.get('type')!r}; expected one of: "
                + ", ".join(t.value for t in QuoteType),
                obj="record",
                field=f"{where}.type",
            ) from None
        roles = {
            r.value: _indices(q.get(r.value, []), spans, f"{where}.{r.value}", [r.value.upper()])
            for r in Role
        }
        quotes.append(
            _build(
                Quote,
                where,
                id=q.get("id"),
                spans=_indices(q.get("spans"), spans, f"{where}.spans", [qtype.value.upper()]),
                type=qtype,
                medium=q.get("medium", "speech"),
                entity=q.get("entity"),
                parent=q.get("parent"),
                **roles,
            )
        )
    entities = []
    for i, e in enumerate(_list(z, "entities")):
        where = f"zitat.entities[{i}]"
        _object(e, where)
        entities.append(
            _build(
                SpeakerEntity,
                where,
                id=e.get("id"),
                name=e.get("name"),
                kind=e.get("kind", "person"),
                mentions=_indices(
                    e.get("mentions", []), spans, f"{where}.mentions", ["SPEAKER", MENTION]
                ),
                external_id=e.get("external_id"),
            )
        )
    stances = []
    for i, s in enumerate(_list(z, "stances")):
        where = f"zitat.stances[{i}]"
        _object(s, where)
        stances.append(
            _build(
                Stance,
                where,
                target=s.get("target"),
                polarity=s.get("polarity"),
                quote=s.get("quote"),
                entity=s.get("entity"),
                evidence=_indices(s.get("evidence", []), spans, f"{where}.evidence", [EVIDENCE]),
            )
        )
    annotations: Annotations = _build(
        Annotations, "zitat", quotes=quotes, entities=entities, stances=stances
    )
    return annotations


def _list(z: Mapping[str, Any], key: str) -> list[Any]:
    value = z.get(key, [])
    if not isinstance(value, list):
        raise ValidationError("expected a list", obj="record", field=f"zitat.{key}")
    return value


def _object(value: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise ValidationError("expected an object", obj="record", field=where)


def _build(factory: Any, where: str, /, **kwargs: Any) -> Any:
    try:
        return factory(**kwargs)
    except ValidationError as err:
        raise err.inside("record", where) from None


class _Groups:
    """Union-find over span indices (quote parts joined by PART, mentions by COREF)."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}

    def find(self, i: int) -> int:
        root = self._parent.setdefault(i, i)
        while root != self._parent[root]:
            root = self._parent[root]
        while self._parent[i] != root:  # path compression
            self._parent[i], i = root, self._parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)  # the earliest span stays the root

    def members(self, indices: Iterable[int]) -> dict[int, list[int]]:
        """Root -> sorted member indices, ordered by root."""
        out: dict[int, list[int]] = {}
        for i in sorted(indices):
            out.setdefault(self.find(i), []).append(i)
        return dict(sorted(out.items()))


_MENTION_LABELS = frozenset({"SPEAKER", MENTION})
_ARC_LABELS = (PART, NESTED_IN, COREF, *ROLE_LABELS)


def _read_arcs(
    record: Mapping[str, Any], spans: Sequence[tuple[Span, str]]
) -> list[tuple[int, int, str, str]]:
    """``(head, child, label, where)`` for each relation, its spans looked up in ``spans``."""
    by_key = {(s.start, s.end, label): i for i, (s, label) in enumerate(spans)}
    raw = record.get("relations") or []
    if not isinstance(raw, list):
        raise ValidationError("expected a list", obj="record", field="relations")
    arcs = []
    for i, rel in enumerate(raw):
        where = f"relations[{i}]"
        try:
            h, c = rel["head_span"], rel["child_span"]
            head = by_key[(h["start"], h["end"], h["label"])]
            child = by_key[(c["start"], c["end"], c["label"])]
            label = rel["label"]
        except (KeyError, TypeError):
            raise ValidationError(
                "relation must name a head_span and child_span listed in spans, and a label",
                obj="record",
                field=where,
            ) from None
        if label not in _ARC_LABELS:
            raise ValidationError(
                f"unknown relation label {label!r}; expected one of: {', '.join(_ARC_LABELS)}",
                obj="record",
                field=f"{where}.label",
            )
        arcs.append((head, child, label, where))
    return arcs


def _from_relations(record: Mapping[str, Any], spans: Sequence[tuple[Span, str]]) -> Annotations:
    """Rebuild quotes and speaker entities from plain Prodigy spans and relation arcs.

    For a record without the ``zitat`` key (what Prodigy's relations interface saves): quote
    spans joined by ``PART`` arcs form one quote; role arcs (either direction) join a quote
    span and a span labelled with the role; ``NESTED_IN`` points from the nested quote to the
    enclosing one; ``SPEAKER`` and ``MENTION`` spans joined by ``COREF`` arcs form one speaker
    entity (a speaker span with no arc is an entity of its own, named by its text, kind
    ``unknown``), and a quote points to the entity of its speaker. A quote whose speakers
    belong to several entities is one quote per entity (a shared frame, as in ``Lawrow und
    Blinken sagten, …``). Stances cannot be rebuilt; they live in the choice tasks.
    """
    arcs = _read_arcs(record, spans)

    def label_of(i: int) -> str:
        return spans[i][1]

    def fail(where: str, message: str) -> ValidationError:
        return ValidationError(message, obj="record", field=where)

    quote_spans = [i for i, (_, label) in enumerate(spans) if label in QUOTE_LABELS]
    parts, corefs = _Groups(), _Groups()
    roles: dict[int, dict[str, set[int]]] = {}
    nested: dict[int, tuple[int, str]] = {}
    for head, child, label, where in arcs:
        if label == PART:
            if label_of(head) not in QUOTE_LABELS or label_of(child) != label_of(head):
                raise fail(where, "a PART relation joins two spans of one quote (same label)")
            parts.union(head, child)
        elif label == COREF:
            if label_of(head) not in _MENTION_LABELS or label_of(child) not in _MENTION_LABELS:
                raise fail(where, "a COREF relation joins two SPEAKER or MENTION spans")
            corefs.union(head, child)
    for head, child, label, where in arcs:
        if label in ROLE_LABELS:
            if label_of(head) in QUOTE_LABELS and label_of(child) == label:
                quote, role_span = head, child
            elif label_of(child) in QUOTE_LABELS and label_of(head) == label:
                quote, role_span = child, head
            else:
                raise fail(where, f"a {label} relation joins a quote span and a {label} span")
            roles.setdefault(parts.find(quote), {}).setdefault(label, set()).add(role_span)
        elif label == NESTED_IN:
            if label_of(head) not in QUOTE_LABELS or label_of(child) not in QUOTE_LABELS:
                raise fail(where, "a NESTED_IN relation joins two quote spans (nested -> outer)")
            inner, outer = parts.find(head), parts.find(child)
            if inner == outer:
                raise fail(where, "a quote cannot be nested in itself")
            if nested.get(inner, (outer, where))[0] != outer:
                raise fail(where, "a quote is nested in two different quotes")
            nested[inner] = (outer, where)

    mention_spans = [i for i, (_, label) in enumerate(spans) if label in _MENTION_LABELS]
    entities = []
    entity_of: dict[int, str] = {}
    for n, members in enumerate(corefs.members(mention_spans).values(), start=1):
        entity_id = f"e{n}"
        first = spans[members[0]][0]
        entities.append(
            _build(
                SpeakerEntity,
                f"spans[{members[0]}]",
                id=entity_id,
                name=first.text_in(record["text"]),
                kind=EntityKind.UNKNOWN,
                mentions=tuple(spans[m][0] for m in members),
            )
        )
        entity_of.update(dict.fromkeys(members, entity_id))

    groups = parts.members(quote_spans)
    drafts: list[tuple[int, dict[str, Any]]] = []
    for root, members in groups.items():
        found = roles.get(root, {})
        speakers = sorted(found.get("SPEAKER", ()))
        by_entity: dict[str, list[int]] = {}
        for s in speakers:
            by_entity.setdefault(entity_of[s], []).append(s)
        splits: list[tuple[str | None, list[int]]] = [*by_entity.items()] or [(None, [])]
        for entity, own_speakers in splits:
            fields: dict[str, Any] = {
                r.value: tuple(spans[i][0] for i in sorted(found.get(r.value.upper(), ())))
                for r in Role
            }
            fields["speaker"] = tuple(spans[i][0] for i in own_speakers)
            fields.update(
                spans=tuple(spans[m][0] for m in members),
                type=QUOTE_LABELS[label_of(root)],
                entity=entity,
            )
            drafts.append((root, fields))
    first_id: dict[int, str] = {}
    for n, (root, _) in enumerate(drafts, start=1):
        first_id.setdefault(root, f"q{n}")
    quotes = [
        _build(
            Quote,
            f"spans[{root}]",
            id=f"q{n}",
            parent=first_id[nested[root][0]] if root in nested else None,
            **fields,
        )
        for n, (root, fields) in enumerate(drafts, start=1)
    ]
    annotations: Annotations = _build(Annotations, "relations", quotes=quotes, entities=entities)
    return annotations


def record_to_document(record: Any, *, fallback_id: str = "doc") -> AnnotatedDocument:
    """Read one Prodigy task into an :class:`AnnotatedDocument`, validating everything.

    Raises :class:`~zitat.errors.ValidationError` naming the field at fault.
    """
    if not isinstance(record, dict):
        raise ValidationError(f"expected a JSON object, got {type(record).__name__}", obj="record")
    text = _require(record, "text", str)
    meta = record.get("meta") or {}
    if not isinstance(meta, dict):
        raise ValidationError("expected an object", obj="record", field="meta")
    meta = dict(meta)
    doc_id = meta.pop("doc_id", None) or fallback_id
    if not isinstance(doc_id, str):
        doc_id = str(doc_id)
    extra = {k: v for k, v in record.items() if k not in _KNOWN_KEYS}
    if extra:
        meta["prodigy"] = extra
    z = record.get("zitat")
    if z is not None and not isinstance(z, dict):
        raise ValidationError("expected an object", obj="record", field="zitat")
    sentences: tuple[Span, ...] = ()
    if z is not None and "sentences" in z:
        sentences = _read_sentences(z["sentences"], text)
    tokens = _read_tokens(record["tokens"], text) if "tokens" in record else ()
    document = Document(id=doc_id, text=text, meta=meta, tokens=tokens, sentences=sentences)
    document = prepare(document) if not document.tokens else document
    spans = _read_spans(record.get("spans", []), TokenIndex(document.tokens), text)
    annotations = _structured(z, spans) if z is not None else _from_relations(record, spans)
    return AnnotatedDocument(document, annotations)


def _read_sentences(raw: Any, text: str) -> tuple[Span, ...]:
    if not isinstance(raw, list):
        raise ValidationError("expected a list", obj="record", field="zitat.sentences")
    out = []
    for i, pair in enumerate(raw):
        where = f"zitat.sentences[{i}]"
        if not (isinstance(pair, list) and len(pair) == 2):
            raise ValidationError("expected [start, end]", obj="record", field=where)
        out.append(_span_in(text, pair[0], pair[1], where, name_key=False))
    return tuple(out)
