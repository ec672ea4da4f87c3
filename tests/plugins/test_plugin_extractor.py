"""The extractor contract: configuration validation and the defaults of the base class."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import pytest

from zitat.errors import ValidationError
from zitat.plugins import Extractor, NoConfig
from zitat.schema import Annotations, Document
from zitat.text import make_document


class Tuned(Extractor):
    name: ClassVar[str] = "tuned"

    @dataclass(frozen=True)
    class Config:
        threshold: float = 0.5
        window: int = 3
        lowercase: bool = False
        mode: Literal["fast", "exact"] = "fast"
        verbs: tuple[str, ...] = ("sagen",)
        lexicon: str | None = None
        weights: dict[str, float] = field(default_factory=dict)

    def extract(self, doc: Document) -> Annotations:
        return Annotations()


class Required(Tuned):
    name: ClassVar[str] = "required"

    @dataclass(frozen=True)
    class Config:
        model: str
        checked: int = 0

        def __post_init__(self) -> None:
            if self.checked < 0:
                raise ValueError("checked must not be negative")


def test_defaults_and_valid_options() -> None:
    extractor = Tuned(
        {
            "threshold": 1,  # an int is a fine float
            "window": 5,
            "mode": "exact",
            "verbs": ("sagen", "meinen"),
            "lexicon": "verbs.yaml",
            "weights": {"sagen": 1.0},
        }
    )
    assert extractor.config.window == 5
    assert extractor.config.mode == "exact"
    assert extractor.config_dict()["verbs"] == ("sagen", "meinen")
    assert Tuned().config == Tuned.Config()


def test_unknown_option_names_extractor_field_and_known_options() -> None:
    with pytest.raises(ValidationError) as info:
        Tuned.make_config({"treshold": 0.2})
    err = info.value
    assert err.obj == "Extractor 'tuned' config"
    assert err.field == "treshold"
    assert "unknown option; tuned takes: threshold, window" in str(err)


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("threshold", "high", "expected float"),
        ("window", 2.5, "expected int"),
        ("window", True, "expected int"),  # a bool is not a number here
        ("lowercase", 1, "expected bool"),
        ("mode", "slow", "expected Literal['fast', 'exact']"),
        ("verbs", ["sagen"], "expected tuple[str, ...]"),
        ("verbs", ("sagen", 3), "expected tuple[str, ...]"),
        ("lexicon", 3, "expected str | None"),
        ("weights", {"sagen": "viel"}, "expected dict[str, float]"),
    ],
)
def test_wrong_type_names_extractor_and_field(key: str, value: Any, expected: str) -> None:
    with pytest.raises(ValidationError) as info:
        Tuned({key: value})
    assert info.value.obj == "Extractor 'tuned' config"
    assert info.value.field == key
    assert expected in str(info.value)
    assert repr(value) in str(info.value)


def test_missing_required_option_and_post_init_errors_name_the_extractor() -> None:
    with pytest.raises(ValidationError, match=r"Extractor 'required' config: .*model"):
        Required({})
    with pytest.raises(ValidationError, match="Extractor 'required' config: checked must not"):
        Required({"model": "m", "checked": -1})
    assert Required({"model": "m"}).config.model == "m"


def test_config_must_be_a_mapping() -> None:
    with pytest.raises(ValidationError, match="expected a mapping of options, got list"):
        Tuned.make_config(["threshold"])  # type: ignore[arg-type]


def test_no_config_takes_no_options() -> None:
    class Plain(Extractor):
        name: ClassVar[str] = "plain"

        def extract(self, doc: Document) -> Annotations:
            return Annotations()

    assert Plain().config == NoConfig()
    with pytest.raises(ValidationError, match="plain takes: no options"):
        Plain({"x": 1})


def test_extract_batch_defaults_to_extract_per_document() -> None:
    calls: list[str] = []

    class Counting(Tuned):
        name: ClassVar[str] = "counting"

        def extract(self, doc: Document) -> Annotations:
            calls.append(doc.id)
            return Annotations()

    docs = [make_document("a", "Eins."), make_document("b", "Zwei.")]
    assert Counting().extract_batch(docs) == [Annotations(), Annotations()]
    assert calls == ["a", "b"]
