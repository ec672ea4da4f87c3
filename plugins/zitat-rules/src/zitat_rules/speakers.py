"""Speaker mentions: noun-phrase boundaries by rules (titles, names, appositions, pronouns)."""

from __future__ import annotations

from .view import TextView
from .words import ARTICLES, DEMONSTRATIVES

__all__ = [
    "DETERMINERS",
    "NON_NP_STARTS",
    "PREPOSITIONS",
    "PRONOUNS",
    "is_np_start",
    "np_after",
    "subject_before",
]

DETERMINERS: frozenset[str] = (
    ARTICLES
    | DEMONSTRATIVES
    | {"kein", "keine", "sein", "seine", "ihr", "ihre", "beide", "beiden", "alle", "mehrere"}
    | {"viele", "einige", "zwei", "drei"}
)
PRONOUNS: frozenset[str] = frozenset(["er", "sie", "es", "man", "wir", "ich", "ihr", "du"])
# Prepositions that also start a clause (so never a noun phrase).
_CLAUSE_PREPOSITIONS: frozenset[str] = frozenset(
    [
        "am",
        "im",
        "in",
        "an",
        "auf",
        "aus",
        "bei",
        "mit",
        "nach",
        "von",
        "vor",
        "zu",
        "zum",
        "zur",
        "über",
        "unter",
        "für",
        "gegen",
        "ohne",
        "um",
        "seit",
        "während",
        "wegen",
        "trotz",
    ]
)
PREPOSITIONS: frozenset[str] = _CLAUSE_PREPOSITIONS | {
    "gegenüber",
    "durch",
    "bis",
    "vom",
    "beim",
    "ins",
    "ans",
}
# Conjunctions and connective/temporal adverbs: they start no noun phrase and end one.
_LINKS: frozenset[str] = frozenset(
    [
        "und",
        "oder",
        "aber",
        "dass",
        "ob",
        "weil",
        "wenn",
        "als",
        "noch",
        "nun",
        "jetzt",
        "heute",
        "gestern",
        "bereits",
        "schon",
        "auch",
        "zudem",
        "dann",
        "dabei",
        "jedoch",
    ]
)
# Capitalised words that start a clause but are no noun phrase (adverbs, conjunctions, ...).
NON_NP_STARTS: frozenset[str] = (
    _CLAUSE_PREPOSITIONS
    | _LINKS
    | {
        "so",
        "doch",
        "dazu",
        "daher",
        "deshalb",
        "damit",
        "danach",
        "außerdem",
        "zugleich",
        "denn",
        "sondern",
        "weiter",
        "ferner",
        "später",
        "zuvor",
        "morgen",
        "wie",
        "nachdem",
        "bevor",
        "laut",
        "gemäß",
        "dies",
        "das",
        "hier",
        "dort",
        "da",
        "deswegen",
        "insgesamt",
        "allerdings",
        "vielmehr",
        "immerhin",
        "gleichzeitig",
        "angesichts",
        "ebenso",
        "ebenfalls",
        "anschließend",
        "zunächst",
        "schließlich",
        "darüber",
        "darauf",
        "dagegen",
        "hingegen",
        "indes",
        "demnach",
        "zufolge",
        "stattdessen",
        "es",
    }
)
# Words that end a noun phrase after the verb; "von" is left out: it can be a name particle.
_STOP_AFTER: frozenset[str] = (PREPOSITIONS - {"von"}) | _LINKS | {"sowie"}


def is_np_start(word: str, following: str = "") -> bool:
    """True if a clause-initial ``word`` (before ``following``) can begin a noun phrase."""
    low = word.lower()
    if low == "das" and following[:1].isupper():
        return True
    if low in NON_NP_STARTS:
        return False
    return word[:1].isupper() or low in DETERMINERS or low in PRONOUNS


def subject_before(view: TextView, lo: int, verb: int) -> tuple[int, int] | None:
    """The clause-initial noun phrase before the finite ``verb`` (tokens ``lo..verb``)."""
    words = view.words
    while lo < verb and words[lo] in {",", "–", "(", "und", "Und"}:
        lo += 1
    if lo >= verb or not is_np_start(words[lo], words[lo + 1] if lo + 1 < verb else ""):
        return None
    end = verb
    while end > lo and words[end - 1] in {",", "–", ")", "-"}:
        end -= 1
    if end <= lo:
        return None
    if any(w in {"dass", "ob"} for w in words[lo:end]):
        return None
    return lo, end


def np_after(view: TextView, i: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i`` (before ``hi``): pronoun, or det+adj+nouns+names."""
    words = view.words
    if i >= hi:
        return None
    w = words[i]
    low = w.lower()
    if low in PRONOUNS:
        return i, i + 1
    j = i
    if low in DETERMINERS:
        j += 1
    start_nouns = j
    while j < hi:
        wj = words[j]
        lj = wj.lower()
        if wj[:1].isupper() and not any(c.isalpha() for c in wj):
            break  # upper-case but no letter (e.g. "Ⅷ")
        if wj[:1].isupper():
            j += 1
            continue
        if lj in _STOP_AFTER:
            break
        if (
            j < hi - 1
            and wj.isalpha()
            and lj.endswith(("e", "en", "er", "es", "em"))
            and (words[j + 1][:1].isupper() or words[j + 1].lower().endswith(("e", "en", "er")))
            and j == start_nouns
        ):
            # attributive adjective ("der russische Außenminister")
            j += 1
            start_nouns = j
            continue
        if lj in {"des", "der"} and j > start_nouns and j + 1 < hi:
            # genitive attribute ("Sprecher des Ministeriums")
            k = j + 1
            while (
                k < hi
                and (words[k][:1].isupper() or words[k].lower().endswith(("en", "er", "e", "es")))
                and words[k].isalpha()
            ):
                k += 1
                if words[k - 1][:1].isupper() and (k >= hi or not words[k][:1].isupper()):
                    break
            if k > j + 1 and words[k - 1][:1].isupper():
                j = k
                continue
            break
        if (
            lj in {"von", "van", "de", "zu", "al", "bin", "di", "da"}
            and j > start_nouns
            and j + 1 < hi
            and words[j + 1][:1].isupper()
        ):
            # name particles ("Ursula von der Leyen") only between capitalised words
            if lj == "von" and words[j + 1] in {"der", "dem"}:
                break
            j += 1
            continue
        break
    if j == start_nouns:
        return None
    return i, j
