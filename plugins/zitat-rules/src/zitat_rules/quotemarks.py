"""Quotation-mark pairing for every German style, nesting and multi-paragraph quotes.

Styles: „…“ (German), »…« (German books/press), «…» (Swiss), "…" (straight), “…” (English),
with ‚…‘ / ›…‹ / '…' nested inside. A paragraph that ends inside an open quote continues if
the next paragraph opens with the same mark (German convention); otherwise the unclosed mark
is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["QuoteRegion", "find_quote_regions"]

_MARKS = re.compile('[„“”"»«›‹‚‘’]|\n\\s*\n')
_CLOSERS: dict[str, str] = {
    "„": '“”"',
    "“": '”"',
    '"': '"“”',
    "»": "«",
    "«": "»",
    "‚": "‘’",
    "›": "‹",
    "‹": "›",
    "’": "’",
}


@dataclass(slots=True)
class QuoteRegion:
    """Quoted text: one span per paragraph, quotation marks included; ``children`` nested."""

    parts: list[tuple[int, int]]
    opener: str
    children: list[QuoteRegion] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def inner(self, text: str) -> str:
        """The quoted words without the outer marks."""
        return text[self.start + 1 : self.end - 1]


def _swiss(text: str) -> bool:
    """True if «…» is the primary pair (Swiss style) rather than »…«."""
    if "«" not in text:
        return False
    de = text.count(" »") + text.count("\n»") + text.count("(»") + text.startswith("»")
    ch = text.count(" «") + text.count("\n«") + text.count("(«") + text.startswith("«")
    return ch > de


def _is_opening(text: str, i: int, ch: str) -> bool:
    """Decide whether an ambiguous mark at ``i`` opens (space or start before, a word after)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() or after in ",.;:!?)":
        return False
    return before.isspace() or before in '([/–—-:„»«"‚'


def find_quote_regions(text: str) -> list[QuoteRegion]:
    """Top-level quote regions of ``text`` (nested ones in ``children``)."""
    swiss = _swiss(text)
    top: list[QuoteRegion] = []
    # stack entries: (opener, start of the current part, region)
    stack: list[tuple[str, int, QuoteRegion]] = []
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch[0] == "\n":
            # paragraph break: suspend open quotes; they continue only if the next paragraph
            # starts with the same opening mark
            suspended, stack = stack, []
            nxt = m.end()
            if suspended and nxt < len(text) and text[nxt] == suspended[0][0]:
                op, st, reg = suspended[0]
                reg.parts.append((st, len(text[:i].rstrip())))
                stack = [(op, -1, reg)]  # -1: next opener mark restarts the part
            continue
        if stack and stack[-1][1] == -1 and ch == stack[-1][0]:
            op, _, reg = stack[-1]
            stack[-1] = (op, i, reg)
            continue
        if stack and ch in _CLOSERS[stack[-1][0]]:
            op, st, reg = stack[-1]
            # a straight quote that looks like an opener closes only if nothing nested fits
            if not (ch == '"' and op != '"' and _is_opening(text, i, ch)) or op == '"':
                stack.pop()
                reg.parts.append((st, i + 1))
                (stack[-1][2].children if stack else top).append(reg)
                continue
        if ch == "’" or (ch == "‘" and (not stack or stack[-1][0] != "‚")):
            continue  # apostrophes
        opening = ch in "„‚›" or (ch == "»" and not swiss) or (ch == "«" and swiss)
        if ch in '"“' and _is_opening(text, i, ch):
            opening = True
        if ch in "»«" and not opening and _is_opening(text, i, ch):
            opening = True
        if ch == "‹" and _is_opening(text, i, ch):
            opening = True
        if opening:
            stack.append((ch, i, QuoteRegion([], ch)))
    top.sort(key=lambda r: r.start)
    for reg in top:
        reg.children.sort(key=lambda r: r.start)
    return top
