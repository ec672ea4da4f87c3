"""Extraction at scale: run an extractor over a corpus of any size, locally or on Ray.

``extract(corpus, extractor)`` streams annotated documents in input order;
``extract_to(corpus, extractor, out)`` writes them to Prodigy JSONL or Parquet, resumably,
with failures in an errors file. Importing this package is cheap: readers, writers and
engines (and pyarrow, datasets, Ray) load only when used.
"""

from zitat.extract.api import Engine, Extraction, extract
from zitat.extract.results import Failure, Summary
from zitat.extract.tofile import ExtractReport, extract_to

__all__ = ["Engine", "ExtractReport", "Extraction", "Failure", "Summary", "extract", "extract_to"]
