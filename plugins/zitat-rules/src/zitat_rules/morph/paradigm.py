"""Finite verb paradigms from ablaut, indexed by the single finite word.

ablaut (MIT OR Apache-2.0) conjugates any German infinitive. Its ``Conjugation`` object exposes
six-slot lists (1sg, 2sg, 3sg, 1pl, 2pl, 3pl) for ``present``, ``preterite``, ``konjunktiv1``
and ``konjunktiv2``; particle verbs come out split ("weise zurück"). This module turns one
infinitive into a mapping *finite word -> readings*, adding the joined verb-final form of
particle verbs ("zurückweise") next to the verb-second head ("weise"). Imperatives are left
out on purpose: in news text "sei"/"sage" are Konjunktiv I, not commands.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

import ablaut

__all__ = ["Reading", "VerbMood", "finite_forms", "is_plausible_infinitive"]

Number = Literal["sg", "pl"]
_SLOTS: tuple[tuple[int, Number], ...] = (
    (1, "sg"),
    (2, "sg"),
    (3, "sg"),
    (1, "pl"),
    (2, "pl"),
    (3, "pl"),
)


class VerbMood(StrEnum):
    """Grammatical mood of one paradigm cell."""

    INDICATIVE = "indicative"
    SUBJ1 = "subj1"
    SUBJ2 = "subj2"


@dataclass(frozen=True, slots=True)
class Reading:
    """One paradigm cell a finite word can fill."""

    lemma: str
    mood: VerbMood
    tense: Literal["present", "preterite"]
    person: int
    number: Number


_ROWS: tuple[tuple[str, VerbMood, Literal["present", "preterite"]], ...] = (
    ("present", VerbMood.INDICATIVE, "present"),
    ("preterite", VerbMood.INDICATIVE, "preterite"),
    ("konjunktiv1", VerbMood.SUBJ1, "present"),
    ("konjunktiv2", VerbMood.SUBJ2, "preterite"),
)


# Standard variants that ablaut does not list: infinitive -> (form, row, person, number).
_VARIANTS: dict[str, tuple[tuple[str, str, int, Number], ...]] = {
    "sein": (("seiest", "konjunktiv1", 2, "sg"),),
}


def is_plausible_infinitive(word: str) -> bool:
    """True if ``word`` looks like a German verb infinitive (lower case, -en/-ln/-rn, sein/tun)."""
    if not word or not word.isalpha() or not word.islower():
        return False
    return word in ("sein", "tun") or (len(word) > 3 and word.endswith(("en", "ln", "rn")))


@lru_cache(maxsize=8192)
def finite_forms(infinitive: str) -> MappingProxyType[str, tuple[Reading, ...]]:
    """Map every finite one-word form of ``infinitive`` to its readings.

    Returns an empty mapping when ablaut rejects the string. Cached per infinitive.
    """
    try:
        table = ablaut.conjugate(infinitive)
    except ValueError:
        return MappingProxyType({})
    out: dict[str, list[Reading]] = {}
    for attr, mood, tense in _ROWS:
        cells: list[str] = getattr(table, attr)
        for (person, number), cell in zip(_SLOTS, cells, strict=True):
            reading = Reading(infinitive, mood, tense, person, number)
            for word in _words_of_cell(cell):
                out.setdefault(word, []).append(reading)
    _add_schwa_variants(infinitive, out)
    rows = {attr: (mood, tense) for attr, mood, tense in _ROWS}
    for word, attr, person, number in _VARIANTS.get(infinitive, ()):
        mood, tense = rows[attr]
        out.setdefault(word, []).append(Reading(infinitive, mood, tense, person, number))
    return MappingProxyType({w: tuple(rs) for w, rs in out.items()})


def _add_schwa_variants(infinitive: str, out: dict[str, list[Reading]]) -> None:
    """Add the full-schwa variants of -eln/-ern verbs that ablaut omits ("handle" -> "handele")."""
    if not infinitive.endswith(("eln", "ern")) or len(infinitive) < 5:
        return
    base, liquid = infinitive[:-3], infinitive[-2]
    short, long = base + liquid + "e", base + "e" + liquid + "e"
    for word, readings in list(out.items()):
        if word.startswith(short) and word not in (long,):
            variant = long + word[len(short) :]
            if variant not in out:
                out[variant] = [r for r in readings if r.tense == "present"]


def _words_of_cell(cell: str) -> tuple[str, ...]:
    """The finite word(s) a paradigm cell stands for: "weise zurück" -> weise, zurückweise."""
    parts = cell.split()
    if len(parts) == 1:
        return (parts[0],)
    if len(parts) == 2:
        head, particle = parts
        return (head, particle + head)
    return ()
