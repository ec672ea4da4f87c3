"""Content similarity: a direct quotation and its indirect report meet, unrelated texts do not."""

from __future__ import annotations

import pytest

from zitat.tracking import SIMILARITIES
from zitat.tracking.similarity import prepare_text, similarity_by_name

DIRECT = "„Wir haben mit der Gewerkschaft eine faire Einigung erzielt“"
INDIRECT = "sie hätten mit der Gewerkschaft eine faire Einigung erzielt"
UNRELATED = "Die Bahn muss endlich pünktlicher werden."


def test_pronoun_and_konjunktiv_shifts_leave_the_same_content_lemmas() -> None:
    direct, indirect = prepare_text(DIRECT), prepare_text(INDIRECT)
    assert direct.lemmas == indirect.lemmas
    assert {"gewerkschaft", "fair", "einigung", "erzielen"} <= direct.lemmas
    assert not direct.lemmas & {"wir", "sie", "haben", "der", "mit"}


def test_negation_is_content() -> None:
    assert "nicht" in prepare_text("Er werde nicht zurücktreten").lemmas
    assert "kein" in prepare_text("Es gebe keine Einigung").lemmas


@pytest.mark.parametrize("name", sorted(SIMILARITIES))
def test_every_measure_ranks_the_report_above_an_unrelated_text(name: str) -> None:
    measure = SIMILARITIES[name]
    direct, indirect, unrelated = map(prepare_text, (DIRECT, INDIRECT, UNRELATED))
    assert measure(direct, indirect) > measure(direct, unrelated)
    assert 0.0 <= measure(direct, unrelated) <= 1.0
    assert measure(direct, indirect) == pytest.approx(measure(indirect, direct))


def test_lemma_measures_on_known_sets() -> None:
    a = prepare_text("Die Renten steigen deutlich.")  # rente, steigen, deutlich
    b = prepare_text("Die Renten steigen.")  # rente, steigen
    assert SIMILARITIES["lemma-jaccard"](a, b) == pytest.approx(2 / 3)
    assert SIMILARITIES["lemma-dice"](a, b) == pytest.approx(4 / 5)
    assert SIMILARITIES["lemma-overlap"](a, b) == pytest.approx(1.0)
    assert SIMILARITIES["lemma-dice"](a, prepare_text("und oder aber")) == 0.0


def test_empty_text_is_not_similar_to_anything() -> None:
    empty = prepare_text("„…“")
    for measure in SIMILARITIES.values():
        assert measure(empty, prepare_text(DIRECT)) == 0.0


def test_unknown_measure_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="lemma-dice"):
        similarity_by_name("cosine")
