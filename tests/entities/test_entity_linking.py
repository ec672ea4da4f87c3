"""Cross-document speaker entity linking: names written for these tests, the gold, `rules`."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import pytest

import zitat
from zitat.entities import CorpusEntity, EntityLinks, NameForm, link_entities, parse_name
from zitat.gold.bundled import load_seeds
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Document,
    EntityKind,
    Quote,
    QuoteType,
    Span,
    SpeakerEntity,
)

TEXT = "Ein Satz, der als Text für alle Testdokumente dient."


def doc(doc_id: str, *entities: tuple[str, str] | tuple[str, str, str]) -> AnnotatedDocument:
    """A document whose entities are given as (id, name) or (id, name, kind)."""
    ents = [
        SpeakerEntity(e[0], e[1], EntityKind(e[2]) if len(e) == 3 else EntityKind.PERSON)
        for e in entities
    ]
    quotes = [
        Quote(f"q{i}", (Span(0, 8),), QuoteType.DIRECT, entity=e.id) for i, e in enumerate(ents)
    ]
    return AnnotatedDocument(Document(doc_id, TEXT), Annotations(tuple(quotes), tuple(ents)))


def linked(links: EntityLinks, *members: tuple[str, str]) -> bool:
    """True if all members belong to one corpus entity."""
    found = {links.of(d, e) for d, e in members}
    return len(found) == 1 and None not in found


# --- name reading ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "display"),
    [
        ("Innenministerin Petra Albrecht", "Petra Albrecht"),
        ("Niedersachsens Innenministerin Dr. Petra Albrecht", "Petra Albrecht"),
        ("die niedersächsische Innenministerin Petra Albrecht", "Petra Albrecht"),
        ("Landeschef Konrad Albrecht", "Konrad Albrecht"),
        ("Ihr Amtskollege Konrad Albrecht", "Konrad Albrecht"),
        ("Petra Albrecht, Vorsitzende des Ausschusses", "Petra Albrecht"),
        ("Albrecht hatte am Montag in Hannover", "Albrecht"),
        ("Frau von der Heide", "von der Heide"),
        ("Petra Albrecht (SPD)", "Petra Albrecht"),
        ("Landrätin Petra Albrecht", "Petra Albrecht"),
    ],
)
def test_roles_titles_articles_and_trailing_words_are_stripped(name: str, display: str) -> None:
    assert parse_name(name).display == display


@pytest.mark.parametrize("name", ["er", "Sie", "der Landrat", "Die Bürgermeisterin", "Beide"])
def test_pronouns_and_bare_roles_name_no_one(name: str) -> None:
    assert parse_name(name).form == NameForm.NONE


def test_a_group_is_read_as_its_members() -> None:
    parsed = parse_name("die Gewerkschaften und ihre Mitglieder", EntityKind.GROUP)
    assert parsed.form == NameForm.GROUP
    assert [m.display for m in parsed.members] == ["Gewerkschaften", "Mitglieder"]


# --- linking on names written for the tests -------------------------------------------------


def test_titles_and_roles_link_to_the_full_name() -> None:
    links = link_entities(
        [
            doc("a", ("e1", "Innenministerin Dr. Petra Albrecht")),
            doc("b", ("x", "Niedersachsens Innenministerin Petra Albrecht")),
            doc("c", ("speaker-7", "Petra Albrecht")),
        ]
    )
    entity = links.of("a", "e1")
    assert entity is not None
    assert linked(links, ("a", "e1"), ("b", "x"), ("c", "speaker-7"))
    assert entity.name == "Petra Albrecht"
    assert entity.id == "petra-albrecht"
    assert entity.kind == EntityKind.PERSON
    assert entity.members == (("a", "e1"), ("b", "x"), ("c", "speaker-7"))
    assert entity.names == (
        "Innenministerin Dr. Petra Albrecht",
        "Niedersachsens Innenministerin Petra Albrecht",
        "Petra Albrecht",
    )


def test_a_surname_alone_joins_the_one_full_name_with_that_surname() -> None:
    links = link_entities(
        [
            doc("a", ("e1", "Petra Albrecht"), ("e2", "Jonas Brandt")),
            doc("b", ("e1", "Albrecht")),
            doc("c", ("e5", "Frau Albrecht"), ("e6", "Brandt")),
        ]
    )
    assert linked(links, ("a", "e1"), ("b", "e1"), ("c", "e5"))
    assert linked(links, ("a", "e2"), ("c", "e6"))
    assert links.of("a", "e1") != links.of("a", "e2")
    entity = links.of("b", "e1")
    assert entity is not None
    assert entity.name == "Petra Albrecht"


def test_the_same_surname_with_different_first_names_stays_apart() -> None:
    links = link_entities(
        [
            doc("a", ("e1", "Petra Albrecht")),
            doc("b", ("e1", "Konrad Albrecht")),
            doc("c", ("e1", "Bürgermeister Konrad Albrecht"), ("e2", "Albrecht")),
            doc("d", ("e1", "Albrecht")),
        ]
    )
    petra, konrad = links.of("a", "e1"), links.of("b", "e1")
    assert petra is not None
    assert konrad is not None
    assert petra != konrad
    assert links.of("c", "e1") == konrad
    # in a document that names one of them in full, the surname is that one
    assert links.of("c", "e2") == konrad
    # elsewhere a surname alone is ambiguous: it joins neither, nor other ambiguous ones
    alone = links.of("d", "e1")
    assert alone is not None
    assert alone not in (petra, konrad)
    assert alone.members == (("d", "e1"),)


def test_initials_join_a_unique_first_name_only() -> None:
    unique = link_entities([doc("a", ("e1", "Petra Albrecht")), doc("b", ("e1", "P. Albrecht"))])
    assert linked(unique, ("a", "e1"), ("b", "e1"))
    ambiguous = link_entities(
        [
            doc("a", ("e1", "Petra Albrecht")),
            doc("b", ("e1", "Paul Albrecht")),
            doc("c", ("e1", "P. Albrecht")),
        ]
    )
    assert len({ambiguous.of(d, "e1") for d in "abc"}) == 3


def test_a_clause_taken_for_a_name_keeps_its_subject() -> None:
    links = link_entities(
        [
            doc("a", ("e1", "Petra Albrecht")),
            doc("b", ("e9", "Albrecht hatte das am Montag nach einem Treffen mit Jonas Brandt")),
        ]
    )
    assert linked(links, ("a", "e1"), ("b", "e9"))


def test_surname_particles_and_genitives() -> None:
    links = link_entities(
        [
            doc("a", ("e1", "Karla von der Heide")),
            doc("b", ("e1", "Frau von der Heide")),
            doc("c", ("e1", "Heides")),
            doc("d", ("e1", "Jonas Brandt")),
            doc("e", ("e1", "Brandts")),
        ]
    )
    assert linked(links, ("a", "e1"), ("b", "e1"))
    assert linked(links, ("d", "e1"), ("e", "e1"))
    # "Heide" is not the surname "von der Heide"
    assert links.of("c", "e1") != links.of("a", "e1")


def test_transliteration_variants_link() -> None:
    links = link_entities(
        [
            doc("a", ("e1", "Sergej Lawrow"), ("e2", "Wolodymyr Selenskyj")),
            doc("b", ("e1", "Sergei Lavrov"), ("e2", "Volodymyr Zelensky")),
            doc("c", ("e1", "Lawrow"), ("e2", "Selensky")),
        ]
    )
    assert linked(links, ("a", "e1"), ("b", "e1"), ("c", "e1"))
    assert linked(links, ("a", "e2"), ("b", "e2"), ("c", "e2"))


def test_unicode_normalisation_and_case() -> None:
    decomposed = unicodedata.normalize("NFD", "Jörg Weiß")
    links = link_entities([doc("a", ("e1", "Jörg Weiß")), doc("b", ("e1", decomposed))])
    assert linked(links, ("a", "e1"), ("b", "e1"))


def test_organisations_link_by_their_full_name() -> None:
    links = link_entities(
        [
            doc("a", ("o1", "die Bundesregierung", "organisation"), ("o2", "Landkreis Harburg")),
            doc("b", ("x", "Bundesregierung", "organisation")),
            doc("c", ("y", "der Landkreis Harburg", "organisation")),
            doc("d", ("z", "der Landkreis Celle", "organisation")),
        ]
    )
    assert linked(links, ("a", "o1"), ("b", "x"))
    assert links.of("a", "o2") is not None
    # "Landkreis Harburg" as an organisation and as a misread person name do not meet ...
    assert linked(links, ("c", "y"))
    # ... but two organisations with different names never do
    assert links.of("c", "y") != links.of("d", "z")


def test_an_extractor_that_calls_every_speaker_a_person_still_links_countries() -> None:
    links = link_entities(
        [doc("a", ("e3", "Frankreich", "person")), doc("b", ("c7", "Frankreich", "organisation"))]
    )
    assert linked(links, ("a", "e3"), ("b", "c7"))
    entity = links.of("a", "e3")
    assert entity is not None
    # a tie between kinds is broken by the order of EntityKind: person first
    assert entity.kind == EntityKind.PERSON


def test_groups_link_by_their_members_in_any_order() -> None:
    links = link_entities(
        [
            doc("a", ("g1", "Albrecht und Brandt", "group"), ("p1", "Petra Albrecht")),
            doc("b", ("g", "Jonas Brandt und Petra Albrecht", "group")),
            doc("c", ("g", "die Gewerkschaften und ihre Mitglieder", "group")),
            doc("d", ("g", "Die Gewerkschaften und ihre neuen Mitglieder", "group")),
            doc("e", ("g", "die Gewerkschaften und die Arbeitgeber", "group")),
        ]
    )
    assert linked(links, ("a", "g1"), ("b", "g"))
    group = links.of("a", "g1")
    assert group is not None
    assert group.kind == EntityKind.GROUP
    assert group != links.of("a", "p1")
    assert linked(links, ("c", "g"), ("d", "g"))
    assert links.of("c", "g") != links.of("e", "g")


def test_pronouns_and_roles_are_never_linked_across_documents() -> None:
    links = link_entities(
        [
            doc("a", ("e1", "der Landrat"), ("e2", "er")),
            doc("b", ("e1", "der Landrat"), ("e2", "er")),
        ]
    )
    entities = {links.of(d, e) for d in "ab" for e in ("e1", "e2")}
    assert len(entities) == 4
    for entity in entities:
        assert entity is not None
        assert len(entity.members) == 1


def test_every_document_entity_is_in_exactly_one_corpus_entity_with_a_unique_id() -> None:
    docs = [
        doc("a", ("e1", "Petra Albrecht"), ("e2", "er"), ("e3", "Albrecht und Brandt", "group")),
        doc("b", ("e1", "Albrecht"), ("e2", "Petra Albrecht")),  # two entities, one person
        doc("c", ("e1", "Konrad Albrecht"), ("e2", "Albrecht")),
    ]
    links = link_entities(docs)
    members = [m for e in links.entities for m in e.members]
    assert sorted(members) == sorted((d.id, e.id) for d in docs for e in d.annotations.entities)
    ids = [e.id for e in links.entities]
    assert len(ids) == len(set(ids))
    for entity in links.entities:
        assert entity.id == re.sub(r"[^a-z0-9-]", "", entity.id)
        assert list(entity.members) == sorted(entity.members)
        assert list(entity.names) == sorted(set(entity.names))
        assert links.get(entity.id) is entity
    assert linked(links, ("a", "e1"), ("b", "e1"), ("b", "e2"))


def test_lookups_of_unknown_entities_and_unattributed_quotes() -> None:
    d = doc("a", ("e1", "Petra Albrecht"))
    links = link_entities([d])
    assert links.of("a", "nope") is None
    assert links.of("zz", "e1") is None
    quote = d.annotations.quotes[0]
    assert links.speaker_of(d, quote) == links.of("a", "e1")
    assert links.speaker_of(d, quote.with_(entity=None)) is None


def test_linking_is_deterministic_and_order_independent() -> None:
    docs = [
        doc("a", ("e1", "Petra Albrecht"), ("e2", "der Landrat")),
        doc("b", ("e1", "Albrecht"), ("e2", "der Landrat")),
    ]
    assert link_entities(docs) == link_entities(list(reversed(docs)))


def test_exported_from_the_package() -> None:
    assert zitat.link_entities is link_entities
    assert zitat.CorpusEntity is CorpusEntity
    assert zitat.EntityLinks is EntityLinks


# --- the seed gold --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> list[AnnotatedDocument]:
    return list(load_seeds())


def test_gold_entities_with_one_id_link_to_one_corpus_entity(
    gold: list[AnnotatedDocument],
) -> None:
    by_gold_id: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for d in gold:
        for e in d.annotations.entities:
            by_gold_id[e.id].append((d.id, e.id))
    shared = {k: v for k, v in by_gold_id.items() if len(v) > 1}
    assert shared, "the seed gold has entities in several documents"
    links = link_entities(gold)
    for gold_id, members in shared.items():
        assert linked(links, *members), gold_id
    # and no corpus entity joins two different gold entities
    for entity in links.entities:
        assert len({e for _, e in entity.members}) == 1, entity


# --- the output of the rules extractor on the seeds -----------------------------------------


@pytest.fixture(scope="module")
def rules_output(gold: list[AnnotatedDocument]) -> list[AnnotatedDocument]:
    from zitat.plugins import Plugins, run_extractor

    plugins = Plugins()
    try:
        extractor = plugins.extractor("rules")
    except KeyError:
        pytest.skip("the rules extractor (plugins/zitat-rules) is not installed")
    texts = {d.id: d.document for d in gold}
    out = []
    for outcome in run_extractor(extractor, texts.values(), isolate=False):
        assert outcome.ok, outcome.error
        assert outcome.annotations is not None
        out.append(AnnotatedDocument(texts[outcome.doc_id], outcome.annotations))
    return out


@pytest.mark.parametrize(("surname", "other"), [("Blinken", "Lawrow"), ("Lawrow", "Blinken")])
def test_rules_output_links_each_foreign_minister_across_all_documents(
    rules_output: list[AnnotatedDocument], surname: str, other: str
) -> None:
    links = link_entities(rules_output)
    speakers: set[CorpusEntity | None] = set()
    docs_with_quotes: set[str] = set()
    for d in rules_output:
        names = {e.id: e.name for e in d.annotations.entities}
        for q in d.annotations.quotes:
            name = names.get(q.entity or "", "")
            if re.search(rf"\b{surname}\b", name) and not re.search(rf"\b{other}\b", name):
                speakers.add(links.speaker_of(d, q))
                docs_with_quotes.add(d.id)
    assert docs_with_quotes == {d.id for d in rules_output}
    assert len(speakers) == 1
    (entity,) = speakers
    assert entity is not None
    assert surname in entity.name
    other_entities = {
        links.of(d.id, e.id)
        for d in rules_output
        for e in d.annotations.entities
        if e.name == other
    }
    assert entity not in other_entities
