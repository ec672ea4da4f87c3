"""Small German gold files with known disagreements, for the agreement and merge tests.

Two annotators, ``anna`` and ``ben``, on three documents:

``d1`` (seven sentences, an emoji and a combining accent in ``Cafe\u0301s``)
    ===  ==========================  =========================  ==================================
    q    anna                        ben                        what differs
    ===  ==========================  =========================  ==================================
    q1   direct, speech              the same                   nothing (stance diplomacy favor
                                                                on both sides)
    q2   indirect                    the same                   stance security-guarantees: favor
                                                                vs neutral
    q3   indirect                    reported                   type; stance diplomacy: none vs
                                                                neutral
    q4   „Das ist ein Fehler 🙈“     without the closing mark,  spans (overlap, not exact), medium
         speech                      writing
    q5   reported, cue "warnte"      cue "warnte vor"           cue (stance russian-invasion
                                                                against on both sides)
    q6   indirect (Selenskyj)        —                          ben has no such quote
    q7   speaker "er" → the Wirt     no speaker span, entity    speaker role; speaker entity
                                     Baerbock
    ===  ==========================  =========================  ==================================

    anna's entity ids are names (``lawrow``), ben's are ``e1`` … ``e5``; ben spells Lawrow's
    first name "Sergei" and has no entity for Selenskyj or the Wirt.
``d2``
    one identical direct quote (``Zoe\u0308``: a combining diaeresis).
``d3``
    only anna has it.

Three annotators (``anna``, ``ben``, ``carla``) on ``t1``, types of six quotes:

    ====  ======  =====  =====  =====
    unit  quote   anna   ben    carla
    ====  ======  =====  =====  =====
    u1    i1      D      D      D
    u2    i2      I      I      R
    u3    i3      R      R      R
    u4    i4      D      I      D
    u5    i5      D      —      —
    u6    i6      I      —      I
    ====  ======  =====  =====  =====
"""

from __future__ import annotations

from pathlib import Path

from zitat.io import write_documents
from zitat.schema import AnnotatedDocument, Annotations, Quote, Span, SpeakerEntity, Stance
from zitat.testing import find_span
from zitat.text import make_document

S1 = "Die Ministerin sagte: „Wir bleiben im Gespräch.“"
S2 = "Lawrow erklärte, Moskau warte auf Antworten."
S3 = "Blinken zufolge ist die Lage ernst."
S4 = "„Das ist ein Fehler 🙈“, sagte der Sprecher."
S5 = "Baerbock warnte vor einer Eskalation."
S6 = "Selenskyj betonte, die Ukraine bleibe standhaft."
S7 = "Baerbock traf den Wirt des Cafe\u0301s; er meinte, alles sei ruhig."
TEXT1 = " ".join([S1, S2, S3, S4, S5, S6, S7])
TEXT2 = "Zoe\u0308 Schmidt sagte: „Wir helfen.“"
TEXT3 = "Merz sagte, es gebe keinen Plan."
TEXT_T1 = (
    "„Wir kommen wieder 💪🏽“, sagte Blinken. Die Sprecherin sagte, man sei offen. "
    "Die Nato kritisierte die Pläne. Baerbock nannte das „eine Chance“. "
    "Macron rief: „Genug!“ Selenskyj sagte, die Ukraine sei bereit."
)


def _d1_span(part: str, within: str | None = None) -> Span:
    """The first ``part`` in ``TEXT1`` (at or after the first occurrence of ``within``)."""
    offset = TEXT1.index(within) if within is not None else 0
    found = find_span(TEXT1[offset:], part)
    return Span(offset + found.start, offset + found.end)


def _d1_anna() -> AnnotatedDocument:
    t = TEXT1
    s = _d1_span

    quotes = (
        Quote("q1", (s("„Wir bleiben im Gespräch.“"),), "direct",
              cue=(s("sagte", S1),), speaker=(s("Die Ministerin"),), entity="minister"),
        Quote("q2", (s("Moskau warte auf Antworten"),), "indirect",
              cue=(s("erklärte"),), speaker=(s("Lawrow"),), entity="lawrow"),
        Quote("q3", (s("ist die Lage ernst"),), "indirect",
              cue=(s("zufolge"),), speaker=(s("Blinken"),), entity="blinken"),
        Quote("q4", (s("„Das ist ein Fehler 🙈“"),), "direct",
              cue=(s("sagte", S4),), speaker=(s("der Sprecher"),), entity="sprecher"),
        Quote("q5", (s("vor einer Eskalation"),), "reported",
              cue=(s("warnte"),), speaker=(s("Baerbock", S5),), entity="baerbock"),
        Quote("q6", (s("die Ukraine bleibe standhaft"),), "indirect",
              cue=(s("betonte"),), speaker=(s("Selenskyj"),), entity="selenskyj"),
        Quote("q7", (s("alles sei ruhig"),), "indirect",
              cue=(s("meinte"),), speaker=(s("er", "; er meinte"),), entity="wirt"),
    )  # fmt: skip
    entities = (
        SpeakerEntity("minister", "Die Ministerin", mentions=(s("Die Ministerin"),)),
        SpeakerEntity("lawrow", "Sergej Lawrow", mentions=(s("Lawrow"),)),
        SpeakerEntity("blinken", "Antony Blinken", mentions=(s("Blinken"),)),
        SpeakerEntity("sprecher", "Sprecher", mentions=(s("der Sprecher"),)),
        SpeakerEntity(
            "baerbock", "Annalena Baerbock", mentions=(s("Baerbock", S5), s("Baerbock", S7))
        ),
        SpeakerEntity("selenskyj", "Wolodymyr Selenskyj", mentions=(s("Selenskyj"),)),
        SpeakerEntity(
            "wirt", "Wirt", mentions=(s("den Wirt des Cafe\u0301s"), s("er", "; er meinte"))
        ),
    )
    stances = (
        Stance("diplomacy", "favor", quote="q1"),
        Stance("security-guarantees", "favor", quote="q2"),
        Stance("russian-invasion", "against", quote="q5"),
        Stance("diplomacy", "favor", quote="q6"),
    )
    return AnnotatedDocument(make_document("d1", t), Annotations(quotes, entities, stances))


def _d1_ben() -> AnnotatedDocument:
    t = TEXT1
    s = _d1_span

    quotes = (
        Quote("z1", (s("„Wir bleiben im Gespräch.“"),), "direct",
              cue=(s("sagte", S1),), speaker=(s("Die Ministerin"),), entity="e1"),
        Quote("z2", (s("Moskau warte auf Antworten"),), "indirect",
              cue=(s("erklärte"),), speaker=(s("Lawrow"),), entity="e2"),
        Quote("z3", (s("ist die Lage ernst"),), "reported",
              cue=(s("zufolge"),), speaker=(s("Blinken"),), entity="e3"),
        Quote("z4", (s("„Das ist ein Fehler 🙈"),), "direct", medium="writing",
              cue=(s("sagte", S4),), speaker=(s("der Sprecher"),), entity="e4"),
        Quote("z5", (s("vor einer Eskalation"),), "reported",
              cue=(s("warnte vor"),), speaker=(s("Baerbock", S5),), entity="e5"),
        Quote("z7", (s("alles sei ruhig"),), "indirect", cue=(s("meinte"),), entity="e5"),
    )  # fmt: skip
    entities = (
        SpeakerEntity("e1", "Die Ministerin", mentions=(s("Die Ministerin"),)),
        SpeakerEntity("e2", "Sergei Lawrow", mentions=(s("Lawrow"),)),
        SpeakerEntity("e3", "Antony Blinken", mentions=(s("Blinken"),)),
        SpeakerEntity("e4", "Sprecher", mentions=(s("der Sprecher"),)),
        SpeakerEntity("e5", "Annalena Baerbock", mentions=(s("Baerbock", S5), s("Baerbock", S7))),
    )
    stances = (
        Stance("diplomacy", "favor", quote="z1"),
        Stance("security-guarantees", "neutral", quote="z2"),
        Stance("diplomacy", "neutral", quote="z3"),
        Stance("russian-invasion", "against", quote="z5"),
    )
    return AnnotatedDocument(make_document("d1", t), Annotations(quotes, entities, stances))


def _d2(entity_id: str) -> AnnotatedDocument:
    t = TEXT2
    quote = Quote(
        "q1",
        (find_span(t, "„Wir helfen.“"),),
        "direct",
        cue=(find_span(t, "sagte"),),
        speaker=(find_span(t, "Zoe\u0308 Schmidt"),),
        entity=entity_id,
    )
    entity = SpeakerEntity(
        entity_id, "Zoe\u0308 Schmidt", mentions=(find_span(t, "Zoe\u0308 Schmidt"),)
    )
    return AnnotatedDocument(make_document("d2", t), Annotations((quote,), (entity,)))


def _d3() -> AnnotatedDocument:
    t = TEXT3
    quote = Quote(
        "q1", (find_span(t, "es gebe keinen Plan"),), "indirect", cue=(find_span(t, "sagte"),)
    )
    return AnnotatedDocument(make_document("d3", t), Annotations((quote,)))


def two_annotators() -> dict[str, list[AnnotatedDocument]]:
    """anna (d1, d2, d3) and ben (d1, d2)."""
    return {"anna": [_d1_anna(), _d2("zoe"), _d3()], "ben": [_d1_ben(), _d2("e1")]}


TYPES_T1 = {
    "anna": {"i1": "direct", "i2": "indirect", "i3": "reported", "i4": "direct",
             "i5": "direct", "i6": "indirect"},
    "ben": {"i1": "direct", "i2": "indirect", "i3": "reported", "i4": "indirect"},
    "carla": {"i1": "direct", "i2": "reported", "i3": "reported", "i4": "direct",
              "i6": "indirect"},
}  # fmt: skip
_T1_SPANS = {
    "i1": "„Wir kommen wieder 💪🏽“",
    "i2": "man sei offen",
    "i3": "die Pläne",
    "i4": "„eine Chance“",
    "i5": "„Genug!“",
    "i6": "die Ukraine sei bereit",
}


def three_annotators() -> dict[str, list[AnnotatedDocument]]:
    """anna, ben and carla on ``t1`` with the types of :data:`TYPES_T1`."""
    out: dict[str, list[AnnotatedDocument]] = {}
    for name, types in TYPES_T1.items():
        quotes = tuple(
            Quote(f"{name[0]}{key}", (find_span(TEXT_T1, _T1_SPANS[key]),), qtype)
            for key, qtype in types.items()
        )
        out[name] = [AnnotatedDocument(make_document("t1", TEXT_T1), Annotations(quotes))]
    return out


def write_annotators(folder: Path, annotated: dict[str, list[AnnotatedDocument]]) -> list[Path]:
    """One ``<name>.jsonl`` per annotator in ``folder``; returns the paths in order."""
    paths = []
    for name, docs in annotated.items():
        path = folder / f"{name}.jsonl"
        write_documents(path, docs)
        paths.append(path)
    return paths
