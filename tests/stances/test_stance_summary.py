"""Speaker-level stance summaries over documents written for these tests."""

from __future__ import annotations

import json

import pytest

from zitat.entities import link_entities
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Polarity,
    Quote,
    Span,
    SpeakerEntity,
    Stance,
    TargetInventory,
)
from zitat.stances import Position, aggregate, summarise_stances
from zitat.testing import find_span
from zitat.text import make_document

TARGETS = TargetInventory.from_data(
    [
        {"id": "speed-limit", "label": "Tempolimit", "aliases": ["Tempolimit"]},
        {"id": "rail", "label": "Ausbau der Bahn"},
    ]
)


def _doc(
    doc_id: str,
    text: str,
    speakers: dict[str, str],
    quotes: list[tuple[str, str, str]],
    stances: list[tuple[str, str, str]],
) -> AnnotatedDocument:
    """``speakers``: entity id -> name (mentioned in the text); ``quotes``: (id, entity,
    content); ``stances``: (quote id, target, polarity)."""
    entities = tuple(
        SpeakerEntity(e, name, mentions=(find_span(text, name.split()[-1]),))
        for e, name in speakers.items()
    )
    made = tuple(
        Quote(qid, (find_span(text, content),), "indirect", entity=entity or None)
        for qid, entity, content in quotes
    )
    held = tuple(Stance(target, polarity, quote=qid) for qid, target, polarity in stances)
    return AnnotatedDocument(
        make_document(doc_id, text), Annotations(quotes=made, entities=entities, stances=held)
    )


TEXT_A = (
    "Verkehrsministerin Petra Lang sagte, ein Tempolimit rette Leben. "
    "Lang fügte hinzu, die Bahn müsse schneller wachsen. "
    "Der Autoclub erklärte, ein Tempolimit sei unnötig."
)
TEXT_B = (
    "Lang sagte am Montag, über ein Tempolimit entscheide der Bundestag. "
    "Sie betonte, ein Tempolimit sei überfällig. "
    "Ein Tempolimit komme nicht, hieß es aus Regierungskreisen."
)


def _corpus() -> list[AnnotatedDocument]:
    a = _doc(
        "a",
        TEXT_A,
        {"lang": "Petra Lang", "adac": "Autoclub"},
        [
            ("q1", "lang", "ein Tempolimit rette Leben"),
            ("q2", "lang", "die Bahn müsse schneller wachsen"),
            ("q3", "adac", "ein Tempolimit sei unnötig"),
        ],
        [("q1", "speed-limit", "favor"), ("q2", "rail", "favor"), ("q3", "speed-limit", "against")],
    )
    b = _doc(
        "b",
        TEXT_B,
        {"lang": "Lang"},
        [
            ("q1", "lang", "über ein Tempolimit entscheide der Bundestag"),
            ("q2", "lang", "ein Tempolimit sei überfällig"),
            ("q3", "", "Ein Tempolimit komme nicht"),
        ],
        [
            ("q1", "speed-limit", "neutral"),
            ("q2", "speed-limit", "favor"),
            ("q3", "speed-limit", "against"),
        ],
    )
    return [a, b]


@pytest.mark.parametrize(
    ("favor", "against", "neutral", "position"),
    [
        (0, 0, 3, Position.NEUTRAL),
        (1, 0, 5, Position.FAVOR),  # neutral quotes never outweigh a polar one
        (0, 2, 0, Position.AGAINST),
        (4, 2, 0, Position.FAVOR),  # twice as many
        (3, 2, 0, Position.MIXED),
        (1, 1, 0, Position.MIXED),
        (2, 5, 1, Position.AGAINST),
    ],
)
def test_the_aggregation_rule(favor: int, against: int, neutral: int, position: Position) -> None:
    assert aggregate(favor, against, neutral) is position


def test_the_dominance_can_be_raised_and_bad_input_is_refused() -> None:
    assert aggregate(4, 2, 0, dominance=3) is Position.MIXED
    with pytest.raises(ValueError, match="negative"):
        aggregate(-1, 0, 0)
    with pytest.raises(ValueError, match="at least 1"):
        aggregate(1, 0, 0, dominance=0.5)


def test_a_speaker_is_followed_across_documents() -> None:
    docs = _corpus()
    summary = summarise_stances(docs, link_entities(docs), targets=TARGETS)
    lang = next(s for s in summary.speakers if s.name == "Petra Lang")
    assert summary.speaker(lang.id) is lang
    with pytest.raises(KeyError):
        summary.speaker("nobody")
    assert lang.documents == ("a", "b")
    speed = lang.position("speed-limit")
    assert speed is not None
    assert (speed.favor, speed.against, speed.neutral) == (2, 0, 1)
    assert speed.position is Position.FAVOR
    assert speed.label == "Tempolimit"
    assert [(e.doc_id, e.quote_id) for e in speed.evidence] == [
        ("a", "q1"),
        ("b", "q1"),
        ("b", "q2"),
    ]
    rail = lang.position("rail")
    assert rail is not None
    assert rail.position is Position.FAVOR
    # the speaker with more stances comes first; targets keep the inventory's order
    assert summary.speakers[0] is lang
    assert [p.target for p in lang.positions] == ["speed-limit", "rail"]
    club = next(s for s in summary.speakers if s.name == "Autoclub")
    assert club.position("speed-limit").position is Position.AGAINST  # type: ignore[union-attr]
    assert club.position("rail") is None


def test_unattributed_quotes_are_kept_apart() -> None:
    summary = summarise_stances(_corpus(), targets=TARGETS)  # links made on the fly
    assert [(p.target, p.against) for p in summary.unattributed] == [("speed-limit", 1)]
    assert all(e.doc_id == "b" for p in summary.unattributed for e in p.evidence)


def test_a_speaker_with_both_sides_is_mixed() -> None:
    text = "Lang sagte, ein Tempolimit helfe. Später sagte Lang, ein Tempolimit schade."
    doc = _doc(
        "c",
        text,
        {"lang": "Lang"},
        [("q1", "lang", "ein Tempolimit helfe"), ("q2", "lang", "ein Tempolimit schade")],
        [("q1", "speed-limit", "favor"), ("q2", "speed-limit", "against")],
    )
    (only,) = summarise_stances([doc]).speakers
    (position,) = only.positions
    assert position.position is Position.MIXED
    assert position.lean == 0.0
    assert position.label == "speed-limit"  # no inventory: the id


def test_a_nested_restatement_counts_once() -> None:
    text = "Sollte das Tempolimit kommen, habe Lang gesagt, dass sie es begrüße."
    outer = Quote("q1", (Span(0, len(text)),), "indirect_free_indirect", entity="lang")
    inner = Quote(
        "q2", (find_span(text, "dass sie es begrüße"),), "indirect", entity="lang", parent="q1"
    )
    doc = AnnotatedDocument(
        make_document("d", text),
        Annotations(
            quotes=(outer, inner),
            entities=(SpeakerEntity("lang", "Lang", mentions=(find_span(text, "Lang"),)),),
            stances=(
                Stance("speed-limit", "favor", quote="q1"),
                Stance("speed-limit", "favor", quote="q2"),
            ),
        ),
    )
    (speaker,) = summarise_stances([doc]).speakers
    assert speaker.positions[0].favor == 1
    # a different speaker inside is a different statement
    other = (*doc.annotations.entities, SpeakerEntity("meier", "Meier"))
    relayed = AnnotatedDocument(
        doc.document,
        doc.annotations.with_(quotes=(outer, inner.with_(entity="meier")), entities=other),
    )
    assert {s.name: s.positions[0].favor for s in summarise_stances([relayed]).speakers} == {
        "Lang": 1,
        "Meier": 1,
    }


def test_evidence_excerpts_are_short_and_start_near_the_evidence() -> None:
    long = "Lang sagte, " + "es gebe viele Gründe und " * 8 + "ein Tempolimit sei überfällig."
    content = long[len("Lang sagte, ") :]
    quote = Quote("q1", (find_span(long, content),), "indirect", entity="lang")
    stance = Stance(
        "speed-limit",
        Polarity.FAVOR,
        quote="q1",
        evidence=(find_span(long, "Tempolimit sei überfällig"),),
    )
    doc = AnnotatedDocument(
        make_document("e", long),
        Annotations(
            quotes=(quote,),
            entities=(SpeakerEntity("lang", "Lang", mentions=(Span(0, 4),)),),
            stances=(stance,),
        ),
    )
    (evidence,) = summarise_stances([doc]).speakers[0].positions[0].evidence
    assert len(evidence.excerpt) <= 90
    assert "Tempolimit sei" in evidence.excerpt
    assert evidence.excerpt.startswith("…")
    assert evidence.evidence == "Tempolimit sei überfällig"


def test_the_summary_as_json() -> None:
    summary = summarise_stances(_corpus(), targets=TARGETS)
    data = json.loads(json.dumps(summary.to_data()))
    assert data["documents"] == 2
    assert data["rule"]["dominance"] == 2.0
    lang = next(s for s in data["speakers"] if s["name"] == "Petra Lang")
    speed = lang["positions"][0]
    assert (speed["target"], speed["position"], speed["favor"], speed["neutral"]) == (
        "speed-limit",
        "favor",
        2,
        1,
    )
    assert speed["lean"] == round(2 / 3, 3)
    assert {e["quote_id"] for e in speed["evidence"]} == {"q1", "q2"}
    assert data["unattributed"][0]["evidence"][0]["doc_id"] == "b"
