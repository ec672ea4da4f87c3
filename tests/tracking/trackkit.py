"""A small corpus for the tracking tests, written for them: three articles on a pension rise.

Sozialministerin Petra Lindqvist announces a rise of pensions by three per cent; the Tagblatt
quotes her verbatim, the Kurier reports it in indirect speech, the Anzeiger quotes a shortened
version. Oppositionsführer Karl Brenner says something nearly identical in the Tagblatt (he
must stay apart: another speaker). Lindqvist also says something unrelated about the budget.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zitat import (
    AnnotatedDocument,
    Annotations,
    Quote,
    QuoteType,
    SpeakerEntity,
    make_document,
)
from zitat.testing import find_span

TAGBLATT = (
    "Berlin. „Wir werden die Renten im kommenden Jahr um drei Prozent erhöhen“, sagte "
    "Sozialministerin Petra Lindqvist am Dienstag. Oppositionsführer Karl Brenner sagte: "
    "„Wir werden die Renten im kommenden Jahr um drei Prozent erhöhen müssen.“ "
    "Lindqvist ergänzte: „Der Haushalt bleibt solide finanziert.“"
)
KURIER = (
    "Die Regierung will die Altersbezüge anheben. Ministerin Lindqvist kündigte an, man werde "
    "die Renten im kommenden Jahr um drei Prozent erhöhen. Details nannte sie nicht."
)
ANZEIGER = (
    "Rentner dürfen sich freuen. „Die Renten werden um drei Prozent erhöht“, sagte "
    "Petra Lindqvist dem Anzeiger."
)


def _doc(
    doc_id: str,
    text: str,
    meta: Mapping[str, Any],
    entities: list[SpeakerEntity],
    quotes: list[Quote],
) -> AnnotatedDocument:
    return AnnotatedDocument(
        make_document(doc_id, text, meta),
        Annotations(quotes=tuple(quotes), entities=tuple(entities)),
    )


def pension_corpus(*, dated: bool = True) -> list[AnnotatedDocument]:
    """The three articles; ``dated=False`` leaves the Kurier without a date."""
    t, k, a = TAGBLATT, KURIER, ANZEIGER
    tagblatt = _doc(
        "tagblatt-1",
        t,
        {"outlet": "Tagblatt", "date": "2023-03-07"},
        [
            SpeakerEntity(
                "e1",
                "Petra Lindqvist",
                mentions=(
                    find_span(t, "Sozialministerin Petra Lindqvist"),
                    find_span(t, "Lindqvist", 2),
                ),
            ),
            SpeakerEntity(
                "e2", "Karl Brenner", mentions=(find_span(t, "Oppositionsführer Karl Brenner"),)
            ),
        ],
        [
            Quote(
                "q1",
                (
                    find_span(
                        t, "„Wir werden die Renten im kommenden Jahr um drei Prozent erhöhen“"
                    ),
                ),
                QuoteType.DIRECT,
                speaker=(find_span(t, "Sozialministerin Petra Lindqvist"),),
                entity="e1",
            ),
            Quote(
                "q2",
                (
                    find_span(
                        t,
                        "„Wir werden die Renten im kommenden Jahr um drei Prozent erhöhen müssen.“",
                    ),
                ),
                QuoteType.DIRECT,
                speaker=(find_span(t, "Karl Brenner"),),
                entity="e2",
            ),
            Quote(
                "q3",
                (find_span(t, "„Der Haushalt bleibt solide finanziert.“"),),
                QuoteType.DIRECT,
                speaker=(find_span(t, "Lindqvist", 2),),
                entity="e1",
            ),
        ],
    )
    kurier = _doc(
        "kurier-1",
        k,
        {"outlet": "Kurier", "date": "2023-03-06"} if dated else {"outlet": "Kurier"},
        [SpeakerEntity("e1", "Lindqvist", mentions=(find_span(k, "Ministerin Lindqvist"),))],
        [
            Quote(
                "q1",
                (find_span(k, "man werde die Renten im kommenden Jahr um drei Prozent erhöhen"),),
                QuoteType.INDIRECT,
                speaker=(find_span(k, "Ministerin Lindqvist"),),
                entity="e1",
            )
        ],
    )
    anzeiger = _doc(
        "anzeiger-1",
        a,
        {"date": "2023-03"},
        [SpeakerEntity("e1", "Petra Lindqvist", mentions=(find_span(a, "Petra Lindqvist"),))],
        [
            Quote(
                "q1",
                (find_span(a, "„Die Renten werden um drei Prozent erhöht“"),),
                QuoteType.DIRECT,
                speaker=(find_span(a, "Petra Lindqvist"),),
                entity="e1",
            )
        ],
    )
    return [tagblatt, kurier, anzeiger]
