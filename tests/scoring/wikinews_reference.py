"""An independent reference for the Wikinews official metric, written from the dataset README.

This module is a test helper only. It deliberately shares no code with
:mod:`zitat.scoring`: it works on the dataset's raw JSON annotations (the ``tokenIds`` lists
the files carry, not zitat's character spans or token index), uses plain lists, dicts and sets,
builds its own assignment matrix and does its own macro averaging.

Interpretations of the README's "Official metric" paragraph, each marked ``[I-n]`` below:

- [I-1] A quotation's tokens for a part are the set of its ``tokenIds`` (sorted, duplicates
  removed): the README counts *tokens* as TP/FP/FN, so a token listed twice counts once.
- [I-2] "token overlap F1" of two quotations is ``2PR/(P+R)`` with ``P = |G∩S|/|S|`` and
  ``R = |G∩S|/|G|`` (0 without overlap). The tie-breaking bonuses (type +0.01, medium +0.001)
  are added only to pairs that overlap: a bonus on a non-overlapping pair would let the
  assignment prefer disjoint quotations, which cannot be what "tie-breaker" means.
- [I-3] "Hungarian assignment" returns ``min(#gold, #system)`` pairs, some possibly without any
  overlap. The README does not say whether such a pair is "matched". Both readings are
  implemented: ``keep_zero=True`` keeps every pair the assignment returns (what zitat calls
  ``original=True``, its default, documented as following the published scorer),
  ``keep_zero=False`` treats zero-overlap pairs as unmatched (zitat's ``original=False``).
- [I-4] Equal assignment totals are broken by the order of the quotations fed to the
  assignment. With ``keep_zero=True`` that is the annotation order (as in the published
  scorer); with ``keep_zero=False`` both sides are first sorted by a canonical key (sorted
  character spans, then type and medium by zitat's label names, then role spans), which is
  what zitat documents, so that the result does not depend on annotation order.
- [I-5] For a pair and a part, TP are system tokens in the gold part, FP the other system
  tokens, FN the missing gold tokens. An unmatched quotation is compared with an empty one.
- [I-6] Precision ``TP/(TP+FP)`` and recall ``TP/(TP+FN)`` are collected per pair and part;
  a value with a zero denominator is skipped. Messages averages the ``quote`` values, Roles
  pools the values of addressee, cue, frame and speaker into one mean, Joint pools all five.
  Pairs are pooled over all documents of a corpus (one mean over every pair), not averaged
  per document. A mean over no values is 0.0 (the README is silent; the published scorer
  would divide by zero).
- [I-7] F1 is the harmonic mean of that macro P and R (0.0 when both are 0).
- [I-8] Form/STWR accuracy: over matched pairs (per [I-3]), the share with equal type
  (medium), micro-averaged over the corpus; 0.0 over no pairs. Form/STWR P/R/F1 (from the
  published scorer's output): an equal label is one TP, a different one one FP and one FN, an
  unmatched system (gold) quotation one FP (FN).
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

PARTS = ["quote", "addressee", "cue", "frame", "speaker"]
ROLE_PARTS = PARTS[1:]

# [I-4] zitat's label names, used only for the canonical order of keep_zero=False.
TYPE_NAMES = {
    "Direct": "direct",
    "Indirect": "indirect",
    "FreeIndirect": "free_indirect",
    "IndirectFreeIndirect": "indirect_free_indirect",
    "Reported": "reported",
}
MEDIUM_NAMES = {
    "Speech": "speech",
    "Writing": "writing",
    "Thought": "thought",
    "SW": "speech_writing",
    "ST": "speech_thought",
    "TW": "thought_writing",
    "none": "unspecified",
}


def to_group(annotation: dict[str, Any]) -> dict[str, Any]:
    """One raw annotation as a plain dict of token-id lists plus type and medium ([I-1])."""
    group: dict[str, Any] = {}
    for part in PARTS:
        ids = annotation.get(part, {}).get("tokenIds", [])
        group[part] = sorted(set(ids))
    group["type"] = annotation["type"]
    group["medium"] = annotation["medium"]
    spans = {}
    for part in PARTS:
        raw = annotation.get(part, {}).get("spans", [])
        spans[part] = tuple(sorted((s["charBegin"], s["charEnd"]) for s in raw))
    group["canonical"] = (
        spans["quote"],
        TYPE_NAMES[annotation["type"]],
        MEDIUM_NAMES[annotation["medium"]],
        spans["cue"],
        spans["frame"],
        spans["speaker"],
        spans["addressee"],
    )
    return group


def overlap(gold_ids: list[int], sys_ids: list[int]) -> float:
    """Token overlap F1 ([I-2])."""
    both = 0
    for token in sys_ids:
        if token in gold_ids:
            both += 1
    if both == 0:
        return 0.0
    precision = both / len(sys_ids)
    recall = both / len(gold_ids)
    return 2 * precision * recall / (precision + recall)


def assign(
    gold: list[dict[str, Any]], system: list[dict[str, Any]], keep_zero: bool
) -> list[tuple[int, int]]:
    """Matched ``(gold index, system index)`` pairs ([I-2], [I-3], [I-4])."""
    if not gold or not system:
        return []
    gold_order = list(range(len(gold)))
    sys_order = list(range(len(system)))
    if not keep_zero:
        gold_order.sort(key=lambda i: gold[i]["canonical"])
        sys_order.sort(key=lambda j: system[j]["canonical"])
    matrix = np.zeros((len(gold), len(system)))
    overlaps = {}
    for row, gi in enumerate(gold_order):
        for col, sj in enumerate(sys_order):
            value = overlap(gold[gi]["quote"], system[sj]["quote"])
            overlaps[(row, col)] = value
            if value > 0:
                if gold[gi]["type"] == system[sj]["type"]:
                    value += 0.01
                if gold[gi]["medium"] == system[sj]["medium"]:
                    value += 0.001
            matrix[row, col] = value
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    pairs = []
    for row, col in zip(rows, cols, strict=True):
        if keep_zero or overlaps[(row, col)] > 0:
            pairs.append((gold_order[row], sys_order[col]))
    return pairs


def brute_force_total(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> float:
    """The best achievable assignment total, by trying every injection (small inputs only)."""
    small, large = (gold, system) if len(gold) <= len(system) else (system, gold)
    best = 0.0
    for chosen in itertools.permutations(range(len(large)), len(small)):
        total = 0.0
        for i, j in enumerate(chosen):
            g, s = (small[i], large[j]) if small is gold else (large[j], small[i])
            value = overlap(g["quote"], s["quote"])
            if value > 0:
                value += 0.01 if g["type"] == s["type"] else 0.0
                value += 0.001 if g["medium"] == s["medium"] else 0.0
            total += value
        best = max(best, total)
    return best


def empty_tally() -> dict[str, Any]:
    """Lists of per-pair precision/recall values per part, and the Form/STWR counters."""
    tally: dict[str, Any] = {"p": {}, "r": {}}
    for part in PARTS:
        tally["p"][part] = []
        tally["r"][part] = []
    for name in ("form", "stwr"):
        tally[name] = {"correct": 0, "total": 0, "tp": 0, "fp": 0, "fn": 0}
    return tally


def merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Pool two tallies (concatenate the value lists, add the counters) ([I-6])."""
    out = empty_tally()
    for key in ("p", "r"):
        for part in PARTS:
            out[key][part] = a[key][part] + b[key][part]
    for name in ("form", "stwr"):
        for counter in out[name]:
            out[name][counter] = a[name][counter] + b[name][counter]
    return out


def document_tally(
    gold: list[dict[str, Any]], system: list[dict[str, Any]], keep_zero: bool
) -> dict[str, Any]:
    """The per-pair values of one document ([I-5], [I-6], [I-8])."""
    tally = empty_tally()
    pairs = assign(gold, system, keep_zero)
    matched_gold = [g for g, _ in pairs]
    matched_sys = [s for _, s in pairs]
    comparisons: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = []
    for g, s in pairs:
        comparisons.append((gold[g], system[s]))
    for s in range(len(system)):
        if s not in matched_sys:
            comparisons.append((None, system[s]))
    for g in range(len(gold)):
        if g not in matched_gold:
            comparisons.append((gold[g], None))
    for g_group, s_group in comparisons:
        for part in PARTS:
            gold_ids = [] if g_group is None else g_group[part]
            sys_ids = [] if s_group is None else s_group[part]
            tp = len([t for t in sys_ids if t in gold_ids])
            fp = len(sys_ids) - tp
            fn = len(gold_ids) - tp
            if tp + fp > 0:
                tally["p"][part].append(tp / (tp + fp))
            if tp + fn > 0:
                tally["r"][part].append(tp / (tp + fn))
        for name, key in (("form", "type"), ("stwr", "medium")):
            counter = tally[name]
            if g_group is not None and s_group is not None:
                counter["total"] += 1
                if g_group[key] == s_group[key]:
                    counter["correct"] += 1
                    counter["tp"] += 1
                else:
                    counter["fp"] += 1
                    counter["fn"] += 1
            elif g_group is None:
                counter["fp"] += 1
            else:
                counter["fn"] += 1
    return tally


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def summarise(tally: dict[str, Any]) -> dict[str, float]:
    """The official numbers of a (document or pooled corpus) tally ([I-6], [I-7], [I-8])."""
    out: dict[str, float] = {}
    for name, parts in (("messages", ["quote"]), ("roles", ROLE_PARTS), ("joint", PARTS)):
        p_values: list[float] = []
        r_values: list[float] = []
        for part in parts:
            p_values += tally["p"][part]
            r_values += tally["r"][part]
        p, r = _mean(p_values), _mean(r_values)
        out[f"{name}.p"] = p
        out[f"{name}.r"] = r
        out[f"{name}.f1"] = _f1(p, r)
    for name in ("form", "stwr"):
        c = tally[name]
        out[f"{name}.acc"] = c["correct"] / c["total"] if c["total"] else 0.0
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        out[f"{name}.p"] = p
        out[f"{name}.r"] = r
        out[f"{name}.f1"] = _f1(p, r)
    return out
