"""Source markers without a reporting verb: "laut X", "X zufolge", "nach Angaben X", "Demnach".

The marker phrase is the frame, the preposition the cue, its noun phrase the speaker (as in the
Wikinews data: "nach Angaben der Polizei" → speaker "Angaben der Polizei"); the rest of the
sentence is the quote (two spans when the marker stands inside it). Which nouns name a source
("Angaben", "Ansicht", "Bericht", also as compound heads: "Polizeiangaben") is lexicon data
(``source`` in ``reporting_nouns.yaml``).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import simplemma
from zitat.schema import QuoteType

from .clauses import END, SUBORDINATORS, WH, strip
from .found import Found
from .lexicon import source_noun
from .speakers import NON_NP_STARTS, PREPOSITIONS, np_after
from .view import TextView, positions, range_span, token_spans
from .words import ARTICLES

__all__ = ["marker_quote"]

# Determiners and possessives that open the noun phrase of a source marker.
_DETERMINERS = ARTICLES | frozenset(
    [
        "seiner",
        "seinen",
        "seinem",
        "seines",
        "ihrer",
        "ihren",
        "ihrem",
        "ihres",
        "deren",
        "dessen",
        "unserer",
        "unseren",
    ]
)
_GENITIVE = frozenset(["des", "der", "eines", "einer"])
_GENITIVE_DETERMINERS = _GENITIVE | frozenset(
    [
        "einiger",
        "mehrerer",
        "vieler",
        "anderer",
        "zahlreicher",
        "beider",
        "seiner",
        "ihrer",
        "seines",
        "ihres",
        "dieses",
        "dieser",
    ]
)
_OPENING = frozenset('„»‚›“"')
_CLOSING = {"„": '“”"', "»": "«", "‚": "‘", "›": "‹", "“": '”"', '"': '"“”'}
_MARKERS = frozenset(["laut", "Laut", "gemäß", "Gemäß", "nach", "Nach", "zufolge"])
# Adverbs that open a sentence whose content a previous source supplies ("Demnach …").
_EVIDENTIAL = frozenset(["Demnach", "Demzufolge"])


def _adjective(word: str) -> bool:
    return word.isalpha() and word.islower() and word.endswith(("e", "en", "er", "es", "em"))


def _quoted_end(view: TextView, j: int, end: int) -> int:
    """After a noun phrase ending at ``j``: include a quoted name ("des Magazins „Der Spiegel“")."""
    words = view.words
    if j < end and words[j] in _OPENING:
        closers = _CLOSING.get(words[j], "")
        for k in range(j + 1, min(end, j + 8)):
            if words[k] in closers:
                return k + 1
    return j


def _modifier(word: str) -> bool:
    """An attributive adjective, also hyphenated ("schleswig-holsteinischen")."""
    return (
        word[:1].islower()
        and word.replace("-", "").isalpha()
        and _adjective(word.rsplit("-", maxsplit=1)[-1])
    )


def _genitive_end(view: TextView, j: int, end: int, depth: int = 0) -> int:
    """End of a genitive (or name) attribute starting at ``j`` ("der Polizei", "britischer
    Zeitungen", "des Magazins „Der Spiegel“", "einiger Juristen"); ``j`` if there is none."""
    words = view.words
    k = j
    if k < end and words[k].lower() in _GENITIVE_DETERMINERS:
        k += 1
        while k < end and _modifier(words[k]):
            k += 1
    else:
        # without an article a genitive plural adjective ends in -er ("britischer Zeitungen")
        while k < end and _modifier(words[k]) and words[k].endswith("er"):
            k += 1
    if k < end and words[k] in _OPENING and k > j and depth == 0:
        return _quoted_end(view, k, end)
    if k >= end or not words[k][:1].isupper() or not any(ch.isalpha() for ch in words[k]):
        return j
    while k < end and words[k][:1].isupper() and any(ch.isalpha() for ch in words[k]):
        k += 1
    k = _quoted_end(view, k, end)
    if depth < 2 and k < end and words[k] in _GENITIVE:
        return _genitive_end(view, k, end, depth + 1)
    return k


def _attribute_end(view: TextView, n: int, end: int) -> int:
    """End of the noun phrase whose head noun is at ``n``: genitive or "von" attribute, a name."""
    words = view.words
    j = n + 1
    if j + 1 < end and words[j] == "von":
        if words[j + 1] in _OPENING:
            return _quoted_end(view, j + 1, end)
        np = np_after(view, j + 1, end)
        return _quoted_end(view, np[1], end) if np is not None else j
    return _extend_source(view, _quoted_end(view, _genitive_end(view, j, end), end), end)


def _extend_source(view: TextView, j: int, end: int) -> int:
    """A source noun phrase ending at ``j`` may go on with an abbreviation in parentheses
    ("amnesty international (ai)") or a "von" attribute ("einer Studie vom November 2011")."""
    words = view.words
    for _ in range(2):
        if j + 2 < end and words[j] == "(":
            close = next((k for k in range(j + 1, min(end, j + 6)) if words[k] == ")"), None)
            if close is None:
                break
            j = close + 1
        elif j + 1 < end and words[j] in {"von", "vom"} and words[j + 1][:1].isupper():
            k = j + 1
            while k < end and (words[k][:1].isupper() or words[k].isdigit()):
                k += 1
            j = k
        else:
            break
    return j


@lru_cache(maxsize=16384)
def _unknown_word(word: str) -> bool:
    """A lower-case word German does not know: a name ("taz", "bildblog.de")."""
    return not simplemma.is_known(word, lang="de")


def _source_after(view: TextView, i: int, end: int) -> tuple[int, int] | None:
    """The source noun phrase right after "laut"/"gemäß" at ``i - 1``."""
    words = view.words
    if i >= end:
        return None
    if words[i] in _OPENING:
        j = _quoted_end(view, i, end)
        return (i, j) if j > i else None
    np = np_after(view, i, end)
    if np is not None:
        j = _quoted_end(view, _genitive_end(view, np[1], end), end)
        return np[0], _extend_source(view, j, end)
    if words[i].lower() in _DETERMINERS and i + 1 < end and words[i + 1] in _OPENING:
        j = _quoted_end(view, i + 1, end)  # "laut der „Zeit“"
        return (i, j) if j > i + 1 else None
    w = words[i]
    if w[:1].islower() and len(w) > 1 and ("." in w or "-" in w or _unknown_word(w)):
        return i, i + 1
    return None


def _nach_before(view: TextView, i: int, end: int) -> tuple[int, int] | None:
    """ "nach Angaben der Polizei", "nach neuesten Erkenntnissen": the noun phrase after
    "nach" at ``i`` if its head is a source noun."""
    words = view.words
    j = i + 1
    if j < end and words[j].lower() in _DETERMINERS:
        j += 1
    while j < end and _adjective(words[j]) and j - i < 5:
        j += 1
    if j >= end or source_noun(words[j]) is None:
        return None
    return i + 1, _attribute_end(view, j, end)


def _nach_after(view: TextView, i: int, lo: int) -> tuple[int, int] | None:
    """ "Dem Vernehmen nach", "seiner Ansicht nach": the noun phrase before "nach" at ``i``."""
    words = view.words
    n = i - 1
    if n < lo:
        return None
    noun = source_noun(words[n])
    if noun is None or not noun.postposed:
        return None
    j = n
    while j > lo and _adjective(words[j - 1]):
        j -= 1
    if j > lo and words[j - 1].lower() in _DETERMINERS:
        j -= 1
    return j, n + 1


def _np_before(view: TextView, i: int, lo: int) -> int | None:
    """Start of the noun phrase before "zufolge" at ``i`` ("dem Präsidenten X zufolge",
    "einer Erklärung des Verbandes zufolge", "Zeitungsberichten zufolge")."""
    words = view.words
    k = i - 1
    while k >= lo and i - k <= 12:
        w = words[k]
        low = w.lower()
        if w == ")":
            m = k
            while m >= lo and words[m] != "(":
                m -= 1
            if m < lo:
                return None
            k = m - 1
            continue
        if low in _DETERMINERS:
            before = words[k - 1] if k > lo else ""
            genitive = low in _GENITIVE and before[:1].isupper()
            if genitive and before.lower() not in NON_NP_STARTS:
                k -= 1  # a genitive attribute: the phrase starts further left
                continue
            return k
        if w[:1].isupper() or (any(ch.isupper() for ch in w) and "-" in w) or "." in w[:-1]:
            k -= 1
            continue
        if _adjective(w):
            k -= 1
            continue
        break
    # no determiner: the capitalised words right before "zufolge"
    j = i
    while j > lo and words[j - 1][:1].isupper() and words[j - 1].lower() not in NON_NP_STARTS:
        j -= 1
    return j if j < i else None


_RELATIVES = frozenset(
    ["der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welche", "welcher", "welches"]
)


def _opens_clause(view: TextView, c: int, end: int) -> bool:
    """True if the word after the comma at ``c`` opens a subordinate or relative clause."""
    words = view.words
    if c + 1 >= end:
        return False
    nxt = words[c + 1].lower()
    if nxt in SUBORDINATORS or nxt in WH or nxt == "dass" or nxt.startswith("wo"):
        return True
    if nxt in _RELATIVES and c + 2 < end and not words[c + 2][:1].isupper():
        return True  # "…, die nach Angaben X …" (a relative pronoun, not an article)
    return nxt in PREPOSITIONS and c + 2 < end and words[c + 2] in _RELATIVES


def _clause_around(view: TextView, lo: int, end: int, fr: tuple[int, int]) -> tuple[int, int]:
    """The clause a marker stands in: the sentence, or the subordinate clause around it
    ("Ein Boot, auf dem sich nach Angaben X Geld befunden haben soll, ist gesunken")."""
    words = view.words
    start, stop = lo, end
    for c in range(fr[0] - 1, lo - 1, -1):
        if words[c] in END:
            start = c + 1  # a semicolon or a missed sentence boundary
            break
        if words[c] == ",":
            if _opens_clause(view, c, end):
                start = c + 1
                stop = fr[1]
                while stop < end and words[stop] != ",":
                    stop += 1
            break
    for c in range(fr[1], stop):
        if words[c] in END:
            return start, c
    return start, stop


def _quote(
    view: TextView,
    content: list[tuple[int, int]],
    cue: list[int],
    frame: tuple[int, int],
    speaker: tuple[int, int] | None,
) -> Found:
    q = Found([s for x, y in content for s in range_span(view, x, y)], QuoteType.INDIRECT)
    q.cue = token_spans(view, cue)
    q.frame = range_span(view, *frame)
    if speaker:
        q.speaker = range_span(view, *speaker)
    q.verb_medium = "speech_writing"
    return q


def marker_quote(view: TextView, lo: int, hi: int, masked: set[int]) -> Found | None:
    """The first source-marker quotation of the sentence ``lo..hi``, if any."""
    words = view.words
    end = hi
    while end > lo and words[end - 1] in END:
        end -= 1
    if end - lo > 3 and words[lo] in _EVIDENTIAL and words[lo + 1] != ",":
        # "Demnach sei das Treffen abgesagt.": the whole sentence reports the earlier source
        return _quote(view, [(lo + 1, end)], [lo], (lo, lo + 1), None)
    at = view.memo.get("markers")
    if at is None:
        at = view.memo["markers"] = positions(words, _MARKERS)
    for i in at[bisect_left(at, lo) : bisect_left(at, end)]:
        if i in masked:
            continue
        low = words[i].lower()
        fr: tuple[int, int] | None = None
        sp: tuple[int, int] | None = None
        if low in {"laut", "gemäß"}:
            sp = _source_after(view, i + 1, end)
            if sp:
                fr = (i, sp[1])
        elif low == "nach":
            sp = _nach_before(view, i, end)
            if sp:
                fr = (i, sp[1])
            else:
                sp = _nach_after(view, i, lo)
                if sp:
                    fr = (sp[0], i + 1)
        elif low == "zufolge" and i > lo:
            j = _np_before(view, i, lo)
            if j is not None:
                sp, fr = (j, i), (j, i + 1)
        if fr is None:
            continue
        start, stop = _clause_around(view, lo, end, fr)
        a, b = strip(view, start, fr[0])
        c, d = strip(view, fr[1], stop)
        content = [(x, y) for x, y in ((a, b), (c, d)) if y > x]
        if not content or sum(y - x for x, y in content) < 3:
            continue
        return _quote(view, content, [i], fr, sp)
    return None
