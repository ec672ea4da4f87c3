"""Merging a ``zitat`` record into annotations rebuilt from a tool's (edited) data.

When annotators have changed the annotations in the tool, the tool's data wins: quotes,
roles, nesting and entity mentions are taken from it. The record then fills in what the
tool could not show, wherever a rebuilt object still matches a recorded one:

* a quote matches a recorded quote with the same id (formats that carry ids) or else the
  same type and first span; it takes the recorded id, medium and speaker entity where those
  were guessed;
* an entity matches by id, or else by its first mention; it takes the recorded id, name,
  kind and external id where those were guessed; recorded entities without mentions (no
  tool can show them) are kept;
* a stance is kept when the quote or entity holding it is still there.

Everything the record held that could not be placed is listed in the returned notes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from zitat.io.formats.graph import Guessed, Rebuilt
from zitat.schema import Annotations, Quote, Span, SpeakerEntity, Stance

__all__ = ["Merged", "guess_counts", "reconcile"]


@dataclass(frozen=True)
class Merged:
    """The merged annotations and what could not be carried over (one line each)."""

    annotations: Annotations
    notes: tuple[str, ...]


def _fresh(prefix: str, used: set[str]) -> Iterator[str]:
    n = 0
    while True:
        n += 1
        candidate = f"{prefix}{n}"
        if candidate not in used:
            used.add(candidate)
            yield candidate


T = TypeVar("T", Quote, SpeakerEntity)


def _match(
    kind: str,
    native: Iterable[T],
    recorded: Iterable[T],
    guessed: Guessed,
    same: Callable[[T, T], bool],
) -> dict[str, T]:
    """Native id -> the matching recorded object: by id, or by ``same`` where ids were guessed."""
    free = list(recorded)
    out: dict[str, T] = {}
    for n in native:
        if (kind, n.id, "id") in guessed:
            found = next((r for r in free if same(n, r)), None)
        else:
            found = next((r for r in free if r.id == n.id), None)
        if found is not None:
            free.remove(found)
            out[n.id] = found
    return out


def _same_first_mention(native: SpeakerEntity, recorded: SpeakerEntity) -> bool:
    return bool(recorded.mentions) and recorded.mentions[0] == native.mentions[0]


def _same_type_and_first_span(native: Quote, recorded: Quote) -> bool:
    return recorded.type == native.type and recorded.spans[0] == native.spans[0]


def _where(spans: tuple[Span, ...]) -> str:
    return f" at {spans[0].start}-{spans[0].end}" if spans else ""


def reconcile(rebuilt: Rebuilt, recorded: Annotations) -> Merged:
    """Merge ``recorded`` into ``rebuilt`` (see the module docstring)."""
    native, guessed = rebuilt.annotations, rebuilt.guessed
    notes: list[str] = []

    # entities: keep native ones, renamed and completed from their recorded match
    e_match = _match("entity", native.entities, recorded.entities, guessed, _same_first_mention)
    used_e = {e.id for e in native.entities if ("entity", e.id, "id") not in guessed}
    used_e |= {r.id for r in e_match.values()}
    fresh_e = _fresh("e", set(used_e))
    entity_id: dict[str, str] = {}  # native id -> final id
    recorded_entity_id: dict[str, str] = {}  # recorded id -> final id
    entities: list[SpeakerEntity] = []
    for e in native.entities:
        match = e_match.get(e.id)
        final = e.id
        if ("entity", e.id, "id") in guessed:
            final = match.id if match is not None else next(fresh_e)
        entity_id[e.id] = final
        changes: dict[str, Any] = {"id": final}
        if match is not None:
            recorded_entity_id[match.id] = final
            for name in ("name", "kind", "external_id"):
                if ("entity", e.id, name) in guessed:
                    changes[name] = getattr(match, name)
        entities.append(replace(e, **changes))
    for r in recorded.entities:
        if r.id in recorded_entity_id:
            continue
        if not r.mentions and r.id not in {e.id for e in entities}:
            recorded_entity_id[r.id] = r.id
            entities.append(r)
        else:
            notes.append(f"entity {r.id!r} ({r.name}){_where(r.mentions)} is gone")

    # quotes: the same for ids, media and speaker entities
    q_match = _match("quote", native.quotes, recorded.quotes, guessed, _same_type_and_first_span)
    used_q = {q.id for q in native.quotes if ("quote", q.id, "id") not in guessed}
    used_q |= {r.id for r in q_match.values()}
    fresh_q = _fresh("q", set(used_q))
    quote_id: dict[str, str] = {}
    recorded_quote_id: dict[str, str] = {}
    for q in native.quotes:
        q_rec = q_match.get(q.id)
        if ("quote", q.id, "id") in guessed:
            quote_id[q.id] = q_rec.id if q_rec is not None else next(fresh_q)
        else:
            quote_id[q.id] = q.id
        if q_rec is not None:
            recorded_quote_id[q_rec.id] = quote_id[q.id]
    quotes: list[Quote] = []
    for q in native.quotes:
        q_rec = q_match.get(q.id)
        medium, entity = q.medium, None if q.entity is None else entity_id.get(q.entity, q.entity)
        if q_rec is not None and ("quote", q.id, "medium") in guessed:
            medium = q_rec.medium
        if q_rec is not None and ("quote", q.id, "entity") in guessed:
            if q_rec.entity is None:
                entity = None
            elif q_rec.entity in recorded_entity_id:
                entity = recorded_entity_id[q_rec.entity]
        quotes.append(
            q.with_(
                id=quote_id[q.id],
                medium=medium,
                entity=entity,
                parent=None if q.parent is None else quote_id[q.parent],
            )
        )
    for rq in recorded.quotes:
        if rq.id not in recorded_quote_id:
            notes.append(f"quote {rq.id!r} ({rq.type.value}){_where(rq.spans)} is gone")

    stances: list[Stance] = []
    for s in recorded.stances:
        if s.quote is not None and s.quote in recorded_quote_id:
            stances.append(
                Stance(s.target, s.polarity, quote=recorded_quote_id[s.quote], evidence=s.evidence)
            )
        elif s.entity is not None and s.entity in recorded_entity_id:
            stances.append(
                Stance(
                    s.target, s.polarity, entity=recorded_entity_id[s.entity], evidence=s.evidence
                )
            )
        else:
            holder = f"quote {s.quote!r}" if s.quote is not None else f"entity {s.entity!r}"
            notes.append(f"stance of {holder} toward {s.target!r} ({s.polarity.value}) dropped")
    merged = Annotations(tuple(quotes), tuple(entities), tuple(stances))
    return Merged(merged, tuple(notes))


def guess_counts(guessed: Guessed) -> dict[str, int]:
    """How many fields of each kind were guessed, keyed by what the guess was."""
    counts = {}
    for kind, name, what in (
        ("quote", "medium", "quote(s) given the medium 'speech'"),
        ("quote", "entity", "quote(s) attributed by their speaker span alone"),
        ("entity", "name", "entity name(s) taken from the first mention"),
        ("entity", "kind", "entity kind(s) set to 'unknown'"),
    ):
        n = guessed.count(kind, name)
        if n:
            counts[what] = n
    return counts
