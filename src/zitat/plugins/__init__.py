"""Plugins: the extractor contract, the hooks, and the guarded plugin manager."""

from zitat.plugins.components import Format, GoldSet, Metric
from zitat.plugins.extractor import Extractor, NoConfig, Resources
from zitat.plugins.guard import Outcome, check_output, run_extractor
from zitat.plugins.hookspecs import hookimpl
from zitat.plugins.manager import ENTRY_POINT_GROUP, PluginFailure, PluginInfo, Plugins

__all__ = [
    "ENTRY_POINT_GROUP",
    "Extractor",
    "Format",
    "GoldSet",
    "Metric",
    "NoConfig",
    "Outcome",
    "PluginFailure",
    "PluginInfo",
    "Plugins",
    "Resources",
    "check_output",
    "hookimpl",
    "run_extractor",
]
