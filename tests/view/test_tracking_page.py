"""The statement-tracking page: versions side by side, differences marked, everything escaped,
and the marks really drawn by headless Chromium.

The page is parsed with :mod:`html.parser`; each piece of text is recorded with the element
stack around it, so the tests can ask which words sit inside ``<ins>`` or ``<del>`` of which
version. The browser test compares a page whose versions differ with a control page whose
versions are identical (same layout, same legend): the extra green and red pixels of the
first come from the marked words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from browserkit import needs_chromium, screenshot
from pngread import count_colour, read_png

from zitat import EntityKind, Medium, QuoteType
from zitat.entities import CorpusEntity
from zitat.tracking import PartialDate, StatementCluster, Version, compare_versions
from zitat.view.tracking_html import DEL_COLOUR, INS_COLOUR, render_tracking_html

VOID = {"meta", "br", "hr", "img", "input", "link"}


@dataclass
class Page(HTMLParser):
    """Text pieces with the tags, classes and data attributes around them."""

    pieces: list[tuple[str, list[tuple[str, dict[str, str]]]]] = field(default_factory=list)
    stack: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            open_tag, _ = self.stack.pop()
            assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def handle_data(self, data: str) -> None:
        self.pieces.append((data, list(self.stack)))

    def version_text(self, quote: str, kinds: tuple[str, ...] = ("", "ins")) -> str:
        """The text of a version's ``<p class="text">``: plain ("") and/or marked pieces."""
        out = []
        for data, stack in self.pieces:
            in_version = any(a.get("data-quote") == quote for _, a in stack)
            in_text = any(t == "p" and a.get("class") == "text" for t, a in stack)
            mark = next((t for t, _ in stack if t in ("ins", "del")), "")
            outside = any(a.get("class") == "outside" for _, a in stack)
            if in_version and in_text and mark in kinds and not outside:
                out.append(data)
        return "".join(out)

    def marked(self, quote: str, tag: str) -> list[str]:
        """The text of each ``<ins>`` or ``<del>`` element of one version, in order."""
        texts: dict[int, str] = {}
        for data, stack in self.pieces:
            if any(a.get("data-quote") == quote for _, a in stack):
                for t, a in stack:
                    if t == tag:
                        texts[id(a)] = texts.get(id(a), "") + data
        return list(texts.values())

    def sections(self) -> list[str]:
        return [a["id"] for t, a in self._all_starts() if t == "section"]

    def _all_starts(self) -> list[tuple[str, dict[str, str]]]:
        seen: list[tuple[str, dict[str, str]]] = []
        for _, stack in self.pieces:
            for element in stack:
                if element not in seen:
                    seen.append(element)
        return seen


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.stack == [], "unclosed elements"
    return page


def version(
    quote_id: str, text: str, reference: str, form: QuoteType, *, is_reference: bool
) -> Version:
    return Version(
        doc_id=f"doc-{quote_id}",
        quote_id=quote_id,
        text=text,
        form=form,
        medium=Medium.SPEECH,
        outlet=None,
        date=None,
        is_reference=is_reference,
        comparison=compare_versions(text, reference),
    )


def cluster(cid: str, speaker: str, texts: list[tuple[str, QuoteType]]) -> StatementCluster:
    reference = texts[0][0]
    versions = tuple(
        version(f"q{i}", text, reference, form, is_reference=i == 0)
        for i, (text, form) in enumerate(texts)
    )
    entity = CorpusEntity(cid + "-speaker", speaker, EntityKind.PERSON, (), (speaker,))
    return StatementCluster(cid, entity, versions, 0.8, None)


REF = "„Wir werden die Schulen im Herbst mit neuen Laptops ausstatten“"
DIFFERENT = [
    (REF, QuoteType.DIRECT),
    ("man werde die Schulen im Herbst mit modernen Tablets ausstatten", QuoteType.INDIRECT),
    ("„die Schulen im Herbst mit neuen Laptops“", QuoteType.DIRECT),
]


def test_versions_side_by_side_with_marks() -> None:
    page = parse(render_tracking_html([cluster("s1", "Jana Ohm", DIFFERENT)]))
    assert page.sections() == ["s1"]
    assert page.version_text("q0") == REF  # the reference, unmarked
    assert page.version_text("q1") == DIFFERENT[1][0]  # same + ins give the version back
    assert page.marked("q1", "ins") == ["man werde", "modernen Tablets"]
    assert page.marked("q1", "del") == ["Wir werden", "neuen Laptops"]
    assert page.marked("q0", "ins") == page.marked("q0", "del") == []
    # the excerpt has no differences inside it, only context outside
    assert page.marked("q2", "ins") == page.marked("q2", "del") == []
    assert page.version_text("q2") == DIFFERENT[2][0]
    assert "not in this version: Wir werden" in render_tracking_html(
        [cluster("s1", "Jana Ohm", DIFFERENT)]
    )


def test_all_text_is_escaped() -> None:
    ref = 'Er rief: „<script>alert("x")</script> & <b>fett</b>“'
    versions = (
        Version(
            doc_id='doc<1>&"',
            quote_id="q<1>",
            text=ref,
            form=QuoteType.DIRECT,
            medium=Medium.SPEECH,
            outlet="<i>Blatt</i>",
            date=PartialDate.parse("2024-05"),
            is_reference=True,
            comparison=compare_versions(ref, ref),
        ),
        Version(
            doc_id="d2",
            quote_id="q2",
            text="<script>alert(2)</script> & <u>fett</u>",
            form=QuoteType.INDIRECT,
            medium=Medium.SPEECH,
            outlet=None,
            date=None,
            is_reference=False,
            comparison=compare_versions("<script>alert(2)</script> & <u>fett</u>", ref),
        ),
    )
    entity = CorpusEntity("x", "<em>Ohm</em> & Co", EntityKind.PERSON, (), ())
    html = render_tracking_html(
        [StatementCluster('s"1', entity, versions, 0.5, None)],
        title="<h1>Titel</h1>",
        settings={"similarity": "<x>"},
    )
    for raw in ("<script>", "<b>", "<i>", "<u>", "<em>", "<h1>Titel", "<x>"):
        assert raw not in html
    page = parse(html)
    assert not {"script", "b", "i", "u", "em"} & set(page.tags)
    assert page.version_text("q<1>") == ref
    assert page.version_text("q2") == "<script>alert(2)</script> & <u>fett</u>"
    shown = "".join(data for data, _ in page.pieces)
    assert "<em>Ohm</em> & Co" in shown
    assert "<i>Blatt</i>" in shown
    assert 's"1' in page.sections()


@needs_chromium
def test_marks_are_drawn_in_chromium(tmp_path: Path) -> None:
    same = [(REF, QuoteType.DIRECT), (REF, QuoteType.INDIRECT), (REF, QuoteType.DIRECT)]
    page = render_tracking_html([cluster("s1", "Jana Ohm", DIFFERENT)])
    control = render_tracking_html([cluster("s1", "Jana Ohm", same)])
    pixels = read_png(screenshot(page, tmp_path / "a"))
    control_pixels = read_png(screenshot(control, tmp_path / "b"))
    assert pixels.shape == (800, 1200, 3)
    green = count_colour(pixels, INS_COLOUR) - count_colour(control_pixels, INS_COLOUR)
    red = count_colour(pixels, DEL_COLOUR) - count_colour(control_pixels, DEL_COLOUR)
    # "man werde" and "modernen Tablets" inserted, "Wir werden" and "neuen Laptops" deleted:
    # about 30 characters of 15px text each, a few thousand pixels of background
    assert green > 1500, f"only {green} more pixels of {INS_COLOUR} than the control page"
    assert red > 1500, f"only {red} more pixels of {DEL_COLOUR} than the control page"
    assert count_colour(control_pixels, INS_COLOUR) > 0  # the legend swatch is drawn too
