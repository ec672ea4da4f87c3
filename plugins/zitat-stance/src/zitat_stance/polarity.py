"""Polarity of one target mention from the cues around it, negation, deterrence and framing.

Each cue votes for the mention it is near (same sentence): +1 favor, -1 against, doubled within
three tokens, flipped when negated. A verb cue votes only for mentions after it, or before it
when it ends the clause (verb-final: "..., dass sie Waffenlieferungen ablehnen"), and the quote's
own reporting verb ("warnte vor", "fordern") reaches its whole content. A denied target ("überfalle
kein Land", "keine Absicht einzumarschieren") is against it; so is a target named in a
conditional clause of a sentence that threatens a response ("Konsequenzen, sollte Russland
einmarschieren"). A target named only in the frame ("mit Blick auf X betonte er, ...") takes
the polarity of the content. With no vote, a neutral cue ("diskutieren", "zurückhaltend") or a
target named without a position gives neutral (unless ``unmarked_neutral`` is off: no stance).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zitat.schema import Polarity

from .cues import Cue
from .lexicon import CueLexicon
from .targets import Mention
from .tokens import Tok

__all__ = ["Context", "Vote", "mention_vote"]

_NEAR = 3
_FAR = 10
_SIGN = {Polarity.FAVOR: 1.0, Polarity.AGAINST: -1.0}


@dataclass(frozen=True)
class Context:
    """What the rules know about one quote: tokens, cues, negations and its parts."""

    tokens: Sequence[Tok]
    cues: Sequence[Cue]
    negated: frozenset[int]
    content: frozenset[int]
    frame: frozenset[int]
    governing: frozenset[int]  # tokens of the quote's own cue (the reporting verb)
    lexicon: CueLexicon


@dataclass(frozen=True)
class Vote:
    """A mention's score (>0 favor, <0 against), a neutral flag and the evidence tokens."""

    score: float
    neutral: bool
    evidence: tuple[int, ...]
    setting: bool = False  # the mention only sets the scene: it does not address the target


def _distance(cue: Cue, mention: Mention) -> int:
    if cue.last < mention.first:
        return mention.first - cue.last
    if cue.first > mention.last:
        return cue.first - mention.last
    return 0


def _clause_final(ctx: Context, i: int) -> bool:
    """True if only auxiliaries follow token ``i`` in its clause (a verb-final clause)."""
    for tok in ctx.tokens[i + 1 :]:
        if not tok.is_word or tok.clause != ctx.tokens[i].clause:
            return True
        if tok.lower not in ctx.lexicon.auxiliaries:
            return False
    return True


def _setting(ctx: Context, mention: Mention) -> bool:
    """True if the mention sits in a scene-setting phrase ("Nach den Gesprächen in Genf ...",
    "... nach dem Krisengespräch mit ..."); "vor" sets the scene only opening a clause, since
    elsewhere it is usually governed ("warnen vor")."""
    toks = ctx.tokens
    clause = toks[mention.first].clause
    start = mention.first
    while start > 0 and toks[start - 1].clause == clause:
        start -= 1
    if toks[start].lower in ctx.lexicon.setting and mention.first - start <= 3:
        return True
    before = range(max(start, mention.first - 3), mention.first)
    return any(toks[j].lower in ctx.lexicon.setting and toks[j].lower != "vor" for j in before)


def _weight(ctx: Context, cue: Cue, mention: Mention) -> float:
    toks = ctx.tokens
    if set(cue.tokens) & set(mention.tokens):
        return 0.0
    governs = bool(set(cue.tokens) & ctx.governing) and mention.first > cue.first
    if governs:
        return 1.0 if _distance(cue, mention) > _NEAR else 2.0
    if toks[cue.first].sent != toks[mention.first].sent:
        return 0.0
    if cue.verb and cue.first > mention.last and not _clause_final(ctx, cue.last):
        return 0.0
    d = _distance(cue, mention)
    w = 2.0 if d <= _NEAR else 1.0 if d <= _FAR else 0.0
    if cue.first > mention.last and not (cue.verb and _clause_final(ctx, cue.last)):
        w /= 2  # a cue before the mention usually governs it ("Ende der X"), one after less so
    return w


def _deterrence(ctx: Context, mention: Mention) -> bool:
    """A conditional in the mention's sentence and a threatened response in the quote."""
    toks = ctx.tokens
    lex = ctx.lexicon
    sent = toks[mention.first].sent
    quote = ctx.content | ctx.frame
    conditional = any(t.lower in lex.conditionals for t in toks if t.sent == sent and t.i in quote)
    if not conditional:
        return False
    return any(
        toks[i].i not in mention.tokens
        and (toks[i].lemma in lex.threats or toks[i].lower in lex.threats)
        for i in quote
    )


def mention_vote(ctx: Context, mention: Mention) -> Vote:
    """The vote of one mention (see the module docstring)."""
    if _setting(ctx, mention):
        return Vote(0.0, False, mention.tokens, setting=True)
    if set(mention.tokens) & ctx.negated:
        return Vote(-3.0, False, mention.tokens)
    score = 0.0
    best: tuple[float, Cue] | None = None
    neutral = False
    for cue in ctx.cues:
        w = _weight(ctx, cue, mention)
        if w == 0.0:
            continue
        if cue.polarity is Polarity.NEUTRAL:
            neutral = True
            continue
        sign = _SIGN[cue.polarity] * (-1.0 if set(cue.tokens) & ctx.negated else 1.0)
        score += w * sign
        if best is None or w > best[0]:
            best = (w, cue)
    if _deterrence(ctx, mention):
        score -= 2.0
    in_frame_only = set(mention.tokens) <= ctx.frame and not set(mention.tokens) & ctx.content
    if score == 0.0 and in_frame_only:
        for cue in ctx.cues:
            if cue.polarity in _SIGN and set(cue.tokens) <= ctx.content:
                negated = -1.0 if set(cue.tokens) & ctx.negated else 1.0
                score += _SIGN[cue.polarity] * negated
                best = best or (1.0, cue)
    evidence = mention.tokens if best is None else tuple(sorted({*mention.tokens, *best[1].tokens}))
    return Vote(score, neutral, evidence)
