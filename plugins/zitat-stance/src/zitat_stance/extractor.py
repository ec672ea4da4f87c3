"""The ``rules-stance`` extractor: zitat-rules' quotes and speakers, plus rule-based stances."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from zitat.plugins import Extractor, Resources
from zitat.schema import Annotations, Document, TargetInventory, Task
from zitat_rules.extractors import RulesExtractor

from . import __version__
from .hints import builtin_hint_files
from .stances import StanceRules

__all__ = ["RulesStanceExtractor", "StanceConfig"]


@dataclass(frozen=True)
class StanceConfig:
    """Options of ``rules-stance``.

    ``builtin_hints``: use the packaged, inventory-keyed hint files (only entries whose target
    ids the inventory declares apply). ``hint_files``: paths of more hint files.
    ``skip_nested``: no stance for a quote nested in another (its parent holds the stance).
    ``unmarked_neutral``: a target named without any polarity cue is neutral (as the seeds
    guidelines annotate it); off: no stance.
    ``quotes``: options passed to the ``rules`` extractor.
    """

    builtin_hints: bool = True
    hint_files: tuple[str, ...] = ()
    skip_nested: bool = True
    unmarked_neutral: bool = True
    quotes: dict[str, Any] | None = None


class RulesStanceExtractor(Extractor):
    """Quotes and speakers from ``rules``; stances toward the corpus's declared targets.

    Without a target inventory (``use_targets(None)`` or never called) it predicts no stances.
    """

    name: ClassVar[str] = "rules-stance"
    version: ClassVar[str] = __version__
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES, Task.SPEAKERS, Task.STANCES})
    description: ClassVar[str] = (
        "Rule-based quotes (zitat-rules) with stances toward declared targets: target terms, "
        "reporting-verb and lexicon cues, negation."
    )
    resources: ClassVar[Resources] = Resources(memory_mb=200)
    Config: ClassVar[type[Any]] = StanceConfig

    def __init__(self, config: Any = None) -> None:
        super().__init__(config)
        self._quotes = RulesExtractor(self.config.quotes)  # built once, reused per document
        self._rules: StanceRules | None = None

    def use_targets(self, targets: TargetInventory | None) -> None:
        """Receive the inventory and compile it into term patterns."""
        super().use_targets(targets)
        self._quotes.use_targets(targets)
        self._rules = None

    def _stance_rules(self) -> StanceRules | None:
        if self.targets is None:
            return None
        if self._rules is None:
            files = builtin_hint_files() if self.config.builtin_hints else ()
            self._rules = StanceRules(
                self.targets,
                hint_files=(*files, *self.config.hint_files),
                skip_nested=self.config.skip_nested,
                unmarked_neutral=self.config.unmarked_neutral,
            )
        return self._rules

    def extract(self, doc: Document) -> Annotations:
        """Quotes and speakers of ``doc`` with their stances."""
        return self.extract_stances(doc, self._quotes.extract(doc))

    def extract_stances(self, doc: Document, annotations: Annotations) -> Annotations:
        """Stances for the given quotes (gold quotes setting); other annotations unchanged."""
        rules = self._stance_rules()
        if rules is None:
            return annotations.with_(stances=())
        return rules.annotate(doc, annotations)
