"""The polarity cue lexicon (``data/cues.yaml``) merged with zitat-rules' reporting-verb stances."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from zitat.schema import Polarity
from zitat_rules.lexicon import Stance, reporting_verbs

__all__ = ["CueLexicon", "LexiconError", "cue_lexicon", "parse_lexicon"]

_WORD_LISTS = (
    "favor",
    "against",
    "neutral",
    "negators",
    "intent",
    "conditionals",
    "threats",
    "concessives",
    "auxiliaries",
    "setting",
    "complement_nouns",
    "classifying",
    "contrastives",
    "possessives",
    "manner",
    "hypothetical",
)


class LexiconError(ValueError):
    """A cue lexicon file is malformed."""


@dataclass(frozen=True)
class CueLexicon:
    """Cue words (lemmas, lower-cased) by role, and multi-word phrases with a polarity."""

    favor: frozenset[str]
    against: frozenset[str]
    neutral: frozenset[str]
    negators: frozenset[str]
    intent: frozenset[str]
    conditionals: frozenset[str]
    threats: frozenset[str]
    concessives: frozenset[str]
    auxiliaries: frozenset[str]
    setting: frozenset[str]
    complement_nouns: frozenset[str]
    classifying: frozenset[str]
    contrastives: frozenset[str]
    possessives: frozenset[str]
    manner: frozenset[str]
    hypothetical: frozenset[str]
    phrases: tuple[tuple[tuple[str, ...], Polarity], ...]
    verb_phrases: dict[str, dict[str, Polarity]] = field(default_factory=dict)
    metonyms: dict[str, frozenset[str]] = field(default_factory=dict)

    def polarity(self, form: str) -> Polarity | None:
        """The polarity a single cue word carries, or None."""
        if form in self.favor:
            return Polarity.FAVOR
        if form in self.against:
            return Polarity.AGAINST
        if form in self.neutral:
            return Polarity.NEUTRAL
        return None

    def with_verbs(self, favor: set[str], against: set[str]) -> CueLexicon:
        """A copy with more favor/against verbs (words already listed keep their role)."""
        listed = self.favor | self.against | self.neutral
        return replace(
            self, favor=self.favor | (favor - listed), against=self.against | (against - listed)
        )


def _words(data: dict[str, Any], key: str, source: str) -> frozenset[str]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
        raise LexiconError(f"{source}: '{key}' must be a list of non-empty strings")
    return frozenset(x.strip().lower() for x in items)


def parse_lexicon(data: Any, *, source: str = "<data>") -> CueLexicon:
    """Build a :class:`CueLexicon` from parsed YAML, checking every field."""
    if not isinstance(data, dict):
        raise LexiconError(f"{source}: expected a mapping at the top level")
    unknown = set(data) - {*_WORD_LISTS, "phrases", "verb_phrases", "metonyms", "version"}
    if unknown:
        raise LexiconError(f"{source}: unknown keys {sorted(unknown)}")
    words = {key: _words(data, key, source) for key in _WORD_LISTS}
    phrases = []
    for i, item in enumerate(data.get("phrases", [])):
        if not isinstance(item, dict) or set(item) != {"text", "polarity"}:
            raise LexiconError(f"{source}: phrases[{i}] needs exactly 'text' and 'polarity'")
        try:
            polarity = Polarity(item["polarity"])
        except ValueError:
            raise LexiconError(f"{source}: phrases[{i}]: unknown polarity") from None
        phrases.append((tuple(str(item["text"]).lower().split()), polarity))
    return CueLexicon(
        **words,
        phrases=tuple(phrases),
        verb_phrases=_verb_phrases(data, source),
        metonyms=_metonyms(data, source),
    )


def _metonyms(data: dict[str, Any], source: str) -> dict[str, frozenset[str]]:
    """``{"ukraine": ["kiew", ...]}``: lower-cased place name -> its other names."""
    items = data.get("metonyms", {})
    if not isinstance(items, dict):
        raise LexiconError(f"{source}: 'metonyms' maps a name to a list of names")
    return {
        str(name).lower(): _words({"m": names}, "m", f"{source}: metonyms.{name}")
        for name, names in items.items()
    }


def _verb_phrases(data: dict[str, Any], source: str) -> dict[str, dict[str, Polarity]]:
    """``{"favor": ["setzen auf", ...], "against": [...]}`` as verb lemma -> preposition ->
    polarity."""
    items = data.get("verb_phrases", {})
    if not isinstance(items, dict) or set(items) - {"favor", "against"}:
        raise LexiconError(f"{source}: 'verb_phrases' maps 'favor'/'against' to lists")
    out: dict[str, dict[str, Polarity]] = {}
    for polarity, phrases in items.items():
        for phrase in _words({"p": phrases}, "p", f"{source}: verb_phrases.{polarity}"):
            parts = phrase.split()
            if len(parts) != 2:
                raise LexiconError(
                    f"{source}: verb_phrases.{polarity}: {phrase!r} is not 'verb preposition'"
                )
            out.setdefault(parts[0], {})[parts[1]] = Polarity(polarity)
    return out


def _reporting_verb_stances() -> tuple[set[str], set[str]]:
    """Lemmas of zitat-rules' reporting verbs marked ``stance: favor`` / ``against``."""
    favor = {v.lemma for v in reporting_verbs() if v.stance is Stance.FAVOR}
    against = {v.lemma for v in reporting_verbs() if v.stance is Stance.AGAINST}
    return favor, against


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The packaged lexicon plus the reporting-verb stances of zitat-rules (cached)."""
    path = resources.files(__package__).joinpath("data", "cues.yaml")
    lexicon = parse_lexicon(yaml.safe_load(path.read_text("utf-8")), source="cues.yaml")
    return lexicon.with_verbs(*_reporting_verb_stances())
