"""The German Wikinews quotation dataset (Petersen-Frey & Biemann, LREC-COLING 2024).

One JSON file per document: ``documentName``, ``originalText``, ``tokens``, ``sentences`` and
``annotations`` (one per quotation, with ``quote``, ``speaker``, ``cue``, ``frame`` and
``addressee`` as ``{text, tokenIds, spans[{begin, end, charBegin, charEnd}]}``, ``type``,
``medium``, ``isNested``, ``hasNested`` and an integer ``id``).

Reading keeps the dataset's own tokens and sentences. Everything the original file holds
besides text, tokens, sentence spans and quotes is derivable, except two things kept in
``Document.meta["wikinews"]`` when (and only when) they occur:

- ``order``: role spans the file lists out of text order (zitat sorts spans);
- ``flags``: ``[isNested, hasNested]`` of quotes whose flags the derived nesting does not
  reproduce (see :func:`derive_parents`).

Quote ids are ``q<id>``. The dataset has no speaker entities, so ``entity`` stays None.
:func:`document_to_wikinews` rebuilds the original object; :func:`dumps_wikinews` writes it
the way the dataset's files are written (4-space indent, sorted keys, ``/`` escaped), so a
read–write round trip reproduces the files byte for byte.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from zitat.errors import InputError, ValidationError
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Document,
    Medium,
    Quote,
    QuoteType,
    Span,
    Token,
)
from zitat.text.offsets import TokenIndex
from zitat.text.prepare import prepare

__all__ = [
    "MEDIA",
    "TYPES",
    "derive_parents",
    "document_to_wikinews",
    "dumps_wikinews",
    "implied_flags",
    "iter_wikinews",
    "read_wikinews",
    "wikinews_file_name",
    "wikinews_to_document",
    "write_wikinews",
    "write_wikinews_folder",
]

TYPES: dict[str, QuoteType] = {
    "Direct": QuoteType.DIRECT,
    "Indirect": QuoteType.INDIRECT,
    "FreeIndirect": QuoteType.FREE_INDIRECT,
    "IndirectFreeIndirect": QuoteType.INDIRECT_FREE_INDIRECT,
    "Reported": QuoteType.REPORTED,
}
MEDIA: dict[str, Medium] = {
    "Speech": Medium.SPEECH,
    "Writing": Medium.WRITING,
    "Thought": Medium.THOUGHT,
    "SW": Medium.SPEECH_WRITING,
    "ST": Medium.SPEECH_THOUGHT,
    "TW": Medium.THOUGHT_WRITING,
    "none": Medium.UNSPECIFIED,
}
_TYPE_NAMES = {v: k for k, v in TYPES.items()}
_MEDIUM_NAMES = {v: k for k, v in MEDIA.items()}
ROLES = ("speaker", "cue", "frame", "addressee")
SUFFIX = ".pretty.json"
_NAME = re.compile(r"^(?P<id>\d+) - (?P<title>.*?)(?: \((?P<date>\d{4}-\d{2}-\d{2})\))?$")
_QUOTE_ID = re.compile(r"^q(-?\d+)$")


# -- reading ---------------------------------------------------------------------------------


def _get(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, dict):
        raise ValidationError("expected an object", obj="wikinews", field=where)
    if key not in obj:
        raise ValidationError("missing", obj="wikinews", field=f"{where}.{key}".lstrip("."))
    value = obj[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise ValidationError(
            f"expected {getattr(kind, '__name__', kind)}, got {type(value).__name__}",
            obj="wikinews",
            field=f"{where}.{key}".lstrip("."),
        )
    return value


def _tokens(data: Mapping[str, Any], text: str) -> tuple[Token, ...]:
    tokens = []
    for i, t in enumerate(_get(data, "tokens", list, "")):
        where = f"tokens[{i}]"
        start = _get(t, "charBegin", int, where)
        end = _get(t, "charEnd", int, where)
        tokens.append(
            Token(
                text=_get(t, "text", str, where),
                start=start,
                end=end,
                id=_get(t, "id", int, where),
                ws=end < len(text) and text[end].isspace(),
            )
        )
    return tuple(tokens)


def _span(raw: Any, where: str) -> Span:
    try:
        return Span(_get(raw, "charBegin", int, where), _get(raw, "charEnd", int, where))
    except ValidationError as err:
        if err.obj == "wikinews":
            raise
        key = {"start": "charBegin", "end": "charEnd"}.get(str(err.field), err.field)
        raise ValidationError(err.message, obj="wikinews", field=f"{where}.{key}") from None


def _sentences(data: Mapping[str, Any]) -> tuple[Span, ...]:
    return tuple(
        _span(s, f"sentences[{i}]") for i, s in enumerate(_get(data, "sentences", list, ""))
    )


def _role(ann: Any, role: str, where: str) -> tuple[list[Span], list[int] | None]:
    """The spans of one role, sorted, and the permutation back to file order (None: sorted)."""
    raw = _get(_get(ann, role, dict, where), "spans", list, f"{where}.{role}")
    spans = [_span(s, f"{where}.{role}.spans[{i}]") for i, s in enumerate(raw)]
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    return spans, None if order == list(range(len(spans))) else order


def _label(table: Mapping[str, Any], value: Any, where: str) -> Any:
    if value not in table:
        raise ValidationError(
            f"unknown label {value!r}; expected one of: {', '.join(table)}",
            obj="wikinews",
            field=where,
        )
    return table[value]


def _chars(spans: Sequence[Span]) -> frozenset[int]:
    return frozenset(i for s in spans for i in range(s.start, s.end))


def implied_flags(
    spans: Sequence[Sequence[Span]], parents: Sequence[int | None]
) -> list[tuple[bool, bool]]:
    """``(isNested, hasNested)`` as the dataset sets them for the given nesting.

    A nested quote and its parent are flagged ``isNested`` and ``hasNested`` respectively;
    when both cover exactly the same characters the dataset flags each of them with both.
    """
    chars = [_chars(s) for s in spans]
    flags = [[p is not None, False] for p in parents]
    for child, parent in enumerate(parents):
        if parent is None:
            continue
        flags[parent][1] = True
        if chars[child] == chars[parent]:
            flags[parent][0] = flags[child][1] = True
    return [(a, b) for a, b in flags]


def derive_parents(
    spans: Sequence[Sequence[Span]],
    is_nested: Sequence[bool],
    has_nested: Sequence[bool],
    speakers: Sequence[Sequence[Span]] | None = None,
) -> list[int | None]:
    """The index of each quote's enclosing quote (None if not nested).

    The dataset marks nesting with flags only. A quote flagged ``isNested`` gets as parent a
    quote flagged ``hasNested`` whose spans contain every one of its spans. Among several
    candidates the innermost wins (fewest covered characters), then one with the same speaker
    spans, then the earliest. A candidate covering exactly the same characters is taken only
    when none covers more, and only if it comes earlier — so nesting never forms a cycle.
    """
    sizes = [len(_chars(s)) for s in spans]
    parents: list[int | None] = []
    for i, inner in enumerate(spans):
        best: tuple[bool, int, bool, int] | None = None
        if is_nested[i]:
            for j, outer in enumerate(spans):
                if j == i or not has_nested[j]:
                    continue
                if not all(any(o.contains(s) for o in outer) for s in inner):
                    continue
                same = sizes[j] == sizes[i]
                if same and j > i:
                    continue
                other_speaker = speakers is not None and speakers[i] != speakers[j]
                key = (same, sizes[j], other_speaker, j)
                if best is None or key < best:
                    best = key
        parents.append(None if best is None else best[3])
    return parents


def wikinews_to_document(
    data: Any, *, fallback_id: str = "doc", source: str | Path | None = None
) -> AnnotatedDocument:
    """Build an :class:`AnnotatedDocument` from one parsed dataset file."""
    try:
        return _to_document(data, fallback_id)
    except ValidationError as err:
        raise err.located(source) from None


def _to_document(data: Any, fallback_id: str) -> AnnotatedDocument:
    text = _get(data, "originalText", str, "")
    name = data.get("documentName") or fallback_id
    if not isinstance(name, str):
        raise ValidationError("expected a string", obj="wikinews", field="documentName")
    meta: dict[str, Any] = {}
    match = _NAME.match(name)
    if match:
        meta["wikinews_id"] = match["id"]
        meta["title"] = match["title"]
        if match["date"]:
            meta["date"] = match["date"]
    raw_anns = _get(data, "annotations", list, "")
    ids, types, media, nested, has = [], [], [], [], []
    spans: list[list[Span]] = []
    roles: list[dict[str, list[Span]]] = []
    order: dict[str, dict[str, list[int]]] = {}
    for n, ann in enumerate(raw_anns):
        where = f"annotations[{n}]"
        raw_id = _get(ann, "id", int, where)
        qid = f"q{raw_id}"
        ids.append(qid)
        types.append(_label(TYPES, _get(ann, "type", str, where), f"{where}.type"))
        media.append(_label(MEDIA, _get(ann, "medium", str, where), f"{where}.medium"))
        nested.append(_get(ann, "isNested", bool, where))
        has.append(_get(ann, "hasNested", bool, where))
        parsed = {role: _role(ann, role, where) for role in ("quote", *ROLES)}
        spans.append(parsed["quote"][0])
        roles.append({role: parsed[role][0] for role in ROLES})
        permutations = {role: p for role, (_, p) in parsed.items() if p is not None}
        if permutations:
            order[qid] = permutations
    parents = derive_parents(spans, nested, has, [r["speaker"] for r in roles])
    implied = implied_flags(spans, parents)
    flags = {
        ids[i]: [nested[i], has[i]] for i in range(len(ids)) if implied[i] != (nested[i], has[i])
    }
    extra = {k: v for k, v in (("order", order), ("flags", flags)) if v}
    if extra:
        meta["wikinews"] = extra
    quotes = []
    for i, qid in enumerate(ids):
        parent = parents[i]
        try:
            quotes.append(
                Quote(
                    id=qid,
                    spans=tuple(spans[i]),
                    type=types[i],
                    medium=media[i],
                    entity=None,  # the dataset has no speaker entities
                    parent=None if parent is None else ids[parent],
                    **{role: tuple(found) for role, found in roles[i].items()},
                )
            )
        except ValidationError as err:
            raise err.inside("wikinews", f"annotations[{i}]") from None
    document = Document(
        id=name,
        text=text,
        meta=meta,
        tokens=_tokens(data, text),
        sentences=_sentences(data),
    )
    return AnnotatedDocument(document, Annotations(quotes=tuple(quotes)))


def read_wikinews(path: str | Path) -> AnnotatedDocument:
    """Read one dataset file; errors name the file and the field at fault."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 ({err.reason} at byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise ValidationError(
            f"malformed JSON: {err.msg} at column {err.colno}", source=path, line=err.lineno
        ) from None
    stem = path.name.removesuffix(SUFFIX).removesuffix(".json")
    return wikinews_to_document(data, fallback_id=stem, source=path)


def iter_wikinews(path: str | Path) -> Iterator[AnnotatedDocument]:
    """Documents of one file, or of every ``*.json`` file in a folder (sorted by name)."""
    path = Path(path)
    if path.is_file():
        yield read_wikinews(path)
        return
    if not path.is_dir():
        raise InputError(f"{path}: no such file or folder")
    files = sorted(path.glob("*.json"))
    if not files:
        raise InputError(f"{path}: no *.json files in this folder")
    for file in files:
        yield read_wikinews(file)


# -- writing ---------------------------------------------------------------------------------


def _role_object(
    spans: Sequence[Span], order: Sequence[int] | None, text: str, index: TokenIndex
) -> dict[str, Any]:
    ordered = [spans[i] for i in order] if order is not None else list(spans)
    out_spans: list[dict[str, int]] = []
    token_ids: list[int] = []
    for s in ordered:
        first, last = index.covering(s)
        out_spans.append({"begin": first, "charBegin": s.start, "charEnd": s.end, "end": last + 1})
        token_ids.extend(range(first, last + 1))
    return {
        "spans": out_spans,
        "text": " ".join(s.text_in(text) for s in ordered),
        "tokenIds": token_ids,
    }


def _raw_id(quote_id: str, position: int, ids: Sequence[str]) -> int:
    if all(_QUOTE_ID.match(i) for i in ids):
        match = _QUOTE_ID.match(quote_id)
        assert match is not None
        return int(match[1])
    return position


def document_to_wikinews(doc: AnnotatedDocument) -> dict[str, Any]:
    """The dataset's JSON object for one document (entities and stances have no place there)."""
    document = prepare(doc.document)
    text = document.text
    index = TokenIndex(document.tokens)
    extra = document.meta.get("wikinews") or {}
    order: Mapping[str, Mapping[str, list[int]]] = extra.get("order", {})
    flags: Mapping[str, list[bool]] = extra.get("flags", {})

    sentence_of: dict[int, tuple[int, int]] = {}
    sentences = []
    for n, s in enumerate(document.sentences):
        ids = list(index.token_ids(s))
        for w, t in enumerate(ids):
            sentence_of.setdefault(t, (n + 1, w + 1))
        following = (
            document.sentences[n + 1].start if n + 1 < len(document.sentences) else len(text)
        )
        sentences.append(
            {
                "begin": ids[0] if ids else 0,
                "charBegin": s.start,
                "charEnd": s.end,
                "end": ids[-1] + 1 if ids else 0,
                "id": n,
                "text": s.text_in(text) + text[s.end : following].rstrip("\n"),
                "tokenIds": ids,
                "tokens": [document.tokens[t].text for t in ids],
            }
        )
    tokens = [
        {
            "charBegin": t.start,
            "charEnd": t.end,
            "id": t.id,
            "sentence": sentence_of.get(t.id, (0, 0))[0],
            "text": t.text,
            "word": sentence_of.get(t.id, (0, 0))[1],
        }
        for t in document.tokens
    ]

    quotes = doc.annotations.quotes
    quote_ids = [q.id for q in quotes]
    position = {q.id: n for n, q in enumerate(quotes)}
    parent_of = [None if q.parent is None else position[q.parent] for q in quotes]
    implied = implied_flags([q.spans for q in quotes], parent_of)
    annotations = []
    for n, q in enumerate(quotes):
        q_order = order.get(q.id, {})
        is_nested, has_nested = flags.get(q.id, implied[n])
        entry: dict[str, Any] = {
            "hasNested": bool(has_nested),
            "id": _raw_id(q.id, n, quote_ids),
            "isNested": bool(is_nested),
            "medium": _MEDIUM_NAMES[q.medium],
            "quote": _role_object(q.spans, q_order.get("quote"), text, index),
            "type": _TYPE_NAMES[q.type],
        }
        for role in ROLES:
            entry[role] = _role_object(q.role(role), q_order.get(role), text, index)
        annotations.append(entry)
    return {
        "annotations": annotations,
        "documentName": document.id,
        "originalText": text,
        "sentences": sentences,
        "tokens": tokens,
    }


def dumps_wikinews(data: Mapping[str, Any]) -> str:
    """JSON text as the dataset writes it: 4-space indent, sorted keys, ``/`` escaped."""
    return json.dumps(data, indent=4, sort_keys=True, ensure_ascii=False).replace("/", "\\/")


def wikinews_file_name(doc: AnnotatedDocument) -> str:
    """The file name the dataset uses for a document: ``<documentName>.pretty.json``."""
    return doc.id.replace("/", "_").replace("\\", "_") + SUFFIX


def write_wikinews(doc: AnnotatedDocument, path: str | Path) -> None:
    """Write one document as a dataset file (UTF-8)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(dumps_wikinews(document_to_wikinews(doc)).encode("utf-8"))


def write_wikinews_folder(folder: str | Path, docs: Iterable[AnnotatedDocument]) -> int:
    """Write each document to ``folder/<documentName>.pretty.json``; returns the count."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: the wikinews format writes a folder, not a file")
    count = 0
    for doc in docs:
        write_wikinews(doc, folder / wikinews_file_name(doc))
        count += 1
    return count
