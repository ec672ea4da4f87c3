"""Agreement of two annotators, scored with the harness's own scorers.

One annotator is scored against the other exactly as a prediction against gold
(:mod:`zitat.scoring`), with the earlier annotator as the reference. F1 is symmetric (swapping
the two swaps precision and recall), so only F1 is reported; the raw counts name which side had
what (``both``, ``only_a``, ``only_b``).

On top of the scorer's counts, on the aligned quote pairs:

- ``roles.<role>.exact``: of the aligned pairs where at least one side has the role, the share
  whose role spans are identical;
- ``speakers.attribution``: the share of aligned pairs attributed to the same speaker, tested
  in both directions with the scorer's rule (:func:`zitat.scoring.speakers.attributed`: one
  side's speaker span, or its entity's mentions, overlaps the other's entity), so the value
  does not depend on which annotator is the reference;
- categorical labels (type, medium, stance polarity per target) collected for
  :mod:`~zitat.agreement.categorical`.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from zitat.agreement.align import DocumentView
from zitat.agreement.categorical import Coefficients
from zitat.schema import Quote, Span
from zitat.scoring.pair import ROLES
from zitat.scoring.prf import PRF, Accuracy
from zitat.scoring.quotes import QuoteCounts, quote_counts
from zitat.scoring.spans import span_counts
from zitat.scoring.speakers import SpeakerCounts, attributed, speaker_counts

__all__ = [
    "FIELDS",
    "NO_STANCE",
    "PairCounts",
    "pair_counts",
    "pair_labels",
    "pair_metrics",
    "same_speaker",
]

FIELDS: tuple[str, ...] = ("type", "medium", "stance")
"""The categorical fields whose agreement is chance-corrected."""
NO_STANCE = "none"
"""The stance label of a quote that takes no stance toward a target another annotator used."""
PAIR_COEFFICIENTS: tuple[str, ...] = ("observed", "kappa", "alpha")


def same_speaker(
    a: Quote,
    b: Quote,
    mentions_a: dict[str, frozenset[Span]],
    mentions_b: dict[str, frozenset[Span]],
) -> bool:
    """Whether two annotators' quotes have one speaker: the scorer's rule both ways round."""
    return attributed(a, b, mentions_a, mentions_b) and attributed(b, a, mentions_b, mentions_a)


def _add_acc(a: dict[str, Accuracy], b: dict[str, Accuracy]) -> dict[str, Accuracy]:
    return {k: a.get(k, Accuracy()) + b.get(k, Accuracy()) for k in {*a, *b}}


@dataclass(frozen=True)
class PairCounts:
    """Additive counts of two annotators (``a`` the reference) on some documents."""

    exact: PRF = field(default_factory=PRF)
    overlap: PRF = field(default_factory=PRF)
    quotes: QuoteCounts = field(default_factory=QuoteCounts)
    speakers: SpeakerCounts = field(default_factory=SpeakerCounts)
    attribution: Accuracy = field(default_factory=Accuracy)
    role_exact: dict[str, Accuracy] = field(
        default_factory=lambda: {r.value: Accuracy() for r in ROLES}
    )
    quotes_a: int = 0
    quotes_b: int = 0

    def __add__(self, other: PairCounts) -> PairCounts:
        if not isinstance(other, PairCounts):
            return NotImplemented
        return PairCounts(
            self.exact + other.exact,
            self.overlap + other.overlap,
            self.quotes + other.quotes,
            self.speakers + other.speakers,
            self.attribution + other.attribution,
            _add_acc(self.role_exact, other.role_exact),
            self.quotes_a + other.quotes_a,
            self.quotes_b + other.quotes_b,
        )

    def counts(self) -> dict[str, int]:
        """Raw counts behind the metrics, flat (``quotes.exact.only_a``, ...)."""
        out: dict[str, int] = {"quotes.a": self.quotes_a, "quotes.b": self.quotes_b}
        prfs = {
            "quotes.exact": self.exact,
            "quotes.overlap": self.overlap,
            "quotes.match": self.quotes.match,
        }
        prfs.update({f"roles.{r}.tokens": prf for r, prf in self.quotes.roles.items()})
        for name, prf in prfs.items():
            out |= {f"{name}.both": prf.tp, f"{name}.only_a": prf.fn, f"{name}.only_b": prf.fp}
        accs = {f"roles.{r}.exact": acc for r, acc in self.role_exact.items()}
        accs |= {"speakers.attribution": self.attribution, "speakers.name": self.speakers.name}
        for name, acc in accs.items():
            out |= {f"{name}.agreed": acc.correct, f"{name}.total": acc.total}
        return out


def _f1(prf: PRF) -> float | None:
    return None if prf.empty else prf.f1


def _share(acc: Accuracy) -> float | None:
    return acc.value if acc.total else None


def pair_metrics(
    counts: PairCounts, categorical: dict[str, Coefficients]
) -> dict[str, float | None]:
    """The agreement metrics of a pair by name; ``None`` where there is nothing to compare."""
    out: dict[str, float | None] = {
        "quotes.exact.f1": _f1(counts.exact),
        "quotes.overlap.f1": _f1(counts.overlap),
        "quotes.match.f1": _f1(counts.quotes.match),
    }
    for role in ROLES:
        out[f"roles.{role.value}.tokens.f1"] = _f1(counts.quotes.roles[role.value])
        out[f"roles.{role.value}.exact"] = _share(counts.role_exact[role.value])
    sp = counts.speakers
    out["speakers.attribution"] = _share(counts.attribution)
    out["speakers.name"] = _share(sp.name)
    out["speakers.b3.f1"] = sp.b3[2] if sp.b3_pn or sp.b3_rn else None
    for name in FIELDS:
        values = categorical.get(name, Coefficients()).values()
        out.update({f"{name}.{c}": values[c] for c in PAIR_COEFFICIENTS})
    return out


def pair_counts(view: DocumentView, a: str, b: str) -> PairCounts:
    """Counts of ``a`` (reference) against ``b`` on one document."""
    pair = view.pair(a, b)
    spans = span_counts(pair)
    ma, mb = view.mentions[a], view.mentions[b]
    agreed = 0
    role_exact = {r.value: Accuracy() for r in ROLES}
    for gi, pi, _ in pair.alignment.pairs:
        qa, qb = pair.gold.quotes[gi], pair.pred.quotes[pi]
        agreed += same_speaker(qa, qb, ma, mb)
        for role in ROLES:
            sa, sb = qa.role(role), qb.role(role)
            if sa or sb:
                role_exact[role.value] += Accuracy(int(sa == sb), 1)
    return PairCounts(
        exact=spans.exact["quotes"],
        overlap=spans.overlap["quotes"],
        quotes=quote_counts(pair),
        speakers=speaker_counts(pair),
        attribution=Accuracy(agreed, len(pair.alignment.pairs)),
        role_exact=role_exact,
        quotes_a=len(pair.gold.quotes),
        quotes_b=len(pair.pred.quotes),
    )


def pair_labels(view: DocumentView, a: str, b: str) -> dict[str, dict[Hashable, dict[str, str]]]:
    """Categorical labels of the aligned quote pairs, by field (items keyed by document)."""
    pair = view.pair(a, b)
    sa, sb = view.stances[a], view.stances[b]
    out: dict[str, dict[Hashable, dict[str, str]]] = {name: {} for name in FIELDS}
    for gi, pi, _ in pair.alignment.pairs:
        qa, qb = pair.gold.quotes[gi], pair.pred.quotes[pi]
        key = (view.doc_id, gi, pi)
        out["type"][key] = {a: qa.type.value, b: qb.type.value}
        out["medium"][key] = {a: qa.medium.value, b: qb.medium.value}
        ta, tb = sa.get(qa.id, {}), sb.get(qb.id, {})
        for target in sorted({*ta, *tb}):
            out["stance"][(*key, target)] = {
                a: ta.get(target, NO_STANCE),
                b: tb.get(target, NO_STANCE),
            }
    return out
