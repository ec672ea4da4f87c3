"""Konjunktiv detection on sentences written for these tests."""

from __future__ import annotations

import pytest

from zitat_rules.morph import (
    Mood,
    analyze,
    core_table,
    is_konjunktiv1,
    mood,
    mood_in_context,
    subject_from_context,
)


def _mood_of(sentence: str, word: str) -> Mood:
    words = sentence.replace(",", " ,").replace(".", " .").split()
    return mood_in_context(words, words.index(word))


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Er sagte, Russland stehe vor einer Wahl.", "stehe", Mood.SUBJ1),
        ("Sie sagt, dass es regnet.", "regnet", Mood.INDICATIVE),
        ("Der Minister beteuerte, er habe nichts gewusst.", "habe", Mood.SUBJ1),
        ("Die Lage sei ernst, so die Sprecherin.", "sei", Mood.SUBJ1),
        ("Beide Seiten erklärten, sie seien bereit.", "seien", Mood.SUBJ1),
        ("Ohne Einigung wäre ein Krieg wahrscheinlich.", "wäre", Mood.SUBJ2),
        ("Sie hätten mehr tun können.", "hätten", Mood.SUBJ2),
        ("Moskau warte auf eine Antwort, hieß es.", "warte", Mood.SUBJ1),
        ("Der Ball liege nun in Washington.", "liege", Mood.SUBJ1),
        ("Man könne nicht ewig verhandeln.", "könne", Mood.SUBJ1),
        ("Die Regierung müsse handeln.", "müsse", Mood.SUBJ1),
        ("Es gebe keinen Grund zur Sorge.", "gebe", Mood.SUBJ1),
        ("Die Gespräche werde man fortsetzen.", "werde", Mood.SUBJ1),
        ("Die Minister sagen, die Lage ist ernst.", "sagen", Mood.AMBIGUOUS),
        ("Er sagte, die Lage ist ernst.", "ist", Mood.INDICATIVE),
        ("Er sagte, die Lage ist ernst.", "sagte", Mood.INDICATIVE),
        ("Ich glaube, dass wir uns einigen.", "glaube", Mood.AMBIGUOUS),
        ("Wir seien enttäuscht, sagten sie.", "seien", Mood.SUBJ1),
        ("Er wies die Vorwürfe zurück.", "wies", Mood.INDICATIVE),
        ("Sie kündige Gegenmaßnahmen an, teilte das Amt mit.", "kündige", Mood.SUBJ1),
    ],
)
def test_mood_in_sentences(sentence: str, word: str, expected: Mood) -> None:
    assert _mood_of(sentence, word) is expected


def test_third_person_is_assumed_without_subject() -> None:
    assert mood("habe") is Mood.SUBJ1
    assert mood("habe", assume_third_person=False) is Mood.AMBIGUOUS


def test_explicit_person_overrides_default() -> None:
    assert mood("habe", person=1, number="sg") is Mood.AMBIGUOUS
    assert mood("habe", person=3, number="sg") is Mood.SUBJ1
    assert mood("sagen", person=3, number="pl") is Mood.AMBIGUOUS
    assert mood("sagt", person=3, number="sg") is Mood.INDICATIVE


@pytest.mark.parametrize("form", ["wäre", "hätte", "würde", "könnte", "käme", "gäbe", "stünde"])
def test_strong_konjunktiv2(form: str) -> None:
    assert mood(form) is Mood.SUBJ2


@pytest.mark.parametrize("form", ["sagte", "forderte", "erklärten"])
def test_weak_preterite_counts_as_indicative(form: str) -> None:
    assert mood(form) is Mood.INDICATIVE


@pytest.mark.parametrize("form", ["seist", "seiest", "habest", "stehest", "sagest"])
def test_second_person_konjunktiv1(form: str) -> None:
    assert mood(form) is Mood.SUBJ1


def test_capitalised_token_is_noun_unless_sentence_initial() -> None:
    assert mood("Sei") is Mood.UNKNOWN
    assert mood("Sei", sentence_initial=True) is Mood.SUBJ1


@pytest.mark.parametrize("form", ["Lage", "gesagt", "seine", "weitere", "und", "12", "U.S."])
def test_non_finite_or_non_verbs_are_unknown(form: str) -> None:
    assert mood(form) is Mood.UNKNOWN


def test_possessive_homograph_is_ambiguous() -> None:
    assert mood("meine") is Mood.AMBIGUOUS


def test_particle_verb_joined_form_in_verb_final_clause() -> None:
    assert mood("zurückweise") is Mood.SUBJ1
    assert "zurückweisen" in analyze("zurückweise").lemmas


def test_unseen_verb_is_analysed_on_demand() -> None:
    # not in the core table; lemma found by simplemma and checked against ablaut
    assert mood("googele") is Mood.SUBJ1 or mood("google") is Mood.SUBJ1
    assert "google" not in core_table() and mood("google") is Mood.SUBJ1
    assert mood("verbarrikadiere") is Mood.SUBJ1


def test_is_konjunktiv1() -> None:
    assert is_konjunktiv1("sei")
    assert not is_konjunktiv1("ist")
    assert not is_konjunktiv1("wäre")


def test_subject_from_context() -> None:
    assert subject_from_context(["dass", "ich", "glaube"], 2) == (1, "sg")
    assert subject_from_context(["glaube", "ich"], 0) == (1, "sg")
    assert subject_from_context(["ihr", "Land", "habe"], 2) == (None, None)
    assert subject_from_context(["sie", "seien"], 1) == (3, None)
    # "es" may be the expletive subject of a plural verb ("es seien Fortschritte nötig")
    assert subject_from_context(["es", "seien"], 1) == (3, None)


def test_konjunktiv_after_expletive_es() -> None:
    assert _mood_of("Sie sagte, es seien neue Anträge eingegangen.", "seien") is Mood.SUBJ1
    assert _mood_of("Er meinte, es gebe keinen Ausweg.", "gebe") is Mood.SUBJ1
