"""Label Studio JSON: a list of tasks with text regions, per-region media and relations.

A task holds the text and zitat's record in ``data`` and one annotation (or, for
pre-annotation, one prediction) whose ``result`` lists

* ``labels`` regions ``{"id", "from_name": "label", "to_name": "text", "type": "labels",
  "value": {"start", "end", "text", "labels": [LABEL]}}`` with the labels of
  :mod:`zitat.io.formats.graph`;
* per-region ``choices`` ``{"id": <region id>, "from_name": "medium", "type": "choices",
  "value": {…, "choices": [MEDIUM]}}`` on quote regions;
* ``relation`` items ``{"from_id", "to_id", "type": "relation", "direction": "right",
  "labels": [LINK]}``.

:func:`labelstudio_config` is the labelling configuration these tasks expect.

Offsets: Label Studio's ``Text`` tag stores **code points** (its frontend converts the
browser's UTF-16 selection; its own tests expect ``start`` 21 for "test" in "🐱 Warning:
This is a test text"), so that is the default. Exports from older versions counted UTF-16
code units; read those with ``offsets="utf-16"``. A region's ``value.text``, when present,
is checked against the text so the two cannot be confused silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from zitat.errors import ValidationError
from zitat.io.formats.assemble import FileNotes, build_document
from zitat.io.formats.graph import (
    LINK_LABELS,
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
from zitat.io.formats.record import RECORD_KEY, Record, make_record, read_record
from zitat.io.formats.textfile import read_export
from zitat.io.formats.utf16 import CODE_POINTS, UTF16, OffsetMap, OffsetUnit, check_unit
from zitat.io.prodigy import QUOTE_LABELS
from zitat.schema import AnnotatedDocument, Medium
from zitat.text.prepare import prepare

__all__ = [
    "document_to_task",
    "labelstudio_config",
    "read_labelstudio",
    "task_documents",
    "write_labelstudio",
]

LABELS = "label"
MEDIUM = "medium"
TEXT = "text"
_COLOURS = {
    "DIRECT": "#1f77b4",
    "INDIRECT": "#2ca02c",
    "FREE_INDIRECT": "#17becf",
    "INDIRECT_FREE_INDIRECT": "#9467bd",
    "REPORTED": "#8c564b",
    "CUE": "#d62728",
    "FRAME": "#ff7f0e",
    "SPEAKER": "#e377c2",
    "ADDRESSEE": "#bcbd22",
    "MENTION": "#7f7f7f",
}


def labelstudio_config() -> str:
    """The labelling configuration (XML) for tasks written by :func:`write_labelstudio`."""
    from xml.sax.saxutils import quoteattr  # imports urllib.request: only when asked for

    labels = "\n".join(
        f"    <Label value={quoteattr(label)} background={quoteattr(_COLOURS[label])}/>"
        for label in REGION_LABELS
    )
    relations = "\n".join(f"    <Relation value={quoteattr(r)}/>" for r in LINK_LABELS)
    media = "\n".join(f"    <Choice value={quoteattr(m.value)}/>" for m in Medium)
    quote_labels = ",".join(QUOTE_LABELS)
    return f"""<View>
  <Style>.htx-text {{ white-space: pre-wrap; }}</Style>
  <Relations>
{relations}
  </Relations>
  <Labels name="{LABELS}" toName="{TEXT}">
{labels}
  </Labels>
  <Text name="{TEXT}" value="${TEXT}"/>
  <Choices name="{MEDIUM}" toName="{TEXT}" perRegion="true" choice="single"
           visibleWhen="region-selected" whenTagName="{TEXT}"
           whenLabelValue="{quote_labels}">
{media}
  </Choices>
</View>
"""


# -- writing -----------------------------------------------------------------------------------


def document_to_task(
    doc: AnnotatedDocument,
    *,
    predictions: bool = False,
    model_version: str = "zitat",
    offsets: OffsetUnit = CODE_POINTS,
    record: bool = True,
) -> dict[str, Any]:
    """The Label Studio task for one document (``predictions``: as a pre-annotation)."""
    doc = AnnotatedDocument(prepare(doc.document), doc.annotations)
    text = doc.text
    omap = OffsetMap(text, check_unit(offsets))
    graph = project(doc.annotations, medium=True)
    regions = sorted(graph.regions)
    ident = {r: f"r{i}" for i, r in enumerate(regions, start=1)}
    result: list[dict[str, Any]] = []
    for r in regions:
        value = {
            "start": omap.to_unit(r.start),
            "end": omap.to_unit(r.end),
            "text": text[r.start : r.end],
        }
        common = {"id": ident[r], "to_name": TEXT}
        result.append(
            {
                **common,
                "from_name": LABELS,
                "type": "labels",
                "value": {**value, "labels": [r.label]},
            }
        )
        if r.medium:
            result.append(
                {
                    **common,
                    "from_name": MEDIUM,
                    "type": "choices",
                    "value": {**value, "choices": [r.medium]},
                }
            )
    result += [
        {
            "from_id": ident[k.source],
            "to_id": ident[k.target],
            "type": "relation",
            "direction": "right",
            "labels": [k.label],
        }
        for k in sorted(graph.links)
    ]
    data: dict[str, Any] = {TEXT: text, "doc_id": doc.id}
    if record:
        data[RECORD_KEY] = make_record(doc)
    if predictions:
        return {"data": data, "predictions": [{"model_version": model_version, "result": result}]}
    return {"data": data, "annotations": [{"result": result}]}


def write_labelstudio(
    path: str | Path,
    docs: Iterable[AnnotatedDocument],
    *,
    predictions: bool = False,
    model_version: str = "zitat",
    offsets: OffsetUnit = CODE_POINTS,
    record: bool = True,
) -> int:
    """Write documents as a Label Studio JSON task list; returns the count.

    ``predictions=True`` writes them as pre-annotations for review. With ``record=False``
    what Label Studio cannot show (quote ids, entity names and kinds, stances, metadata) is
    reported lost.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    lost: list[str] = []
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("[")
        for doc in docs:
            task = document_to_task(
                doc,
                predictions=predictions,
                model_version=model_version,
                offsets=offsets,
                record=record,
            )
            if not record and (doc.annotations.quotes or doc.annotations.entities):
                a = doc.annotations
                lost.append(
                    f"{doc.id!r}: ids of {len(a.quotes)} quotes, names/kinds/ids of "
                    f"{len(a.entities)} entities, {len(a.stances)} stances and the metadata"
                )
            handle.write(",\n" if count else "\n")
            handle.write(json.dumps(task, ensure_ascii=False))
            count += 1
        handle.write("\n]\n")
    warn_loss(path, "Label Studio cannot carry", lost)
    return count


# -- reading -----------------------------------------------------------------------------------


def _one(value: Any, allowed: Iterable[str], where: str, what: str) -> str:
    allowed = tuple(allowed)
    if not (isinstance(value, list) and len(value) == 1):
        raise ValidationError(f"expected exactly one {what}, got {value!r}", field=where)
    if value[0] not in allowed:
        raise ValidationError(
            f"unknown {what} {value[0]!r}; expected one of: {', '.join(allowed)}", field=where
        )
    return str(value[0])


def _region(item: dict[str, Any], omap: OffsetMap, at: str) -> Region:
    value = item.get("value")
    if not isinstance(value, dict):
        raise ValidationError("expected an object", field=f"{at}.value")
    label = _one(value.get("labels"), REGION_LABELS, f"{at}.value.labels", "label")
    for name in ("start", "end"):
        if name not in value:
            raise ValidationError("missing", field=f"{at}.value.{name}")
    start = omap.to_code_point(value["start"], field=f"{at}.value.start")
    end = omap.to_code_point(value["end"], field=f"{at}.value.end")
    text = omap.text
    if end <= start:
        raise ValidationError(
            f"empty or reversed span {value['start']}-{value['end']}", field=f"{at}.value.end"
        )
    if "text" in value and value["text"] != text[start:end]:
        hint = ""
        other = OffsetMap(text, UTF16 if omap.unit == CODE_POINTS else CODE_POINTS)
        try:
            s2 = other.to_code_point(value["start"], field="start")
            e2 = other.to_code_point(value["end"], field="end")
            if text[s2:e2] == value["text"]:
                hint = f"; the offsets count {other.unit}: read with offsets={other.unit!r}"
        except ValidationError:
            pass
        raise ValidationError(
            f"value.text {value['text']!r} differs from the text at {value['start']}-"
            f"{value['end']} ({text[start:end]!r}){hint}",
            field=f"{at}.value.text",
        )
    if not text[start:end].strip():
        raise ValidationError(f"span {start}-{end} covers only whitespace", field=f"{at}.value")
    return Region(start, end, label)


def _graph(result: Any, omap: OffsetMap, where: str) -> tuple[Graph, list[str]]:
    """The graph of one annotation's results, and the kinds of results it ignored."""
    if not isinstance(result, list):
        raise ValidationError("expected a list", field=f"{where}.result")
    regions: dict[str, Region] = {}
    items = []
    for i, item in enumerate(result):
        at = f"{where}.result[{i}]"
        if not isinstance(item, dict):
            raise ValidationError("expected an object", field=at)
        items.append((at, item))
        if item.get("type") == "labels":
            ident = item.get("id")
            if not isinstance(ident, str | int) or isinstance(ident, bool):
                raise ValidationError(f"expected a region id, got {ident!r}", field=f"{at}.id")
            if str(ident) in regions:
                raise ValidationError(f"duplicate region id {ident!r}", field=f"{at}.id")
            regions[str(ident)] = _region(item, omap, at)
    media: dict[str, str] = {}
    arrows: list[tuple[str, str, str]] = []
    ignored: list[str] = []
    for at, item in items:
        kind = item.get("type")
        if kind == "labels":
            continue
        if kind == "choices" and item.get("from_name") == MEDIUM and str(item.get("id")) in regions:
            ident = str(item["id"])
            value = item.get("value")
            choices = value.get("choices") if isinstance(value, dict) else None
            media[ident] = _one(choices, (m.value for m in Medium), f"{at}.value.choices", "medium")
            if regions[ident].label not in QUOTE_LABELS:
                raise ValidationError(
                    f"a medium belongs to a quote region, not a {regions[ident].label} region",
                    field=f"{at}.from_name",
                )
        elif kind == "relation":
            arrows.append(_arrow(item, regions, at))
        else:
            ignored.append(f"{kind}/{item.get('from_name')}")
    tagged = [Region(r.start, r.end, r.label, media.get(i, "")) for i, r in regions.items()]
    final = dict(zip(regions, number_copies(tagged), strict=True))
    links = frozenset(Link(final[a], final[b], label) for a, b, label in arrows)
    return Graph(frozenset(final.values()), links), ignored


def _arrow(item: dict[str, Any], regions: dict[str, Region], at: str) -> tuple[str, str, str]:
    """``(source id, target id, label)`` of a relation result, checked."""
    ends = []
    for name in ("from_id", "to_id"):
        ident = item.get(name)
        if ident is None or str(ident) not in regions:
            raise ValidationError(f"no region with id {ident!r}", field=f"{at}.{name}")
        ends.append(str(ident))
    direction = item.get("direction", "right")
    if direction == "left":
        ends.reverse()
    elif direction != "right":
        raise ValidationError(
            f"direction {direction!r} cannot be read; draw the relation one way (right or left)",
            field=f"{at}.direction",
        )
    labels = item.get("labels")
    if not labels:
        raise ValidationError(
            f"the relation has no label; expected one of: {', '.join(LINK_LABELS)}",
            field=f"{at}.labels",
        )
    label = _one(labels, LINK_LABELS, f"{at}.labels", "relation label")
    problem = check_link(regions[ends[0]].label, regions[ends[1]].label, label)
    if problem:
        raise ValidationError(problem, field=f"{at}.labels")
    return ends[0], ends[1], label


def _document(
    graph: Graph,
    *,
    text: str,
    record: Record | None,
    base: str,
    source: Path,
    notes: FileNotes,
    tool_meta: dict[str, Any],
    suffix: str,
) -> AnnotatedDocument:
    return build_document(
        source=source,
        tool="labelstudio",
        text=text,
        record=record,
        unchanged=lambda a: project(a, medium=True) == graph,
        rebuild=lambda: rebuild(graph, text),
        fallback_id=base,
        notes=notes,
        tool_meta=tool_meta,
        id_suffix=suffix,
    )


def task_documents(
    task: Any,
    *,
    index: int,
    source: Path,
    notes: FileNotes,
    predictions: bool = False,
    offsets: OffsetUnit = CODE_POINTS,
) -> list[AnnotatedDocument]:
    """The documents of one task: one per (non-cancelled) annotation or prediction."""
    if not isinstance(task, dict):
        raise ValidationError(f"expected a task object, got {type(task).__name__}")
    data = task.get("data")
    if not isinstance(data, dict) or not isinstance(data.get(TEXT), str):
        raise ValidationError("expected the document text (a string)", field=f"data.{TEXT}")
    text: str = data[TEXT]
    omap = OffsetMap(text, check_unit(offsets))
    key = "predictions" if predictions else "annotations"
    containers = task.get(key) or []
    if not isinstance(containers, list):
        raise ValidationError("expected a list", field=key)
    rec = (
        read_record(data[RECORD_KEY], text, where=f"data.{RECORD_KEY}")
        if RECORD_KEY in data
        else None
    )
    task_id = task.get("id")
    base = data.get("doc_id") or (
        str(task_id) if task_id is not None else f"{source.stem}-{index + 1}"
    )
    kept = [
        (i, c)
        for i, c in enumerate(containers)
        if not (isinstance(c, dict) and c.get("was_cancelled"))
    ]
    docs = []
    for i, container in kept:
        where = f"{key}[{i}]"
        if not isinstance(container, dict):
            raise ValidationError("expected an object", field=where)
        graph, ignored = _graph(container.get("result"), omap, where)
        if ignored:
            warn_loss(source, f"tasks[{index}].{where}: ignored results", sorted(set(ignored)))
        tool_meta = {
            name: value
            for name, value in (
                ("task", task_id),
                ("annotation", container.get("id")),
                ("completed_by", container.get("completed_by")),
            )
            if value is not None
        }
        suffix = ""
        if len(kept) > 1:
            who = container.get("completed_by")
            if isinstance(who, dict):
                who = who.get("email") or who.get("id")
            suffix = f"@{who if who is not None else i}"
        doc = _document(
            graph,
            text=text,
            record=rec,
            base=str(base),
            source=source,
            notes=notes,
            tool_meta=tool_meta,
            suffix=suffix,
        )
        docs.append(doc)
    return docs


def read_labelstudio(
    path: str | Path, *, predictions: bool = False, offsets: OffsetUnit = CODE_POINTS
) -> Iterator[AnnotatedDocument]:
    """Documents from a Label Studio JSON export (a list of tasks, or one task).

    One document per annotation (``predictions=True``: per prediction); cancelled ones and
    tasks without any are skipped and reported. When a task has several, each document's
    id gets ``@<annotator>``. Errors name the file, the task index and the field.
    """
    path = Path(path)
    tasks = _load(path)
    notes = FileNotes(path, "Label Studio")
    empty = []
    for index, task in enumerate(tasks):
        try:
            docs = task_documents(
                task,
                index=index,
                source=path,
                notes=notes,
                predictions=predictions,
                offsets=offsets,
            )
        except ValidationError as err:
            raise err.inside(f"tasks[{index}]").located(path) from None
        if not docs:
            empty.append(f"tasks[{index}]")
        yield from docs
    what = "predictions" if predictions else "annotations"
    if empty:
        shown = ", ".join(empty[:5]) + (f" and {len(empty) - 5} more" if len(empty) > 5 else "")
        warn_loss(path, f"skipped {len(empty)} task(s) without {what}", [shown])
    notes.flush()


def _load(path: Path) -> list[Any]:
    try:
        data = json.loads(read_export(path))
    except json.JSONDecodeError as err:
        raise ValidationError(
            f"malformed JSON: {err.msg} at column {err.colno}", source=path, line=err.lineno
        ) from None
    if isinstance(data, dict):
        return [data]
    if not isinstance(data, list):
        raise ValidationError(
            f"expected a list of tasks, got {type(data).__name__}", source=path, line=1
        )
    return data
