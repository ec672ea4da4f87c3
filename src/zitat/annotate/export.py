"""Pre-annotated Prodigy tasks: an extractor's output for annotators to correct.

One quote task per document for Prodigy's relations interface (``rel.manual``): ``tokens``,
the non-overlapping ``spans`` it can show and the ``relations`` between them (see
:mod:`zitat.annotate.shown`), hashes, and under :data:`PREANNOTATION_KEY` the extractor's
complete annotations, which Prodigy carries along untouched so the import can restore what
the interface could not show. There is deliberately no ``zitat`` key: the annotator's saved
spans and relations are what counts. One stance choice task per stance the extractor
proposes (its polarity pre-selected in ``accept``), or per quote × target with
``all_targets``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from zitat.annotate.shown import shown_layer
from zitat.io.hashing import input_hash, task_hash
from zitat.io.jsonl import write_records
from zitat.io.prodigy import FORMAT_VERSION, document_to_record
from zitat.io.stance_tasks import stance_tasks
from zitat.plugins.extractor import Extractor
from zitat.plugins.guard import Outcome, run_extractor
from zitat.schema import AnnotatedDocument, Annotations, Document, TargetInventory

__all__ = [
    "PREANNOTATION_KEY",
    "STANCE_KEY",
    "ExportSummary",
    "Failure",
    "export_tasks",
    "preannotation_task",
]

PREANNOTATION_KEY = "zitat_preannotation"
STANCE_KEY = "zitat_stance"


@dataclass(frozen=True)
class Failure:
    """A document the extractor failed on (its task has no pre-annotation)."""

    doc_id: str
    status: str
    error: str


@dataclass
class ExportSummary:
    """What an export wrote and which documents the extractor failed on."""

    extractor: str
    tasks: int = 0
    stance_tasks: int = 0
    stance_questions: int = 0
    quotes: int = 0
    hidden_spans: int = 0
    failures: list[Failure] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return asdict(self)


def preannotation_task(
    doc: AnnotatedDocument, *, preannotated_by: str
) -> tuple[dict[str, Any], int]:
    """The relations-interface task for ``doc`` and how many of its spans it cannot show.

    Stances are left out (they are asked in the choice tasks).
    """
    bare = AnnotatedDocument(doc.document, doc.annotations.with_(stances=()))
    full = document_to_record(bare)
    structure = {k: v for k, v in full["zitat"].items() if k not in {"sentences", "stances"}}
    layer = shown_layer(full["spans"], full["zitat"])
    task: dict[str, Any] = {
        "text": full["text"],
        "meta": {**full["meta"], "preannotated_by": preannotated_by},
        "tokens": full["tokens"],
        "spans": layer.spans,
        "relations": layer.relations,
        PREANNOTATION_KEY: {
            "version": FORMAT_VERSION,
            "spans": [[s["start"], s["end"], s["label"]] for s in full["spans"]],
            "structure": structure,
            "shown": layer.compact(),
        },
    }
    task["_input_hash"] = input_hash(task)
    task["_task_hash"] = task_hash(task)
    return task, layer.hidden


class _Questions:
    """Stance choice tasks, one per distinct question.

    The same quotation often recurs word for word in several articles; Prodigy treats tasks
    with the same text as one question (same hashes) and shows it once. So one task asks
    about a text and a target for every quote with that text (``zitat_stance.holders``, each
    with its document, quote, evidence and proposed polarity); the import applies the answer
    to each. A proposal is pre-selected (``accept``) when the holders' proposals agree.
    A speaker entity's stance is asked per document (its name with the document id).
    """

    def __init__(self) -> None:
        self.tasks: dict[tuple[str, str], dict[str, Any]] = {}

    def add(
        self, doc: AnnotatedDocument, inventory: TargetInventory | None, all_targets: bool, by: str
    ) -> None:
        for task in stance_tasks([doc], inventory=inventory, all_targets=all_targets):
            meta = task["meta"]
            if meta["quote"] is None:
                task["text"] = f"{task['text']} ({doc.id})"
            holder = {
                "doc_id": meta["doc_id"],
                "quote": meta["quote"],
                "entity": meta["entity"],
                "evidence": task[STANCE_KEY]["evidence"],
                "proposed": task["accept"][0] if "accept" in task else None,
            }
            key = (task["text"], meta["target"])
            if key in self.tasks:
                self.tasks[key][STANCE_KEY]["holders"].append(holder)
                continue
            question = {k: task[k] for k in ("text", "label", "options")}
            question["meta"] = {**meta, "preannotated_by": by}
            question[STANCE_KEY] = {"holders": [holder]}
            self.tasks[key] = question

    def finished(self) -> Iterator[dict[str, Any]]:
        """The tasks, with proposals pre-selected and hashes set."""
        for question in self.tasks.values():
            holders = question[STANCE_KEY]["holders"]
            proposals = {h["proposed"] for h in holders if h["proposed"] is not None}
            if len(proposals) == 1:
                question["accept"] = [proposals.pop()]
            if len(holders) > 1:
                question["meta"]["occurrences"] = len(holders)
            question["_input_hash"] = input_hash(question)
            question["_task_hash"] = task_hash(question)
            yield question


class _Ordered:
    """Hands documents to the extractor and gives outcomes back in input order.

    Each document comes back as the runner prepared it (tokens, sentences), in the worker.
    """

    def __init__(self, docs: Iterable[Document]) -> None:
        self._docs = docs
        self.pending: dict[int, Document] = {}

    def __iter__(self) -> Iterator[Document]:
        for index, doc in enumerate(self._docs):
            self.pending[index] = doc
            yield doc

    def in_order(self, outcomes: Iterable[Outcome]) -> Iterator[tuple[Document, Outcome]]:
        waiting: dict[int, Outcome] = {}
        upcoming = 0
        for outcome in outcomes:
            waiting[outcome.index] = outcome
            while upcoming in waiting:
                doc, done = self.pending.pop(upcoming), waiting.pop(upcoming)
                yield done.document or doc, done
                upcoming += 1


def export_tasks(
    corpus: Iterable[Document],
    extractor: type[Extractor],
    *,
    out: str | Path,
    stance_out: str | Path,
    targets: TargetInventory | None,
    all_targets: bool = False,
    config: Mapping[str, Any] | None = None,
    jobs: int = 1,
    timeout: float | None = 60.0,
    isolate: bool = True,
    skip_failed: bool = False,
    progress: Callable[[Outcome], None] | None = None,
) -> ExportSummary:
    """Run ``extractor`` over ``corpus`` (guarded) and write quote and stance tasks.

    A document the extractor fails on is listed in the summary and still gets a task,
    without pre-annotation (``skip_failed`` leaves it out). ``targets`` goes to the extractor
    (``use_targets``) and labels the stance tasks; ``all_targets`` asks every quote about
    every target, unanswered where the extractor proposes nothing.
    """
    if all_targets and targets is None:
        raise ValueError("all_targets needs a target inventory")
    by = f"{extractor.name} {extractor.version}"
    summary = ExportSummary(extractor=extractor.name)
    feed = _Ordered(corpus)
    outcomes = run_extractor(
        extractor,
        feed,
        config=config,
        timeout=timeout,
        jobs=jobs,
        isolate=isolate,
        targets=targets,
    )
    questions = _Questions()

    def quote_tasks() -> Iterator[dict[str, Any]]:
        for doc, outcome in feed.in_order(outcomes):
            if progress is not None:
                progress(outcome)
            annotations = outcome.annotations if outcome.ok else None
            label = by
            if annotations is None:
                summary.failures.append(Failure(doc.id, outcome.status, outcome.error or ""))
                if skip_failed:
                    continue
                annotations = Annotations()
                label = f"{by} (failed: {outcome.status})"
            annotated = AnnotatedDocument(doc, annotations)
            task, hidden = preannotation_task(annotated, preannotated_by=label)
            summary.quotes += len(annotations.quotes)
            summary.hidden_spans += hidden
            questions.add(annotated, targets, all_targets, label)
            yield task

    summary.tasks = write_records(out, quote_tasks())
    summary.stance_tasks = write_records(stance_out, questions.finished())
    summary.stance_questions = sum(len(q[STANCE_KEY]["holders"]) for q in questions.tasks.values())
    return summary
