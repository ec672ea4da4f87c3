"""A gold document and its prediction, tokenised once and aligned once.

Every scorer takes a :class:`DocumentPair`. Tokens come from the gold document (tokenised with
:func:`zitat.text.tokenize` if it has none), so gold and predicted token ids refer to the same
tokens; a quote's tokens are the tokens that overlap any of its spans. The quote alignment used by
the quote, speaker and end-to-end stance scores is computed once per pair and cached.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import Any

from zitat.errors import ValidationError
from zitat.schema import AnnotatedDocument, Annotations, Quote, Role, Span, Token
from zitat.scoring.matching import QuoteAlignment, align_quotes
from zitat.text import TokenIndex, tokenize

__all__ = ["ROLES", "DocumentPair", "token_set"]

ROLES: tuple[Role, ...] = (Role.ADDRESSEE, Role.CUE, Role.FRAME, Role.SPEAKER)
"""The roles, in the order of the Wikinews scorer (alphabetical)."""


def token_set(index: TokenIndex, spans: Iterable[Span]) -> frozenset[int]:
    """The ids of all tokens that overlap any of ``spans``."""
    ids: set[int] = set()
    for span in spans:
        ids.update(index.token_ids(span))
    return frozenset(ids)


class DocumentPair:
    """Gold and predicted annotations of one document.

    ``pred=None`` stands for a missing prediction: it is scored as empty and flagged
    ``missing``. ``role_bonus`` is passed to :func:`~zitat.scoring.matching.align_quotes`
    (0 for scoring). Raises :class:`~zitat.errors.ValidationError` if the texts differ.
    """

    def __init__(
        self,
        gold: AnnotatedDocument,
        pred: AnnotatedDocument | None = None,
        *,
        role_bonus: float = 0.0,
    ) -> None:
        if pred is not None and (pred.id != gold.id or pred.text != gold.text):
            what = "id" if pred.id != gold.id else "text"
            raise ValidationError(
                f"the predicted document's {what} differs from the gold document's",
                obj=f"Document {gold.id!r}",
                field=what,
            )
        self.doc_id: str = gold.id
        self.gold: Annotations = gold.annotations
        self.pred: Annotations = Annotations() if pred is None else pred.annotations
        self.missing: bool = pred is None
        self.role_bonus = role_bonus
        tokens: tuple[Token, ...] = gold.document.tokens or tokenize(gold.text)
        self.n_tokens: int = len(tokens)
        self.index = TokenIndex(tokens)
        self._roles: dict[tuple[int, str], frozenset[int]] = {}
        self.cache: dict[str, Any] = {}
        """Intermediate results the scorers share (filled lazily)."""

    def tokens(self, spans: Iterable[Span]) -> frozenset[int]:
        """Token ids overlapping ``spans``."""
        return token_set(self.index, spans)

    @cached_property
    def gold_quote_tokens(self) -> list[frozenset[int]]:
        """Content tokens of each gold quote, in annotation order."""
        return [self.tokens(q.spans) for q in self.gold.quotes]

    @cached_property
    def pred_quote_tokens(self) -> list[frozenset[int]]:
        """Content tokens of each predicted quote, in annotation order."""
        return [self.tokens(q.spans) for q in self.pred.quotes]

    def role_tokens(self, quote: Quote, role: Role) -> frozenset[int]:
        """Tokens of one role of ``quote`` (memoised per quote and role)."""
        key = (id(quote), role.value)
        found = self._roles.get(key)
        if found is None:
            found = self._roles[key] = self.tokens(getattr(quote, role.value))
        return found

    def align(self, *, keep_zero: bool = False, canonical: bool = True) -> QuoteAlignment:
        """Align predicted to gold quotes (see :mod:`zitat.scoring.matching`).

        The default alignment is computed once (:attr:`alignment`).
        """
        if not keep_zero and canonical:
            return self.alignment
        return self._align(keep_zero=keep_zero, canonical=canonical)

    def _align(self, *, keep_zero: bool = False, canonical: bool = True) -> QuoteAlignment:
        return align_quotes(
            self.gold.quotes,
            self.pred.quotes,
            gold_tokens=self.gold_quote_tokens,
            pred_tokens=self.pred_quote_tokens,
            role_bonus=self.role_bonus,
            keep_zero=keep_zero,
            canonical=canonical,
        )

    @cached_property
    def alignment(self) -> QuoteAlignment:
        """The default alignment: overlapping pairs only, type/medium tie-breakers on."""
        return self._align()
