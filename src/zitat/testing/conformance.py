"""The conformance check: does an extractor keep the contract on the kit's documents?

:func:`check_extractor` runs an extractor class in this process (so failures come with
tracebacks) and returns a :class:`ConformanceReport` listing every check and why it failed.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from zitat.plugins.extractor import Extractor, Resources
from zitat.plugins.guard import _describe, check_output
from zitat.schema import Annotations, Document, Task
from zitat.testing.documents import kit_documents, seed_documents

__all__ = ["CheckResult", "ConformanceReport", "assert_conforms", "check_extractor"]

_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")


@dataclass(frozen=True)
class CheckResult:
    """One check: its name, whether it passed, and what went wrong."""

    name: str
    passed: bool
    message: str = ""

    def __str__(self) -> str:
        mark = "ok  " if self.passed else "FAIL"
        return f"{mark} {self.name}" + (f": {self.message}" if self.message else "")


@dataclass
class ConformanceReport:
    """Every check run on one extractor class."""

    extractor: str
    checks: list[CheckResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True if every check passed."""
        return all(c.passed for c in self.checks)

    @property
    def failures(self) -> list[CheckResult]:
        """The checks that failed."""
        return [c for c in self.checks if not c.passed]

    def failed(self, name: str) -> bool:
        """True if a check called ``name`` (or starting with ``name[``) failed."""
        return any(c.name == name or c.name.startswith(f"{name}[") for c in self.failures)

    def add(self, name: str, message: str | None) -> None:
        """Record a check: ``message`` None means it passed."""
        self.checks.append(CheckResult(name, message is None, message or ""))

    def __str__(self) -> str:
        verdict = "conforms" if self.ok else f"{len(self.failures)} check(s) failed"
        lines = [f"extractor {self.extractor!r}: {verdict}"]
        lines += [f"  {c}" for c in self.checks]
        return "\n".join(lines)


def _metadata(report: ConformanceReport, cls: type[Any], config: Mapping[str, Any] | None) -> None:
    name = getattr(cls, "name", None)
    report.add(
        "metadata.name",
        None
        if isinstance(name, str) and _NAME.fullmatch(name)
        else f"name must be a lowercase word (letters, digits, '.', '_', '-'), got {name!r}",
    )
    version = getattr(cls, "version", None)
    report.add(
        "metadata.version",
        None
        if isinstance(version, str) and version.strip()
        else f"version must be a non-empty string, got {version!r}",
    )
    tasks = getattr(cls, "tasks", None)
    tasks_ok = isinstance(tasks, frozenset) and tasks and all(isinstance(t, Task) for t in tasks)
    report.add(
        "metadata.tasks",
        None
        if tasks_ok
        else f"tasks must be a non-empty frozenset of zitat.schema.Task, got {tasks!r}",
    )
    description = getattr(cls, "description", None)
    report.add(
        "metadata.description",
        None
        if isinstance(description, str) and description.strip() and "\n" not in description
        else f"description must be one non-empty line, got {description!r}",
    )
    resources = getattr(cls, "resources", None)
    resources_ok = isinstance(resources, Resources) and (
        resources.memory_mb is None
        or (isinstance(resources.memory_mb, int) and resources.memory_mb > 0)
    )
    report.add(
        "metadata.resources",
        None
        if resources_ok
        else f"resources must be a zitat.plugins.Resources with memory_mb > 0 or None, "
        f"got {resources!r}",
    )
    report.add("metadata.config", _config_problem(cls, config))


def _config_problem(cls: type[Any], config: Mapping[str, Any] | None) -> str | None:
    config_cls = getattr(cls, "Config", None)
    if not (isinstance(config_cls, type) and dataclasses.is_dataclass(config_cls)):
        return f"Config must be a dataclass, got {config_cls!r}"
    if not getattr(config_cls, "__dataclass_params__").frozen:  # noqa: B009
        return "Config must be a frozen dataclass (@dataclass(frozen=True))"
    try:
        cls.make_config(config)
    except Exception as err:
        return f"the configuration {dict(config or {})!r} does not validate: {err}"
    try:
        cls.make_config({"__no_such_option__": 1})
    except Exception:
        return None
    return "make_config accepted an unknown option"


def _run(make: Callable[[], Extractor], docs: Sequence[Document]) -> list[Annotations | None]:
    """Extract every document with a fresh extractor (None where it fails)."""
    extractor = make()
    outputs: list[Annotations | None] = []
    for doc in docs:
        try:
            outputs.append(check_output(doc, extractor.extract(doc), extractor.name))
        except Exception:
            outputs.append(None)
    return outputs


def check_extractor(
    extractor_cls: type[Extractor],
    config: Mapping[str, Any] | None = None,
    *,
    documents: Mapping[str, Document] | None = None,
    include_seeds: bool = True,
    time_limit: float | None = 60.0,
) -> ConformanceReport:
    """Check ``extractor_cls`` against the extractor contract; never raises for its faults.

    Checks the declared metadata (name, version, tasks, description, resources, Config),
    that it can be built with ``config``, that every kit document (and the bundled seeds, if
    present and ``include_seeds``) gives valid :class:`~zitat.schema.Annotations` within
    ``time_limit`` seconds, that two runs with fresh instances agree (determinism, also
    across document order), and that ``extract_batch`` equals ``extract`` per document.
    ``documents`` replaces the kit documents.
    """
    report = ConformanceReport(str(getattr(extractor_cls, "name", extractor_cls.__name__)))
    if not (inspect.isclass(extractor_cls) and issubclass(extractor_cls, Extractor)):
        report.add("class", f"{extractor_cls!r} is not a subclass of zitat.plugins.Extractor")
        return report
    if inspect.isabstract(extractor_cls):
        missing = ", ".join(sorted(extractor_cls.__abstractmethods__))
        report.add("class", f"abstract: implement {missing}")
        return report
    _metadata(report, extractor_cls, config)

    def make() -> Extractor:
        return extractor_cls(config)

    try:
        make()
    except Exception as err:
        report.add("construct", f"{extractor_cls.__name__}(config) raised {_describe(err)}")
        return report
    report.add("construct", None)

    named = dict(documents if documents is not None else kit_documents())
    if include_seeds and documents is None:
        for doc in seed_documents() or ():
            named[f"seed:{doc.id}"] = doc
    names, docs = list(named), list(named.values())

    first: list[Annotations | None] = []
    extractor = make()
    for name, doc in named.items():
        start = time.perf_counter()
        try:
            output = check_output(doc, extractor.extract(doc), extractor.name)
        except Exception as err:
            first.append(None)
            report.add(f"output[{name}]", _describe(err))
            continue
        seconds = time.perf_counter() - start
        first.append(output)
        if time_limit is not None and seconds > time_limit:
            report.add(f"output[{name}]", f"took {seconds:.1f} s (limit {time_limit:g} s)")
        else:
            report.add(f"output[{name}]", None)

    second = _run(make, docs[::-1])[::-1]
    differ = [n for n, a, b in zip(names, first, second, strict=True) if a != b]
    report.add(
        "deterministic",
        None
        if not differ
        else "a second run (fresh instance, documents in reverse order) gave different "
        f"annotations for: {', '.join(differ)}",
    )
    report.add("batch", _batch_problem(make, names, docs, first))
    return report


def _batch_problem(
    make: Callable[[], Extractor],
    names: list[str],
    docs: list[Document],
    single: list[Annotations | None],
) -> str | None:
    """Compare ``extract_batch`` with ``extract`` on the documents ``extract`` handled."""
    kept = [(n, d, s) for n, d, s in zip(names, docs, single, strict=True) if s is not None]
    try:
        batch = list(make().extract_batch([d for _, d, _ in kept]))
    except Exception as err:
        return f"extract_batch raised {_describe(err)}"
    if len(batch) != len(kept):
        return f"extract_batch returned {len(batch)} results for {len(kept)} documents"
    differ: list[str] = []
    for (name, doc, one), output in zip(kept, batch, strict=True):
        try:
            check_output(doc, output, "extract_batch")
        except Exception as err:
            return f"extract_batch gave invalid output for {name}: {err}"
        if output != one:
            differ.append(name)
    if differ:
        return f"extract_batch differs from extract for: {', '.join(differ)}"
    return None


def assert_conforms(
    extractor_cls: type[Extractor],
    config: Mapping[str, Any] | None = None,
    **options: Any,
) -> ConformanceReport:
    """Run :func:`check_extractor` and raise AssertionError listing every failed check."""
    report = check_extractor(extractor_cls, config, **options)
    if not report.ok:
        raise AssertionError(str(report))
    return report
