"""The Ray engine on a real local Ray instance gives what the local engine gives."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from extractkit import FAILING, TEXTS, PanicsOnPanik, corpus_jsonl, ids_in

from zitat.cli.main import cli
from zitat.errors import ZitatError
from zitat.extract import extract


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """A two-CPU Ray instance for this module, shut down afterwards."""
    ray = pytest.importorskip("ray", reason="the Ray engine needs zitat[ray]")
    import extractkit

    ray.cloudpickle.register_pickle_by_value(extractkit)  # the workers cannot import tests/
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


@pytest.mark.usefixtures("local_ray")
def test_ray_gives_the_same_documents_and_failures_as_local(tmp_path: Path) -> None:
    texts = {**TEXTS, **{f"07-{i:03d}": f"„Satz {i}“, sagte sie. Er nickte." for i in range(60)}}
    path = corpus_jsonl(tmp_path / "corpus.jsonl", texts)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "08-ohne-text"}\n')
    done = {"02-koeln", "07-010"}
    options = {"skip": done, "lenient": True, "jobs": 2}

    local = extract(path, PanicsOnPanik, engine="local", **options)  # type: ignore[arg-type]
    local_docs = list(local)
    on_ray = extract(path, PanicsOnPanik, engine="ray", **options)  # type: ignore[arg-type]
    ray_docs = list(on_ray)

    assert ray_docs == local_docs
    assert [d.id for d in ray_docs] == [i for i in texts if i not in done | {FAILING}]
    assert on_ray.failures == local.failures
    assert [(f.doc_id, f.status) for f in on_ray.failures] == [
        (FAILING, "error"),
        ("08-ohne-text", "input"),
    ]
    assert (on_ray.summary.skipped, on_ray.summary.failed) == (2, 2)


@pytest.mark.usefixtures("local_ray", "panics_plugin")
def test_the_command_on_ray_writes_the_same_output_and_errors_file(
    jsonl_corpus: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    outputs = {}
    for engine in ("local", "ray"):
        out = tmp_path / f"{engine}.jsonl"
        options = ["--engine", engine, "--jobs", "2"]
        result = runner.invoke(
            cli,
            ["extract", str(jsonl_corpus), "-e", "test-panics", "-o", str(out), *options],
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.output
        assert "6 documents: 5 written" in result.stdout
        errors = tmp_path / f"{engine}.errors.jsonl"
        entry = json.loads(errors.read_text("utf-8"))
        assert (entry["doc_id"], entry["extractor"], entry["status"]) == (
            FAILING,
            "test-panics",
            "error",
        )
        outputs[engine] = out.read_bytes()
    assert outputs["ray"] == outputs["local"]
    assert ids_in(tmp_path / "ray.jsonl") == [i for i in TEXTS if i != FAILING]


def test_without_ray_installed_the_error_says_how_to_get_it(
    jsonl_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(ZitatError, match=r"pip install 'zitat\[ray\]'"):
        extract(jsonl_corpus, PanicsOnPanik, engine="ray")
