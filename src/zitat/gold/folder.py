"""Gold data given as a path: one JSONL file, or a folder with documents, stances and targets.

A gold folder holds ``*.jsonl`` files of documents (Prodigy tasks), optionally
``*.stances.jsonl`` files of stance choice tasks, and optionally ``targets.yaml`` (the stance
target inventory). Everything is validated: spans inside texts, stance targets in the
inventory, stance answers that agree with the stances in the documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zitat.errors import InputError, ValidationError
from zitat.io.jsonl import ReadReport, read_documents
from zitat.io.stance_tasks import StanceAnswer, iter_stance_answers
from zitat.schema import AnnotatedDocument, TargetInventory

__all__ = ["TARGET_FILES", "GoldBundle", "load_gold_path", "targets_file"]

TARGET_FILES = ("targets.yaml", "targets.yml", "targets.json")


def targets_file(folder: Path) -> Path | None:
    """The inventory file of a gold folder (``targets.yaml``, .yml or .json), if it has one."""
    return next((folder / n for n in TARGET_FILES if (folder / n).is_file()), None)


@dataclass
class GoldBundle:
    """Documents, stance answers and target inventory read from a path."""

    documents: list[AnnotatedDocument] = field(default_factory=list)
    targets: TargetInventory | None = None
    stance_answers: list[StanceAnswer] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    reports: dict[str, ReadReport] = field(default_factory=dict)


def _document_files(path: Path) -> tuple[list[Path], list[Path]]:
    if path.is_file():
        if path.name.endswith(".stances.jsonl"):
            return [], [path]
        return [path], []
    if not path.is_dir():
        raise InputError(f"{path}: no such file or folder")
    jsonl = sorted(path.glob("*.jsonl"))
    stances = [p for p in jsonl if p.name.endswith(".stances.jsonl")]
    docs = [p for p in jsonl if p not in stances]
    if not docs:
        raise InputError(f"{path}: no *.jsonl document files in this folder")
    return docs, stances


def load_gold_path(path: str | Path, *, lenient: bool = False) -> GoldBundle:
    """Read and cross-check the gold at ``path`` (see the module docstring)."""
    path = Path(path)
    bundle = GoldBundle()
    doc_files, stance_files = _document_files(path)
    folder = path if path.is_dir() else path.parent
    inventory = targets_file(folder)
    if inventory is not None:
        bundle.targets = TargetInventory.load(inventory)
        bundle.files.append(inventory)
    seen: dict[str, Path] = {}
    for file in doc_files:
        docs, report = read_documents(file, lenient=lenient)
        bundle.reports[str(file)] = report
        bundle.files.append(file)
        for doc in docs:
            if doc.id in seen:
                raise ValidationError(
                    f"document id {doc.id!r} also occurs in {seen[doc.id]}", source=file
                )
            seen[doc.id] = file
            if bundle.targets is not None:
                try:
                    doc.annotations.check_against(doc.text, targets=bundle.targets.ids)
                except ValidationError as err:
                    raise err.inside(f"Document {doc.id!r}").located(file) from None
        bundle.documents.extend(docs)
    by_id = {d.id: d for d in bundle.documents}
    for file in stance_files:
        report = ReadReport()
        answers = list(iter_stance_answers(file, lenient=lenient, report=report))
        bundle.reports[str(file)] = report
        bundle.files.append(file)
        for a in answers:
            _check_answer(a, by_id, file)
        bundle.stance_answers.extend(answers)
    return bundle


def _check_answer(a: StanceAnswer, by_id: dict[str, AnnotatedDocument], file: Path) -> None:
    obj = f"stance task ({a.doc_id}, {a.quote or a.entity}, {a.target})"
    doc = by_id.get(a.doc_id)
    if doc is None:
        raise ValidationError(
            f"unknown document {a.doc_id!r}", obj=obj, field="meta.doc_id", source=file
        )
    stances = {(s.quote, s.entity, s.target): s for s in doc.annotations.stances}
    held = stances.get((a.quote, a.entity, a.target))
    if a.stance is not None and held != a.stance:
        raise ValidationError(
            "disagrees with the stance in the document file "
            f"({held.polarity.value if held else 'none'} there, {a.stance.polarity.value} here)",
            obj=obj,
            field="accept",
            source=file,
        )
