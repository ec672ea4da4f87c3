"""The rule pipeline: quote marks → direct → indirect → nesting → medium → entities."""

from __future__ import annotations

from dataclasses import dataclass, field

from zitat.schema import Annotations, Document, Quote, QuoteType, Span, SpeakerEntity

from .direct import direct_quotes
from .entities import resolve_entities
from .found import Found
from .indirect import IndirectRules, indirect_quotes
from .medium import assign_medium
from .nonquotes import NonQuoteRules
from .quotemarks import find_quote_regions
from .units import sentence_units
from .view import TextView

__all__ = ["PipelineOptions", "annotate", "find_quotes"]


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """What the pipeline does: direct quotes always; the rest is switchable."""

    indirect: bool = True
    entities: bool = True
    inherit_speaker: bool = True
    nonquotes: NonQuoteRules = field(default_factory=NonQuoteRules)
    indirect_rules: IndirectRules = field(default_factory=IndirectRules)


def _inside(q: Found, p: Found) -> bool:
    """True if ``q`` lies within one span of ``p``."""
    return any(ps <= q.start and q.end <= pe for ps, pe in p.spans)


def _embedded(held: list[Found], outer: list[Found]) -> list[Found]:
    """Held-back quoted phrases that lie inside indirect/reported speech are partial quotes."""
    keep = []
    for q in held:
        if any(_inside(q, p) for p in outer):
            q.inherited = False
            keep.append(q)
    return keep


def _size(q: Found) -> int:
    return sum(e - s for s, e in q.spans)


def _nest(found: list[Found]) -> None:
    """A quote inside another (a direct quote in indirect speech, a report in a report) gets
    the smallest enclosing one as parent; a nested direct quote without a frame shares the
    parent's roles."""
    outer = [
        (q.start, q.end, _size(q), i, q)
        for i, q in enumerate(found)
        if q.type is not QuoteType.DIRECT
    ]
    for q in found:
        qs, qe, size = q.start, q.end, _size(q)
        best: tuple[int, int, Found] | None = None
        for ps, pe, psize, i, p in outer:
            if ps > qs:
                break  # ``found`` is sorted by start, so ``outer`` is too
            if pe < qe or psize <= size or p is q:
                continue
            if not all(any(a <= s and e <= b for a, b in p.spans) for s, e in q.spans):
                continue
            if best is None or psize < best[0]:
                best = (psize, i, p)
        if best is None:
            continue
        _, i, p = best
        q.parent = i
        if q.type is not QuoteType.DIRECT:
            continue
        if p.type is QuoteType.REPORTED:
            # inside reported speech: no frame of its own (guidelines §2.3)
            q.frame, q.cue = [], []
            q.speaker = list(p.speaker) or q.speaker
            q.addressee = []
            q.verb_medium = p.verb_medium
            q.inherited = False
        elif not q.frame:
            q.frame, q.cue, q.speaker = list(p.frame), list(p.cue), list(p.speaker)
            q.verb_medium = p.verb_medium
            q.inherited = False


def _inherit(found: list[Found]) -> None:
    """Frameless quotes take the speaker of the previous attributed quotation."""
    last: list[tuple[int, int]] = []
    for q in found:
        if q.inherited and not q.speaker and last:
            q.speaker = list(last)
        elif q.speaker and not q.inherited:
            last = q.speaker


def _clean(
    text: str, spans: list[tuple[int, int]], made: dict[tuple[int, int], Span]
) -> tuple[Span, ...]:
    """Sorted, de-duplicated spans with surrounding whitespace trimmed; empty ones dropped.

    ``made`` holds the spans already built for this document (each is built once)."""
    if not spans:
        return ()
    if len(spans) == 1:
        ((s, e),) = spans
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            return ()
        span = made.get((s, e))
        if span is None:
            span = made[(s, e)] = Span(s, e)
        return (span,)
    keys = set()
    for start, end in spans:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            keys.add((s, e))
    out = []
    for key in sorted(keys):
        span = made.get(key)
        if span is None:
            span = made[key] = Span(*key)
        out.append(span)
    return tuple(out)


def find_quotes(doc: Document, options: PipelineOptions) -> list[Found]:
    """All quotations of a document as :class:`Found` objects, in text order."""
    view = TextView.of(doc)
    regions = find_quote_regions(doc.text)
    units = sentence_units(view, regions)
    found, held = direct_quotes(view, regions, units, options.nonquotes)
    if options.indirect:
        other = indirect_quotes(view, units, found, options.indirect_rules)
        found.extend(other)
        found.extend(_embedded(held, other))
    found.sort(key=lambda q: (q.start, -q.end))
    _nest(found)
    if options.inherit_speaker:
        _inherit(found)
    for q in found:
        assign_medium(doc.text, q)
    return found


def annotate(doc: Document, options: PipelineOptions) -> Annotations:
    """Annotations (quotes and, if asked, speaker entities) of one document."""
    text = doc.text
    found = find_quotes(doc, options)
    made: dict[tuple[int, int], Span] = {}
    content = {id(q): _clean(text, q.spans, made) for q in found}
    keep = [q for q in found if content[id(q)]]
    index = {id(q): n for n, q in enumerate(keep)}
    old_to_new = {i: index[id(q)] for i, q in enumerate(found) if id(q) in index}
    entity_of: dict[int, str] = {}
    entities: list[SpeakerEntity] = []
    if options.entities:
        mentions: list[tuple[int, int, str]] = []
        owners: list[int] = []
        for n, q in enumerate(keep):
            sp = _clean(text, q.speaker, made)
            if sp:
                mentions.append((sp[0].start, sp[-1].end, text[sp[0].start : sp[-1].end]))
                owners.append(n)
        order = sorted(range(len(mentions)), key=lambda i: mentions[i][0])
        drafts, assign = resolve_entities([mentions[i] for i in order])
        for k, i in enumerate(order):
            entity_of[owners[i]] = f"e{assign[k] + 1}"
        for n, d in enumerate(drafts, start=1):
            entities.append(
                SpeakerEntity(
                    id=f"e{n}", name=d.name, kind=d.kind, mentions=_clean(text, d.mentions, made)
                )
            )
    quotes = []
    for n, q in enumerate(keep):
        parent = old_to_new.get(q.parent) if q.parent is not None else None
        quotes.append(
            Quote(
                id=f"q{n + 1}",
                spans=content[id(q)],
                type=q.type,
                medium=q.medium,
                cue=_clean(text, q.cue, made),
                frame=_clean(text, q.frame, made),
                speaker=_clean(text, q.speaker, made),
                addressee=_clean(text, q.addressee, made),
                entity=entity_of.get(n),
                parent=f"q{parent + 1}" if parent is not None and parent != n else None,
            )
        )
    return Annotations(quotes=tuple(quotes), entities=tuple(entities))
