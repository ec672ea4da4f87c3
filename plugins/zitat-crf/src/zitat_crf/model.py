"""A trained model on disk: one CRFsuite file per label layer plus ``meta.json``."""

from __future__ import annotations

import json
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from zitat.errors import InputError
from zitat.schema import Annotations, Document
from zitat_crf.features import FEATURE_VERSION, document_features
from zitat_crf.labels import LAYERS, decode

__all__ = ["ENV_VAR", "META", "CrfModel", "resolve_model_dir"]

ENV_VAR = "ZITAT_CRF_MODEL"
META = "meta.json"


def resolve_model_dir(configured: str | None, extractor: str = "crf") -> Path:
    """The model folder from the config, else ``$ZITAT_CRF_MODEL``; a clear error if neither.

    ``extractor`` names the extractor asking, so the message shows the right ``--config``.
    """
    value = configured or os.environ.get(ENV_VAR)
    if not value:
        raise InputError(
            f"the {extractor} extractor needs a trained model: pass --config "
            f'{extractor}=\'{{"model_dir": "PATH"}}\' or set ZITAT_CRF_MODEL=PATH '
            "(train one with `zitat train crf --gold wikinews:train --out PATH`)"
        )
    path = Path(value).expanduser()
    if not (path / META).is_file():
        raise InputError(f"{path}: not a zitat-crf model folder (no {META}); train one first")
    return path


@dataclass
class CrfModel:
    """The taggers of one model folder and what training recorded in ``meta.json``."""

    path: Path
    meta: dict[str, Any]
    taggers: dict[str, pycrfsuite.Tagger]

    @classmethod
    def load(cls, path: str | Path) -> CrfModel:
        """Open a model folder written by :func:`zitat_crf.train.train`."""
        path = Path(path)
        meta = json.loads((path / META).read_text("utf-8"))
        if meta.get("feature_version") != FEATURE_VERSION:
            raise InputError(
                f"{path}: trained with feature version {meta.get('feature_version')}, "
                f"this zitat-crf uses {FEATURE_VERSION}; retrain the model"
            )
        trained_with = meta.get("rules_version")
        if meta.get("use_rules", True) and trained_with is not None:
            from zitat_crf.train import rules_version  # the plugin manager, only when needed

            if trained_with != rules_version():
                warnings.warn(
                    f"{path}: trained on the output of zitat-rules {trained_with}, but "
                    f"zitat-rules {rules_version()} is installed; retrain the model "
                    "(`zitat train crf`) for features that match",
                    stacklevel=2,
                )
        taggers = {}
        for layer in LAYERS:
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path / f"{layer}.crfsuite"))
            taggers[layer] = tagger
        return cls(path, meta, taggers)

    @property
    def uses_rules(self) -> bool:
        """True if the model was trained with the rule extractor's output as features."""
        return bool(self.meta.get("use_rules", True))

    def predict(self, doc: Document, rules: Annotations | None = None) -> Annotations:
        """Quotes of ``doc`` (``rules``: the ``rules`` extractor's output, if the model uses it)."""
        if not doc.tokens:
            return Annotations()
        xseq = document_features(doc, rules if self.uses_rules else None)
        labels = {layer: self.taggers[layer].tag(xseq) for layer in LAYERS}
        return decode(doc, labels, rules=rules, media=self.meta.get("media"))
