"""German sentence boundaries: abbreviations, ordinals, quotes, paragraphs."""

from __future__ import annotations

import pytest

from zitat.text import split_sentences


def sentences(text: str) -> list[str]:
    spans = split_sentences(text)
    for s in spans:
        chunk = text[s.start : s.end]
        assert chunk == chunk.strip()  # trimmed
        assert chunk
    return [text[s.start : s.end] for s in spans]


def test_simple() -> None:
    assert sentences("Er kam. Sie ging! Warum? Darum.") == [
        "Er kam.",
        "Sie ging!",
        "Warum?",
        "Darum.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Es gibt z. B. Äpfel und Birnen.",
        "Dr. Müller kam nach Genf.",
        "Am 1. Januar 2022 begann das Jahr.",
        "Am 24. Februar begann der Krieg.",
        "Das kostet 5,5 Mio. Euro im Jahr.",
        "Die Analysefirma R.Politik kommentierte das.",
    ],
)
def test_no_break_after_abbreviations_and_ordinals(text: str) -> None:
    assert sentences(text) == [text]


def test_abbreviations_in_running_text() -> None:
    text = "Es gibt z. B. Äpfel. Dr. Müller kam am 1. Januar nach Genf. Danach war Ruhe."
    assert sentences(text) == [
        "Es gibt z. B. Äpfel.",
        "Dr. Müller kam am 1. Januar nach Genf.",
        "Danach war Ruhe.",
    ]


def test_paragraph_break_always_ends_a_sentence() -> None:
    text = "Titel ohne Punkt\n\nErster Satz. Zweiter Satz\n\n\n  Letzter Absatz  \n"
    assert sentences(text) == ["Titel ohne Punkt", "Erster Satz.", "Zweiter Satz", "Letzter Absatz"]


def test_single_newline_lines() -> None:
    text = "Ein Bild sagt mehr...\nEin Bild sagt mehr... © AP"
    assert sentences(text) == ["Ein Bild sagt mehr...", "Ein Bild sagt mehr... © AP"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Er sagte: "Wir reden weiter." Dann ging er.',
            ['Er sagte: "Wir reden weiter."', "Dann ging er."],
        ),
        (
            "Sie sagte: »Es ist ernst.« Lawrow schwieg.",
            ["Sie sagte: »Es ist ernst.«", "Lawrow schwieg."],
        ),
        ("Er sagte: „Nein.“ Sie lachte.", ["Er sagte: „Nein.“", "Sie lachte."]),
        ('A sagte: "X." B sagte: "Y."', ['A sagte: "X."', 'B sagte: "Y."']),
        ('Er sagte: "Ende."\n\nNeu.', ['Er sagte: "Ende."', "Neu."]),
    ],
)
def test_closing_quotation_mark_stays_with_its_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_quote_across_sentence_end_with_frame_after() -> None:
    text = '"Wir kommen. Ihr bleibt", sagte er. Dann ging er.'
    result = sentences(text)
    assert result[-1] == "Dann ging er."
    assert result[-2].endswith('", sagte er.')
    assert "".join(result).replace(" ", "") == text.replace(" ", "")  # nothing lost


def test_german_quote_with_two_sentences_is_not_cut_inside() -> None:
    text = "Er sagte: „Wir reden weiter. Das ist wichtig.“ Dann ging er."
    assert sentences(text) == ["Er sagte: „Wir reden weiter. Das ist wichtig.“", "Dann ging er."]


def test_header_artefact_is_glued_to_first_sentence() -> None:
    """A known limitation (see docs/sentences.md): a scraped header has no boundary."""
    text = " date 2022-01 Nach dem Treffen sprach er. Dann ging er."
    assert sentences(text)[0] == "date 2022-01 Nach dem Treffen sprach er."


def test_empty_and_blank() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n\n \t") == ()
    assert sentences("Wort") == ["Wort"]


def test_offsets_point_into_original_text() -> None:
    text = "  Erster Satz.   Zweiter Satz.\n\nDritter."
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(2, 14), (17, 30), (32, 40)]
