"""The packaged lexicon: contents, look-ups and particle-verb recovery."""

from __future__ import annotations

import pytest

from zitat_rules.lexicon import (
    MarkerKind,
    Medium,
    Stance,
    marker,
    markers,
    particle_verb_lemma,
    reporting_noun,
    reporting_phrases,
    reporting_verb,
    reporting_verbs,
    resolve_reporting_verb,
)


def test_lexicon_size_and_uniqueness() -> None:
    verbs = reporting_verbs()
    assert len(verbs) >= 200
    assert len({v.lemma for v in verbs}) == len(verbs)


@pytest.mark.parametrize(
    ("lemma", "particle", "medium"),
    [
        ("sagen", None, Medium.SPEECH),
        ("ankündigen", "an", Medium.SPEECH_WRITING),
        ("zurückweisen", "zurück", Medium.SPEECH_WRITING),
        ("hinzufügen", "hinzu", None),
        ("mitteilen", "mit", None),
        ("aufrufen", "auf", None),
        ("vorwerfen", "vor", None),
        ("einräumen", "ein", None),
        ("zusichern", "zu", None),
        ("glauben", None, Medium.THOUGHT),
        ("schreiben", None, Medium.WRITING),
    ],
)
def test_reporting_verb_entries(lemma: str, particle: str | None, medium: Medium | None) -> None:
    verb = reporting_verb(lemma)
    assert verb is not None
    assert verb.particle == particle
    if medium is not None:
        assert verb.medium is medium


def test_stance_and_prepositions() -> None:
    warnen = reporting_verb("warnen")
    assert warnen is not None and warnen.stance is Stance.AGAINST and "vor" in warnen.prep
    assert reporting_verb("fordern").stance is Stance.FAVOR  # type: ignore[union-attr]
    assert reporting_verb("begrüßen").stance is Stance.FAVOR  # type: ignore[union-attr]
    assert reporting_verb("zurückweisen").stance is Stance.AGAINST  # type: ignore[union-attr]
    assert "zu" in reporting_verb("aufrufen").prep  # type: ignore[union-attr]
    assert "auf" in reporting_verb("dringen").prep  # type: ignore[union-attr]
    sagen = reporting_verb("sagen")
    assert sagen is not None and sagen.dass and sagen.konj1 and sagen.stance is None


def test_unknown_verb_is_none() -> None:
    assert reporting_verb("schwimmen") is None


@pytest.mark.parametrize(
    ("finite", "particle", "lemma"),
    [
        ("kündigte", "an", "ankündigen"),
        ("wies", "zurück", "zurückweisen"),
        ("fügte", "hinzu", "hinzufügen"),
        ("teilte", "mit", "mitteilen"),
        ("rief", "auf", "aufrufen"),
        ("warf", "vor", "vorwerfen"),
        ("räumte", "ein", "einräumen"),
        ("sicherte", "zu", "zusichern"),
        ("gab", "bekannt", "bekanntgeben"),
        ("sagte", None, "sagen"),
        ("betonte", None, "betonen"),
        ("ankündigte", None, "ankündigen"),
        ("aufzufordern", None, "auffordern"),
    ],
)
def test_resolve_reporting_verb(finite: str, particle: str | None, lemma: str) -> None:
    verb = resolve_reporting_verb(finite, particle)
    assert verb is not None and verb.lemma == lemma


def test_particle_is_required_to_match() -> None:
    # "stellte ... vor" is vorstellen, not a reporting verb here; "stellte" alone is stellen
    assert resolve_reporting_verb("stellte", "vor") is None
    assert resolve_reporting_verb("gab", None) is None
    assert particle_verb_lemma("kündigte", "an") == "ankündigen"


def test_nouns_by_any_form() -> None:
    angabe = reporting_noun("Angaben")
    assert angabe is not None and angabe.lemma == "Angabe"
    assert reporting_noun("Ansicht") is not None
    worten = reporting_noun("Worten")
    assert worten is not None and worten.medium is Medium.SPEECH
    assert reporting_noun("Tisch") is None


def test_markers() -> None:
    zufolge = marker("zufolge")
    assert zufolge is not None and zufolge.position == "post"
    so = marker("so")
    assert so is not None and so.kind is MarkerKind.PARENTHETICAL and so.quote_position == "before"
    gegen = marker("gegenüber")
    assert gegen is not None and gegen.role == "addressee"
    nach_angaben = marker("nach Angaben")
    assert nach_angaben is not None and nach_angaben.words == ("nach", "Angaben")
    assert any(m.form == ":" for m in markers(MarkerKind.PUNCTUATION))


def test_phrases_have_head_and_words() -> None:
    phrases = {p.phrase: p for p in reporting_phrases()}
    assert phrases["deutlich machen"].head == "machen"
    assert phrases["infrage stellen"].stance is Stance.AGAINST
