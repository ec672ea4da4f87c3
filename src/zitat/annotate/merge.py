"""Putting an annotator's edits together with the pre-annotation they started from.

Prodigy's relations interface shows only part of a pre-annotation (see
:mod:`zitat.annotate.shown`), and it cannot show a quote's medium or an entity's name and
kind at all. The task carries the whole pre-annotation along; on import, what the annotator
saw and saved (the *edited* annotations) is decisive, and the pre-annotation fills in only
what the annotator could not see:

- nothing edited: the pre-annotation as it was, complete;
- a quote the annotator kept or changed keeps its id (stance answers refer to it) and
  medium; its frame and other roles that were not shown come back only if the annotator left
  the quote's text and all its shown roles unchanged;
- a speaker entity keeps its id, name, kind and external id; mentions that were not shown
  come back only if its shown mentions are unchanged;
- a quote that was not shown at all (nested in a shown one, say) comes back only if every
  shown span it overlaps is still there as it was.

With ``restore=False`` nothing that was not shown is kept: the result holds only what the
annotator saw.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from zitat.schema import Annotations, Quote, Role, Span, SpeakerEntity

__all__ = ["MergeNotes", "SpanKey", "merge_preannotation"]

SpanKey = tuple[int, int, str]


@dataclass
class MergeNotes:
    """What the merge took from the pre-annotation and what it left out."""

    unchanged: bool = False
    restored_quotes: int = 0
    restored_spans: int = 0
    dropped_hidden: int = 0


def _canonical(ann: Annotations) -> tuple[frozenset[object], frozenset[object]]:
    """The annotations without ids, names, kinds and media (what the interface shows)."""
    mentions = {e.id: frozenset(e.mentions) for e in ann.entities}
    spans = {q.id: q.spans for q in ann.quotes}
    quotes = Counter(
        (
            q.spans,
            q.type,
            q.cue,
            q.frame,
            q.speaker,
            q.addressee,
            spans.get(q.parent or ""),
            mentions.get(q.entity or ""),
        )
        for q in ann.quotes
    )
    return frozenset(quotes.items()), frozenset(Counter(mentions.values()).items())


def _fresh(prefix: str, taken: set[str]) -> str:
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    taken.add(f"{prefix}{n}")
    return f"{prefix}{n}"


def _overlap(a: Iterable[Span], b: Iterable[Span]) -> int:
    b = list(b)
    return sum(max(0, min(x.end, y.end) - max(x.start, y.start)) for x in a for y in b)


def _depth(quote: Quote, by_id: dict[str, Quote]) -> int:
    depth, node, seen = 0, quote, {quote.id}
    while node.parent is not None and node.parent in by_id and node.parent not in seen:
        node = by_id[node.parent]
        seen.add(node.id)
        depth += 1
    return depth


class _Merge:
    def __init__(
        self,
        edited: Annotations,
        pre: Annotations,
        shown_keys: set[SpanKey],
        edited_keys: set[SpanKey],
        restore: bool,
    ) -> None:
        self.edited, self.pre, self.restore = edited, pre, restore
        self.shown_keys, self.edited_keys = shown_keys, edited_keys
        self.notes = MergeNotes()
        self.shown_by_label: dict[str, set[Span]] = {}
        for start, end, label in shown_keys:
            self.shown_by_label.setdefault(label, set()).add(Span(start, end))
        by_label = self.shown_by_label
        self.shown_mentions = by_label.get("SPEAKER", set()) | by_label.get("MENTION", set())
        self.taken_ids = {q.id for q in pre.quotes} | {e.id for e in pre.entities}
        self.entities: dict[str, SpeakerEntity] = {}
        self.entity_map: dict[str, str] = {}
        self.pre_entities = {e.id: e for e in pre.entities}

    # -- entities -------------------------------------------------------------------------

    def merge_entities(self) -> None:
        pairs = sorted(
            (
                (-len(set(r.mentions) & set(p.mentions)), ri, pi)
                for ri, r in enumerate(self.edited.entities)
                for pi, p in enumerate(self.pre.entities)
                if set(r.mentions) & set(p.mentions)
            ),
        )
        used_r: set[int] = set()
        used_p: set[int] = set()
        for _, ri, pi in pairs:
            if ri in used_r or pi in used_p:
                continue
            used_r.add(ri)
            used_p.add(pi)
            r, p = self.edited.entities[ri], self.pre.entities[pi]
            shown = tuple(m for m in p.mentions if m in self.shown_mentions)
            mentions = r.mentions
            if self.restore and set(r.mentions) == set(shown) and p.mentions != shown:
                mentions = p.mentions
                self.notes.restored_spans += len(p.mentions) - len(shown)
            self.entities[p.id] = SpeakerEntity(
                id=p.id, name=p.name, kind=p.kind, mentions=mentions, external_id=p.external_id
            )
            self.entity_map[r.id] = p.id
        for ri, r in enumerate(self.edited.entities):
            if ri not in used_r:
                new_id = _fresh("e", self.taken_ids)
                self.entities[new_id] = SpeakerEntity(
                    id=new_id, name=r.name, kind=r.kind, mentions=r.mentions
                )
                self.entity_map[r.id] = new_id

    def pre_entity(self, entity_id: str | None) -> str | None:
        """``entity_id`` of the pre-annotation if it is (or can be) in the result."""
        if entity_id is None:
            return None
        if entity_id in self.entities:
            return entity_id
        entity = self.pre_entities.get(entity_id)
        if entity is None or any(m in self.shown_mentions for m in entity.mentions):
            return None  # the annotator removed its mentions
        self.entities[entity_id] = entity  # never shown: nothing to contradict it
        return entity_id

    # -- quotes ---------------------------------------------------------------------------

    def match_quotes(self) -> list[tuple[Quote, Quote | None]]:
        pre = list(self.pre.quotes)
        matched: dict[int, int] = {}
        free = set(range(len(pre)))
        for ri, r in enumerate(self.edited.quotes):
            same = [pi for pi in sorted(free) if pre[pi].spans == r.spans]
            if not same:
                continue
            entity = self.entity_map.get(r.entity or "")
            same.sort(key=lambda pi: (pre[pi].entity != entity, pre[pi].type != r.type, pi))
            matched[ri] = same[0]
            free.discard(same[0])
        overlaps = sorted(
            (-_overlap(r.spans, pre[pi].spans), ri, pi)
            for ri, r in enumerate(self.edited.quotes)
            if ri not in matched
            for pi in free
            if _overlap(r.spans, pre[pi].spans)
        )
        for _, ri, pi in overlaps:
            if ri not in matched and pi in free:
                matched[ri] = pi
                free.discard(pi)
        return [
            (r, pre[matched[ri]] if ri in matched else None)
            for ri, r in enumerate(self.edited.quotes)
        ]

    def merge_quotes(self) -> list[Quote]:
        shown_content = self.shown_by_label
        visible = {
            p.id
            for p in self.pre.quotes
            if all(s in shown_content.get(p.type.value.upper(), set()) for s in p.spans)
        }
        pairs = self.match_quotes()
        ids: dict[str, str] = {}
        for r, p in pairs:
            ids[r.id] = p.id if p is not None else _fresh("q", self.taken_ids)
        drafts: dict[str, dict[str, object]] = {}
        pre_parent: dict[str, str] = {}
        for r, p in pairs:
            fields: dict[str, object] = {
                "id": ids[r.id],
                "spans": r.spans,
                "type": r.type,
                "medium": r.medium,
                "entity": self.entity_map.get(r.entity) if r.entity else None,
                "parent": ids[r.parent] if r.parent else None,
            }
            for role in Role:
                fields[role.value] = r.role(role)
            if p is not None:
                fields["medium"] = p.medium
                self._restore_roles(fields, r, p, p.id in visible)
                arc_was_shown = p.id in visible and (p.parent in visible)
                if r.parent is None and p.parent is not None and not arc_was_shown:
                    pre_parent[p.id] = p.parent
            drafts[str(fields["id"])] = fields
        by_id = {q.id: q for q in self.pre.quotes}
        hidden = sorted(
            (q for q in self.pre.quotes if q.id not in visible and q.id not in drafts),
            key=lambda q: _depth(q, by_id),
        )
        for q in hidden:
            if self.restore and self._context_kept(q) and (q.parent is None or q.parent in drafts):
                drafts[q.id] = {
                    "id": q.id,
                    "spans": q.spans,
                    "type": q.type,
                    "medium": q.medium,
                    "entity": self.pre_entity(q.entity),
                    "parent": q.parent,
                    **{role.value: q.role(role) for role in Role},
                }
                self.notes.restored_quotes += 1
            else:
                self.notes.dropped_hidden += 1
        if self.restore:
            for quote_id, parent in pre_parent.items():
                if parent in drafts:
                    drafts[quote_id]["parent"] = parent
        quotes = [Quote(**fields) for fields in drafts.values()]  # type: ignore[arg-type]
        return sorted(quotes, key=lambda q: (q.spans[0].start, -q.spans[0].end, q.id))

    def _restore_roles(
        self, fields: dict[str, object], r: Quote, p: Quote, was_visible: bool
    ) -> None:
        """Give ``fields`` the roles of ``p`` if the annotator left its shown parts alone."""
        if not (self.restore and r.spans == p.spans):
            return
        full = {role: p.role(role) for role in Role}
        shown = {
            role: tuple(s for s in spans if s in self.shown_by_label.get(role.value.upper(), ()))
            if was_visible
            else ()
            for role, spans in full.items()
        }
        if any(r.role(role) != shown[role] for role in Role) or full == shown:
            return
        for role in Role:
            fields[role.value] = full[role]
            self.notes.restored_spans += len(full[role]) - len(shown[role])
        if fields["entity"] is None:
            fields["entity"] = self.pre_entity(p.entity)

    def _context_kept(self, quote: Quote) -> bool:
        """True if every shown span that overlaps ``quote`` is still there, unchanged."""
        for start, end, label in self.shown_keys:
            span = Span(start, end)
            overlaps = any(span.overlaps(s) for s in quote.spans)
            if overlaps and (start, end, label) not in self.edited_keys:
                return False
        return True


def merge_preannotation(
    edited: Annotations,
    *,
    pre: Annotations,
    shown: Annotations,
    shown_keys: set[SpanKey],
    edited_keys: set[SpanKey],
    restore: bool = True,
) -> tuple[Annotations, MergeNotes]:
    """The annotator's ``edited`` annotations, completed from ``pre`` where they were not shown.

    ``shown`` is what the task showed (rebuilt from its shown spans and relations),
    ``shown_keys`` and ``edited_keys`` the ``(start, end, label)`` of the shown and of the
    saved spans. Stances are not merged (they come from the choice tasks). Raises
    :class:`~zitat.errors.ValidationError` if the result is inconsistent.
    """
    unchanged = _canonical(edited) == _canonical(shown)
    if unchanged and restore:
        return pre.with_(stances=()), MergeNotes(unchanged=True)
    merge = _Merge(edited, pre, shown_keys, edited_keys, restore)
    merge.merge_entities()
    quotes = merge.merge_quotes()
    used = {q.entity for q in quotes} | {
        e.id for e in merge.entities.values() if e.id in merge.entity_map.values()
    }
    entities = sorted(
        (e for e in merge.entities.values() if e.id in used),
        key=lambda e: (e.mentions[0].start if e.mentions else -1, e.id),
    )
    merge.notes.unchanged = unchanged
    return Annotations(quotes=tuple(quotes), entities=tuple(entities)), merge.notes
