"""Which extractor to run, in a form every worker can rebuild it from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from zitat.errors import ZitatError
from zitat.plugins.extractor import Extractor
from zitat.schema import TargetInventory

if TYPE_CHECKING:
    from zitat.plugins.manager import Plugins

__all__ = ["ExtractorSpec", "resolve_extractor"]


@dataclass(frozen=True)
class ExtractorSpec:
    """An extractor class with its configuration (or a ready instance), picklable.

    :meth:`build` is called once per worker: in a forked worker, a Ray actor, or here.
    """

    name: str
    cls: type[Extractor] | None = None
    config: Mapping[str, Any] | None = None
    targets: TargetInventory | None = None
    instance: Extractor | None = field(default=None, compare=False)

    def build(self) -> Extractor:
        """A ready extractor (the instance itself when one was given)."""
        if self.instance is not None:
            return self.instance
        assert self.cls is not None
        extractor = self.cls(self.config)
        extractor.use_targets(self.targets)
        return extractor


def resolve_extractor(
    extractor: str | type[Extractor] | Extractor,
    *,
    config: Mapping[str, Any] | None = None,
    targets: TargetInventory | None = None,
    plugins: Plugins | None = None,
) -> ExtractorSpec:
    """An :class:`ExtractorSpec` for a name (looked up among the plugins), a class or an instance.

    The configuration is validated now. Raises KeyError listing the installed extractors
    for an unknown name, and :class:`~zitat.errors.ValidationError` for a bad configuration.
    """
    if isinstance(extractor, Extractor):
        if config is not None:
            raise ZitatError("configure an extractor given by name or class, not an instance")
        if targets is not None:
            extractor.use_targets(targets)
        return ExtractorSpec(extractor.name, instance=extractor)
    if isinstance(extractor, str):
        if plugins is None:
            from zitat.plugins.manager import Plugins

            plugins = Plugins()
        cls = plugins.extractor(extractor)
    elif isinstance(extractor, type) and issubclass(extractor, Extractor):
        cls = extractor
    else:
        raise ZitatError(
            f"expected an extractor name, class or instance, got {type(extractor).__name__}"
        )
    cls.make_config(config)
    return ExtractorSpec(cls.name, cls, dict(config) if config else None, targets)
