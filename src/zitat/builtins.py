"""zitat's own pieces, registered through the same hooks as any third-party plugin."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path

from zitat.baselines import NullExtractor, QuotationMarkExtractor
from zitat.gold.bundled import bundled_gold_dir, load_seeds, seeds_targets
from zitat.io.formats import (
    read_doccano,
    read_labelstudio,
    read_webanno_tsv,
    write_doccano,
    write_labelstudio,
    write_webanno_tsv,
)
from zitat.io.jsonl import iter_documents, write_documents
from zitat.plugins.components import Format, GoldSet
from zitat.plugins.extractor import Extractor
from zitat.plugins.hookspecs import hookimpl
from zitat.schema import AnnotatedDocument


@hookimpl
def zitat_extractors() -> Sequence[type[Extractor]]:
    """The two baselines."""
    return [NullExtractor, QuotationMarkExtractor]


def _seeds_available() -> str | None:
    try:
        bundled_gold_dir()
    except FileNotFoundError as err:
        return str(err)
    return None


@hookimpl
def zitat_gold_sets() -> Sequence[GoldSet]:
    """The bundled seed corpus."""
    return [
        GoldSet(
            name="seeds",
            description="Five German articles on the Blinken–Lavrov talks (Geneva, January "
            "2022), hand-labelled: quotes, roles, speaker entities, stances.",
            splits=("all",),
            default_split="all",
            version="1",
            load=load_seeds,
            targets=seeds_targets,
            available=_seeds_available,
            files=lambda split: [bundled_gold_dir() / "seeds.jsonl"],
        )
    ]


def _read_hf(path: Path) -> Iterator[AnnotatedDocument]:
    from datasets import load_from_disk

    from zitat.io.hf import from_dataset

    return from_dataset(load_from_disk(str(path)))


def _write_hf(path: Path, docs: Iterable[AnnotatedDocument]) -> int:
    from zitat.io.hf import to_dataset

    dataset = to_dataset(docs)
    dataset.save_to_disk(str(path))
    return len(dataset)


@hookimpl
def zitat_formats() -> Sequence[Format]:
    """Prodigy JSONL, Hugging Face datasets on disk, doccano, Label Studio and WebAnno TSV."""
    return [
        Format(
            name="prodigy",
            description="Prodigy-compatible JSONL, one task per document (zitat's own format)",
            extensions=(".jsonl",),
            read=iter_documents,
            write=write_documents,
        ),
        Format(
            name="hf",
            description="A Hugging Face dataset saved with save_to_disk (a folder)",
            read=_read_hf,
            write=_write_hf,
        ),
        Format(
            name="doccano",
            description="doccano JSONL, sequence labelling with relations (UTF-16 offsets)",
            extensions=(".jsonl",),
            read=read_doccano,
            write=write_doccano,
        ),
        Format(
            name="labelstudio",
            description="Label Studio JSON tasks with annotations (code-point offsets)",
            extensions=(".json",),
            read=read_labelstudio,
            write=write_labelstudio,
        ),
        Format(
            name="labelstudio-predictions",
            description="Label Studio JSON tasks with predictions, for pre-annotation",
            extensions=(".json",),
            read=partial(read_labelstudio, predictions=True),
            write=partial(write_labelstudio, predictions=True),
        ),
        Format(
            name="webanno-tsv",
            description="WebAnno TSV 3.3 for INCEpTION: a folder of <id>.tsv (UTF-16 offsets)",
            extensions=(".tsv",),
            read=read_webanno_tsv,
            write=write_webanno_tsv,
        ),
    ]
