"""Tokens: code-point offsets, whitespace flags, no whitespace tokens."""

from __future__ import annotations

from zitat.schema import Document
from zitat.text import make_document, prepare, tokenize


def test_offsets_match_text() -> None:
    text = "Blinken sagte: „Wir reden weiter.“ 😀 Grüße!"
    tokens = tokenize(text)
    for tok in tokens:
        assert text[tok.start : tok.end] == tok.text
    assert [t.text for t in tokens][:4] == ["Blinken", "sagte", ":", "„"]
    assert [t.id for t in tokens] == list(range(len(tokens)))


def test_emoji_counts_one_code_point() -> None:
    tokens = tokenize("A 😀 B")
    emoji = tokens[1]
    assert (emoji.text, emoji.start, emoji.end) == ("😀", 2, 3)
    assert tokens[2].start == 4


def test_ws_flag() -> None:
    tokens = tokenize("Hallo Welt!\nNeu")
    assert [(t.text, t.ws) for t in tokens] == [
        ("Hallo", True),
        ("Welt", False),
        ("!", True),  # a newline counts as whitespace
        ("Neu", False),  # end of text
    ]


def test_whitespace_tokens_dropped() -> None:
    text = "Erster Absatz.\n\n\nZweiter   Absatz.  "
    tokens = tokenize(text)
    assert all(t.text.strip() for t in tokens)
    assert [t.text for t in tokens] == ["Erster", "Absatz", ".", "Zweiter", "Absatz", "."]
    assert [t.id for t in tokens] == list(range(6))  # ids stay contiguous
    assert tokens[3].start == text.index("Zweiter")


def test_abbreviations_stay_whole() -> None:
    texts = [t.text for t in tokenize("Dr. Müller kam z. B. am 1. Januar.")]
    assert "Dr." in texts
    assert "z." in texts
    assert "1." in texts


def test_empty_text() -> None:
    assert tokenize("") == ()
    assert tokenize(" \n\t ") == ()


def test_prepare_fills_only_missing() -> None:
    doc = make_document("d", "Eins. Zwei.")
    assert len(doc.tokens) == 4
    assert len(doc.sentences) == 2
    assert prepare(doc) is doc
    bare = Document("d", "Eins. Zwei.")
    assert prepare(bare) == doc
