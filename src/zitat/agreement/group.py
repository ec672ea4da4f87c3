"""All annotators of a document together: unit labels and the list of disagreements.

Units (:mod:`zitat.agreement.align`) are the items of the multi-annotator coefficients: a
unit's type and medium are labelled by each annotator who has a quote in it; its stance toward
a target (any target one of those quotes takes a stance toward) is labelled by each of them,
``none`` for a quote without a stance toward that target.

A disagreement names the document, the unit, the field, and what each annotator said:

``quote``
    some annotators of the document have no quote in the unit (their value is ``None``; the
    others' value is the quote's type and text);
``spans``, ``type``, ``medium``, ``cue``, ``frame``, ``speaker``, ``addressee``
    the annotators who have the quote differ in it (roles: the role text, ``None`` if absent);
``entity``
    two of them attribute the quote to different speakers (the scorer's attribution rule in
    both directions); the value is the entity's canonical name, ``None`` if unattributed;
``stance:<target>``
    they differ in the polarity toward the target (``None``: no stance).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from zitat.agreement.align import DocumentView, Unit
from zitat.agreement.pairwise import FIELDS, NO_STANCE, same_speaker
from zitat.schema import Quote, Role, Span

__all__ = ["Disagreement", "disagreements", "excerpt", "unit_labels"]


def excerpt(text: str, start: int, end: int, width: int = 80) -> str:
    """``text[start:end]`` on one line, shortened in the middle to about ``width`` characters."""
    shown = " ".join(text[start:end].split())
    if len(shown) <= width:
        return shown
    half = max(1, (width - 3) // 2)
    head, tail = shown[:half].rstrip(), shown[-half:].lstrip()
    # Cut at spaces, so no word (and no base letter with its combining mark) is split.
    if " " in head:
        head = head[: head.rfind(" ")]
    if " " in tail:
        tail = tail[tail.find(" ") + 1 :]
    return f"{head} … {tail}"


def _spans_text(text: str, spans: tuple[Span, ...], width: int = 80) -> str | None:
    if not spans:
        return None
    return " … ".join(excerpt(text, s.start, s.end, width) for s in spans)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One field of one unit on which the annotators differ (see the module docstring)."""

    doc_id: str
    unit: str
    field: str
    values: dict[str, str | None]
    quotes: dict[str, str]
    start: int
    end: int
    excerpt: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable data."""
        return {
            "doc_id": self.doc_id,
            "unit": self.unit,
            "field": self.field,
            "values": dict(self.values),
            "quotes": dict(self.quotes),
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
        }


def unit_labels(view: DocumentView) -> dict[str, dict[Hashable, dict[str, str]]]:
    """Categorical labels of the document's units, by field."""
    stances = view.stances
    out: dict[str, dict[Hashable, dict[str, str]]] = {name: {} for name in FIELDS}
    for unit in view.units:
        quotes = {a: view.quotes(a)[i] for a, i in unit.members.items()}
        key = (view.doc_id, unit.id)
        out["type"][key] = {a: q.type.value for a, q in quotes.items()}
        out["medium"][key] = {a: q.medium.value for a, q in quotes.items()}
        held = {a: stances[a].get(q.id, {}) for a, q in quotes.items()}
        for target in sorted({t for h in held.values() for t in h}):
            out["stance"][(*key, target)] = {a: h.get(target, NO_STANCE) for a, h in held.items()}
    return out


def _differs(values: dict[str, Any]) -> bool:
    return len(set(values.values())) > 1


def _unit_disagreements(
    view: DocumentView, unit: Unit, width: int
) -> list[tuple[str, dict[str, str | None]]]:
    text, mentions, held = view.text, view.mentions, view.stances
    quotes: dict[str, Quote] = {a: view.quotes(a)[i] for a, i in unit.members.items()}
    found: list[tuple[str, dict[str, str | None]]] = []
    if len(quotes) < len(view.annotators):
        found.append(
            (
                "quote",
                {
                    a: f"{quotes[a].type.value}: {_spans_text(text, quotes[a].spans, width)}"
                    if a in quotes
                    else None
                    for a in view.annotators
                },
            )
        )
    if len(quotes) < 2:
        return found
    spans = {a: q.spans for a, q in quotes.items()}
    if _differs(spans):
        found.append(("spans", {a: _spans_text(text, s, width) for a, s in spans.items()}))
    for name in ("type", "medium"):
        labels = {a: str(getattr(q, name).value) for a, q in quotes.items()}
        if _differs(labels):
            found.append((name, dict(labels)))
    for role in Role:
        role_spans = {a: q.role(role) for a, q in quotes.items()}
        if _differs(role_spans):
            found.append(
                (role.value, {a: _spans_text(text, s, width) for a, s in role_spans.items()})
            )
    same = all(
        same_speaker(quotes[x], quotes[y], mentions[x], mentions[y])
        for x, y in combinations(quotes, 2)
    )
    if not same:
        found.append(
            (
                "entity",
                {
                    a: None
                    if q.entity is None
                    else f"{view.docs[a].annotations.entity(q.entity).name} ({q.entity})"
                    for a, q in quotes.items()
                },
            )
        )
    stances = {a: held[a].get(q.id, {}) for a, q in quotes.items()}
    for target in sorted({t for held in stances.values() for t in held}):
        polarity = {a: held.get(target) for a, held in stances.items()}
        if _differs(polarity):
            found.append((f"stance:{target}", polarity))
    return found


def disagreements(view: DocumentView, *, width: int = 80) -> list[Disagreement]:
    """Every disagreement of the document's annotators, unit by unit."""
    if len(view.annotators) < 2:
        return []
    out: list[Disagreement] = []
    for unit in view.units:
        ids = {a: view.quotes(a)[i].id for a, i in unit.members.items()}
        shown = excerpt(view.text, unit.start, unit.end, width)
        for name, values in _unit_disagreements(view, unit, width):
            out.append(
                Disagreement(view.doc_id, unit.id, name, values, ids, unit.start, unit.end, shown)
            )
    return out
