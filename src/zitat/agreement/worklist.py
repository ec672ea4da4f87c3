"""The merge worklist: conflicts as Prodigy choice tasks, the reviewer's answers, a Markdown list.

One task per open conflict. ``text`` is the passage around it (the sentences it touches),
``label`` says what is disputed, and ``options`` are the versions, each naming the annotators
who gave it (``v1``, ``v2`` …, and ``none`` for "no quote / no stance"). ``meta`` shows the
document, the conflict key and the disputed fields in Prodigy's corner. ``zitat_merge`` carries
the machine-readable versions, the key and a fingerprint, which Prodigy keeps; answering a
task means accepting exactly one option (Prodigy's ``accept`` list with ``answer: accept``).
Rejected, ignored or unanswered tasks decide nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from zitat.agreement.group import excerpt
from zitat.agreement.merge import NONE, Conflict, Decision, MergeResult, Version
from zitat.errors import ValidationError
from zitat.io.hashing import input_hash, task_hash
from zitat.io.jsonl import ReadReport, iter_parsed
from zitat.schema import Document, Role

__all__ = ["read_decisions", "worklist_markdown", "worklist_tasks"]

_WHAT = {
    "quote": "Zitat / quote",
    "stance": "Haltung / stance",
    "entity": "Sprecher / speaker entity",
    "entity-stance": "Haltung des Sprechers / speaker stance",
}
_NONE_TEXT = {
    "quote": "kein Zitat / no quote",
    "stance": "keine Haltung / no stance",
    "entity-stance": "keine Haltung / no stance",
}


def _context(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Widen ``start``-``end`` to the sentences it touches."""
    lo, hi = start, end
    for s in doc.sentences:
        if s.end > start and s.start < end:
            lo, hi = min(lo, s.start), max(hi, s.end)
    return lo, hi


def _quoted(text: str, raw: Iterable[list[int]], width: int = 120) -> str:
    parts = [excerpt(text, a, b, width) for a, b in raw]
    return " … ".join(f"„{p}“" for p in parts) if parts else "—"


def _describe(conflict: Conflict, version: Version, doc: Document, names: Mapping[str, str]) -> str:
    who = ", ".join(version.annotators) or "—"
    value = version.value
    if value is None:
        return f"{_NONE_TEXT.get(conflict.kind, NONE)} ({who})"
    text = doc.text
    if conflict.kind == "quote":
        parts = [f"{value['type']}, {value['medium']}", _quoted(text, value["spans"], 160)]
        for role in Role:
            if value[role.value]:
                parts.append(f"{role.value}: {_quoted(text, value[role.value], 60)}")
        if value["entity"] is not None:
            parts.append(f"entity: {names.get(value['entity'], value['entity'])}")
        if value["parent"] is not None:
            parts.append(f"nested in {value['parent']}")
        return f"{who}: " + " · ".join(parts)
    if conflict.kind in ("stance", "entity-stance"):
        evidence = _quoted(text, value["evidence"], 80) if value["evidence"] else "no evidence"
        return f"{who}: {value['polarity']} · evidence: {evidence}"
    ext = f" · {value['external_id']}" if value["external_id"] else ""
    shared = set.intersection(
        *({tuple(m) for m in v.value["mentions"]} for v in conflict.versions if v.value)
    )
    own = [
        f"„{excerpt(text, a, b, 40)}“ ({a})" for a, b in value["mentions"] if (a, b) not in shared
    ]
    return f"{who}: {value['name']} ({value['kind']}){ext} · {len(value['mentions'])} mentions" + (
        ", only here: " + ", ".join(own) if own else ""
    )


def _names(result: MergeResult, doc_id: str) -> dict[str, str]:
    return {eid: f"{name} ({eid})" for eid, name in result.entity_names.get(doc_id, {}).items()}


def _label(conflict: Conflict) -> str:
    subject = conflict.key.split(":", 1)[1].replace(":", " → ")
    return f"{_WHAT[conflict.kind]} {subject}: {', '.join(conflict.fields)}"


def worklist_tasks(result: MergeResult) -> Iterator[dict[str, Any]]:
    """One Prodigy choice task per open conflict of ``result``."""
    for conflict in result.conflicts:
        doc = result.sources[conflict.doc_id]
        names = _names(result, conflict.doc_id)
        lo, hi = _context(doc, conflict.start, max(conflict.end, conflict.start + 1))
        task: dict[str, Any] = {
            "text": doc.text[lo:hi],
            "label": _label(conflict),
            "options": [
                {"id": v.id, "text": _describe(conflict, v, doc, names)} for v in conflict.versions
            ],
            "meta": {
                "doc_id": conflict.doc_id,
                "key": conflict.key,
                "fields": ", ".join(conflict.fields),
                "offsets": f"{conflict.start}-{conflict.end}",
            },
            "zitat_merge": {
                "doc_id": conflict.doc_id,
                "key": conflict.key,
                "kind": conflict.kind,
                "fingerprint": conflict.fingerprint,
                "depends_on": conflict.depends_on,
                "versions": [v.to_dict() for v in conflict.versions],
            },
        }
        if conflict.depends_on is not None:
            task["meta"]["after"] = conflict.depends_on
        task["_input_hash"] = input_hash(task)
        task["_task_hash"] = task_hash(task)
        yield task


def _decision(record: Any, number: int, source: str) -> Decision | None:
    if not isinstance(record, dict):
        raise ValidationError("expected a JSON object", obj="worklist task")
    z = record.get("zitat_merge")
    if not isinstance(z, dict) or not all(
        isinstance(z.get(k), str) for k in ("doc_id", "key", "fingerprint")
    ):
        raise ValidationError(
            "needs zitat_merge.doc_id, .key and .fingerprint (a task written by zitat gold merge)",
            obj="worklist task",
            field="zitat_merge",
        )
    answer, accept = record.get("answer"), record.get("accept")
    if answer != "accept" or not accept:
        return None  # unanswered, rejected or ignored: no decision
    options = {v.get("id") for v in z.get("versions", []) if isinstance(v, dict)}
    if not isinstance(accept, list) or len(accept) != 1 or accept[0] not in options:
        raise ValidationError(
            f"accept exactly one of {sorted(str(o) for o in options)}, got {accept!r}",
            obj=f"worklist task {z['key']!r}",
            field="accept",
        )
    return Decision(z["doc_id"], z["key"], str(accept[0]), z["fingerprint"], f"{source}:{number}")


def read_decisions(paths: Iterable[str | Path]) -> list[Decision]:
    """The decisions in answered worklist files (in file and line order; later ones win)."""
    out: list[Decision] = []
    for path in paths:
        source = str(path)

        def parse(record: Any, number: int, source: str = source) -> Decision | None:
            return _decision(record, number, source)

        parsed = iter_parsed(path, parse, lenient=False, report=ReadReport())
        out += [d for d in parsed if d is not None]
    return out


def worklist_markdown(result: MergeResult) -> str:
    """The open conflicts as a readable Markdown list, with the merge's summary on top."""
    summary = result.summary()
    agreed = summary["agreed"]
    intro = (
        f"Annotators: {', '.join(result.annotators)}. Merged documents: {summary['documents']}. "
        f"Agreed and kept: {agreed['quote']} quotes, {agreed['stance']} stances, "
        f"{agreed['entity']} entities. Decisions applied: {summary['decisions_applied']}."
    )
    n = len(result.conflicts)
    lines = [f"# Merge worklist: {n} open conflict{'s' if n != 1 else ''}", "", intro, ""]
    for label, items in (
        ("Stale decisions (their conflict changed; not applied)", summary["decisions_stale"]),
        ("Decisions for conflicts that no longer exist", summary["decisions_unused"]),
        ("Documents only one annotator has", result.single),
        ("Notes", result.notes),
    ):
        if items:
            lines += [f"{label}:", "", *(f"- {x}" for x in items), ""]
    current = None
    for n, conflict in enumerate(result.conflicts, start=1):
        doc = result.sources[conflict.doc_id]
        if conflict.doc_id != current:
            current = conflict.doc_id
            lines += [f"## {conflict.doc_id}", ""]
        lo, hi = _context(doc, conflict.start, max(conflict.end, conflict.start + 1))
        passage = excerpt(doc.text, lo, hi, 400)
        after = f" (after {conflict.depends_on})" if conflict.depends_on else ""
        lines += [f"### {n}. {_label(conflict)}{after}", "", f"> {passage}", ""]
        names = _names(result, conflict.doc_id)
        lines += [f"- **{v.id}** {_describe(conflict, v, doc, names)}" for v in conflict.versions]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
