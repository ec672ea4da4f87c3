"""How alike two quotations are in content: the candidate measures and what they compare.

Every measure maps two :class:`QuoteText` to a number in [0, 1]. A :class:`QuoteText` holds a
quotation's words once prepared: the casefolded surface words, and the *content lemmas* — the
simplemma German lemma of each word with pronouns, articles, auxiliaries, conjunctions,
prepositions and modal particles dropped. Dropping those words is what lets a direct quotation
and its indirect report meet: "Wir haben vereinbart" and "sie hätten vereinbart" both come down
to ``{vereinbaren}`` (the Konjunktiv "hätten" lemmatises to "haben", which is dropped like "wir"
and "sie"). Negation ("nicht", "kein") is kept.

The measures (see docs/tracking.md for how they were compared on the seeds alignment gold):

- ``lemma-jaccard``, ``lemma-dice``, ``lemma-overlap``: set overlap of content lemmas
  (``|A∩B|/|A∪B|``, ``2|A∩B|/(|A|+|B|)``, ``|A∩B|/min(|A|,|B|)``);
- ``char3-dice``, ``char4-dice``: Dice overlap of character 3-/4-gram sets of the content words;
- ``token-set``, ``partial``: rapidfuzz ``token_set_ratio`` / ``partial_ratio`` of the
  casefolded words, ÷ 100;
- ``token-set-lemma``: rapidfuzz ``token_set_ratio`` of the sorted content lemmas, ÷ 100.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "DEFAULT_SIMILARITY",
    "SIMILARITIES",
    "STOPWORDS",
    "QuoteText",
    "Similarity",
    "prepare_text",
    "similarity_by_name",
    "words_of",
]

WORD = re.compile(r"\w+(?:[-‐.'’]\w+)*")
"""A word: letters/digits, joined by inner hyphens, dots ("100.000") or apostrophes."""

# Lemmas (casefolded) that carry no content of their own, or that change between a direct
# quotation and its report: personal, possessive, reflexive and demonstrative pronouns
# (ich/wir become er/sie), articles, auxiliaries (habe/hätten, wird/würde), conjunctions,
# prepositions and modal particles. Negation is deliberately absent.
_STOP_TEXT = """
    ich mich mir wir uns du dich dir ihr euch er ihn ihm sie ihnen es man sich
    mein meine unser unsere dein euer sein seine ihre
    der die das den dem des ein eine einer eines einem einen
    dies diese dieser dieses jener jene welch welcher welche
    haben sein werden
    und oder aber sondern denn dass ob wenn weil als wie so doch ja
    in im an am auf aus bei mit nach von vom vor zu zum zur über unter um durch für gegen
    ohne bis seit zwischen hinter neben
    auch noch nun jetzt schon eben halt mal also dabei dazu daran darauf davon dort hier
    da dann sehr nur immer etwa bereits ebenfalls zudem jedoch
"""
STOPWORDS: frozenset[str] = frozenset(_STOP_TEXT.split())


@lru_cache(maxsize=262144)
def _lemma(word: str) -> str:
    """simplemma's German lemma of ``word`` (case kept on input, so nouns stay nouns),
    casefolded."""
    import simplemma  # lazy: only the tracking commands need lemmas

    return str(simplemma.lemmatize(word, lang="de")).casefold()


def words_of(text: str) -> list[str]:
    """The words of ``text`` as written (punctuation and quotation marks dropped)."""
    return WORD.findall(text)


@dataclass(frozen=True, slots=True)
class QuoteText:
    """A quotation's text prepared for the similarity measures."""

    text: str
    words: tuple[str, ...]
    """Casefolded words."""
    lemmas: frozenset[str]
    """Content lemmas (stopwords dropped)."""
    content: str
    """The casefolded content words (stopwords dropped), space-separated."""
    lemma_string: str
    """The sorted content lemmas, space-separated."""


def prepare_text(text: str) -> QuoteText:
    """Words, content lemmas and content string of ``text``."""
    raw = words_of(text)
    words = tuple(w.casefold() for w in raw)
    lemmas = [_lemma(w) for w in raw]
    keep = [
        i
        for i, (word, lemma) in enumerate(zip(words, lemmas, strict=True))
        if lemma not in STOPWORDS and word not in STOPWORDS
    ]
    content_lemmas = frozenset(lemmas[i] for i in keep)
    return QuoteText(
        text=text,
        words=words,
        lemmas=content_lemmas,
        content=" ".join(words[i] for i in keep),
        lemma_string=" ".join(sorted(content_lemmas)),
    )


Similarity = Callable[[QuoteText, QuoteText], float]
"""A content similarity of two prepared quotations, in [0, 1]."""


def lemma_jaccard(a: QuoteText, b: QuoteText) -> float:
    """Jaccard overlap of the content lemma sets."""
    union = len(a.lemmas | b.lemmas)
    return len(a.lemmas & b.lemmas) / union if union else 0.0


def lemma_dice(a: QuoteText, b: QuoteText) -> float:
    """Dice overlap of the content lemma sets."""
    total = len(a.lemmas) + len(b.lemmas)
    return 2 * len(a.lemmas & b.lemmas) / total if total else 0.0


def lemma_overlap(a: QuoteText, b: QuoteText) -> float:
    """Overlap coefficient of the content lemma sets: 1.0 when one contains the other."""
    smaller = min(len(a.lemmas), len(b.lemmas))
    return len(a.lemmas & b.lemmas) / smaller if smaller else 0.0


@lru_cache(maxsize=65536)
def _ngrams(content: str, n: int) -> frozenset[str]:
    padded = f" {content} "
    return frozenset(padded[i : i + n] for i in range(len(padded) - n + 1))


def _char_dice(n: int) -> Similarity:
    def measure(a: QuoteText, b: QuoteText) -> float:
        x, y = _ngrams(a.content, n), _ngrams(b.content, n)
        total = len(x) + len(y)
        return 2 * len(x & y) / total if a.content and b.content and total else 0.0

    measure.__doc__ = f"Dice overlap of character {n}-gram sets of the content words."
    return measure


def token_set(a: QuoteText, b: QuoteText) -> float:
    """rapidfuzz ``token_set_ratio`` of the casefolded words, ÷ 100."""
    from rapidfuzz import fuzz

    if not a.words or not b.words:
        return 0.0
    return float(fuzz.token_set_ratio(" ".join(a.words), " ".join(b.words))) / 100


def token_set_lemma(a: QuoteText, b: QuoteText) -> float:
    """rapidfuzz ``token_set_ratio`` of the sorted content lemmas, ÷ 100."""
    from rapidfuzz import fuzz

    if not a.lemma_string or not b.lemma_string:
        return 0.0
    return float(fuzz.token_set_ratio(a.lemma_string, b.lemma_string)) / 100


def partial(a: QuoteText, b: QuoteText) -> float:
    """rapidfuzz ``partial_ratio`` of the casefolded words, ÷ 100."""
    from rapidfuzz import fuzz

    if not a.words or not b.words:
        return 0.0
    return float(fuzz.partial_ratio(" ".join(a.words), " ".join(b.words))) / 100


SIMILARITIES: dict[str, Similarity] = {
    "lemma-jaccard": lemma_jaccard,
    "lemma-dice": lemma_dice,
    "lemma-overlap": lemma_overlap,
    "char3-dice": _char_dice(3),
    "char4-dice": _char_dice(4),
    "token-set": token_set,
    "token-set-lemma": token_set_lemma,
    "partial": partial,
}
"""The candidate measures by name."""

DEFAULT_SIMILARITY = "lemma-overlap"
"""The measure :func:`zitat.tracking.align_quotes` uses unless told otherwise."""


def similarity_by_name(name: str) -> Similarity:
    """The measure called ``name``; KeyError lists the known names."""
    if name not in SIMILARITIES:
        raise KeyError(f"no similarity {name!r}; known: {', '.join(SIMILARITIES)}")
    return SIMILARITIES[name]
