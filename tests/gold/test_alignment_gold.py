"""The alignment gold: the shipped file is valid against the seed gold and keeps its rules."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

from zitat.errors import InputError, ValidationError
from zitat.gold.alignment import Alignment, Form, QuoteRef, load_alignment
from zitat.io import read_documents
from zitat.schema import AnnotatedDocument, EntityKind, QuoteType

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "gold"
ALIGNMENT = GOLD / "alignment" / "seeds.alignment.yaml"


@pytest.fixture(scope="module")
def docs() -> dict[str, AnnotatedDocument]:
    documents, report = read_documents(GOLD / "seeds.jsonl")
    assert report.ok
    return {d.id: d for d in documents}


@pytest.fixture(scope="module")
def alignment(docs: dict[str, AnnotatedDocument]) -> Alignment:
    return load_alignment(ALIGNMENT, gold=docs.values())


def test_the_shipped_file_validates_against_the_seed_gold(
    alignment: Alignment, docs: dict[str, AnnotatedDocument]
) -> None:
    n_quotes = sum(len(d.annotations.quotes) for d in docs.values())
    assert len(alignment.items) == n_quotes
    assert alignment.clusters
    # the file's own gold path gives the same result
    assert load_alignment(ALIGNMENT) == alignment


def test_no_quotation_is_in_two_clusters_and_every_member_exists(
    docs: dict[str, AnnotatedDocument],
) -> None:
    raw = yaml.safe_load(ALIGNMENT.read_text(encoding="utf-8"))
    members = [m for c in raw["clusters"] for m in c["members"]]
    assert len(members) == len(set(members))
    for member in members:
        doc_id, quote_id = member.split("/")
        docs[doc_id].annotations.quote(quote_id)  # raises KeyError if missing
    ids = [c["id"] for c in raw["clusters"]]
    assert len(ids) == len(set(ids))
    assert all(c["rationale"].strip() for c in raw["clusters"])


def test_the_clustering_is_a_partition_of_all_quotations(alignment: Alignment) -> None:
    clusters = alignment.clustering()
    flat = [ref for c in clusters for ref in c]
    assert sorted(flat) == list(alignment.items)
    stats = alignment.stats()
    assert stats["members"] + stats["singletons"] == stats["items"]
    assert stats["clusters"] == stats["cross_document.clusters"] + stats["within_document.clusters"]


def _entity(docs: dict[str, AnnotatedDocument], ref: QuoteRef) -> tuple[str, str, EntityKind]:
    doc = docs[ref.doc]
    entity_id = doc.annotations.quote(ref.quote).entity
    assert entity_id is not None, ref
    entity = doc.annotations.entity(entity_id)
    return entity.id, entity.name, entity.kind


def test_a_cluster_has_one_speaker_or_a_group_with_its_members(
    alignment: Alignment, docs: dict[str, AnnotatedDocument]
) -> None:
    for cluster in alignment.clusters:
        speakers = {_entity(docs, m) for m in cluster.members}
        if len(speakers) == 1:
            continue
        groups = [s for s in speakers if s[2] == EntityKind.GROUP]
        assert len(groups) == 1, cluster.id
        group_name = groups[0][1]
        for _, name, _ in speakers - set(groups):
            assert name.split()[-1] in group_name, (cluster.id, name)


def test_nested_quotations_of_the_same_speaker_share_their_parents_cluster(
    alignment: Alignment, docs: dict[str, AnnotatedDocument]
) -> None:
    same = other = 0
    for doc in docs.values():
        for q in doc.annotations.quotes:
            if q.parent is None:
                continue
            parent = doc.annotations.quote(q.parent)
            mine = alignment.cluster_of(QuoteRef(doc.id, q.id))
            theirs = alignment.cluster_of(QuoteRef(doc.id, parent.id))
            if q.entity == parent.entity:
                same += 1
                assert mine is not None, (doc.id, q.id)
                assert mine == theirs, (doc.id, q.id)
            else:
                other += 1
                assert mine is None or mine != theirs, (doc.id, q.id)
    assert same  # the seeds have both kinds
    assert other


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _mode(kind: QuoteType) -> str:
    return {QuoteType.DIRECT: "direct", QuoteType.REPORTED: "reported"}.get(kind, "indirect")


def test_verbatim_and_direct_indirect_forms_agree_with_the_texts(
    alignment: Alignment, docs: dict[str, AnnotatedDocument]
) -> None:
    for cluster in alignment.clusters:
        quotes = [(docs[m.doc], docs[m.doc].annotations.quote(m.quote)) for m in cluster.members]
        wordings = [_words(q.text_in(d.text, " ")) for d, q in quotes]
        same_wording = any(a == b for a, b in itertools.combinations(wordings, 2))
        modes = {_mode(q.type) for _, q in quotes}
        assert (Form.VERBATIM in cluster.forms) == same_wording, cluster.id
        assert (Form.DIRECT_INDIRECT in cluster.forms) == (len(modes) > 1), cluster.id
        assert cluster.forms, cluster.id


def test_blinken_and_lawrow_statements_recur_across_documents(alignment: Alignment) -> None:
    cross = [c for c in alignment.clusters if c.cross_document]
    assert len(cross) >= 10
    assert max(len(c.documents) for c in cross) >= 4


# --- the loader's errors --------------------------------------------------------------------

D0 = "000_62091b1984e24b80"
D1 = "001_e6a91072866ef07c"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "bad.alignment.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def _cluster(ident: str, *members: str, forms: str = "[verbatim]") -> str:
    lines = [f"  - id: {ident}", "    rationale: same words", f"    forms: {forms}", "    members:"]
    lines += [f"      - {m}" for m in members]
    return "\n".join(lines) + "\n"


def _load(path: Path, docs: dict[str, AnnotatedDocument]) -> Alignment:
    return load_alignment(path, gold=docs.values())


def test_a_member_missing_from_the_gold_is_named_with_file_line_and_cluster(
    tmp_path: Path, docs: dict[str, AnnotatedDocument]
) -> None:
    body = "clusters:\n" + _cluster("ok", f"{D0}/q1", f"{D0}/q2")
    body += _cluster("broken", f"{D0}/q3", f"{D1}/q999")
    path = _write(tmp_path, body)
    with pytest.raises(ValidationError) as info:
        _load(path, docs)
    err = info.value
    assert err.source == str(path)
    assert err.obj == "cluster 'broken'"
    assert err.field == "members[1]"
    assert err.line == body.splitlines().index("  - id: broken") + 1
    assert "q999" in str(err)


def test_a_quotation_in_two_clusters_names_both(
    tmp_path: Path, docs: dict[str, AnnotatedDocument]
) -> None:
    body = "clusters:\n" + _cluster("first", f"{D0}/q1", f"{D0}/q2")
    body += _cluster("second", f"{D1}/q1", f"{D0}/q2")
    with pytest.raises(ValidationError, match=r"cluster 'second'.*already in cluster 'first'"):
        _load(_write(tmp_path, body), docs)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (_cluster("x", f"{D0}/q1", f"{D0}/q2") * 2, "duplicate cluster id"),
        (_cluster("x", f"{D0}/q1"), "at least two members"),
        (_cluster("x", f"{D0}/q1", f"{D0}/q1"), "listed twice"),
        (_cluster("x", f"{D0}/q1", "q2"), "doc_id/quote_id"),
        (_cluster("x", f"{D0}/q1", f"{D0}/q2", forms="[exact]"), "unknown form 'exact'"),
        ("  - id: x\n    members: [a/b, c/d]\n", "rationale"),
        ("  - id: x\n    rationale: r\n    speaker: y\n    members: [a/b, c/d]\n", "unknown key"),
    ],
)
def test_malformed_clusters_are_rejected(
    tmp_path: Path, docs: dict[str, AnnotatedDocument], body: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message) as info:
        _load(_write(tmp_path, "clusters:\n" + body), docs)
    assert str(info.value).startswith(str(tmp_path))


def test_unreadable_and_non_yaml_files(tmp_path: Path, docs: dict[str, AnnotatedDocument]) -> None:
    with pytest.raises(InputError):
        _load(tmp_path / "missing.yaml", docs)
    with pytest.raises(InputError, match="YAML"):
        _load(_write(tmp_path, "clusters: [unclosed\n"), docs)
    with pytest.raises(ValidationError, match="clusters"):
        _load(_write(tmp_path, "- just a list\n"), docs)
