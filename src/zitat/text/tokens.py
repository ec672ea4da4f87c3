"""Tokenisation with spaCy's rule-based German tokenizer (``spacy.blank("de")``)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from zitat.schema.document import Token

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["german_tokenizer", "tokenize"]


@lru_cache(maxsize=1)
def german_tokenizer() -> Language:
    """The shared blank German pipeline (tokenizer only; no model is loaded)."""
    import spacy

    return spacy.blank("de")


def tokenize(text: str) -> tuple[Token, ...]:
    """Split ``text`` into tokens with code-point offsets, skipping whitespace tokens.

    spaCy keeps runs of extra whitespace (paragraph breaks) as tokens; Prodigy's token lists
    and the quote annotations never need them, so they are dropped and ids stay contiguous.
    """
    doc = german_tokenizer().make_doc(text)
    tokens: list[Token] = []
    for tok in doc:
        if tok.is_space:
            continue
        start = tok.idx
        end = start + len(tok.text)
        ws = end < len(text) and text[end].isspace()
        tokens.append(Token(text=tok.text, start=start, end=end, id=len(tokens), ws=ws))
    return tuple(tokens)
