"""An HTML page showing one document with gold and predicted quotations side by side.

Each side marks quote spans (coloured by type), cues (underlined), speakers (bold, boxed)
and frames (dotted). Quotes are aligned gold↔predicted one-to-one as the scorer aligns them
(:attr:`zitat.scoring.DocumentPair.alignment`: overlapping pairs only); an unmatched gold
quote (a false negative) and an unmatched predicted quote (a false positive) get a red
outline and are listed under the text. The page is self-contained (inline CSS, no scripts).

Markup, for styling and tests: the two texts are ``<div class="text" id="gold">`` and
``id="predicted"``; every marked piece is a ``<span>`` with ``data-quote`` (the quote id) and
classes ``q <type>`` for quote content (plus ``miss missed`` on the gold side or ``miss
spurious`` on the predicted side when it has no counterpart), or ``cue``/``speaker``/``frame``.
Nested and overlapping spans are cut into pieces, the shortest mark innermost.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from zitat.schema import AnnotatedDocument, Annotations, Role, Span

__all__ = ["TYPE_COLOURS", "render_document_html", "type_swatches"]

# The background colour of each quote type, shared by every page that marks quotes.
TYPE_COLOURS = {
    "direct": "#ffd54f",
    "indirect": "#81d4fa",
    "free_indirect": "#ce93d8",
    "indirect_free_indirect": "#a5d6a7",
    "reported": "#ffab91",
}


def type_swatches() -> str:
    """The legend's swatches: each quote type on its background colour."""
    return "".join(
        f'<span style="background:{c}">{html.escape(t)}</span>' for t, c in TYPE_COLOURS.items()
    )


_CSS = """
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin: 0 0 .5em 0; }
body > h2 { margin-top: 1.5em; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; align-items: start; }
.cols > section { border: 1px solid #ddd; border-radius: 6px; padding: .8em 1em; }
@media (max-width: 800px) { .cols { grid-template-columns: 1fr; } }
.text { white-space: pre-wrap; line-height: 1.9; font-size: 15px; }
.q, .speaker, .miss { -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.q { border-radius: 3px; padding: 1px 0; }
.miss { outline: 3px solid #d32f2f; }
.cue { text-decoration: underline 2px #333; }
.speaker { font-weight: bold; border: 1px solid #333; border-radius: 3px; }
.frame { border-bottom: 2px dotted #555; }
.legend span { margin-right: 1em; padding: 2px 6px; border-radius: 3px; }
ul.errors li { margin: .3em 0; } .fp { color: #b71c1c; } .fn { color: #0d47a1; }
"""


@dataclass(frozen=True)
class _Mark:
    span: Span
    classes: tuple[str, ...]
    colour: str | None
    title: str
    quote: str


def _marks(
    ann: Annotations, unmatched: set[str], entity_names: dict[str, str], miss_class: str
) -> list[_Mark]:
    marks: list[_Mark] = []
    for q in ann.quotes:
        speaker = entity_names.get(q.entity or "", "unattributed")
        title = f"{q.id}: {q.type.value}, {q.medium.value}, speaker: {speaker}"
        miss = ("miss", miss_class) if q.id in unmatched else ()
        for span in q.spans:
            marks.append(
                _Mark(span, ("q", q.type.value, *miss), TYPE_COLOURS[q.type.value], title, q.id)
            )
        for role in (Role.FRAME, Role.CUE, Role.SPEAKER):
            for span in q.role(role):
                marks.append(_Mark(span, (role.value,), None, f"{q.id}: {role.value}", q.id))
    return marks


def _render_text(text: str, marks: Sequence[_Mark]) -> str:
    cuts = sorted({0, len(text), *(m.span.start for m in marks), *(m.span.end for m in marks)})
    out: list[str] = []
    for start, end in itertools.pairwise(cuts):
        piece = html.escape(text[start:end])
        active = [m for m in marks if m.span.start <= start and end <= m.span.end]
        # the shortest mark innermost, so a nested quote's colour shows inside its parent's
        for m in sorted(active, key=lambda m: (len(m.span), m.span.start)):
            style = f' style="background:{m.colour}"' if m.colour else ""
            piece = (
                f'<span class="{" ".join(m.classes)}"{style} data-quote="{html.escape(m.quote)}"'
                f' title="{html.escape(m.title)}">{piece}</span>'
            )
        out.append(piece)
    return "".join(out)


def render_document_html(
    gold: AnnotatedDocument, predicted: AnnotatedDocument | None, *, extractor: str = ""
) -> str:
    """The error-analysis page for one document."""
    # imported here: the scoring stack (scipy, seqeval) is slow to import, and the tracking
    # page imports this module only for the colours
    from zitat.scoring.pair import DocumentPair

    pair = DocumentPair(gold, predicted)  # empty annotations when there is no prediction
    pred_ann = pair.pred
    missed = {pair.gold.quotes[i].id for i in pair.alignment.unmatched_gold}
    spurious = {pred_ann.quotes[i].id for i in pair.alignment.unmatched_pred}
    gold_names = {e.id: e.name for e in gold.annotations.entities}
    pred_names = {e.id: e.name for e in pred_ann.entities}
    left = _render_text(gold.text, _marks(gold.annotations, missed, gold_names, "missed"))
    right = _render_text(gold.text, _marks(pred_ann, spurious, pred_names, "spurious"))
    legend = type_swatches()
    errors = [
        f'<li class="fn">missed (gold {q.id}, {q.type.value}): '
        f"{html.escape(q.text_in(gold.text))}</li>"
        for q in gold.annotations.quotes
        if q.id in missed
    ] + [
        f'<li class="fp">spurious (predicted {q.id}, {q.type.value}): '
        f"{html.escape(q.text_in(gold.text))}</li>"
        for q in pred_ann.quotes
        if q.id in spurious
    ]
    title = html.escape(f"{gold.id} — gold vs. {extractor or 'prediction'}")
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title}</title>
<style>{_CSS}</style></head>
<body>
<h1>{title}</h1>
<p class="legend">{legend}<span class="cue">cue</span><span class="speaker">speaker</span>
<span class="frame">frame</span><span class="q miss">no counterpart</span></p>
<div class="cols">
<section><h2>gold ({len(gold.annotations.quotes)} quotes, {len(missed)} missed)</h2>
<div class="text" id="gold">{left}</div></section>
<section><h2>{html.escape(extractor or "predicted")} ({len(pred_ann.quotes)} quotes,
{len(spurious)} spurious)</h2>
<div class="text" id="predicted">{right}</div></section>
</div>
<h2>Errors</h2>
<ul class="errors">{"".join(errors) or "<li>none</li>"}</ul>
</body></html>
"""
