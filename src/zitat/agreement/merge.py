"""Adjudication: merge annotators' gold into one, and list what they disagree on as conflicts.

Per document (with the annotators who have it; see docs/agreement.md for the whole policy):

Quotes
    Quotes are grouped into units across annotators (:mod:`zitat.agreement.align`). A unit is
    *agreed* when every annotator of the document has a quote in it and all of them are equal
    in spans, type, medium, the four roles, the speaker entity (their entities fall into the
    same entity cluster) and the quote they are nested in (the same unit). An agreed quote is
    kept; any other unit is a ``quote`` conflict whose versions are the annotators' quotes,
    plus ``none`` (no quote here).
Stances
    For a unit and a target, each annotator's stance (polarity and evidence; nothing if the
    annotator takes none or has no quote in the unit). Equal for all annotators: kept (on the
    merged quote, if that exists); otherwise a ``stance`` conflict. Stances held by speaker
    entities are compared the same way per entity cluster and target (``entity-stance``).
Entities
    Entities are clustered across annotators (:mod:`zitat.agreement.align`). A merged entity is
    written when a kept quote or stance refers to it or every annotator has it. Its versions
    (name, kind, external id, mentions) equal for all who have it: kept; otherwise an
    ``entity`` conflict (no ``none`` option). Until decided, the entity is written with the
    mentions every version lists plus the speaker spans of the kept quotes pointing to it,
    and the name and kind most annotators gave (the first annotator's on a tie).
Ids
    The merged id of a quote (unit) or entity (cluster) is the id most of its annotators
    used, the earliest annotator's on a tie; an id already taken in the document gets ``-2``,
    ``-3`` …. Ids are fixed before any decision, so decisions stay valid on a re-run.
Decisions
    A decision names a conflict by document and key (``quote:q3``, ``stance:q3:diplomacy``,
    ``entity:blinken``, ``entity-stance:blinken:diplomacy``), the chosen option and the
    conflict's fingerprint (a hash of its versions). It is applied only if the fingerprint is
    unchanged; otherwise it is reported as stale and the conflict stays open.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from zitat.agreement.align import DocumentView
from zitat.agreement.annotators import Annotated, coverage
from zitat.errors import InputError, ValidationError
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Document,
    Quote,
    Role,
    Span,
    SpeakerEntity,
    Stance,
)

__all__ = ["KINDS", "NONE", "Conflict", "Decision", "MergeResult", "Version", "merge"]

KINDS: tuple[str, ...] = ("quote", "stance", "entity", "entity-stance")
NONE = "none"
"""The option id of "no quote" / "no stance"."""
AGREED, DECIDED, OPEN = "agreed", "decided", "open"
Value = dict[str, Any]
_SESSION_KEYS = ("_annotator_id", "_session_id", "_timestamp")


@dataclass(frozen=True, slots=True)
class Version:
    """One option of a conflict: the annotators who chose it and its content (``None``: absent)."""

    id: str
    annotators: tuple[str, ...]
    value: Value | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable data."""
        return {"id": self.id, "annotators": list(self.annotators), "value": self.value}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Something the annotators of one document disagree on (see the module docstring)."""

    doc_id: str
    key: str
    kind: str
    fields: tuple[str, ...]
    versions: tuple[Version, ...]
    start: int
    end: int
    depends_on: str | None = None

    @property
    def fingerprint(self) -> str:
        """A short hash of the key and the versions; changes when any version changes."""
        data = [self.doc_id, self.key, [v.to_dict() for v in self.versions]]
        raw = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    def version(self, option: str) -> Version:
        """The version with this option id."""
        for v in self.versions:
            if v.id == option:
                return v
        raise KeyError(option)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable data."""
        return {
            "doc_id": self.doc_id,
            "key": self.key,
            "kind": self.kind,
            "fields": list(self.fields),
            "versions": [v.to_dict() for v in self.versions],
            "start": self.start,
            "end": self.end,
            "depends_on": self.depends_on,
            "fingerprint": self.fingerprint,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's choice for one conflict, read from an answered worklist task."""

    doc_id: str
    key: str
    choice: str
    fingerprint: str
    source: str = ""


@dataclass(frozen=True)
class MergeResult:
    """The merged documents, the conflicts still open and what happened to each decision.

    ``single``: documents only one annotator has (copied as they are with ``keep_single``,
    otherwise left out). ``notes``: changes the merge had to make (a nesting link to a quote
    that was not kept is dropped). ``entity_ids``/``quote_ids``: per document, merged id →
    annotator → that annotator's id; ``entity_names``: merged entity id → the first
    annotator's name for it.
    """

    annotators: tuple[str, ...]
    documents: tuple[AnnotatedDocument, ...]
    conflicts: tuple[Conflict, ...]
    applied: tuple[Decision, ...]
    stale: tuple[Decision, ...]
    unused: tuple[Decision, ...]
    single: tuple[str, ...]
    notes: tuple[str, ...]
    agreed: dict[str, int]
    sources: dict[str, Document] = field(repr=False)
    entity_ids: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    quote_ids: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    entity_names: dict[str, dict[str, str]] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """Counts for the command line and ``--json``."""
        open_by_kind = Counter(c.kind for c in self.conflicts)
        return {
            "annotators": list(self.annotators),
            "documents": len(self.documents),
            "agreed": dict(self.agreed),
            "open_conflicts": len(self.conflicts),
            "open_by_kind": {k: open_by_kind.get(k, 0) for k in KINDS},
            "decisions_applied": len(self.applied),
            "decisions_stale": [f"{d.doc_id} {d.key} ({d.source})" for d in self.stale],
            "decisions_unused": [f"{d.doc_id} {d.key} ({d.source})" for d in self.unused],
            "single": list(self.single),
            "notes": list(self.notes),
        }


def _pairs(spans: Iterable[Span]) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def _spans(raw: Iterable[Sequence[int]]) -> tuple[Span, ...]:
    return tuple(Span(int(a), int(b)) for a, b in raw)


def _pick_ids(groups: Sequence[Mapping[str, str]], order: Sequence[str]) -> list[str]:
    """Merged ids: the id most annotators used, the earliest annotator's on a tie; unique."""
    used: set[str] = set()
    out: list[str] = []
    for ids in groups:
        counts = Counter(ids.values())
        candidates = [a for a in order if a in ids]
        best = max(candidates, key=lambda a: (counts[ids[a]], -order.index(a)))
        chosen = base = ids[best]
        n = 1
        while chosen in used:
            n += 1
            chosen = f"{base}-{n}"
        used.add(chosen)
        out.append(chosen)
    return out


def _group_versions(
    values: Mapping[str, Value | None], order: Sequence[str], *, none_option: bool
) -> tuple[Version, ...]:
    distinct: list[tuple[Value | None, list[str]]] = []
    for a in order:
        if a not in values:
            continue
        v = values[a]
        for seen, names in distinct:
            if seen == v:
                names.append(a)
                break
        else:
            distinct.append((v, [a]))
    versions: list[Version] = []
    none_names: tuple[str, ...] = ()
    n = 0
    for v, names in distinct:
        if v is None:
            none_names = tuple(names)
        else:
            n += 1
            versions.append(Version(f"v{n}", tuple(names), v))
    if none_names or none_option:
        versions.append(Version(NONE, none_names, None))
    return tuple(versions)


def _differing(values: Sequence[Value | None]) -> tuple[str, ...]:
    present = [v for v in values if v is not None]
    fields = ["presence"] if len(present) < len(values) else []
    keys = sorted({k for v in present for k in v})
    fields += [k for k in keys if len({json.dumps(v.get(k), sort_keys=True) for v in present}) > 1]
    return tuple(fields)


class _Doc:
    """The merge of one document."""

    def __init__(
        self, view: DocumentView, decisions: Mapping[tuple[str, str], Decision], out: _Log
    ) -> None:
        self.view = view
        self.order = view.annotators
        self.decisions = decisions
        self.log = out
        self.conflicts: list[Conflict] = []
        clusters = view.entity_clusters
        ent_ids = _pick_ids(
            [{a: view.entities(a)[i].id for a, i in c.items()} for c in clusters], self.order
        )
        self.entity_members = dict(zip(ent_ids, clusters, strict=True))
        self.entity_of = {
            (a, view.entities(a)[i].id): eid
            for eid, c in self.entity_members.items()
            for a, i in c.items()
        }
        units = view.units
        quote_ids = _pick_ids(
            [{a: view.quotes(a)[i].id for a, i in u.members.items()} for u in units], self.order
        )
        self.units = list(zip(quote_ids, units, strict=True))
        self.quote_of = {
            (a, view.quotes(a)[i].id): qid for qid, u in self.units for a, i in u.members.items()
        }

    # -- values ------------------------------------------------------------------------------

    def quote_value(self, a: str, q: Quote) -> Value:
        value: Value = {"spans": _pairs(q.spans), "type": q.type.value, "medium": q.medium.value}
        for role in Role:
            value[role.value] = _pairs(q.role(role))
        value["entity"] = None if q.entity is None else self.entity_of[(a, q.entity)]
        value["parent"] = None if q.parent is None else self.quote_of[(a, q.parent)]
        return value

    @staticmethod
    def stance_value(s: Stance) -> Value:
        return {"polarity": s.polarity.value, "evidence": _pairs(s.evidence)}

    def quote_stances(self, annotator: str, quote_id: str) -> dict[str, Value]:
        """Target → stance value of one annotator's quote; two different ones are an error."""
        out: dict[str, Value] = {}
        for s in self.view.docs[annotator].annotations.stances:
            if s.quote != quote_id:
                continue
            value = self.stance_value(s)
            if out.setdefault(s.target, value) != value:
                raise ValidationError(
                    f"two different stances toward {s.target!r} for quote {quote_id!r}",
                    obj=f"annotator {annotator!r}, Document {self.view.doc_id!r}",
                    field="stances",
                )
        return out

    def entity_value(self, e: SpeakerEntity) -> Value:
        return {
            "name": " ".join(e.name.split()),
            "kind": e.kind.value,
            "external_id": e.external_id,
            "mentions": _pairs(sorted(e.mentions)),
        }

    def entity_where(self, eid: str, versions: Sequence[Value] = ()) -> tuple[int, int]:
        """Where to show an entity: its first mention that not every version lists, else its
        first mention."""
        members = self.entity_members[eid].items()
        spans = sorted(m for a, i in members for m in self.view.entities(a)[i].mentions)
        if versions:
            sets: list[set[tuple[int, int]]] = [
                {(int(m[0]), int(m[1])) for m in v["mentions"]} for v in versions
            ]
            disputed = sorted(set[tuple[int, int]]().union(*sets) - sets[0].intersection(*sets[1:]))
            if disputed:
                return disputed[0]
        return (spans[0].start, spans[0].end) if spans else (0, 0)

    # -- deciding ----------------------------------------------------------------------------

    def settle(
        self,
        key: str,
        kind: str,
        values: Mapping[str, Value | None],
        where: tuple[int, int],
        *,
        none_option: bool,
        voters: Sequence[str] | None = None,
        depends_on: str | None = None,
    ) -> tuple[str, Value | None]:
        """``(state, value)``: ``agreed`` or ``decided`` with the content (``None``: absent), or
        ``open`` after recording a conflict.

        ``voters``: the annotators whose values count (default: all of the document's).
        """
        voting = self.order if voters is None else tuple(voters)
        full = [values.get(a) for a in voting]
        if full[0] is not None and all(v == full[0] for v in full):
            return AGREED, full[0]
        conflict = Conflict(
            self.view.doc_id,
            key,
            kind,
            _differing(full),
            _group_versions({a: values.get(a) for a in voting}, voting, none_option=none_option),
            where[0],
            where[1],
            depends_on,
        )
        decision = self.decisions.get((self.view.doc_id, key))
        if decision is not None:
            self.log.seen.add((self.view.doc_id, key))
            options = {v.id for v in conflict.versions}
            if decision.fingerprint == conflict.fingerprint and decision.choice in options:
                self.log.applied.append(decision)
                return DECIDED, conflict.version(decision.choice).value
            self.log.stale.append(decision)
        self.conflicts.append(conflict)
        return OPEN, None

    # -- the merge ---------------------------------------------------------------------------

    def run(self) -> AnnotatedDocument:
        view = self.view
        quotes: dict[str, Value] = {}
        open_quotes: dict[str, list[Value]] = {}
        where: dict[str, tuple[int, int]] = {}
        for qid, unit in self.units:
            values: dict[str, Value | None] = {
                a: self.quote_value(a, view.quotes(a)[i]) for a, i in unit.members.items()
            }
            where[qid] = (unit.start, unit.end)
            state, value = self.settle(
                f"quote:{qid}", "quote", values, where[qid], none_option=True
            )
            if value is not None:
                quotes[qid] = value
                self.log.agreed["quote"] += state == AGREED
            elif state == OPEN:
                open_quotes[qid] = [v for v in values.values() if v is not None]
        stances: list[tuple[str, str, Value]] = []
        for qid, unit in self.units:
            if qid not in quotes and qid not in open_quotes:
                # decided: no quote here, so its stances are moot
                prefix = f"stance:{qid}:"
                self.log.seen.update(
                    k for k in self.decisions if k[0] == view.doc_id and k[1].startswith(prefix)
                )
                continue
            held = {a: self.quote_stances(a, view.quotes(a)[i].id) for a, i in unit.members.items()}
            for target in sorted({t for h in held.values() for t in h}):
                state, value = self.settle(
                    f"stance:{qid}:{target}",
                    "stance",
                    {a: held.get(a, {}).get(target) for a in self.order},
                    where[qid],
                    none_option=True,
                    depends_on=f"quote:{qid}" if qid in open_quotes else None,
                )
                if value is not None and qid in quotes:
                    stances.append((qid, target, value))
                    self.log.agreed["stance"] += state == AGREED
        entity_stances = self._entity_stances()
        entities = self._entities(quotes, entity_stances, open_quotes)
        kept_quotes = self._quotes(quotes, open_quotes)
        built_stances = [
            Stance(t, v["polarity"], quote=qid, evidence=_spans(v["evidence"]))
            for qid, t, v in stances
        ]
        written = {e.id for e in entities}
        for eid, t, v, state in entity_stances:
            if eid in written:
                built_stances.append(
                    Stance(t, v["polarity"], entity=eid, evidence=_spans(v["evidence"]))
                )
                self.log.agreed["entity-stance"] += state == AGREED
        meta = dict(view.document.meta)
        prodigy = meta.get("prodigy")
        if isinstance(prodigy, Mapping):
            rest = {k: v for k, v in prodigy.items() if k not in _SESSION_KEYS}
            if rest:
                meta["prodigy"] = rest
            else:
                meta.pop("prodigy")
        meta["merged_from"] = list(self.order)
        annotations = Annotations(
            quotes=tuple(kept_quotes), entities=tuple(entities), stances=tuple(built_stances)
        )
        return AnnotatedDocument(view.document.with_(meta=meta), annotations)

    def _entity_stances(self) -> list[tuple[str, str, Value, str]]:
        view = self.view
        held: dict[str, dict[str, dict[str, Value]]] = {}
        for a in self.order:
            for s in view.docs[a].annotations.stances:
                if s.quote is None and s.entity is not None:
                    eid = self.entity_of[(a, s.entity)]
                    held.setdefault(eid, {}).setdefault(a, {})[s.target] = self.stance_value(s)
        out: list[tuple[str, str, Value, str]] = []
        for eid in self.entity_members:
            by_annotator = held.get(eid, {})
            for target in sorted({t for h in by_annotator.values() for t in h}):
                state, value = self.settle(
                    f"entity-stance:{eid}:{target}",
                    "entity-stance",
                    {a: by_annotator.get(a, {}).get(target) for a in self.order},
                    self.entity_where(eid),
                    none_option=True,
                )
                if value is not None:
                    out.append((eid, target, value, state))
        return out

    def _entities(
        self,
        quotes: Mapping[str, Value],
        entity_stances: Sequence[tuple[str, str, Value, str]],
        open_quotes: Mapping[str, Sequence[Value]],
    ) -> list[SpeakerEntity]:
        view = self.view
        needed = {v["entity"] for v in quotes.values() if v["entity"] is not None}
        needed |= {eid for eid, _, _, _ in entity_stances}
        maybe = {v["entity"] for vs in open_quotes.values() for v in vs if v["entity"] is not None}
        out: list[SpeakerEntity] = []
        for eid, members in self.entity_members.items():
            values = {a: self.entity_value(view.entities(a)[i]) for a, i in members.items()}
            everyone = len(members) == len(self.order)
            if eid not in needed and not everyone and eid not in maybe:
                continue
            distinct = {json.dumps(v, sort_keys=True) for v in values.values()}
            where = self.entity_where(eid, list(values.values()))
            if len(distinct) == 1:
                value: Value | None = next(iter(values.values()))
                if everyone:
                    self.log.agreed["entity"] += 1
            else:
                state, value = self.settle(
                    f"entity:{eid}",
                    "entity",
                    values,
                    where,
                    none_option=False,
                    voters=[a for a in self.order if a in values],
                )
                if state == OPEN:
                    value = self._provisional(eid, list(values.values()), quotes)
            if value is None or (eid not in needed and not everyone):
                continue
            out.append(
                SpeakerEntity(
                    eid,
                    value["name"],
                    value["kind"],
                    _spans(value["mentions"]),
                    value["external_id"],
                )
            )
        return out

    def _provisional(self, eid: str, versions: list[Value], quotes: Mapping[str, Value]) -> Value:
        def most_common(key: str) -> Any:
            counts = Counter(json.dumps(v[key]) for v in versions)
            return max(versions, key=lambda v: counts[json.dumps(v[key])])[key]

        shared = set.intersection(*({tuple(m) for m in v["mentions"]} for v in versions))
        speakers = {tuple(s) for q in quotes.values() if q["entity"] == eid for s in q["speaker"]}
        ext = {v["external_id"] for v in versions}
        return {
            "name": most_common("name"),
            "kind": most_common("kind"),
            "external_id": ext.pop() if len(ext) == 1 else None,
            "mentions": sorted([list(m) for m in shared | speakers]),
        }

    def _quotes(self, quotes: Mapping[str, Value], undecided: Mapping[str, object]) -> list[Quote]:
        doc_id = self.view.doc_id
        parents: dict[str, str | None] = {}
        for qid, v in quotes.items():
            parent = v["parent"]
            if parent is not None and parent not in quotes:
                why = "is still open" if parent in undecided else "was decided away"
                self.log.notes.append(
                    f"{doc_id}: quote {qid} is written without its parent {parent}, which {why}"
                )
                parent = None
            parents[qid] = parent
        for start in list(parents):
            seen, node = {start}, parents[start]
            while node is not None:
                if node in seen:
                    self.log.notes.append(
                        f"{doc_id}: quote {start} loses its parent {parents[start]} (a cycle)"
                    )
                    parents[start] = None
                    break
                seen.add(node)
                node = parents[node]
        return [
            Quote(
                qid,
                _spans(v["spans"]),
                v["type"],
                v["medium"],
                cue=_spans(v["cue"]),
                frame=_spans(v["frame"]),
                speaker=_spans(v["speaker"]),
                addressee=_spans(v["addressee"]),
                entity=v["entity"],
                parent=parents[qid],
            )
            for qid, v in quotes.items()
        ]


@dataclass
class _Log:
    agreed: Counter[str] = field(default_factory=Counter)
    applied: list[Decision] = field(default_factory=list)
    stale: list[Decision] = field(default_factory=list)
    seen: set[tuple[str, str]] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)


def merge(
    annotated: Annotated,
    *,
    decisions: Iterable[Decision] = (),
    keep_single: bool = False,
) -> MergeResult:
    """Merge the annotators' documents (see the module docstring).

    ``decisions`` resolve conflicts (later ones win for the same document and key);
    ``keep_single`` copies documents that only one annotator has instead of leaving them out.
    """
    names = tuple(annotated)
    if len(names) < 2:
        raise InputError(f"merging needs at least two annotators, got {len(names)}")
    by_key = {(d.doc_id, d.key): d for d in decisions}
    cov = coverage(annotated)
    by_name = {a: {d.id: d for d in docs} for a, docs in annotated.items()}
    log = _Log()
    documents: list[AnnotatedDocument] = []
    conflicts: list[Conflict] = []
    sources: dict[str, Document] = {}
    entity_ids: dict[str, dict[str, dict[str, str]]] = {}
    quote_ids: dict[str, dict[str, dict[str, str]]] = {}
    entity_names: dict[str, dict[str, str]] = {}
    single: list[str] = []
    for doc_id, present in cov.items():
        docs = {a: by_name[a][doc_id] for a in present}
        if len(present) == 1:
            single.append(doc_id)
            if keep_single:
                only = docs[present[0]]
                meta = {**only.document.meta, "merged_from": list(present)}
                documents.append(
                    AnnotatedDocument(only.document.with_(meta=meta), only.annotations)
                )
            continue
        view = DocumentView(doc_id, docs)
        merged = _Doc(view, by_key, log)
        documents.append(merged.run())
        conflicts += merged.conflicts
        sources[doc_id] = view.document
        entity_ids[doc_id] = {
            eid: {a: view.entities(a)[i].id for a, i in c.items()}
            for eid, c in merged.entity_members.items()
        }
        entity_names[doc_id] = {
            eid: view.entities(next(iter(c)))[next(iter(c.values()))].name
            for eid, c in merged.entity_members.items()
        }
        quote_ids[doc_id] = {
            qid: {a: view.quotes(a)[i].id for a, i in u.members.items()} for qid, u in merged.units
        }
    unused = tuple(d for k, d in by_key.items() if k not in log.seen)
    return MergeResult(
        annotators=names,
        documents=tuple(documents),
        conflicts=tuple(_listed(conflicts)),
        applied=tuple(log.applied),
        stale=tuple(log.stale),
        unused=unused,
        single=tuple(single),
        notes=tuple(log.notes),
        agreed={k: log.agreed.get(k, 0) for k in KINDS},
        sources=sources,
        entity_ids=entity_ids,
        quote_ids=quote_ids,
        entity_names=entity_names,
    )


def _listed(conflicts: Sequence[Conflict]) -> list[Conflict]:
    """Open conflicts in document and text order (quotes before their stances)."""
    rank = {k: i for i, k in enumerate(KINDS)}
    return sorted(conflicts, key=lambda c: (c.doc_id, c.start, rank[c.kind] > 0, c.key))
