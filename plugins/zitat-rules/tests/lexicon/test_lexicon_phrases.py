"""Lexicon data added for phrases, zu-infinitive complements and source nouns."""

from __future__ import annotations

from pathlib import Path

import pytest

from zitat_rules.lexicon import (
    LexiconError,
    load_reporting_nouns,
    load_reporting_phrases,
    phrases_by_head,
    reporting_verb,
    source_noun,
)


def test_phrases_are_indexed_by_their_head_verb() -> None:
    machen = {p.phrase for p in phrases_by_head()["machen"]}
    assert "deutlich machen" in machen
    verb = next(p for p in phrases_by_head()["sein"] if p.phrase == "der Meinung sein").as_verb()
    assert verb.lemma == "der Meinung sein" and verb.dass and verb.konj1


@pytest.mark.parametrize(
    ("lemma", "infinitive"),
    [("auffordern", True), ("ankündigen", True), ("erwägen", True), ("sagen", False)],
)
def test_infinitive_complements(lemma: str, infinitive: bool) -> None:
    verb = reporting_verb(lemma)
    assert verb is not None and verb.infinitive is infinitive


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("Angaben", "Angabe"),
        ("Polizeiangaben", "Angabe"),
        ("UNHCR-Angaben", "Angabe"),
        ("Expertenmeinung", "Meinung"),
        ("Vernehmen", "Vernehmen"),
    ],
)
def test_source_nouns_and_compound_heads(word: str, lemma: str) -> None:
    noun = source_noun(word)
    assert noun is not None and noun.lemma == lemma


@pytest.mark.parametrize("word", ["Konzert", "Antworten", "Aussicht", "angaben", "Gespräch"])
def test_not_source_nouns(word: str) -> None:
    assert source_noun(word) is None


def test_postposed_source_nouns() -> None:
    ansicht = source_noun("Ansicht")
    angabe = source_noun("Angaben")
    assert ansicht is not None and ansicht.postposed
    assert angabe is not None and not angabe.postposed


def test_new_fields_are_validated(tmp_path: Path) -> None:
    verbs = tmp_path / "verbs.yaml"
    verbs.write_text(
        "version: 1\nverbs: []\nphrases:\n"
        "  - {phrase: Wert legen, head: legen, words: [Wert], medium: speech, infinitive: ja}\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match="field 'infinitive'"):
        load_reporting_phrases(verbs)
    nouns = tmp_path / "nouns.yaml"
    nouns.write_text(
        "version: 1\nnouns:\n  - {lemma: Angabe, medium: speech, source: 1}\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="field 'source'"):
        load_reporting_nouns(nouns)
