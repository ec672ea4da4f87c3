"""Polarity of one target mention from the cues around it, negation, deterrence and framing.

Each cue votes for the mention it is near (same sentence): +1 favor, -1 against, doubled within
three tokens, flipped when negated. A verb cue votes only for mentions after it, or before it
when it ends the mention's clause (verb-final: "..., dass sie Waffenlieferungen ablehnen"), and
the quote's own reporting verb ("warnte vor", "fordern", "setzt auf") reaches its whole content
up to a contrasting clause ("beklagte, dass ..., während der Westen deeskaliere"). A denied
target ("überfalle kein Land", "keine Absicht einzumarschieren") is against it; so is a target
that names the condition of a threatened response: named in the conditional clause
("Konsequenzen, sollte Russland einmarschieren") or classifying it ("Wenn Truppen die Grenze
überqueren, ist das eine Invasion. Darauf werden wir reagieren"). A target named only in the
frame ("mit Blick auf X betonte er, ...") takes the polarity of the content. A target in a
scene-setting phrase ("Nach den Gesprächen in Genf ...") is not addressed, unless the preposition
belongs to a noun ("Forderung nach X", "Durchbruch bei X") or the event is hypothetical ("bei
einer etwaigen Invasion"); nor is a particular event named by a possessive without any cue
("über seine Treffen informiert"). With no vote, a neutral cue ("diskutieren",
"zurückhaltend") or a target named without a position gives neutral (unless
``unmarked_neutral`` is off: no stance).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zitat.schema import Polarity

from .cues import Cue
from .lexicon import CueLexicon
from .targets import Mention
from .tokens import FUNCTION_WORDS, Tok

__all__ = ["Context", "Vote", "mention_vote"]

_NEAR = 3
_FAR = 10
_SIGN = {Polarity.FAVOR: 1.0, Polarity.AGAINST: -1.0}
# words inside a noun phrase between a noun and its complement ("Forderungen an die USA und ...")
_NP_WORDS = FUNCTION_WORDS | frozenset(["und", "oder", "von", "vom", "seine", "ihre", "deren"])


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
    elsewhere it is usually governed ("warnen vor"). A preposition right after a noun that
    governs it ("Forderung nach X", "Durchbruch bei X") is that noun's complement, not a scene;
    a hypothetical event ("bei einer etwaigen Invasion") is a condition, not a scene."""
    toks = ctx.tokens
    clause = toks[mention.first].clause
    start = mention.first
    while start > 0 and toks[start - 1].clause == clause:
        start -= 1
    if any(toks[j].lemma in ctx.lexicon.hypothetical for j in range(start, mention.first)):
        return False  # "bei einer etwaigen Invasion": a condition, not a scene
    if toks[start].lower in ctx.lexicon.setting and mention.first - start <= 3:
        return True
    before = range(max(start, mention.first - 3), mention.first)
    return any(
        toks[j].lower in ctx.lexicon.setting
        and toks[j].lower != "vor"
        and not _complement(ctx, j, start)
        for j in before
    )


def _complement(ctx: Context, prep: int, start: int) -> bool:
    """True if the preposition at ``prep`` belongs to a noun before it in the same noun phrase
    ("Forderungen an die USA und die Nato nach X"): only nouns, articles, prepositions and
    "und" may come between."""
    toks = ctx.tokens
    for j in range(prep - 1, max(start, prep - 8) - 1, -1):
        tok = toks[j]
        if tok.lemma in ctx.lexicon.complement_nouns:
            return True
        if not tok.is_word or not (tok.text[0].isupper() or tok.lower in _NP_WORDS):
            return False
    return False


def _contrast_between(ctx: Context, start: int, end: int) -> bool:
    """True if a contrastive conjunction ("während", "aber", "doch", "sondern") opens a clause
    between tokens ``start`` and ``end``: the reporting verb's polarity stops there."""
    toks = ctx.tokens
    return any(
        toks[j].lower in ctx.lexicon.contrastives and toks[j - 1].clause != toks[j].clause
        for j in range(start + 1, end)
    )


def _weight(ctx: Context, cue: Cue, mention: Mention) -> float:
    toks = ctx.tokens
    if set(cue.tokens) & set(mention.tokens):
        return 0.0
    governs = bool(set(cue.tokens) & ctx.governing) and mention.first > cue.first
    if governs and _contrast_between(ctx, cue.last, mention.first):
        return 0.0  # "beklagte, dass Russland aufrüste, während der Westen deeskaliere"
    if governs:
        return 1.0 if _distance(cue, mention) > _NEAR else 2.0
    if toks[cue.first].sent != toks[mention.first].sent:
        return 0.0
    # a verb after the mention votes back only if it ends the mention's own clause ("..., dass
    # sie X ablehnen"); not "Er begrüße X, lehne aber Y ab"
    own_clause_final = (
        _clause_final(ctx, cue.last) and toks[cue.first].clause == toks[mention.last].clause
    )
    if cue.verb and cue.first > mention.last and not own_clause_final:
        return 0.0
    d = _distance(cue, mention)
    w = 2.0 if d <= _NEAR else 1.0 if d <= _FAR else 0.0
    if cue.first > mention.last and not (cue.verb and _clause_final(ctx, cue.last)):
        w /= 2  # a cue before the mention usually governs it ("Ende der X"), one after less so
    return w


def _opens_conditional(ctx: Context, i: int) -> bool:
    """True if token ``i`` opens a conditional clause: "wenn", "falls", "sofern" anywhere;
    "sollte(n)" only first in its clause ("Sollte Russland einmarschieren, ..."), since
    elsewhere it is the modal ("Die Nato sollte Sanktionen verhängen")."""
    toks = ctx.tokens
    tok = toks[i]
    if tok.lower not in ctx.lexicon.conditionals:
        return False
    if tok.lower not in ctx.lexicon.auxiliaries:
        return True
    return i == 0 or toks[i - 1].clause != tok.clause or toks[i - 1].lower in {"und", "oder"}


def _clause_of(ctx: Context, i: int) -> list[Tok]:
    """The tokens of token ``i``'s clause."""
    toks = ctx.tokens
    clause = toks[i].clause
    lo, hi = i, i
    while lo > 0 and toks[lo - 1].clause == clause:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].clause == clause:
        hi += 1
    return list(toks[lo : hi + 1])


def _conditional_clauses(ctx: Context, sent: int) -> set[int]:
    """Clause numbers of the conditional clauses of sentence ``sent`` within the quote."""
    quote = ctx.content | ctx.frame
    return {
        ctx.tokens[i].clause
        for i in quote
        if ctx.tokens[i].sent == sent and _opens_conditional(ctx, i)
    }


def _deterrence(ctx: Context, mention: Mention) -> bool:
    """The mention names the condition of a threatened response.

    It lies in a conditional clause ("falls es zu einem Einmarsch komme"), or it classifies
    the condition in the main clause ("Wenn Truppen die Grenze überqueren, ist das eine
    Invasion"); and the quote threatens a response outside that clause ("drohte mit
    Konsequenzen", "Darauf werden wir hart reagieren").
    """
    toks = ctx.tokens
    lex = ctx.lexicon
    first = toks[mention.first]
    conditionals = _conditional_clauses(ctx, first.sent)
    if not conditionals:
        return False
    if first.clause not in conditionals and not any(
        t.lower in lex.classifying
        for t in _clause_of(ctx, mention.first)
        if t.i not in mention.tokens
    ):
        return False
    return any(
        toks[i].clause != first.clause
        and toks[i].clause not in conditionals
        and (toks[i].lemma in lex.threats or toks[i].lower in lex.threats)
        for i in ctx.content | ctx.frame
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
    if score == 0.0 and not neutral and _particular(ctx, mention):
        return Vote(0.0, False, mention.tokens, setting=True)
    evidence = mention.tokens if best is None else tuple(sorted({*mention.tokens, *best[1].tokens}))
    return Vote(score, neutral, evidence)


def _particular(ctx: Context, mention: Mention) -> bool:
    """True if a possessive determiner makes the mention one particular event ("über seine
    Treffen informiert", "Gegenstand seines Gesprächs"): named without any cue, it is a
    reported event, not the issue the target stands for."""
    toks = ctx.tokens
    for j in (mention.first - 1, mention.first - 2):
        if j < 0 or toks[j].clause != toks[mention.first].clause:
            return False
        if toks[j].lower in ctx.lexicon.possessives:
            return True
        if not toks[j].text[0].islower():  # only an adjective may stand between
            return False
    return False
