"""Reading a speaker entity's name: strip roles and titles, find the person name or group.

:func:`parse_name` turns a name as an extractor wrote it ("Russlands Außenminister Sergej
Lawrow", "die USA und ihre Verbündeten", "Blinken hatte das am Donnerstag ...") into a
:class:`ParsedName`: the name as displayed, its kind of key, and the comparison keys. The
rules are described in docs/entities.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from zitat.entities.lexicon import (
    CONJUNCTIONS,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    PRONOUNS,
    ROLE_HEADS,
    ROLE_WORDS,
    TITLES,
    TRANSLITERATIONS,
)
from zitat.schema import EntityKind

__all__ = ["NameForm", "ParsedName", "fold", "parse_name", "slugify"]

_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212]")
_APOSTROPHES = re.compile(r"[\u2019\u2018\u02bc`´]")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_TOKEN = re.compile(r"[^\s,;:()\"„“”«»‚‘›‹]+")
_COUNTRY_PREFIX = re.compile(r"^[A-ZÄÖÜ]{2,5}-")
_PARTICLE_STARTS = frozenset(
    {"von", "vom", "van", "zu", "de", "di", "da", "ten", "ter", "bin", "ibn", "al", "el"}
)
_SLUG_MAP = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


class NameForm(StrEnum):
    """What a name turned out to be after roles, titles and function words were stripped."""

    PERSON = "person"  # a given name and a surname: "Antony Blinken"
    BARE = "bare"  # one name word: "Blinken", "Russland", "Nato"
    ORGANISATION = "organisation"  # several words naming an organisation: "RIA Nowosti"
    GROUP = "group"  # conjoined members: "die USA und ihre Verbündeten"
    NONE = "none"  # nothing that names anyone: "er", "der US-Außenminister"


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name read by :func:`parse_name`.

    ``display`` is the name as written, without roles, titles and leading articles.
    ``given`` and ``surname`` are comparison keys (casefolded, transliteration variants
    mapped to one form) for ``PERSON``; ``surname`` alone is set for ``BARE``; ``key`` is the
    comparison key of ``ORGANISATION`` and ``BARE``; ``members`` the parsed members of a
    ``GROUP``.
    """

    form: NameForm
    display: str
    given: tuple[str, ...] = ()
    surname: str = ""
    key: str = ""
    members: tuple[ParsedName, ...] = ()


def fold(word: str) -> str:
    """The comparison key of one word: NFC, casefolded, transliteration variants unified."""
    w = unicodedata.normalize("NFC", word).casefold().strip(".'")
    return TRANSLITERATIONS.get(w, w)


def slugify(text: str) -> str:
    """An ASCII slug: ``"Antony Blinken"`` → ``"antony-blinken"``, umlauts as ae/oe/ue."""
    t = unicodedata.normalize("NFC", text).casefold().translate(_SLUG_MAP)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-") or "x"


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _DASHES.sub("-", _APOSTROPHES.sub("'", text))
    return " ".join(_PARENS.sub(" ", text).split())


def _is_function(tok: str) -> bool:
    return tok.casefold() in FUNCTION_WORDS or tok.casefold() in TITLES


def _is_role(tok: str) -> bool:
    w = _COUNTRY_PREFIX.sub("", tok).casefold()
    if "-" in w:  # "Grünen-Politikerin", "Nato-Generalsekretär": the last part decides
        w = w.rsplit("-", 1)[1]
    if w in ROLE_WORDS:
        return True
    stem = w[:-1] if w.endswith(("n", "s")) else w
    return any(
        (v.endswith(head) and len(v) > len(head)) or v == head
        for head in ROLE_HEADS
        for v in (w, stem)
    )


def _is_name_word(tok: str) -> bool:
    """Capitalised (or an acronym, or with a digit), not a function word, title or role."""
    return (
        (tok[:1].isupper() or tok[:1].isdigit())
        and not _is_function(tok)
        and not _is_role(tok)
        and tok.casefold() not in PRONOUNS
    )


def _leading_particles(tokens: list[str]) -> int:
    """How many leading tokens are surname particles before a name ("von der Leyen")."""
    if not tokens or tokens[0].casefold() not in _PARTICLE_STARTS:
        return 0
    n = 0
    while n < len(tokens) and tokens[n].casefold() in NAME_PARTICLES:
        n += 1
    return n if n < len(tokens) and _is_name_word(tokens[n]) else 0


def _strip_front(tokens: list[str], *, roles: bool = True) -> list[str]:
    """Drop roles, titles, articles and adjectives before the name proper.

    A name that starts the text and is followed by a lower-case or function word is the
    subject of a clause ("Blinken hatte das ...") and is kept as it is. Otherwise everything
    up to the last role word is dropped when a name word follows it ("Russlands Außenminister
    Sergej Lawrow" → "Sergej Lawrow"); then leading function words, titles and lower-case
    words ("der", "russische") go, and leading role words too unless ``roles`` is false (an
    organisation may start with one: "Beobachter in der Ukraine").
    """
    run = 0
    while run < len(tokens) and _is_name_word(tokens[run]):
        run += 1
    if 0 < run < len(tokens) and not _is_role(tokens[run]):
        return tokens
    cut = 0
    for i, tok in enumerate(tokens[:-1]):
        after = i + 1
        while after < len(tokens) - 1 and tokens[after].casefold() in TITLES:
            after += 1
        if _is_role(tok) and _is_name_word(tokens[after]):
            cut = after
    rest = tokens[cut:]
    while rest and not (
        _is_name_word(rest[0]) or (not roles and _is_role(rest[0])) or _leading_particles(rest)
    ):
        rest = rest[1:]
    return rest


def _name_run(tokens: list[str]) -> list[str]:
    """The leading run of name words and surname particles."""
    run: list[str] = []
    for i, tok in enumerate(tokens):
        if _is_name_word(tok) or (tok.casefold() in NAME_PARTICLES and i + 1 < len(tokens)):
            run.append(tok)
        else:
            break
    while run and run[-1].casefold() in NAME_PARTICLES:
        run.pop()
    return run


def _person(run: list[str]) -> ParsedName:
    # The surname is the last word with the particles right before it ("von der Leyen").
    start = len(run) - 1
    while start > 0 and run[start - 1].casefold() in NAME_PARTICLES:
        start -= 1
    given, surname = run[:start], run[start:]
    if not given:
        return _bare(surname)
    return ParsedName(
        NameForm.PERSON,
        " ".join(run),
        given=tuple(fold(g) for g in given),
        surname=" ".join(fold(s) for s in surname),
    )


def _bare(run: list[str]) -> ParsedName:
    key = " ".join(fold(s) for s in run)
    return ParsedName(NameForm.BARE, " ".join(run), surname=key, key=key)


def _single(text: str, kind: EntityKind) -> ParsedName:
    """One name (no conjunction): a person, a bare name, an organisation, or nothing."""
    head = text.split(",", 1)[0]  # "Tatiana Stanovaya, Leiterin der ..." → apposition cut
    org = kind in (EntityKind.ORGANISATION, EntityKind.MEDIUM, EntityKind.GROUP)
    tokens = _strip_front(_TOKEN.findall(head), roles=not org)
    if not tokens:
        return ParsedName(NameForm.NONE, _clean(text))
    if org:
        if all(_is_role(t) or _is_function(t) for t in tokens):
            return ParsedName(NameForm.NONE, _clean(text))
        if len(tokens) == 1:
            return _bare(tokens)
        return ParsedName(NameForm.ORGANISATION, " ".join(tokens), key=_org_key(tokens))
    # A person (or unknown). A name followed by more words is the subject of a clause the
    # extractor took for a name ("Blinken hatte das am Donnerstag ..."): keep the subject.
    run = _name_run(tokens)
    if not run:
        return ParsedName(NameForm.NONE, _clean(text))
    if len(run) == 1:
        return _bare(run)
    return _person(run)


def _org_key(tokens: list[str]) -> str:
    return " ".join(fold(t) for t in tokens if not _is_function(t))


def _split_members(text: str) -> list[str]:
    parts = [""]
    for tok in text.replace(",", " , ").split():
        if tok.casefold() in CONJUNCTIONS or tok == ",":
            parts.append("")
        else:
            parts[-1] = f"{parts[-1]} {tok}".strip()
    return [p for p in parts if p]


def parse_name(name: str, kind: EntityKind | str = EntityKind.PERSON) -> ParsedName:
    """Read ``name`` (an entity's canonical name as an extractor or annotator wrote it).

    ``kind`` decides how a multi-word name is read: persons (and unknowns) by given name and
    surname, organisations and media by their full name; groups, persons and unknowns whose
    name joins members with "und"/"sowie"/"&" become a ``GROUP`` of parsed members.
    """
    kind = EntityKind(kind)
    text = _clean(name)
    if kind not in (EntityKind.ORGANISATION, EntityKind.MEDIUM):
        words = text.split()
        if any(w.casefold() in CONJUNCTIONS for w in words[1:-1]):
            members = [
                _single(p, EntityKind.PERSON if kind == EntityKind.PERSON else EntityKind.UNKNOWN)
                for p in _split_members(text)
            ]
            members = [m for m in members if m.form != NameForm.NONE] or [
                ParsedName(NameForm.BARE, p, surname=_org_key(p.split()), key=_org_key(p.split()))
                for p in _split_members(text)
            ]
            if len(members) > 1:
                display = " ".join(_strip_front(text.split())) or text
                return ParsedName(NameForm.GROUP, display, members=tuple(members))
    return _single(text, kind)
