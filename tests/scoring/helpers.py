"""Small builders for hand-made German test documents."""

from __future__ import annotations

from typing import Any

from zitat import AnnotatedDocument, Annotations, Quote, Span, SpeakerEntity, Stance, make_document
from zitat.testing import find_span

TEXT_A = "Blinken sagte, Russland habe eine Wahl. Lawrow warnte: „Die Nato darf nicht wachsen.“"
TEXT_B = "„Wir wollen“, sagte Blinken, „weiter reden.“ Er sagte, dass Russland „keine Wahl“ habe."


def spans(text: str, *parts: str) -> tuple[Span, ...]:
    return tuple(find_span(text, p) for p in parts)


def quote(
    text: str, qid: str, content: str | tuple[str, ...], qtype: str = "indirect", **kw: Any
) -> Quote:
    """A quote whose content and roles are given as substrings of ``text``."""
    parts = (content,) if isinstance(content, str) else content
    roles = {}
    for role in ("cue", "frame", "speaker", "addressee"):
        value = kw.pop(role, None)
        if value is not None:
            roles[role] = spans(text, *((value,) if isinstance(value, str) else value))
    return Quote(qid, spans(text, *parts), qtype, **roles, **kw)


def adoc(
    text: str,
    quotes: tuple[Quote, ...] = (),
    entities: tuple[SpeakerEntity, ...] = (),
    stances: tuple[Stance, ...] = (),
    doc_id: str = "d1",
) -> AnnotatedDocument:
    return AnnotatedDocument(make_document(doc_id, text), Annotations(quotes, entities, stances))
