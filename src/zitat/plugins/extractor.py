"""The extractor contract every plugin implements."""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from zitat.errors import ValidationError
from zitat.schema import Annotations, Document, Task

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

    @classmethod
    def make_config(cls, config: Mapping[str, Any] | None) -> Any:
        """Validate ``config`` against :attr:`Config`; unknown or ill-typed options raise."""
        options = dict(config or {})
        known = {f.name: f for f in dataclasses.fields(cls.Config)}
        for key, value in options.items():
            if key not in known:
                raise ValidationError(
                    f"unknown option; {cls.name} takes: {', '.join(known) or 'no options'}",
                    obj=f"Extractor {cls.name!r} config",
                    field=key,
                )
            expected = known[key].type
            default = known[key].default
            if (
                default is not dataclasses.MISSING
                and default is not None
                and not isinstance(value, type(default))
                and not (isinstance(default, float) and isinstance(value, int))
            ):
                raise ValidationError(
                    f"expected {type(default).__name__} ({expected}), got {value!r}",
                    obj=f"Extractor {cls.name!r} config",
                    field=key,
                )
        try:
            return cls.Config(**options)
        except (TypeError, ValueError) as err:
            raise ValidationError(str(err), obj=f"Extractor {cls.name!r} config") from None

    @abstractmethod
    def extract(self, doc: Document) -> Annotations:
        """Annotate one document. ``doc`` has tokens and sentences filled in."""

    def extract_batch(self, docs: Sequence[Document]) -> list[Annotations]:
        """Annotate several documents; the result must equal calling :meth:`extract` on each."""
        return [self.extract(doc) for doc in docs]

    def config_dict(self) -> dict[str, Any]:
        """The effective configuration, for result files."""
        return dataclasses.asdict(self.config)
