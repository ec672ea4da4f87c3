"""docs/annotation.md stays true: labels, options and the error it quotes come from the code."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from zitat.cli.annotate import annotate
from zitat.errors import ValidationError
from zitat.io.prodigy import EVIDENCE, SPAN_LABELS, record_to_document
from zitat.io.stance_tasks import NO_STANCE
from zitat.schema import Polarity, Role

DOC = Path(__file__).resolve().parents[2] / "docs" / "annotation.md"


@pytest.fixture(scope="module")
def text() -> str:
    return DOC.read_text(encoding="utf-8")


def _option(text: str, name: str) -> set[str]:
    match = re.search(rf"{name} ([A-Z_,]+)", text)
    assert match, name
    return set(match.group(1).split(","))


def test_rel_manual_labels_are_the_ones_zitat_writes_and_reads(text: str) -> None:
    assert "prodigy rel.manual zitat_quotes blank:de tasks.jsonl" in text
    assert _option(text, "--span-label") == SPAN_LABELS - {EVIDENCE}
    relations = {"PART", "NESTED_IN", "COREF", *(r.value.upper() for r in Role)}
    assert _option(text, "--label") == relations


def test_choice_options_are_named(text: str) -> None:
    assert "prodigy mark zitat_stances tasks.stances.jsonl --view-id choice" in text
    for option in (*(p.value for p in Polarity), NO_STANCE):
        assert f"`{option}`" in text


def test_every_command_option_is_documented(text: str) -> None:
    for command in annotate.commands.values():
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert any(o in text for o in param.opts), (command.name, param.opts)


def test_the_quoted_error_is_what_zitat_says(text: str) -> None:
    record = {
        "text": "Er sagte: Ja.",
        "spans": [
            {"start": 0, "end": 2, "label": "SPEAKER"},
            {"start": 10, "end": 13, "label": "INDIRECT"},
        ],
        "relations": [
            {
                "head_span": {"start": 10, "end": 13, "label": "INDIRECT"},
                "child_span": {"start": 0, "end": 2, "label": "SPEAKER"},
                "label": "SAYS",
            }
        ],
    }
    with pytest.raises(ValidationError) as info:
        record_to_document(record)
    message = str(info.value.located("quotes.db.jsonl", 4))
    assert f"invalid quotes.db.jsonl:4 (bob): {message}" in text
