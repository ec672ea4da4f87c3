"""Reported clauses: is the text after a reporting verb its content, and where does it end?

A reporting verb's content is a clause introduced by "dass"/"ob"/a w-word, a verb-second
clause in Konjunktiv I ("sagte, Moskau warte …"), or a zu-infinitive ("forderte sie auf, die
Waffen niederzulegen"). Which of these a verb takes is lexicon data (``dass``, ``konj1``,
``infinitive`` in ``reporting_verbs.yaml``): "dankte für die Möglichkeit, bei der …" or "wies
den Vorwurf zurück, dass …" (a clause attached to a noun) are no content of the verb.
"""

from __future__ import annotations

from .lexicon import ReportingVerb
from .morph import Mood, mood_in_context
from .speakers import PREPOSITIONS
from .view import TextView

__all__ = [
    "END",
    "SUBORDINATORS",
    "WH",
    "clause_end",
    "complement_kind",
    "content_end",
    "has_finite_verb",
    "konj",
    "strip",
]

END = frozenset({".", "!", "?", ";"})
WH = frozenset(
    [
        "ob",
        "wie",
        "warum",
        "weshalb",
        "wieso",
        "was",
        "wer",
        "wem",
        "wen",
        "wann",
        "wo",
        "wohin",
        "woher",
        "welche",
        "welcher",
        "welches",
        "welchen",
        "inwieweit",
        "wodurch",
        "womit",
        "worauf",
    ]
)
# Conjunctions that open an adverbial clause; such a clause may stand before the content's
# own main clause ("sagte, wenn nichts geschehe, werde er gehen").
SUBORDINATORS = frozenset(
    [
        "nachdem",
        "als",
        "wenn",
        "weil",
        "obwohl",
        "da",
        "während",
        "bevor",
        "seit",
        "seitdem",
        "sobald",
        "falls",
        "damit",
        "um",
        "ob",
        "sofern",
        "solange",
    ]
)
# Verb-first conditionals ("Sollte Russland einmarschieren, …").
_V1_CONDITIONAL = frozenset(["sollte", "sollten", "wäre", "wären", "hätte", "hätten", "würde"])
# Infinitive clauses of purpose or manner are adverbials, never reported content.
_ADVERBIAL_INFINITIVE = frozenset(["um", "ohne", "statt", "anstatt", "anstelle"])
# Konjunktiv forms not ending in -e that matter in 3rd-person news text
_SUBJ_OTHER = frozenset({"sei", "seien", "wären", "hätten", "würden", "könnten"})
# Konjunktiv II forms that mark reported speech as clearly as Konjunktiv I does
_STRONG_SUBJ2 = frozenset(
    [
        "wäre",
        "wären",
        "hätte",
        "hätten",
        "würde",
        "würden",
        "könne",
        "könnten",
        "müsse",
        "solle",
        "dürfe",
    ]
)
_STRIP = frozenset({",", "–", "-", ":"})
# Separable verb prefixes, before which a zu-infinitive puts "zu" ("an-zu-nehmen").
_SEPARABLE_PREFIXES = (
    "ab",
    "an",
    "auf",
    "aus",
    "bei",
    "dar",
    "durch",
    "ein",
    "entgegen",
    "fest",
    "fort",
    "frei",
    "her",
    "heraus",
    "herbei",
    "hin",
    "hinzu",
    "los",
    "mit",
    "nach",
    "vor",
    "voran",
    "voraus",
    "vorbei",
    "weg",
    "weiter",
    "wieder",
    "zu",
    "zurück",
    "zusammen",
)
_QUOTE_MARKS = frozenset('„“”"»«‚‘›‹')


def konj(view: TextView, lo: int, hi: int) -> bool:
    """True if a Konjunktiv I (or strong Konjunktiv II) finite verb lies in ``lo..hi``."""
    words = view.words
    for i in range(lo, hi):
        w = words[i]
        if not w[:1].islower() or not (w[-1] == "e" or w in _SUBJ_OTHER) or not w.isalpha():
            continue
        m = mood_in_context(words, i)
        if m is Mood.SUBJ1 or (m is Mood.SUBJ2 and w in _STRONG_SUBJ2):
            return True
    return False


def has_finite_verb(view: TextView, lo: int, hi: int) -> bool:
    """True if some lower-case word in ``lo..hi`` reads as a finite verb (any mood)."""
    words = view.words
    for i in range(lo, hi):
        w = words[i]
        if w[:1].islower() and w.isalpha() and mood_in_context(words, i) is not Mood.UNKNOWN:
            return True
    return False


def strip(view: TextView, lo: int, hi: int) -> tuple[int, int]:
    """Tokens ``lo..hi`` without leading and trailing commas, dashes and colons."""
    words = view.words
    while lo < hi and words[lo] in _STRIP:
        lo += 1
    while hi > lo and words[hi - 1] in _STRIP:
        hi -= 1
    return lo, hi


def content_end(view: TextView, k: int, hi: int, cue_heads: set[int]) -> int:
    """End of a reported clause starting at ``k``: sentence end or the next frame.

    A new frame starts at a comma or "und" followed by a reporting verb, also after a
    coordinated clause's own subject (", und Blinken sah Anlass zur Hoffnung, dass …").
    """
    words = view.words
    j = k
    while j < hi:
        w = words[j]
        if w in END:
            break
        if w == "und" and j + 1 < hi and j + 1 in cue_heads:
            break
        if w == "," and j + 1 < hi:
            nxt = words[j + 1]
            if j + 1 in cue_heads or (nxt in {"so", "und"} and j + 2 in cue_heads):
                break
            if nxt == "und" and _subject_then_cue(view, j + 2, hi, cue_heads):
                break
        j += 1
    return j


def _subject_then_cue(view: TextView, i: int, hi: int, cue_heads: set[int]) -> bool:
    """True if a short noun phrase at ``i`` is followed directly by a reporting verb."""
    words = view.words
    j = i
    while j < hi and j - i < 5 and (words[j][:1].isupper() or words[j] in {"der", "die", "das"}):
        j += 1
    return i < j < hi and j in cue_heads


def clause_end(view: TextView, k: int, end: int) -> int:
    """The first comma after ``k`` outside quotation marks, or ``end``."""
    words = view.words
    inside = False
    for j in range(k, end):
        w = words[j]
        if w in _QUOTE_MARKS:
            inside = not inside if w in {'"'} else w in "„»‚›"
        elif w == "," and not inside:
            return j
    return end


def _zu_infinitive(view: TextView, lo: int, hi: int) -> bool:
    """True if the clause ``lo..hi`` ends in a zu-infinitive ("… zu liefern", "aufzurüsten")."""
    words = view.words
    while hi > lo and not words[hi - 1].isalpha():
        hi -= 1
    if hi - lo < 2:
        return False
    last = words[hi - 1]
    if not last.islower():
        return False
    if words[hi - 2] == "zu":
        return True
    # particle verbs write "zu" after the particle: "aufzurüsten", "zurückzukehren"
    if not last.endswith(("en", "ern", "eln")):
        return False
    return any(last.startswith(p + "zu") and len(last) - len(p) >= 6 for p in _SEPARABLE_PREFIXES)


def complement_kind(view: TextView, verb: ReportingVerb, k: int, end: int) -> str | None:
    """What kind of content of ``verb`` starts at token ``k`` (up to ``end``), if any.

    ``"dass"`` (dass/ob/w-clause), ``"konj"`` (a clause in Konjunktiv I, also after a fronted
    adverbial or conditional clause), ``"inf"`` (zu-infinitive) or None. The lexicon decides
    which kinds the verb takes.
    """
    words = view.words
    first = words[k].lower()
    if first in _ADVERBIAL_INFINITIVE:
        return None
    if words[k] == "dass" or first in WH:
        return "dass"
    clause = clause_end(view, k, end)
    if not _relative_clause(view, k, clause):
        lo, hi = k, max(clause, min(end, k + 12))
        if (first in SUBORDINATORS or first in _V1_CONDITIONAL) and clause < end:
            # "unterstrich: Sollten Soldaten die Grenze überschreiten, handele es sich um …"
            lo, hi = clause + 1, clause_end(view, clause + 1, end)
        if konj(view, lo, min(hi, end)):
            return "konj"
    if verb.infinitive and (_zu_infinitive(view, k, clause) or _zu_infinitive(view, k, end)):
        return "inf"
    if verb.konj1 and _verb_second(view, k, clause):
        return "v2"
    return None


def _verb_second(view: TextView, k: int, clause: int) -> bool:
    """True if ``k..clause`` is a main clause with the finite verb in second position after a
    short subject ("sagte, die USA wollten die Ukraine unterstützen")."""
    words = view.words
    j = k
    if j < clause and words[j].lower() in {
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "sein",
        "seine",
        "ihr",
        "ihre",
    }:
        j += 1
    while j < clause and j - k < 4 and words[j][:1].isupper():
        j += 1
    if j == k and j < clause and words[j].lower() in {"er", "sie", "es", "man", "wir"}:
        j += 1
    if j == k or j >= clause or clause - j < 2:
        return False
    return mood_in_context(words, j) in (Mood.INDICATIVE, Mood.SUBJ2, Mood.AMBIGUOUS)


_RELATIVE = frozenset(["dem", "der", "den", "denen", "dessen", "deren", "welchem", "welcher"])


def _relative_clause(view: TextView, k: int, clause: int) -> bool:
    """True if ``k..clause`` is a relative clause ("…, bei dem Russland Forderungen erörtern
    wolle"): preposition + relative pronoun, with the finite verb at the clause end."""
    words = view.words
    if clause - k < 3 or words[k].lower() not in PREPOSITIONS or words[k + 1] not in _RELATIVE:
        return False
    last = clause - 1
    while last > k and not words[last].isalpha():
        last -= 1
    return mood_in_context(words, last) in (Mood.SUBJ1, Mood.SUBJ2, Mood.INDICATIVE)
