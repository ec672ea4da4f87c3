"""Training: gold documents in, a model folder out (``zitat train crf`` calls :func:`train`)."""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import pycrfsuite

from zitat.plugins import Plugins
from zitat.schema import AnnotatedDocument, Annotations, Document
from zitat_crf import __version__
from zitat_crf.features import FEATURE_VERSION, document_features
from zitat_crf.labels import LAYERS, encode
from zitat_crf.model import META

__all__ = ["TrainReport", "rules_extractor", "rules_version", "train"]


@dataclass(frozen=True)
class TrainReport:
    """What a training run did: sizes, time and where the model went."""

    out: str
    documents: int
    tokens: int
    seconds: float
    model_bytes: int
    seed: int
    c1: float
    c2: float
    max_iterations: int


def rules_extractor() -> Callable[[Document], Annotations]:
    """The ``rules`` extractor's ``extract`` (found through zitat's plugin manager)."""
    return Plugins().extractor("rules")().extract


def rules_version() -> str:
    """Version of the installed ``rules`` extractor, whose output the features include."""
    return Plugins().extractor("rules").version


def train(
    docs: Iterable[AnnotatedDocument],
    out: str | Path,
    *,
    seed: int = 0,
    c1: float = 0.05,
    c2: float = 0.01,
    max_iterations: int = 150,
    use_rules: bool = True,
    log: Callable[[str], None] | None = None,
) -> TrainReport:
    """Train the three layer taggers on ``docs`` and write them to the folder ``out``.

    Deterministic: documents are put in a ``seed``-shuffled order (after sorting by id), and
    CRFsuite's L-BFGS has no other randomness.
    """
    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    ordered = sorted(docs, key=lambda d: d.id)
    random.Random(seed).shuffle(ordered)
    extract = rules_extractor() if use_rules else None
    trainers = {layer: pycrfsuite.Trainer(verbose=False) for layer in LAYERS}
    media: dict[str, Counter[str]] = {}
    n_tokens = 0
    for doc in ordered:
        document = doc.document
        if not document.tokens:
            continue
        rules = extract(document) if extract is not None else None
        xseq = document_features(document, rules)
        labels = encode(document, doc.annotations)
        for layer in LAYERS:
            trainers[layer].append(xseq, labels[layer])
        for q in doc.annotations.quotes:
            media.setdefault(q.type.value, Counter())[q.medium.value] += 1
        n_tokens += len(document.tokens)
    if log:
        log(f"features of {len(ordered)} documents ({n_tokens} tokens) ready")
    for layer in LAYERS:
        trainer = trainers[layer]
        trainer.set_params(
            {
                "c1": c1,
                "c2": c2,
                "max_iterations": max_iterations,
                "feature.possible_transitions": True,
            }
        )
        trainer.train(str(out / f"{layer}.crfsuite"))
        if log:
            log(f"layer {layer}: trained")
    seconds = time.perf_counter() - started
    size = sum((out / f"{layer}.crfsuite").stat().st_size for layer in LAYERS)
    report = TrainReport(
        str(out), len(ordered), n_tokens, seconds, size, seed, c1, c2, max_iterations
    )
    meta = {
        "zitat_crf": __version__,
        "feature_version": FEATURE_VERSION,
        "use_rules": use_rules,
        "rules_version": rules_version() if use_rules else None,
        "media": {t: c.most_common(1)[0][0] for t, c in sorted(media.items())},
        "report": asdict(report),
    }
    (out / META).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", "utf-8")
    return report
