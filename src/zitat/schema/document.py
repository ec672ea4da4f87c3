"""Documents: text, tokens and sentences."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from zitat.errors import ValidationError
from zitat.schema._check import as_str, as_tuple, set_attr
from zitat.schema.span import Span, check_spans

__all__ = ["Document", "Token"]


@dataclass(frozen=True, slots=True)
class Token:
    """A token in Prodigy's form: ``end`` exclusive, ``ws`` true if whitespace follows."""

    text: str
    start: int
    end: int
    id: int
    ws: bool

    def __reduce__(self) -> tuple[type[Token], tuple[str, int, int, int, bool]]:
        # Plain constructor arguments pickle ~10x faster than the dataclass default, which
        # matters when documents travel to extractor worker processes.
        return (Token, (self.text, self.start, self.end, self.id, self.ws))


@dataclass(frozen=True, slots=True)
class Document:
    """A text with an id, free-form metadata, tokens and sentence spans.

    ``tokens`` and ``sentences`` may be empty; :func:`zitat.text.prepare` fills them.
    ``meta`` is copied on construction; treat it as read-only.
    """

    id: str
    text: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        obj = f"Document {self.id!r}" if isinstance(self.id, str) else "Document"
        as_str(self.id, obj=obj, field="id")
        if not isinstance(self.text, str):
            raise ValidationError(
                f"expected a string, got {type(self.text).__name__}", obj=obj, field="text"
            )
        if not isinstance(self.meta, Mapping):
            raise ValidationError("expected a mapping", obj=obj, field="meta")
        set_attr(self, "meta", dict(self.meta))
        set_attr(self, "tokens", as_tuple(self.tokens, obj=obj, field="tokens"))
        set_attr(self, "sentences", as_tuple(self.sentences, obj=obj, field="sentences"))
        self._check_tokens(obj)
        check_spans(self.sentences, self.text, obj=obj, field="sentences")

    def _check_tokens(self, obj: str) -> None:
        previous_end = 0
        for i, tok in enumerate(self.tokens):
            where = f"tokens[{i}]"
            if not isinstance(tok, Token):
                raise ValidationError("expected a Token", obj=obj, field=where)
            if tok.id != i:
                raise ValidationError(f"id {tok.id} should be {i}", obj=obj, field=where)
            if not 0 <= tok.start < tok.end <= len(self.text) or tok.start < previous_end:
                raise ValidationError(
                    f"offsets {tok.start}-{tok.end} outside the text or overlapping",
                    obj=obj,
                    field=where,
                )
            if self.text[tok.start : tok.end] != tok.text:
                raise ValidationError(
                    f"text {tok.text!r} differs from the document text "
                    f"{self.text[tok.start : tok.end]!r} at {tok.start}-{tok.end}",
                    obj=obj,
                    field=where,
                )
            previous_end = tok.end

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (
            self.id == other.id
            and self.text == other.text
            and dict(self.meta) == dict(other.meta)
            and self.tokens == other.tokens
            and self.sentences == other.sentences
        )

    def __hash__(self) -> int:
        return hash((self.id, self.text))

    def with_(self, **changes: Any) -> Document:
        """A copy with some fields replaced."""
        values: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "meta": self.meta,
            "tokens": self.tokens,
            "sentences": self.sentences,
        }
        values.update(changes)
        return Document(**values)
