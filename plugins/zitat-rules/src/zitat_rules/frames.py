"""Frames around a quotation: the introducing clause, its cue, speaker and addressee."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from .cues import Cue, find_verb_cues
from .speakers import PRONOUNS, np_after, subject_before
from .view import TextView, positions

__all__ = ["Frame", "addressee_in", "frame_after", "frame_before", "speaker_of"]

_SENT_END = frozenset({".", "!", "?", ";"})
_GEGENUEBER = frozenset(["gegenüber"])
# Words between a verb and its subject ("sagte sich auch der Minister"); "am" skips a day too.
_SKIP_BEFORE_SUBJECT = frozenset(
    [
        "sich",
        "auch",
        "nun",
        "jedoch",
        "aber",
        "dann",
        "zudem",
        "außerdem",
        "ebenfalls",
        "später",
        "weiter",
        "am",
        "bereits",
    ]
)


@dataclass(slots=True)
class Frame:
    """Token ranges of a frame (``lo..hi``), cue tokens, speaker and addressee ranges."""

    lo: int
    hi: int
    cue: list[int] = field(default_factory=list)
    speaker: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    verb: Cue | None = None


def addressee_in(view: TextView, lo: int, hi: int) -> tuple[int, int] | None:
    """The addressee noun phrase of a frame ``lo..hi`` ("gegenüber Reportern" -> Reportern)."""
    at = view.memo.get("gegenüber")
    if at is None:
        at = view.memo["gegenüber"] = positions(view.words, _GEGENUEBER)
    for i in at[bisect_left(at, lo) : bisect_left(at, hi - 1)]:
        np = np_after(view, i + 1, hi)
        if np:
            return np
    return None


def speaker_of(view: TextView, lo: int, hi: int, cue: Cue) -> tuple[int, int] | None:
    """Subject of the reporting verb: the clause-initial NP, else the NP after the verb."""
    first = cue.tokens[0]
    subj = subject_before(view, lo, first)
    if subj is not None:
        return subj
    k = first + 1
    words = view.words
    while k < hi and (k in cue.tokens or words[k] in _SKIP_BEFORE_SUBJECT):
        k += 2 if words[k] == "am" and k + 1 < hi else 1
    return np_after(view, k, hi)


def frame_after(view: TextView, qb: int, hi: int) -> Frame | None:
    """A frame right after a quote ending at token ``qb`` ("…“, sagte Blinken.")."""
    words = view.words
    k = qb
    if k < hi and words[k] == ",":
        k += 1
    elif k < hi and words[k] not in {"so", "sagte", "sagt", "erklärte", "fragte", "schrieb"}:
        return None
    end = k
    while end < hi and words[end] not in _SENT_END and words[end] not in {"„", "»", ":"}:
        if words[end] == "," and end + 1 < hi and words[end + 1] in {"„", "»", '"', "«", "“"}:
            end += 1
            break
        if words[end] == "und" and end > k + 1:
            break
        end += 1
    if end <= k:
        return None
    if k < hi and words[k].lower() == "so":
        np = np_after(view, k + 1, end)
        if np is None:
            return None
        return Frame(qb, end, [k], np, None)
    cues = [c for c in find_verb_cues(view, k, end) if c.tokens[0] <= k + 1]
    if not cues:
        return None
    cue = cues[0]
    speaker = speaker_of(view, k, end, cue)
    return Frame(qb, end, list(cue.tokens), speaker, addressee_in(view, k, end), cue)


def frame_before(view: TextView, lo: int, qa: int, *, colon_only: bool = False) -> Frame | None:
    """A frame before a quote starting at token ``qa`` ("Blinken sagte: „…“")."""
    words = view.words
    if qa <= lo:
        return None
    colon = words[qa - 1] == ":"
    if colon_only and not colon:
        return None
    cues = find_verb_cues(view, lo, qa)
    if cues:
        cue = cues[-1]
        return Frame(
            lo, qa, list(cue.tokens), speaker_of(view, lo, qa, cue), addressee_in(view, lo, qa), cue
        )
    if (colon and qa - 1 - lo <= 8 and words[lo][:1].isupper()) or (
        colon and words[lo].lower() in PRONOUNS
    ):
        span = (lo, qa - 1)
        return Frame(lo, qa, [], span if qa - 1 > lo else None, None)
    return None
