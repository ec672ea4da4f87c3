"""Stance rules on hand-written German sentences and a small inventory written here."""

from __future__ import annotations

import pytest
from zitat.schema import Annotations, Polarity, Quote, QuoteType, Span, TargetInventory
from zitat.text import make_document

from zitat_stance.extractor import RulesStanceExtractor

INVENTORY = TargetInventory.from_data(
    {
        "targets": [
            {
                "id": "invasion",
                "label": "Militärische Invasion",
                "aliases": ["Invasion", "Einmarsch"],
            },
            {"id": "talks", "label": "Dialog", "aliases": ["Diplomatie", "Verhandlungen"]},
            {"id": "arms", "label": "Waffenlieferungen", "aliases": ["Waffen"]},
            {"id": "open-door", "label": "Politik der offenen Tür"},
            {"id": "sanctions", "label": "Sanktionen", "aliases": ["Strafmaßnahmen"]},
        ]
    }
)


def _quote(text: str, content: str, *, frame: str | None = None, qid: str = "q1") -> Quote:
    start = text.index(content)
    spans = (Span(start, start + len(content)),)
    if frame is None:
        return Quote(qid, spans, QuoteType.REPORTED)
    f = text.index(frame)
    return Quote(qid, spans, QuoteType.INDIRECT, frame=(Span(f, f + len(frame)),))


def _stances(
    text: str, *quotes: Quote, inventory: TargetInventory = INVENTORY
) -> dict[tuple[str | None, str], Polarity]:
    extractor = RulesStanceExtractor()
    extractor.use_targets(inventory)
    doc = make_document("t", text)
    out = extractor.extract_stances(doc, Annotations(quotes=quotes))
    assert out.quotes == quotes
    return {(s.quote, s.target): s.polarity for s in out.stances}


@pytest.mark.parametrize(
    ("text", "target", "polarity"),
    [
        (
            "Die Kanzlerin warnte am Montag vor einer Invasion des Nachbarlandes.",
            "invasion",
            Polarity.AGAINST,
        ),
        (
            "Der Minister forderte in Brüssel mehr Dialog mit der Gegenseite.",
            "talks",
            Polarity.FAVOR,
        ),
        (
            "Die Regierung wies die geplanten Waffenlieferungen entschieden zurück.",
            "arms",
            Polarity.AGAINST,
        ),
        (
            "Der Außenminister begrüßte die neuen Sanktionen ausdrücklich.",
            "sanctions",
            Polarity.FAVOR,
        ),
        (
            "Die Opposition lehnte weitere Strafmaßnahmen gegen das Regime ab.",
            "sanctions",
            Polarity.AGAINST,
        ),
        (
            "Die Präsidentin kritisierte die Lieferung schwerer Waffen scharf.",
            "arms",
            Polarity.AGAINST,
        ),
    ],
)
def test_reporting_verb_polarity(text: str, target: str, polarity: Polarity) -> None:
    assert _stances(text, _quote(text, text)) == {("q1", target): polarity}


def test_not_negotiable_is_favor() -> None:
    text = "Die Sprecherin betonte, die Politik der offenen Tür sei nicht verhandelbar."
    quote = _quote(
        text, "die Politik der offenen Tür sei nicht verhandelbar", frame="Die Sprecherin betonte,"
    )
    assert _stances(text, quote) == {("q1", "open-door"): Polarity.FAVOR}


def test_no_intention_is_against() -> None:
    text = "Der Botschafter erklärte, man habe keine Absicht, in das Land einzumarschieren."
    quote = _quote(
        text,
        "man habe keine Absicht, in das Land einzumarschieren",
        frame="Der Botschafter erklärte,",
    )
    assert _stances(text, quote) == {("q1", "invasion"): Polarity.AGAINST}


def test_negated_support_flips() -> None:
    text = "Die Ministerin sagte, sie unterstütze keine Waffenlieferungen in das Krisengebiet."
    quote = _quote(
        text,
        "sie unterstütze keine Waffenlieferungen in das Krisengebiet",
        frame="Die Ministerin sagte,",
    )
    assert _stances(text, quote) == {("q1", "arms"): Polarity.AGAINST}


def test_threat_in_conditional_is_against_the_condition() -> None:
    text = "Er drohte mit harten Konsequenzen, falls es zu einem Einmarsch komme."
    assert _stances(text, _quote(text, text)) == {("q1", "invasion"): Polarity.AGAINST}


def test_no_target_addressed_gives_no_stance() -> None:
    text = "Das Wetter in Genf sei kalt und neblig gewesen, sagte der Sprecher."
    quote = _quote(
        text, "Das Wetter in Genf sei kalt und neblig gewesen", frame="sagte der Sprecher."
    )
    assert _stances(text, quote) == {}


def test_target_named_without_position_is_neutral_or_nothing() -> None:
    text = "Der Analyst sagte, eine Invasion könne in wenigen Tagen beginnen."
    quote = _quote(
        text, "eine Invasion könne in wenigen Tagen beginnen", frame="Der Analyst sagte,"
    )
    assert _stances(text, quote) == {("q1", "invasion"): Polarity.NEUTRAL}
    extractor = RulesStanceExtractor({"unmarked_neutral": False})
    extractor.use_targets(INVENTORY)
    out = extractor.extract_stances(make_document("t", text), Annotations(quotes=(quote,)))
    assert out.stances == ()


def test_scene_setting_is_not_a_target() -> None:
    text = "Nach den Verhandlungen in Wien warnte die Ministerin vor einem Einmarsch."
    assert _stances(text, _quote(text, text)) == {("q1", "invasion"): Polarity.AGAINST}


def test_neutral_when_only_discussed() -> None:
    text = "Die Delegation bestätigte, dass man über neue Sanktionen diskutiert habe."
    quote = _quote(
        text, "dass man über neue Sanktionen diskutiert habe", frame="Die Delegation bestätigte,"
    )
    assert _stances(text, quote) == {("q1", "sanctions"): Polarity.NEUTRAL}


def test_any_inventory_works() -> None:
    inventory = TargetInventory.from_data(
        [{"id": "speed-limit", "label": "Tempolimit auf Autobahnen", "aliases": ["Tempolimit"]}]
    )
    text = "Der Automobilverband lehnte ein generelles Tempolimit erneut ab."
    stances = _stances(text, _quote(text, text), inventory=inventory)
    assert stances == {("q1", "speed-limit"): Polarity.AGAINST}


def test_nested_direct_quote_leaves_the_stance_to_its_parent() -> None:
    text = 'Die Ministerin warnte vor einer "brandgefährlichen Invasion" im Osten.'
    outer = _quote(text, text)
    start = text.index('"')
    inner = Quote("q2", (Span(start, text.index("im Osten") - 1),), QuoteType.DIRECT, parent="q1")
    assert _stances(text, outer, inner) == {("q1", "invasion"): Polarity.AGAINST}


def test_without_targets_no_stances() -> None:
    text = "Die Kanzlerin warnte vor einer Invasion."
    extractor = RulesStanceExtractor()
    doc = make_document("t", text)
    given = Annotations(quotes=(_quote(text, text),))
    assert extractor.extract_stances(doc, given).stances == ()
    extractor.use_targets(None)
    assert extractor.extract(doc).stances == ()


def test_evidence_lies_in_the_text_and_is_deterministic() -> None:
    text = "Der Minister forderte mehr Diplomatie und warnte vor einer Invasion."
    first = _stances(text, _quote(text, text))
    assert first == {("q1", "talks"): Polarity.FAVOR, ("q1", "invasion"): Polarity.AGAINST}
    assert first == _stances(text, _quote(text, text))
    extractor = RulesStanceExtractor()
    extractor.use_targets(INVENTORY)
    doc = make_document("t", text)
    out = extractor.extract_stances(doc, Annotations(quotes=(_quote(text, text),)))
    assert len(out.stances) == 2  # the loop below has something to check
    named = {"talks": "Diplomatie", "invasion": "Invasion"}
    for stance in out.stances:
        assert stance.evidence
        assert all(0 <= e.start < e.end <= len(text) for e in stance.evidence)
        # the evidence covers the target's mention
        assert any(named[stance.target] in e.text_in(text) for e in stance.evidence)
