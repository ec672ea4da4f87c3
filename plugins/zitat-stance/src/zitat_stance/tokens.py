"""Word tokens with lemmas, sentence and clause numbers: the unit every stance rule works on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import simplemma
from zitat.schema import Span

__all__ = ["FUNCTION_WORDS", "Tok", "forms_of", "lemma", "tokenize"]

_TOKEN = re.compile(r"\w+(?:[-‐]\w+)*|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?]+[\"“”»«']?\s+(?=[\"„“»«]?[A-ZÄÖÜ0-9])")
_CLAUSE_BREAK = frozenset(",;:–—-()[]")
_SENTENCE_BREAK = frozenset(".!?")

# Articles and short prepositions: never a cue or a target word by themselves. Negation reaches
# over them (cues.py) and target terms drop them (targets.py); each adds its own words.
FUNCTION_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "für",
        "zu",
        "zum",
        "zur",
        "mit",
        "in",
        "im",
        "an",
        "am",
        "auf",
    ]
)


@dataclass(frozen=True, slots=True)
class Tok:
    """One token: text, offsets, lower-cased form, lemma, sentence and clause number."""

    i: int
    text: str
    start: int
    end: int
    lower: str
    lemma: str
    sent: int
    clause: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def forms(self) -> tuple[str, ...]:
        """Lower-cased surface, lemma and, for hyphenated compounds, their last part."""
        return forms_of(self.lower, self.lemma)


@lru_cache(maxsize=131072)
def forms_of(lower: str, lemma_: str) -> tuple[str, ...]:
    """The forms a token is matched by: surface, lemma and the heads of hyphenated compounds."""
    out = [lower, lemma_]
    if "-" in lower:
        out.append(lower.rsplit("-", 1)[1])
        out.append(lemma_.rsplit("-", 1)[-1])
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=131072)
def lemma(word: str) -> str:
    """simplemma's German lemma (case kept on input, so nouns lemmatise as nouns), lower-cased."""
    if not word[0].isalpha():
        return word.lower()
    return str(simplemma.lemmatize(word, lang="de")).lower()


def _sentence_starts(text: str, sentences: Sequence[Span]) -> list[int]:
    if sentences:
        return sorted(s.start for s in sentences)
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def tokenize(text: str, sentences: Sequence[Span] = ()) -> list[Tok]:
    """Tokens of ``text``; sentences from ``sentences`` (a document's) or a simple splitter.

    Clauses are stretches between commas, colons, dashes, brackets and sentence ends.
    """
    starts = _sentence_starts(text, sentences)
    out: list[Tok] = []
    sent = -1
    clause = 0
    next_start = 0
    for i, m in enumerate(_TOKEN.finditer(text)):
        word = m.group()
        while next_start < len(starts) and m.start() >= starts[next_start]:
            sent += 1
            clause += 1
            next_start += 1
        if word in _CLAUSE_BREAK:
            clause += 1
        out.append(
            Tok(i, word, m.start(), m.end(), word.lower(), lemma(word), max(sent, 0), clause)
        )
        if word in _CLAUSE_BREAK or word in _SENTENCE_BREAK:
            clause += 1
    return out
