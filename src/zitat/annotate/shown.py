"""What Prodigy's relations interface can show of a document's annotations.

The relations interface draws spans inline, so they must not overlap. zitat's annotations
overlap by design: a frame holds its cue and speaker, a direct quote may sit inside an
indirect one, an entity may be mentioned inside a quotation. :func:`shown_layer` picks the
spans an annotator sees, in this order of precedence, each kept only if it overlaps nothing
kept before it:

1. quotations, outer ones first (all parts of a quote, or none);
2. the speaker, cue and addressee spans of the shown quotations;
3. mentions of speaker entities;
4. frames of the shown quotations (a frame usually holds its cue, so it is rarely shown).

Relations are drawn between shown spans only: ``PART`` between the parts of a quote, a role
arc from the quote to each shown role span, ``NESTED_IN`` from a shown nested quote to its
shown parent, ``COREF`` from an entity's first shown mention to each further one. A
``SPEAKER`` span that no shown quote uses is shown as a ``MENTION``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from zitat.io.prodigy import EVIDENCE, MENTION, relation_arcs
from zitat.schema import Role

__all__ = ["Layer", "shown_layer"]

_ROLE_ORDER = (Role.SPEAKER, Role.CUE, Role.ADDRESSEE)


@dataclass(frozen=True)
class Layer:
    """The shown spans (Prodigy dicts), the arcs between them, and how many spans were left out.

    ``hidden`` counts the quote, role and mention spans not shown (stance evidence is never
    shown: stances are asked in the choice tasks).
    """

    spans: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    hidden: int

    def compact(self) -> dict[str, list[list[Any]]]:
        """Spans as ``[start, end, label]`` and arcs as ``[head, child, label]`` (span indices)."""
        keys = {(s["start"], s["end"], s["label"]): i for i, s in enumerate(self.spans)}

        def find(span: Mapping[str, Any]) -> int:
            return keys[(span["start"], span["end"], span["label"])]

        return {
            "spans": [[s["start"], s["end"], s["label"]] for s in self.spans],
            "relations": [
                [find(r["head_span"]), find(r["child_span"]), r["label"]] for r in self.relations
            ],
        }


def _overlaps(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def _depth(quote: Mapping[str, Any], by_id: Mapping[str, Mapping[str, Any]]) -> int:
    depth, seen = 0, set()
    node = quote
    while node.get("parent") is not None and node["parent"] in by_id and node["id"] not in seen:
        seen.add(node["id"])
        node = by_id[node["parent"]]
        depth += 1
    return depth


def shown_layer(spans: Sequence[Mapping[str, Any]], structure: Mapping[str, Any]) -> Layer:
    """The non-overlapping layer of a full zitat record (its ``spans`` and ``zitat`` key)."""
    chosen: set[int] = set()

    def fits(*indices: int) -> bool:
        new = [i for i in indices if i not in chosen]
        for n, i in enumerate(new):
            if any(_overlaps(spans[i], spans[j]) for j in (*chosen, *new[:n])):
                return False
        return True

    quotes = list(structure.get("quotes", []))
    by_id = {q["id"]: q for q in quotes}
    order = sorted(quotes, key=lambda q: (_depth(q, by_id), spans[q["spans"][0]]["start"]))
    shown_quotes = []
    for q in order:
        if fits(*q["spans"]):
            chosen.update(q["spans"])
            shown_quotes.append(q)
    for role in _ROLE_ORDER:
        for q in shown_quotes:
            for i in q[role.value]:
                if fits(i):
                    chosen.add(i)
    entities = list(structure.get("entities", []))
    for e in entities:
        for i in e["mentions"]:
            if fits(i):
                chosen.add(i)
    for q in shown_quotes:
        for i in q[Role.FRAME.value]:
            if fits(i):
                chosen.add(i)

    used_as_speaker = {i for q in shown_quotes for i in q[Role.SPEAKER.value] if i in chosen}
    position = {i: n for n, i in enumerate(sorted(chosen))}
    out_spans = []
    for i in sorted(chosen):
        span = {k: spans[i][k] for k in ("start", "end", "token_start", "token_end", "label")}
        if span["label"] == "SPEAKER" and i not in used_as_speaker:
            span["label"] = MENTION
        out_spans.append(span)

    def shown(indices: Sequence[int]) -> list[int]:
        return [position[i] for i in indices if i in chosen]

    shown_ids = {q["id"] for q in shown_quotes}
    arc_quotes = [
        {
            "id": q["id"],
            "spans": shown(q["spans"]),
            **{role.value: shown(q[role.value]) for role in Role},
            "parent": q["parent"] if q.get("parent") in shown_ids else None,
        }
        for q in sorted(shown_quotes, key=lambda q: position[q["spans"][0]])
    ]
    arc_entities = [{"mentions": shown(e["mentions"])} for e in entities]
    relations = relation_arcs(out_spans, arc_quotes, arc_entities)
    candidates = sum(1 for s in spans if s["label"] != EVIDENCE)
    return Layer(out_spans, relations, hidden=candidates - len(chosen))
