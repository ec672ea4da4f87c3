"""The official metric of the German Wikinews quotation dataset (GermEval 2023 Task 2).

Re-implemented from the dataset README and checked against the published scorer
(``eval/eval.py`` of ``uhh-lt/german-news-quotation-attribution-2024``). Per document:

1. **Alignment.** Gold and system quotations are aligned one-to-one with
   ``scipy.optimize.linear_sum_assignment(maximize=True)`` on a gold × system matrix of quote
   token overlap F1, plus 0.01 for the same type and 0.001 for the same medium (bonuses only
   for overlapping pairs). *Interpretation:* with ``original=True`` (the default) this follows
   the original scorer to the letter: the assignment keeps all ``min(#gold, #system)`` pairs it
   returns, including pairs without any overlap. Such a pair scores 0 for the quote tokens (as
   two unmatched quotations would) but its roles, type and medium are still compared; which
   zero-overlap quotations get paired, and how exact ties go, depends on the annotation order,
   as in the original. ``original=False`` treats zero-overlap pairs as unmatched and breaks
   ties by a canonical quote order, so the result does not depend on annotation order.
2. **Token counts.** A quotation's tokens are the document tokens (``Document.tokens``) that
   overlap its spans, as a set (a token is counted once). For each pair and each part —
   ``quote`` (Messages) and ``addressee``, ``cue``, ``frame``, ``speaker`` (Roles) — system
   tokens also in the gold part are TP, the other system tokens FP, missing gold tokens FN. An
   unmatched system quotation is compared with an empty quotation (all its tokens FP), an
   unmatched gold one likewise (all FN).
3. **Macro P/R.** Each pair and part gives a precision ``tp/(tp+fp)`` and a recall
   ``tp/(tp+fn)``; a value whose denominator is zero is skipped (so an unmatched system
   quotation contributes precision 0 and no recall, an unmatched gold one recall 0 and no
   precision, and a role absent on both sides contributes nothing). Messages P is the mean of
   the ``quote`` precisions over all pairs of the corpus (pairs are pooled across documents,
   not averaged per document); Roles P pools the values of the four roles (every pair × role
   value is one item of the mean); Joint pools all five parts. R likewise; each F1 is the
   harmonic mean of that P and R. A mean over no values is 0.0 (the original scorer divides by
   zero there).
4. **Form and STWR.** ``form.acc``/``stwr.acc``: type/medium accuracy over aligned pairs,
   micro-averaged over the corpus (the README's wording). The original scorer also prints
   "Form" and "STWR" P/R/F1, where a pair with equal labels is a TP, a pair with different
   labels one FP and one FN, and an unmatched system (gold) quotation one FP (FN); these are
   ``form.p``/``form.r``/``form.f1`` (and ``stwr.*``).
5. The micro token P/R/F1 of each part (the scorer's log output) is kept as ``micro``.

Nested quotations are scored like any other (the scorer's default ``nested = True``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zitat.schema import Quote
from zitat.scoring.pair import ROLES, DocumentPair
from zitat.scoring.prf import PRF, Accuracy, f1_of, safe_div

__all__ = ["PARTS", "MacroSums", "WikinewsCounts", "wikinews_counts"]

PARTS: tuple[str, ...] = ("quote", *(r.value for r in ROLES))
"""``quote`` (Messages) then the roles (Roles); all of them make Joint."""


@dataclass(frozen=True, slots=True)
class MacroSums:
    """Sums and counts of the per-pair precision and recall values of one part."""

    psum: float = 0.0
    pn: int = 0
    rsum: float = 0.0
    rn: int = 0

    @property
    def precision(self) -> float:
        """Mean of the precision values; 0.0 over none."""
        return safe_div(self.psum, self.pn)

    @property
    def recall(self) -> float:
        """Mean of the recall values; 0.0 over none."""
        return safe_div(self.rsum, self.rn)

    def __add__(self, other: MacroSums) -> MacroSums:
        if not isinstance(other, MacroSums):
            return NotImplemented
        return MacroSums(
            self.psum + other.psum, self.pn + other.pn, self.rsum + other.rsum, self.rn + other.rn
        )


def _pool(sums: list[MacroSums]) -> tuple[float, float, float]:
    pooled = sum(sums, MacroSums())
    p, r = pooled.precision, pooled.recall
    return p, r, f1_of(p, r)


@dataclass(frozen=True)
class WikinewsCounts:
    """Additive statistics of the official metric (see the module docstring)."""

    macro: dict[str, MacroSums] = field(default_factory=lambda: {p: MacroSums() for p in PARTS})
    micro: dict[str, PRF] = field(default_factory=lambda: {p: PRF() for p in PARTS})
    form: PRF = field(default_factory=PRF)
    stwr: PRF = field(default_factory=PRF)
    form_acc: Accuracy = field(default_factory=Accuracy)
    stwr_acc: Accuracy = field(default_factory=Accuracy)

    def __add__(self, other: WikinewsCounts) -> WikinewsCounts:
        if not isinstance(other, WikinewsCounts):
            return NotImplemented
        return WikinewsCounts(
            macro={p: self.macro[p] + other.macro[p] for p in PARTS},
            micro={p: self.micro[p] + other.micro[p] for p in PARTS},
            form=self.form + other.form,
            stwr=self.stwr + other.stwr,
            form_acc=self.form_acc + other.form_acc,
            stwr_acc=self.stwr_acc + other.stwr_acc,
        )

    @property
    def messages(self) -> tuple[float, float, float]:
        """Macro ``(P, R, F1)`` of the quote tokens."""
        return _pool([self.macro["quote"]])

    @property
    def roles(self) -> tuple[float, float, float]:
        """Macro ``(P, R, F1)`` pooled over addressee, cue, frame and speaker."""
        return _pool([self.macro[p] for p in PARTS[1:]])

    @property
    def joint(self) -> tuple[float, float, float]:
        """Macro ``(P, R, F1)`` pooled over the quote and all roles."""
        return _pool([self.macro[p] for p in PARTS])

    def scores(self) -> dict[str, float]:
        """The official numbers: ``messages.f1``, ``roles.p``, ``form.acc``, ``stwr.f1``, ..."""
        out: dict[str, float] = {}
        for name in ("messages", "roles", "joint"):
            p, r, f = getattr(self, name)
            out.update({f"{name}.p": p, f"{name}.r": r, f"{name}.f1": f})
        for name, prf, acc in (
            ("form", self.form, self.form_acc),
            ("stwr", self.stwr, self.stwr_acc),
        ):
            out.update(
                {
                    f"{name}.acc": acc.value,
                    f"{name}.p": prf.precision,
                    f"{name}.r": prf.recall,
                    f"{name}.f1": prf.f1,
                }
            )
        return out

    def stats(self) -> dict[str, float]:
        """Flat additive statistics (``wikinews.quote.psum``, ``wikinews.form.tp``, ...)."""
        out: dict[str, float] = {}
        for part in PARTS:
            m, prf = self.macro[part], self.micro[part]
            out.update(
                {
                    f"wikinews.{part}.psum": m.psum,
                    f"wikinews.{part}.pn": m.pn,
                    f"wikinews.{part}.rsum": m.rsum,
                    f"wikinews.{part}.rn": m.rn,
                }
            )
            out |= prf.stats(f"wikinews.{part}")
        for name, prf, acc in (
            ("form", self.form, self.form_acc),
            ("stwr", self.stwr, self.stwr_acc),
        ):
            out |= prf.stats(f"wikinews.{name}") | acc.stats(f"wikinews.{name}")
        return out


_EMPTY: frozenset[int] = frozenset()


def _part_tokens(
    pair: DocumentPair, quote: Quote | None, tokens: frozenset[int]
) -> list[frozenset[int]]:
    if quote is None:
        return [_EMPTY] * len(PARTS)
    return [tokens, *(pair.role_tokens(quote, role) for role in ROLES)]


def wikinews_counts(pair: DocumentPair, *, original: bool = True) -> WikinewsCounts:
    """The official metric's statistics for one document (see the module docstring)."""
    alignment = pair.align(keep_zero=original, canonical=not original)
    gold, pred = pair.gold.quotes, pair.pred.quotes
    triples: list[tuple[Quote | None, frozenset[int], Quote | None, frozenset[int]]] = [
        (gold[g], pair.gold_quote_tokens[g], pred[p], pair.pred_quote_tokens[p])
        for g, p, _ in alignment.pairs
    ]
    triples += [
        (None, _EMPTY, pred[p], pair.pred_quote_tokens[p]) for p in alignment.unmatched_pred
    ]
    triples += [
        (gold[g], pair.gold_quote_tokens[g], None, _EMPTY) for g in alignment.unmatched_gold
    ]

    macro = {p: MacroSums() for p in PARTS}
    micro = {p: PRF() for p in PARTS}
    form = stwr = PRF()
    form_ok = stwr_ok = 0
    for gq, gt, pq, pt in triples:
        for part, g_tok, p_tok in zip(
            PARTS, _part_tokens(pair, gq, gt), _part_tokens(pair, pq, pt), strict=True
        ):
            counts = PRF.from_sets(g_tok, p_tok)
            micro[part] += counts
            # a precision (recall) whose denominator is zero is skipped, not counted as 0
            has_p, has_r = counts.tp + counts.fp > 0, counts.support > 0
            macro[part] += MacroSums(counts.precision, int(has_p), counts.recall, int(has_r))
        if gq is not None and pq is not None:
            same_type, same_medium = gq.type == pq.type, gq.medium == pq.medium
            form_ok += same_type
            stwr_ok += same_medium
            form += PRF(1, 0, 0) if same_type else PRF(0, 1, 1)
            stwr += PRF(1, 0, 0) if same_medium else PRF(0, 1, 1)
        else:
            one_sided = PRF(0, 1, 0) if gq is None else PRF(0, 0, 1)
            form += one_sided
            stwr += one_sided
    n = len(alignment.pairs)
    return WikinewsCounts(
        macro=macro,
        micro=micro,
        form=form,
        stwr=stwr,
        form_acc=Accuracy(form_ok, n),
        stwr_acc=Accuracy(stwr_ok, n),
    )
