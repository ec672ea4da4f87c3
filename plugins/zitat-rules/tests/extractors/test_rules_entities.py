"""Speaker entities: names, surnames, titles and pronouns; medium of quotes."""

from __future__ import annotations

from rules_helpers import quote_with, run
from zitat.schema import EntityKind, Medium


def test_name_surname_and_pronoun_form_one_entity() -> None:
    text = (
        "Die Bürgermeisterin Eva Kranz sagte, die Brücke sei fertig. "
        "„Wir feiern am Sonntag“, sagte Kranz. "
        "Sie sagte außerdem, der Verkehr werde sinken."
    )
    ann = run(text)
    ids = {q.entity for q in ann.quotes}
    assert len(ids) == 1
    (entity,) = ann.entities
    assert entity.name == "Eva Kranz"
    assert entity.kind is EntityKind.PERSON
    assert len(entity.mentions) == 3


def test_two_speakers_stay_apart() -> None:
    text = (
        "Kranz sagte, die Brücke sei fertig. Der Gemeinderat Paul Sommer sagte, sie sei zu teuer."
    )
    ann = run(text)
    assert len({q.entity for q in ann.quotes}) == 2


def test_institution_is_an_organisation() -> None:
    text = "Das Gesundheitsministerium erklärte, die Impfquote sei gestiegen."
    ann = run(text)
    (entity,) = ann.entities
    assert entity.kind is EntityKind.ORGANISATION
    assert quote_with(ann, text, "Impfquote").medium is Medium.SPEECH_WRITING


def test_written_medium() -> None:
    text = "„Wir sind enttäuscht“, schrieb die Sängerin Mia Holt auf Instagram."
    q = quote_with(run(text), text, "enttäuscht")
    assert q.medium is Medium.WRITING
