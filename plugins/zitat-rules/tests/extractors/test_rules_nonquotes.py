"""Non-quote rules: titles, scare quotes, photo credits; each can be switched off."""

from __future__ import annotations

from rules_helpers import run


def test_newspaper_title_is_no_quote() -> None:
    text = "Das berichtete die Zeitung „Morgenblatt“ am Dienstag."
    assert run(text, direct_only=True).quotes == ()
    # the title rule alone rejects it; with every filter off the region is a quote
    assert run(text, direct_only=True, reject_scare_quotes=False).quotes == ()
    assert (
        len(run(text, direct_only=True, reject_titles=False, reject_scare_quotes=False).quotes) == 1
    )


def test_title_rule_can_be_switched_off() -> None:
    text = "Das Gutachten trägt den Titel „Morgenblatt“ und ist lang."
    assert run(text, direct_only=True).quotes == ()
    assert (
        len(run(text, direct_only=True, reject_titles=False, reject_scare_quotes=False).quotes) == 1
    )


def test_scare_quotes_without_cue_are_rejected() -> None:
    text = "Die sogenannte „Reform“ gilt als gescheitert."
    assert run(text, direct_only=True).quotes == ()
    assert len(run(text, direct_only=True, reject_scare_quotes=False).quotes) == 1


def test_photo_credit_is_no_quote() -> None:
    text = "© „Studio Nord“ 2021"
    assert run(text, direct_only=True).quotes == ()
    assert len(run(text, direct_only=True, reject_credits=False).quotes) == 1
