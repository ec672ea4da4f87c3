"""Small German test corpus, a fixed extractor, and edits an annotator would make in Prodigy."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, ClassVar

from zitat.annotate import ExportSummary, export_tasks, iter_corpus
from zitat.plugins import Extractor
from zitat.schema import (
    Annotations,
    Document,
    EntityKind,
    Medium,
    Quote,
    QuoteType,
    Span,
    SpeakerEntity,
    Stance,
    TargetInventory,
    Task,
)
from zitat.testing import find_span

# CRLF line ends and an emoji (one code point, two UTF-16 units) inside a nested quote.
TEXT_A = (
    "Lawrow sagte, Russland werde „nicht angreifen 🙂“, und warnte den Westen.\r\n"
    "Er sprach von einem Erfolg.\r\n"
)
# "Bürgermeister" with a combining diaeresis (u + U+0308): two code points for one letter.
TEXT_B = "Der Bu\u0308rgermeister sagte: »Das ist ein Erfolg.« Danach ging er nach Hause."
TEXT_C = "Ein Absturz: hier versagt der Extraktor."
TEXTS = {"a": TEXT_A, "b": TEXT_B, "c": TEXT_C}

TARGETS_YAML = """\
targets:
  - id: diplomacy
    label: Diplomatie und Dialog
  - id: sanctions
    label: Sanktionen
"""


def write_corpus(folder: Path) -> Path:
    """The three texts as ``<id>.txt``, written byte for byte (CRLF kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
    return folder


def write_two_articles(folder: Path) -> Path:
    """Two one-line articles, ``dpa`` and ``afp``, quoting the same sentence word for word."""
    folder.mkdir(parents=True)
    for name in ("dpa", "afp"):
        (folder / f"{name}.txt").write_text(f"Laut {name}: „Wir reden weiter.“", encoding="utf-8")
    return folder


def write_targets(path: Path) -> Path:
    path.write_text(TARGETS_YAML, encoding="utf-8")
    return path


def annotations_a(text: str) -> Annotations:
    """Indirect quote with frame, a direct quote nested in it, an entity with two mentions."""
    lawrow = find_span(text, "Lawrow")
    outer = Quote(
        "q1",
        (find_span(text, "Russland werde „nicht angreifen 🙂“"),),
        QuoteType.INDIRECT,
        Medium.WRITING,
        cue=(find_span(text, "sagte"),),
        frame=(find_span(text, "Lawrow sagte,"),),
        speaker=(lawrow,),
        entity="lawrow",
    )
    inner = Quote(
        "q2",
        (find_span(text, "„nicht angreifen 🙂“"),),
        QuoteType.DIRECT,
        Medium.WRITING,
        speaker=(lawrow,),
        entity="lawrow",
        parent="q1",
    )
    entity = SpeakerEntity(
        "lawrow", "Sergej Lawrow", EntityKind.PERSON, (lawrow, find_span(text, "Er")), "Q4"
    )
    stance = Stance(
        "diplomacy", "favor", quote="q1", evidence=(find_span(text, "nicht angreifen"),)
    )
    return Annotations(quotes=(outer, inner), entities=(entity,), stances=(stance,))


def annotations_b(text: str) -> Annotations:
    """A direct quote whose speaker has a combining character."""
    speaker = find_span(text, "Der Bu\u0308rgermeister")
    quote = Quote(
        "q1",
        (find_span(text, "»Das ist ein Erfolg.«"),),
        QuoteType.DIRECT,
        cue=(find_span(text, "sagte"),),
        speaker=(speaker,),
        entity="bm",
    )
    pronoun = text.index(" er nach") + 1
    entity = SpeakerEntity(
        "bm", "Bürgermeister", EntityKind.PERSON, (speaker, Span(pronoun, pronoun + 2))
    )
    return Annotations(quotes=(quote,), entities=(entity,))


class FixedExtractor(Extractor):
    """Gives the annotations above for documents a and b and fails on every other text."""

    name: ClassVar[str] = "test-fixed"
    version: ClassVar[str] = "1.0"
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES, Task.SPEAKERS, Task.STANCES})

    def extract(self, doc: Document) -> Annotations:
        if doc.text == TEXT_A:
            return annotations_a(doc.text)
        if doc.text == TEXT_B:
            return annotations_b(doc.text)
        raise RuntimeError("no rule for this text")


# -- files ------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def write_jsonl(path: Path, records: list[Any], *, newline: str = "\n") -> Path:
    path.write_bytes(
        "".join(json.dumps(r, ensure_ascii=False) + newline for r in records).encode("utf-8")
    )
    return path


def export(
    folder: Path,
    corpus: Path,
    extractor: type[Extractor],
    *,
    targets: TargetInventory | None,
    **options: Any,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], ExportSummary]:
    """Export ``corpus`` (in this process) to ``folder``: quote tasks, stance tasks, summary."""
    summary = export_tasks(
        iter_corpus(corpus),
        extractor,
        out=folder / "tasks.jsonl",
        stance_out=folder / "tasks.stances.jsonl",
        targets=targets,
        isolate=False,
        **options,
    )
    return read_jsonl(folder / "tasks.jsonl"), read_jsonl(folder / "tasks.stances.jsonl"), summary


# -- what an annotator does in Prodigy ----------------------------------------------------


def answered(
    task: dict[str, Any],
    answer: str = "accept",
    *,
    annotator: str = "alice",
    dataset: str = "zitat_quotes",
    timestamp: int | None = 1_700_000_000,
) -> dict[str, Any]:
    """``task`` as Prodigy's db-out writes it after ``annotator`` answered it."""
    done = copy.deepcopy(task)
    done["answer"] = answer
    done["_session_id"] = f"{dataset}-{annotator}"
    done["_annotator_id"] = f"{dataset}-{annotator}"
    done["_view_id"] = "relations" if "tokens" in task else "choice"
    if timestamp is not None:
        done["_timestamp"] = timestamp
    return done


def prodigy_span(task: dict[str, Any], piece: str, label: str) -> dict[str, Any]:
    """A span as the relations interface saves it (whole tokens, ``token_end`` inclusive)."""
    s = find_span(task["text"], piece)
    ids = [t["id"] for t in task["tokens"] if t["start"] < s.end and s.start < t["end"]]
    return {
        "start": s.start,
        "end": s.end,
        "token_start": ids[0],
        "token_end": ids[-1],
        "label": label,
    }


def existing_span(task: dict[str, Any], piece: str, label: str) -> dict[str, Any]:
    """The span of ``task`` on the first ``piece`` with ``label`` (``KeyError`` if none)."""
    s = find_span(task["text"], piece)
    for candidate in task["spans"]:
        if (candidate["start"], candidate["end"], candidate["label"]) == (s.start, s.end, label):
            return candidate
    raise KeyError((piece, label))


def remove_span(task: dict[str, Any], piece: str, label: str) -> None:
    """Delete a span and every relation touching it."""
    gone = existing_span(task, piece, label)
    task["spans"].remove(gone)
    task["relations"] = [
        r for r in task["relations"] if gone not in (r["head_span"], r["child_span"])
    ]


def add_relation(
    task: dict[str, Any], head: dict[str, Any], child: dict[str, Any], label: str
) -> None:
    if head not in task["spans"]:
        task["spans"].append(head)
    if child not in task["spans"]:
        task["spans"].append(child)
    task["relations"].append(
        {
            "head": head["token_end"],
            "child": child["token_end"],
            "head_span": head,
            "child_span": child,
            "label": label,
        }
    )
