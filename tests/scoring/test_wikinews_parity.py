"""Parity of zitat's Wikinews official metric with an independent reference, on every dev file.

The reference (:mod:`tests.scoring.wikinews_reference`) reads the raw JSON token ids; zitat
reads the same files with its reader and scores character spans. Predictions are the gold
itself and seeded random perturbations of it, built on the raw JSON and read by zitat's
reader, so the parity covers reader and scorer together. Both readings of zero-overlap pairs
(zitat's ``original=True`` and ``original=False``) are checked. The dataset is never copied into
the repository; the tests skip when it is absent.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from zitat.io.wikinews import wikinews_to_document
from zitat.schema import AnnotatedDocument
from zitat.scoring import DocumentPair, score_corpus, wikinews_counts
from zitat.wikinews_plugin import ENV_VAR, wikinews_dir

from .wikinews_reference import (
    PARTS,
    assign,
    brute_force_total,
    document_tally,
    empty_tally,
    merge,
    overlap,
    summarise,
    to_group,
)

DATA = wikinews_dir()
DEV = None if DATA is None else DATA / "dev"
pytestmark = pytest.mark.skipif(
    DEV is None or not DEV.is_dir(),
    reason=f"the Wikinews dev split was not found (set {ENV_VAR} to run these tests)",
)

KEYS = [f"{name}.{m}" for name in ("messages", "roles", "joint") for m in ("p", "r", "f1")] + [
    "form.acc",
    "stwr.acc",
    "form.p",
    "form.r",
    "form.f1",
    "stwr.p",
    "stwr.r",
    "stwr.f1",
]
TYPES = ["Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported"]
MEDIA = ["Speech", "Writing", "Thought", "SW", "ST", "TW"]
ROLES = PARTS[1:]
VARIANTS = 4
TOL = 1e-9


@cache
def raw_dev() -> list[tuple[str, dict[str, Any]]]:
    """(file name, parsed JSON) of every dev file, sorted by name."""
    return [(p.name, json.loads(p.read_text("utf-8"))) for p in sorted(DEV.glob("*.json"))]


# -- perturbations on the raw JSON ------------------------------------------------------------


def role_from_ids(ids: list[int], tokens: list[dict[str, Any]]) -> dict[str, Any]:
    """A raw role object covering ``ids`` (one span per run of consecutive token ids)."""
    ids = sorted(set(ids))
    runs: list[list[int]] = []
    for t in ids:
        if runs and runs[-1][-1] == t - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    spans = [
        {
            "begin": run[0],
            "end": run[-1] + 1,
            "charBegin": tokens[run[0]]["charBegin"],
            "charEnd": tokens[run[-1]]["charEnd"],
        }
        for run in runs
    ]
    text = " ".join(" ".join(tokens[t]["text"] for t in run) for run in runs)
    return {"spans": spans, "text": text, "tokenIds": ids}


def shifted(ids: list[int], rng: random.Random, n_tokens: int) -> list[int]:
    """The contiguous range of ``ids`` with each end moved by 0 or ±1-3 tokens (non-empty)."""
    first, last = min(ids), max(ids)
    for _ in range(10):
        a = first + rng.choice([0, -3, -2, -1, 1, 2, 3])
        b = last + rng.choice([0, -3, -2, -1, 1, 2, 3])
        a, b = max(a, 0), min(b, n_tokens - 1)
        if a <= b:
            return list(range(a, b + 1))
    return list(range(first, last + 1))


def perturb(data: dict[str, Any], rng: random.Random, n_ops: int) -> list[dict[str, Any]]:
    """A perturbed copy of the document's annotations (``n_ops`` random edits)."""
    tokens = data["tokens"]
    anns = copy.deepcopy(data["annotations"])
    ops = ["drop", "shift", "merge", "drop_role", "relabel", "spurious", "shift_role"]
    for _ in range(n_ops):
        op = rng.choice(ops)
        if op == "spurious" or not anns:
            start = rng.randrange(len(tokens))
            end = min(start + rng.randint(0, 15), len(tokens) - 1)
            ann: dict[str, Any] = {
                "quote": role_from_ids(list(range(start, end + 1)), tokens),
                "type": rng.choice(TYPES),
                "medium": rng.choice(MEDIA),
            }
            for role in ROLES:
                ann[role] = role_from_ids([], tokens)
            if start > 0 and rng.random() < 0.5:
                ann["cue"] = role_from_ids([start - 1], tokens)
            anns.insert(rng.randrange(len(anns) + 1), ann)
            continue
        i = rng.randrange(len(anns))
        if op == "drop":
            anns.pop(i)
        elif op == "shift":
            anns[i]["quote"] = role_from_ids(
                shifted(anns[i]["quote"]["tokenIds"], rng, len(tokens)), tokens
            )
        elif op == "merge" and len(anns) > 1:
            j = rng.choice([k for k in range(len(anns)) if k != i])
            ids = anns[i]["quote"]["tokenIds"] + anns[j]["quote"]["tokenIds"]
            anns[i]["quote"] = role_from_ids(ids, tokens)
            anns.pop(j)
        elif op == "drop_role":
            anns[i][rng.choice(ROLES)] = role_from_ids([], tokens)
        elif op == "relabel":
            key, labels = rng.choice([("type", TYPES), ("medium", MEDIA)])
            anns[i][key] = rng.choice([x for x in labels if x != anns[i][key]])
        elif op == "shift_role":
            role = rng.choice(ROLES)
            if anns[i][role]["tokenIds"]:
                new = shifted(anns[i][role]["tokenIds"], rng, len(tokens))
                anns[i][role] = role_from_ids(new, tokens)
    if rng.random() < 0.3:
        rng.shuffle(anns)
    for n, ann in enumerate(anns):
        ann.update(id=n, isNested=False, hasNested=False)
    return anns


# -- the two sides ------------------------------------------------------------------------------


def as_document(
    data: dict[str, Any], annotations: list[dict[str, Any]], name: str | None = None
) -> AnnotatedDocument:
    """Read ``data`` with ``annotations`` (and document ``name``) through zitat's reader."""
    renamed = {"documentName": name} if name else {}
    return wikinews_to_document({**data, "annotations": annotations, **renamed})


def cases() -> Iterator[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    """(case id, document, predicted annotations): gold itself, then perturbed variants."""
    for n, (name, data) in enumerate(raw_dev()):
        yield f"{name}#gold", data, copy.deepcopy(data["annotations"])
        for v in range(VARIANTS):
            rng = random.Random(1000 * n + v)
            yield f"{name}#v{v}", data, perturb(data, rng, n_ops=1 + v * 2)


def assert_close(ours: dict[str, float], ref: dict[str, float], where: str) -> None:
    """Every official number agrees to ``TOL``."""
    bad = {k: (ours[k], ref[k]) for k in KEYS if abs(ours[k] - ref[k]) > TOL}
    assert not bad, f"{where}: zitat vs reference differ: {bad}"


# -- tests --------------------------------------------------------------------------------------


def test_token_ids_agree_with_character_spans() -> None:
    """The reference's raw token ids and zitat's span-derived tokens are the same sets."""
    for name, data in raw_dev():
        assert [t["id"] for t in data["tokens"]] == list(range(len(data["tokens"]))), name
        doc = as_document(data, data["annotations"])
        pair = DocumentPair(doc, doc)
        for ann, quote in zip(data["annotations"], doc.annotations.quotes, strict=True):
            assert set(ann["quote"]["tokenIds"]) == pair.tokens(quote.spans), name
            for role in ROLES:
                assert set(ann[role]["tokenIds"]) == pair.tokens(getattr(quote, role)), name


@pytest.mark.parametrize("original", [True, False], ids=["original", "overlap-only"])
def test_gold_as_prediction_scores_one(original: bool) -> None:
    """Gold scored against itself: every number is 1.0 in both implementations."""
    total = empty_tally()
    golds = []
    for name, data in raw_dev():
        groups = [to_group(a) for a in data["annotations"]]
        tally = document_tally(groups, groups, keep_zero=original)
        total = merge(total, tally)
        doc = as_document(data, data["annotations"])
        golds.append(doc)
        ours = wikinews_counts(DocumentPair(doc, doc), original=original).scores()
        ref = summarise(tally)
        assert_close(ours, ref, name)
        if data["annotations"]:
            assert all(ref[k] == pytest.approx(1.0) for k in KEYS), name
    main = score_corpus(golds, golds, tasks=("quotes",), n_boot=0, wikinews_original=original).main
    pooled = summarise(total)
    for key in KEYS:
        assert pooled[key] == pytest.approx(1.0)
        if f"wikinews.{key}" in main:
            assert main[f"wikinews.{key}"] == pytest.approx(1.0, abs=TOL)


@pytest.mark.parametrize("original", [True, False], ids=["original", "overlap-only"])
def test_perturbed_predictions_agree(original: bool) -> None:
    """Perturbed gold: per document and pooled, zitat equals the reference to 1e-9."""
    total = empty_tally()
    golds, preds = [], []
    differing = 0
    for case, data, predicted in cases():
        gold_groups = [to_group(a) for a in data["annotations"]]
        pred_groups = [to_group(a) for a in predicted]
        tally = document_tally(gold_groups, pred_groups, keep_zero=original)
        total = merge(total, tally)
        gold_doc = as_document(data, data["annotations"], case)
        pred_doc = as_document(data, predicted, case)
        golds.append(gold_doc)
        preds.append(pred_doc)
        ref = summarise(tally)
        ours = wikinews_counts(DocumentPair(gold_doc, pred_doc), original=original).scores()
        assert_close(ours, ref, case)
        differing += ref["joint.f1"] < 1.0
    # the perturbations really perturb: most variants score below 1
    assert differing > len(raw_dev()) * VARIANTS // 2
    result = score_corpus(golds, preds, tasks=("quotes",), n_boot=0, wikinews_original=original)
    pooled = summarise(total)
    checked = 0
    for key in KEYS:
        name = f"wikinews.{key}"
        if name in result.main:
            checked += 1
            assert result.main[name] == pytest.approx(pooled[key], abs=TOL), key
    assert checked >= 9  # at least Messages/Roles/Joint P, R, F1
    assert 0.0 < pooled["joint.f1"] < 1.0


def test_assignment_is_optimal_on_small_documents() -> None:
    """The reference's scipy assignment reaches the brute-force optimum (up to 6 quotes)."""
    checked = 0
    for _, data, predicted in cases():
        gold = [to_group(a) for a in data["annotations"]]
        system = [to_group(a) for a in predicted]
        if not gold or not system or max(len(gold), len(system)) > 6:
            continue
        pairs = assign(gold, system, keep_zero=True)
        total = 0.0
        for g, s in pairs:
            value = overlap(gold[g]["quote"], system[s]["quote"])
            if value > 0:
                value += 0.01 if gold[g]["type"] == system[s]["type"] else 0.0
                value += 0.001 if gold[g]["medium"] == system[s]["medium"] else 0.0
            total += value
        assert total == pytest.approx(brute_force_total(gold, system), abs=1e-12)
        checked += 1
    assert checked > 50
