"""Where a benchmark run keeps its files.

A run folder holds ``results.json`` (the versioned result, see docs/results.md),
``predictions/<extractor>.jsonl`` (Prodigy JSONL, one record per document the extractor
handled; ``<extractor>.given-quotes.jsonl`` for stances on the gold quotes),
``per_document.parquet`` (one row per extractor × document) and ``report.md``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["RunLayout"]


class RunLayout:
    """Paths inside one run folder."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    @property
    def results(self) -> Path:
        return self.root / "results.json"

    @property
    def per_document(self) -> Path:
        return self.root / "per_document.parquet"

    @property
    def report(self) -> Path:
        return self.root / "report.md"

    def predictions(self, extractor: str) -> Path:
        return self.root / "predictions" / f"{extractor}.jsonl"

    def stance_predictions(self, extractor: str) -> Path:
        """Stances an extractor gave for the gold quotes (the "given quotes" setting)."""
        return self.root / "predictions" / f"{extractor}.given-quotes.jsonl"

    def prediction_files(self) -> dict[str, Path]:
        folder = self.root / "predictions"
        if not folder.is_dir():
            return {}
        return {p.stem: p for p in sorted(folder.glob("*.jsonl")) if ".given-quotes" not in p.name}
