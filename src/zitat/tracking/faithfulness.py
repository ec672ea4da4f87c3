"""How faithfully a version of a statement renders the reference (verbatim) version.

Both texts are cut into words (punctuation and quotation marks dropped) and compared
casefolded with :class:`difflib.SequenceMatcher` (no junk heuristic). Words the matcher pairs up
are *kept*; the rest are differences:

- ``only_in_version``: words of the version with no counterpart in the reference (a pronoun
  shift "er" for "ich", a Konjunktiv "habe" for "hat", a paraphrase);
- ``only_in_reference``: words of the reference the version leaves out or replaces *within the
  stretch it renders* — reference words before the first or after the last kept word are not
  differences but context the version does not quote (a version may be an excerpt).

``faithfulness`` is the share of the version's words that are kept, in order: 1.0 for a verbatim
excerpt, lower the more the version rewords. ``coverage`` is the share of the reference's words
the version keeps: how much of the statement it carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from zitat.tracking.similarity import WORD

__all__ = ["Comparison", "Piece", "compare_versions"]

PieceKind = Literal["same", "ins", "del", "outside"]


@dataclass(frozen=True, slots=True)
class Piece:
    """One stretch of the version's text in a word diff against the reference.

    ``same``: version text kept from the reference (punctuation and spaces between words are
    ``same`` too); ``ins``: version words not in the reference; ``del``: reference words the
    version leaves out at this point (not part of the version's text); ``outside``: reference
    words before or after the stretch the version renders.
    """

    kind: PieceKind
    text: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """A version compared word by word with the reference."""

    faithfulness: float
    coverage: float
    only_in_version: tuple[str, ...]
    only_in_reference: tuple[str, ...]
    pieces: tuple[Piece, ...]
    """The version's text cut into pieces; joining the ``same`` and ``ins`` pieces gives it back."""


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def compare_versions(version: str, reference: str) -> Comparison:
    """Compare ``version`` with ``reference`` (see the module docstring)."""
    v_words, r_words = _words(version), _words(reference)
    matcher = SequenceMatcher(
        None, [w.casefold() for w, _, _ in v_words], [w.casefold() for w, _, _ in r_words], False
    )
    ops = matcher.get_opcodes()
    matched = [op for op in ops if op[0] == "equal"]
    kept = sum(i2 - i1 for _, i1, i2, _, _ in matched)
    first_ref = matched[0][3] if matched else len(r_words)
    last_ref = matched[-1][4] if matched else 0
    inserted = [False] * len(v_words)
    before: dict[int, list[Piece]] = {}  # reference words shown before version word i
    lead: list[Piece] = []
    tail: list[Piece] = []
    only_version: list[str] = []
    only_reference: list[str] = []
    for tag, i1, i2, j1, j2 in ops:
        # SequenceMatcher turns the version into the reference: "delete" drops version words,
        # "insert" adds reference words
        if tag in ("delete", "replace"):
            only_version.extend(w for w, _, _ in v_words[i1:i2])
            inserted[i1:i2] = [True] * (i2 - i1)
        if tag not in ("insert", "replace"):
            continue
        text = reference[r_words[j1][1] : r_words[j2 - 1][2]]
        if tag == "insert" and j2 <= first_ref:
            lead.append(Piece("outside", text))
        elif tag == "insert" and j1 >= last_ref:
            tail.append(Piece("outside", text))
        else:
            only_reference.extend(w for w, _, _ in r_words[j1:j2])
            before.setdefault(i1, []).append(Piece("del", text))
    pieces: list[Piece] = list(lead)
    cursor = 0
    for i, (_, start, end) in enumerate(v_words):
        joined = i > 0 and inserted[i] and inserted[i - 1] and i not in before
        pieces.append(Piece("ins" if joined else "same", version[cursor:start]))
        pieces.extend(before.get(i, ()))
        pieces.append(Piece("ins" if inserted[i] else "same", version[start:end]))
        cursor = end
    pieces.extend(before.get(len(v_words), ()))
    pieces.append(Piece("same", version[cursor:]))
    pieces.extend(tail)
    return Comparison(
        faithfulness=kept / len(v_words) if v_words else 0.0,
        coverage=kept / len(r_words) if r_words else 0.0,
        only_in_version=tuple(only_version),
        only_in_reference=tuple(only_reference),
        pieces=_merge(pieces),
    )


def _merge(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Drop empty pieces and join neighbours of the same kind."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if out and out[-1].kind == piece.kind and piece.kind in ("same", "ins"):
            out[-1] = Piece(piece.kind, out[-1].text + piece.text)
        else:
            out.append(piece)
    return tuple(out)
