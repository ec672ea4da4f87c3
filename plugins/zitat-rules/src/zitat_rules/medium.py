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


# Medium by value (an enum call per quotation is slow); unknown values still raise below.
_MEDIA: dict[str, Medium] = {m.value: m for m in Medium}


def _joined(text: str, spans: list[tuple[int, int]]) -> str:
    if len(spans) == 1:
        s, e = spans[0]
        return text[s:e]
    return " ".join(text[s:e] for s, e in spans)


def assign_medium(text: str, q: Found) -> None:
    """Set ``q.medium`` from its verb, its frame's channel and its speaker."""
    if q.frame and _WRITTEN.search(_joined(text, q.frame)):
        q.medium = Medium.WRITING
        return
    # the lexicon's medium values are a subset of zitat's Medium
    vm = q.verb_medium
    medium = (_MEDIA.get(vm) or Medium(vm)) if vm else Medium.SPEECH
    speaker = _joined(text, q.speaker) if q.speaker else ""
    if speaker and (medium is Medium.SPEECH_WRITING or medium is Medium.SPEECH):
        # only these two media depend on whether the speaker is an institution
        institution = _INSTITUTION.search(speaker) is not None
        if medium is Medium.SPEECH_WRITING and not institution:
            medium = Medium.SPEECH
        if medium is Medium.SPEECH and institution and "sprecher" not in speaker.lower():
            medium = Medium.SPEECH_WRITING
    q.medium = medium
