"""The error-analysis page: missed and spurious quotes marked, text escaped, nesting handled.

The page is parsed with :mod:`html.parser`; every piece of text is recorded with the stack of
``<span>`` elements around it, so the tests can ask which quote, class and colour a character
of the document gets on each side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from zitat import (
    AnnotatedDocument,
    Annotations,
    Quote,
    QuoteType,
    SpeakerEntity,
    make_document,
)
from zitat.testing import find_span
from zitat.view.html import render_document_html

VOID = {"meta", "br", "hr", "img", "input", "link"}


@dataclass
class Piece:
    side: str  # "gold", "predicted" or "" (outside the two texts)
    text: str
    spans: list[dict[str, str]]  # outermost first


@dataclass
class Page(HTMLParser):
    pieces: list[Piece] = field(default_factory=list)
    stack: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    items: list[tuple[str, str]] = field(default_factory=list)  # (li class, text)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in VOID:
            return
        self.stack.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "li":
            self.items.append((self.stack[-1][1].get("class", ""), ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def handle_data(self, data: str) -> None:
        side = next((a.get("id", "") for t, a in self.stack if a.get("class") == "text"), "")
        spans = [a for t, a in self.stack if t == "span"]
        self.pieces.append(Piece(side, data, spans))
        if any(t == "li" for t, _ in self.stack) and self.items:
            cls, text = self.items[-1]
            self.items[-1] = (cls, text + data)

    def text(self, side: str) -> str:
        return "".join(p.text for p in self.pieces if p.side == side)

    def quote_classes(self, side: str, quote: str) -> set[str]:
        """The classes of the content spans of ``quote`` on one side."""
        out: set[str] = set()
        for p in self.pieces:
            for a in p.spans:
                classes = a.get("class", "").split()
                if p.side == side and a.get("data-quote") == quote and "q" in classes:
                    out.update(classes)
        return out

    def covered(self, side: str, quote: str) -> str:
        """The text inside content spans of ``quote`` on one side."""
        return "".join(
            p.text
            for p in self.pieces
            if p.side == side
            and any(a.get("data-quote") == quote and "q" in a["class"].split() for a in p.spans)
        )


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == [], "unclosed elements"
    return parser


TEXT = (
    "„Wir werden die Gespräche fortsetzen“, sagte Außenministerin Anna Berg. "
    "Ein Sprecher erklärte: „Die Lage ist ernst.“ "
    "Kritiker nennen das Wort „alternativlos“ eine Floskel."
)


@pytest.fixture
def page() -> Page:
    doc = make_document("art-07", TEXT)
    berg = SpeakerEntity(
        "e1", "Anna Berg", mentions=(find_span(TEXT, "Außenministerin Anna Berg"),)
    )
    gold = AnnotatedDocument(
        doc,
        Annotations(
            quotes=(
                Quote(
                    "q1",
                    (find_span(TEXT, "„Wir werden die Gespräche fortsetzen“"),),
                    QuoteType.DIRECT,
                    cue=(find_span(TEXT, "sagte"),),
                    speaker=(find_span(TEXT, "Außenministerin Anna Berg"),),
                    entity="e1",
                ),
                Quote(
                    "q2",
                    (find_span(TEXT, "„Die Lage ist ernst.“"),),
                    QuoteType.DIRECT,
                    cue=(find_span(TEXT, "erklärte"),),
                    frame=(find_span(TEXT, "Ein Sprecher erklärte"),),
                    speaker=(find_span(TEXT, "Ein Sprecher"),),
                ),
            ),
            entities=(berg,),
        ),
    )
    predicted = AnnotatedDocument(
        doc,
        Annotations(
            quotes=(
                Quote("p1", (find_span(TEXT, "„Wir werden die Gespräche fortsetzen“"),), "direct"),
                Quote("p2", (find_span(TEXT, "„alternativlos“"),), "direct"),
            )
        ),
    )
    return parse(render_document_html(gold, predicted, extractor="baseline-quotemarks"))


def test_both_sides_show_the_whole_text(page: Page) -> None:
    assert page.text("gold") == TEXT
    assert page.text("predicted") == TEXT


def test_a_missed_gold_quote_is_marked(page: Page) -> None:
    assert {"q", "direct", "miss", "missed"} <= page.quote_classes("gold", "q2")
    assert page.covered("gold", "q2") == "„Die Lage ist ernst.“"
    assert "miss" not in page.quote_classes("gold", "q1")
    assert ("fn", "missed (gold q2, direct): „Die Lage ist ernst.“") in page.items


def test_a_spurious_prediction_is_marked(page: Page) -> None:
    assert {"q", "direct", "miss", "spurious"} <= page.quote_classes("predicted", "p2")
    assert page.covered("predicted", "p2") == "„alternativlos“"
    assert "miss" not in page.quote_classes("predicted", "p1")
    assert ("fp", "spurious (predicted p2, direct): „alternativlos“") in page.items
    # the red outline belongs to the unmatched quotes only
    outlined = {
        a["data-quote"]
        for p in page.pieces
        if p.side
        for a in p.spans
        if "miss" in a.get("class", "").split()
    }
    assert outlined == {"q2", "p2"}


def test_roles_and_colours(page: Page) -> None:
    def classes_of(part: str) -> set[str]:
        return {c for p in page.pieces if p.side == "gold" and p.text == part for a in p.spans
                for c in a.get("class", "").split()}  # fmt: skip

    assert "cue" in classes_of("sagte")
    assert "speaker" in classes_of("Außenministerin Anna Berg")
    styles = {
        a.get("style")
        for p in page.pieces
        if p.side == "gold"
        for a in p.spans
        if "q" in a["class"]
    }
    assert styles == {"background:#ffd54f"}  # direct quotes
    titles = {a.get("title") for p in page.pieces for a in p.spans if a.get("data-quote") == "q1"}
    assert "q1: direct, speech, speaker: Anna Berg" in titles


def test_headings_count_quotes_and_errors() -> None:
    doc = make_document("d", TEXT)
    gold = AnnotatedDocument(
        doc, Annotations(quotes=(Quote("q1", (find_span(TEXT, "Ein"),), "direct"),))
    )
    html = render_document_html(gold, None, extractor="x")
    assert "gold (1 quotes, 1 missed)" in html
    page = parse(html)
    assert {"miss", "missed"} <= page.quote_classes("gold", "q1")  # no prediction: all missed
    assert page.text("predicted") == TEXT


def test_text_ids_and_names_are_escaped() -> None:
    text = 'Er rief: „<script>alert("x")</script> & <b>fett</b>“ – so „laut“ <Quelle>.'
    doc = make_document('doc<1>&"', text)
    quote = Quote(
        "q<1>", (find_span(text, '„<script>alert("x")</script> & <b>fett</b>“'),), "direct"
    )
    gold = AnnotatedDocument(doc, Annotations(quotes=(quote,)))
    pred = AnnotatedDocument(
        doc, Annotations(quotes=(Quote("p&1", (find_span(text, "„laut“"),), "direct"),))
    )
    html = render_document_html(gold, pred, extractor='ex"<tractor>')
    assert "<script>" not in html
    assert "<b>" not in html
    assert "<Quelle>" not in html
    page = parse(html)
    assert "script" not in page.tags
    assert "b" not in page.tags
    assert page.text("gold") == text
    assert page.text("predicted") == text
    assert page.covered("gold", "q<1>") == '„<script>alert("x")</script> & <b>fett</b>“'
    assert {"miss", "missed"} <= page.quote_classes("gold", "q<1>")
    assert {"miss", "spurious"} <= page.quote_classes("predicted", "p&1")
    title = "".join(p.text for p in page.pieces if p.side == "" and "gold vs." in p.text)
    assert 'doc<1>&" — gold vs. ex"<tractor>' in title


def test_nested_and_overlapping_spans() -> None:
    text = "Der Minister sagte, er habe „keine Angst vor Neuwahlen“ und bleibe im Amt."
    outer = Quote("q1", (find_span(text, "er habe „keine Angst vor Neuwahlen“ und bleibe im Amt"),),
                  QuoteType.INDIRECT, cue=(find_span(text, "sagte"),))  # fmt: skip
    inner = Quote(
        "q2", (find_span(text, "„keine Angst vor Neuwahlen“"),), QuoteType.DIRECT, parent="q1"
    )
    doc = make_document("nested", text)
    gold = AnnotatedDocument(doc, Annotations(quotes=(outer, inner)))
    # predicted quotes overlap each other partly (neither contains the other)
    left = Quote("p1", (find_span(text, "er habe „keine Angst"),), QuoteType.INDIRECT)
    right = Quote("p2", (find_span(text, "Angst vor Neuwahlen“ und"),), QuoteType.DIRECT)
    pred = AnnotatedDocument(doc, Annotations(quotes=(left, right)))
    page = parse(render_document_html(gold, pred, extractor="x"))
    assert page.text("gold") == text
    assert page.text("predicted") == text
    assert page.covered("gold", "q1") == "er habe „keine Angst vor Neuwahlen“ und bleibe im Amt"
    assert page.covered("gold", "q2") == "„keine Angst vor Neuwahlen“"
    # inside the nested quote the innermost span is the nested (shorter) quote, so its colour
    # is the one shown; the outer quote still encloses it
    for p in page.pieces:
        if p.side == "gold" and p.text and p.text in "„keine Angst vor Neuwahlen“":
            quotes = [a["data-quote"] for a in p.spans if "q" in a["class"].split()]
            assert quotes == ["q1", "q2"], p
            assert p.spans[-1]["style"] == "background:#ffd54f"
    assert page.covered("predicted", "p1") == "er habe „keine Angst"
    assert page.covered("predicted", "p2") == "Angst vor Neuwahlen“ und"
    both = [p.text for p in page.pieces if p.side == "predicted" and len(p.spans) == 2]
    assert "".join(both) == "Angst"
    assert not any("miss" in a["class"] for p in page.pieces if p.side for a in p.spans)


def test_unmatched_quotes_are_the_scorers_false_positives_and_negatives() -> None:
    """Quotes are aligned one-to-one as the scorer does: of two predictions inside one gold
    quote only one is matched, the other is spurious (as in ``quotes.match``)."""
    from zitat.scoring import DocumentPair, quote_counts

    doc = make_document("split", TEXT)
    gold = AnnotatedDocument(
        doc,
        Annotations(quotes=(Quote("q1", (find_span(TEXT, "„Die Lage ist ernst.“"),), "direct"),)),
    )
    halves = (
        Quote("p1", (find_span(TEXT, "„Die Lage"),), "direct"),
        Quote("p2", (find_span(TEXT, "ist ernst.“"),), "direct"),
    )
    pred = AnnotatedDocument(doc, Annotations(quotes=halves))
    page = parse(render_document_html(gold, pred, extractor="x"))
    spurious = {q for q in ("p1", "p2") if "spurious" in page.quote_classes("predicted", q)}
    assert spurious == {"p1"}  # p2 shares more tokens with q1, so it is the match
    assert "miss" not in page.quote_classes("gold", "q1")
    counts = quote_counts(DocumentPair(gold, pred)).match
    assert (counts.tp, counts.fp, counts.fn) == (1, len(spurious), 0)
