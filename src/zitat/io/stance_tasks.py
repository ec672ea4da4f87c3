"""Stances as Prodigy choice tasks: one task per (quote or speaker, target).

Each task shows the quoted text and asks for one option: ``favor``, ``against``, ``neutral``
or ``none`` (the quote does not address the target). The answer is Prodigy's ``accept`` list.
``meta`` names the document, quote/entity and target; ``zitat_stance`` keeps the evidence
offsets (into the document text) so reading the tasks back is lossless.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zitat.errors import ValidationError
from zitat.io.hashing import input_hash, task_hash
from zitat.io.jsonl import ReadReport, iter_parsed
from zitat.schema import AnnotatedDocument, Polarity, Span, Stance, TargetInventory

__all__ = [
    "NO_STANCE",
    "StanceAnswer",
    "iter_stance_answers",
    "stance_tasks",
    "stances_by_document",
]

NO_STANCE = "none"
_OPTION_TEXT = {
    Polarity.FAVOR.value: "dafür (favor)",
    Polarity.AGAINST.value: "dagegen (against)",
    Polarity.NEUTRAL.value: "neutral",
    NO_STANCE: "kein Bezug (does not address the target)",
}


@dataclass(frozen=True, slots=True)
class StanceAnswer:
    """One answered choice task: a stance, or ``stance=None`` if the target is not addressed."""

    doc_id: str
    target: str
    quote: str | None
    entity: str | None
    stance: Stance | None


def _options() -> list[dict[str, str]]:
    return [{"id": key, "text": text} for key, text in _OPTION_TEXT.items()]


def stance_tasks(
    docs: Iterable[AnnotatedDocument],
    *,
    inventory: TargetInventory | None = None,
    all_targets: bool = False,
) -> Iterator[dict[str, Any]]:
    """Choice tasks for the stances of ``docs``.

    By default one task per existing stance, with its polarity accepted (gold for Prodigy's
    review). With ``all_targets`` and an inventory, one task per quote × target, unanswered
    where no stance exists yet (for annotation).
    """
    labels = {t.id: t.label for t in inventory} if inventory is not None else {}
    for doc in docs:
        ann = doc.annotations
        existing = {(s.quote, s.entity, s.target): s for s in ann.stances}
        keys: list[tuple[str | None, str | None, str]] = list(existing)
        if all_targets:
            if inventory is None:
                raise ValueError("all_targets needs a target inventory")
            keys += [
                (q.id, None, t.id)
                for q in ann.quotes
                for t in inventory
                if (q.id, None, t.id) not in existing
            ]
        for quote_id, entity_id, target in keys:
            stance = existing.get((quote_id, entity_id, target))
            if quote_id is not None:
                shown = ann.quote(quote_id).text_in(doc.text)
            else:
                shown = ann.entity(str(entity_id)).name
            task: dict[str, Any] = {
                "text": shown,
                "label": labels.get(target, target),
                "options": _options(),
                "meta": {
                    "doc_id": doc.id,
                    "quote": quote_id,
                    "entity": entity_id,
                    "target": target,
                },
                "zitat_stance": {
                    "evidence": []
                    if stance is None
                    else [[e.start, e.end] for e in stance.evidence],
                },
            }
            if stance is not None:
                task["accept"] = [stance.polarity.value]
                task["answer"] = "accept"
            task["_input_hash"] = input_hash(task)
            task["_task_hash"] = task_hash(task)
            yield task


def _answer(record: Any, _number: int) -> StanceAnswer | None:
    if not isinstance(record, dict):
        raise ValidationError("expected a JSON object", obj="choice task")
    meta = record.get("meta")
    if not isinstance(meta, Mapping) or not meta.get("doc_id") or not meta.get("target"):
        raise ValidationError("needs meta.doc_id and meta.target", obj="choice task", field="meta")
    answer = record.get("answer")
    accept = record.get("accept")
    if answer is None and not accept:
        return None  # not answered yet (a task made with all_targets)
    if answer not in (None, "accept"):
        return None  # rejected or ignored in Prodigy: no decision
    options = {NO_STANCE, *(p.value for p in Polarity)}
    if not isinstance(accept, list) or len(accept) != 1 or accept[0] not in options:
        raise ValidationError(
            f"expected exactly one of {sorted(options)}, got {accept!r}",
            obj="choice task",
            field="accept",
        )
    quote, entity = meta.get("quote"), meta.get("entity")
    if accept[0] == NO_STANCE:
        return StanceAnswer(meta["doc_id"], meta["target"], quote, entity, None)
    raw = (record.get("zitat_stance") or {}).get("evidence", [])
    try:
        evidence = tuple(Span(int(a), int(b)) for a, b in raw)
        stance = Stance(
            target=meta["target"], polarity=accept[0], quote=quote, entity=entity, evidence=evidence
        )
    except ValidationError as err:
        raise err.inside("choice task") from None
    except (TypeError, ValueError):
        raise ValidationError(
            f"bad evidence {raw!r}", obj="choice task", field="zitat_stance.evidence"
        ) from None
    return StanceAnswer(meta["doc_id"], meta["target"], quote, entity, stance)


def iter_stance_answers(
    path: str | Path, *, lenient: bool = False, report: ReadReport | None = None
) -> Iterator[StanceAnswer]:
    """Read answered choice tasks; unanswered, rejected or ignored tasks yield nothing."""
    for item in iter_parsed(path, _answer, lenient=lenient, report=report):
        if item is not None:
            yield item


def stances_by_document(answers: Iterable[StanceAnswer]) -> dict[str, list[Stance]]:
    """Group the answered stances by document id (``none`` answers are left out)."""
    grouped: dict[str, list[Stance]] = defaultdict(list)
    for a in answers:
        if a.stance is not None:
            grouped[a.doc_id].append(a.stance)
    return dict(grouped)
