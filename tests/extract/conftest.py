"""Fixtures for the extraction tests: the test corpus in every input format, plugins."""

from __future__ import annotations

import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from extractkit import TEXTS, corpus_jsonl

from zitat.plugins import manager


@pytest.fixture
def jsonl_corpus(tmp_path: Path) -> Path:
    """The corpus as JSONL."""
    return corpus_jsonl(tmp_path / "corpus.jsonl")


@pytest.fixture
def txt_corpus(tmp_path: Path) -> Path:
    """The corpus as a folder of .txt files named by document id."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def parquet_corpus(tmp_path: Path) -> Path:
    """The corpus as a Parquet file with ``id`` and ``text`` columns, two row groups."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "corpus.parquet"
    table = pa.table({"id": list(TEXTS), "text": list(TEXTS.values())})
    pq.write_table(table, path, row_group_size=4)
    return path


@pytest.fixture
def hf_corpus(tmp_path: Path) -> Path:
    """The corpus as a Hugging Face dataset saved with save_to_disk."""
    from datasets import Dataset

    path = tmp_path / "corpus-hf"
    Dataset.from_dict({"id": list(TEXTS), "text": list(TEXTS.values())}).save_to_disk(str(path))
    return path


@pytest.fixture
def panics_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Publish the test extractors (``test-panics``) as the only entry-point plugin."""
    import extractkit

    monkeypatch.setitem(sys.modules, "extractkit", extractkit)
    published = [EntryPoint(name="extract-test", value="extractkit", group="zitat")]

    def entry_points(*, group: str) -> list[EntryPoint]:
        return [ep for ep in published if ep.group == group]

    monkeypatch.setattr(manager, "entry_points", entry_points)
