"""The import report: what was imported per annotator, what was skipped and why."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

__all__ = ["AnnotatorSummary", "Duplicate", "ImportReport", "Issue", "Reason"]

Reason = Literal["rejected", "ignored", "unanswered", "invalid", "duplicate", "unattached"]
REASONS: tuple[Reason, ...] = get_args(Reason)
_REASON_TEXT = {
    "rejected": "answered reject: the task or its pre-annotation is wrong, not gold",
    "ignored": "answered ignore: skipped by the annotator, not used",
    "unanswered": "no answer in the record",
    "invalid": "does not validate",
    "duplicate": "superseded by another answer to the same task",
    "unattached": "stance answer whose document or quote is not among the imported ones",
}


@dataclass(frozen=True)
class Issue:
    """One record that was not imported (or only partly), with where and why."""

    source: str
    line: int
    annotator: str
    kind: str  # "quotes", "stances" or "?" (not even JSON)
    reason: Reason
    detail: str

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"

    def to_json(self) -> dict[str, Any]:
        return {
            "where": self.where,
            "annotator": self.annotator,
            "kind": self.kind,
            "reason": self.reason,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Duplicate:
    """Several answers of one annotator to one task, and which one was kept."""

    annotator: str
    kind: str
    key: str
    kept: str
    dropped: tuple[str, ...]
    rule: str

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "dropped": list(self.dropped)}


@dataclass
class AnnotatorSummary:
    """What was written for one annotator and what their records contributed."""

    name: str
    folder: str = ""
    documents: int = 0
    quotes: int = 0
    entities: int = 0
    stance_answers: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)

    def to_json(self, issues: list[Issue]) -> dict[str, Any]:
        mine = [i for i in issues if i.annotator == self.name]
        return {
            "folder": self.folder,
            "documents": self.documents,
            "quotes": self.quotes,
            "entities": self.entities,
            "stance_answers": dict(sorted(self.stance_answers.items())),
            "skipped": {
                kind: dict(sorted(Counter(i.reason for i in mine if i.kind == kind).items()))
                for kind in ("quotes", "stances")
            },
            "notes": dict(sorted(self.notes.items())),
        }


@dataclass
class ImportReport:
    """Everything ``zitat annotate import`` did, for the terminal, JSON and Markdown."""

    inputs: list[str]
    out: str
    duplicates_policy: str
    restore: bool
    annotators: dict[str, AnnotatorSummary] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def invalid(self) -> int:
        """Records that did not validate (or were not JSON)."""
        return sum(1 for i in self.issues if i.reason == "invalid")

    def annotator(self, name: str) -> AnnotatorSummary:
        """The summary of ``name``, created on first use."""
        if name not in self.annotators:
            self.annotators[name] = AnnotatorSummary(name)
        return self.annotators[name]

    def skipped(self, name: str, reason: Reason) -> int:
        """How many records of annotator ``name`` were skipped for ``reason``."""
        return sum(1 for i in self.issues if i.annotator == name and i.reason == reason)

    def to_json(self) -> dict[str, Any]:
        """The report as plain data (what ``--json`` prints and ``import-report.json`` holds)."""
        return {
            "inputs": self.inputs,
            "out": self.out,
            "duplicates_policy": self.duplicates_policy,
            "restore_hidden": self.restore,
            "annotators": {
                name: a.to_json(self.issues) for name, a in sorted(self.annotators.items())
            },
            "issues": [i.to_json() for i in self.issues],
            "duplicates": [d.to_json() for d in self.duplicates],
        }

    def to_markdown(self) -> str:
        """A Markdown report: a table per annotator, then every skipped record."""
        lines = [
            "# Prodigy import",
            "",
            (
                f"Inputs: {', '.join(f'`{i}`' for i in self.inputs)}. Output: `{self.out}`. "
                f"Duplicates: `{self.duplicates_policy}`. Parts the interface could not show "
                f"{'restored from the pre-annotation' if self.restore else 'left out'}."
            ),
            "",
            "| annotator | documents | quotes | stance answers | "
            + " | ".join(REASONS)
            + " | notes |",
            "|---" * (5 + len(REASONS)) + "|",
        ]
        for name, a in sorted(self.annotators.items()):
            notes = ", ".join(f"{k}: {v}" for k, v in sorted(a.notes.items())) or "–"
            lines.append(
                f"| {name} | {a.documents} | {a.quotes} | {sum(a.stance_answers.values())} | "
                + " | ".join(str(self.skipped(name, r)) for r in REASONS)
                + f" | {notes} |"
            )
        lines += ["", "## Skipped records"]
        if not self.issues:
            lines += ["", "None."]
        for reason in REASONS:
            mine = [i for i in self.issues if i.reason == reason]
            if not mine:
                continue
            lines += ["", f"### {reason} ({_REASON_TEXT[reason]})", ""]
            lines += [f"- `{i.where}` ({i.annotator}, {i.kind}): {_md(i.detail)}" for i in mine]
        if self.duplicates:
            lines += ["", "## Duplicate answers", ""]
            lines += [
                f"- {d.annotator}, {d.kind} {_md(d.key)}: kept `{d.kept}`, dropped "
                + ", ".join(f"`{x}`" for x in d.dropped)
                + f" ({d.rule})"
                for d in self.duplicates
            ]
        return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
