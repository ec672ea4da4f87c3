"""Medium of each quotation: the verb's default, written channels, institutions."""

from __future__ import annotations

import re

from zitat.schema import Medium

from .found import Found

__all__ = ["assign_medium"]

_WRITTEN = re.compile(
    r"\b(schrieb|schreibt|geschrieben|Telegram|Twitter|X|Facebook|Instagram|Erklärung|"
    r"Mitteilung|Pressemitteilung|Brief|Schreiben|Stellungnahme|Bericht|Blog|E-Mail|"
    r"Kommuniqué|Tweet|Beitrag|Gastbeitrag|Zeitung)\b"
)
_INSTITUTION = re.compile(
    r"(ministerium|regierung|behörde|amt|polizei|partei|verband|konzern|unternehmen|"
    r"gericht|kommission|rat|agentur|botschaft|kreml|weißes haus|nato|uno|un|eu|"
    r"ministry|staatsanwaltschaft|gewerkschaft|organisation|verwaltung|sprecher|sprecherin)\b",
    re.IGNORECASE,
)


def assign_medium(text: str, q: Found) -> None:
    """Set ``q.medium`` from its verb, its frame's channel and its speaker."""
    frame = " ".join(text[s:e] for s, e in q.frame)
    speaker = " ".join(text[s:e] for s, e in q.speaker)
    if frame and _WRITTEN.search(frame):
        q.medium = Medium.WRITING
        return
    # the lexicon's medium values are a subset of zitat's Medium
    medium = Medium(q.verb_medium) if q.verb_medium else Medium.SPEECH
    institution = bool(speaker) and _INSTITUTION.search(speaker) is not None
    if medium is Medium.SPEECH_WRITING and speaker and not institution:
        medium = Medium.SPEECH
    if medium is Medium.SPEECH and institution and "sprecher" not in speaker.lower():
        medium = Medium.SPEECH_WRITING
    q.medium = medium
