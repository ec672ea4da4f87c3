"""Annotators' gold files: names, loading, and which documents each annotator has.

Each annotator's gold is a path that :func:`zitat.gold.folder.load_gold_path` reads: a JSONL
file of documents or a gold folder. A JSONL file ``X.jsonl`` with a paired stance file
``X.stances.jsonl`` beside it gets that file checked too: its answers must agree with the
stances in the documents (the document file is what is compared).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from zitat.errors import InputError, ValidationError
from zitat.gold.folder import load_gold_path
from zitat.io.stance_tasks import iter_stance_answers
from zitat.schema import AnnotatedDocument

__all__ = ["Annotated", "annotator_names", "coverage", "load_annotators"]

Annotated = Mapping[str, Sequence[AnnotatedDocument]]
"""Annotator name → that annotator's documents."""


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".jsonl", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def annotator_names(paths: Sequence[Path], names: Sequence[str] | None = None) -> list[str]:
    """Names for the annotators at ``paths``: ``names`` if given, else the file or folder stems.

    When two stems are equal (``alice/gold.jsonl``, ``bob/gold.jsonl``) the names of the
    folders holding the files are used, and if those clash too the paths themselves.
    """
    if names is not None:
        if len(names) != len(paths):
            raise InputError(f"{len(names)} names for {len(paths)} gold paths")
        chosen = [n.strip() for n in names]
        if any(not n for n in chosen):
            raise InputError("an annotator name is empty")
    else:
        chosen = [_stem(p) for p in paths]
        if len(set(chosen)) != len(chosen):
            chosen = [p.resolve().parent.name for p in paths]
        if len(set(chosen)) != len(chosen) or not all(chosen):
            chosen = [str(p) for p in paths]
    if len(set(chosen)) != len(chosen):
        dup = next(n for n in chosen if chosen.count(n) > 1)
        raise InputError(f"annotator name {dup!r} is given twice")
    return chosen


def _check_paired_stances(path: Path, docs: Sequence[AnnotatedDocument]) -> None:
    paired = path.with_name(_stem(path) + ".stances.jsonl")
    if not path.is_file() or path.name.endswith(".stances.jsonl") or not paired.is_file():
        return
    by_id = {d.id: d for d in docs}
    for answer in iter_stance_answers(paired):
        obj = f"stance task ({answer.doc_id}, {answer.quote or answer.entity}, {answer.target})"
        doc = by_id.get(answer.doc_id)
        if doc is None:
            raise ValidationError(
                f"unknown document {answer.doc_id!r}", obj=obj, field="meta.doc_id", source=paired
            )
        held = {(s.quote, s.entity, s.target): s for s in doc.annotations.stances}.get(
            (answer.quote, answer.entity, answer.target)
        )
        if answer.stance is not None and held != answer.stance:
            raise ValidationError(
                f"disagrees with the stance in {path.name}", obj=obj, field="accept", source=paired
            )


def load_annotators(
    paths: Sequence[str | Path], names: Sequence[str] | None = None
) -> dict[str, list[AnnotatedDocument]]:
    """Read every annotator's gold (in the given order), validating it on the way in."""
    resolved = [Path(p) for p in paths]
    out: dict[str, list[AnnotatedDocument]] = {}
    for name, path in zip(annotator_names(resolved, names), resolved, strict=True):
        bundle = load_gold_path(path)
        _check_paired_stances(path, bundle.documents)
        out[name] = list(bundle.documents)
    return out


def coverage(annotated: Annotated) -> dict[str, tuple[str, ...]]:
    """Document id → the annotators who have it (in annotator order; documents sorted).

    Raises :class:`~zitat.errors.ValidationError` if annotators have different texts under one
    document id (offsets would not be comparable).
    """
    texts: dict[str, tuple[str, str]] = {}
    have: dict[str, list[str]] = {}
    for name, docs in annotated.items():
        seen: set[str] = set()
        for doc in docs:
            if doc.id in seen:
                raise ValidationError(
                    f"document {doc.id!r} occurs twice", obj=f"annotator {name!r}", field="id"
                )
            seen.add(doc.id)
            first = texts.setdefault(doc.id, (name, doc.text))
            if first[1] != doc.text:
                raise ValidationError(
                    f"the text of document {doc.id!r} differs between annotators "
                    f"{first[0]!r} and {name!r}; offsets cannot be compared",
                    obj=f"Document {doc.id!r}",
                    field="text",
                )
            have.setdefault(doc.id, []).append(name)
    return {doc_id: tuple(have[doc_id]) for doc_id in sorted(have)}
