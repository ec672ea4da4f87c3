"""Tokens, sentences and offset mapping for German text."""

from zitat.text.offsets import TokenIndex
from zitat.text.prepare import make_document, prepare
from zitat.text.sentences import split_sentences
from zitat.text.tokens import tokenize

__all__ = ["TokenIndex", "make_document", "prepare", "split_sentences", "tokenize"]
