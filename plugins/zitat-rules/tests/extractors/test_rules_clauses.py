"""What counts as the content of a reporting verb: dass/Konjunktiv/zu-infinitive/V2 clauses."""

from __future__ import annotations

import pytest
from rules_helpers import quote_with, run, texts
from zitat.schema import QuoteType


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Die Ministerin kündigte an, die Schulen im Sommer zu sanieren.",
            "die Schulen im Sommer zu sanieren",
            ["kündigte an"],
        ),
        (
            # "zu" written inside a particle verb that starts like the word "zu"
            "Der Verband forderte die Stadt auf, den Radweg zurückzubauen.",
            "den Radweg zurückzubauen",
            ["forderte", "auf"],
        ),
        (
            "Die Gemeinde erwägt, das alte Freibad wieder zu öffnen.",
            "das alte Freibad wieder zu öffnen",
            ["erwägt"],
        ),
    ],
)
def test_zu_infinitive_content(text: str, content: str, cue: list[str]) -> None:
    q = quote_with(run(text), text, content.split()[1])
    assert q.type is QuoteType.INDIRECT
    assert texts(text, q.spans) == [content]
    assert texts(text, q.cue) == cue


def test_adverbial_infinitive_is_no_content() -> None:
    text = "Der Trainer sagte, um die Spieler zu schonen, habe er gewechselt."
    assert all("um die Spieler" not in text[q.spans[0].start :] for q in run(text).quotes)


def test_konjunktiv_after_a_fronted_conditional_clause() -> None:
    text = "Die Ärztin betonte: Wenn die Zahlen steigen, werde die Klinik schließen."
    q = quote_with(run(text), text, "Klinik")
    assert texts(text, q.spans) == ["Wenn die Zahlen steigen, werde die Klinik schließen"]
    assert texts(text, q.frame) == ["Die Ärztin betonte:"]


def test_relative_clause_after_the_object_is_no_content() -> None:
    text = "Der Bürgermeister dankte für die Spende, mit der die Stadt neue Bänke kaufen wolle."
    assert not [q for q in run(text).quotes if q.type is QuoteType.INDIRECT]


def test_expletive_es_before_a_plural_konjunktiv() -> None:
    text = "Der Direktor sagte, es seien genug Plätze für alle Kinder vorhanden."
    q = quote_with(run(text), text, "Plätze")
    assert texts(text, q.spans) == ["es seien genug Plätze für alle Kinder vorhanden"]


def test_indicative_verb_second_clause_after_a_verb_of_saying() -> None:
    text = "Die Sprecherin sagte, die Firma zahlte die Löhne immer pünktlich."
    q = quote_with(run(text), text, "Löhne")
    assert q.type is QuoteType.INDIRECT
    assert texts(text, q.spans) == ["die Firma zahlte die Löhne immer pünktlich"]


def test_coordinated_clause_with_its_own_frame_ends_the_content() -> None:
    text = (
        "Die Bahn erklärte, der Zug sei verspätet, und der Verband kritisierte, "
        "dass niemand informiert werde."
    )
    ann = run(text)
    first = quote_with(ann, text, "Zug")
    second = quote_with(ann, text, "niemand")
    assert texts(text, first.spans) == ["der Zug sei verspätet"]
    assert texts(text, second.spans) == ["dass niemand informiert werde"]
    assert texts(text, second.speaker) == ["der Verband"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Beide Parteien machten am Abend deutlich, dass sie verhandeln wollen.",
            ["machten", "deutlich"],
        ),
        ("Die Richterin ist der Meinung, dass das Gesetz nicht ausreiche.", ["ist der Meinung"]),
        ("Die Lage sei unter Kontrolle, stellte der Sprecher klar.", ["stellte", "klar"]),
    ],
)
def test_multi_word_and_particle_cues(text: str, cue: list[str]) -> None:
    (q,) = [q for q in run(text).quotes if q.type is QuoteType.INDIRECT]
    assert texts(text, q.cue) == cue


def test_no_infinitive_content_under_an_infinitive_cue() -> None:
    # the second infinitive belongs to the noun "Zusage", not to "zu bekräftigen"
    text = "Sie reiste nach Paris, um die Zusage zu bekräftigen, die Brücke bis Mai zu bauen."
    assert not [q for q in run(text).quotes if q.type is QuoteType.INDIRECT]
