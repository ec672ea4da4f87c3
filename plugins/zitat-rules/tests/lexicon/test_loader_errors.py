"""Bad lexicon files fail loudly, naming file, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from zitat_rules.lexicon import (
    LexiconError,
    load_markers,
    load_reporting_nouns,
    load_reporting_verbs,
)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "verbs.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_good_custom_file_loads(tmp_path: Path) -> None:
    body = _V + "  - {lemma: ansagen, particle: an, medium: speech}\n"
    path = _write(tmp_path, body)
    (verb,) = load_reporting_verbs(path)
    assert verb.lemma == "ansagen" and verb.base == "sagen" and verb.dass is False


_V = "version: 1\nverbs:\n"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (_V + "  - {lemma: sagen, medium: loud}\n", "verbs[0] ('sagen'): field 'medium'"),
        (_V + "  - {lemma: sagen}\n", "field 'medium': is required"),
        (_V + "  - {lemma: ansagen, particle: ab, medium: speech}\n", "field 'particle'"),
        (_V + "  - {lemma: sagen, medium: speech, dass: ja}\n", "field 'dass'"),
        (_V + "  - {lemma: sagen, medium: speech, colour: red}\n", "unknown field"),
        (_V + "  - {lemma: Sagen, medium: speech}\n", "field 'lemma'"),
        (
            _V + "  - {lemma: sagen, medium: speech}\n  - {lemma: sagen, medium: speech}\n",
            "verbs[1] ('sagen'): duplicate",
        ),
        (_V + "  - {lemma: sagen, medium: speech, stance: maybe}\n", "field 'stance'"),
        (_V + "  - sagen\n", "verbs[0]: expected a mapping"),
        ("version: 2\nverbs: []\n", "field 'version'"),
        ("version: 1\nverbs: {sagen: 1}\n", "section 'verbs' must be a list"),
        ("version: 1\nverbs: [\n", "invalid YAML"),
    ],
)
def test_bad_verb_files(tmp_path: Path, body: str, fragment: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(LexiconError) as info:
        load_reporting_verbs(path)
    assert str(path) in str(info.value)
    assert fragment in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_reporting_verbs(tmp_path / "nope.yaml")


def test_bad_noun_and_marker(tmp_path: Path) -> None:
    nouns = _write(tmp_path, "version: 1\nnouns:\n  - {lemma: angabe, medium: speech}\n")
    with pytest.raises(LexiconError, match=r"nouns\[0\] \('angabe'\): field 'lemma'"):
        load_reporting_nouns(nouns)
    marks = tmp_path / "m.yaml"
    marks.write_text(
        "version: 1\nmarkers:\n  - {form: laut, kind: source_preposition, position: middle}\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match="field 'position'"):
        load_markers(marks)


def test_packaged_files_are_valid() -> None:
    assert len(load_reporting_verbs()) >= 200
    assert len(load_reporting_nouns()) >= 40
    assert len(load_markers()) >= 30
