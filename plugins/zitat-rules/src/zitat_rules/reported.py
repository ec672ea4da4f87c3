"""Reported speech: a sentence that names a speech act and summarises it ("warnte vor …")."""

from __future__ import annotations

from zitat.schema import QuoteType

from .cues import Cue
from .found import Found
from .frames import speaker_of
from .view import TextView, range_span, token_spans

__all__ = ["REPORTED_VERBS", "reported_quote"]

# Speech-act verbs whose sentence summarises what was said. Left out although they are in the
# lexicon: verbs that in news as often name a decision or a legal act as a speech act
# ("bestätigte das Urteil", "lehnte den Antrag ab", "wurde zu drei Jahren verurteilt").
REPORTED_VERBS = frozenset(
    [
        "warnen",
        "fordern",
        "auffordern",
        "kritisieren",
        "begrüßen",
        "zurückweisen",
        "appellieren",
        "aufrufen",
        "bestreiten",
        "dementieren",
        "ankündigen",
        "drohen",
        "loben",
        "anklagen",
        "vorwerfen",
        "beschuldigen",
        "versprechen",
        "zusagen",
        "zusichern",
        "empfehlen",
        "verlangen",
        "mahnen",
        "dringen",
        "bekräftigen",
        "einfordern",
        "beklagen",
        "bedauern",
        "danken",
        "widersprechen",
        "zustimmen",
        "anprangern",
        "protestieren",
        "sprechen",
        "berichten",
        "bezeichnen",
        "nennen",
        "ausgehen",
        "aussprechen",
        "einschätzen",
        "erwägen",
        "befürchten",
        "eine Absage erteilen",
    ]
)
_PASSIVE_OR_MODAL = frozenset(
    [
        "wurde",
        "wurden",
        "wird",
        "werden",
        "worden",
        "soll",
        "sollte",
        "sollen",
        "sollten",
        "kann",
        "könnte",
        "können",
        "muss",
        "müssen",
        "will",
        "wollen",
        "wollte",
    ]
)


# Verbs that report a speech act only with a prepositional object ("sprach von einem Erfolg",
# "drohte mit Sanktionen"); without it they name no content ("Er sprach lange.").
_NEEDS_PREPOSITION = {
    "sprechen": frozenset(["von"]),
    "berichten": frozenset(["von", "über"]),
    "drohen": frozenset(["mit"]),
    "ausgehen": frozenset(["von"]),
    "aussprechen": frozenset(["für", "gegen"]),
}
# Greetings are no speech acts with a content ("begrüßten sich mit Handschlag").
_RECIPROCAL = frozenset(["sich", "einander"])


def _has_object(view: TextView, c: Cue, lo: int, hi: int) -> bool:
    """The clause names the content of the speech act (its prepositional object if needed)."""
    words = view.words
    clause = {w.lower() for w in words[lo:hi]}
    if c.verb.lemma == "begrüßen" and clause & _RECIPROCAL:
        return False
    needed = _NEEDS_PREPOSITION.get(c.verb.lemma)
    return needed is None or bool(clause & needed)


def reported_quote(
    view: TextView, lo: int, hi: int, cues: list[Cue], masked: set[int]
) -> Found | None:
    """The sentence ``lo..hi`` as reported speech if its first speech-act verb has a subject."""
    words = view.words
    rep = [
        c
        for c in cues
        if c.verb.lemma in REPORTED_VERBS
        and not any(words[t].lower() in _PASSIVE_OR_MODAL for t in c.tokens)
        and _has_object(view, c, lo, hi)
    ]
    if not rep:
        return None
    c = rep[0]
    sp = speaker_of(view, lo, hi, c)
    if sp is None:
        return None
    q = Found(range_span(view, lo, hi), QuoteType.REPORTED)
    q.cue = token_spans(view, list(c.tokens))
    q.speaker = range_span(view, *sp)
    q.verb_medium = c.verb.medium.value
    return q
