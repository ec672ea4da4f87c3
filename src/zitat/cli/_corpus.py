"""The corpus of ``zitat stances`` and ``zitat quotes align``, and an extractor run over it.

A corpus is a gold set name, a JSONL file, a gold folder, or a folder of ``<doc_id>.txt``
texts (a folder without ``*.jsonl`` files). The whole corpus is held in memory: these
commands compare documents with each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from zitat.cli._common import err_console
from zitat.errors import InputError

if TYPE_CHECKING:
    from zitat.plugins import Extractor
    from zitat.schema import AnnotatedDocument, TargetInventory

__all__ = ["load_corpus", "run_over"]


def load_corpus(spec: str) -> tuple[list[AnnotatedDocument], TargetInventory | None]:
    """The documents named by ``spec`` and the target inventory that comes with them.

    A folder of texts gives its documents, not yet tokenised and without annotations, and
    the inventory file next to them (``targets.yaml``), if there is one.
    """
    from zitat.bench.goldspec import load_gold

    path = Path(spec)
    if not path.is_dir() or any(path.glob("*.jsonl")):
        gold = load_gold(spec)
        return list(gold.documents), gold.targets
    from zitat.extract.readers.txt import read_txt_folder
    from zitat.gold.folder import targets_file
    from zitat.schema import AnnotatedDocument, TargetInventory

    # not tokenised here: the extractor's workers prepare what they extract (see run_over)
    docs = [AnnotatedDocument(doc) for doc in read_txt_folder(path)]
    if not docs:
        raise InputError(f"{path}: no *.jsonl documents and no *.txt texts in this folder")
    found = targets_file(path)
    return docs, None if found is None else TargetInventory.load(found)


def run_over(
    docs: list[AnnotatedDocument],
    cls: type[Extractor],
    *,
    targets: TargetInventory | None = None,
    isolate: bool,
    timeout: float,
    left_out: str,
) -> tuple[list[AnnotatedDocument], list[dict[str, str]]]:
    """The documents as the extractor ``cls`` annotates them (guarded), and its failures.

    A failure is printed on stderr, saying that its document's ``left_out`` are left out.
    """
    from zitat.plugins import run_extractor
    from zitat.schema import AnnotatedDocument

    reason = cls.unavailable()
    if reason:
        raise InputError(f"extractor {cls.name!r} is not available: {reason}")
    given = [d.document for d in docs]
    found: dict[int, AnnotatedDocument] = {}
    failed: list[dict[str, str]] = []
    for outcome in run_extractor(cls, given, targets=targets, isolate=isolate, timeout=timeout):
        if outcome.ok and outcome.annotations is not None:
            # the runner prepares an unprepared document and hands it back in the outcome
            document = outcome.document or given[outcome.index]
            found[outcome.index] = AnnotatedDocument(document, outcome.annotations)
        else:
            failed.append(
                {"doc_id": outcome.doc_id, "status": outcome.status, "error": str(outcome.error)}
            )
            err_console.print(
                f"[yellow]{cls.name} {outcome.status} on {outcome.doc_id}[/]: {outcome.error}; "
                f"its {left_out} are left out",
                soft_wrap=True,
            )
    return [found[i] for i in sorted(found)], failed
