"""Shared pieces of the format tests: special-character documents and random documents."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from zitat.io.formats import LossWarning
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    EntityKind,
    Medium,
    Polarity,
    Quote,
    QuoteType,
    Span,
    SpeakerEntity,
    Stance,
)
from zitat.testing import find_span
from zitat.text import make_document

DATA = Path(__file__).parent / "data"
PROFILE = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=25)

# 😀 and each half of 🇩🇪 are astral (two UTF-16 units each); "e\u0301" is e + combining acute
EMOJI_TEXT = (
    "😀 Lawrow sagte: „Wir bleiben im Gespräch 🇩🇪.“\r\n"
    "Blinken erklärte im Cafe\u0301 in Genf, man sei weiter offen."
)
NESTED_TEXT = (
    "„Wir reden weiter“, sagte Lawrow, „aber nicht ewig.“ Er sagte, Blinken habe "
    "„Fortschritte“ gesehen."
)


def special_documents() -> list[AnnotatedDocument]:
    """Two documents with emoji, a flag, CRLF, a combining accent, nesting and stances."""
    a = EMOJI_TEXT
    lawrow = SpeakerEntity(
        "s_lawrow", "Sergej Lawrow", EntityKind.PERSON, (find_span(a, "Lawrow"),)
    )
    blinken = SpeakerEntity(
        "blinken",
        "Antony Blinken",
        EntityKind.PERSON,
        (find_span(a, "Blinken"),),
        external_id="Q-1",
    )
    first = AnnotatedDocument(
        make_document("emoji-crlf", a, {"outlet": "dpa", "tags": ["😀", "e\u0301"]}),
        Annotations(
            quotes=(
                Quote(
                    "q1",
                    (find_span(a, "„Wir bleiben im Gespräch 🇩🇪.“"),),
                    QuoteType.DIRECT,
                    cue=(find_span(a, "sagte"),),
                    speaker=(find_span(a, "Lawrow"),),
                    entity="s_lawrow",
                ),
                Quote(
                    "q2",
                    (find_span(a, "man sei weiter offen"),),
                    QuoteType.INDIRECT,
                    Medium.SPEECH_WRITING,
                    cue=(find_span(a, "erklärte"),),
                    frame=(find_span(a, "Blinken erklärte im Cafe\u0301 in Genf"),),
                    speaker=(find_span(a, "Blinken"),),
                    entity="blinken",
                ),
            ),
            entities=(lawrow, blinken, SpeakerEntity("usa", "USA", EntityKind.ORGANISATION)),
            stances=(
                Stance(
                    "diplomacy", Polarity.FAVOR, quote="q1", evidence=(find_span(a, "im Gespräch"),)
                ),
                Stance("sanctions", Polarity.NEUTRAL, entity="usa"),
            ),
        ),
    )
    b = NESTED_TEXT
    second = AnnotatedDocument(
        make_document("nested", b),
        Annotations(
            quotes=(
                Quote(
                    "a",
                    (find_span(b, "„Wir reden weiter“"), find_span(b, "„aber nicht ewig.“")),
                    QuoteType.DIRECT,
                    cue=(find_span(b, "sagte"),),
                    speaker=(find_span(b, "Lawrow"),),
                    entity="lawrow",
                ),
                Quote(
                    "b",
                    (find_span(b, "Blinken habe „Fortschritte“ gesehen"),),
                    QuoteType.INDIRECT,
                    cue=(find_span(b, "sagte", 2),),
                    speaker=(find_span(b, "Er"),),
                    entity="lawrow",
                ),
                Quote(
                    "c",
                    (find_span(b, "„Fortschritte“"),),
                    QuoteType.DIRECT,
                    Medium.THOUGHT,
                    speaker=(find_span(b, "Blinken"),),
                    entity="blinken",
                    parent="b",
                ),
            ),
            entities=(
                SpeakerEntity(
                    "lawrow", "Sergej Lawrow", mentions=(find_span(b, "Lawrow"), find_span(b, "Er"))
                ),
                SpeakerEntity("blinken", "Antony Blinken", mentions=(find_span(b, "Blinken"),)),
            ),
        ),
    )
    return [first, second]


@contextmanager
def no_loss() -> Iterator[None]:
    """Fail on any :class:`LossWarning` (a lossless round trip reports nothing)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossWarning)
        yield


def shape(doc: AnnotatedDocument) -> tuple[object, ...]:
    """What every format carries natively: quote spans, types, roles, nesting, mention groups.

    Spans listed twice in one role (or quote) count once: the tools draw them once.
    """
    a = doc.annotations

    def once(spans: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(sorted(set(spans)))

    quotes = sorted(
        (
            once(q.spans),
            q.type,
            once(q.cue),
            once(q.frame),
            once(q.speaker),
            once(q.addressee),
            () if q.parent is None else once(a.quote(q.parent).spans),
        )
        for q in a.quotes
    )
    mentions = sorted(once(e.mentions) for e in a.entities if e.mentions)
    return doc.text, tuple(quotes), tuple(mentions)


# -- random documents ----------------------------------------------------------------------------

WORDS = [
    "Blinken", "sagte", "Lawrow", "erklärte", ",", ".", ":", "„Wir", "reden", "weiter.“",
    "»Nein«", "Äußerung", "Straße", "Cafe\u0301", "e\u0301", "😀", "👍🏽", "🇩🇪", "🇺🇦",
    "—", "(dpa)", "\r\n", "\n", "\n\n", "\t", "‚so‘", "\"Moskau\"", "5,5 %", "[eckig]",
    "a|b", "x_y", "->", "*", "\\", ";",
]  # fmt: skip
make_document("warm-up", "Erst laden. Dann testen.")  # load spaCy and pysbd outside strategies

texts = st.lists(st.sampled_from(WORDS), min_size=2, max_size=30).map(" ".join)
names = st.sampled_from(["Antony Blinken", "Sergej Lawrow", "Kreml [RU]", "a_b|c", "😀 Team"])
ids = st.sampled_from(["q1", "q_2", "Zitat-ä", "x|y", "a[1]"])


@st.composite
def spans_in(draw: st.DrawFn, text: str, min_size: int = 0, max_size: int = 2) -> tuple[Span, ...]:
    """Random spans covering some non-whitespace (they may cut through tokens)."""
    solid = [i for i, ch in enumerate(text) if not ch.isspace()]
    out = []
    for _ in range(draw(st.integers(min_size, max_size))):
        anchor = draw(st.sampled_from(solid))
        start = draw(st.integers(max(0, anchor - 8), anchor))
        end = draw(st.integers(anchor + 1, min(len(text), anchor + 15)))
        out.append(Span(start, end))
    return tuple(out)


@st.composite
def annotated_documents(draw: st.DrawFn, doc_id: str = "doc") -> AnnotatedDocument:
    """A valid, prepared document with quotes, entities, stances and metadata."""
    text = draw(texts.filter(lambda t: t.strip()))
    meta = draw(st.dictionaries(st.sampled_from(["outlet", "😀", "e\u0301"]), st.text(max_size=5)))
    doc = make_document(doc_id, text, meta)
    entities = [
        SpeakerEntity(
            id=f"e_{i}",
            name=draw(names),
            kind=draw(st.sampled_from(EntityKind)),
            mentions=draw(spans_in(text)),
            external_id=draw(st.none() | st.sampled_from(["Q42", "wd:Q_1"])),
        )
        for i in range(draw(st.integers(0, 2)))
    ]
    quotes: list[Quote] = []
    for i in range(draw(st.integers(0, 3))):
        quotes.append(
            Quote(
                id=f"{draw(ids)}-{i}",
                spans=draw(spans_in(text, 1, 2)),
                type=draw(st.sampled_from(QuoteType)),
                medium=draw(st.sampled_from(Medium)),
                cue=draw(spans_in(text, 0, 2)),
                frame=draw(spans_in(text, 0, 1)),
                speaker=draw(spans_in(text, 0, 1)),
                addressee=draw(spans_in(text, 0, 1)),
                entity=draw(st.none() | st.sampled_from([e.id for e in entities] or [None])),
                parent=draw(st.none() | st.sampled_from([q.id for q in quotes] or [None])),
            )
        )
    holders = [("quote", q.id) for q in quotes] + [("entity", e.id) for e in entities]
    stances = []
    if holders:
        kind, holder = draw(st.sampled_from(holders))
        stances.append(Stance("diplomacy", draw(st.sampled_from(Polarity)), **{kind: holder}))
    return AnnotatedDocument(doc, Annotations(tuple(quotes), tuple(entities), tuple(stances)))


@st.composite
def corpora(draw: st.DrawFn, max_size: int = 2) -> list[AnnotatedDocument]:
    """One or more random documents with distinct ids."""
    n = draw(st.integers(1, max_size))
    return [draw(annotated_documents(doc_id=f"doc-{i}")) for i in range(n)]
