"""The quotation lexicon: reporting verbs, phrases, nouns and framing markers (YAML data).

Data files (hand-compiled, license of the zitat project): ``reporting_verbs.yaml``,
``reporting_nouns.yaml``, ``markers.yaml``. Loading is validated and cached. The public names
are those of :mod:`.model` (value objects), :mod:`.loader` (file loading) and :mod:`.lookup`
(look-ups in the packaged lexicon); each module's ``__all__`` is the one list of them.
"""

from . import loader, lookup, model
from .loader import *  # noqa: F403
from .lookup import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = []
__all__ += model.__all__
__all__ += loader.__all__
__all__ += lookup.__all__
