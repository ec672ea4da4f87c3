"""The plugin manager: discovery, env vars, strict mode and every way a plugin can fail."""

from __future__ import annotations

import json
import types
from collections.abc import Callable
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any, ClassVar

import pytest
from click.testing import CliRunner

from zitat.baselines import NullExtractor
from zitat.cli.main import cli
from zitat.errors import PluginError
from zitat.plugins import Extractor, Format, GoldSet, Metric, Plugins, hookimpl
from zitat.schema import Annotations, Document, Task

InstallPlugins = Callable[..., list[EntryPoint]]


class GoodExtractor(Extractor):
    name: ClassVar[str] = "good"
    version: ClassVar[str] = "1.0"
    description: ClassVar[str] = "Finds nothing, correctly."

    def extract(self, doc: Document) -> Annotations:
        return Annotations()


class OtherExtractor(GoodExtractor):
    name: ClassVar[str] = "other"


def plugin(**hooks: Callable[[], Any]) -> types.ModuleType:
    """A plugin module whose attributes are the given functions, marked as hook impls."""
    module = types.ModuleType("fake_plugin")
    for hook_name, function in hooks.items():
        setattr(module, hook_name, hookimpl(function))
    return module


def extractors_plugin(*classes: Any) -> types.ModuleType:
    return plugin(zitat_extractors=lambda: list(classes))


def boom() -> list[Any]:
    raise RuntimeError("the plugin is broken")


def stages(manager: Plugins) -> list[tuple[str, str]]:
    return [(f.plugin, f.stage) for f in manager.failures]


# -- discovery and the built-in plugin ---------------------------------------------------------


def test_builtins_load_without_failures() -> None:
    manager = Plugins(discover=False)
    assert {"baseline-null", "baseline-quotemarks"} <= set(manager.extractors())
    assert manager.failures == []
    info = {i.name: i for i in manager.info()}["builtins"]
    assert info.builtin
    assert info.distribution == "zitat"
    assert "zitat_extractors" in info.hooks


def test_entry_point_plugin_is_discovered(install_plugins: InstallPlugins) -> None:
    install_plugins(good=extractors_plugin(GoodExtractor))
    manager = Plugins()
    assert manager.extractor("good") is GoodExtractor
    (info,) = [i for i in manager.info() if not i.builtin]
    assert info.name == "good"
    assert info.hooks == ["zitat_extractors"]
    assert info.extractors == {"good": ["quotes"]}


def test_unknown_extractor_name_lists_installed() -> None:
    with pytest.raises(KeyError, match="baseline-null"):
        Plugins(discover=False).extractor("nope")


# -- failure modes: each recorded and skipped, the rest keeps working ---------------------------


def test_import_failure_is_recorded_and_skipped(install_plugins: InstallPlugins) -> None:
    install_plugins(broken="zitat_no_such_module_anywhere", good=extractors_plugin(GoodExtractor))
    manager = Plugins()
    assert stages(manager) == [("broken", "load")]
    assert "ModuleNotFoundError" in manager.failures[0].error
    assert "zitat_no_such_module_anywhere" in manager.failures[0].traceback
    assert {"good", "baseline-null"} <= set(manager.extractors())


def test_exception_at_import_time_is_recorded(
    install_plugins: InstallPlugins, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "zitat_raises_on_import.py").write_text("raise RuntimeError('no config')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    install_plugins(broken="zitat_raises_on_import", good=extractors_plugin(GoodExtractor))
    manager = Plugins()
    assert stages(manager) == [("broken", "load")]
    assert manager.failures[0].error == "RuntimeError: no config"
    assert "good" in manager.extractors()


def test_system_exit_at_import_does_not_end_the_run(
    install_plugins: InstallPlugins, monkeypatch: pytest.MonkeyPatch
) -> None:
    def loader(self: Any) -> Any:
        raise SystemExit(3)

    install_plugins(quitter="whatever_module")
    monkeypatch.setattr("importlib.metadata.EntryPoint.load", loader)
    manager = Plugins()
    assert stages(manager) == [("quitter", "load")]
    assert "SystemExit" in manager.failures[0].error


def test_hook_zitat_extractors(install_plugins: InstallPlugins) -> None:
    install_plugins(one=extractors_plugin(GoodExtractor), two=extractors_plugin(OtherExtractor))
    found = Plugins().extractors()
    assert found["good"] is GoodExtractor
    assert found["other"] is OtherExtractor
    assert found["baseline-null"] is NullExtractor


def test_hook_that_raises_is_recorded(install_plugins: InstallPlugins) -> None:
    install_plugins(bad=plugin(zitat_extractors=boom), good=extractors_plugin(GoodExtractor))
    manager = Plugins()
    extractors = manager.extractors()
    assert stages(manager) == [("bad", "zitat_extractors")]
    assert "the plugin is broken" in manager.failures[0].error
    assert "good" in extractors
    assert "baseline-null" in extractors


@pytest.mark.parametrize("returned", [GoodExtractor, "good", 42, {"good": GoodExtractor}])
def test_hook_returning_a_non_list_is_recorded(
    install_plugins: InstallPlugins, returned: object
) -> None:
    install_plugins(bad=plugin(zitat_extractors=lambda: returned))
    manager = Plugins()
    extractors = manager.extractors()
    assert stages(manager) == [("bad", "zitat_extractors")]
    assert "must return a list" in manager.failures[0].error
    assert "good" not in extractors


def test_hook_returning_wrong_objects_contributes_nothing(install_plugins: InstallPlugins) -> None:
    install_plugins(bad=extractors_plugin(GoodExtractor, "not a class"))
    manager = Plugins()
    extractors = manager.extractors()
    assert stages(manager) == [("bad", "zitat_extractors")]
    assert "'not a class' at [1], not a class" in manager.failures[0].error
    assert "good" not in extractors  # all or nothing: the hook failed


def test_class_that_is_not_an_extractor_is_recorded(install_plugins: InstallPlugins) -> None:
    class Stranger:
        name = "stranger"

    install_plugins(bad=extractors_plugin(Stranger, GoodExtractor))
    manager = Plugins()
    extractors = manager.extractors()
    assert "not a subclass of zitat.plugins.Extractor" in manager.failures[0].error
    assert "stranger" not in extractors
    assert "good" in extractors


class Abstract(Extractor):
    name: ClassVar[str] = "abstract"


class NoTasks(GoodExtractor):
    name: ClassVar[str] = "no-tasks"
    tasks: ClassVar[frozenset[Task]] = frozenset()


class WrongTask(GoodExtractor):
    name: ClassVar[str] = "wrong-task"
    tasks: ClassVar[frozenset[Any]] = frozenset({"quotes"})


class Nameless(GoodExtractor):
    name: ClassVar[str] = ""


class ConfigNotDataclass(GoodExtractor):
    name: ClassVar[str] = "config-not-dataclass"
    Config: ClassVar[type[Any]] = dict


@pytest.mark.parametrize(
    ("cls", "message"),
    [
        (Abstract, "does not implement extract"),
        (NoTasks, "declares no tasks"),
        (WrongTask, "unknown task"),
        (Nameless, "non-empty string class attribute 'name'"),
        (ConfigNotDataclass, "Config must be a dataclass"),
    ],
)
def test_malformed_extractor_class_is_recorded(
    install_plugins: InstallPlugins, cls: type[Any], message: str
) -> None:
    install_plugins(bad=extractors_plugin(cls, GoodExtractor))
    manager = Plugins()
    extractors = manager.extractors()
    assert len(manager.failures) == 1
    assert message in manager.failures[0].error
    assert "good" in extractors
    assert cls.name not in extractors


def test_duplicate_extractor_name_keeps_the_first(install_plugins: InstallPlugins) -> None:
    class Impostor(GoodExtractor):
        name: ClassVar[str] = "baseline-null"

    install_plugins(impostor=extractors_plugin(Impostor))
    manager = Plugins()
    assert manager.extractor("baseline-null") is NullExtractor
    assert stages(manager) == [("impostor", "extractor 'baseline-null'")]
    assert "already taken" in manager.failures[0].error


def test_duplicate_plugin_name_is_recorded(install_plugins: InstallPlugins) -> None:
    install_plugins(builtins=extractors_plugin(GoodExtractor))
    manager = Plugins()
    assert stages(manager) == [("builtins", "load")]
    assert "good" not in manager.extractors()


def test_misspelt_hook_is_recorded(install_plugins: InstallPlugins) -> None:
    install_plugins(typo=plugin(zitat_extractor=lambda: [GoodExtractor]))
    manager = Plugins()
    assert stages(manager) == [("typo", "load")]
    assert "unknown hook(s) zitat_extractor" in manager.failures[0].error
    assert "zitat_extractors" in manager.failures[0].error  # names the real ones


def test_plugin_without_marked_hooks_is_recorded(install_plugins: InstallPlugins) -> None:
    module = types.ModuleType("unmarked")
    module.zitat_extractors = lambda: [GoodExtractor]  # type: ignore[attr-defined]
    install_plugins(unmarked=module)
    manager = Plugins()
    assert stages(manager) == [("unmarked", "load")]
    assert "@hookimpl" in manager.failures[0].error


def test_bad_hook_signature_is_recorded(install_plugins: InstallPlugins) -> None:
    install_plugins(bad=plugin(zitat_extractors=lambda unexpected: [GoodExtractor]))
    manager = Plugins()
    assert stages(manager) == [("bad", "load")]


def test_failures_are_recorded_once(install_plugins: InstallPlugins) -> None:
    install_plugins(bad=plugin(zitat_formats=boom))
    manager = Plugins()
    manager.formats()
    manager.formats()
    assert stages(manager) == [("bad", "zitat_formats")]


# -- the other hooks --------------------------------------------------------------------------


def _gold_set(name: str) -> GoldSet:
    return GoldSet(name=name, description="test", splits=("all",), load=lambda split: iter(()))


def test_hook_zitat_gold_sets(install_plugins: InstallPlugins) -> None:
    install_plugins(
        gold=plugin(zitat_gold_sets=lambda: [_gold_set("mine")]),
        bad=plugin(zitat_gold_sets=lambda: [Format("x", "not a gold set")]),
        dup=plugin(zitat_gold_sets=lambda: [_gold_set("seeds")]),
    )
    manager = Plugins()
    sets = manager.gold_sets()
    assert sets["mine"].description == "test"
    assert sets["seeds"].version == "1"  # the built-in one, not the duplicate
    assert stages(manager) == [("bad", "zitat_gold_sets"), ("dup", "zitat_gold_sets")]
    assert "not a GoldSet" in manager.failures[0].error


def test_hook_zitat_formats(install_plugins: InstallPlugins) -> None:
    install_plugins(fmt=plugin(zitat_formats=lambda: (Format("brat", "brat standoff"),)))
    formats = Plugins().formats()
    assert formats["brat"].description == "brat standoff"
    assert "prodigy" in formats


def test_hook_zitat_metrics(install_plugins: InstallPlugins) -> None:
    metric = Metric("count", "number of documents", lambda gold, pred: {"n": float(len(gold))})
    install_plugins(
        metric=plugin(zitat_metrics=lambda: [metric]),
        bad=plugin(zitat_metrics=lambda: [None]),
    )
    manager = Plugins()
    assert manager.metrics() == {"count": metric}
    assert manager.metrics()["count"].compute([], []) == {"n": 0.0}
    assert stages(manager) == [("bad", "zitat_metrics")]


def test_hook_returning_none_contributes_nothing(install_plugins: InstallPlugins) -> None:
    install_plugins(quiet=plugin(zitat_metrics=lambda: None))
    manager = Plugins()
    assert manager.metrics() == {}
    assert manager.failures == []


# -- strict mode ------------------------------------------------------------------------------


def test_strict_mode_raises_on_import_failure(install_plugins: InstallPlugins) -> None:
    install_plugins(broken="zitat_no_such_module_anywhere")
    with pytest.raises(PluginError, match="'broken' failed in load"):
        Plugins(strict=True)


def test_strict_mode_from_env_raises_on_hook_failure(
    install_plugins: InstallPlugins, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugins(bad=plugin(zitat_extractors=boom))
    monkeypatch.setenv("ZITAT_STRICT", "1")
    manager = Plugins()
    assert manager.strict
    with pytest.raises(PluginError, match="the plugin is broken"):
        manager.extractors()


def test_strict_mode_raises_on_duplicate_extractor(install_plugins: InstallPlugins) -> None:
    install_plugins(one=extractors_plugin(GoodExtractor), two=extractors_plugin(GoodExtractor))
    with pytest.raises(PluginError, match="already taken"):
        Plugins(strict=True).extractors()


def test_strict_mode_off_explicitly_overrides_env(
    install_plugins: InstallPlugins, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugins(broken="zitat_no_such_module_anywhere")
    monkeypatch.setenv("ZITAT_STRICT", "true")
    assert len(Plugins(strict=False).failures) == 1


# -- choosing plugins with the environment ---------------------------------------------------


def test_zitat_plugins_loads_only_the_named(
    install_plugins: InstallPlugins, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugins(
        good=extractors_plugin(GoodExtractor),
        other=extractors_plugin(OtherExtractor),
        broken="zitat_no_such_module_anywhere",
    )
    monkeypatch.setenv("ZITAT_PLUGINS", "good, nothing-by-that-name")
    manager = Plugins()
    assert "good" in manager.extractors()
    assert "baseline-null" in manager.extractors()
    assert "other" not in manager.extractors()
    assert manager.failures == []  # the broken plugin was never imported


def test_empty_zitat_plugins_loads_no_entry_point(
    install_plugins: InstallPlugins, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugins(good=extractors_plugin(GoodExtractor))
    monkeypatch.setenv("ZITAT_PLUGINS", "")
    infos = Plugins().info()
    assert "builtins" in [i.name for i in infos]
    assert all(i.builtin for i in infos)


def test_zitat_disable_plugins_blocks_the_named(
    install_plugins: InstallPlugins, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugins(good=extractors_plugin(GoodExtractor), broken="zitat_no_such_module_anywhere")
    monkeypatch.setenv("ZITAT_DISABLE_PLUGINS", "broken,builtins")
    manager = Plugins()
    assert "good" in manager.extractors()
    assert "baseline-null" not in manager.extractors()
    assert manager.failures == []


def test_arguments_override_the_environment(
    install_plugins: InstallPlugins, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugins(good=extractors_plugin(GoodExtractor), other=extractors_plugin(OtherExtractor))
    monkeypatch.setenv("ZITAT_PLUGINS", "good")
    manager = Plugins(only=["other"], block=[])
    assert "other" in manager.extractors()
    assert "good" not in manager.extractors()


# -- registering directly, and the command line -------------------------------------------------


def test_register_resets_the_extractor_cache() -> None:
    manager = Plugins(discover=False)
    assert "good" not in manager.extractors()
    manager.register(extractors_plugin(GoodExtractor), "late")
    assert manager.extractor("good") is GoodExtractor


def test_zitat_plugins_command_lists_plugins_and_errors(
    install_plugins: InstallPlugins, tmp_path: Path
) -> None:
    install_plugins(good=extractors_plugin(GoodExtractor), broken="zitat_no_such_module_anywhere")
    result = CliRunner().invoke(cli, ["plugins", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (good,) = [p for p in data["plugins"] if not p["builtin"]]
    assert good["name"] == "good"
    assert good["extractors"] == {"good": ["quotes"]}
    assert [(e["plugin"], e["stage"]) for e in data["errors"]] == [("broken", "load")]

    table = CliRunner().invoke(cli, ["plugins"])
    assert table.exit_code == 0
    assert "good" in table.output
    assert "failed:" in table.output
