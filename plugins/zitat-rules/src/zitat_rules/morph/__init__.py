"""German verb morphology for quotation extraction: verb lemmas and Konjunktiv detection."""

from .konjunktiv import (
    Mood,
    MoodAnalysis,
    analyze,
    build_form_table,
    core_table,
    is_konjunktiv1,
    mood,
    mood_in_context,
    resolve,
    subject_from_context,
)
from .lemma import candidate_infinitives, verb_lemma
from .paradigm import Reading, VerbMood, finite_forms

__all__ = [
    "Mood",
    "MoodAnalysis",
    "Reading",
    "VerbMood",
    "analyze",
    "build_form_table",
    "candidate_infinitives",
    "core_table",
    "finite_forms",
    "is_konjunktiv1",
    "mood",
    "mood_in_context",
    "resolve",
    "subject_from_context",
    "verb_lemma",
]
