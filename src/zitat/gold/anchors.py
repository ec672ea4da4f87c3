"""Hand-written gold in readable YAML: spans given by text anchors instead of raw offsets.

A source file ``gold/source/<doc_id>.yaml`` names the document (``doc``), optional ``meta``,
its speaker ``entities``, ``quotes`` and ``stances``. Every span is an *anchor*:

- ``"sagte Blinken"``: a string that occurs exactly once in the text;
- ``{text: Blinken, in: "sagte Blinken gegenüber"}``: found once inside a context that
  itself occurs exactly once;
- ``{text: Blinken, nth: 3}``: the 3rd occurrence (1-based; within ``in`` if given);
- ``{from: "Basierend", to: "anzusprechen,\\""}``: from the start of one anchor to the end of
  another (each resolved like a text anchor; a shared ``in`` applies to both);
- ``{start: 12, end: 30}``: raw offsets (discouraged);
- ``{text: Blinken, all: true}`` (entity mentions only): every whole-word occurrence (not
  part of a hyphenated compound) that is not inside another listed mention of the entity.

Anchors match at word boundaries: ``er`` does not match inside ``erwarte``. Resolution is
strict: an anchor that is missing or ambiguous raises a
:class:`~zitat.errors.ValidationError` naming the file, line, object, field and anchor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from zitat.errors import InputError, ValidationError
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Quote,
    Span,
    SpeakerEntity,
    Stance,
    TargetInventory,
)
from zitat.schema.annotations import ROLE_FIELDS
from zitat.text import make_document

__all__ = ["build_gold", "load_authoring", "resolve_anchor", "write_gold"]

_LINE = "__line__"
_DOC_KEYS = frozenset({"doc", "meta", "entities", "quotes", "stances"})
_ENTITY_KEYS = frozenset({"id", "name", "kind", "mentions", "external_id", "note"})
_QUOTE_KEYS = frozenset({"id", "type", "medium", "spans", *ROLE_FIELDS, "entity", "parent", "note"})
_STANCE_KEYS = frozenset({"quote", "entity", "target", "polarity", "evidence", "note"})
_SHOWN_POSITIONS = 8


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that records the line of every mapping under ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping  # type: ignore[return-value]


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _line_of(item: Any) -> int | None:
    return item.get(_LINE) if isinstance(item, Mapping) else None


def _show(anchor: Any) -> str:
    if isinstance(anchor, Mapping):
        anchor = {k: v for k, v in anchor.items() if k != _LINE}
    text = repr(anchor)
    return text if len(text) <= 120 else text[:117] + "..."


def _occurrences(text: str, needle: str, lo: int, hi: int) -> list[int]:
    """Start offsets of ``needle`` in ``text[lo:hi]`` that do not cut a word in two."""
    head = r"(?<!\w)" if needle[:1].isalnum() or needle[:1] == "_" else ""
    tail = r"(?!\w)" if needle[-1:].isalnum() or needle[-1:] == "_" else ""
    pattern = re.compile(f"{head}{re.escape(needle)}{tail}")
    found: list[int] = []
    match = pattern.search(text, lo, hi)
    while match is not None:
        found.append(match.start())
        match = pattern.search(text, match.start() + 1, hi)
    return found


def _where(text: str, positions: Sequence[int]) -> str:
    shown = [f"{p} (line {text.count(chr(10), 0, p) + 1})" for p in positions[:_SHOWN_POSITIONS]]
    more = len(positions) - _SHOWN_POSITIONS
    return ", ".join(shown) + (f", and {more} more" if more > 0 else "")


def _find_unique(text: str, needle: str, lo: int, hi: int, *, what: str) -> int:
    hits = _occurrences(text, needle, lo, hi)
    if not hits:
        raise ValueError(f"{what} {needle!r} not found")
    if len(hits) > 1:
        raise ValueError(
            f"{what} {needle!r} is ambiguous: it occurs {len(hits)} times, at offsets "
            f"{_where(text, hits)}; add an 'in:' context or 'nth:'"
        )
    return hits[0]


def _context(text: str, context: Any) -> tuple[int, int]:
    if context is None:
        return 0, len(text)
    if not isinstance(context, str) or not context:
        raise ValueError(f"'in' must be a non-empty string, got {context!r}")
    start = _find_unique(text, context, 0, len(text), what="context")
    return start, start + len(context)


def _text_anchor(text: str, anchor: Any, lo: int, hi: int) -> Span:
    """Resolve a string or ``{text, in?, nth?}`` anchor inside ``text[lo:hi]``."""
    needle: Any
    nth: Any
    if isinstance(anchor, str):
        needle, nth = anchor, None
    elif isinstance(anchor, Mapping):
        unknown = set(anchor) - {"text", "in", "nth", _LINE}
        if unknown:
            raise ValueError(f"unknown anchor keys {sorted(unknown)}")
        needle, nth = anchor.get("text"), anchor.get("nth")
        if "in" in anchor:
            lo, hi = _context(text, anchor["in"])
    else:
        raise ValueError(f"expected a string or a mapping, got {type(anchor).__name__}")
    if not isinstance(needle, str) or not needle.strip():
        raise ValueError("an anchor needs non-empty 'text'")
    if needle != needle.strip():
        raise ValueError(f"anchor text {needle!r} has leading or trailing whitespace")
    if nth is None:
        start = _find_unique(text, needle, lo, hi, what="text")
    else:
        if not isinstance(nth, int) or isinstance(nth, bool) or nth < 1:
            raise ValueError(f"'nth' must be a positive integer, got {nth!r}")
        hits = _occurrences(text, needle, lo, hi)
        if len(hits) < nth:
            raise ValueError(f"text {needle!r} occurs {len(hits)} times, so there is no nth={nth}")
        start = hits[nth - 1]
    return Span(start, start + len(needle))


def _all_words(text: str, anchor: Mapping[str, Any]) -> list[Span]:
    """Every whole-word occurrence of ``anchor["text"]`` (an ``all: true`` mention anchor)."""
    unknown = set(anchor) - {"text", "all", _LINE}
    needle = anchor.get("text")
    if unknown or not isinstance(needle, str) or not needle.strip():
        raise ValueError("an 'all' anchor takes exactly 'text' and 'all: true'")
    # a hyphen counts as part of a word here: "Ukraine" is not a mention in "Ukraine-Konflikt"
    pattern = re.compile(rf"(?<![\w-]){re.escape(needle)}(?![\w-])")
    found = [Span(m.start(), m.end()) for m in pattern.finditer(text)]
    if not found:
        raise ValueError(f"text {needle!r} not found as a whole word")
    return found


def resolve_anchor(text: str, anchor: Any) -> Span:
    """Resolve one anchor (string, text/in/nth, from/to, or start/end) to a :class:`Span`.

    Raises :class:`ValueError` with a readable message when it is missing or ambiguous.
    """
    if isinstance(anchor, Mapping) and ("start" in anchor or "end" in anchor):
        unknown = set(anchor) - {"start", "end", _LINE}
        if unknown:
            raise ValueError(f"unknown anchor keys {sorted(unknown)} next to start/end")
        start, end = anchor.get("start"), anchor.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            raise ValueError("'start' and 'end' must both be integers")
        if not 0 <= start < end <= len(text):
            raise ValueError(f"offsets {start}-{end} outside the text (length {len(text)})")
        return Span(start, end)
    if isinstance(anchor, Mapping) and ("from" in anchor or "to" in anchor):
        unknown = set(anchor) - {"from", "to", "in", _LINE}
        if unknown or "from" not in anchor or "to" not in anchor:
            raise ValueError("a long-span anchor needs exactly 'from' and 'to' (and maybe 'in')")
        lo, hi = _context(text, anchor.get("in"))
        try:
            first = _text_anchor(text, anchor["from"], lo, hi)
        except ValueError as err:
            raise ValueError(f"'from': {err}") from None
        try:
            last = _text_anchor(text, anchor["to"], lo, hi)
        except ValueError as err:
            raise ValueError(f"'to': {err}") from None
        if last.end <= first.start:
            raise ValueError(f"'to' ends at {last.end}, before 'from' starts at {first.start}")
        return Span(first.start, last.end)
    return _text_anchor(text, anchor, 0, len(text))


_QUOTE_MARKS = frozenset("\"'„“”»«‚‘’")


def _looks_split(text: str, before: Span, after: Span) -> bool:
    """True if two anchors look like one string cut at an unquoted comma in a YAML flow list."""
    if text[before.end : after.start] not in {",", ", "}:
        return False
    return text[before.end - 1] not in _QUOTE_MARKS and text[after.start] not in _QUOTE_MARKS


class _Resolver:
    """Resolves the anchors of one source file, turning failures into located errors."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def error(self, message: str, *, obj: str, field: str, line: int | None) -> ValidationError:
        return ValidationError(message, obj=obj, field=field, source=self.path, line=line)

    def spans(
        self, value: Any, *, obj: str, field: str, line: int | None, allow_all: bool = False
    ) -> tuple[Span, ...]:
        if value is None:
            return ()
        if isinstance(value, str | Mapping):
            value = [value]
        if not isinstance(value, list):
            raise self.error("expected a list of anchors", obj=obj, field=field, line=line)
        out: list[Span] = []
        every: list[tuple[int, Any]] = []

        def bad(i: int, anchor: Any, problem: str) -> ValidationError:
            """An error about ``value[i]``: ``problem`` follows ``anchor <the anchor>``."""
            return self.error(
                f"anchor {_show(anchor)}{problem}",
                obj=obj,
                field=f"{field}[{i}]",
                line=_line_of(anchor) or line,
            )

        for i, anchor in enumerate(value):
            if isinstance(anchor, Mapping) and anchor.get("all"):
                if not allow_all:
                    raise bad(i, anchor, ": 'all' is only allowed in entity mentions")
                every.append((i, anchor))
                continue
            try:
                span = resolve_anchor(self.text, anchor)
            except ValueError as err:
                raise bad(i, anchor, f": {err}") from None
            if span in out:
                raise bad(i, anchor, f" repeats span {span.start}-{span.end}")
            if out and _looks_split(self.text, out[-1], span):
                raise bad(
                    i,
                    anchor,
                    " directly follows the previous one after a comma: "
                    "an unquoted comma in a YAML flow list splits a string; quote it",
                )
            out.append(span)
        for i, anchor in every:
            try:
                found = _all_words(self.text, anchor)
            except ValueError as err:
                raise bad(i, anchor, f": {err}") from None
            fixed = list(out)
            out += [s for s in found if not any(o.contains(s) for o in fixed) and s not in out]
        return tuple(out)


def _check_keys(item: Any, allowed: frozenset[str], *, res: _Resolver, obj: str) -> int | None:
    if not isinstance(item, Mapping):
        raise res.error("expected a mapping", obj=obj, field="", line=None)
    line = _line_of(item)
    unknown = sorted(set(item) - allowed - {_LINE})
    if unknown:
        raise res.error(
            f"unknown keys {unknown}; allowed: {', '.join(sorted(allowed))}",
            obj=obj,
            field="",
            line=line,
        )
    return line


def _list(data: Mapping[str, Any], key: str, res: _Resolver) -> list[Any]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise res.error("expected a list", obj="document", field=key, line=_line_of(data))
    return value


def _entity(item: Any, i: int, res: _Resolver) -> SpeakerEntity:
    obj = f"entity {item.get('id')!r}" if isinstance(item, Mapping) else f"entities[{i}]"
    line = _check_keys(item, _ENTITY_KEYS, res=res, obj=obj)
    mentions = res.spans(item.get("mentions"), obj=obj, field="mentions", line=line, allow_all=True)
    try:
        return SpeakerEntity(
            id=item.get("id"),
            name=item.get("name"),
            kind=item.get("kind", "person"),
            mentions=mentions,
            external_id=item.get("external_id"),
        )
    except ValidationError as err:
        raise err.located(res.path, line) from None


def _quote(item: Any, i: int, res: _Resolver) -> Quote:
    obj = f"quote {item.get('id')!r}" if isinstance(item, Mapping) else f"quotes[{i}]"
    line = _check_keys(item, _QUOTE_KEYS, res=res, obj=obj)
    roles = {r: res.spans(item.get(r), obj=obj, field=r, line=line) for r in ROLE_FIELDS}
    try:
        return Quote(
            id=item.get("id"),
            spans=res.spans(item.get("spans"), obj=obj, field="spans", line=line),
            type=item.get("type"),
            medium=item.get("medium", "speech"),
            entity=item.get("entity"),
            parent=item.get("parent"),
            **roles,
        )
    except ValidationError as err:
        raise err.located(res.path, line) from None


def _stance(item: Any, i: int, res: _Resolver) -> Stance:
    obj = f"stances[{i}]"
    if isinstance(item, Mapping):
        obj = f"stance ({item.get('quote') or item.get('entity')} -> {item.get('target')})"
    line = _check_keys(item, _STANCE_KEYS, res=res, obj=obj)
    try:
        return Stance(
            target=item.get("target"),
            polarity=item.get("polarity"),
            quote=item.get("quote"),
            entity=item.get("entity"),
            evidence=res.spans(item.get("evidence"), obj=obj, field="evidence", line=line),
        )
    except ValidationError as err:
        raise err.located(res.path, line) from None


def _check_speakers(
    quotes: Iterable[Quote],
    entities: Iterable[SpeakerEntity],
    res: _Resolver,
    lines: Mapping[str, int | None],
) -> None:
    by_id = {e.id: e for e in entities}
    for q in quotes:
        obj = f"quote {q.id!r}"
        if q.speaker and q.entity is None:
            raise res.error(
                "has a speaker span but no entity; name the entity (or drop the speaker)",
                obj=obj,
                field="speaker",
                line=lines.get(q.id),
            )
        entity = by_id.get(q.entity) if q.entity is not None else None
        if entity is None:
            continue
        for span in q.speaker:
            if span not in entity.mentions:
                raise res.error(
                    f"speaker span {span.start}-{span.end} {res.text[span.start : span.end]!r} "
                    f"is not among the mentions of entity {entity.id!r}; add it there",
                    obj=obj,
                    field="speaker",
                    line=lines.get(q.id),
                )


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except yaml.YAMLError as err:
        raise InputError(f"{path}: not valid YAML: {err}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping with 'doc', 'entities', 'quotes'")
    return data


def _annotations(data: Mapping[str, Any], path: Path, text: str, doc_id: str) -> Annotations:
    res = _Resolver(path, text)
    _check_keys(data, _DOC_KEYS, res=res, obj="document")
    if data.get("doc") != doc_id:
        raise res.error(
            f"names document {data.get('doc')!r}, expected {doc_id!r}",
            obj="document",
            field="doc",
            line=_line_of(data),
        )
    entities = [_entity(item, i, res) for i, item in enumerate(_list(data, "entities", res))]
    raw_quotes = _list(data, "quotes", res)
    quotes = [_quote(item, i, res) for i, item in enumerate(raw_quotes)]
    stances = [_stance(item, i, res) for i, item in enumerate(_list(data, "stances", res))]
    lines = {q.id: _line_of(item) for q, item in zip(quotes, raw_quotes, strict=True)}
    _check_speakers(quotes, entities, res, lines)
    try:
        ann = Annotations(quotes=tuple(quotes), entities=tuple(entities), stances=tuple(stances))
        ann.check_against(text)
    except ValidationError as err:
        raise err.located(path) from None
    return ann


def load_authoring(path: str | Path, text: str, doc_id: str) -> Annotations:
    """Read one authoring YAML file and resolve its anchors against ``text``."""
    path = Path(path)
    return _annotations(_read_yaml(path), path, text, doc_id)


def _read_text(path: Path) -> str:
    # bytes -> str without newline translation, so offsets match the file exactly
    return path.read_bytes().decode("utf-8")


def build_gold(source_dir: str | Path, corpus_dir: str | Path) -> list[AnnotatedDocument]:
    """Build the gold documents, sorted by id, from ``corpus_dir/*.txt`` and their sources."""
    source_dir, corpus_dir = Path(source_dir), Path(corpus_dir)
    texts = {p.stem: p for p in sorted(corpus_dir.glob("*.txt"))}
    sources = {p.stem: p for p in sorted(source_dir.glob("*.yaml"))}
    if not texts:
        raise InputError(f"{corpus_dir}: no corpus texts (*.txt)")
    missing = sorted(set(texts) - set(sources))
    orphans = sorted(set(sources) - set(texts))
    if missing or orphans:
        raise InputError(
            f"gold sources and corpus differ: no source for {missing}, no text for {orphans}"
        )
    docs: list[AnnotatedDocument] = []
    for doc_id in sorted(texts):
        text = _read_text(texts[doc_id])
        data = _read_yaml(sources[doc_id])
        meta = data.get("meta") or {}
        if not isinstance(meta, Mapping):
            raise InputError(f"{sources[doc_id]}: 'meta' must be a mapping")
        meta = {k: v for k, v in meta.items() if k != _LINE}
        ann = _annotations(data, sources[doc_id], text, doc_id)
        docs.append(AnnotatedDocument(make_document(doc_id, text, meta), ann))
    return docs


def write_gold(
    source_dir: str | Path,
    corpus_dir: str | Path,
    out_jsonl: str | Path,
    out_stances: str | Path,
    targets: str | Path,
) -> list[AnnotatedDocument]:
    """Build the gold, check stance targets against ``targets``, and write both JSONL files."""
    from zitat.io import write_documents, write_records
    from zitat.io.stance_tasks import stance_tasks

    inventory = TargetInventory.load(targets)
    docs = build_gold(source_dir, corpus_dir)
    for doc in docs:
        try:
            doc.annotations.check_against(doc.text, targets=inventory.ids)
        except ValidationError as err:
            raise err.located(Path(source_dir) / f"{doc.id}.yaml") from None
    write_documents(out_jsonl, docs)
    write_records(out_stances, stance_tasks(docs, inventory=inventory))
    return docs
