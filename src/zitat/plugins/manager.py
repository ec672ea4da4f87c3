"""A typed facade around pluggy's PluginManager with guarded loading and calling."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import os
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from importlib.metadata import EntryPoint, entry_points
from types import ModuleType
from typing import Any, TypeVar, cast

import pluggy

from zitat.errors import PluginError
from zitat.plugins import hookspecs
from zitat.plugins.components import Format, GoldSet, Metric
from zitat.plugins.extractor import Extractor
from zitat.schema import Task

__all__ = ["ENTRY_POINT_GROUP", "PluginFailure", "PluginInfo", "Plugins"]

ENTRY_POINT_GROUP = "zitat"
BUILTIN_MODULES: tuple[tuple[str, str], ...] = (
    ("builtins", "zitat.builtins"),
    ("wikinews", "zitat.wikinews_plugin"),
)
T = TypeVar("T")


@dataclass(frozen=True)
class PluginFailure:
    """A plugin that failed: where (``load``, a hook name, an extractor) and with what error."""

    plugin: str
    stage: str
    error: str
    traceback: str = ""

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} failed in {self.stage}: {self.error}"


@dataclass
class PluginInfo:
    """What ``zitat plugins`` shows about one plugin."""

    name: str
    distribution: str | None
    version: str | None
    hooks: list[str] = field(default_factory=list)
    extractors: dict[str, list[str]] = field(default_factory=dict)
    builtin: bool = False


def _names(value: str | None) -> set[str] | None:
    if value is None:
        return None
    return {n.strip() for n in value.split(",") if n.strip()}


class Plugins:
    """Discovers, registers and calls zitat plugins without letting one break the rest.

    Args:
        only: load only these entry-point plugins (default: ``$ZITAT_PLUGINS``, comma
            separated; unset means all). Built-in plugins always load unless blocked.
        block: never load these (default: ``$ZITAT_DISABLE_PLUGINS``).
        strict: raise :class:`~zitat.errors.PluginError` on the first plugin failure instead
            of recording it (default: ``$ZITAT_STRICT`` set to ``1``/``true``).
        discover: look up the ``zitat`` entry-point group (turn off in tests).
    """

    def __init__(
        self,
        *,
        only: Iterable[str] | None = None,
        block: Iterable[str] | None = None,
        strict: bool | None = None,
        discover: bool = True,
    ) -> None:
        self.only = set(only) if only is not None else _names(os.environ.get("ZITAT_PLUGINS"))
        self.block = (
            set(block)
            if block is not None
            else _names(os.environ.get("ZITAT_DISABLE_PLUGINS")) or set()
        )
        if strict is None:
            strict = os.environ.get("ZITAT_STRICT", "").lower() in {"1", "true", "yes"}
        self.strict = strict
        self.failures: list[PluginFailure] = []
        self._pm = pluggy.PluginManager("zitat")
        self._pm.add_hookspecs(hookspecs)
        self._info: dict[str, PluginInfo] = {}
        for name, module in BUILTIN_MODULES:
            if name not in self.block:
                self._load(name, partial(importlib.import_module, module), builtin=True)
        if discover:
            for ep in entry_points(group=ENTRY_POINT_GROUP):
                if ep.name in self.block or (self.only is not None and ep.name not in self.only):
                    continue
                self._load(ep.name, ep.load, entry_point=ep)
        self._extractor_cache: dict[str, type[Extractor]] | None = None

    # -- loading -----------------------------------------------------------------------------

    def fail(self, plugin: str, stage: str, err: BaseException) -> None:
        """Record a failure (or raise it in strict mode)."""
        failure = PluginFailure(
            plugin,
            stage,
            f"{type(err).__name__}: {err}",
            "".join(traceback.format_exception(err)),
        )
        if self.strict:
            raise PluginError(str(failure)) from err
        if not any(
            (f.plugin, f.stage, f.error) == (plugin, stage, failure.error) for f in self.failures
        ):
            self.failures.append(failure)

    def _load(
        self,
        name: str,
        loader: Callable[[], Any],
        *,
        entry_point: EntryPoint | None = None,
        builtin: bool = False,
    ) -> None:
        try:
            plugin = loader()
            self._pm.register(plugin, name=name)
        except (Exception, SystemExit) as err:
            self.fail(name, "load", err)
            return
        try:
            self._check_hooks(name, plugin)
        except PluginError:
            self._pm.unregister(plugin)
            raise
        dist = entry_point.dist if entry_point is not None else None
        self._info[name] = PluginInfo(
            name=name,
            distribution=dist.name if dist is not None else ("zitat" if builtin else None),
            version=dist.version if dist is not None else (_own_version() if builtin else None),
            builtin=builtin,
        )

    def _check_hooks(self, name: str, plugin: object) -> None:
        """Report hooks zitat does not know (typos) and plugins that implement no hook."""
        callers = self._pm.get_hookcallers(plugin) or []
        unknown = sorted(c.name for c in callers if not c.has_spec())
        if unknown:
            known = ", ".join(sorted(_hook_names()))
            self.fail(
                name,
                "load",
                TypeError(f"implements unknown hook(s) {', '.join(unknown)}; known: {known}"),
            )
        elif not callers:
            self.fail(
                name,
                "load",
                TypeError("implements no zitat hook (are the functions marked @hookimpl?)"),
            )

    def register(self, plugin: ModuleType | object, name: str) -> None:
        """Register a plugin object directly (for tests and notebooks)."""
        self._load(name, lambda: plugin)
        self._extractor_cache = None

    # -- calling hooks one plugin at a time ------------------------------------------------

    def _collect(self, hook_name: str, kind: type[T] | tuple[type, ...]) -> list[tuple[str, T]]:
        caller = getattr(self._pm.hook, hook_name)
        results: list[tuple[str, T]] = []
        for impl in caller.get_hookimpls():
            plugin = impl.plugin_name
            try:
                items = impl.function()
                if items is None:
                    continue
                if not isinstance(items, list | tuple):
                    raise TypeError(f"{hook_name} must return a list, got {type(items).__name__}")
                for i, item in enumerate(items):
                    if not isinstance(item, kind):
                        raise TypeError(
                            f"{hook_name} returned {item!r} at [{i}], not a {_kind_name(kind)}"
                        )
            except (Exception, SystemExit) as err:
                self.fail(plugin, hook_name, err)
                continue
            results.extend((plugin, item) for item in items)
        return results

    def extractors(self) -> dict[str, type[Extractor]]:
        """Extractor classes by name; duplicates and malformed classes are reported."""
        if self._extractor_cache is not None:
            return dict(self._extractor_cache)
        found: dict[str, type[Extractor]] = {}
        for plugin, cls in self._collect("zitat_extractors", type):
            cls = cast(type[Extractor], cls)
            try:
                _check_extractor_class(cls)
                if cls.name in found:
                    raise ValueError(f"extractor name {cls.name!r} is already taken")
            except Exception as err:
                self.fail(plugin, f"extractor {getattr(cls, 'name', cls)!r}", err)
                continue
            found[cls.name] = cls
            info = self._info.get(plugin)
            if info is not None:
                info.extractors[cls.name] = sorted(t.value for t in cls.tasks)
        self._extractor_cache = found
        return dict(found)

    def gold_sets(self) -> dict[str, GoldSet]:
        """Gold sets by name."""
        return self._unique("zitat_gold_sets", GoldSet)

    def formats(self) -> dict[str, Format]:
        """Formats by name."""
        return self._unique("zitat_formats", Format)

    def metrics(self) -> dict[str, Metric]:
        """Extra metrics by name."""
        return self._unique("zitat_metrics", Metric)

    def _unique(self, hook: str, kind: type[T]) -> dict[str, T]:
        out: dict[str, T] = {}
        for plugin, item in self._collect(hook, kind):
            name = item.name  # type: ignore[attr-defined]
            if name in out:
                self.fail(plugin, hook, ValueError(f"name {name!r} is already taken"))
                continue
            out[name] = item
        return out

    def info(self) -> list[PluginInfo]:
        """One entry per loaded plugin, with the hooks it implements."""
        self.extractors()
        for name, info in self._info.items():
            plugin = self._pm.get_plugin(name)
            if plugin is None:
                continue
            info.hooks = sorted(caller.name for caller in self._pm.get_hookcallers(plugin) or [])
        return sorted(self._info.values(), key=lambda i: (not i.builtin, i.name))

    def extractor(self, name: str) -> type[Extractor]:
        """The extractor class called ``name``; KeyError lists the known names."""
        found = self.extractors()
        if name not in found:
            known = ", ".join(sorted(found)) or "none"
            raise KeyError(f"no extractor named {name!r}; installed: {known}")
        return found[name]


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join("class" if k is type else k.__name__ for k in kinds)


def _hook_names() -> list[str]:
    return [n for n in dir(hookspecs) if n.startswith("zitat_")]


def _check_extractor_class(cls: Any) -> None:
    if not (isinstance(cls, type) and issubclass(cls, Extractor)):
        raise TypeError(f"{cls!r} is not a subclass of zitat.plugins.Extractor")
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not name or name != name.strip():
        raise TypeError(f"{cls.__name__} needs a non-empty string class attribute 'name'")
    if inspect.isabstract(cls):
        missing = ", ".join(sorted(getattr(cls, "__abstractmethods__", ())))
        raise TypeError(f"extractor {name!r} does not implement {missing}")
    tasks = getattr(cls, "tasks", None)
    if not isinstance(tasks, frozenset | set | tuple | list) or not tasks:
        raise TypeError(f"extractor {name!r} declares no tasks")
    bad = [t for t in tasks if not isinstance(t, Task)]
    if bad:
        known = ", ".join(t.value for t in Task)
        raise TypeError(f"extractor {name!r} declares unknown task(s) {bad!r}; known: {known}")
    if not dataclasses.is_dataclass(cls.Config):
        raise TypeError(f"extractor {name!r}: Config must be a dataclass")


def _own_version() -> str:
    from zitat.__about__ import __version__

    return __version__
