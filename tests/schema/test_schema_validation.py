"""The schema's value objects validate on construction and name object and field on error."""

from __future__ import annotations

import pytest

from zitat.errors import ValidationError
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    Document,
    EntityKind,
    Medium,
    Polarity,
    Quote,
    QuoteType,
    Span,
    SpeakerEntity,
    Stance,
    Target,
    TargetInventory,
    Token,
)

TEXT = "Blinken sagte: „Wir reden weiter.“"


def quote(qid: str = "q1", **kw: object) -> Quote:
    return Quote(qid, (Span(15, 34),), QuoteType.DIRECT, **kw)  # type: ignore[arg-type]


# -- spans -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "field", "needle"),
    [
        (3, 3, "end", "empty or reversed span 3-3"),
        (5, 2, "end", "empty or reversed span 5-2"),
        ("1", 2, "start", "offset must be an integer"),
        (True, 2, "start", "offset must be an integer"),
        (0, 2.5, "end", "offset must be an integer"),
        (-1, 2, "start", "start -1 is negative"),
    ],
)
def test_bad_span(start: object, end: object, field: str, needle: str) -> None:
    with pytest.raises(ValidationError) as info:
        Span(start, end)  # type: ignore[arg-type]
    assert info.value.obj == "Span"
    assert info.value.field == field
    assert needle in str(info.value)
    assert str(info.value).startswith(f"Span.{field}: ")


def test_span_helpers() -> None:
    a, b = Span(0, 5), Span(3, 8)
    assert len(a) == 5
    assert a.overlaps(b)
    assert not a.overlaps(Span(5, 6))  # end is exclusive
    assert Span(0, 10).contains(b)
    assert not b.contains(a)
    assert Span(0, 7).text_in(TEXT) == "Blinken"
    assert sorted([Span(4, 5), Span(0, 9), Span(0, 3)]) == [Span(0, 3), Span(0, 9), Span(4, 5)]


# -- labels ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "obj", "field", "allowed"),
    [
        (lambda: Quote("q1", (Span(0, 1),), "quoted"), "Quote 'q1'", "type", QuoteType),
        (
            lambda: Quote("q1", (Span(0, 1),), "direct", medium="telepathy"),
            "Quote 'q1'",
            "medium",
            Medium,
        ),
        (
            lambda: SpeakerEntity("e1", "Blinken", kind="robot"),
            "SpeakerEntity 'e1'",
            "kind",
            EntityKind,
        ),
        (lambda: Stance("nato", "pro", quote="q1"), "Stance (q1 -> nato)", "polarity", Polarity),
    ],
)
def test_unknown_label_lists_allowed_labels(
    make: object, obj: str, field: str, allowed: type
) -> None:
    with pytest.raises(ValidationError) as info:
        make()  # type: ignore[operator]
    err = info.value
    assert (err.obj, err.field) == (obj, field)
    assert "unknown label" in err.message
    for label in allowed:  # type: ignore[attr-defined]
        assert label.value in err.message
    assert str(err).startswith(f"{obj}.{field}: ")


def test_labels_are_coerced_from_strings() -> None:
    q = Quote("q1", [Span(0, 7)], "indirect", medium="speech_writing")
    assert q.type is QuoteType.INDIRECT
    assert q.medium is Medium.SPEECH_WRITING
    assert isinstance(q.spans, tuple)


# -- quotes, entities, stances -----------------------------------------------------------------


def test_quote_needs_a_span_and_an_id() -> None:
    with pytest.raises(ValidationError, match=r"Quote 'q1'\.spans: needs at least one span"):
        Quote("q1", (), QuoteType.DIRECT)
    with pytest.raises(ValidationError, match=r"Quote ''\.id: expected a non-empty string"):
        Quote("", (Span(0, 1),), QuoteType.DIRECT)


def test_quote_spans_must_be_span_objects() -> None:
    with pytest.raises(ValidationError) as info:
        Quote("q1", [(0, 2)], QuoteType.DIRECT)  # type: ignore[list-item]
    assert (info.value.obj, info.value.field) == ("Quote 'q1'", "spans[0]")
    with pytest.raises(ValidationError, match=r"Quote 'q1'\.cue\[1\]: expected a Span"):
        Quote("q1", (Span(0, 1),), QuoteType.DIRECT, cue=(Span(0, 1), "x"))  # type: ignore[arg-type]


def test_quote_spans_are_sorted() -> None:
    q = Quote("q1", (Span(20, 25), Span(0, 5)), QuoteType.INDIRECT, frame=(Span(9, 12), Span(6, 8)))
    assert q.spans == (Span(0, 5), Span(20, 25))
    assert q.frame == (Span(6, 8), Span(9, 12))
    assert q.role("frame") == q.frame


def test_quote_text_joins_parts() -> None:
    q = Quote("q1", (Span(0, 7), Span(16, 19)), QuoteType.INDIRECT)
    assert q.text_in(TEXT) == "Blinken … Wir"
    assert q.text_in(TEXT, sep="|") == "Blinken|Wir"


def test_quote_cannot_nest_in_itself() -> None:
    with pytest.raises(ValidationError, match=r"Quote 'q1'\.parent: a quote cannot be nested"):
        quote(parent="q1")


def test_stance_needs_a_holder() -> None:
    with pytest.raises(ValidationError) as info:
        Stance("nato-expansion", Polarity.AGAINST)
    assert info.value.field == "quote"
    assert "needs a quote or an entity" in str(info.value)
    assert "nato-expansion" in str(info.value.obj)


def test_stance_holder() -> None:
    assert Stance("t", "favor", quote="q1").holder == ("quote", "q1")
    assert Stance("t", "favor", entity="e1").holder == ("entity", "e1")


def test_duplicate_quote_ids() -> None:
    with pytest.raises(ValidationError) as info:
        Annotations(quotes=(quote("q1"), quote("q1")))
    assert (info.value.obj, info.value.field) == ("Annotations", "quotes")
    assert "duplicate id 'q1'" in str(info.value)


def test_duplicate_entity_ids() -> None:
    with pytest.raises(ValidationError, match=r"Annotations\.entities: duplicate id 'e1'"):
        Annotations(entities=(SpeakerEntity("e1", "A"), SpeakerEntity("e1", "B")))


def test_unknown_entity_reference() -> None:
    with pytest.raises(ValidationError, match=r"Quote 'q1'\.entity: unknown entity 'e9'"):
        Annotations(quotes=(quote(entity="e9"),), entities=(SpeakerEntity("e1", "Blinken"),))


def test_unknown_parent_reference() -> None:
    with pytest.raises(ValidationError, match=r"Quote 'q1'\.parent: unknown quote 'q7'"):
        Annotations(quotes=(quote(parent="q7"),))


def test_nesting_cycle() -> None:
    with pytest.raises(ValidationError) as info:
        Annotations(
            quotes=(quote("q1", parent="q3"), quote("q2", parent="q1"), quote("q3", parent="q2"))
        )
    assert info.value.field == "parent"
    assert "cycle" in str(info.value)


def test_stance_references() -> None:
    with pytest.raises(ValidationError, match=r"Stance \(q3 -> nato\)\.quote: unknown quote 'q3'"):
        Annotations(quotes=(quote(),), stances=(Stance("nato", "favor", quote="q3"),))
    with pytest.raises(ValidationError, match=r"\.entity: unknown entity 'e2'"):
        Annotations(stances=(Stance("nato", "favor", entity="e2"),))


def test_annotations_reject_wrong_item_types() -> None:
    with pytest.raises(ValidationError, match=r"Annotations\.quotes\[0\]: expected Quote, got str"):
        Annotations(quotes=["q1"])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match=r"Annotations\.stances: expected a list, got str"):
        Annotations(stances="nope")  # type: ignore[arg-type]


def test_valid_nesting_and_lookup() -> None:
    ann = Annotations(
        quotes=(quote("q1", entity="e1"), quote("q2", parent="q1")),
        entities=(SpeakerEntity("e1", "Antony Blinken", mentions=(Span(0, 7),), external_id="Q1"),),
        stances=(Stance("diplomacy", "favor", quote="q1", evidence=(Span(16, 33),)),),
    )
    assert ann.quote("q2").parent == "q1"
    assert ann.entity("e1").name == "Antony Blinken"
    with pytest.raises(KeyError):
        ann.quote("q9")


# -- documents ---------------------------------------------------------------------------------


def test_spans_checked_against_text() -> None:
    doc = Document("d1", "Hallo")
    with pytest.raises(ValidationError) as info:
        AnnotatedDocument(doc, Annotations(quotes=(Quote("q1", (Span(0, 9),), "direct"),)))
    assert info.value.obj == "Document 'd1'"
    assert info.value.field == "Quote 'q1'.spans[0]"
    assert "lies outside the text (length 5)" in str(info.value)


@pytest.mark.parametrize("role", ["cue", "frame", "speaker", "addressee"])
def test_role_spans_checked_against_text(role: str) -> None:
    doc = Document("d1", TEXT)
    bad = Quote("q1", (Span(15, 34),), "direct", **{role: (Span(30, 99),)})  # type: ignore[arg-type]
    with pytest.raises(
        ValidationError, match=rf"Document 'd1'\.Quote 'q1'\.{role}\[0\]: span 30-99"
    ):
        AnnotatedDocument(doc, Annotations(quotes=(bad,)))


def test_whitespace_only_span_is_rejected() -> None:
    doc = Document("d1", "Hallo  Welt")
    with pytest.raises(ValidationError, match=r"covers only whitespace"):
        AnnotatedDocument(doc, Annotations(quotes=(Quote("q1", (Span(5, 7),), "direct"),)))


def test_entity_mentions_and_evidence_checked() -> None:
    doc = Document("d1", "kurz")
    with pytest.raises(ValidationError, match=r"SpeakerEntity 'e1'\.mentions\[0\]"):
        AnnotatedDocument(
            doc, Annotations(entities=(SpeakerEntity("e1", "X", mentions=(Span(0, 40),)),))
        )
    stance = Stance("t", "favor", entity="e1", evidence=(Span(2, 50),))
    with pytest.raises(ValidationError, match=r"Stance \(e1 -> t\)\.evidence\[0\]"):
        AnnotatedDocument(doc, Annotations(entities=(SpeakerEntity("e1", "X"),), stances=(stance,)))


def test_check_against_targets() -> None:
    ann = Annotations(quotes=(quote(),), stances=(Stance("nato", "favor", quote="q1"),))
    ann.check_against(TEXT, targets={"nato"})
    with pytest.raises(ValidationError) as info:
        ann.check_against(TEXT, targets={"sanctions", "diplomacy"})
    assert info.value.field == "target"
    assert "unknown target 'nato'; the inventory has: diplomacy, sanctions" in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "field", "needle"),
    [
        ({"tokens": (Token("Hallo", 0, 5, 1, False),)}, "tokens[0]", "id 1 should be 0"),
        (
            {"tokens": (Token("Hallx", 0, 5, 0, False),)},
            "tokens[0]",
            "differs from the document text",
        ),
        ({"tokens": (Token("Hallo", 0, 9, 0, False),)}, "tokens[0]", "outside the text"),
        (
            {"tokens": (Token("Hal", 0, 3, 0, False), Token("al", 1, 3, 1, False))},
            "tokens[1]",
            "overlapping",
        ),
        ({"tokens": ("Hallo",)}, "tokens[0]", "expected a Token"),
        ({"sentences": (Span(0, 9),)}, "sentences[0]", "outside the text"),
        ({"meta": ["x"]}, "meta", "expected a mapping"),
    ],
)
def test_bad_document(kwargs: dict[str, object], field: str, needle: str) -> None:
    with pytest.raises(ValidationError) as info:
        Document("d1", "Hallo", **kwargs)  # type: ignore[arg-type]
    assert (info.value.obj, info.value.field) == ("Document 'd1'", field)
    assert needle in str(info.value)


def test_document_id_and_text_types() -> None:
    with pytest.raises(ValidationError, match=r"Document ''\.id"):
        Document("", "x")
    with pytest.raises(ValidationError, match=r"Document 'd'\.text: expected a string, got bytes"):
        Document("d", b"x")  # type: ignore[arg-type]


def test_document_meta_is_copied_and_compared() -> None:
    meta = {"source": "dpa"}
    doc = Document("d", "x", meta=meta)
    meta["source"] = "changed"
    assert doc.meta == {"source": "dpa"}
    assert doc == Document("d", "x", meta={"source": "dpa"})
    assert doc != Document("d", "x", meta={"source": "afp"})
    assert doc.with_(text="y").text == "y"
    assert hash(doc) == hash(Document("d", "x"))


# -- targets -----------------------------------------------------------------------------------


def test_target_inventory_validation() -> None:
    with pytest.raises(ValidationError, match=r"TargetInventory\.targets: duplicate id 'a'"):
        TargetInventory((Target("a", "A"), Target("a", "B")))
    with pytest.raises(ValidationError, match=r"Target 'b'\.parent: unknown parent 'zz'"):
        TargetInventory((Target("a", "A"), Target("b", "B", parent="zz")))
    with pytest.raises(ValidationError, match=r"Target 'a'\.label"):
        Target("a", "")


def test_target_inventory_from_data() -> None:
    inv = TargetInventory.from_data(
        {
            "targets": [
                {"id": "nato", "label": "NATO"},
                {"id": "nato-east", "label": "Ost", "parent": "nato"},
            ]
        }
    )
    assert len(inv) == 2
    assert inv["nato-east"].parent == "nato"
    assert inv.ids == {"nato", "nato-east"}
    assert TargetInventory.from_data(inv.to_data()) == inv
    with pytest.raises(
        ValidationError, match=r"targets\.yaml: Target 'x': unknown keys \['colour'\]"
    ):
        TargetInventory.from_data(
            [{"id": "x", "label": "X", "colour": "red"}], source="targets.yaml"
        )
