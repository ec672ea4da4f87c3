"""The packaged data files load, and malformed data gives clear errors."""

from __future__ import annotations

import pytest
from zitat.schema import Polarity

from zitat_stance.hints import builtin_hint_files, load_hints, parse_hints
from zitat_stance.lexicon import LexiconError, cue_lexicon, parse_lexicon


def test_lexicon_merges_reporting_verbs() -> None:
    lexicon = cue_lexicon()
    assert lexicon.polarity("warnen") is Polarity.AGAINST
    assert lexicon.polarity("fordern") is Polarity.FAVOR
    assert lexicon.polarity("zurückweisen") is Polarity.AGAINST
    assert lexicon.polarity("begrüßen") is Polarity.FAVOR
    assert "nicht" in lexicon.negators


def test_builtin_hints_load() -> None:
    files = builtin_hint_files()
    assert files
    for path in files:
        assert load_hints(path)


def test_bad_lexicon_is_rejected() -> None:
    with pytest.raises(LexiconError, match="unknown keys"):
        parse_lexicon({"favour": ["gut"]})
    with pytest.raises(LexiconError, match="phrases"):
        parse_lexicon({"phrases": [{"text": "nicht gut"}]})


def test_bad_hints_are_rejected() -> None:
    with pytest.raises(LexiconError, match="targets"):
        parse_hints({"x": 1})
    with pytest.raises(LexiconError, match=r"targets\.t"):
        parse_hints({"targets": {"t": {"terms": "Dialog"}}})


def test_verb_phrases_and_metonyms_load() -> None:
    lexicon = cue_lexicon()
    assert lexicon.verb_phrases["setzen"]["auf"] is Polarity.FAVOR
    assert lexicon.verb_phrases["warnen"]["vor"] is Polarity.AGAINST
    assert "kiew" in lexicon.metonyms["ukraine"]
    parsed = parse_lexicon(
        {"verb_phrases": {"favor": ["pochen auf"]}, "metonyms": {"Polen": ["Warschau"]}}
    )
    assert parsed.verb_phrases == {"pochen": {"auf": Polarity.FAVOR}}
    assert parsed.metonyms == {"polen": frozenset({"warschau"})}


def test_bad_verb_phrases_and_metonyms_are_rejected() -> None:
    with pytest.raises(LexiconError, match="not 'verb preposition'"):
        parse_lexicon({"verb_phrases": {"favor": ["setzen"]}})
    with pytest.raises(LexiconError, match="verb_phrases"):
        parse_lexicon({"verb_phrases": {"neutral": ["reden über"]}})
    with pytest.raises(LexiconError, match="metonyms"):
        parse_lexicon({"metonyms": ["Kiew"]})
