"""The stance rule families added for German news patterns, each on sentences written here.

Every test names the pattern; where a rule changes a decision the sentence is built so that the
rule's absence gives a different answer (another polarity or no stance).
"""

from __future__ import annotations

from zitat.schema import (
    Annotations,
    Polarity,
    Quote,
    QuoteType,
    Span,
    SpeakerEntity,
    TargetInventory,
)
from zitat.text import make_document

from zitat_stance.extractor import RulesStanceExtractor

INVENTORY = TargetInventory.from_data(
    {
        "targets": [
            {"id": "invasion", "label": "Militärische Invasion", "aliases": ["Invasion"]},
            {"id": "talks", "label": "Verhandlungen", "aliases": ["Verhandlungen", "Dialog"]},
            {
                "id": "summit",
                "label": "Gipfeltreffen",
                "aliases": ["Gipfeltreffen"],
                "parent": "talks",
            },
            {"id": "sanctions", "label": "Sanktionen", "aliases": ["Strafmaßnahmen"]},
            {"id": "open-door", "label": "Politik der offenen Tür"},
            {"id": "support", "label": "Unterstützung der Ukraine"},
        ]
    }
)

Result = dict[tuple[str | None, str], Polarity]


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def _quote(
    text: str,
    content: str,
    *,
    frame: str | None = None,
    cue: str | None = None,
    qid: str = "q1",
    parent: str | None = None,
    entity: str | None = None,
) -> Quote:
    return Quote(
        qid,
        (_span(text, content),),
        QuoteType.REPORTED if frame is None else QuoteType.INDIRECT,
        frame=() if frame is None else (_span(text, frame),),
        cue=() if cue is None else (_span(text, cue),),
        parent=parent,
        entity=entity,
    )


def _stances(text: str, *quotes: Quote) -> Result:
    extractor = RulesStanceExtractor()
    extractor.use_targets(INVENTORY)
    entities = tuple(
        SpeakerEntity(e, e.title()) for e in sorted({q.entity for q in quotes if q.entity})
    )
    given = Annotations(quotes=quotes, entities=entities)
    out = extractor.extract_stances(make_document("t", text), given)
    return {(s.quote, s.target): s.polarity for s in out.stances}


def _whole(text: str) -> Result:
    return _stances(text, _quote(text, text))


# -- a preposition governed by a noun is not scene-setting -------------------------------------


def test_demand_for_a_target_is_not_a_scene() -> None:
    # "nach" opens scene-setting phrases ("Nach den Verhandlungen ..."), but "Forderung nach X"
    # names what is demanded
    text = "Die Opposition bekräftigte ihre Forderung nach schärferen Sanktionen."
    assert _whole(text) == {("q1", "sanctions"): Polarity.FAVOR}


def test_a_complement_across_a_coordinated_noun_phrase() -> None:
    text = "Der Verband bekräftigte seine Forderungen an Bund und Länder nach Strafmaßnahmen."
    assert _whole(text) == {("q1", "sanctions"): Polarity.FAVOR}


def test_no_breakthrough_in_the_talks_is_neutral() -> None:
    text = "Die Sprecherin sagte, es gebe bislang keinen Durchbruch bei den Verhandlungen."
    quote = _quote(
        text,
        "es gebe bislang keinen Durchbruch bei den Verhandlungen",
        frame="Die Sprecherin sagte,",
    )
    assert _stances(text, quote) == {("q1", "talks"): Polarity.NEUTRAL}


def test_a_time_phrase_after_a_name_still_sets_the_scene() -> None:
    text = "Der Minister sagte am Abend nach den Verhandlungen, er warne vor einer Invasion."
    assert _whole(text) == {("q1", "invasion"): Polarity.AGAINST}


# -- nested quotes: the stance belongs to the speaker -----------------------------------------


def test_a_relayed_statement_of_another_speaker_leaves_the_stance_to_it() -> None:
    text = "Der Botschafter habe ihr versichert, dass man Sanktionen ablehne."
    parent = _quote(text, text, entity="ministerin")
    child = Quote(
        "q2",
        (_span(text, "dass man Sanktionen ablehne"),),
        QuoteType.INDIRECT,
        frame=(_span(text, "Der Botschafter habe ihr versichert,"),),
        parent="q1",
        entity="botschafter",
    )
    assert _stances(text, parent, child) == {("q2", "sanctions"): Polarity.AGAINST}


def test_a_statement_around_the_same_speakers_clause_holds_it_too() -> None:
    text = "Der Botschafter habe klar gemacht, dass man Sanktionen ablehne."
    parent = _quote(text, text, entity="botschafter")
    child = Quote(
        "q2",
        (_span(text, "dass man Sanktionen ablehne"),),
        QuoteType.INDIRECT,
        frame=(_span(text, "Der Botschafter habe klar gemacht,"),),
        parent="q1",
        entity="botschafter",
    )
    assert _stances(text, parent, child) == {
        ("q1", "sanctions"): Polarity.AGAINST,
        ("q2", "sanctions"): Polarity.AGAINST,
    }


# -- deterrence: a threat is against the condition, not against the whole sentence --------------


def test_deterrence_reaches_only_the_conditional_clause() -> None:
    text = (
        "Wir wollen Verhandlungen, aber wir drohen mit harten Konsequenzen, "
        "wenn es zu einer Invasion kommt."
    )
    assert _whole(text) == {
        ("q1", "talks"): Polarity.FAVOR,
        ("q1", "invasion"): Polarity.AGAINST,
    }


def test_a_condition_classified_as_the_target_is_deterred() -> None:
    text = (
        "Wenn Panzer die Grenze überqueren, ist das eine Invasion. "
        "Darauf werden wir entschlossen reagieren."
    )
    assert _whole(text) == {("q1", "invasion"): Polarity.AGAINST}


def test_modal_sollte_inside_a_clause_is_no_condition() -> None:
    # "Sollte Russland ..." opens a condition; "Die Regierung sollte ..." is the modal
    text = "Die Regierung sollte Sanktionen prüfen, dann werde man entschlossen reagieren."
    assert _whole(text) == {("q1", "sanctions"): Polarity.NEUTRAL}
    conditional = "Sollte die Regierung Sanktionen prüfen, werde man entschlossen reagieren."
    assert _whole(conditional) == {("q1", "sanctions"): Polarity.AGAINST}


# -- a verb with the preposition it governs ------------------------------------------------------


def test_verb_and_preposition_apart_in_the_clause() -> None:
    text = "Die Ministerin setzt weiterhin und ausdrücklich auf Verhandlungen."
    assert _whole(text) == {("q1", "talks"): Polarity.FAVOR}


def test_pronominal_adverb_stands_for_the_preposition() -> None:
    text = "Die Allianz beruft sich darauf, dass die Politik der offenen Tür weiter gelte."
    quote = _quote(
        text,
        "dass die Politik der offenen Tür weiter gelte",
        frame="Die Allianz beruft sich darauf,",
        cue="beruft sich darauf",
    )
    assert _stances(text, quote) == {("q1", "open-door"): Polarity.FAVOR}


def test_verb_phrase_against() -> None:
    text = "Die Partei distanzierte sich inzwischen deutlich von neuen Strafmaßnahmen."
    assert _whole(text) == {("q1", "sanctions"): Polarity.AGAINST}


# -- a contrasting clause stops the reporting verb ------------------------------------------------


def test_complaint_does_not_reach_past_a_contrast() -> None:
    text = "Er beklagte, dass der Nachbar aufrüste, während die eigene Seite auf Dialog setze."
    quote = _quote(
        text,
        "dass der Nachbar aufrüste, während die eigene Seite auf Dialog setze",
        frame="Er beklagte,",
        cue="beklagte",
    )
    assert _stances(text, quote) == {("q1", "talks"): Polarity.FAVOR}


def test_effort_is_support() -> None:
    text = "Sie sagte, die Regierung versuche seit Wochen, Verhandlungen in Gang zu bringen."
    quote = _quote(
        text,
        "die Regierung versuche seit Wochen, Verhandlungen in Gang zu bringen",
        frame="Sie sagte,",
    )
    assert _stances(text, quote) == {("q1", "talks"): Polarity.FAVOR}


# -- the most specific target ---------------------------------------------------------------------


def test_a_child_target_takes_the_stance_from_its_parent() -> None:
    text = "Der Kanzler sei zu Verhandlungen oder einem Gipfeltreffen bereit, sagte sein Sprecher."
    quote = _quote(
        text,
        "Der Kanzler sei zu Verhandlungen oder einem Gipfeltreffen bereit",
        frame="sagte sein Sprecher.",
    )
    assert _stances(text, quote) == {("q1", "summit"): Polarity.FAVOR}


def test_a_parent_with_another_polarity_is_kept() -> None:
    text = "Er begrüße Verhandlungen, lehne aber ein Gipfeltreffen ab."
    assert _whole(text) == {("q1", "talks"): Polarity.FAVOR, ("q1", "summit"): Polarity.AGAINST}


# -- a particular event named by a possessive ---------------------------------------------------


def test_ones_own_talks_as_an_event_take_no_stance() -> None:
    text = "Die Ministerin habe die Kollegen über ihre Verhandlungen in Wien informiert."
    assert _whole(text) == {}
    general = "Die Ministerin habe die Kollegen über die Verhandlungen in Wien informiert."
    assert _whole(general) == {("q1", "talks"): Polarity.NEUTRAL}


# -- metonymy: capitals for countries -----------------------------------------------------------


def test_a_capital_names_its_country_in_a_target_term() -> None:
    text = "Der Minister bekräftigte die Unterstützung Berlins für Kiew."
    assert _whole(text) == {("q1", "support"): Polarity.FAVOR}
    elsewhere = "Der Minister bekräftigte die Unterstützung Berlins für Wien."
    assert _whole(elsewhere) == {}


# -- manner adverbs -------------------------------------------------------------------------


def test_well_prepared_rates_the_manner_not_the_target() -> None:
    text = "Ein Gipfeltreffen müsse aber gut vorbereitet sein."
    assert _whole(text) == {("q1", "summit"): Polarity.NEUTRAL}
    rated = "Ein Gipfeltreffen sei gut für beide Seiten."
    assert _whole(rated) == {("q1", "summit"): Polarity.FAVOR}


# -- a hypothetical event is a condition, not a scene ---------------------------------------------


def test_a_possible_invasion_is_addressed() -> None:
    text = "Die Ministerin warnte, bei einer etwaigen Invasion werde man sofort handeln."
    quote = _quote(
        text,
        "bei einer etwaigen Invasion werde man sofort handeln",
        frame="Die Ministerin warnte,",
        cue="warnte",
    )
    assert _stances(text, quote) == {("q1", "invasion"): Polarity.AGAINST}
    scene = "Die Ministerin warnte, bei der Invasion vor Jahren habe man zu spät gehandelt."
    quote = _quote(
        scene,
        "bei der Invasion vor Jahren habe man zu spät gehandelt",
        frame="Die Ministerin warnte,",
        cue="warnte",
    )
    assert _stances(scene, quote) == {}
