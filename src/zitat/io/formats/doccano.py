"""doccano JSONL for "Sequence labeling" projects with relations.

One document per line, as doccano exports and imports it::

    {"id": "d1", "text": "…", "entities": [{"id": 0, "label": "DIRECT",
     "start_offset": 15, "end_offset": 34}, …], "relations": [{"id": 0, "from_id": 0,
     "to_id": 1, "type": "SPEAKER"}, …], "zitat": {…}}

Labels and relation types are those of :mod:`zitat.io.formats.graph`. doccano keeps keys it
does not know (here ``id`` and the ``zitat`` record) as the example's metadata and writes
them back on export, so a round trip through doccano keeps what doccano cannot show.

Offsets: doccano 1.x selects text in the browser and stores JavaScript string offsets,
i.e. **UTF-16 code units** (doccano issue #2290; its annotator component counts
``text.length``), so that is the default here. Files from older doccano (0.x) or from
Python scripts count code points: pass ``offsets="code-points"``. Projects with "Count
grapheme clusters as one character" count grapheme clusters, which zitat does not read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from zitat.errors import ValidationError
from zitat.io.formats.assemble import FileNotes, build_document
from zitat.io.formats.graph import (
    REGION_LABELS,
    Graph,
    Link,
    Region,
    check_link,
    number_copies,
    project,
    rebuild,
)
from zitat.io.formats.loss import warn_loss
from zitat.io.formats.record import RECORD_KEY, make_record, read_record
from zitat.io.formats.utf16 import UTF16, OffsetMap, OffsetUnit, check_unit
from zitat.io.jsonl import iter_parsed, write_records
from zitat.schema import AnnotatedDocument
from zitat.text.prepare import prepare

__all__ = ["doccano_to_document", "document_to_doccano", "read_doccano", "write_doccano"]

_OWN_KEYS = frozenset({"id", "text", "entities", "relations", "label", RECORD_KEY})


def document_to_doccano(
    doc: AnnotatedDocument, *, offsets: OffsetUnit = UTF16, record: bool = True
) -> dict[str, Any]:
    """The doccano line for one document (``record=False``: without the zitat record)."""
    doc = AnnotatedDocument(prepare(doc.document), doc.annotations)
    text = doc.text
    omap = OffsetMap(text, check_unit(offsets))
    graph = project(doc.annotations)
    regions = sorted(graph.regions)
    number = {r: i for i, r in enumerate(regions)}
    line: dict[str, Any] = {
        "id": doc.id,
        "text": text,
        "entities": [
            {
                "id": number[r],
                "label": r.label,
                "start_offset": omap.to_unit(r.start),
                "end_offset": omap.to_unit(r.end),
            }
            for r in regions
        ],
        "relations": [
            {"id": i, "from_id": number[k.source], "to_id": number[k.target], "type": k.label}
            for i, k in enumerate(sorted(graph.links))
        ],
    }
    if record:
        line[RECORD_KEY] = make_record(doc)
    return line


def _entities(raw: dict[str, Any], omap: OffsetMap) -> dict[object, Region]:
    items = raw.get("entities")
    key = "entities"
    if items is None and isinstance(raw.get("label"), list):  # no relations: [[s, e, label]]
        items, key = raw["label"], "label"
    if items is None:
        return {}
    if not isinstance(items, list):
        raise ValidationError("expected a list", obj="record", field=key)
    out: dict[object, Region] = {}
    for i, raw_item in enumerate(items):
        at = f"{key}[{i}]"
        item = raw_item
        if isinstance(item, list) and len(item) == 3:
            item = {"id": i, "start_offset": item[0], "end_offset": item[1], "label": item[2]}
        if not isinstance(item, dict):
            raise ValidationError("expected an object", obj="record", field=at)
        for name in ("id", "label", "start_offset", "end_offset"):
            if name not in item:
                raise ValidationError("missing", obj="record", field=f"{at}.{name}")
        label = item["label"]
        if label not in REGION_LABELS:
            raise ValidationError(
                f"unknown label {label!r}; expected one of: {', '.join(REGION_LABELS)}",
                obj="record",
                field=f"{at}.label",
            )
        start = omap.to_code_point(item["start_offset"], obj="record", field=f"{at}.start_offset")
        end = omap.to_code_point(item["end_offset"], obj="record", field=f"{at}.end_offset")
        if end <= start:
            raise ValidationError(
                f"empty or reversed span {item['start_offset']}-{item['end_offset']}",
                obj="record",
                field=f"{at}.end_offset",
            )
        if not omap.text[start:end].strip():
            raise ValidationError(
                f"span {start}-{end} covers only whitespace", obj="record", field=at
            )
        ident = item["id"]
        if not isinstance(ident, int | str) or isinstance(ident, bool):
            raise ValidationError(f"invalid id {ident!r}", obj="record", field=f"{at}.id")
        if ident in out:
            raise ValidationError(f"duplicate id {ident!r}", obj="record", field=f"{at}.id")
        out[ident] = Region(start, end, label)
    return dict(zip(out, number_copies(out.values()), strict=True))


def _relations(raw: dict[str, Any], regions: dict[object, Region]) -> set[Link]:
    items = raw.get("relations") or []
    if not isinstance(items, list):
        raise ValidationError("expected a list", obj="record", field="relations")
    links = set()
    for i, item in enumerate(items):
        at = f"relations[{i}]"
        if not isinstance(item, dict):
            raise ValidationError("expected an object", obj="record", field=at)
        ends = []
        for name in ("from_id", "to_id"):
            if item.get(name) not in regions:
                raise ValidationError(
                    f"no entity with id {item.get(name)!r}", obj="record", field=f"{at}.{name}"
                )
            ends.append(regions[item[name]])
        label = item.get("type")
        if not isinstance(label, str):
            raise ValidationError(
                f"expected a relation type, got {label!r}", obj="record", field=f"{at}.type"
            )
        problem = check_link(ends[0].label, ends[1].label, label)
        if problem:
            raise ValidationError(problem, obj="record", field=f"{at}.type")
        links.add(Link(ends[0], ends[1], label))
    return links


def doccano_to_document(
    raw: Any,
    *,
    source: Path,
    fallback_id: str,
    notes: FileNotes,
    offsets: OffsetUnit = UTF16,
) -> AnnotatedDocument:
    """One doccano line as a document; errors name the field (the caller adds file and line)."""
    if not isinstance(raw, dict):
        raise ValidationError(f"expected a JSON object, got {type(raw).__name__}", obj="record")
    text = raw.get("text")
    if not isinstance(text, str):
        raise ValidationError("expected the document text (a string)", obj="record", field="text")
    omap = OffsetMap(text, check_unit(offsets))
    regions = _entities(raw, omap)
    graph = Graph(frozenset(regions.values()), frozenset(_relations(raw, regions)))
    try:
        rec = read_record(raw[RECORD_KEY], text) if RECORD_KEY in raw else None
    except ValidationError as err:
        raise err.inside("record") from None
    ident = raw.get("id")
    extra = {k: v for k, v in raw.items() if k not in _OWN_KEYS}
    try:
        return build_document(
            source=source,
            tool="doccano",
            text=text,
            record=rec,
            unchanged=lambda a: project(a) == graph,
            rebuild=lambda: rebuild(graph, text),
            fallback_id=str(ident) if isinstance(ident, int | str) and ident != "" else fallback_id,
            notes=notes,
            tool_meta=extra,
        )
    except ValidationError as err:
        raise err.inside("record") from None


def read_doccano(path: str | Path, *, offsets: OffsetUnit = UTF16) -> Iterator[AnnotatedDocument]:
    """Stream documents from a doccano JSONL export.

    Errors name the file, the line and the field; documents without a zitat record are
    rebuilt from the labels and relations, and what had to be guessed is reported as a
    :class:`~zitat.io.formats.loss.LossWarning`.
    """
    path = Path(path)
    notes = FileNotes(path, "doccano")
    yield from iter_parsed(
        path,
        lambda raw, number: doccano_to_document(
            raw, source=path, fallback_id=f"{path.stem}-{number}", notes=notes, offsets=offsets
        ),
        lenient=False,
        report=None,
    )
    notes.flush()


def write_doccano(
    path: str | Path,
    docs: Iterable[AnnotatedDocument],
    *,
    offsets: OffsetUnit = UTF16,
    record: bool = True,
) -> int:
    """Write documents as doccano JSONL; returns the count.

    With ``record=False`` the zitat record is left out and what doccano cannot show
    (quote ids and media, entity names and kinds, stances, metadata) is reported lost.
    """
    path = Path(path)
    lost: list[str] = []

    def lines() -> Iterator[dict[str, Any]]:
        for doc in docs:
            if not doc.text:
                lost.append(f"document {doc.id!r} has no text, which doccano refuses to import")
            if not record and (doc.annotations.quotes or doc.annotations.entities):
                lost.append(f"{doc.id!r}: {_unshown(doc)}")
            yield document_to_doccano(doc, offsets=offsets, record=record)

    count = write_records(path, lines())
    warn_loss(path, "doccano cannot carry", lost)
    return count


def _unshown(doc: AnnotatedDocument) -> str:
    a = doc.annotations
    return (
        f"ids and media of {len(a.quotes)} quotes, names/kinds/ids of {len(a.entities)} "
        f"entities, {len(a.stances)} stances and the metadata"
    )
