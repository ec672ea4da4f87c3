"""``zitat extract`` end to end: outputs, resume after a crash, the errors file, the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from extractkit import FAILING, TEXTS, ids_in

from zitat.cli.main import cli
from zitat.io import read_documents


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, ["extract", *args], catch_exceptions=False)


@pytest.mark.usefixtures("panics_plugin")
def test_failures_go_to_the_errors_file_and_the_summary_counts_everything(
    jsonl_corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "preds.jsonl"
    result = invoke(str(jsonl_corpus), "-e", "test-panics", "--out", str(out))
    assert result.exit_code == 0, result.output
    errors = tmp_path / "preds.errors.jsonl"
    entries = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert [(e["doc_id"], e["extractor"], e["status"]) for e in entries] == [
        (FAILING, "test-panics", "error")
    ]
    assert "Panik im Text" in entries[0]["error"]
    assert ids_in(out) == [i for i in TEXTS if i != FAILING]
    assert "6 documents: 5 written" in result.stdout
    assert "1 failed (see " in result.stdout
    assert "0 skipped" in result.stdout


def test_jsonl_output_is_prodigy_records_zitat_reads_back(
    jsonl_corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "preds.jsonl"
    assert invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "-o", str(out)).exit_code == 0
    docs, report = read_documents(out)
    assert report.ok
    assert [d.id for d in docs] == list(TEXTS)
    assert [len(d.annotations.quotes) for d in docs] == [1, 1, 0, 1, 1, 1]
    record = json.loads(out.read_text("utf-8").splitlines()[0])
    assert {"text", "tokens", "spans", "relations", "_input_hash", "_task_hash"} <= set(record)
    assert not (tmp_path / "preds.errors.jsonl").exists()  # nothing failed


def test_parquet_output_loads_as_a_dataset_equal_to_the_jsonl(
    txt_corpus: Path, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq
    from datasets import Dataset

    from zitat.io.hf import from_dataset

    jsonl, parquet = tmp_path / "a.jsonl", tmp_path / "a.parquet"
    assert invoke(str(txt_corpus), "-e", "baseline-quotemarks", "-o", str(jsonl)).exit_code == 0
    result = invoke(str(txt_corpus), "-e", "baseline-quotemarks", "-o", str(parquet))
    assert result.exit_code == 0, result.output
    assert parquet.is_dir()
    table = pq.read_table(parquet / "part-000000.parquet")
    from_parquet = list(from_dataset(Dataset(table)))
    assert from_parquet == read_documents(jsonl)[0]


def test_resume_after_a_crash_skips_what_is_done_and_redoes_a_cut_line(
    jsonl_corpus: Path, tmp_path: Path
) -> None:
    full = tmp_path / "full.jsonl"
    assert invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "-o", str(full)).exit_code == 0
    crashed = tmp_path / "crashed.jsonl"
    lines = full.read_bytes().splitlines(keepends=True)
    crashed.write_bytes(lines[0] + lines[1] + lines[2][: len(lines[2]) // 2])  # cut mid-line

    result = invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "-o", str(crashed))
    assert result.exit_code == 0, result.output
    assert "6 documents: 4 written" in result.stdout
    assert "2 skipped" in result.stdout
    assert "removed an incomplete last line" in result.stdout
    assert crashed.read_bytes() == full.read_bytes()  # as if never interrupted

    again = invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "-o", str(crashed))
    assert "0 written" in again.stdout
    assert "6 skipped" in again.stdout
    assert crashed.read_bytes() == full.read_bytes()


def test_resume_retries_documents_that_failed_before(jsonl_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "preds.jsonl"
    invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "-o", str(out))
    lines = out.read_text("utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:4] + lines[5:]), encoding="utf-8")  # as if 05 had failed
    result = invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "-o", str(out))
    assert "1 written" in result.stdout
    assert sorted(ids_in(out)) == sorted(TEXTS)


def test_resume_of_a_parquet_output_drops_an_unfinished_part(
    hf_corpus: Path, tmp_path: Path
) -> None:
    from zitat.extract import extract_to

    out = tmp_path / "preds.parquet"
    first = extract_to(hf_corpus, "baseline-quotemarks", out, part_size=2, isolate=False)
    assert first.summary.extracted == 6
    parts = sorted(p.name for p in out.glob("part-*.parquet"))
    assert parts == ["part-000000.parquet", "part-000001.parquet", "part-000002.parquet"]
    (out / "part-000002.parquet").rename(out / "part-000002.parquet.tmp")  # crashed mid-part

    again = extract_to(hf_corpus, "baseline-quotemarks", out, part_size=2, isolate=False)
    assert (again.summary.extracted, again.summary.skipped) == (2, 4)
    assert any("removed a part left unfinished" in n for n in again.notes)
    import pyarrow.parquet as pq

    assert sorted(pq.read_table(out).column("id").to_pylist()) == sorted(TEXTS)
    assert not list(out.glob("*.tmp"))


def test_jobs_2_writes_the_same_file_as_jobs_1(jsonl_corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "-o", str(one), "--jobs", "1")
    invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "-o", str(two), "--jobs", "2")
    assert one.read_bytes() == two.read_bytes()
    assert ids_in(one) == list(TEXTS)


def test_without_out_records_go_to_stdout(jsonl_corpus: Path) -> None:
    result = invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "--no-isolate")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["meta"]["doc_id"] for r in records] == list(TEXTS)
    assert "6 documents: 6 written to stdout" in result.stderr


def test_bad_input_exits_2_naming_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.jsonl"
    path.write_text('{"id": "a", "text": "Gut."}\n{"id": "b", "inhalt": "x"}\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = invoke(str(path), "-e", "baseline-quotemarks", "-o", str(out))
    assert result.exit_code == 2
    assert f"{path}:2: field 'text': missing" in result.stderr
    assert ids_in(out) == ["a"]  # what came before the bad record is kept
    lenient = invoke(str(path), "-e", "baseline-quotemarks", "-o", str(out), "--lenient")
    assert lenient.exit_code == 0
    error = json.loads((tmp_path / "o.errors.jsonl").read_text("utf-8"))
    assert (error["doc_id"], error["status"], error["source"]) == ("b", "input", f"{path}:2")
    assert ids_in(out) == ["a"]


def test_an_output_that_is_not_zitat_records_is_not_resumed(
    jsonl_corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "fremd.jsonl"
    out.write_text('{"etwas": 1}\n', encoding="utf-8")
    result = invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "-o", str(out))
    assert result.exit_code == 2
    assert "fremd.jsonl:1: field 'meta.doc_id': missing" in result.stderr
    assert out.read_text("utf-8") == '{"etwas": 1}\n'
    forced = invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "-o", str(out), "--overwrite")
    assert forced.exit_code == 0
    assert ids_in(out) == list(TEXTS)


def test_unreadable_input_leaves_no_output_behind(tmp_path: Path) -> None:
    empty = tmp_path / "leer.jsonl"
    empty.write_bytes(b"")
    out = tmp_path / "o.jsonl"
    result = invoke(str(empty), "-e", "baseline-quotemarks", "-o", str(out))
    assert result.exit_code == 2
    assert f"{empty}: the file is empty" in result.stderr
    assert not out.exists()


def test_an_output_another_extraction_holds_is_refused(jsonl_corpus: Path, tmp_path: Path) -> None:
    from zitat.extract.writers.jsonl import JsonlWriter

    out = tmp_path / "busy.jsonl"
    holder = JsonlWriter(out)
    try:
        result = invoke(str(jsonl_corpus), "-e", "baseline-quotemarks", "-o", str(out))
    finally:
        holder.close()
    assert result.exit_code == 2
    assert "another extraction is writing to it" in result.stderr
