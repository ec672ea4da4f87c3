"""The annotation-tool formats as :class:`~zitat.plugins.Format` entries for ``zitat_formats``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from zitat.io.formats.doccano import read_doccano, write_doccano
from zitat.io.formats.labelstudio import read_labelstudio, write_labelstudio
from zitat.io.formats.webanno import read_webanno_tsv, write_webanno_tsv
from zitat.plugins.components import Format
from zitat.schema import AnnotatedDocument

__all__ = ["tool_formats"]


def _read_predictions(path: Path) -> Iterator[AnnotatedDocument]:
    return read_labelstudio(path, predictions=True)


def _write_predictions(path: Path, docs: Iterable[AnnotatedDocument]) -> int:
    return write_labelstudio(path, docs, predictions=True)


def tool_formats() -> list[Format]:
    """doccano, Label Studio (annotations and predictions) and WebAnno TSV."""
    return [
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
            read=_read_predictions,
            write=_write_predictions,
        ),
        Format(
            name="webanno-tsv",
            description="WebAnno TSV 3.3 for INCEpTION: a folder of <id>.tsv (UTF-16 offsets)",
            extensions=(".tsv",),
            read=read_webanno_tsv,
            write=write_webanno_tsv,
        ),
    ]
