"""Indirect, reported and indirect/free-indirect speech inside sentence units."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from zitat.schema import QuoteType

from .clauses import (
    END,
    SUBORDINATORS,
    WH,
    clause_end,
    complement_kind,
    content_end,
    has_finite_verb,
    konj,
    strip,
)
from .cues import Cue, find_verb_cues
from .found import Found
from .frames import addressee_in, speaker_of
from .lexicon import Medium, ReportingVerb
from .markers import marker_quote
from .morph import Mood, mood_in_context
from .reported import reported_quote
from .speakers import PREPOSITIONS, np_after
from .view import TextView, positions, range_span, token_spans

__all__ = ["IndirectRules", "indirect_quotes"]

# Parenthetical "so X" ("Die Lage sei ernst, so der Minister."): a frame without a verb.
_SO = ReportingVerb(lemma="so", medium=Medium.SPEECH)
# Words after "so" that start no speaker ("so viele", "so weit", "so dass")
_SO_NOT_SPEAKER = frozenset(
    ["viele", "einige", "mehrere", "alle", "beide", "beiden", "zwei", "drei", "es", "man"]
)
# Conditional clauses that belong to the reported content when they precede the frame
# ("Sollte Russland einmarschieren, habe er klar gemacht, dass …").
_CONDITIONAL = frozenset(["wenn", "falls", "sofern", "sollte", "sollten"])
_PRONOUN_SPEAKERS = frozenset(["er", "sie"])
_SO_WORD = frozenset(["so"])


@dataclass(frozen=True, slots=True)
class IndirectRules:
    """Which indirect-speech rules run."""

    markers: bool = True
    anaphoric: bool = True
    fronted: bool = True
    free_indirect: bool = True
    reported: bool = True


def _any_masked(masked: set[int], lo: int, hi: int) -> bool:
    """True if a token of ``lo..hi`` belongs to a direct quote."""
    return any(t in masked for t in range(lo, hi))


def _quote(
    view: TextView,
    qtype: QuoteType,
    content: list[tuple[int, int]],
    cue: list[int],
    frame: list[tuple[int, int]],
    speaker: tuple[int, int] | None,
    verb: Cue | None,
) -> Found:
    spans = [s for lo, hi in content for s in range_span(view, lo, hi)]
    q = Found(spans, qtype)
    q.cue = token_spans(view, cue)
    q.frame = [s for lo, hi in frame for s in range_span(view, lo, hi)]
    if speaker:
        q.speaker = range_span(view, *speaker)
    if frame:
        address = addressee_in(view, min(lo for lo, _ in frame), max(hi for _, hi in frame))
        if address:
            q.addressee = range_span(view, *address)
    if verb is not None:
        q.verb_medium = verb.verb.medium.value
    return q


def _so_cues(view: TextView, lo: int, hi: int, masked: set[int]) -> list[Cue]:
    """Parenthetical "so" after a comma, followed by its speaker ("…, so der Minister.")."""
    words = view.words
    out = []
    so = view.memo.get("so")
    if so is None:
        so = view.memo["so"] = positions(words, _SO_WORD)
    for i in so[bisect_left(so, lo + 1) : bisect_left(so, hi - 1)]:
        if words[i - 1] != "," or i in masked:
            continue
        if words[i + 1].lower() in _SO_NOT_SPEAKER:
            continue
        np = np_after(view, i + 1, hi)
        if np is None:
            continue
        out.append(Cue((i,), i, _SO))
    return out


def _modifier(view: TextView, q: Found) -> bool:
    """True if a direct quote is a quoted word inside a longer noun phrase ("von einem
    „offenen“ Austausch"), not the whole complement of its frame ("sprach von „Panik“")."""
    if not q.partial:
        return False
    after = view.tok_at(q.end)
    return after < len(view.words) and view.words[after].isalpha()


def _konj_cue(view: TextView, c: Cue) -> bool:
    """True if the cue's finite verb is in Konjunktiv I ("habe … versichert", "hoffe")."""
    return any(mood_in_context(view.words, t) is Mood.SUBJ1 for t in c.tokens)


def _anaphoric(
    view: TextView,
    prev: tuple[int, int],
    lo: int,
    hi: int,
    cue: Cue,
    masked: set[int],
    done: list[Found],
) -> Found | None:
    """ "… Stuttgart. Dies gab der Verein bekannt.": the previous sentence is the quote."""
    words = view.words
    if cue.tokens[0] != lo + 1 or any(q.end > prev[0] for q in done[-1:]):
        return None
    plo, phi = view.tok_at(prev[0]), view.tok_at(prev[1] - 1) + 1
    if phi - plo < 4 or _any_masked(masked, plo, phi):
        return None
    pend = phi - 1 if words[phi - 1] in END else phi
    end = hi - 1 if words[hi - 1] in END else hi
    sp = speaker_of(view, lo + 1, end, cue)
    if sp is None:
        return None
    content = [(plo, pend), (lo, lo + 1)]
    return _quote(view, QuoteType.INDIRECT, content, list(cue.tokens), [(lo + 1, end)], sp, cue)


_ANAPHORS = frozenset({"Dies", "Das", "Dieses", "Diese"})


def _fronted(
    view: TextView,
    c: Cue,
    start: int,
    hi: int,
    masked: set[int],
) -> tuple[Found, int] | None:
    """Content before a postposed frame: "Russland bedrohe niemanden, sagte er." or
    "Die Lage sei ernst, so der Minister." A frame inside the content ("Die Lage, sagte er,
    sei ernst.") makes two spans. Returns the quote and the token where the frame ends."""
    words = view.words
    first = c.tokens[0]
    a, b = strip(view, start, first - 1)
    if b <= a:
        return None
    fend = first
    while fend < hi and words[fend] not in END and words[fend] != ",":
        fend += 1
    sp = speaker_of(view, first, fend, c)
    content = [(a, b)]
    frame_end = fend
    if fend + 1 < hi and words[fend] == "," and sp is not None and sp[0] > first:
        # interrupted ("Die Lage, sagte er, sei ernst."), not "X, Y, sagte, dass …": the
        # content goes on after the frame, to the sentence end
        rest = fend + 1
        rest_end = rest
        while rest_end < hi and words[rest_end] not in END:
            rest_end += 1
        if (
            rest_end - rest >= 2
            and words[rest].lower() not in WH
            and words[rest] != "dass"
            and konj(view, rest, rest_end)
            and not has_finite_verb(view, a, b)
        ):
            content.append((rest, rest_end))
            frame_end = fend + 1
    interrupted = len(content) > 1
    free = sum(1 for t in range(a, b) if t not in masked and words[t].isalnum())
    if b - a < (1 if interrupted else 3) or free < (1 if interrupted else 2):
        return None  # too short, or a direct quote with its own frame
    if words[a].lower() in PREPOSITIONS and not has_finite_verb(view, a, clause_end(view, a, b)):
        return None  # a fronted adverbial ("Trotz Anerkennung für X, die …, kritisiert Y")
    closed = frame_end < hi and (words[frame_end] in END or interrupted)
    if c.verb is _SO:
        ok = sp is not None and closed and (konj(view, a, b) or has_finite_verb(view, a, b))
    elif interrupted or konj(view, a, b):
        ok = True
    else:
        sentence_like = (words[a][:1].isupper() or words[a][:1].isdigit() or a in masked) and words[
            a
        ].lower() not in SUBORDINATORS
        ok = (
            closed
            and sentence_like
            and b - a >= 5
            and sp is not None
            and has_finite_verb(view, a, b)
        )
    if not ok:
        return None
    fr = [(first - 1, fend + (1 if interrupted else 0))]
    return _quote(view, QuoteType.INDIRECT, content, list(c.tokens), fr, sp, c), frame_end


def indirect_quotes(
    view: TextView,
    units: list[tuple[int, int]],
    direct: list[Found],
    rules: IndirectRules,
) -> list[Found]:
    """Indirect, reported and frameless Konjunktiv I quotations, in text order."""
    words = view.words
    masked: set[int] = set()
    framed: set[int] = set()
    for q in direct:
        for s, e in q.spans:
            masked.update(view.tokens_in(s, e))
        for s, e in () if q.partial else q.frame:
            framed.update(view.tokens_in(s, e))
    out: list[Found] = []
    last_speaker: list[tuple[int, int]] = []
    last_unit = -10
    d_sorted = sorted(direct, key=lambda q: q.start)
    d_starts = [q.start for q in d_sorted]
    for ui, (us, ue) in enumerate(units):
        lo = view.tok_at(us)
        hi = view.tok_at(ue - 1) + 1 if ue > us else lo
        if hi <= lo:
            continue
        unit_direct = d_sorted[bisect_left(d_starts, us) : bisect_left(d_starts, ue)]
        if unit_direct:
            said = [q.speaker for q in unit_direct if q.speaker]
            if said:
                last_speaker, last_unit = said[-1], ui
        cues = [
            c for c in find_verb_cues(view, lo, hi) if c.head not in masked and c.head not in framed
        ]
        if rules.fronted:
            cues += [c for c in _so_cues(view, lo, hi, masked) if c.head not in framed]
        if len(cues) > 1:
            cues.sort(key=lambda c: c.tokens[0])
        heads = {c.tokens[0] for c in cues} | {c.head for c in cues} if cues else set()
        found_here: list[Found] = []
        if rules.anaphoric and ui > 0 and cues and words[lo] in _ANAPHORS:
            ana = _anaphoric(view, units[ui - 1], lo, hi, cues[0], masked, out)
            if ana is not None:
                out.append(ana)
                last_speaker, last_unit = ana.speaker or last_speaker, ui
                continue
        recent = bool(last_speaker) and ui - last_unit <= 2
        frame_lo = lo
        used_until = lo
        report_start: int | None = None  # start of a Konjunktiv frame at the sentence start
        konj_frame: tuple[Found, Cue, tuple[int, int] | None] | None = None
        for c in cues:
            if c.head < used_until:
                continue
            last = max(c.tokens)
            first = c.tokens[0]
            for t in range(frame_lo, first):
                if t in framed:
                    frame_lo = t + 1
            # postposed frame: "Russland bedrohe niemanden, sagte er."
            start = frame_lo
            if report_start is not None and found_here:
                # a report inside a report: "Blinken habe ihm zugesichert, dass …, sagte
                # Lawrow." The outer quote runs from the inner frame to the new frame.
                start = report_start
            if rules.fronted and first - 1 > start and words[first - 1] == ",":
                got = _fronted(view, c, start, hi, masked)
                if got is not None:
                    found_here.append(got[0])
                    used_until = frame_lo = got[1]
                    report_start = None
                    konj_frame = None
                    continue
            if c.verb is _SO:
                continue
            j = last + 1
            while j < hi and words[j] not in {",", ":"} and words[j] not in END and j - last < 16:
                if words[j] in {"dass", "ob"}:
                    break
                j += 1
            if j >= hi or words[j] not in {",", ":", "dass", "ob"}:
                continue
            k = j + 1 if words[j] in {",", ":"} else j
            if k >= hi or (k in masked and words[j] == ":"):
                continue
            end = content_end(view, k, hi, heads - {c.tokens[0], c.head})
            if end - k < 2:
                continue
            wie_frame = words[frame_lo].lower() == "wie" and frame_lo < first
            kind = None if wie_frame else complement_kind(view, c.verb, k, end)
            if not wie_frame and kind is None:
                continue
            if kind == "inf" and words[c.head - 1] == "zu":
                continue  # "um die Zusagen zu bekräftigen, X zu tun": no infinitive under one

            flo = frame_lo
            if _any_masked(masked, flo, first):
                # a direct quote sits between: the frame starts after it
                flo = max(t for t in range(flo, first) if t in masked) + 1
            content = [(k, end)]
            cond = None
            if flo < first - 1 and words[first - 1] == "," and words[flo].lower() in _CONDITIONAL:
                # "Sollte Russland einmarschieren, habe er klar gemacht, dass …"
                cond = strip(view, flo, first - 1)
                content.insert(0, cond)
                flo = first - 1
            sp = speaker_of(view, flo, j, c)
            und = [t for t in range(flo + 1, first) if words[t] == "und"]
            if und:
                if sp is None or sp[0] < und[-1]:
                    sp = speaker_of(view, und[-1] + 1, j, c) or sp
                flo = und[-1]
            fspan = strip(view, flo, j + (1 if words[j] in {",", ":"} else 0))
            if cond is not None:
                fspan = (first - 1, fspan[1])
            fr = [(fspan[0], j + 1 if words[j] in {",", ":"} else j)]
            q = _quote(view, QuoteType.INDIRECT, content, list(c.tokens), fr, sp, c)
            found_here.append(q)
            if (flo == lo or cond is not None) and not found_here[:-1] and _konj_cue(view, c):
                report_start = content[0][0] if cond is not None else lo
                konj_frame = (q, c, sp)
            used_until = end
            frame_lo = end
            if end < hi and words[end] == ",":
                frame_lo = end + 1
        if konj_frame is not None and rules.free_indirect and words[lo][:1].isupper():
            # a Konjunktiv frame continues a report: the whole sentence is that report, the
            # frame's own quote nests inside it ("Er habe Blinken aufgefordert, …")
            inner, c, sp = konj_frame
            pronoun = (
                sp is not None and sp[1] - sp[0] == 1 and words[sp[0]].lower() in _PRONOUN_SPEAKERS
            )
            if pronoun or recent:
                ifi = Found(range_span(view, lo, hi), QuoteType.INDIRECT_FREE_INDIRECT)
                if pronoun and sp is not None:
                    ifi.speaker = range_span(view, *sp)
                else:
                    ifi.speaker = list(last_speaker)
                    ifi.inherited = True
                if pronoun and c.verb.medium is Medium.THOUGHT:
                    found_here.remove(inner)  # "Er hoffe, dass …": one quote, not two
                else:
                    inner.inherited = True  # the report goes on with the outer speaker
                found_here.insert(0, ifi)
        if not found_here and rules.markers and not unit_direct:
            marked = marker_quote(view, lo, hi, masked)
            if marked is not None:
                found_here.append(marked)
        if (
            not found_here
            and cues  # reported speech needs a reporting verb
            and rules.reported
            and all(_modifier(view, q) for q in unit_direct)
        ):
            rep = reported_quote(view, lo, hi, cues, masked)
            if rep is not None:
                found_here.append(rep)
        if (
            not found_here
            and not unit_direct
            and rules.free_indirect
            and recent
            and words[lo][:1].isupper()
            and konj(view, lo, hi)
            and not _any_masked(masked, lo, hi)
        ):
            q = Found(range_span(view, lo, hi), QuoteType.INDIRECT_FREE_INDIRECT)
            q.speaker = list(last_speaker)
            q.inherited = True
            found_here.append(q)
        for q in found_here:
            if q.speaker and not q.inherited:
                last_speaker = q.speaker
            last_unit = ui
        out.extend(found_here)
    return out
