"""Every input format streams the same documents; bad input names file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from extractkit import TEXTS, write_jsonl

from zitat.errors import InputError
from zitat.extract.readers import BadRecord, InputOptions, open_source
from zitat.extract.readers.jsonl import open_jsonl
from zitat.extract.readers.txt import read_txt_folder
from zitat.schema import Document


def _documents(path: Path, **options: str) -> list[Document]:
    items = list(open_source(path, InputOptions(**options)).items())
    assert all(isinstance(i, Document) for i in items), items
    return [i for i in items if isinstance(i, Document)]


@pytest.mark.parametrize("fixture", ["jsonl_corpus", "txt_corpus", "parquet_corpus", "hf_corpus"])
def test_each_input_format_gives_the_corpus_in_order(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    path = request.getfixturevalue(fixture)
    source = open_source(path)
    docs = _documents(path)
    assert [(d.id, d.text) for d in docs] == list(TEXTS.items())
    assert source.total == len(TEXTS)
    assert (
        source.format
        == {
            "jsonl_corpus": "jsonl",
            "txt_corpus": "txt",
            "parquet_corpus": "parquet",
            "hf_corpus": "hf",
        }[fixture]
    )


def test_jsonl_fields_are_configurable_with_dotted_paths(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "nested.jsonl",
        [
            {"artikel": {"nr": 7, "inhalt": "Er sagte: „Ja.“"}, "meta": {"quelle": "taz"}},
            {"artikel": {"nr": 8, "inhalt": "Sie sagte nichts."}},
        ],
    )
    docs = _documents(path, text_field="artikel.inhalt", id_field="artikel.nr")
    assert [(d.id, d.text) for d in docs] == [("7", "Er sagte: „Ja.“"), ("8", "Sie sagte nichts.")]
    assert docs[0].meta == {"quelle": "taz"}


def test_records_without_an_id_get_a_line_based_one_or_prodigy_doc_id(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "ohne-id.jsonl",
        [{"text": "Erster Text."}, {"text": "Zweiter Text.", "meta": {"doc_id": "p-2"}}],
    )
    assert [d.id for d in _documents(path)] == ["ohne-id-1", "p-2"]


def test_jsonl_shards_keep_line_numbers_and_order(tmp_path: Path) -> None:
    records = [{"id": f"d{i}", "text": f"Satz {i} über die Gespräche in Genf."} for i in range(400)]
    records[333] = {"id": "d333"}  # no text: the error must still name line 334
    path = write_jsonl(tmp_path / "lang.jsonl", records)
    source = open_jsonl(path, InputOptions(), shard_bytes=2000)
    assert len(source.shards) > 5
    items = list(source.items())
    assert [i.doc_id if isinstance(i, BadRecord) else i.id for i in items] == [
        f"d{i}" for i in range(400)
    ]
    bad = items[333]
    assert isinstance(bad, BadRecord)
    assert bad.where == f"{path}:334"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"id": "a", "text": "Gut."}\n{"id": "b", "text": \n', ":2: malformed JSON"),
        (b'{"id": "a", "text": "Gut."}\n{"id": "b", "body": "x"}\n', ":2: field 'text': missing"),
        (b'{"id": "a", "text": 5}\n', ":1: field 'text': expected a string"),
        (b'{"id": "a", "text": "Gut."}\n[1, 2]\n', ":2: expected a JSON object"),
        ('{"id": "a", "text": "Grüße"}\n'.encode("latin-1"), ":1: not UTF-8"),
    ],
)
def test_a_bad_jsonl_record_is_a_bad_record_naming_file_line_and_field(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "kaputt.jsonl"
    path.write_bytes(content)
    bad = [i for i in open_source(path).items() if isinstance(i, BadRecord)]
    assert len(bad) == 1
    assert bad[0].message.startswith(str(path))
    assert expected in bad[0].message


@pytest.mark.parametrize(
    ("content", "expected"), [(b"", "the file is empty"), (b"\n  \n", "no records")]
)
def test_an_empty_jsonl_file_is_an_input_error(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "leer.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError, match=expected):
        open_source(path)


def test_a_bad_txt_file_is_a_bad_record_and_the_others_are_read(txt_corpus: Path) -> None:
    (txt_corpus / "leer.txt").write_bytes(b"")
    (txt_corpus / "latin.txt").write_bytes("Zeile eins\nGrüße aus Köln".encode("latin-1"))
    items = list(open_source(txt_corpus).items())
    bad = {i.doc_id: i.message for i in items if isinstance(i, BadRecord)}
    assert bad["leer"].endswith("leer.txt: the file is empty")
    assert "latin.txt:2: not UTF-8" in bad["latin"]
    assert sum(isinstance(i, Document) for i in items) == len(TEXTS)


def test_parquet_without_the_text_column_names_file_and_field(parquet_corpus: Path) -> None:
    with pytest.raises(InputError, match=r"corpus\.parquet: field 'inhalt': no such column"):
        open_source(parquet_corpus, InputOptions(text_field="inhalt"))


def test_a_saved_dataset_dict_needs_a_split(tmp_path: Path) -> None:
    from datasets import Dataset, DatasetDict

    path = tmp_path / "dd"
    part = Dataset.from_dict({"id": ["x1"], "text": ["Er sagte: „Ja.“"]})
    DatasetDict({"train": part, "test": part}).save_to_disk(str(path))
    with pytest.raises(InputError, match=r"choose a split with --split \(test, train\)"):
        open_source(path)
    docs = _documents(path, split="test")
    assert [d.id for d in docs] == ["x1"]


def test_unknown_paths_and_suffixes_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        open_source(tmp_path / "fehlt.jsonl")
    odd = tmp_path / "daten.csv"
    odd.write_text("id,text\n", encoding="utf-8")
    with pytest.raises(InputError, match="--input-format"):
        open_source(odd)
    empty = tmp_path / "leer"
    empty.mkdir()
    with pytest.raises(InputError, match=r"no \.txt files, no \.parquet files"):
        open_source(empty)


def test_the_strict_folder_reader_reads_one_level_and_stops_at_a_bad_file(
    txt_corpus: Path,
) -> None:
    (txt_corpus / "unter").mkdir()
    (txt_corpus / "unter" / "tief.txt").write_text("Nicht gelesen.", encoding="utf-8")
    (txt_corpus / "bom.txt").write_bytes("\ufeffMit BOM.".encode())
    docs = list(read_txt_folder(txt_corpus))
    assert [d.id for d in docs] == sorted([*TEXTS, "bom"])
    assert next(d.text for d in docs if d.id == "bom") == "Mit BOM."
    (txt_corpus / "latin.txt").write_bytes("Grüße".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin\.txt:1: not UTF-8"):
        list(read_txt_folder(txt_corpus))
    (txt_corpus / "latin.txt").unlink()
    (txt_corpus / "leer.txt").write_bytes(b"")
    with pytest.raises(InputError, match=r"leer\.txt: the file is empty"):
        list(read_txt_folder(txt_corpus))
