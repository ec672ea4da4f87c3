"""The HTML page in a real browser: headless Chromium draws the highlights.

A page with quotes (one missed, one spurious) is compared with a control page of the same
layout whose document has no quotation: the legend's swatches are on both, so the extra
yellow (#ffd54f, direct quotes) and red (#d32f2f, outline of quotes without a counterpart)
pixels of the first screenshot come from the highlighted text.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from browserkit import needs_chromium, screenshot
from pngread import count_colour, read_png

from zitat import AnnotatedDocument, Annotations, Quote, QuoteType, make_document
from zitat.testing import find_span
from zitat.view.html import render_document_html

DIRECT = "#ffd54f"
RED = "#d32f2f"
TEXT = (
    "Genf. „Wir werden die Gespräche mit großer Geduld fortsetzen“, sagte die "
    "Außenministerin am Montag. Ein Sprecher erklärte: „Die Lage ist ernst, aber nicht "
    "hoffnungslos.“ Kritiker nennen das Wort „alternativlos“ eine Floskel."
)


def _pages() -> tuple[str, str]:
    doc = make_document("browser", TEXT)
    first = Quote(
        "q1",
        (find_span(TEXT, "„Wir werden die Gespräche mit großer Geduld fortsetzen“"),),
        "direct",
    )
    second = Quote(
        "q2", (find_span(TEXT, "„Die Lage ist ernst, aber nicht hoffnungslos.“"),), "direct"
    )
    gold = AnnotatedDocument(doc, Annotations(quotes=(first, second)))
    predicted = AnnotatedDocument(
        doc,
        Annotations(
            quotes=(
                first.with_(id="p1"),
                Quote("p2", (find_span(TEXT, "„alternativlos“"),), QuoteType.DIRECT),
            )
        ),
    )
    control = AnnotatedDocument(doc, Annotations())
    return (
        render_document_html(gold, predicted, extractor="rules"),
        render_document_html(control, control, extractor="rules"),
    )


def test_png_reader_decodes_every_filter(tmp_path: Path) -> None:
    """The reader itself, on a 3×5 RGBA image written with filters None, Sub, Up, Average
    and Paeth."""
    rows = [[(10 * y + x, 200 - x, 7 * y, 255) for x in range(3)] for y in range(5)]
    raw, previous = bytearray(), bytes(12)
    for kind, row in zip((0, 1, 2, 3, 4), rows, strict=True):
        line = bytes(v for px in row for v in px)
        out = bytearray([kind])
        for i, value in enumerate(line):
            a = line[i - 4] if i >= 4 else 0
            b, c = previous[i], previous[i - 4] if i >= 4 else 0
            p = a + b - c
            paeth = min((abs(p - a), 0, a), (abs(p - b), 1, b), (abs(p - c), 2, c))[2]
            predictor = {0: 0, 1: a, 2: b, 3: (a + b) // 2, 4: paeth}[kind]
            out.append((value - predictor) & 0xFF)
        raw += out
        previous = line

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    png = tmp_path / "tiny.png"
    png.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 3, 5, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(bytes(raw)))
        + chunk(b"IEND", b"")
    )
    pixels = read_png(png)
    assert pixels.shape == (5, 3, 3)
    assert pixels.tolist() == [[list(px[:3]) for px in row] for row in rows]
    assert count_colour(pixels, "#1fc715", tolerance=0) == 1  # (31, 199, 21): row 3, x 1


@needs_chromium
def test_highlights_are_drawn_in_chromium(tmp_path: Path) -> None:
    page, control = _pages()
    pixels = read_png(screenshot(page, tmp_path / "a"))
    control_pixels = read_png(screenshot(control, tmp_path / "b"))
    assert pixels.shape == (800, 1200, 3)
    yellow = count_colour(pixels, DIRECT) - count_colour(control_pixels, DIRECT)
    red = count_colour(pixels, RED) - count_colour(control_pixels, RED)
    # Four direct-quote highlights (two per side, ~100 characters of 15px text) and two 3px
    # red outlines: thousands of yellow and several hundred red pixels.
    assert yellow > 5000, f"only {yellow} more pixels of {DIRECT} than the control page"
    assert red > 600, f"only {red} more pixels of {RED} than the control page"
    assert count_colour(control_pixels, DIRECT) > 0  # the legend swatch is drawn too
