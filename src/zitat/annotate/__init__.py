"""Annotation with Prodigy: pre-annotated tasks out, annotators' answers back in as gold.

``export_tasks`` runs an extractor over a corpus and writes Prodigy tasks (relations
interface) and stance choice tasks; ``import_db_out`` reads Prodigy ``db-out`` files into one
gold folder per annotator, with a report of everything skipped. See docs/annotation.md.
"""

from zitat.annotate.corpus import iter_corpus
from zitat.annotate.export import (
    PREANNOTATION_KEY,
    ExportSummary,
    Failure,
    export_tasks,
    preannotation_task,
)
from zitat.annotate.merge import MergeNotes, merge_preannotation
from zitat.annotate.prodigy_import import DEFAULT_DATASETS, DuplicatePolicy, import_db_out
from zitat.annotate.report import AnnotatorSummary, Duplicate, ImportReport, Issue
from zitat.annotate.shown import Layer, shown_layer

__all__ = [
    "DEFAULT_DATASETS",
    "PREANNOTATION_KEY",
    "AnnotatorSummary",
    "Duplicate",
    "DuplicatePolicy",
    "ExportSummary",
    "Failure",
    "ImportReport",
    "Issue",
    "Layer",
    "MergeNotes",
    "export_tasks",
    "import_db_out",
    "iter_corpus",
    "merge_preannotation",
    "preannotation_task",
    "shown_layer",
]
