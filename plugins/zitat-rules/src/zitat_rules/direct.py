"""Direct quotations: quote regions attributed through frames before or after them."""

from __future__ import annotations

from bisect import bisect_right

from zitat.schema import QuoteType

from .found import Found
from .frames import Frame, frame_after, frame_before
from .nonquotes import NonQuoteRules, reject, reject_always
from .quotemarks import QuoteRegion
from .view import TextView, range_span, token_spans

__all__ = ["direct_quotes"]


def _apply_frame(view: TextView, q: Found, fr: Frame, lo: int, hi: int) -> None:
    q.frame = range_span(view, lo, hi)
    q.cue = token_spans(view, fr.cue)
    if fr.speaker:
        q.speaker = range_span(view, *fr.speaker)
    if fr.addressee:
        q.addressee = range_span(view, *fr.addressee)
    if fr.verb is not None:
        q.verb_medium = fr.verb.verb.medium.value


def _listed(text: str, a: QuoteRegion, b: QuoteRegion) -> bool:
    """True if ``b`` continues a list of short quoted words after ``a`` ("„x“, „y“ und „z“")."""
    gap = text[a.end : b.start].strip()
    short = len(a.inner(text).split()) <= 3 and len(b.inner(text).split()) <= 3
    return short and gap in {",", "und", "oder", "sowie"}


def _words_before(view: TextView, lo: int, qa: int) -> int:
    """Words of the quote's own sentence before token ``qa`` (back to ``lo`` or a full stop)."""
    n = 0
    for t in range(qa - 1, lo - 1, -1):
        w = view.words[t]
        if w in {".", "!", "?", ":"}:
            break
        n += w.isalnum()
    return n


def direct_quotes(
    view: TextView,
    regions: list[QuoteRegion],
    units: list[tuple[int, int]],
    rules: NonQuoteRules,
) -> tuple[list[Found], list[Found]]:
    """Attributed or full-sentence quotes, and the phrases held back as non-quotes.

    A held-back phrase (scare quote) is still a quotation if it turns out to lie inside
    indirect or reported speech: the pipeline nests it there.
    """
    unit_starts = [s for s, _ in units]
    out: list[Found] = []
    text = view.text
    consumed: set[int] = set()
    held: list[Found] = []
    for ri, reg in enumerate(regions):
        if ri in consumed:
            continue
        ui = max(0, bisect_right(unit_starts, reg.start) - 1)
        us, ue = units[ui]
        ue = max(ue, reg.end)
        qa = view.tok_at(reg.start)
        qb = view.tok_at(reg.end - 1) + 1
        lo = view.tok_at(us)
        hi = view.tok_at(ue - 1) + 1
        prev_end = regions[ri - 1].end if ri > 0 else -1
        if prev_end > us:
            lo = max(lo, view.tok_at(prev_end - 1) + 1)
        nxt = regions[ri + 1] if ri + 1 < len(regions) else None
        after_hi = hi if nxt is None or nxt.start >= ue else view.tok_at(nxt.start)
        if reject_always(rules, view, reg, lo, qa):
            continue
        q = Found([*reg.parts], QuoteType.DIRECT)
        k = ri + 1
        while k < len(regions) and _listed(text, regions[k - 1], regions[k]):
            # „nützlich“, „offen“ und „substanziell“: one quotation in several spans
            q.spans.extend(regions[k].parts)
            consumed.add(k)
            qb = view.tok_at(regions[k].end - 1) + 1
            k += 1
        nxt = regions[k] if k < len(regions) else None
        if k > ri + 1:
            after_hi = hi if nxt is None or nxt.start >= ue else view.tok_at(nxt.start)
        fr = frame_after(view, qb, after_hi)
        if fr is not None:
            fhi = fr.hi
            if nxt is not None and view.words[fhi - 1] == "," and view.tok_at(nxt.start) == fhi:
                q.spans.extend(nxt.parts)
                consumed.add(ri + 1)
            while fhi > fr.lo and view.words[fhi - 1] in {".", "!", "?"}:
                fhi -= 1
            _apply_frame(view, q, fr, fr.lo, fhi)
            # words of the sentence before the quote make it part of a longer reported clause
            # ("Er werde „nicht nachgeben“, sagte sie."): the frame is that clause's too
            q.partial = _words_before(view, lo, qa) >= 2
            out.append(q)
            continue
        fr = frame_before(view, lo, qa)
        if fr is not None:
            _apply_frame(view, q, fr, fr.lo, fr.hi)
            q.partial = view.words[qa - 1] != ":"
            out.append(q)
            continue
        alone = qa <= lo + 1 and (after_hi - qb) <= 1
        if reject(rules, view, reg, alone=alone):
            q.partial = True
            held.append(q)
            continue
        q.inherited = True
        out.append(q)
    return out, held
