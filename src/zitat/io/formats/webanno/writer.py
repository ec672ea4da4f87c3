"""Writing one document as WebAnno TSV 3.3, as INCEpTION writes it.

Sentences run from their first token to the next sentence's first token, so the text
between sentences (spaces, line breaks) is kept in the ``#Text=`` lines and INCEpTION
rebuilds the exact text. Spans that start or end inside a token get sub-token units
(``1-3.1``); annotations on several units or stacked on one get disambiguation ids.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from zitat.errors import ValidationError
from zitat.io.formats.record import RECORD_KEY, make_record
from zitat.io.formats.utf16 import UTF16, OffsetMap
from zitat.io.formats.webanno.escaping import escape_text, escape_value
from zitat.io.formats.webanno.layers import (
    FEATURES,
    MENTION,
    QUOTE,
    RELATION,
    ROLE,
    RelationAnno,
    SpanAnno,
    view_of,
)
from zitat.schema import AnnotatedDocument, Span, Token
from zitat.text.offsets import TokenIndex
from zitat.text.prepare import prepare

__all__ = ["FORMAT_LINE", "HEADER", "RECORD_PREFIX", "document_to_tsv", "tsv_sentences"]

FORMAT_LINE = "#FORMAT=WebAnno TSV 3.3"
SPAN_LAYERS = (QUOTE, ROLE, MENTION)
HEADER: tuple[str, ...] = (
    FORMAT_LINE,
    *(f"#T_SP={layer}|{'|'.join(FEATURES[layer])}" for layer in SPAN_LAYERS),
    f"#T_RL={RELATION}|{'|'.join(FEATURES[RELATION])}|BT_{QUOTE}",
)
RECORD_PREFIX = f"#{RECORD_KEY}="


def tsv_sentences(tokens: Sequence[Token], sentences: Sequence[Span]) -> list[list[Token]]:
    """Tokens grouped into TSV sentences: each joins the last sentence starting at or before it."""
    starts = [s.start for s in sentences]
    groups: dict[int, list[Token]] = defaultdict(list)
    for tok in tokens:
        groups[max(bisect_right(starts, tok.start) - 1, 0)].append(tok)
    return [groups[k] for k in sorted(groups)]


def stripped_extents(text: str, groups: Sequence[Sequence[Token]]) -> tuple[Span, ...]:
    """The TSV sentences trimmed of surrounding whitespace (what a reader gets)."""
    out = []
    for k, group in enumerate(groups):
        start = group[0].start
        end = groups[k + 1][0].start if k + 1 < len(groups) else len(text)
        chunk = text[start:end]
        out.append(Span(start, start + len(chunk.rstrip())))
    return tuple(out)


@dataclass(frozen=True, order=True)
class _Unit:
    token: int  # index of the token
    start: int
    end: int
    sub: bool


class _Units:
    """Token and sub-token units and the annotations on each."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.index = TokenIndex(tokens)
        self.spans: dict[_Unit, list[SpanAnno]] = defaultdict(list)
        self.covers: dict[int, list[_Unit]] = {}  # id(anno) -> its units
        self.subs: dict[int, set[_Unit]] = defaultdict(set)

    def unit(self, k: int, start: int, end: int) -> _Unit:
        tok = self.tokens[k]
        if (start, end) == (tok.start, tok.end):
            return _Unit(k, start, end, False)
        unit = _Unit(k, start, end, True)
        self.subs[k].add(unit)
        return unit

    def place(self, anno: SpanAnno) -> None:
        ids = self.index.token_ids(Span(anno.start, anno.end))
        first, last = ids[0], ids[-1]
        if first == last:
            units = [self.unit(first, anno.start, anno.end)]
        else:
            units = [self.unit(first, anno.start, self.tokens[first].end)]
            units += [self.unit(k, self.tokens[k].start, self.tokens[k].end) for k in ids[1:-1]]
            units.append(self.unit(last, self.tokens[last].start, anno.end))
        self.covers[id(anno)] = units
        for u in units:
            self.spans[u].append(anno)


def _disambiguation(units: _Units, annos: Sequence[SpanAnno]) -> dict[int, int]:
    """Ids for annotations on several units or stacked with another of their layer."""
    needs = []
    for order, anno in enumerate(annos):
        covered = units.covers[id(anno)]
        stacked = any(
            sum(1 for other in units.spans[u] if other.layer == anno.layer) > 1 for u in covered
        )
        if len(covered) > 1 or stacked:
            needs.append((covered[0], order, anno))
    needs.sort(key=lambda x: x[:2])
    return {id(anno): n for n, (_, _, anno) in enumerate(needs, start=1)}


def _value(value: str | None, where: str) -> str:
    if value is None:
        return "*"
    if "\r" in value:
        raise ValidationError("a feature value cannot hold a carriage return", field=where)
    return escape_value(value)


def document_to_tsv(doc: AnnotatedDocument, *, record: bool = True) -> tuple[str, list[str]]:
    """The TSV file content for one document, and notes on what TSV shows differently."""
    document = prepare(doc.document)
    text, tokens = document.text, document.tokens
    for i, tok in enumerate(tokens):
        if any(ch in tok.text for ch in "\t\n\r"):
            raise ValidationError(
                f"token {tok.text!r} holds a tab or line break, which TSV cannot write",
                obj=f"Document {document.id!r}",
                field=f"tokens[{i}]",
            )
    groups = tsv_sentences(tokens, document.sentences)
    view, notes = view_of(doc.annotations, tokens)
    units = _Units(tokens)
    for anno in view.spans:
        units.place(anno)
    ids = _disambiguation(units, view.spans)
    omap = OffsetMap(text, UTF16)
    position = {
        t.start: (s, n) for s, group in enumerate(groups, 1) for n, t in enumerate(group, 1)
    }
    token_index = {t.start: k for k, t in enumerate(tokens)}

    def address(unit: _Unit) -> str:
        s, n = position[tokens[unit.token].start]
        if not unit.sub:
            return f"{s}-{n}"
        subs = sorted(units.subs[unit.token])
        return f"{s}-{n}.{subs.index(unit) + 1}"

    relations_at: dict[_Unit, list[RelationAnno]] = defaultdict(list)
    for rel in view.relations:
        relations_at[units.covers[id(rel.target)][0]].append(rel)

    def row(unit: _Unit) -> str:
        cells = [address(unit), f"{omap.to_unit(unit.start)}-{omap.to_unit(unit.end)}"]
        cells.append(text[unit.start : unit.end])
        for layer in SPAN_LAYERS:
            here = [a for a in units.spans[unit] if a.layer == layer]
            for name in FEATURES[layer]:
                if not here:
                    cells.append("_")
                    continue
                cells.append(
                    "|".join(
                        _value(a.get(name), f"{layer}.{name}")
                        + (f"[{ids[id(a)]}]" if id(a) in ids else "")
                        for a in here
                    )
                )
        rels = relations_at.get(unit, [])
        if not rels:
            cells += ["_", "_"]
        else:
            cells.append("|".join(_value(r.label, f"{RELATION}.label") for r in rels))
            refs = []
            for r in rels:
                src, tgt = ids.get(id(r.source), 0), ids.get(id(r.target), 0)
                ref = address(units.covers[id(r.source)][0])
                refs.append(ref + (f"[{src}_{tgt}]" if src or tgt else ""))
            cells.append("|".join(refs))
        return "\t".join(cells) + "\t"

    lines = [*HEADER, ""]
    prefix = text[: tokens[0].start] if tokens else text
    rec = None
    if record:
        rec = make_record(
            doc,
            tokens=False,
            sentences=stripped_extents(text, groups),
            text_prefix=prefix if prefix.strip(" ") else None,
        )
    if not groups:
        lines.append("")
        if rec is not None:
            lines.append(RECORD_PREFIX + json.dumps(rec, ensure_ascii=False))
        notes.append("the document has no tokens; INCEpTION cannot import it")
    for k, group in enumerate(groups):
        lines.append("")
        if k == 0 and rec is not None:
            lines.append(RECORD_PREFIX + json.dumps(rec, ensure_ascii=False))
        start = group[0].start
        end = groups[k + 1][0].start if k + 1 < len(groups) else len(text)
        lines += ["#Text=" + escape_text(part) for part in text[start:end].split("\n")]
        for tok in group:
            k_tok = token_index[tok.start]
            lines.append(row(_Unit(k_tok, tok.start, tok.end, False)))
            lines += [row(sub) for sub in sorted(units.subs[k_tok])]
    if prefix.strip(" "):
        notes.append(f"the text before the first token ({prefix!r}) reads back as spaces")
    return "\n".join(lines) + "\n", notes
