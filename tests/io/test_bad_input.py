"""Bad input raises errors that name the file, the line and the field; lenient mode reports."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from zitat.errors import InputError, ValidationError
from zitat.io import iter_documents, read_documents
from zitat.io.jsonl import ReadReport, iter_records
from zitat.io.prodigy import document_to_record
from zitat.schema import AnnotatedDocument, Annotations, Quote, QuoteType, Span
from zitat.text import make_document

TEXT = "Blinken sagte: „Wir reden weiter.“"


def good_record(doc_id: str = "d1") -> dict[str, Any]:
    doc = make_document(doc_id, TEXT)
    quote = Quote(
        "q1", (Span(15, 34),), QuoteType.DIRECT, cue=(Span(8, 13),), speaker=(Span(0, 7),)
    )
    return document_to_record(AnnotatedDocument(doc, Annotations(quotes=(quote,))))


def span_index(record: dict[str, Any], label: str) -> int:
    return next(i for i, s in enumerate(record["spans"]) if s["label"] == label)


def write_lines(path: Path, *lines: str | dict[str, Any]) -> Path:
    path.write_text(
        "".join(
            (x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines
        ),
        encoding="utf-8",
    )
    return path


def set_span(key: str, value: Any, label: str = "DIRECT") -> Callable[[dict[str, Any]], None]:
    def change(record: dict[str, Any]) -> None:
        record["spans"][span_index(record, label)][key] = value

    return change


def drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda record: record.pop(key)


def set_quote(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(record: dict[str, Any]) -> None:
        record["zitat"]["quotes"][0][key] = value

    return change


CASES: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("span end outside the text", set_span("end", 99), "record.spans[2].end", "outside the text"),
    ("negative start", set_span("start", -3), "record.spans[2].start", "negative"),
    ("reversed span", set_span("end", 10), "record.spans[2].end", "empty or reversed"),
    ("string offset", set_span("start", "15"), "record.spans[2].start", "must be an integer"),
    (
        "token_end disagrees with end",
        set_span("token_end", 9),
        "record.spans[2].token_end",
        "token_end 9 disagrees with the character offsets 15-34, which give token_end 8",
    ),
    (
        "token_end given exclusive",
        set_span("token_end", 1, "SPEAKER"),
        "record.spans[0].token_end",
        "token_end is inclusive, end is exclusive",
    ),
    ("unknown span label", set_span("label", "QUOTE"), "record.spans[2].label", "DIRECT"),
    ("missing text", drop("text"), "record.text", "missing"),
    ("text not a string", lambda r: r.update(text=["x"]), "record.text", "expected a string"),
    ("spans not a list", lambda r: r.update(spans={}), "record.spans", "expected a list"),
    ("meta not an object", lambda r: r.update(meta="x"), "record.meta", "expected an object"),
    ("bad token", lambda r: r["tokens"][1].pop("start"), "record.tokens[1]", "bad token"),
    (
        "token text differs",
        lambda r: r["tokens"][0].update(text="Blinkn"),
        "tokens[0]",
        "differs from the document text",
    ),
    (
        "unknown quote type",
        set_quote("type", "quoted"),
        "record.zitat.quotes[0].type",
        "expected one of: direct, indirect",
    ),
    (
        "unknown medium",
        set_quote("medium", "telepathy"),
        "record.zitat.quotes[0].Quote 'q1'.medium",
        "unknown label 'telepathy'",
    ),
    (
        "span index out of range",
        set_quote("cue", [7]),
        "record.zitat.quotes[0].cue[0]",
        "span index 7 does not exist (record has 3 spans)",
    ),
    (
        "span index with the wrong label",
        set_quote("cue", [0]),
        "record.zitat.quotes[0].cue[0]",
        "span 0 is labelled 'SPEAKER', expected CUE",
    ),
    (
        "span index not a list",
        set_quote("speaker", 0),
        "record.zitat.quotes[0].speaker",
        "expected a list of span indices",
    ),
    (
        "unknown entity",
        set_quote("entity", "e7"),
        "Quote 'q1'.entity",
        "unknown entity 'e7'",
    ),
    (
        "unknown format version",
        lambda r: r["zitat"].update(version=99),
        "record.zitat.version",
        "format version 99 is not supported",
    ),
    (
        "sentence outside the text",
        lambda r: r["zitat"].update(sentences=[[0, 500]]),
        "record.zitat.sentences[0]",
        "outside the text",
    ),
    (
        "stance with an unknown quote",
        lambda r: r["zitat"].update(stances=[{"target": "t", "polarity": "favor", "quote": "q9"}]),
        "quote",
        "unknown quote 'q9'",
    ),
]


@pytest.mark.parametrize(
    ("change", "field", "needle"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_record_names_file_line_and_field(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], field: str, needle: str
) -> None:
    bad = copy.deepcopy(good_record("d2"))
    change(bad)
    path = write_lines(tmp_path / "gold.jsonl", good_record("d1"), "", bad)
    with pytest.raises(ValidationError) as info:
        read_documents(path)
    message = str(info.value)
    assert "gold.jsonl:3: " in message  # the blank line counts
    assert info.value.line == 3
    assert field in message
    assert needle in message


def test_malformed_json_line(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl", good_record("d1"), '{"text": "Hallo",')
    with pytest.raises(ValidationError, match=r"gold\.jsonl:2: malformed JSON: .* at column \d+"):
        read_documents(path)


def test_record_that_is_not_an_object(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl", "[1, 2]")
    with pytest.raises(
        ValidationError, match=r"gold\.jsonl:1: record: expected a JSON object, got list"
    ):
        read_documents(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.jsonl: the file is empty"):
        read_documents(path)


def test_blank_lines_only(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\t\n", encoding="utf-8")
    with pytest.raises(
        InputError, match=r"blank\.jsonl: the file has no records \(only blank lines\)"
    ):
        read_documents(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    good = json.dumps(good_record("d1"), ensure_ascii=False)
    path.write_bytes(good.encode("utf-8") + b"\n" + '{"text": "Grüße"}\n'.encode("latin-1"))
    with pytest.raises(InputError) as info:
        read_documents(path)
    assert "latin1.jsonl:2: not UTF-8" in str(info.value)
    assert "convert the file to UTF-8" in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere\.jsonl: no such file"):
        read_documents(tmp_path / "nowhere.jsonl")


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(good_record()).encode() + b"\n")
    docs, _ = read_documents(path)
    assert [d.id for d in docs] == ["d1"]


def test_duplicate_document_ids(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl", good_record("d1"), good_record("d1"))
    with pytest.raises(
        ValidationError, match=r"gold\.jsonl: document id 'd1' occurs more than once"
    ):
        read_documents(path)


def test_iter_records_is_streaming_with_line_numbers(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "x.jsonl", {"a": 1}, "", {"b": 2}, "{oops")
    records = iter_records(path)
    assert next(records) == (1, {"a": 1})
    assert next(records) == (3, {"b": 2})
    with pytest.raises(ValidationError, match=r"x\.jsonl:4: malformed JSON"):
        next(records)


def test_lenient_mode_skips_and_reports(tmp_path: Path) -> None:
    bad_offsets = good_record("d3")
    bad_offsets["spans"][2]["end"] = 999
    bad_label = good_record("d5")
    bad_label["zitat"]["quotes"][0]["type"] = "quoted"
    path = write_lines(
        tmp_path / "gold.jsonl",
        good_record("d1"),
        "{not json",
        bad_offsets,
        good_record("d4"),
        bad_label,
        good_record("d6"),
    )
    docs, report = read_documents(path, lenient=True)
    assert [d.id for d in docs] == ["d1", "d4", "d6"]  # good records after bad ones are kept
    assert report.read == 3
    assert not report.ok
    assert [p.line for p in report.skipped] == [2, 3, 5]
    assert all(p.source == str(path) for p in report.skipped)
    assert "malformed JSON" in report.skipped[0].message
    assert "gold.jsonl:3: record.spans[2].end" in report.skipped[1].message
    assert "gold.jsonl:5: record.zitat.quotes[0].type" in str(report.skipped[2])


def test_lenient_streaming_with_report(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl", "{", good_record("d1"))
    report = ReadReport()
    docs = list(iter_documents(path, lenient=True, report=report))
    assert [d.id for d in docs] == ["d1"]
    assert (report.read, len(report.skipped)) == (1, 1)


def test_strict_mode_stops_at_first_bad_record(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl", good_record("d1"), "{", "{")
    docs = iter_documents(path)
    assert next(docs).id == "d1"
    with pytest.raises(ValidationError, match=r":2: "):
        next(docs)
