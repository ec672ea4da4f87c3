"""Token features for the CRF: German word form, morphology, quotation marks and rule outputs.

One feature list per token of a document (the whole document is one CRF sequence, so a
quotation may run across sentences). Features are strings (``name=value``) as python-crfsuite
takes them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

import simplemma
from zitat_rules.lexicon import marker, resolve_reporting_verb
from zitat_rules.morph import Mood, mood

from zitat.schema import Annotations, Document
from zitat.text import TokenIndex

__all__ = ["FEATURE_VERSION", "document_features", "sentence_index", "shape"]

FEATURE_VERSION = 1
"""Bumped whenever features change; a model records the version it was trained with."""

OPENING = frozenset("„»‚›")
CLOSING = frozenset("“«‘‹”")
NEUTRAL = frozenset('"')
_WINDOW = (-2, -1, 1, 2)


@lru_cache(maxsize=200_000)
def shape(word: str) -> str:
    """Collapsed character classes: ``Blinken`` -> ``Xx``, ``2022`` -> ``d``, ``„`` -> ``„``."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="de").lower()


@lru_cache(maxsize=200_000)
def _verb_info(word: str, initial: bool) -> tuple[str, str]:
    """(mood, reporting-verb lemma or "") of one token."""
    if not word.isalpha():
        return "", ""
    m = mood(word, sentence_initial=initial)
    verb = resolve_reporting_verb(word) if word[:1].islower() or initial else None
    short = {Mood.SUBJ1: "k1", Mood.SUBJ2: "k2", Mood.INDICATIVE: "ind"}.get(m, "")
    return short, verb.lemma if verb is not None else ""


def sentence_index(doc: Document) -> list[int]:
    """The sentence number of every token (tokens between sentences go to the previous one)."""
    starts = [s.start for s in doc.sentences]
    return [max(bisect_right(starts, t.start) - 1, 0) for t in doc.tokens]


def _quote_states(words: Sequence[str]) -> list[str]:
    """``open``/``close`` for quotation marks, ``in``/``out`` for the tokens between them."""
    states: list[str] = []
    inside = False
    for w in words:
        if w in OPENING or (w in NEUTRAL and not inside):
            states.append("open")
            inside = True
        elif w in CLOSING or (w in NEUTRAL and inside):
            states.append("close")
            inside = False
        else:
            states.append("in" if inside else "out")
    return states


def _rule_tags(doc: Document, rules: Annotations | None) -> list[list[str]]:
    """Per token: the rule extractor's quote (B/I + type, medium), cue, speaker, frame tags."""
    tags: list[list[str]] = [[] for _ in doc.tokens]
    if rules is None:
        return tags
    index = TokenIndex(doc.tokens)
    for q in rules.quotes:
        for span in q.spans:
            for n, i in enumerate(index.token_ids(span)):
                tags[i].append(f"rq={'B' if n == 0 else 'I'}-{q.type.value}")
                tags[i].append(f"rqm={q.medium.value}")
        for role in ("cue", "speaker", "frame", "addressee"):
            for span in getattr(q, role):
                for i in index.token_ids(span):
                    tags[i].append(f"r{role}")
    return [sorted(set(t)) for t in tags]


def document_features(doc: Document, rules: Annotations | None = None) -> list[list[str]]:
    """The feature lists of every token of ``doc`` (``rules``: the ``rules`` extractor's output)."""
    tokens = doc.tokens
    words = [t.text for t in tokens]
    sent = sentence_index(doc)
    qstate = _quote_states(words)
    rtags = _rule_tags(doc, rules)
    n = len(tokens)
    first_in_sentence = [i == 0 or sent[i] != sent[i - 1] for i in range(n)]
    verb = [_verb_info(w, first_in_sentence[i]) for i, w in enumerate(words)]
    mark = [marker(w) for w in words]
    # sentence-level summaries
    n_sent = max(sent) + 1 if sent else 0
    length = [0] * n_sent
    has: list[set[str]] = [set() for _ in range(n_sent)]
    for i, w in enumerate(words):
        s = sent[i]
        length[s] += 1
        if verb[i][1]:
            has[s].add("rv")
        if verb[i][0] == "k1":
            has[s].add("k1")
        if w in (":", "dass"):
            has[s].add(w)
        if qstate[i] == "open":
            has[s].add("qm")
        if any(t.startswith("rq=") for t in rtags[i]):
            has[s].add("rq")
    position = [0] * n
    for i in range(n):
        position[i] = 0 if first_in_sentence[i] else position[i - 1] + 1

    out: list[list[str]] = []
    for i, w in enumerate(words):
        low = w.lower()
        s = sent[i]
        rel = position[i] / max(length[s] - 1, 1)
        f = [
            "bias",
            f"w={low}",
            f"lem={_lemma(w)}",
            f"shape={shape(w)}",
            f"suf3={low[-3:]}",
            f"pre3={low[:3]}",
            f"q={qstate[i]}",
            f"pos={min(position[i], 5)}",
            f"rel={round(rel * 4)}",
            f"last={position[i] == length[s] - 1}",
            *(f"s.{h}" for h in sorted(has[s])),
            *rtags[i],
        ]
        if w[:1].isupper():
            f.append("title")
        if w.isupper() and len(w) > 1:
            f.append("upper")
        if verb[i][0]:
            f.append(f"mood={verb[i][0]}")
        if verb[i][1]:
            f.append(f"rv={verb[i][1]}")
            f.append("rv")
        if mark[i] is not None:
            f.append(f"mk={mark[i].kind.value}")  # type: ignore[union-attr]
        if i > 0 and "\n" in doc.text[tokens[i - 1].end : tokens[i].start]:
            f.append("para")
        for d in _WINDOW:
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}:w={words[j].lower()}")
                f.append(f"{d}:q={qstate[j]}")
                if verb[j][1]:
                    f.append(f"{d}:rv")
                if verb[j][0] == "k1":
                    f.append(f"{d}:k1")
                f.extend(f"{d}:{t}" for t in rtags[j] if not t.startswith("rqm"))
            else:
                f.append(f"{d}:pad")
        out.append(f)
    return out
