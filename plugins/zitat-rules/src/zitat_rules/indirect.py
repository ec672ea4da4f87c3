"""Indirect, reported and indirect/free-indirect speech inside sentence units."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from zitat.schema import QuoteType

from .cues import Cue, find_verb_cues
from .found import Found
from .frames import speaker_of
from .morph import Mood, mood_in_context
from .speakers import np_after
from .view import TextView, range_span, token_spans

__all__ = ["IndirectRules", "indirect_quotes"]

_END = frozenset({".", "!", "?", ";"})
_WH = frozenset(
    [
        "ob",
        "wie",
        "warum",
        "weshalb",
        "wieso",
        "was",
        "wer",
        "wem",
        "wen",
        "wann",
        "wo",
        "wohin",
        "woher",
        "welche",
        "welcher",
        "welches",
        "welchen",
        "inwieweit",
        "wodurch",
        "womit",
        "worauf",
    ]
)
_NOUN_CUES = frozenset(
    [
        "Angaben",
        "Ansicht",
        "Einschätzung",
        "Auffassung",
        "Darstellung",
        "Worten",
        "Informationen",
        "Berichten",
        "Aussage",
        "Aussagen",
        "Meinung",
        "Schätzungen",
        "Erkenntnissen",
        "Einschätzungen",
    ]
)
_REPORTED_VERBS = frozenset(
    [
        "warnen",
        "fordern",
        "auffordern",
        "kritisieren",
        "begrüßen",
        "ablehnen",
        "zurückweisen",
        "verurteilen",
        "appellieren",
        "aufrufen",
        "bestreiten",
        "dementieren",
        "ankündigen",
        "drohen",
        "loben",
        "anklagen",
        "vorwerfen",
        "beschuldigen",
        "versprechen",
        "zusagen",
        "zusichern",
        "empfehlen",
        "verlangen",
        "mahnen",
        "dringen",
        "bekräftigen",
        "einfordern",
        "beklagen",
        "bedauern",
        "danken",
        "widersprechen",
        "zustimmen",
        "bestätigen",
        "anprangern",
        "protestieren",
    ]
)
# Konjunktiv forms not ending in -e that matter in 3rd-person news text
_SUBJ_OTHER = frozenset({"sei", "seien", "wären", "hätten", "würden", "könnten"})
# Konjunktiv II forms that mark reported speech as clearly as Konjunktiv I does
_STRONG_SUBJ2 = frozenset(
    [
        "wäre",
        "wären",
        "hätte",
        "hätten",
        "würde",
        "würden",
        "könne",
        "könnten",
        "müsse",
        "solle",
        "dürfe",
    ]
)
# Verbs whose reported content may be a zu-infinitive ("forderte sie auf, … zu beenden")
_INFINITIVE_VERBS = frozenset(
    [
        "fordern",
        "auffordern",
        "aufrufen",
        "bitten",
        "appellieren",
        "drängen",
        "ankündigen",
        "versprechen",
        "empfehlen",
        "raten",
        "warnen",
        "vorschlagen",
        "anbieten",
        "drohen",
        "zusagen",
        "beschließen",
        "erklären",
        "betonen",
        "bekräftigen",
        "vorwerfen",
        "verlangen",
        "ablehnen",
    ]
)
_STRIP = frozenset({",", "–", "-", ":"})


@dataclass(frozen=True, slots=True)
class IndirectRules:
    """Which indirect-speech rules run."""

    markers: bool = True
    anaphoric: bool = True
    fronted: bool = True
    free_indirect: bool = True
    reported: bool = True


def _konj(view: TextView, lo: int, hi: int) -> bool:
    """True if a Konjunktiv I (or strong Konjunktiv II) finite verb lies in ``lo..hi``."""
    words = view.words
    for i in range(lo, hi):
        w = words[i]
        if not w[:1].islower() or not (w[-1] == "e" or w in _SUBJ_OTHER) or not w.isalpha():
            continue
        m = mood_in_context(words, i)
        if m is Mood.SUBJ1 or (m is Mood.SUBJ2 and w in _STRONG_SUBJ2):
            return True
    return False


def _content_end(view: TextView, k: int, hi: int, cue_heads: set[int]) -> int:
    """End of a reported clause starting at ``k``: sentence end or the next frame."""
    words = view.words
    j = k
    while j < hi:
        w = words[j]
        if w in _END:
            break
        if w == "und" and j + 1 < hi and j + 1 in cue_heads:
            break
        if (
            w == ","
            and j + 1 < hi
            and (j + 1 in cue_heads or (words[j + 1] in {"so", "und"} and j + 2 in cue_heads))
        ):
            break
        j += 1
    return j


def _strip(view: TextView, lo: int, hi: int) -> tuple[int, int]:
    """Tokens ``lo..hi`` without leading and trailing commas, dashes and colons."""
    words = view.words
    while lo < hi and words[lo] in _STRIP:
        lo += 1
    while hi > lo and words[hi - 1] in _STRIP:
        hi -= 1
    return lo, hi


def _any_masked(masked: set[int], lo: int, hi: int) -> bool:
    """True if a token of ``lo..hi`` belongs to a direct quote."""
    return any(t in masked for t in range(lo, hi))


def _quote(
    view: TextView,
    qtype: QuoteType,
    content: list[tuple[int, int]],
    cue: list[int],
    frame: list[tuple[int, int]],
    speaker: tuple[int, int] | None,
    verb: Cue | None,
) -> Found:
    spans = [s for lo, hi in content for s in range_span(view, lo, hi)]
    q = Found(spans, qtype)
    q.cue = token_spans(view, cue)
    q.frame = [s for lo, hi in frame for s in range_span(view, lo, hi)]
    if speaker:
        q.speaker = range_span(view, *speaker)
    if verb is not None:
        q.verb_medium = verb.verb.medium.value
    return q


def _noun_cue(word: str) -> bool:
    """A reporting noun, also as the head of a compound ("Polizeiangaben")."""
    return word in _NOUN_CUES or (
        word[:1].isupper() and word.endswith(("angaben", "informationen", "berichten"))
    )


def _markers(view: TextView, lo: int, hi: int, masked: set[int]) -> Found | None:
    """ "laut X", "X zufolge", "nach Angaben X": the rest of the sentence is the quote."""
    words = view.words
    end = hi
    while end > lo and words[end - 1] in _END:
        end -= 1
    for i in range(lo, end):
        if i in masked:
            continue
        low = words[i].lower()
        fr: tuple[int, int] | None = None
        cue: list[int] = []
        sp: tuple[int, int] | None = None
        if low == "laut":
            sp = np_after(view, i + 1, end)
            if sp:
                fr, cue = (i, sp[1]), [i]
        elif (
            low == "nach"
            and i + 1 < end
            and (words[i + 1] in _NOUN_CUES or (i + 2 < end and words[i + 2] in _NOUN_CUES))
        ):
            n = i + 1 if words[i + 1] in _NOUN_CUES else i + 2
            k = n + 1
            if k < end and words[k] in {"von", "des", "der"}:
                k += 1 if words[k] == "von" else 0
            sp = np_after(view, k, end) if k < end else None
            fr = (i, sp[1] if sp else n + 1)
            cue = [i, n]
        elif low == "zufolge" and i > lo:
            j = i
            while (
                j > lo
                and (
                    words[j - 1][:1].isupper()
                    or words[j - 1].lower()
                    in {"der", "dem", "des", "den", "einem", "einer", "eines", "von"}
                    or words[j - 1].endswith(("en", "er", "e"))
                )
                and words[j - 1] not in {",", "."}
                and i - j < 8
            ):
                j -= 1
            if j < i:
                sp, fr, cue = (j, i), (j, i + 1), [i]
        if fr is None:
            continue
        a, b = _strip(view, lo, fr[0])
        c, d = _strip(view, fr[1], end)
        content = [(x, y) for x, y in ((a, b), (c, d)) if y > x]
        if not content or sum(y - x for x, y in content) < 3:
            continue
        q = _quote(view, QuoteType.INDIRECT, content, cue, [fr], sp, None)
        q.verb_medium = "speech_writing"
        return q
    return None


_PASSIVE_OR_MODAL = frozenset(
    [
        "wurde",
        "wurden",
        "wird",
        "werden",
        "worden",
        "soll",
        "sollte",
        "sollen",
        "sollten",
        "kann",
        "könnte",
        "können",
        "muss",
        "müssen",
        "will",
        "wollen",
        "wollte",
    ]
)
_SUBORDINATORS = frozenset(
    [
        "nachdem",
        "als",
        "wenn",
        "weil",
        "obwohl",
        "da",
        "während",
        "bevor",
        "seit",
        "seitdem",
        "sobald",
        "falls",
        "damit",
        "um",
        "ob",
    ]
)
_ANAPHORS = frozenset({"Dies", "Das", "Dieses", "Diese"})


def _anaphoric(
    view: TextView,
    prev: tuple[int, int],
    lo: int,
    hi: int,
    cue: Cue,
    masked: set[int],
    done: list[Found],
) -> Found | None:
    """ "… Stuttgart. Dies gab der Verein bekannt.": the previous sentence is the quote."""
    words = view.words
    if cue.tokens[0] != lo + 1 or any(q.end > prev[0] for q in done[-1:]):
        return None
    plo, phi = view.tok_at(prev[0]), view.tok_at(prev[1] - 1) + 1
    if phi - plo < 4 or _any_masked(masked, plo, phi):
        return None
    pend = phi - 1 if words[phi - 1] in _END else phi
    end = hi - 1 if words[hi - 1] in _END else hi
    sp = speaker_of(view, lo + 1, end, cue)
    if sp is None:
        return None
    content = [(plo, pend), (lo, lo + 1)]
    return _quote(view, QuoteType.INDIRECT, content, list(cue.tokens), [(lo + 1, end)], sp, cue)


def indirect_quotes(
    view: TextView,
    units: list[tuple[int, int]],
    direct: list[Found],
    rules: IndirectRules,
) -> list[Found]:
    """Indirect, reported and frameless Konjunktiv I quotations, in text order."""
    words = view.words
    masked: set[int] = set()
    direct_units: set[int] = set()
    framed: set[int] = set()
    for q in direct:
        for s, e in q.spans:
            masked.update(view.tokens_in(s, e))
        for s, e in () if q.partial else q.frame:
            framed.update(view.tokens_in(s, e))
    out: list[Found] = []
    last_speaker: list[tuple[int, int]] = []
    last_unit = -10
    d_sorted = sorted(direct, key=lambda q: q.start)
    d_starts = [q.start for q in d_sorted]
    for ui, (us, ue) in enumerate(units):
        lo = view.tok_at(us)
        hi = view.tok_at(ue - 1) + 1 if ue > us else lo
        if hi <= lo:
            continue
        unit_direct = d_sorted[bisect_left(d_starts, us) : bisect_left(d_starts, ue)]
        if unit_direct:
            direct_units.add(ui)
            said = [q.speaker for q in unit_direct if q.speaker]
            if said:
                last_speaker, last_unit = said[-1], ui
        cues = [
            c for c in find_verb_cues(view, lo, hi) if c.head not in masked and c.head not in framed
        ]
        heads = {c.tokens[0] for c in cues} | {c.head for c in cues}
        found_here: list[Found] = []
        if rules.anaphoric and ui > 0 and cues and words[lo] in _ANAPHORS:
            ana = _anaphoric(view, units[ui - 1], lo, hi, cues[0], masked, out)
            if ana is not None:
                out.append(ana)
                last_speaker, last_unit = ana.speaker or last_speaker, ui
                continue
        frame_lo = lo
        used_until = lo
        for c in cues:
            if c.head < used_until:
                continue
            last = max(c.tokens)
            # fronted content: "Russland bedrohe niemanden, sagte er."
            first = c.tokens[0]
            for t in range(frame_lo, first):
                if t in framed:
                    frame_lo = t + 1
            if rules.fronted and first - 1 > frame_lo and words[first - 1] == ",":
                a, b = _strip(view, frame_lo, first - 1)
                fend = first
                while fend < hi and words[fend] not in _END and words[fend] != ",":
                    fend += 1
                v1_final = (
                    fend < hi
                    and words[fend] in _END
                    and words[a][:1].isupper()
                    and words[a].lower() not in _SUBORDINATORS
                )
                if b - a >= 3 and not _any_masked(masked, a, b):
                    sp = speaker_of(view, first, fend, c)
                    if _konj(view, a, b) or (v1_final and b - a >= 5 and sp is not None):
                        fr = [(first - 1, fend)]
                        q = _quote(view, QuoteType.INDIRECT, [(a, b)], list(c.tokens), fr, sp, c)
                        found_here.append(q)
                        used_until = frame_lo = fend
                        continue
            j = last + 1
            while j < hi and words[j] not in {",", ":"} and words[j] not in _END and j - last < 12:
                if words[j] in {"dass", "ob"}:
                    break
                j += 1
            if j >= hi or words[j] in _END:
                continue
            k = j + 1 if words[j] in {",", ":"} else j
            if k >= hi or (k in masked and words[j] == ":"):
                continue
            end = _content_end(view, k, hi, heads - {c.tokens[0], c.head})
            if end - k < 2:
                continue
            is_clause = words[k].lower() in _WH or words[k] == "dass"
            wie_frame = words[frame_lo].lower() == "wie" and frame_lo < first
            is_clause = is_clause or wie_frame
            if not is_clause:
                sub_end = k
                while sub_end < end and words[sub_end] != ",":
                    sub_end += 1
                is_clause = _konj(view, k, min(end, max(sub_end, k + 12)))
            if not is_clause and c.verb.lemma in _INFINITIVE_VERBS:
                is_clause = any(
                    words[t] == "zu"
                    or (
                        not words[t].startswith("zu")
                        and "zu" in words[t][1:-2]
                        and words[t].islower()
                        and words[t].endswith("en")
                    )
                    for t in range(max(k, end - 3), end)
                )
            if not is_clause:
                continue
            if words[j] == ":" and k in masked:
                continue
            flo = frame_lo
            if _any_masked(masked, flo, first):
                # a direct quote sits between: the frame starts after it
                flo = max(t for t in range(flo, first) if t in masked) + 1
            sp = speaker_of(view, flo, j, c)
            und = [t for t in range(flo + 1, first) if words[t] == "und"]
            if und:
                if sp is None or sp[0] < und[-1]:
                    sp = speaker_of(view, und[-1] + 1, j, c) or sp
                flo = und[-1]
            fspan = _strip(view, flo, j + (1 if words[j] in {",", ":"} else 0))
            fr = [(fspan[0], j + 1 if words[j] in {",", ":"} else j)]
            q = _quote(view, QuoteType.INDIRECT, [(k, end)], list(c.tokens), fr, sp, c)
            found_here.append(q)
            used_until = end
            frame_lo = end
            if end < hi and words[end] == ",":
                frame_lo = end + 1
        if not found_here and rules.markers and not unit_direct:
            marked = _markers(view, lo, hi, masked)
            if marked is not None:
                found_here.append(marked)
        if not found_here and not unit_direct and rules.reported:
            rep = [
                c
                for c in cues
                if c.verb.lemma in _REPORTED_VERBS
                and not any(words[t].lower() in _PASSIVE_OR_MODAL for t in c.tokens)
            ]
            if rep:
                c = rep[0]
                sp = speaker_of(view, lo, hi, c)
                if sp is not None:
                    q = _quote(view, QuoteType.REPORTED, [(lo, hi)], list(c.tokens), [], sp, c)
                    found_here.append(q)
        if (
            not found_here
            and not unit_direct
            and rules.free_indirect
            and ui - last_unit <= 2
            and last_speaker
            and words[lo][:1].isupper()
            and _konj(view, lo, hi)
            and not _any_masked(masked, lo, hi)
        ):
            q = Found(range_span(view, lo, hi), QuoteType.INDIRECT_FREE_INDIRECT)
            q.speaker = list(last_speaker)
            q.inherited = True
            found_here.append(q)
        for q in found_here:
            if q.speaker and not q.inherited:
                last_speaker = q.speaker
            last_unit = ui
        out.extend(found_here)
    return out
