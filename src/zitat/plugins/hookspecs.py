"""The hooks a zitat plugin can implement.

A plugin is a module (or object) with functions decorated ``@hookimpl`` (``from
zitat.plugins import hookimpl``) and named as below, published through the ``zitat``
entry-point group::

    [project.entry-points.zitat]
    myplugin = "my_package.plugin"

Each hook returns a list; zitat collects the lists of all plugins, calling every plugin on
its own so that one failing plugin is reported and skipped while the others keep working.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from zitat.plugins.components import Format, GoldSet, Metric
    from zitat.plugins.extractor import Extractor

__all__ = ["hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("zitat")
hookimpl = pluggy.HookimplMarker("zitat")


@hookspec
def zitat_extractors() -> Sequence[type[Extractor]]:
    """Return the extractor classes this plugin provides.

    Each is a subclass of :class:`zitat.plugins.Extractor` with a unique ``name``. Classes are
    registered, not instances: zitat instantiates them only when they are used, with the
    user's configuration, so listing plugins stays cheap.
    """
    raise NotImplementedError


@hookspec
def zitat_gold_sets() -> Sequence[GoldSet]:
    """Return named gold sets (see :class:`zitat.plugins.GoldSet`).

    A gold set has a name used as ``--gold NAME[:SPLIT]``, its splits, and loads annotated
    documents — for instance from a directory the user names in an environment variable.
    """
    raise NotImplementedError


@hookspec
def zitat_formats() -> Sequence[Format]:
    """Return readers/writers of annotation formats (see :class:`zitat.plugins.Format`).

    ``zitat convert IN OUT --from NAME --to NAME`` uses them.
    """
    raise NotImplementedError


@hookspec
def zitat_metrics() -> Sequence[Metric]:
    """Return extra metrics (see :class:`zitat.plugins.Metric`) the harness reports.

    A metric scores predicted against gold documents and returns named numbers.
    """
    raise NotImplementedError
