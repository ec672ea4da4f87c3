"""Write a new zitat plugin from templates: ``zitat plugin new NAME``."""

from zitat.scaffold.generate import FILES, PluginNames, ScaffoldError, new_plugin, plugin_names

__all__ = ["FILES", "PluginNames", "ScaffoldError", "new_plugin", "plugin_names"]
