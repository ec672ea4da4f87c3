"""Verb lemmas: simplemma answers checked against ablaut, and the fallback."""

from __future__ import annotations

import pytest

from zitat_rules.morph import candidate_infinitives, finite_forms, verb_lemma
from zitat_rules.morph.paradigm import VerbMood


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("kündigte", "kündigen"),
        ("sagte", "sagen"),
        ("warte", "warten"),
        ("habe", "haben"),
        ("sei", "sein"),
        ("stehe", "stehen"),
        ("werde", "werden"),
        ("wies", "weisen"),
        ("erwarte", "erwarten"),
        ("liege", "liegen"),
        ("stünde", "stehen"),
        ("zurückweise", "zurückweisen"),
    ],
)
def test_simplemma_lemmas_are_verified(form: str, lemma: str) -> None:
    assert verb_lemma(form) == lemma


def test_fallback_repairs_wrong_simplemma_lemma() -> None:
    # simplemma 2.0 returns the adjective stem "äußer" for "äußere"
    assert verb_lemma("äußere") == "äußern"


@pytest.mark.parametrize("form", ["xyzzyt", "seine", "lage", "gesagte", "Haus"])
def test_no_lemma_for_non_verbs(form: str) -> None:
    assert verb_lemma(form) is None


def test_candidate_infinitives_strip_endings() -> None:
    assert "äußern" in candidate_infinitives("äußere")
    assert "sagen" in candidate_infinitives("sagtest")


def test_finite_forms_of_particle_verb_have_split_and_joined_forms() -> None:
    forms = finite_forms("ankündigen")
    assert "kündige" in forms and "ankündige" in forms
    assert {r.mood for r in forms["kündige"]} == {VerbMood.INDICATIVE, VerbMood.SUBJ1}


def test_finite_forms_rejects_non_infinitive() -> None:
    assert len(finite_forms("Haus")) == 0
