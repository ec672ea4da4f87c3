"""align_quotes on a corpus written for the tests: who said what where, and when first."""

from __future__ import annotations

from trackkit import pension_corpus

from zitat import AnnotatedDocument, Annotations, Quote, QuoteType, SpeakerEntity, make_document
from zitat.testing import find_span
from zitat.tracking import StatementCluster, align_quotes
from zitat.tracking.similarity import QuoteText


def _by_member(clusters: list[StatementCluster]) -> dict[tuple[str, str], StatementCluster]:
    return {m: c for c in clusters for m in c.members}


def test_one_statement_in_three_outlets_and_forms() -> None:
    clusters = align_quotes(pension_corpus())
    pension = _by_member(clusters)[("tagblatt-1", "q1")]
    assert pension.members == (("anzeiger-1", "q1"), ("kurier-1", "q1"), ("tagblatt-1", "q1"))
    assert pension.speaker is not None
    assert pension.speaker.name == "Petra Lindqvist"
    assert pension.outlets == ("Kurier", "Tagblatt")  # the Anzeiger's meta names no outlet
    assert pension.id == "s1"  # the largest cluster comes first
    forms = {v.doc_id: v.form for v in pension.versions}
    assert forms == {
        "tagblatt-1": QuoteType.DIRECT,
        "kurier-1": QuoteType.INDIRECT,
        "anzeiger-1": QuoteType.DIRECT,
    }


def test_a_similar_statement_of_another_speaker_stays_apart() -> None:
    by_member = _by_member(align_quotes(pension_corpus(), threshold=0.3, linkage="single"))
    brenner = by_member[("tagblatt-1", "q2")]
    assert brenner.members == (("tagblatt-1", "q2"),)
    assert brenner.speaker is not None
    assert brenner.speaker.name == "Karl Brenner"
    # the budget statement is Lindqvist's but about something else
    assert by_member[("tagblatt-1", "q3")].size == 1


def test_every_quote_is_in_exactly_one_cluster() -> None:
    clusters = align_quotes(pension_corpus())
    members = [m for c in clusters for m in c.members]
    assert len(members) == len(set(members)) == 5
    assert [c.id for c in clusters] == [f"s{i}" for i in range(1, len(clusters) + 1)]


def test_reference_is_the_longest_direct_version_and_comes_first() -> None:
    pension = align_quotes(pension_corpus())[0]
    reference = pension.versions[0]
    assert reference.is_reference
    assert pension.reference is reference
    assert (reference.doc_id, reference.form) == ("tagblatt-1", QuoteType.DIRECT)
    assert reference.faithfulness == 1.0
    kurier = next(v for v in pension.versions if v.doc_id == "kurier-1")
    assert kurier.comparison.only_in_version == ("man", "werde")
    assert kurier.comparison.only_in_reference == ("Wir", "werden")
    assert 0.5 < kurier.faithfulness < 1.0


def test_first_seen_with_exact_and_partial_dates() -> None:
    # Kurier 2023-03-06, Tagblatt 2023-03-07, Anzeiger only "2023-03": the Anzeiger may have
    # been first, the Tagblatt surely was not; by the 6th the statement had appeared.
    pension = align_quotes(pension_corpus())[0]
    assert pension.first_seen is not None
    assert pension.first_seen.documents == ("anzeiger-1", "kurier-1")
    assert pension.first_seen.date.label == "2023-03-06"
    assert pension.first_seen.undated == ()
    # versions after the reference come in date order: the 6th before the 7th... of March
    assert [v.doc_id for v in pension.versions[1:]] == ["anzeiger-1", "kurier-1"]


def test_undated_documents_are_named_in_first_seen() -> None:
    pension = align_quotes(pension_corpus(dated=False))[0]
    assert pension.first_seen is not None
    # without the Kurier's date: the Anzeiger ("2023-03") or the Tagblatt (the 7th)
    assert pension.first_seen.documents == ("anzeiger-1", "tagblatt-1")
    assert pension.first_seen.date.label == "2023-03-07"
    assert pension.first_seen.undated == ("kurier-1",)
    assert pension.versions[-1].doc_id == "kurier-1"  # undated versions come last


def test_threshold_one_keeps_reports_apart() -> None:
    clusters = align_quotes(pension_corpus(), threshold=1.0, similarity="lemma-jaccard")
    by_member = _by_member(clusters)
    # the indirect report has exactly the direct quote's content lemmas; the short version not
    assert by_member[("kurier-1", "q1")].members == (("kurier-1", "q1"), ("tagblatt-1", "q1"))
    assert by_member[("anzeiger-1", "q1")].size == 1


def test_same_document_false_keeps_quotes_of_one_document_apart() -> None:
    docs = pension_corpus()

    def everything_alike(a: QuoteText, b: QuoteText) -> float:
        return 1.0

    together = align_quotes(docs, similarity=everything_alike)
    apart = align_quotes(docs, similarity=everything_alike, same_document=False)
    # all four quotes of Lindqvist (two in the Tagblatt), never Brenner's
    assert _by_member(together)[("tagblatt-1", "q3")].size == 4
    assert _by_member(together)[("tagblatt-1", "q2")].size == 1
    assert sorted(c.size for c in apart) == [1, 1, 3]
    for cluster in apart:
        assert len(cluster.documents) == cluster.size


def test_a_nested_quote_of_the_same_speaker_joins_its_parent() -> None:
    text = (
        "Die Ministerin sagte, der Entwurf sei „ein fauler Kompromiss“. Sie berichtete, der "
        "Kanzler habe ihr versichert, „keine Eile“ zu haben."
    )
    ministerin = SpeakerEntity(
        "e1",
        "Ministerin Clara Voss",
        mentions=(find_span(text, "Die Ministerin"), find_span(text, "Sie")),
    )
    kanzler = SpeakerEntity("e2", "Kanzler", mentions=(find_span(text, "Kanzler"),))
    quotes = (
        Quote(
            "q1",
            (find_span(text, "der Entwurf sei „ein fauler Kompromiss“"),),
            "indirect",
            entity="e1",
        ),
        Quote(
            "q2", (find_span(text, "„ein fauler Kompromiss“"),), "direct", entity="e1", parent="q1"
        ),
        Quote(
            "q3",
            (find_span(text, "der Kanzler habe ihr versichert, „keine Eile“ zu haben"),),
            "indirect",
            entity="e1",
        ),
        Quote(
            "q4", (find_span(text, "„keine Eile“ zu haben"),), "indirect", entity="e2", parent="q3"
        ),
    )
    doc = AnnotatedDocument(
        make_document("n1", text), Annotations(quotes=quotes, entities=(ministerin, kanzler))
    )
    # lemma-jaccard at 1.0 merges only identical content: what joins here is the nesting
    by_member = _by_member(align_quotes([doc], similarity="lemma-jaccard", threshold=1.0))
    assert by_member[("n1", "q2")].members == (("n1", "q1"), ("n1", "q2"))
    assert by_member[("n1", "q2")].reference.quote_id == "q2"  # the only direct version
    assert by_member[("n1", "q4")].size == 1  # another speaker's statement
    apart = _by_member(
        align_quotes([doc], similarity="lemma-jaccard", threshold=1.0, attach_nested=False)
    )
    assert apart[("n1", "q2")].size == 1
