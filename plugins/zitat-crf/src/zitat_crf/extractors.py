"""The extractors: ``crf`` (the trained tagger) and ``rules-crf`` (rules, filled in by the CRF).

Both are always registered, so ``zitat plugins`` lists them and ``--config`` can point them
at a model; without a model (option ``model_dir`` or ``$ZITAT_CRF_MODEL``) construction fails
with a message saying how to train and configure one, which the harness records as a failed
extractor, not a failed run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from zitat.errors import InputError
from zitat.plugins import Extractor, Resources
from zitat.schema import Annotations, Document, Quote, Task
from zitat_crf import __version__
from zitat_crf.model import CrfModel, resolve_model_dir
from zitat_crf.train import rules_extractor

__all__ = ["CrfExtractor", "RulesCrfExtractor", "combine"]


@dataclass(frozen=True)
class CrfConfig:
    """``model_dir``: a folder written by ``zitat train crf`` (default ``$ZITAT_CRF_MODEL``)."""

    model_dir: str | None = None


@dataclass(frozen=True)
class RulesCrfConfig(CrfConfig):
    """``policy``: ``fill`` keeps every rule quote and adds CRF quotes that overlap none;
    ``crf-fill`` keeps every CRF quote and adds rule quotes that overlap none; ``union`` keeps
    both."""

    policy: Literal["fill", "crf-fill", "union"] = "fill"


class CrfExtractor(Extractor):
    """Quotes, cues, speakers and frames tagged by a CRF trained on Wikinews-style gold."""

    name: ClassVar[str] = "crf"
    version: ClassVar[str] = __version__
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES})
    description: ClassVar[str] = "Trainable CRF tagger (python-crfsuite); needs a trained model."
    resources: ClassVar[Resources] = Resources(memory_mb=400, models=("$ZITAT_CRF_MODEL",))
    Config: ClassVar[type[Any]] = CrfConfig

    @classmethod
    def unavailable(cls) -> str | None:
        """No model configured through ``$ZITAT_CRF_MODEL``: say how to get one."""
        try:
            resolve_model_dir(None, cls.name)
        except InputError as err:
            return str(err)
        return None

    #: whether ``extract`` needs the ``rules`` extractor even when the model does not
    needs_rules: ClassVar[bool] = False

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        super().__init__(config)
        self.model = CrfModel.load(resolve_model_dir(self.config.model_dir, self.name))
        # one ``rules`` extractor per CRF extractor, built only if something reads its output
        self._rules = rules_extractor() if self.needs_rules or self.model.uses_rules else None

    def extract(self, doc: Document) -> Annotations:
        """The CRF's quotes of ``doc``."""
        return self.model.predict(doc, self._rules(doc) if self._rules is not None else None)


def _overlaps(q: Quote, others: list[Quote]) -> bool:
    return any(s.overlaps(o) for other in others for s in q.spans for o in other.spans)


def combine(rules: Annotations, crf: Annotations, policy: str) -> Annotations:
    """Merge rule and CRF quotes by ``policy`` (see :class:`RulesCrfConfig`); ids renumbered."""
    base, extra = (list(rules.quotes), list(crf.quotes))
    if policy == "crf-fill":
        base, extra = extra, base
    if policy != "union":
        extra = [q for q in extra if not _overlaps(q, base)]
    quotes = sorted([*base, *extra], key=lambda q: (q.spans, q.type.value))
    renamed = [
        Quote(
            id=f"q{i + 1}",
            spans=q.spans,
            type=q.type,
            medium=q.medium,
            cue=q.cue,
            frame=q.frame,
            speaker=q.speaker,
            addressee=q.addressee,
        )
        for i, q in enumerate(quotes)
    ]
    return Annotations(quotes=tuple(renamed))


class RulesCrfExtractor(CrfExtractor):
    """The ``rules`` extractor's quotes combined with the CRF's (policy ``fill`` by default)."""

    name: ClassVar[str] = "rules-crf"
    description: ClassVar[str] = "Rule quotes plus CRF quotes where the rules found none."
    Config: ClassVar[type[Any]] = RulesCrfConfig
    needs_rules: ClassVar[bool] = True

    def extract(self, doc: Document) -> Annotations:
        """Rule and CRF quotes merged by the configured policy (the rules run once)."""
        assert self._rules is not None  # needs_rules
        rules = self._rules(doc)
        crf = self.model.predict(doc, rules if self.model.uses_rules else None)
        return combine(rules, crf, self.config.policy)
