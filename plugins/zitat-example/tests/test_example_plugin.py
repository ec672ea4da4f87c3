"""Tests of the example plugin, written with zitat's testing kit.

The file name is unique across the zitat repository on purpose: zitat's own test run
collects ``tests`` and ``plugins/*/tests`` together.
"""

from __future__ import annotations

import pytest
from zitat.errors import ValidationError
from zitat.plugins import Plugins, run_extractor
from zitat.schema import Document, QuoteType
from zitat.testing import assert_conforms, check_extractor
from zitat.text import make_document

from zitat_example import plugin
from zitat_example.plugin import SaidExtractor


def test_conforms_to_the_extractor_contract() -> None:
    report = assert_conforms(SaidExtractor)
    assert "output[unicode]" in [check.name for check in report.checks]


def test_conforms_with_options() -> None:
    assert check_extractor(SaidExtractor, {"verbs": ("sagte",), "min_words": 3}).ok


def test_finds_both_frames_with_speaker_and_cue(direct_quote_document: Document) -> None:
    annotations = SaidExtractor().extract(direct_quote_document)
    text = direct_quote_document.text
    found = [
        (q.text_in(text), q.speaker[0].text_in(text), q.cue[0].text_in(text))
        for q in annotations.quotes
    ]
    assert found == [
        (
            "Eine Seilbahn über den Fluss wird es mit mir nicht geben",
            "Bürgermeisterin Anna Keller",
            "sagte",
        ),
        (
            "Ohne die Bahn verlieren wir die Touristen.",
            "Sein Vorsitzender Jonas Brandt",
            "erklärte",
        ),
        ("Wir prüfen alles", "Keller", "versicherte"),
    ]
    assert all(q.type is QuoteType.DIRECT for q in annotations.quotes)
    assert [q.entity for q in annotations.quotes] == ["e1", "e2", "e3"]


def test_colon_frame_without_verb() -> None:
    doc = make_document("d", "Anna Keller: „Das geht nicht.“ Mehr sagte sie nicht.")
    (quote,) = SaidExtractor().extract(doc).quotes
    assert quote.text_in(doc.text) == "Das geht nicht."
    assert quote.cue == ()
    assert quote.speaker[0].text_in(doc.text) == "Anna Keller"


def test_offsets_count_code_points(unicode_document: Document) -> None:
    (quote,) = SaidExtractor().extract(unicode_document).quotes
    assert quote.text_in(unicode_document.text) == "Zu klein für 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"
    assert quote.speaker[0].text_in(unicode_document.text) == "Jörg\u00a0Weiß"


def test_nothing_without_quotes(
    no_quote_document: Document, indirect_speech_document: Document
) -> None:
    assert SaidExtractor().extract(no_quote_document).quotes == ()
    assert SaidExtractor().extract(indirect_speech_document).quotes == ()


def test_min_words_drops_scare_quotes() -> None:
    doc = make_document("d", "Keller sagte: „Nein.“ Brandt sagte: „Das sehen wir ganz anders.“")
    assert len(SaidExtractor().extract(doc).quotes) == 2
    (quote,) = SaidExtractor({"min_words": 2}).extract(doc).quotes
    assert quote.speaker[0].text_in(doc.text) == "Brandt"


@pytest.mark.parametrize(
    ("config", "field"),
    [({"min_words": 0}, None), ({"min_words": "2"}, "min_words"), ({"verb": ("sagte",)}, "verb")],
)
def test_bad_options_are_rejected(config: dict[str, object], field: str | None) -> None:
    with pytest.raises(ValidationError, match="Extractor 'example-said' config") as info:
        SaidExtractor(config)
    assert info.value.field == field


def test_the_plugin_module_registers_the_extractor(kit_document: Document) -> None:
    manager = Plugins(discover=False)
    manager.register(plugin, "example-test")
    assert manager.failures == []
    extractor = manager.extractor("example-said")
    (outcome,) = run_extractor(extractor, [kit_document], isolate=False)
    assert outcome.ok, outcome.error
