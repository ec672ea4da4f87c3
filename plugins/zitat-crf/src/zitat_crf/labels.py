"""BIO label layers from gold quotes (training) and quotes from predicted labels (decoding).

Three layers, each one CRF: ``quote`` (``B-<type>``/``I-<type>``), ``role`` (``B-cue``,
``B-speaker``, ``B-addressee`` and their ``I-``) and ``frame`` (``B-frame``/``I-frame``).
Where gold quotes overlap (nesting), the outer quote wins; where roles overlap, speaker wins
over cue over addressee.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from zitat.schema import Annotations, Document, Medium, Quote, QuoteType, Span
from zitat.text import TokenIndex
from zitat_crf.features import sentence_index

__all__ = ["LAYERS", "Segment", "decode", "encode", "segments"]

LAYERS = ("quote", "role", "frame")
_ROLE_ORDER = ("speaker", "cue", "addressee")
_MAX_SENTENCE_GAP = 1


def _paint(labels: list[str], rng: range, name: str) -> None:
    if any(labels[i] != "O" for i in rng):
        return
    for n, i in enumerate(rng):
        labels[i] = f"{'B' if n == 0 else 'I'}-{name}"


def encode(doc: Document, annotations: Annotations) -> dict[str, list[str]]:
    """The label sequence of each layer for the gold ``annotations`` of ``doc``."""
    n = len(doc.tokens)
    index = TokenIndex(doc.tokens)
    out = {layer: ["O"] * n for layer in LAYERS}
    ordered = sorted(
        annotations.quotes,
        key=lambda q: (q.parent is not None, -sum(s.end - s.start for s in q.spans)),
    )
    for q in ordered:
        for span in q.spans:
            _paint(out["quote"], index.token_ids(span), q.type.value)
    for role in _ROLE_ORDER:
        for q in annotations.quotes:
            for span in getattr(q, role):
                _paint(out["role"], index.token_ids(span), role)
    for q in annotations.quotes:
        for span in q.frame:
            _paint(out["frame"], index.token_ids(span), "frame")
    return out


class Segment:
    """A run of tokens ``first..last`` (inclusive) with one label."""

    __slots__ = ("first", "label", "last")

    def __init__(self, first: int, last: int, label: str) -> None:
        self.first, self.last, self.label = first, last, label

    def distance(self, other: Segment) -> int:
        """Tokens between the two segments (0 if they touch or overlap)."""
        return max(other.first - self.last - 1, self.first - other.last - 1, 0)


def segments(labels: Sequence[str]) -> list[Segment]:
    """Maximal runs of non-O labels; ``B-`` or a change of name starts a new run.

    The run's label is the most frequent name among its tokens (first wins ties).
    """
    out: list[Segment] = []
    names: list[str] = []
    for i, lab in enumerate([*labels, "O"]):
        name = lab[2:] if lab != "O" else ""
        starts = lab.startswith("B-") or (names and name != names[-1] and lab.startswith("I-"))
        if names and (lab == "O" or starts):
            label = Counter(names).most_common(1)[0][0]
            out.append(Segment(i - len(names), i - 1, label))
            names = []
        if lab != "O":
            names.append(name)
    return out


def decode(
    doc: Document,
    labels: Mapping[str, Sequence[str]],
    *,
    rules: Annotations | None = None,
    media: Mapping[str, str] | None = None,
) -> Annotations:
    """Quotes from predicted label layers.

    Each cue/speaker/addressee/frame segment is attached to the nearest quote in its own
    sentence, else in a neighbouring sentence, else dropped. The medium comes from an
    overlapping ``rules`` quote, else ``media[type]`` (the training majority), else speech.
    """
    tokens = doc.tokens
    sent = sentence_index(doc)
    quotes = segments(labels["quote"])
    by_sentence: dict[int, list[int]] = {}
    for k, q in enumerate(quotes):
        for s in range(sent[q.first], sent[q.last] + 1):
            by_sentence.setdefault(s, []).append(k)
    attached: list[dict[str, list[Segment]]] = [{} for _ in quotes]
    roles = [(s, s.label) for s in segments(labels["role"])]
    roles += [(s, "frame") for s in segments(labels["frame"])]
    for seg, role in roles:
        here = sent[seg.first]
        near = range(here - _MAX_SENTENCE_GAP, here + _MAX_SENTENCE_GAP + 1)
        best: tuple[int, int, int] | None = None
        for k in sorted({k for s in near for k in by_sentence.get(s, ())}):
            q = quotes[k]
            if q.first <= seg.first and seg.last <= q.last:
                continue  # a role inside its own quote is almost always a tagging error
            gap = 0
            if not sent[q.first] <= here <= sent[q.last]:
                gap = min(abs(here - sent[q.first]), abs(here - sent[q.last]))
            key = (gap, seg.distance(q), k)
            if best is None or key < best:
                best = key
        if best is not None:
            attached[best[2]].setdefault(role, []).append(seg)

    def span(seg: Segment) -> Span:
        return Span(tokens[seg.first].start, tokens[seg.last].end)

    def spans(segs: Sequence[Segment]) -> tuple[Span, ...]:
        return tuple(sorted({span(s) for s in segs}))

    index = TokenIndex(tokens)
    rule_medium: list[Medium | None] = [None] * len(tokens)
    for rq in rules.quotes if rules is not None else ():
        for rspan in rq.spans:
            for i in index.token_ids(rspan):
                if rule_medium[i] is None:
                    rule_medium[i] = rq.medium
    default = media or {}
    out: list[Quote] = []
    for k, (q, roles_of) in enumerate(zip(quotes, attached, strict=True)):
        found = [m for m in rule_medium[q.first : q.last + 1] if m is not None]
        medium = found[0] if found else Medium(default.get(q.label, Medium.SPEECH.value))
        out.append(
            Quote(
                id=f"q{k + 1}",
                spans=(span(q),),
                type=QuoteType(q.label),
                medium=medium,
                cue=spans(roles_of.get("cue", [])),
                frame=spans(roles_of.get("frame", [])),
                speaker=spans(roles_of.get("speaker", [])),
                addressee=spans(roles_of.get("addressee", [])),
            )
        )
    return Annotations(quotes=tuple(out))
