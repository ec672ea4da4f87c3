"""Typed, validated and cached loading of the YAML lexicon files shipped with the package.

Every entry is checked on the way in (known keys, types, enum values, particle is a prefix of
the lemma, no duplicate lemma); a bad entry raises :class:`LexiconError` naming the file, the
entry index and its lemma/form, and the offending field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .model import (
    LexiconError,
    Marker,
    MarkerKind,
    Medium,
    ReportingNoun,
    ReportingPhrase,
    ReportingVerb,
    Stance,
)

__all__ = [
    "load_markers",
    "load_reporting_nouns",
    "load_reporting_phrases",
    "load_reporting_verbs",
]

_E = TypeVar("_E", bound=Enum)
_T = TypeVar("_T")

_VERB_KEYS = {
    "lemma",
    "particle",
    "medium",
    "dass",
    "konj1",
    "prep",
    "stance",
    "reflexive",
    "infinitive",
}
_PHRASE_KEYS = {
    "phrase",
    "head",
    "words",
    "medium",
    "dass",
    "konj1",
    "prep",
    "stance",
    "infinitive",
}
_NOUN_KEYS = {"lemma", "forms", "medium", "frames", "stance", "source", "postposed"}
_MARKER_KEYS = {"form", "kind", "position", "role", "quote_position", "example"}


class _Entry:
    """Field access on one YAML mapping with errors that name file, entry and field."""

    def __init__(self, source: str, section: str, index: int, raw: Any, keys: set[str]) -> None:
        if not isinstance(raw, dict):
            raise LexiconError(f"{source}: {section}[{index}]: expected a mapping, got {raw!r}")
        label = raw.get("lemma") or raw.get("phrase") or raw.get("form")
        self.where = f"{source}: {section}[{index}] ({label!r})"
        unknown = set(raw) - keys
        if unknown:
            raise LexiconError(f"{self.where}: unknown field(s) {sorted(unknown)}")
        self.raw: dict[str, Any] = raw

    def fail(self, field: str, message: str) -> LexiconError:
        return LexiconError(f"{self.where}: field {field!r}: {message}")

    def text(self, field: str, *, required: bool = True) -> str | None:
        value = self.raw.get(field)
        if value is None:
            if required:
                raise self.fail(field, "is required")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, f"must be a non-empty string, got {value!r}")
        return value

    def flag(self, field: str) -> bool:
        value = self.raw.get(field, False)
        if not isinstance(value, bool):
            raise self.fail(field, f"must be true or false, got {value!r}")
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        value = self.raw.get(field) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(field, f"must be a list of non-empty strings, got {value!r}")
        return tuple(value)

    def enum(self, field: str, kind: type[_E], *, required: bool = True) -> _E | None:
        value = self.raw.get(field)
        if value is None:
            if required:
                raise self.fail(field, "is required")
            return None
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in kind)
            raise self.fail(field, f"{value!r} is not one of: {allowed}") from None

    def choice(self, field: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.raw.get(field, default)
        if value not in allowed:
            raise self.fail(field, f"{value!r} is not one of: {', '.join(allowed)}")
        return str(value)


def _read(path: Path | None, default_name: str) -> tuple[str, Mapping[str, Any]]:
    """Read one YAML file (the packaged one unless ``path`` is given)."""
    if path is None:
        resource = resources.files(__package__).joinpath(default_name)
        source, text = default_name, resource.read_text("utf-8")
    else:
        source = str(path)
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise LexiconError(f"{source}: cannot read lexicon file: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{source}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"{source}: expected a mapping at the top level")
    if data.get("version") != 1:
        raise LexiconError(f"{source}: field 'version': expected 1, got {data.get('version')!r}")
    return source, data


def _entries(
    source: str,
    data: Mapping[str, Any],
    section: str,
    keys: set[str],
    build: Callable[[_Entry], _T],
    key: Callable[[_T], str],
) -> tuple[_T, ...]:
    raw = data.get(section)
    if not isinstance(raw, list):
        raise LexiconError(f"{source}: section {section!r} must be a list")
    out: dict[str, _T] = {}
    for index, item in enumerate(raw):
        entry = _Entry(source, section, index, item, keys)
        value = build(entry)
        name = key(value)
        if name in out:
            raise LexiconError(f"{entry.where}: duplicate entry {name!r}")
        out[name] = value
    return tuple(out.values())


def _verb(e: _Entry) -> ReportingVerb:
    lemma = e.text("lemma")
    assert lemma is not None
    if not lemma.isalpha() or not lemma.islower():
        raise e.fail("lemma", f"must be one lower-case word, got {lemma!r}")
    particle = e.text("particle", required=False)
    if particle is not None and (not lemma.startswith(particle) or lemma == particle):
        raise e.fail("particle", f"{particle!r} is not a proper prefix of {lemma!r}")
    medium = e.enum("medium", Medium)
    assert medium is not None
    return ReportingVerb(
        lemma=lemma,
        medium=medium,
        particle=particle,
        dass=e.flag("dass"),
        konj1=e.flag("konj1"),
        prep=e.texts("prep"),
        stance=e.enum("stance", Stance, required=False),
        reflexive=e.flag("reflexive"),
        infinitive=e.flag("infinitive"),
    )


def _phrase(e: _Entry) -> ReportingPhrase:
    phrase, head = e.text("phrase"), e.text("head")
    assert phrase is not None and head is not None
    words = e.texts("words")
    if not words:
        raise e.fail("words", "must name at least one word besides the head")
    medium = e.enum("medium", Medium)
    assert medium is not None
    return ReportingPhrase(
        phrase=phrase,
        head=head,
        words=words,
        medium=medium,
        dass=e.flag("dass"),
        konj1=e.flag("konj1"),
        prep=e.texts("prep"),
        stance=e.enum("stance", Stance, required=False),
        infinitive=e.flag("infinitive"),
    )


def _noun(e: _Entry) -> ReportingNoun:
    lemma = e.text("lemma")
    assert lemma is not None
    if not lemma[0].isupper():
        raise e.fail("lemma", f"a noun lemma is capitalised, got {lemma!r}")
    medium = e.enum("medium", Medium)
    assert medium is not None
    return ReportingNoun(
        lemma=lemma,
        medium=medium,
        forms=e.texts("forms"),
        frames=e.texts("frames"),
        stance=e.enum("stance", Stance, required=False),
        source=e.flag("source"),
        postposed=e.flag("postposed"),
    )


def _marker(e: _Entry) -> Marker:
    form = e.text("form")
    kind = e.enum("kind", MarkerKind)
    assert form is not None and kind is not None
    return Marker(
        form=form,
        kind=kind,
        position=e.choice("position", ("pre", "post", "any"), "pre"),
        role=e.choice("role", ("cue", "frame", "addressee"), "cue"),
        quote_position=e.choice("quote_position", ("before", "after", "around"), "around"),
        example=e.text("example", required=False),
    )


def _load(
    path: Path | None,
    default_name: str,
    section: str,
    keys: set[str],
    build: Callable[[_Entry], _T],
    key: Callable[[_T], str],
    *,
    optional: bool = False,
) -> tuple[_T, ...]:
    """The validated entries of one section of a lexicon file (``()`` if optional and absent)."""
    source, data = _read(path, default_name)
    if optional and section not in data:
        return ()
    return _entries(source, data, section, keys, build, key)


@lru_cache(maxsize=8)
def load_reporting_verbs(path: Path | None = None) -> tuple[ReportingVerb, ...]:
    """Reporting verbs from ``path`` (default: the packaged reporting_verbs.yaml)."""
    return _load(path, "reporting_verbs.yaml", "verbs", _VERB_KEYS, _verb, lambda v: v.lemma)


@lru_cache(maxsize=8)
def load_reporting_phrases(path: Path | None = None) -> tuple[ReportingPhrase, ...]:
    """Multi-word reporting expressions (section ``phrases`` of reporting_verbs.yaml)."""
    return _load(
        path,
        "reporting_verbs.yaml",
        "phrases",
        _PHRASE_KEYS,
        _phrase,
        lambda p: p.phrase,
        optional=True,
    )


@lru_cache(maxsize=8)
def load_reporting_nouns(path: Path | None = None) -> tuple[ReportingNoun, ...]:
    """Reporting nouns from ``path`` (default: the packaged reporting_nouns.yaml)."""
    return _load(path, "reporting_nouns.yaml", "nouns", _NOUN_KEYS, _noun, lambda n: n.lemma)


@lru_cache(maxsize=8)
def load_markers(path: Path | None = None) -> tuple[Marker, ...]:
    """Quote-framing markers from ``path`` (default: the packaged markers.yaml)."""
    return _load(path, "markers.yaml", "markers", _MARKER_KEYS, _marker, lambda m: m.form)
