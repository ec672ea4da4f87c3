"""Stances of given quotes: scope each quote, find target mentions, vote on their polarity."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from zitat.schema import (
    Annotations,
    Document,
    Polarity,
    Quote,
    QuoteType,
    Span,
    Stance,
    TargetInventory,
)

from .cues import Cue, find_cues, negated_tokens
from .hints import merge_hints
from .lexicon import CueLexicon, cue_lexicon
from .polarity import Context, Vote, mention_vote
from .targets import Mention, TargetPattern, compile_inventory, find_mentions
from .tokens import Tok, tokenize

__all__ = ["StanceRules", "holders"]


def _inside(tokens: Sequence[Tok], spans: Iterable[Span]) -> set[int]:
    out: set[int] = set()
    for span in spans:
        out.update(t.i for t in tokens if span.start <= t.start and t.end <= span.end)
    return out


@dataclass(frozen=True)
class _Decision:
    polarity: Polarity
    evidence: tuple[int, ...]


def _decide(votes: Sequence[Vote], *, unmarked_neutral: bool) -> _Decision | None:
    """favor/against by the sign of the summed votes; a tie is neutral if a neutral cue was
    seen or ``unmarked_neutral`` (the target is named without a position), else no stance."""
    votes = [v for v in votes if not v.setting]
    if not votes:
        return None
    total = sum(v.score for v in votes)
    if total == 0.0:
        if unmarked_neutral or any(v.neutral for v in votes):
            return _Decision(Polarity.NEUTRAL, votes[0].evidence)
        return None
    polarity = Polarity.FAVOR if total > 0 else Polarity.AGAINST
    sign = 1 if total > 0 else -1
    best = max(votes, key=lambda v: v.score * sign)
    return _Decision(polarity, best.evidence)


def holders(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes that hold stances when quotes nest.

    A direct quote nested in another (a quoted phrase inside reported speech) leaves the stance
    to its parent. A parent that contains indirect speech of *another* speaker ("Lawrow habe
    Blinken versichert, dass ...") only relays it: the stance is the child's speaker's, so the
    parent holds none. When parent and child have the same speaker ("Sollte Russland
    einmarschieren, habe er klar gemacht, dass ..."), both are that speaker's statement and
    both hold it. A parent or child without a speaker entity counts as another speaker.
    """
    by_id = {q.id: q for q in quotes}
    relaying: set[str] = set()
    for q in quotes:
        if q.parent is None or q.type is QuoteType.DIRECT or q.parent not in by_id:
            continue
        parent = by_id[q.parent]
        if q.entity is None or parent.entity is None or q.entity != parent.entity:
            relaying.add(parent.id)
    return [
        q
        for q in quotes
        if not (q.parent is not None and q.type is QuoteType.DIRECT) and q.id not in relaying
    ]


class StanceRules:
    """The rule set for one target inventory (compiled once, reused for every document)."""

    def __init__(
        self,
        inventory: TargetInventory,
        *,
        hint_files: Sequence[str] = (),
        skip_nested: bool = True,
        unmarked_neutral: bool = True,
        lexicon: CueLexicon | None = None,
    ) -> None:
        self.inventory = inventory
        self.lexicon = lexicon or cue_lexicon()
        hints = merge_hints(hint_files, inventory.ids)
        self.patterns: tuple[TargetPattern, ...] = compile_inventory(inventory, hints)
        self.skip_nested = skip_nested
        self.unmarked_neutral = unmarked_neutral
        # each target's own cue words (from hints), by target id
        self._extra: dict[str, dict[str, Polarity]] = {
            p.target.id: {
                **{w: Polarity.FAVOR for w in p.favor},
                **{w: Polarity.AGAINST for w in p.against},
            }
            for p in self.patterns
        }

    def quote_stances(self, tokens: Sequence[Tok], quote: Quote) -> list[Stance]:
        """Stances of one quote toward the targets it addresses."""
        content = _inside(tokens, quote.spans)
        governing = _inside(tokens, quote.cue)
        frame = (_inside(tokens, quote.frame) | governing) - content
        scope = sorted(content | frame)
        if not scope:
            return []
        mentions = find_mentions(self.patterns, tokens, scope)
        if not mentions:
            return []
        base = find_cues(tokens, scope, self.lexicon)
        out = []
        for pattern in self.patterns:
            mine = [m for m in mentions if m.target == pattern.target.id]
            if not mine:
                continue
            extra = self._extra[pattern.target.id]
            cues = base
            if extra:  # the target's own cue words add cues
                more = find_cues(tokens, scope, self.lexicon, extra)
                cues = base + [c for c in more if c not in base]
            decision = self._target_decision(
                tokens=tokens,
                scope=scope,
                cues=cues,
                mentions=mine,
                content=content,
                frame=frame,
                governing=governing,
            )
            if decision is None:
                continue
            first, last = tokens[min(decision.evidence)], tokens[max(decision.evidence)]
            out.append(
                Stance(
                    target=pattern.target.id,
                    polarity=decision.polarity,
                    quote=quote.id,
                    evidence=(Span(first.start, last.end),),
                )
            )
        return self._most_specific(out)

    def _most_specific(self, stances: list[Stance]) -> list[Stance]:
        """Drop a stance toward a target when the quote holds the same polarity (or the
        ancestor's is neutral) toward one of its descendants: "zu Gesprächen oder einem
        Treffen mit Putin bereit" is about the summit (a child of diplomacy), not both."""
        polarity = {s.target: s.polarity for s in stances}
        covered: set[str] = set()
        for s in stances:
            for ancestor in self.inventory.ancestors(s.target):
                held = polarity.get(ancestor)
                if held is not None and held in {s.polarity, Polarity.NEUTRAL}:
                    covered.add(ancestor)
        return [s for s in stances if s.target not in covered]

    def _target_decision(
        self,
        *,
        tokens: Sequence[Tok],
        scope: Sequence[int],
        cues: Sequence[Cue],
        mentions: Sequence[Mention],
        content: set[int],
        frame: set[int],
        governing: set[int],
    ) -> _Decision | None:
        candidates = {c.first for c in cues} | {i for m in mentions for i in m.tokens}
        in_phrases = {i for c in cues if len(c.tokens) > 1 and not c.verb for i in c.tokens}
        negated = negated_tokens(tokens, scope, self.lexicon, candidates, in_phrases)
        ctx = Context(
            tokens,
            cues,
            frozenset(negated),
            frozenset(content),
            frozenset(frame),
            frozenset(governing),
            self.lexicon,
        )
        return _decide(
            [mention_vote(ctx, m) for m in mentions], unmarked_neutral=self.unmarked_neutral
        )

    def annotate(self, doc: Document, annotations: Annotations) -> Annotations:
        """``annotations`` with the stances of its quotes (existing stances are replaced)."""
        tokens = tokenize(doc.text, doc.sentences)
        stances: list[Stance] = []
        for quote in holders(annotations.quotes) if self.skip_nested else annotations.quotes:
            stances.extend(self.quote_stances(tokens, quote))
        return annotations.with_(stances=tuple(stances))
