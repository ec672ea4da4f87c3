"""Reading Prodigy ``db-out`` exports back into gold, one gold folder per annotator.

Each input line is one answered task: a quote task (``text``, ``tokens``, ``spans``,
``relations``) or a stance choice task (``options``, ``accept``). Prodigy's answers mean:

- ``accept``: the task as the annotator saved it is correct: it becomes gold;
- ``reject``: the task (or its pre-annotation) is wrong: not gold, listed in the report;
- ``ignore``: skipped by the annotator: not used, listed in the report.

Answers are kept apart by annotator (``_annotator_id``, else ``_session_id``; Prodigy sets
both to ``<dataset>-<session>``, and the dataset part is removed for the datasets named in
``datasets``). Several answers of one annotator to one question (same ``_task_hash``, or the
same document / the same quote and target under different hashes) are resolved by the
``duplicates`` policy and each resolution is reported. Records that do not validate are
reported with file, line and field; nothing is dropped without a line in the report.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from zitat.annotate.export import PREANNOTATION_KEY, STANCE_KEY
from zitat.annotate.merge import SpanKey, merge_preannotation
from zitat.annotate.report import Duplicate, ImportReport, Issue, Reason
from zitat.errors import InputError, ValidationError
from zitat.io.hashing import input_hash, task_hash
from zitat.io.jsonl import ReadReport, iter_parsed, write_documents, write_records
from zitat.io.prodigy import document_to_record, record_to_document
from zitat.io.stance_tasks import NO_STANCE
from zitat.schema import AnnotatedDocument, Polarity, Span, Stance, TargetInventory
from zitat.schema.span import check_spans
from zitat.text.prepare import prepare

__all__ = ["DEFAULT_DATASETS", "DuplicatePolicy", "import_db_out"]

DuplicatePolicy = Literal["latest", "first", "error"]
DEFAULT_DATASETS: tuple[str, ...] = ("zitat_quotes", "zitat_stances")
GOLD_FILE = "gold.jsonl"
STANCE_FILE = "gold.stances.jsonl"
TARGETS_FILE = "targets.yaml"
_PROVENANCE = ("_input_hash", "_task_hash", "_annotator_id", "_session_id", "_timestamp")


@dataclass(frozen=True)
class _Entry:
    """One decision: a quote task, or one holder (document + quote) of a stance task."""

    source: str
    line: int
    order: int
    record: dict[str, Any]
    annotator: str
    kind: str
    answer: Any
    task: int
    identity: tuple[Any, ...]
    timestamp: float | None
    holder: dict[str, Any] | None = None

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"

    @property
    def what(self) -> str:
        if self.kind == "quotes":
            return f"document {self.identity[0]!r}"
        doc_id, quote, entity, target = self.identity
        return f"stance {doc_id!r}/{quote or entity!r} -> {target!r}"


def _annotator(record: dict[str, Any], datasets: Sequence[str]) -> str:
    raw = record.get("_annotator_id") or record.get("_session_id")
    if not isinstance(raw, str | int) or isinstance(raw, bool) or raw == "":
        return "anonymous"
    name = str(raw)
    for dataset in datasets:
        if name.startswith(f"{dataset}-") and len(name) > len(dataset) + 1:
            name = name[len(dataset) + 1 :]
            break
    safe = re.sub(r"[^\w.-]+", "_", name).strip(".")
    return safe or "anonymous"


def _meta(record: dict[str, Any]) -> dict[str, Any]:
    meta = record.get("meta")
    return meta if isinstance(meta, dict) else {}


def _doc_id(record: dict[str, Any]) -> str:
    doc_id = _meta(record).get("doc_id")
    if doc_id:
        return str(doc_id)
    hashed = record.get("_input_hash")
    if not isinstance(hashed, int):
        hashed = input_hash(record)
    return f"doc-{hashed}"


def _holders(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The (document, quote or entity) pairs a stance task asks about.

    An exported task may stand for several quotes with the same text (the same quotation in
    several articles): ``zitat_stance.holders``. Other choice tasks name one in ``meta``.
    """
    extra = record.get(STANCE_KEY)
    extra = extra if isinstance(extra, dict) else {}
    holders = extra.get("holders")
    if isinstance(holders, list) and holders and all(isinstance(h, dict) for h in holders):
        return holders
    meta = _meta(record)
    return [
        {
            "doc_id": meta.get("doc_id"),
            "quote": meta.get("quote"),
            "entity": meta.get("entity"),
            "evidence": extra.get("evidence") or [],
            "proposed": extra.get("proposed"),
        }
    ]


def _entries(
    source: str, line: int, order: int, record: dict[str, Any], datasets: Sequence[str]
) -> list[_Entry]:
    hashed = record.get("_task_hash")
    if not isinstance(hashed, int):
        hashed = task_hash(record)
    stamp = record.get("_timestamp")
    timestamp = (
        float(stamp) if isinstance(stamp, int | float) and not isinstance(stamp, bool) else None
    )
    common: dict[str, Any] = {
        "source": source,
        "line": line,
        "order": order,
        "record": record,
        "annotator": _annotator(record, datasets),
        "answer": record.get("answer"),
        "task": hashed,
        "timestamp": timestamp,
    }
    if not (isinstance(record.get("options"), list) or STANCE_KEY in record):
        return [_Entry(kind="quotes", identity=(_doc_id(record),), **common)]
    target = _meta(record).get("target")
    return [
        _Entry(
            kind="stances",
            identity=(h.get("doc_id"), h.get("quote"), h.get("entity"), target),
            holder=h,
            **common,
        )
        for h in _holders(record)
    ]


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        return "/".join(str(v) for v in value if v is not None)
    return str(value)


def _faithful(record: dict[str, Any], structured: AnnotatedDocument) -> bool:
    """True if the record's spans and relations are what its ``zitat`` key implies."""
    again = document_to_record(structured)

    def key(span: dict[str, Any]) -> SpanKey:
        return (span["start"], span["end"], span["label"])

    def spans(r: dict[str, Any]) -> set[SpanKey]:
        return {key(s) for s in r.get("spans") or []}

    def arcs(r: dict[str, Any]) -> set[tuple[Any, ...]]:
        return {
            (key(rel["head_span"]), key(rel["child_span"]), rel["label"])
            for rel in r.get("relations") or []
        }

    try:
        return spans(record) == spans(again) and arcs(record) == arcs(again)
    except (KeyError, TypeError):
        return False


class _Importer:
    def __init__(
        self,
        report: ImportReport,
        *,
        policy: DuplicatePolicy,
        restore: bool,
        targets: TargetInventory | None,
    ) -> None:
        self.report, self.policy, self.restore, self.targets = report, policy, restore, targets
        self.docs: dict[str, dict[str, AnnotatedDocument]] = {}
        self.doc_source: dict[tuple[str, str], str] = {}
        self.answers: dict[str, list[tuple[_Entry, dict[str, Any], Stance | None]]] = {}

    def issue(self, entry: _Entry, reason: Reason, detail: str) -> None:
        self.report.issues.append(
            Issue(entry.source, entry.line, entry.annotator, entry.kind, reason, detail)
        )

    def notes(self, entry: _Entry) -> Counter[str]:
        return self.report.annotator(entry.annotator).notes

    # -- duplicates -----------------------------------------------------------------------

    def resolve(self, entries: list[_Entry]) -> list[_Entry]:
        """The entries that count, one per question and annotator; the rest reported."""
        deciding = []
        for e in entries:
            self.report.annotator(e.annotator)
            if e.answer == "ignore":
                self.issue(e, "ignored", f"{e.what}: answered ignore")
            elif e.answer not in ("accept", "reject"):
                self.issue(
                    e,
                    "unanswered",
                    f"{e.what}: answer is {e.answer!r}, expected accept, reject or ignore",
                )
            else:
                deciding.append(e)
        kept = self._dedupe(deciding, lambda e: ("task hash", (e.task, *e.identity)))
        return self._dedupe(kept, lambda e: ("same question", e.identity))

    def _dedupe(
        self, entries: list[_Entry], key_of: Callable[[_Entry], tuple[str, tuple[Any, ...]]]
    ) -> list[_Entry]:
        groups: dict[tuple[Any, ...], list[_Entry]] = {}
        for e in entries:
            groups.setdefault((e.annotator, e.kind, *key_of(e)), []).append(e)
        kept: list[_Entry] = []
        clashes: list[tuple[str, str, str, list[_Entry], str]] = []
        for (annotator, kind, what, value), group in groups.items():
            if len(group) == 1:
                kept.append(group[0])
                continue
            timed = all(e.timestamp is not None for e in group)
            ordered = sorted(group, key=lambda e: ((e.timestamp or 0.0) if timed else 0.0, e.order))
            rule = "by _timestamp" if timed else "by position in the input"
            clashes.append((annotator, kind, f"{what} {_show(value)}", ordered, rule))
        if clashes and self.policy == "error":
            lines = [
                f"{a} ({k}, {key}): " + ", ".join(e.where for e in group)
                for a, k, key, group, _ in clashes
            ]
            raise InputError(
                "duplicate answers (--duplicates error); choose --duplicates latest or first:"
                "\n  " + "\n  ".join(lines)
            )
        for annotator, kind, key, ordered, rule in clashes:
            winner = ordered[-1] if self.policy == "latest" else ordered[0]
            losers = [e for e in ordered if e is not winner]
            kept.append(winner)
            self.report.duplicates.append(
                Duplicate(
                    annotator=annotator,
                    kind=kind,
                    key=key,
                    kept=winner.where,
                    dropped=tuple(e.where for e in losers),
                    rule=f"{self.policy}, {rule}",
                )
            )
            for e in losers:
                self.issue(
                    e,
                    "duplicate",
                    f"{e.what}: {key} answered again; kept {winner.where} ({self.policy}, {rule})",
                )
        return sorted(kept, key=lambda e: e.order)

    # -- quote tasks ----------------------------------------------------------------------

    def quote_task(self, entry: _Entry) -> None:
        if entry.answer == "reject":
            self.issue(entry, "rejected", f"{entry.what}: answered reject")
            return
        try:
            doc = self._document(entry)
        except ValidationError as err:
            self.issue(entry, "invalid", str(err.located(entry.source, entry.line)))
            return
        # Prodigy may have tokenised the text itself (rel.manual with blank:de keeps
        # whitespace tokens); the offsets are what count, so the gold gets zitat's tokens.
        fresh = prepare(doc.document.with_(tokens=(), sentences=()))
        doc = AnnotatedDocument(fresh, doc.annotations)
        self.docs.setdefault(entry.annotator, {})[doc.id] = doc
        self.doc_source[(entry.annotator, doc.id)] = entry.where
        self.report.annotator(entry.annotator).documents += 1

    def _document(self, entry: _Entry) -> AnnotatedDocument:
        record = dict(entry.record)
        pre = record.pop(PREANNOTATION_KEY, None)
        fallback = _doc_id(record)
        if record.get("zitat") is not None:
            try:  # spans edited in Prodigy leave the indices of a zitat key pointing astray
                structured: AnnotatedDocument | None = record_to_document(
                    record, fallback_id=fallback
                )
            except ValidationError:
                structured = None
            if structured is not None and _faithful(record, structured):
                if structured.annotations.stances:
                    self.notes(entry)[
                        "stances of a zitat key left out (they come from choice tasks)"
                    ] += len(structured.annotations.stances)
                return AnnotatedDocument(
                    structured.document, structured.annotations.with_(stances=())
                )
            self.notes(entry)["zitat key disagreed with the saved spans: rebuilt from them"] += 1
            record.pop("zitat")
        edited = record_to_document(record, fallback_id=fallback)
        if pre is None:
            return edited
        return self._merge(entry, edited, record, pre)

    def _merge(
        self, entry: _Entry, edited: AnnotatedDocument, record: dict[str, Any], pre: Any
    ) -> AnnotatedDocument:
        where = PREANNOTATION_KEY
        try:
            full_spans = [{"start": s, "end": e, "label": lab} for s, e, lab in pre["spans"]]
            shown = pre["shown"]
            shown_spans = [{"start": s, "end": e, "label": lab} for s, e, lab in shown["spans"]]
            shown_relations = [
                {"head_span": shown_spans[h], "child_span": shown_spans[c], "label": lab}
                for h, c, lab in shown["relations"]
            ]
            structure = dict(pre["structure"])
        except (KeyError, TypeError, ValueError, IndexError):
            raise ValidationError(
                "malformed pre-annotation (changed outside zitat?)", obj="record", field=where
            ) from None
        base = {"text": record["text"], "tokens": record.get("tokens", [])}
        try:
            full = record_to_document({**base, "spans": full_spans, "zitat": structure})
            was_shown = record_to_document(
                {**base, "spans": shown_spans, "relations": shown_relations}
            )
        except ValidationError as err:
            raise err.inside("record", where) from None
        merged, notes = merge_preannotation(
            edited.annotations,
            pre=full.annotations,
            shown=was_shown.annotations,
            shown_keys={(s["start"], s["end"], s["label"]) for s in shown_spans},
            edited_keys={(s["start"], s["end"], s["label"]) for s in record.get("spans") or []},
            restore=self.restore,
        )
        counter = self.notes(entry)
        if notes.restored_quotes:
            counter["quotes not shown, restored"] += notes.restored_quotes
        if notes.restored_spans:
            counter["role and mention spans not shown, restored"] += notes.restored_spans
        if notes.dropped_hidden:
            counter["quotes not shown, left out"] += notes.dropped_hidden
        try:
            return AnnotatedDocument(edited.document, merged)
        except ValidationError as err:
            raise err.inside("record") from None

    # -- stance tasks ---------------------------------------------------------------------

    def stance_task(self, entry: _Entry) -> None:
        if entry.answer == "reject":
            self.issue(entry, "rejected", f"{entry.what}: answered reject")
            return
        try:
            stance, cleaned = self._stance(entry)
        except ValidationError as err:
            self.issue(entry, "invalid", str(err.located(entry.source, entry.line)))
            return
        self.answers.setdefault(entry.annotator, []).append((entry, cleaned, stance))

    def _stance(self, entry: _Entry) -> tuple[Stance | None, dict[str, Any]]:
        record, holder = entry.record, entry.holder or {}
        obj = "choice task"
        target = _meta(record).get("target")
        if not isinstance(target, str) or not target:
            raise ValidationError("missing or not a string", obj=obj, field="meta.target")
        if not isinstance(holder.get("doc_id"), str) or not holder["doc_id"]:
            raise ValidationError("missing or not a string", obj=obj, field="meta.doc_id")
        if holder.get("quote") is None and holder.get("entity") is None:
            raise ValidationError("names neither a quote nor an entity", obj=obj, field="meta")
        if self.targets is not None and target not in self.targets.ids:
            raise ValidationError(
                f"unknown target {target!r}; the inventory has: "
                + ", ".join(sorted(self.targets.ids)),
                obj=obj,
                field="meta.target",
            )
        accept = record.get("accept")
        options = {NO_STANCE, *(p.value for p in Polarity)}
        if not isinstance(accept, list) or len(accept) != 1 or accept[0] not in options:
            raise ValidationError(
                f"expected exactly one of {sorted(options)}, got {accept!r}",
                obj=obj,
                field="accept",
            )
        raw = holder.get("evidence") or []
        proposed = holder.get("proposed")
        if proposed is not None and proposed != accept[0] and raw:
            self.notes(entry)["stance evidence dropped (polarity changed)"] += 1
            raw = []
        meta = {k: v for k, v in _meta(record).items() if k != "occurrences"}
        meta.update(doc_id=holder["doc_id"], quote=holder.get("quote"))
        meta.update(entity=holder.get("entity"), target=target)
        cleaned: dict[str, Any] = {
            k: record[k] for k in ("text", "label", "options") if k in record
        }
        cleaned.update(meta=meta, zitat_stance={"evidence": raw}, accept=accept, answer="accept")
        cleaned.update({k: record[k] for k in _PROVENANCE if k in record})
        if accept[0] == NO_STANCE:
            return None, cleaned
        try:
            evidence = tuple(Span(int(a), int(b)) for a, b in raw)
            stance = Stance(
                target=target,
                polarity=accept[0],
                quote=holder.get("quote"),
                entity=holder.get("entity"),
                evidence=evidence,
            )
        except ValidationError as err:
            raise err.inside(obj, "zitat_stance") from None
        except (TypeError, ValueError):
            raise ValidationError(
                f"bad evidence {raw!r}", obj=obj, field="zitat_stance.evidence"
            ) from None
        return stance, cleaned

    def attach_stances(self) -> dict[str, list[dict[str, Any]]]:
        """Fold each annotator's stance answers into their documents; the choice records."""
        written: dict[str, list[dict[str, Any]]] = {}
        for annotator, answers in self.answers.items():
            docs = self.docs.get(annotator, {})
            added: dict[str, list[Stance]] = {}
            for entry, cleaned, stance in answers:
                meta = cleaned["meta"]
                doc = docs.get(meta["doc_id"])
                if doc is None:
                    self.issue(
                        entry,
                        "unattached",
                        f"{entry.what}: {annotator} has no accepted quote task for document "
                        f"{meta['doc_id']!r}",
                    )
                    continue
                ann = doc.annotations
                if meta.get("quote") is not None:
                    holder, present = meta["quote"], meta["quote"] in {q.id for q in ann.quotes}
                else:
                    holder, present = meta["entity"], meta["entity"] in {e.id for e in ann.entities}
                if not present:
                    self.issue(
                        entry,
                        "unattached",
                        f"{entry.what}: {holder!r} is not in the imported document "
                        f"(removed or changed in {self.doc_source[(annotator, doc.id)]})",
                    )
                    continue
                if stance is not None:
                    try:
                        check_spans(stance.evidence, doc.text, obj="choice task", field="evidence")
                    except ValidationError as err:
                        self.issue(entry, "invalid", str(err.located(entry.source, entry.line)))
                        continue
                    added.setdefault(doc.id, []).append(stance)
                written.setdefault(annotator, []).append(cleaned)
                self.report.annotator(annotator).stance_answers[cleaned["accept"][0]] += 1
            for doc_id, stances in added.items():
                doc = docs[doc_id]
                docs[doc_id] = AnnotatedDocument(
                    doc.document, doc.annotations.with_(stances=tuple(stances))
                )
        return written


def _read(paths: Sequence[Path], datasets: Sequence[str], report: ImportReport) -> list[_Entry]:
    entries: list[_Entry] = []
    for order, path in enumerate(paths):
        problems = ReadReport()
        for number, record in iter_parsed(path, lambda r, n: (n, r), lenient=True, report=problems):
            if not isinstance(record, dict):
                message = f"{path}:{number}: expected a JSON object, got {type(record).__name__}"
                report.issues.append(Issue(str(path), number, "?", "?", "invalid", message))
                continue
            entries += _entries(str(path), number, order * 10**9 + number, record, datasets)
        report.issues += [
            Issue(p.source, p.line, "?", "?", "invalid", p.message) for p in problems.skipped
        ]
    return entries


def import_db_out(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    duplicates: DuplicatePolicy = "latest",
    datasets: Sequence[str] = DEFAULT_DATASETS,
    restore: bool = True,
    targets: str | Path | None = None,
) -> ImportReport:
    """Import Prodigy ``db-out`` files into one gold folder per annotator under ``out``.

    Each folder ``out/<annotator>/`` gets ``gold.jsonl`` (the accepted quote tasks as zitat
    Prodigy JSONL, the accepted stances folded in), ``gold.stances.jsonl`` (the accepted
    stance answers, ``none`` included) and a copy of the ``targets`` inventory, so
    ``zitat gold validate out/<annotator>`` checks it all. ``restore``: complete each task
    from the pre-annotation it carries where the interface could not show it (see
    :mod:`zitat.annotate.merge`). Returns the report; ``duplicates="error"`` raises
    :class:`~zitat.errors.InputError` listing the duplicate answers, and writes nothing.
    """
    from zitat.gold.folder import load_gold_path

    files = [Path(p) for p in paths]
    if not files:
        raise InputError("no db-out files given")
    inventory = TargetInventory.load(targets) if targets is not None else None
    report = ImportReport(
        inputs=[str(f) for f in files],
        out=str(out),
        duplicates_policy=duplicates,
        restore=restore,
    )
    importer = _Importer(report, policy=duplicates, restore=restore, targets=inventory)
    kept = importer.resolve(_read(files, datasets, report))
    for entry in kept:
        if entry.kind == "quotes":
            importer.quote_task(entry)
    for entry in kept:
        if entry.kind == "stances":
            importer.stance_task(entry)
    choice_records = importer.attach_stances()
    rank = {str(f): i for i, f in enumerate(files)}
    report.issues.sort(key=lambda i: (rank.get(i.source, len(rank)), i.line))
    for annotator, docs in sorted(importer.docs.items()):
        folder = Path(out) / annotator
        folder.mkdir(parents=True, exist_ok=True)
        ordered = [docs[k] for k in sorted(docs)]
        write_documents(folder / GOLD_FILE, ordered)
        stance_file = folder / STANCE_FILE
        if choice_records.get(annotator):
            write_records(stance_file, choice_records[annotator])
        elif stance_file.exists():
            stance_file.unlink()  # left from an earlier import
        if targets is not None:
            shutil.copyfile(targets, folder / TARGETS_FILE)
        load_gold_path(folder)  # what was written loads as gold, or this raises
        summary = report.annotator(annotator)
        summary.folder = str(folder)
        summary.quotes = sum(len(d.annotations.quotes) for d in ordered)
        summary.entities = sum(len(d.annotations.entities) for d in ordered)
    return report
