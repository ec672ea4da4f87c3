"""Sentence units: sentences merged where a quotation or its frame crosses a boundary."""

from __future__ import annotations

from .quotemarks import QuoteRegion
from .view import TextView

__all__ = ["sentence_units"]


def sentence_units(view: TextView, regions: list[QuoteRegion]) -> list[tuple[int, int]]:
    """Character ranges of units; a quote part never straddles two units."""
    text = view.text
    # a sentence that starts with an opening mark starts a new quotation, not a continuation
    openings = {p[0] for r in regions for p in r.parts}
    units: list[list[int]] = []
    for s, e in view.sentences:
        if units:
            pe = units[-1][1]
            gap = text[pe:s]
            first = text[s : s + 1]
            closing = first in '“”«»"' and s not in openings
            if "\n\n" not in gap and (first in ",;" or first.islower() or closing):
                units[-1][1] = e
                continue
        units.append([s, e])
    # merge units crossed by a quote part
    parts = sorted(p for r in regions for p in r.parts)
    out: list[list[int]] = []
    pi = 0
    for u in units:
        if out:
            pe = out[-1][1]
            while pi < len(parts) and parts[pi][1] <= pe:
                pi += 1
            crossing = False
            for a, b in parts[max(0, pi - 3) : pi + 3]:
                if a < pe < b:
                    crossing = True
                    break
            if crossing and "\n\n" not in text[pe : u[0]]:
                out[-1][1] = max(pe, u[1])
                continue
        out.append(list(u))
    return [(s, e) for s, e in out]
