"""Quote-level scores on aligned quotations: detection, role tokens, type and medium.

Predicted quotes are aligned one-to-one to gold quotes by token overlap F1 (Hungarian
assignment, :mod:`zitat.scoring.matching`; only pairs sharing at least one token count as
matched). Then:

- ``match``: matched pairs are true positives, unmatched predicted quotes false positives,
  unmatched gold quotes false negatives;
- ``content`` and ``roles``: token-level TP/FP/FN of the quote content and of each role, summed
  over matched pairs only (unmatched quotes are already counted by ``match``);
- ``type`` and ``medium``: accuracy over matched pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zitat.scoring.pair import ROLES, DocumentPair
from zitat.scoring.prf import PRF, Accuracy

__all__ = ["QuoteCounts", "quote_counts"]


@dataclass(frozen=True)
class QuoteCounts:
    """Additive counts of :func:`quote_counts`."""

    match: PRF = field(default_factory=PRF)
    content: PRF = field(default_factory=PRF)
    roles: dict[str, PRF] = field(default_factory=lambda: {r.value: PRF() for r in ROLES})
    type: Accuracy = field(default_factory=Accuracy)
    medium: Accuracy = field(default_factory=Accuracy)

    def __add__(self, other: QuoteCounts) -> QuoteCounts:
        if not isinstance(other, QuoteCounts):
            return NotImplemented
        return QuoteCounts(
            match=self.match + other.match,
            content=self.content + other.content,
            roles={r: self.roles[r] + other.roles[r] for r in self.roles},
            type=self.type + other.type,
            medium=self.medium + other.medium,
        )

    def stats(self) -> dict[str, float]:
        """Flat additive statistics (``quotes.match.tp``, ``quotes.tokens.cue.fp``, ...)."""
        out: dict[str, float] = {}
        parts = {"match": self.match, "tokens.quote": self.content}
        parts.update({f"tokens.{r}": prf for r, prf in self.roles.items()})
        for name, prf in parts.items():
            out |= prf.stats(f"quotes.{name}")
        return out | self.type.stats("quotes.type") | self.medium.stats("quotes.medium")


def quote_counts(pair: DocumentPair) -> QuoteCounts:
    """Alignment-based counts of one document (see the module docstring)."""
    alignment = pair.alignment
    n = len(alignment.pairs)
    content = PRF()
    roles = {r.value: PRF() for r in ROLES}
    type_ok = medium_ok = 0
    for gi, pi, _ in alignment.pairs:
        g, p = pair.gold.quotes[gi], pair.pred.quotes[pi]
        content += PRF.from_sets(pair.gold_quote_tokens[gi], pair.pred_quote_tokens[pi])
        for role in ROLES:
            roles[role.value] += PRF.from_sets(pair.role_tokens(g, role), pair.role_tokens(p, role))
        type_ok += g.type == p.type
        medium_ok += g.medium == p.medium
    return QuoteCounts(
        match=PRF(n, alignment.n_pred - n, alignment.n_gold - n),
        content=content,
        roles=roles,
        type=Accuracy(type_ok, n),
        medium=Accuracy(medium_ok, n),
    )
