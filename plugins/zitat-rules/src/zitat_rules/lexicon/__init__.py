"""The quotation lexicon: reporting verbs, phrases, nouns and framing markers (YAML data).

Data files (hand-compiled, license of the zitat project): ``reporting_verbs.yaml``,
``reporting_nouns.yaml``, ``markers.yaml``. Loading is validated and cached.
"""

from .loader import (
    load_markers,
    load_reporting_nouns,
    load_reporting_phrases,
    load_reporting_verbs,
)
from .lookup import (
    finite_lemma,
    marker,
    markers,
    particle_verb_lemma,
    reporting_noun,
    reporting_phrases,
    reporting_verb,
    reporting_verbs,
    resolve_reporting_verb,
    separable_particles,
)
from .model import (
    LexiconError,
    Marker,
    MarkerKind,
    Medium,
    ReportingNoun,
    ReportingPhrase,
    ReportingVerb,
    Stance,
)

__all__ = [
    "LexiconError",
    "Marker",
    "MarkerKind",
    "Medium",
    "ReportingNoun",
    "ReportingPhrase",
    "ReportingVerb",
    "Stance",
    "finite_lemma",
    "load_markers",
    "load_reporting_nouns",
    "load_reporting_phrases",
    "load_reporting_verbs",
    "marker",
    "markers",
    "particle_verb_lemma",
    "reporting_noun",
    "reporting_phrases",
    "reporting_verb",
    "reporting_verbs",
    "resolve_reporting_verb",
    "separable_particles",
]
