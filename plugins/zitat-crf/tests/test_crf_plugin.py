"""Tests of the CRF plugin on tiny documents written here (no external data needed).

The file name is unique across the repository: zitat's test run collects ``tests`` and
``plugins/*/tests`` together.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from zitat_crf import extractors as crf_extractors
from zitat_crf.extractors import CrfExtractor, RulesCrfExtractor, combine
from zitat_crf.labels import encode, segments
from zitat_crf.model import ENV_VAR, CrfModel
from zitat_crf.train import train

from zitat.cli.main import cli
from zitat.errors import InputError
from zitat.io.prodigy import document_to_record
from zitat.plugins import Plugins
from zitat.schema import AnnotatedDocument, Annotations, Document, Quote, QuoteType, Span
from zitat.testing import assert_conforms
from zitat.text.prepare import make_document

# (text, [(quote, type, cue, speaker)]) — every string occurs once in its text.
SAMPLES = [
    (
        "Anna Keller sagte: „Das geht so nicht weiter.“ Danach ging sie.",
        [("„Das geht so nicht weiter.“", "direct", "sagte", "Anna Keller")],
    ),
    (
        "„Wir bauen eine neue Brücke“, erklärte Bürgermeister Jonas Brandt am Montag.",
        [("„Wir bauen eine neue Brücke“", "direct", "erklärte", "Bürgermeister Jonas Brandt")],
    ),
    (
        "Die Ministerin betonte, die Lage sei ernst. Das Wetter war gut.",
        [("die Lage sei ernst", "indirect", "betonte", "Die Ministerin")],
    ),
    (
        "Der Sprecher sagte, man habe keine Kenntnis davon. Am Abend regnete es.",
        [("man habe keine Kenntnis davon", "indirect", "sagte", "Der Sprecher")],
    ),
    (
        "Lisa Brandt warnte: „Die Preise steigen weiter.“ Niemand widersprach.",
        [("„Die Preise steigen weiter.“", "direct", "warnte", "Lisa Brandt")],
    ),
    (
        "Der Trainer erklärte, das Team sei gut vorbereitet. Das Spiel begann um acht.",
        [("das Team sei gut vorbereitet", "indirect", "erklärte", "Der Trainer")],
    ),
]


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def tiny_corpus() -> list[AnnotatedDocument]:
    """The samples as gold documents."""
    docs = []
    for n, (text, quotes) in enumerate(SAMPLES):
        doc = make_document(f"d{n}", text)
        qs = tuple(
            Quote(
                id=f"q{i}",
                spans=(_span(text, quote),),
                type=QuoteType(kind),
                cue=(_span(text, cue),),
                speaker=(_span(text, speaker),),
            )
            for i, (quote, kind, cue, speaker) in enumerate(quotes)
        )
        docs.append(AnnotatedDocument(doc, Annotations(quotes=qs)))
    return docs


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model trained once on the tiny corpus."""
    out = tmp_path_factory.mktemp("crf") / "model"
    train(tiny_corpus(), out, seed=1, max_iterations=60)
    return out


def test_labels_round_trip_through_segments() -> None:
    """Encoding a gold document gives BIO layers whose segments are its quote and roles."""
    gold = tiny_corpus()[0]
    labels = encode(gold.document, gold.annotations)
    quote = segments(labels["quote"])
    assert [s.label for s in quote] == ["direct"]
    tokens = gold.document.tokens
    assert gold.document.text[tokens[quote[0].first].start : tokens[quote[0].last].end] == (
        "„Das geht so nicht weiter.“"
    )
    assert sorted(s.label for s in segments(labels["role"])) == ["cue", "speaker"]


def test_trained_model_recovers_training_quotes(model_dir: Path) -> None:
    """On its training documents the tagger finds the quotes with their type, cue and speaker."""
    extractor = CrfExtractor({"model_dir": str(model_dir)})
    gold = tiny_corpus()
    hits = 0
    for doc in gold:
        pred = extractor.extract(doc.document)
        g = doc.annotations.quotes[0]
        for q in pred.quotes:
            if q.spans == g.spans and q.type == g.type:
                hits += 1
                assert q.cue == g.cue
                assert q.speaker == g.speaker
    assert hits >= len(gold) - 1


def test_training_is_deterministic(tmp_path: Path, model_dir: Path) -> None:
    """The same data and seed give byte-identical model files."""
    again = tmp_path / "again"
    train(tiny_corpus(), again, seed=1, max_iterations=60)
    for layer in ("quote", "role", "frame"):
        name = f"{layer}.crfsuite"
        assert (again / name).read_bytes() == (model_dir / name).read_bytes()


def test_save_load_round_trip(model_dir: Path) -> None:
    """A loaded model predicts what the extractor predicts, and keeps its training record."""
    meta = json.loads((model_dir / "meta.json").read_text("utf-8"))
    assert meta["report"]["documents"] == len(SAMPLES)
    assert meta["media"] == {"direct": "speech", "indirect": "speech"}
    assert meta["rules_version"] == Plugins().extractor("rules").version
    model = CrfModel.load(model_dir)
    extractor = CrfExtractor({"model_dir": str(model_dir)})
    for doc in tiny_corpus():
        rules = Plugins().extractor("rules")().extract(doc.document)
        assert model.predict(doc.document, rules) == extractor.extract(doc.document)


def test_model_of_other_rules_version_warns(tmp_path: Path, model_dir: Path) -> None:
    """Features include the rules' output: a model trained on another version says so."""
    copy = tmp_path / "old-model"
    copy.mkdir()
    for path in model_dir.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    meta = json.loads((copy / "meta.json").read_text("utf-8"))
    meta["rules_version"] = "0.0.1"
    (copy / "meta.json").write_text(json.dumps(meta), "utf-8")
    with pytest.warns(UserWarning, match="zitat-rules 0.0.1"):
        CrfModel.load(copy)


def test_conformance(model_dir: Path) -> None:
    """Both extractors keep zitat's extractor contract on the kit's documents."""
    assert assert_conforms(CrfExtractor, {"model_dir": str(model_dir)}).ok
    assert assert_conforms(RulesCrfExtractor, {"model_dir": str(model_dir)}).ok


def test_rules_crf_runs_the_rules_once_per_document(
    monkeypatch: pytest.MonkeyPatch, model_dir: Path
) -> None:
    """``rules-crf`` builds one ``rules`` extractor and feeds its one output to the CRF too."""
    built: list[int] = []
    calls: list[str] = []

    def counting_rules() -> Callable[[Document], Annotations]:
        extract = Plugins().extractor("rules")().extract
        built.append(1)

        def run(doc: Document) -> Annotations:
            calls.append(doc.id)
            return extract(doc)

        return run

    monkeypatch.setattr(crf_extractors, "rules_extractor", counting_rules)
    extractor = RulesCrfExtractor({"model_dir": str(model_dir)})
    docs = [d.document for d in tiny_corpus()]
    for doc in docs:
        extractor.extract(doc)
    assert built == [1]
    assert calls == [d.id for d in docs]


def test_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without a model the extractor refuses to start and says how to get one."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    with pytest.raises(InputError, match="zitat train crf"):
        CrfExtractor()
    with pytest.raises(InputError, match="not a zitat-crf model"):
        CrfExtractor({"model_dir": str(tmp_path)})


def test_env_var_configures_the_model(monkeypatch: pytest.MonkeyPatch, model_dir: Path) -> None:
    """``$ZITAT_CRF_MODEL`` stands in for the ``model_dir`` option."""
    monkeypatch.setenv(ENV_VAR, str(model_dir))
    assert CrfExtractor().model.path == model_dir


def test_combine_policies() -> None:
    """``fill`` adds only non-overlapping CRF quotes; ``union`` keeps all; ids renumbered."""
    a = Quote(id="r1", spans=(Span(0, 5),), type=QuoteType.DIRECT)
    b = Quote(id="c1", spans=(Span(3, 8),), type=QuoteType.INDIRECT)
    c = Quote(id="c2", spans=(Span(10, 12),), type=QuoteType.REPORTED)
    rules, crf = Annotations(quotes=(a,)), Annotations(quotes=(b, c))
    fill = combine(rules, crf, "fill")
    assert [(q.id, q.spans) for q in fill.quotes] == [("q1", a.spans), ("q2", c.spans)]
    assert [q.spans for q in combine(rules, crf, "crf-fill").quotes] == [b.spans, c.spans]
    assert len(combine(rules, crf, "union").quotes) == 3


def test_train_command(tmp_path: Path) -> None:
    """``zitat train crf`` trains from a gold file and reports the model size."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(json.dumps(document_to_record(d)) + "\n" for d in tiny_corpus()), "utf-8"
    )
    out = tmp_path / "cli-model"
    result = CliRunner().invoke(
        cli,
        [
            "train",
            "crf",
            "--gold",
            str(gold),
            "--out",
            str(out),
            "--max-iterations",
            "20",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"] == len(SAMPLES)
    assert summary["model_bytes"] > 0
    assert (out / "quote.crfsuite").is_file()
