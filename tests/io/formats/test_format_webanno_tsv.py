"""WebAnno TSV 3.3: an INCEpTION-style export, the file we write, round trips, bad input."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pytest
from formats_kit import DATA, EMOJI_TEXT, PROFILE, corpora, no_loss, shape, special_documents
from hypothesis import given

from zitat.errors import InputError, ValidationError
from zitat.gold.bundled import load_seeds
from zitat.io.formats import LossWarning, read_webanno_tsv, write_webanno_tsv
from zitat.io.formats.webanno import HEADER, document_to_tsv
from zitat.schema import (
    AnnotatedDocument,
    Annotations,
    EntityKind,
    Medium,
    QuoteType,
    Span,
    SpeakerEntity,
)
from zitat.testing import find_span
from zitat.text import make_document

# the text INCEpTION rebuilds from the fixture: its two sentences joined by a line feed
EXPORT_TEXT = (
    "Lawrow sagte:\r\n„Wir bleiben im Gespräch 😀🇩🇪.“\n"
    "US-Chefdiplomat Blinken erklärte im Cafe\u0301 in Genf, man sei „weiter offen“."
)


def read_export(name: str) -> AnnotatedDocument:
    with pytest.warns(LossWarning) as caught:
        (doc,) = read_webanno_tsv(DATA / name)
    messages = " | ".join(str(w.message) for w in caught)
    assert "ignored: layer de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity" in messages
    assert "1 quote(s) given the medium 'speech'" in messages  # q_2's medium is '*'
    return doc


@pytest.mark.parametrize("name", ["inception_export.tsv", "inception_export_crlf.tsv"])
def test_inception_export(name: str) -> None:
    doc = read_export(name)
    assert doc.id == Path(name).stem
    assert doc.text == EXPORT_TEXT
    t = doc.text
    assert [tok.text for tok in doc.document.tokens][6:12] == [
        "im", "Gespräch", "😀", "🇩🇪", ".", "“",
    ]  # fmt: skip
    q1, q2, q3 = doc.annotations.quotes
    assert (q1.id, q1.type, q1.medium, q1.entity) == (
        "q_1",
        QuoteType.DIRECT,
        Medium.SPEECH,
        "s_lawrow",
    )
    assert q1.spans == (find_span(t, "„Wir bleiben im Gespräch 😀🇩🇪.“"),)
    assert (q1.cue, q1.speaker) == ((find_span(t, "sagte"),), (find_span(t, "Lawrow"),))
    assert (q2.id, q2.type, q2.medium) == ("q_2", QuoteType.INDIRECT, Medium.SPEECH)
    assert q2.spans == (find_span(t, "man sei „weiter offen“"),)
    assert q2.frame == (find_span(t, "US-Chefdiplomat Blinken erklärte im Cafe\u0301 in Genf"),)
    assert (q2.cue, q2.speaker) == ((find_span(t, "erklärte"),), (find_span(t, "Blinken"),))
    assert (q3.spans, q3.parent, q3.entity) == ((find_span(t, "„weiter offen“"),), "q_2", "blinken")
    lawrow, blinken = doc.annotations.entities
    assert (lawrow.id, lawrow.name, lawrow.kind) == ("s_lawrow", "Sergej Lawrow", EntityKind.PERSON)
    # the sub-token 2-1.1 and the token 2-2; name and kind come from the sub-token's row
    assert blinken.mentions == (find_span(t, "Chefdiplomat"), find_span(t, "Blinken"))
    assert (blinken.name, blinken.kind) == ("Antony Blinken", EntityKind.PERSON)
    assert doc.document.sentences == (Span(0, 45), Span(46, len(t)))


def test_written_file_follows_inception() -> None:
    content, notes = document_to_tsv(special_documents()[0])
    lines = content.split("\n")
    assert tuple(lines[:5]) == HEADER
    assert lines[1] == "#T_SP=webanno.custom.Quote|entity|medium|quoteId|quoteType"
    assert lines[4] == "#T_RL=webanno.custom.QuoteRelation|label|BT_webanno.custom.Quote"
    assert lines[5:7] == ["", ""]
    assert lines[7].startswith("#zitat={")
    # the sentence runs to the next one, so its CRLF is kept (CR escaped, LF splits the line)
    assert lines[8] == "#Text=😀 Lawrow sagte: „Wir bleiben im Gespräch 🇩🇪.“\\r"
    assert lines[9] == "#Text="
    rows = {line.split("\t")[2]: line.split("\t") for line in lines if line[:1].isdigit()}
    assert rows["Lawrow"][:2] == ["1-2", "3-9"]  # UTF-16: 😀 takes two units
    flag = EMOJI_TEXT.index("🇩")  # spaCy splits 🇩🇪 into its two regional indicators

    def u16(i: int) -> int:
        return len(EMOJI_TEXT[:i].encode("utf-16-le")) // 2

    assert rows["🇩"][1] == f"{u16(flag)}-{u16(flag + 1)}" == "42-44"
    assert rows["🇪"][1] == "44-46"
    assert rows["Lawrow"][-1] == ""  # every row ends with a tab, as INCEpTION writes it
    # a multi-token quote carries a disambiguation id on each of its rows and features
    assert rows["Wir"][3:7] == ["s\\_lawrow[1]", "speech[1]", "q1[1]", "direct[1]"]
    assert rows["Gespräch"][3:7] == rows["Wir"][3:7]
    assert notes == []


def test_spans_inside_tokens_become_sub_tokens() -> None:
    text = "US-Chefdiplomat Blinken sagte: „Ja.“"
    mention = find_span(text, "Chefdiplomat")
    doc = AnnotatedDocument(
        make_document("sub", text),
        Annotations(entities=(SpeakerEntity("b", "Blinken", mentions=(mention,)),)),
    )
    content, _ = document_to_tsv(doc, record=False)
    rows = [line.split("\t") for line in content.split("\n") if line[:1].isdigit()]
    assert rows[0][:3] == ["1-1", "0-15", "US-Chefdiplomat"]
    assert rows[1][:3] == ["1-1.1", "3-15", "Chefdiplomat"]
    assert rows[1][9] == "b"  # SpeakerMention.entity
    assert rows[0][9] == "_"


def test_seeds_round_trip(tmp_path: Path) -> None:
    seeds = list(load_seeds())
    with no_loss():
        assert write_webanno_tsv(tmp_path / "tsv", seeds) == len(seeds)
        assert sorted(p.name for p in (tmp_path / "tsv").iterdir()) == [
            f"{d.id}.tsv" for d in seeds
        ]
        assert list(read_webanno_tsv(tmp_path / "tsv")) == seeds


def test_special_characters_round_trip(tmp_path: Path) -> None:
    docs = special_documents()
    with no_loss():
        write_webanno_tsv(tmp_path / "tsv", docs)
        assert list(read_webanno_tsv(tmp_path / "tsv")) == docs


def test_export_round_trip(tmp_path: Path) -> None:
    doc = read_export("inception_export.tsv")
    with no_loss():
        write_webanno_tsv(tmp_path / "one.tsv", [doc])
        assert list(read_webanno_tsv(tmp_path / "one.tsv")) == [doc]


def test_leading_text_and_documents_without_tokens(tmp_path: Path) -> None:
    docs = [
        AnnotatedDocument(make_document("lead", "\r\n\tLawrow sagte: „Ja.“")),
        AnnotatedDocument(make_document("blank", " \n ")),
    ]
    with pytest.warns(LossWarning, match="no tokens; INCEpTION cannot import it"):
        write_webanno_tsv(tmp_path / "tsv", docs)
    with no_loss():
        assert list(read_webanno_tsv(tmp_path / "tsv")) == sorted(docs, key=lambda d: d.id)


@PROFILE
@given(corpora())
def test_random_documents_round_trip(docs: list[AnnotatedDocument]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            write_webanno_tsv(Path(tmp) / "tsv", docs)
        # the only thing worth a word: a document without tokens INCEpTION cannot import
        assert [str(w.message) for w in caught] == (
            [] if all(d.document.tokens for d in docs) else [str(caught[0].message)]
        )
        assert all("no tokens" in str(w.message) for w in caught)
        with no_loss():
            assert list(read_webanno_tsv(Path(tmp) / "tsv")) == docs


@PROFILE
@given(corpora())
def test_without_record_only_stances_metadata_and_empty_entities_go(
    docs: list[AnnotatedDocument],
) -> None:
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossWarning)
        write_webanno_tsv(Path(tmp) / "tsv", docs, record=False)
        back = list(read_webanno_tsv(Path(tmp) / "tsv"))
    assert any("without a zitat record" in str(w.message) for w in caught)
    for before, after in zip(docs, back, strict=True):
        tokens = before.document.tokens
        assert after.document.tokens == tokens
        lead = tokens[0].start if tokens else len(before.text)  # reads back as spaces
        assert after.text == " " * lead + before.text[lead:]
        if not _snapped(before):  # ids, media, entity names and kinds are native in TSV
            assert shape(after)[1:] == shape(before)[1:]
            assert {(q.id, q.medium, q.entity) for q in after.annotations.quotes} == {
                (q.id, q.medium, q.entity) for q in before.annotations.quotes
            }
        assert after.annotations.stances == ()
        assert after.document.meta == {}


def _snapped(doc: AnnotatedDocument) -> bool:
    """True if a span starts or ends in whitespace between tokens (TSV trims those)."""
    text = doc.text
    spans = [s for q in doc.annotations.quotes for s in (*q.spans, *q.cue, *q.frame, *q.speaker,
             *q.addressee)] + [m for e in doc.annotations.entities for m in e.mentions]  # fmt: skip
    return any(text[s.start].isspace() or text[s.end - 1].isspace() for s in spans)


def _export_with(old: str, new: str, tmp_path: Path) -> Path:
    content = (DATA / "inception_export.tsv").read_text(encoding="utf-8")
    assert old in content
    path = tmp_path / "bad.tsv"
    path.write_text(content.replace(old, new), encoding="utf-8")
    return path


BAD = [
    ("offset inside 😀", "1-9\t40-42", "1-9\t41-42", 19, "unit 1-9.offsets",
     "splits the surrogate pair of '😀'"),
    ("offsets that miss the token", "1-10\t42-46", "1-10\t42-44", 20, "unit 1-10.token",
     "are the offsets UTF-16"),
    ("unknown quote type", "direct[1]", "direkt[1]", 14, "webanno.custom.Quote.quoteType",
     "unknown label 'direkt'"),
    ("unknown role", "q\\_1\tcue", "q\\_1\tCUE", 12, "webanno.custom.QuoteRole.role",
     "unknown label 'CUE'"),
    ("role of a missing quote", "q\\_1\tcue", "q\\_9\tcue", 12,
     "webanno.custom.QuoteRole.quote", "no Quote has quoteId 'q_9'"),
    ("missing feature", "|quoteId|quoteType|medium|entity", "|quoteType|medium|entity", 3, None,
     "lacks quoteId"),
    ("relation to nowhere", "2-9[2_3]", "2-99[2_3]", 36, "BT_webanno.custom.Quote",
     "no unit '2-99'"),
    ("relation to a unit without a quote", "2-9[2_3]", "2-8", 36, "BT_webanno.custom.Quote",
     "no Quote annotation at unit 2-8"),
    ("wrong field count", "1-3\t12-13\t:\t_", "1-3\t12-13\t:", 13, None,
     "expected 17 tab-separated fields"),
    ("bad unit id", "1-3\t12-13", "1.3\t12-13", 13, "id", "expected a unit id"),
    ("not TSV 3", "#FORMAT=WebAnno TSV 3.3", "#FORMAT=WebAnno TSV 3.1", 1, None,
     "expected '#FORMAT=WebAnno TSV 3.3'"),
    ("quote types disagree", "direct[1]\tspeech[1]\ts\\_lawrow[1]\t_\t_\t_\t_\t_\t_\t_\t_\t\n1-12",
     "indirect[1]\tspeech[1]\ts\\_lawrow[1]\t_\t_\t_\t_\t_\t_\t_\t_\t\n1-12", 21,
     "webanno.custom.Quote.quoteType", "has quoteType 'indirect' here but 'direct'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "old", "new", "line", "field", "message"), BAD, ids=[c[0] for c in BAD]
)
def test_bad_input_names_file_line_and_field(
    tmp_path: Path, case: str, old: str, new: str, line: int, field: str | None, message: str
) -> None:
    path = _export_with(old, new, tmp_path)
    warnings.simplefilter("ignore", LossWarning)  # the ignored NamedEntity layer
    with pytest.raises(ValidationError) as info:
        list(read_webanno_tsv(path))
    assert (info.value.source, info.value.line) == (str(path), line)
    if field is not None:
        assert field in f"{info.value.obj}.{info.value.field}"
    assert message in str(info.value)


def test_broken_record_line(tmp_path: Path) -> None:
    content, _ = document_to_tsv(special_documents()[1])
    path = tmp_path / "broken.tsv"
    path.write_text(content.replace('#zitat={"version"', '#zitat={"version', 1), encoding="utf-8")
    with pytest.raises(ValidationError, match="malformed JSON in the #zitat= line") as info:
        list(read_webanno_tsv(path))
    assert info.value.line == 8


def test_folders_and_single_files(tmp_path: Path) -> None:
    docs = special_documents()
    with pytest.raises(InputError, match=r"a \.tsv file holds one document"):
        write_webanno_tsv(tmp_path / "two.tsv", docs)
    with pytest.raises(InputError, match=r"no \*\.tsv files"):
        list(read_webanno_tsv(tmp_path))
    with pytest.raises(InputError, match="no such file"):
        list(read_webanno_tsv(tmp_path / "none"))
    (tmp_path / "empty.tsv").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        list(read_webanno_tsv(tmp_path / "empty.tsv"))


def test_edited_in_an_editor_keeps_what_still_matches(tmp_path: Path) -> None:
    doc = special_documents()[0]
    content, _ = document_to_tsv(doc)
    # somebody changes q2's medium in the file: the file wins, the record fills the rest
    content = content.replace("speech\\_writing", "thought")
    path = tmp_path / "edited.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.warns(LossWarning, match="differ from the zitat record"):
        (back,) = read_webanno_tsv(path)
    assert back.annotations.quote("q2").medium is Medium.THOUGHT
    assert back.annotations.stances == doc.annotations.stances
    assert back.annotations.entity("usa").name == "USA"  # no mentions: only in the record
    assert back.document.meta == doc.document.meta
    assert back.text == EMOJI_TEXT


def test_unknown_features_of_zitat_layers_are_reported(tmp_path: Path) -> None:
    rows = [("1-1", "0-1", "„"), ("1-2", "1-3", "Ja"), ("1-3", "3-4", "."), ("1-4", "4-5", "“")]
    path = tmp_path / "note.tsv"
    path.write_text(
        "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Quote|quoteId|quoteType|note\n\n\n"
        "#Text=„Ja.“\n"
        + "".join(f"{u}\t{o}\t{t}\tq1[1]\tdirect[1]\tprüfen[1]\t\n" for u, o, t in rows),
        encoding="utf-8",
    )
    with pytest.warns(LossWarning) as caught:
        (doc,) = read_webanno_tsv(path)
    assert "ignored: feature webanno.custom.Quote.note" in str(caught[0].message)
    (quote,) = doc.annotations.quotes
    assert (quote.id, quote.text_in(doc.text)) == ("q1", "„Ja.“")
