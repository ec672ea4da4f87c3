"""Cross-document speaker entity linking: one :class:`CorpusEntity` per real-world speaker.

Document-level entity ids and names are whatever an annotator or extractor chose; linking
reads the names (:mod:`zitat.entities.names`) and groups them:

1. Persons with a given name and a surname are grouped by surname; within a surname, given
   names that agree (equal, one a prefix of the other, or an initial of the other) form one
   person, different given names stay apart.
2. A bare name ("Blinken") joins the one person with that surname in its own document, or
   else the one person with that surname in the corpus; with two candidates it stays on its
   own in its document; with none it links to every other bare name with the same key
   ("Russland", "Nato").
3. Organisations link by their normalised full name; groups by the set of their members
   (each member resolved as above), so "Blinken und Lawrow" and "Lawrow und Blinken" link.
4. A name that names no one ("er", "der US-Außenminister") is never linked across
   documents: its entity becomes a corpus entity of its own.

docs/entities.md gives the rules in full.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from zitat.entities.names import NameForm, ParsedName, parse_name, slugify
from zitat.schema import AnnotatedDocument, EntityKind, Quote

__all__ = ["CorpusEntity", "EntityLinks", "link_entities"]

Member = tuple[str, str]  # (doc_id, document-level entity id)
_SEP = "\x1f"
_KIND_ORDER = {k: i for i, k in enumerate(EntityKind)}


@dataclass(frozen=True, slots=True)
class CorpusEntity:
    """One speaker across documents: the document-level entities that refer to it."""

    id: str
    """A stable slug of the name, e.g. ``"antony-blinken"``."""
    name: str
    """The fullest name seen, without roles and articles, e.g. ``"Antony Blinken"``."""
    kind: EntityKind
    members: tuple[tuple[str, str], ...]
    """``(doc_id, document-level entity id)`` pairs, sorted."""
    names: tuple[str, ...]
    """Every name the members carry, as written, sorted."""

    @property
    def documents(self) -> tuple[str, ...]:
        """The ids of the documents this entity occurs in, sorted."""
        return tuple(sorted({doc for doc, _ in self.members}))


@dataclass(frozen=True)
class EntityLinks:
    """The corpus entities of a set of documents, with look-ups by document-level entity."""

    entities: tuple[CorpusEntity, ...]
    _index: dict[Member, CorpusEntity] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _by_id: dict[str, CorpusEntity] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        for entity in self.entities:
            if entity.id in self._by_id:
                raise ValueError(f"duplicate corpus entity id {entity.id!r}")
            self._by_id[entity.id] = entity
            for member in entity.members:
                if member in self._index:
                    raise ValueError(f"{member} belongs to two corpus entities")
                self._index[member] = entity

    def of(self, doc_id: str, entity_id: str) -> CorpusEntity | None:
        """The corpus entity of a document-level entity, or None if it was not linked."""
        return self._index.get((doc_id, entity_id))

    def speaker_of(self, doc: AnnotatedDocument, quote: Quote) -> CorpusEntity | None:
        """The corpus entity of a quote's speaker (None for an unattributed quote)."""
        return None if quote.entity is None else self.of(doc.id, quote.entity)

    def get(self, corpus_id: str) -> CorpusEntity:
        """The corpus entity with this id (KeyError if there is none)."""
        return self._by_id[corpus_id]

    def __iter__(self) -> Iterator[CorpusEntity]:
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)


@dataclass(frozen=True, slots=True)
class _Mention:
    """One document-level entity with its parsed name."""

    doc: str
    entity: str
    name: str
    kind: EntityKind
    parsed: ParsedName


def _compatible(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Given names agree: word by word equal, or one an initial of the other."""
    if len(short) > len(long):
        short, long = long, short
    return all(
        a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
        for a, b in zip(short, long, strict=False)
    )


def _given_clusters(givens: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
    """Cluster the given names of one surname; most specific first, ambiguous ones alone."""
    order = sorted(
        set(givens),
        key=lambda g: (-len(g), sum(len(w) == 1 for w in g), -sum(map(len, g)), g),
    )
    heads: list[tuple[str, ...]] = []  # the most specific given name of each cluster
    out: dict[tuple[str, ...], int] = {}
    for given in order:
        fits = [i for i, head in enumerate(heads) if _compatible(given, head)]
        if len(fits) == 1:
            out[given] = fits[0]
        else:
            heads.append(given)
            out[given] = len(heads) - 1
    return out


class _Linker:
    """Assigns every mention a cluster key, then builds the corpus entities."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.mentions = mentions
        # surname -> cluster index of each given name, and the documents of each cluster
        self.persons: dict[str, dict[tuple[str, ...], int]] = {}
        self.person_docs: dict[tuple[str, int], set[str]] = defaultdict(set)
        by_surname: dict[str, list[tuple[str, ParsedName]]] = defaultdict(list)
        for m in mentions:
            for p in (m.parsed, *m.parsed.members):  # the persons of a group count too
                if p.form == NameForm.PERSON:
                    by_surname[p.surname].append((m.doc, p))
        for surname, found in by_surname.items():
            clusters = _given_clusters(p.given for _, p in found)
            self.persons[surname] = clusters
            for doc, p in found:
                self.person_docs[(surname, clusters[p.given])].add(doc)

    def _person_key(self, surname: str, doc: str) -> tuple[str, ...] | None:
        """The person a bare surname refers to, or None (no person, or ambiguous in corpus)."""
        clusters = self.persons.get(surname)
        if not clusters:
            return None
        ids = sorted(set(clusters.values()))
        local = [i for i in ids if doc in self.person_docs[(surname, i)]]
        if len(local) == 1:
            return ("person", surname, str(local[0]))
        if len(ids) == 1:
            return ("person", surname, str(ids[0]))
        return ("ambiguous", surname, doc)

    def key(self, parsed: ParsedName, doc: str, entity: str) -> tuple[str, ...]:
        """The cluster key of one parsed name in one document."""
        if parsed.form == NameForm.PERSON:
            return ("person", parsed.surname, str(self.persons[parsed.surname][parsed.given]))
        if parsed.form == NameForm.BARE:
            found = self._person_key(parsed.surname, doc)
            if found is None and parsed.surname.endswith("s"):  # genitive: "Blinkens"
                found = self._person_key(parsed.surname[:-1], doc)
            return found or ("bare", parsed.key)
        if parsed.form == NameForm.ORGANISATION:
            return ("organisation", parsed.key)
        if parsed.form == NameForm.GROUP:
            members = sorted({_SEP.join(self.key(p, doc, entity)) for p in parsed.members})
            if len(members) == 1:  # "Blinken und Antony Blinken": one member after all
                return tuple(members[0].split(_SEP))
            return ("group", *members)
        return ("local", doc, entity)


def _display_rank(m: _Mention) -> tuple[int, int, str]:
    """Prefer names with more words, then longer ones, then alphabetical order."""
    d = m.parsed.display if m.parsed.form != NameForm.NONE else m.name
    return (-len(d.split()), -len(d), d)


def _kind(key: tuple[str, ...], ms: list[_Mention]) -> EntityKind:
    if key[0] == "group":
        return EntityKind.GROUP
    counts = Counter(m.kind for m in ms if m.kind != EntityKind.UNKNOWN)
    if not counts:
        return EntityKind.UNKNOWN
    return min(counts, key=lambda k: (-counts[k], _KIND_ORDER[k]))


def link_entities(docs: Iterable[AnnotatedDocument]) -> EntityLinks:
    """Link the speaker entities of ``docs`` across documents (see the module docstring).

    Every document-level entity belongs to exactly one corpus entity. Corpus entity ids are
    slugs of their names, made unique with a numeric suffix (``"-2"``) in a deterministic
    order; an entity that is not linked across documents gets its document id in its slug.
    """
    mentions = [
        _Mention(d.id, e.id, e.name, e.kind, parse_name(e.name, e.kind))
        for d in docs
        for e in d.annotations.entities
    ]
    linker = _Linker(mentions)
    clusters: dict[tuple[str, ...], list[_Mention]] = defaultdict(list)
    for m in mentions:
        clusters[linker.key(m.parsed, m.doc, m.entity)].append(m)
    drafts: list[tuple[str, str, EntityKind, list[_Mention]]] = []
    for key, ms in clusters.items():
        best = min(ms, key=_display_rank)
        name = best.parsed.display if best.parsed.form != NameForm.NONE else best.name
        slug = slugify(name)
        if key[0] in ("local", "ambiguous"):
            slug = f"{slug}-{slugify(ms[0].doc)}"
        drafts.append((slug, name, _kind(key, ms), ms))
    drafts.sort(key=lambda d: (d[0], sorted((m.doc, m.entity) for m in d[3])))
    taken: set[str] = set()
    entities: list[CorpusEntity] = []
    for slug, name, kind, ms in drafts:
        ident, n = slug, 2
        while ident in taken:
            ident, n = f"{slug}-{n}", n + 1
        taken.add(ident)
        entities.append(
            CorpusEntity(
                id=ident,
                name=name,
                kind=kind,
                members=tuple(sorted((m.doc, m.entity) for m in ms)),
                names=tuple(sorted({m.name for m in ms})),
            )
        )
    return EntityLinks(tuple(sorted(entities, key=lambda e: e.id)))
