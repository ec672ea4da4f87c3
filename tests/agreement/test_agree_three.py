"""Three annotators on ``t1`` of ``agreekit``: units, multi-annotator coefficients, pairs."""

from __future__ import annotations

import pytest
from agreekit import three_annotators

from zitat.agreement import AgreementReport, agree
from zitat.agreement.align import DocumentView


@pytest.fixture(scope="module")
def report() -> AgreementReport:
    return agree(three_annotators())


def test_units_hold_one_quote_per_annotator() -> None:
    docs = {name: d[0] for name, d in three_annotators().items()}
    view = DocumentView("t1", docs)
    members = [{a: view.quotes(a)[i].id for a, i in unit.members.items()} for unit in view.units]
    assert members == [
        {"anna": "ai1", "ben": "bi1", "carla": "ci1"},
        {"anna": "ai2", "ben": "bi2", "carla": "ci2"},
        {"anna": "ai3", "ben": "bi3", "carla": "ci3"},
        {"anna": "ai4", "ben": "bi4", "carla": "ci4"},
        {"anna": "ai5"},
        {"anna": "ai6", "carla": "ci6"},
    ]


def test_alpha_fleiss_and_davies_fleiss_over_units(report: AgreementReport) -> None:
    # The type table of agreekit is the table THREE of test_agree_categorical:
    # alpha 3/5 (units u1-u4 and u6), Fleiss 23/47 and Davies-Fleiss 17/33 (u1-u4).
    g = report.group.metrics
    assert report.group.units == 6
    assert g["type.alpha"] == pytest.approx(3 / 5)
    assert g["type.fleiss_kappa"] == pytest.approx(23 / 47)
    assert g["type.multi_kappa"] == pytest.approx(17 / 33)
    assert g["type.observed"] == pytest.approx(9 / 13)
    assert report.group.categorical["type"].complete == 4


def test_pairwise_kappas_and_their_mean(report: AgreementReport) -> None:
    # anna~ben on u1-u4: D-D I-I R-R D-I; A_o 3/4; anna D2 I1 R1, ben D1 I2 R1;
    #   A_e = (2 + 2 + 1)/16; kappa = (12/16 - 5/16)/(11/16) = 7/11.
    # anna~carla on u1-u4, u6: kappa 12/17 (test_agree_categorical).
    # ben~carla on u1-u4: D-D I-R R-R I-D; A_o 2/4; ben D1 I2 R1, carla D2 R2;
    #   A_e = (2 + 0 + 2)/16; kappa = (8/16 - 4/16)/(12/16) = 1/3.
    kappas = {(p.a, p.b): p.metrics["type.kappa"] for p in report.pairs}
    assert kappas[("anna", "ben")] == pytest.approx(7 / 11)
    assert kappas[("anna", "carla")] == pytest.approx(12 / 17)
    assert kappas[("ben", "carla")] == pytest.approx(1 / 3)
    light = (7 / 11 + 12 / 17 + 1 / 3) / 3
    assert report.group.metrics["type.kappa"] == pytest.approx(light)


def test_pairwise_span_agreement_and_mean(report: AgreementReport) -> None:
    # Exact spans: anna (6) ~ ben (4): 4 shared, F1 8/10; anna ~ carla (5): 5 shared, 10/11;
    # ben ~ carla: 4 shared, 8/9.
    f1 = {(p.a, p.b): p.metrics["quotes.exact.f1"] for p in report.pairs}
    assert f1 == pytest.approx(
        {("anna", "ben"): 8 / 10, ("anna", "carla"): 10 / 11, ("ben", "carla"): 8 / 9}
    )
    assert report.group.metrics["quotes.exact.f1"] == pytest.approx((8 / 10 + 10 / 11 + 8 / 9) / 3)


def test_missing_quotes_and_type_disagreements_are_listed(report: AgreementReport) -> None:
    listed = {(d.unit, d.field): d.values for d in report.disagreements}
    bereit = "indirect: die Ukraine sei bereit"
    assert listed == {
        ("u2", "type"): {"anna": "indirect", "ben": "indirect", "carla": "reported"},
        ("u4", "type"): {"anna": "direct", "ben": "indirect", "carla": "direct"},
        ("u5", "quote"): {"anna": "direct: „Genug!“", "ben": None, "carla": None},
        ("u6", "quote"): {"anna": bereit, "ben": None, "carla": bereit},
    }
