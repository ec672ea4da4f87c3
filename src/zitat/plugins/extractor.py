"""The extractor contract every plugin implements."""

from __future__ import annotations

import dataclasses
import types
import typing
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from zitat.errors import ValidationError
from zitat.schema import Annotations, Document, TargetInventory, Task

__all__ = ["Extractor", "NoConfig", "Resources"]


@dataclass(frozen=True)
class NoConfig:
    """The configuration of an extractor that takes no options."""


@dataclass(frozen=True)
class Resources:
    """What an extractor needs to run, so a harness can plan and users can choose.

    ``memory_mb``: rough peak memory; ``gpu``: needs a GPU; ``models``: files or packages it
    loads (never downloaded at run time); ``network``: reaches the network (zitat's own
    extractors never do).
    """

    memory_mb: int | None = None
    gpu: bool = False
    models: tuple[str, ...] = ()
    network: bool = False


class Extractor(ABC):
    """Finds quotations, speakers and/or stances in a document.

    Subclasses set the class attributes and implement :meth:`extract`. Output must be
    deterministic: the same document and configuration always give the same annotations.

    Class attributes:
        name: unique, lowercase, used on the command line (``--extractor NAME``).
        version: the extractor's own version; results record it.
        tasks: which of ``quotes``, ``speakers``, ``stances`` it does.
        description: one line for ``zitat plugins``.
        resources: what it needs (see :class:`Resources`).
        Config: a frozen dataclass of options; ``Extractor(config)`` validates against it.
    """

    name: ClassVar[str]
    version: ClassVar[str] = "0.0.0"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES})
    description: ClassVar[str] = ""
    resources: ClassVar[Resources] = Resources()
    Config: ClassVar[type[Any]] = NoConfig

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        self.config = self.make_config(config)
        self.targets: TargetInventory | None = None

    @classmethod
    def unavailable(cls) -> str | None:
        """Why the extractor cannot run with its default configuration, or None if it can.

        An extractor that needs something the user must provide (a trained model, say)
        returns a sentence saying what. ``zitat bench run`` without ``--extractor`` skips
        such extractors and says why; naming one explicitly runs it anyway (with a config).
        """
        return None

    def use_targets(self, targets: TargetInventory | None) -> None:
        """Receive the stance target inventory of the corpus before extracting.

        The harness calls this with the gold set's inventory; stance extractors use
        ``self.targets``, others can ignore it.
        """
        self.targets = targets

    @classmethod
    def make_config(cls, config: Mapping[str, Any] | None) -> Any:
        """Validate ``config`` against :attr:`Config`; unknown or ill-typed options raise.

        Errors are :class:`~zitat.errors.ValidationError` naming the extractor and the option.
        """
        where = f"Extractor {getattr(cls, 'name', cls.__name__)!r} config"
        if config is not None and not isinstance(config, Mapping):
            raise ValidationError(
                f"expected a mapping of options, got {type(config).__name__}", obj=where
            )
        if not dataclasses.is_dataclass(cls.Config):
            raise ValidationError(f"{cls.__name__}.Config is not a dataclass", obj=where)
        options = dict(config or {})
        known = {f.name: f for f in dataclasses.fields(cls.Config)}
        hints = _type_hints(cls.Config)
        for key, value in options.items():
            if key not in known:
                raise ValidationError(
                    f"unknown option; {cls.name} takes: {', '.join(known) or 'no options'}",
                    obj=where,
                    field=key,
                )
            expected = hints.get(key, known[key].type)
            if not _conforms(value, expected, known[key].default):
                raise ValidationError(
                    f"expected {_type_name(expected)}, got {value!r}", obj=where, field=key
                )
        try:
            return cls.Config(**options)
        except ValidationError as err:
            raise err.inside(where) from None
        except (TypeError, ValueError) as err:
            raise ValidationError(str(err), obj=where) from None

    @abstractmethod
    def extract(self, doc: Document) -> Annotations:
        """Annotate one document. ``doc`` has tokens and sentences filled in."""

    def extract_batch(self, docs: Sequence[Document]) -> list[Annotations]:
        """Annotate several documents; the result must equal calling :meth:`extract` on each."""
        return [self.extract(doc) for doc in docs]

    def extract_stances(self, doc: Document, annotations: Annotations) -> Annotations:
        """Stances for quotes that are given (the harness's "gold quotes" setting).

        ``annotations`` holds the gold quotes and entities without stances; return them with
        stances added. Only extractors whose tasks include ``stances`` need to override this.
        """
        raise NotImplementedError(f"{self.name} does not take given quotes")

    def config_dict(self) -> dict[str, Any]:
        """The effective configuration, for result files."""
        return dataclasses.asdict(self.config)


def _type_hints(config_cls: type[Any]) -> dict[str, Any]:
    try:
        return typing.get_type_hints(config_cls)
    except Exception:  # an annotation that cannot be resolved: fall back to defaults
        return {}


def _conforms(value: Any, hint: Any, default: Any) -> bool:
    """True if ``value`` fits the annotation ``hint`` (or, unresolved, the default's type)."""
    if isinstance(hint, str):  # unresolved annotation: judge by the default
        if default is dataclasses.MISSING or default is None:
            return True
        return _conforms(value, type(default), dataclasses.MISSING)
    if hint is Any or hint is object:
        return True
    if hint is None or hint is type(None):
        return value is None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Literal:
        return any(value == a and type(value) is type(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, a, dataclasses.MISSING) for a in args)
    if origin is not None:
        if not isinstance(origin, type) or not isinstance(value, origin):
            return False
        value = typing.cast(Any, value)
        if origin is tuple and args and args[-1] is not Ellipsis:
            return len(value) == len(args) and all(
                _conforms(v, a, dataclasses.MISSING) for v, a in zip(value, args, strict=True)
            )
        if origin in (tuple, list, set, frozenset) and args:
            return all(_conforms(v, args[0], dataclasses.MISSING) for v in value)
        if origin is dict and len(args) == 2:
            return all(
                _conforms(k, args[0], dataclasses.MISSING)
                and _conforms(v, args[1], dataclasses.MISSING)
                for k, v in value.items()
            )
        return True
    if not isinstance(hint, type):
        return True  # a typing construct we do not check (TypeVar, NewType, ...)
    if isinstance(value, bool) and hint is not bool:
        return False  # True is an int to Python, not to a config
    if hint is float:
        return isinstance(value, int | float)
    return isinstance(value, hint)


def _type_name(hint: Any) -> str:
    if isinstance(hint, type):
        return hint.__name__
    return str(hint).replace("typing.", "")
