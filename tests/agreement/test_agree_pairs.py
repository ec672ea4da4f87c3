"""Two annotators on the files of ``agreekit``: every expected value is derived by hand there.

d1 has seven quotes by anna and six by ben (see the table in ``agreekit``); d2 is identical;
d3 is anna's only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from agreekit import TEXT1, two_annotators, write_annotators

from zitat.agreement import AgreementReport, agree, load_annotators
from zitat.errors import InputError, ValidationError
from zitat.schema import AnnotatedDocument
from zitat.text import make_document


@pytest.fixture(scope="module")
def report() -> AgreementReport:
    return agree(two_annotators())


def test_documents_only_one_annotator_has_are_reported(report: AgreementReport) -> None:
    assert report.coverage == {"d1": ("anna", "ben"), "d2": ("anna", "ben"), "d3": ("anna",)}
    assert report.single == ("d3",)
    assert report.missing == {"anna": (), "ben": ("d3",)}
    assert report.pair("anna", "ben").documents == ("d1", "d2")
    d3 = next(d for d in report.documents if d.doc_id == "d3")
    assert d3.group is None
    assert d3.pairs == ()


def test_exact_and_overlap_span_agreement(report: AgreementReport) -> None:
    # d1 exact: q1 q2 q3 q5 q7 equal (5), ben's q4 lacks the closing mark (only_b 1), anna's q4
    # and q6 unmatched (only_a 2): F1 = 10/13. Overlap: q4 pairs with ben's q4: 12/13.
    d1 = next(d for d in report.documents if d.doc_id == "d1").pairs[0]
    assert d1.metrics["quotes.exact.f1"] == pytest.approx(10 / 13)
    assert d1.metrics["quotes.overlap.f1"] == pytest.approx(12 / 13)
    counts = d1.counts.counts()
    assert (counts["quotes.exact.both"], counts["quotes.exact.only_a"]) == (5, 2)
    assert counts["quotes.exact.only_b"] == 1
    # Overall d2 adds one exact agreement: 2·6 / (2·6 + 1 + 2) = 12/15, overlap 14/15.
    pair = report.pair("anna", "ben")
    assert pair.metrics["quotes.exact.f1"] == pytest.approx(12 / 15)
    assert pair.metrics["quotes.overlap.f1"] == pytest.approx(14 / 15)


def test_role_agreement_on_matched_quotes(report: AgreementReport) -> None:
    m = next(d for d in report.documents if d.doc_id == "d1").pairs[0].metrics
    # Cues of the six aligned pairs: all equal but "warnte" / "warnte vor": 5/6; tokens
    # tp 6 (one per pair), fp 1 ("vor"): F1 12/13.
    assert m["roles.cue.exact"] == pytest.approx(5 / 6)
    assert m["roles.cue.tokens.f1"] == pytest.approx(12 / 13)
    # Speakers: q7 has "er" on anna's side only: 5/6; tokens: 2+1+1+2+1 = 7 shared, 1 missing.
    assert m["roles.speaker.exact"] == pytest.approx(5 / 6)
    assert m["roles.speaker.tokens.f1"] == pytest.approx(14 / 15)
    # Nobody annotated a frame or an addressee: nothing to compare.
    assert m["roles.frame.exact"] is None
    assert m["roles.addressee.tokens.f1"] is None


def test_speaker_entities_agree_across_different_ids(report: AgreementReport) -> None:
    m = next(d for d in report.documents if d.doc_id == "d1").pairs[0].metrics
    # The ids differ everywhere (lawrow vs e2 ...), yet five aligned pairs name the same
    # speaker; q7 is the Wirt ("er") for anna and Baerbock for ben: 5/6.
    assert m["speakers.attribution"] == pytest.approx(5 / 6)
    # Entities aligned: minister-e1, lawrow-e2, blinken-e3, sprecher-e4, baerbock-e5; only
    # "Sergej" vs "Sergei" Lawrow differ in name: 4/5.
    assert m["speakers.name"] == pytest.approx(4 / 5)
    # B³: ben's six mentions are all in anna's clusters (P = 1); anna's Selenskyj, Wirt and
    # "er" are missing in ben's (R = 6/9). F1 = 2 · 1 · 2/3 / (1 + 2/3) = 0.8.
    assert m["speakers.b3.f1"] == pytest.approx(0.8)


def test_type_kappa_and_alpha_per_document_and_pooled(report: AgreementReport) -> None:
    # d1 aligned pairs (q1 q2 q3 q4 q5 q7): anna D I I D R I, ben D I R D R I.
    # kappa = 3/4 and alpha = 36/47 (the six-item table of test_agree_categorical).
    d1 = next(d for d in report.documents if d.doc_id == "d1").pairs[0].metrics
    assert d1["type.kappa"] == pytest.approx(3 / 4)
    assert d1["type.alpha"] == pytest.approx(36 / 47)
    # Pooled with d2's D-D: A_o = 6/7; anna D3 I3 R1, ben D3 I2 R2: A_e = (9 + 6 + 2)/49 =
    # 17/49; kappa = (6/7 - 17/49)/(32/49) = 25/32. Alpha: 14 values D 6, I 5, R 3;
    # D_o = 2/14, D_e = (196 - 70)/182 = 9/13; alpha = 1 - (1/7)/(9/13) = 50/63.
    overall = report.pair("anna", "ben").metrics
    assert overall["type.observed"] == pytest.approx(6 / 7)
    assert overall["type.kappa"] == pytest.approx(25 / 32)
    assert overall["type.alpha"] == pytest.approx(50 / 63)


def test_medium_kappa_is_zero_and_undefined_without_variation(report: AgreementReport) -> None:
    # anna: speech on all 7 aligned pairs; ben: writing on q4. A_e = 1 · 6/7 = A_o: kappa 0.
    overall = report.pair("anna", "ben").metrics
    assert overall["medium.kappa"] == pytest.approx(0.0, abs=1e-12)
    assert overall["medium.observed"] == pytest.approx(6 / 7)
    d2 = next(d for d in report.documents if d.doc_id == "d2").pairs[0].metrics
    assert d2["medium.observed"] == 1.0
    assert d2["medium.kappa"] is None  # one category only


def test_stance_agreement_counts_none_for_a_missing_stance(report: AgreementReport) -> None:
    # Items (aligned pair, target): q1 diplomacy favor/favor, q2 security-guarantees
    # favor/neutral, q3 diplomacy none/neutral, q5 russian-invasion against/against (q6 is not
    # aligned). A_o = 2/4; anna favor 2, against 1, none 1; ben favor 1, neutral 2, against 1;
    # A_e = (2·1 + 1·1)/16 = 3/16; kappa = (8/16 - 3/16)/(13/16) = 5/13.
    # Alpha: 8 values favor 3, neutral 2, against 2, none 1; D_o = 4/8;
    # D_e = (64 - 18)/56 = 46/56; alpha = 1 - 28/46 = 9/23.
    m = report.pair("anna", "ben")
    assert m.categorical["stance"].items == 4
    assert m.metrics["stance.observed"] == pytest.approx(1 / 2)
    assert m.metrics["stance.kappa"] == pytest.approx(5 / 13)
    assert m.metrics["stance.alpha"] == pytest.approx(9 / 23)


def test_disagreements_name_unit_field_values_and_text(report: AgreementReport) -> None:
    found = [(d.unit, d.field) for d in report.disagreements]
    assert found == [
        ("u2", "stance:security-guarantees"),
        ("u3", "type"),
        ("u3", "stance:diplomacy"),
        ("u4", "spans"),
        ("u4", "medium"),
        ("u5", "cue"),
        ("u6", "quote"),
        ("u7", "speaker"),
        ("u7", "entity"),
    ]
    by_key = {(d.unit, d.field): d for d in report.disagreements}
    assert by_key[("u3", "type")].values == {"anna": "indirect", "ben": "reported"}
    assert by_key[("u3", "type")].quotes == {"anna": "q3", "ben": "z3"}
    assert by_key[("u3", "stance:diplomacy")].values == {"anna": None, "ben": "neutral"}
    assert by_key[("u4", "spans")].values == {
        "anna": "„Das ist ein Fehler 🙈“",
        "ben": "„Das ist ein Fehler 🙈",
    }
    assert by_key[("u5", "cue")].values == {"anna": "warnte", "ben": "warnte vor"}
    missing = by_key[("u6", "quote")]
    assert missing.values == {"anna": "indirect: die Ukraine bleibe standhaft", "ben": None}
    assert missing.excerpt == "die Ukraine bleibe standhaft"
    assert TEXT1[missing.start : missing.end] == missing.excerpt
    assert by_key[("u7", "entity")].values == {
        "anna": "Wirt (wirt)",
        "ben": "Annalena Baerbock (e5)",
    }
    assert all(d.doc_id == "d1" for d in report.disagreements)


def test_report_json_is_complete(report: AgreementReport) -> None:
    data = report.to_dict()
    assert data["single"] == ["d3"]
    assert data["missing"] == {"anna": [], "ben": ["d3"]}
    assert data["pairs"][0]["a"] == "anna"
    assert set(data["pairs"][0]["metrics"]) <= set(data["group"]["metrics"])
    assert len(data["disagreements"]) == 9
    # With two annotators the group's alpha is the pair's.
    assert data["group"]["metrics"]["type.alpha"] == pytest.approx(50 / 63)


def test_loading_names_and_paired_stances(tmp_path: Path) -> None:
    paths = write_annotators(tmp_path, two_annotators())
    annotated = load_annotators(paths)
    assert list(annotated) == ["anna", "ben"]
    named = load_annotators(paths, ["A", "B"])
    assert list(named) == ["A", "B"]
    with pytest.raises(InputError, match="2 names for 1 gold paths"):
        load_annotators(paths[:1], ["A", "B"])
    # A paired stance file must agree with the stances in the documents.
    (tmp_path / "anna.stances.jsonl").write_text(
        '{"text": "x", "options": [], "meta": {"doc_id": "d1", "quote": "q1", "entity": null,'
        ' "target": "diplomacy"}, "accept": ["against"], "answer": "accept"}\n',
        encoding="utf-8",
    )
    with pytest.raises(ValidationError, match=r"disagrees with the stance in anna\.jsonl"):
        load_annotators(paths)


def test_different_texts_under_one_id_are_refused() -> None:
    annotated = two_annotators()
    annotated["ben"][1] = AnnotatedDocument(make_document("d2", "Ein anderer Text."))
    with pytest.raises(ValidationError, match="text of document 'd2' differs"):
        agree(annotated)


def test_one_annotator_is_not_enough() -> None:
    with pytest.raises(InputError, match="at least two annotators"):
        agree({"anna": two_annotators()["anna"]})


def test_identical_annotations_agree_perfectly() -> None:
    anna = two_annotators()["anna"]
    report = agree({"anna": anna, "copy": list(anna)})
    values = report.pair("anna", "copy").metrics
    defined = {k: v for k, v in values.items() if v is not None}
    assert set(defined.values()) == {1.0}
    # Frames and addressees were never annotated; type and stance vary, medium does not.
    assert {k for k, v in values.items() if v is None} == {
        "roles.frame.tokens.f1",
        "roles.frame.exact",
        "roles.addressee.tokens.f1",
        "roles.addressee.exact",
        "medium.kappa",
        "medium.alpha",
    }
    assert report.disagreements == ()


def test_names_from_stems_then_folders_then_paths(tmp_path: Path) -> None:
    from zitat.agreement import annotator_names

    paths = [tmp_path / "alice" / "gold.jsonl", tmp_path / "bob" / "gold.jsonl"]
    assert annotator_names(paths) == ["alice", "bob"]
    same = [tmp_path / "x" / "gold.jsonl", tmp_path / "y" / "x" / "gold.jsonl"]
    assert annotator_names(same) == [str(p) for p in same]
    assert annotator_names([tmp_path / "anna.jsonl", tmp_path / "ben"]) == ["anna", "ben"]
    with pytest.raises(InputError, match="given twice"):
        annotator_names(paths, ["x", "x"])


def test_excerpts_cut_between_words_not_inside_them() -> None:
    from zitat.agreement.group import excerpt

    text = " ".join(["Cafe\u0301s"] * 12)  # 83 code points; "e" + combining acute in each word
    assert excerpt(text, 0, len(text), width=20) == "Cafe\u0301s … Cafe\u0301s"
    assert excerpt(text, 0, 11, width=20) == "Cafe\u0301s Cafe"  # short: as it is
