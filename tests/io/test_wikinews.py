"""The Wikinews quotation dataset: reading, lossless writing, nesting, the gold set and format.

Unit tests use a tiny dataset-format fixture written here; the tests over the real dataset
skip when it is absent (it is never copied into the repository).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from zitat.cli.main import cli
from zitat.errors import InputError, ValidationError
from zitat.io.prodigy import document_to_record, record_to_document
from zitat.io.wikinews import (
    derive_parents,
    document_to_wikinews,
    dumps_wikinews,
    implied_flags,
    iter_wikinews,
    read_wikinews,
    write_wikinews,
    write_wikinews_folder,
)
from zitat.plugins import Plugins
from zitat.schema import Medium, QuoteType, Span
from zitat.wikinews_plugin import ENV_VAR, wikinews_dir

DATA = wikinews_dir()
needs_data = pytest.mark.skipif(
    DATA is None or not (DATA / "dev").is_dir(),
    reason=f"the Wikinews dataset was not found (set {ENV_VAR} to the folder holding its dev/)",
)

# -- a tiny document in the dataset's format --------------------------------------------------

TEXT = "Lawrow sagte, Russland werde „nicht angreifen“. Blinken warnte. \n\nDas sei/bleibe so.\n"
SENTENCES = [(0, 47), (48, 63), (66, 84)]


def role(*spans: tuple[int, int]) -> dict[str, Any]:
    """A role object as the dataset writes it (token ids follow the span order given)."""
    tokens = list(re.finditer(r"\w+|[^\w\s]", TEXT))
    out, ids = [], []
    for start, end in spans:
        first = next(i for i, m in enumerate(tokens) if m.start() == start)
        last = next(i for i, m in enumerate(tokens) if m.end() == end)
        out.append({"begin": first, "charBegin": start, "charEnd": end, "end": last + 1})
        ids += range(first, last + 1)
    return {"spans": out, "text": " ".join(TEXT[a:b] for a, b in spans), "tokenIds": ids}


def annotation(n: int, kind: str, medium: str, quote: Any, **roles: Any) -> dict[str, Any]:
    return {
        "addressee": roles.get("addressee", role()),
        "cue": roles.get("cue", role()),
        "frame": roles.get("frame", role()),
        "hasNested": roles.get("has", False),
        "id": n,
        "isNested": roles.get("nested", False),
        "medium": medium,
        "quote": quote,
        "speaker": roles.get("speaker", role()),
        "type": kind,
    }


def tiny(annotations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    tokens = list(re.finditer(r"\w+|[^\w\s]", TEXT))
    sentences, token_rows = [], []
    for n, (start, end) in enumerate(SENTENCES):
        ids = [i for i, m in enumerate(tokens) if start <= m.start() < end]
        following = SENTENCES[n + 1][0] if n + 1 < len(SENTENCES) else len(TEXT)
        sentences.append(
            {
                "begin": ids[0],
                "charBegin": start,
                "charEnd": end,
                "end": ids[-1] + 1,
                "id": n,
                "text": TEXT[start:end] + TEXT[end:following].rstrip("\n"),
                "tokenIds": ids,
                "tokens": [tokens[i].group() for i in ids],
            }
        )
        token_rows += [
            {
                "charBegin": tokens[i].start(),
                "charEnd": tokens[i].end(),
                "id": i,
                "sentence": n + 1,
                "text": tokens[i].group(),
                "word": w + 1,
            }
            for w, i in enumerate(ids)
        ]
    if annotations is None:
        annotations = [
            annotation(
                0,
                "Indirect",
                "Speech",
                role((14, 46)),
                speaker=role((0, 6)),
                cue=role((7, 12)),
                frame=role((7, 13), (0, 6)),  # listed out of text order
                has=True,
            ),
            annotation(1, "Direct", "Speech", role((29, 46)), speaker=role((0, 6)), nested=True),
            annotation(
                2, "Reported", "SW", role((48, 63)), speaker=role((48, 55)), cue=role((56, 62))
            ),
            annotation(3, "IndirectFreeIndirect", "none", role((66, 73), (74, 84))),
        ]
    return {
        "annotations": annotations,
        "documentName": "12345 - Lawrow warnt (2022-01-21)",
        "originalText": TEXT,
        "sentences": sentences,
        "tokens": token_rows,
    }


def write_fixture(folder: Path, data: dict[str, Any], name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{data['documentName']}.pretty.json")
    text = json.dumps(data, indent=4, sort_keys=True, ensure_ascii=False).replace("/", "\\/")
    path.write_text(text, encoding="utf-8")
    return path


# -- reading -----------------------------------------------------------------------------------


def test_read_tiny(tmp_path: Path) -> None:
    doc = read_wikinews(write_fixture(tmp_path, tiny()))
    assert doc.id == "12345 - Lawrow warnt (2022-01-21)"
    meta = doc.document.meta
    assert (meta["wikinews_id"], meta["title"], meta["date"]) == (
        "12345",
        "Lawrow warnt",
        "2022-01-21",
    )
    assert meta["wikinews"] == {"order": {"q0": {"frame": [1, 0]}}}  # only what is not derivable
    tokens = doc.document.tokens
    assert [t.text for t in tokens[:3]] == ["Lawrow", "sagte", ","]
    assert (tokens[1].ws, tokens[2].ws) == (False, True)
    assert doc.document.sentences == tuple(Span(a, b) for a, b in SENTENCES)
    q0, q1, q2, q3 = doc.annotations.quotes
    assert [q.id for q in doc.annotations.quotes] == ["q0", "q1", "q2", "q3"]
    assert (q0.type, q1.type, q2.type, q3.type) == (
        QuoteType.INDIRECT,
        QuoteType.DIRECT,
        QuoteType.REPORTED,
        QuoteType.INDIRECT_FREE_INDIRECT,
    )
    assert (q0.medium, q2.medium, q3.medium) == (
        Medium.SPEECH,
        Medium.SPEECH_WRITING,
        Medium.UNSPECIFIED,
    )
    assert q0.frame == (Span(0, 6), Span(7, 13))  # sorted in zitat
    assert q1.parent == "q0"
    assert q0.parent is None
    assert q3.spans == (Span(66, 73), Span(74, 84))  # discontinuous
    assert q1.text_in(TEXT) == "„nicht angreifen“"
    assert all(q.entity is None for q in doc.annotations.quotes)
    assert doc.annotations.entities == ()


def test_file_stem_is_the_fallback_id(tmp_path: Path) -> None:
    data = tiny()
    del data["documentName"]
    doc = read_wikinews(write_fixture(tmp_path, data, "777 - Ohne Namen.pretty.json"))
    assert doc.id == "777 - Ohne Namen"
    assert doc.document.meta["title"] == "Ohne Namen"
    assert "date" not in doc.document.meta


# -- writing -----------------------------------------------------------------------------------


def test_write_reproduces_the_file(tmp_path: Path) -> None:
    original = write_fixture(tmp_path / "in", tiny())
    doc = read_wikinews(original)
    assert document_to_wikinews(doc) == json.loads(original.read_text(encoding="utf-8"))
    out = tmp_path / "out" / original.name
    write_wikinews(doc, out)
    assert out.read_bytes() == original.read_bytes()
    assert "sei\\/bleibe" in out.read_text(encoding="utf-8")  # "/" escaped like the dataset


def test_prodigy_roundtrip_keeps_what_the_writer_needs(tmp_path: Path) -> None:
    original = write_fixture(tmp_path, tiny())
    doc = read_wikinews(original)
    again = record_to_document(json.loads(json.dumps(document_to_record(doc))))
    assert again == doc
    assert dumps_wikinews(document_to_wikinews(again)) == original.read_text(encoding="utf-8")


def test_mutual_nesting_flags(tmp_path: Path) -> None:
    """Two quotes over the same characters: the dataset flags both as nested and nesting."""
    same = role((29, 46))
    data = tiny(
        [
            annotation(0, "Direct", "Speech", same, speaker=role((0, 6)), nested=True, has=True),
            annotation(1, "Direct", "Writing", same, speaker=role((48, 55)), nested=True, has=True),
            annotation(2, "Reported", "Speech", role((48, 63)), has=True),  # no nested quote
        ]
    )
    path = write_fixture(tmp_path, data)
    doc = read_wikinews(path)
    assert [q.parent for q in doc.annotations.quotes] == [None, "q0", None]  # earlier is outer
    assert doc.document.meta["wikinews"] == {"flags": {"q2": [False, True]}}
    assert document_to_wikinews(doc) == data


def test_writer_accepts_documents_from_elsewhere(tmp_path: Path) -> None:
    from zitat.schema import AnnotatedDocument, Annotations, Quote
    from zitat.text import make_document

    text = "Blinken sagte: „Wir reden weiter.“ Dann ging er."
    doc = AnnotatedDocument(
        make_document("seed-1", text),
        Annotations(quotes=(Quote("a", (Span(15, 34),), "direct", speaker=(Span(0, 7),)),)),
    )
    data = document_to_wikinews(doc)
    assert data["documentName"] == "seed-1"
    assert data["annotations"][0]["id"] == 0  # ids not of the form q<n>: positions
    assert data["annotations"][0]["quote"]["text"] == "„Wir reden weiter.“"
    assert [s["text"] for s in data["sentences"]] == [
        "Blinken sagte: „Wir reden weiter.“ ",
        "Dann ging er.",
    ]
    path = tmp_path / "seed.json"
    write_wikinews(doc, path)
    back = read_wikinews(path)
    assert back.annotations.quotes[0].spans == (Span(15, 34),)
    assert back.annotations.quotes[0].type is QuoteType.DIRECT


# -- nesting rule ------------------------------------------------------------------------------


def test_derive_parents_innermost_and_speaker() -> None:
    spans = [
        [Span(0, 100)],  # 0: outer
        [Span(10, 60)],  # 1: middle
        [Span(20, 30)],  # 2: nested in both: the innermost (1) wins
        [Span(10, 60)],  # 3: same characters as 1, a second speaker
        [Span(40, 50)],  # 4: nested in 1 and 3, speaker of 3
    ]
    nested = [False, True, True, True, True]
    has = [True, True, False, True, False]
    speakers = [[Span(200, 205)], [Span(210, 215)], [], [Span(220, 225)], [Span(220, 225)]]
    parents = derive_parents(spans, nested, has, speakers)
    assert parents == [None, 0, 1, 0, 3]


def test_derive_parents_needs_flags_and_containment() -> None:
    spans = [[Span(0, 10)], [Span(5, 15)], [Span(2, 4)]]
    assert derive_parents(spans, [False, True, True], [False, True, False]) == [None, None, None]
    assert derive_parents(spans, [False, False, True], [True, False, False]) == [None, None, 0]


def test_derive_parents_discontinuous() -> None:
    outer = [Span(0, 10), Span(20, 30)]
    inner = [Span(2, 5), Span(22, 25)]
    across = [Span(8, 22)]
    assert derive_parents([outer, inner, across], [False, True, True], [True, False, False]) == [
        None,
        0,
        None,
    ]


def test_implied_flags() -> None:
    spans = [[Span(0, 10)], [Span(0, 10)], [Span(2, 4)], [Span(20, 30)]]
    assert implied_flags(spans, [None, 0, 0, None]) == [
        (True, True),
        (True, True),
        (True, False),
        (False, False),
    ]


# -- bad input ---------------------------------------------------------------------------------


def test_malformed_json(tmp_path: Path) -> None:
    path = tmp_path / "x.pretty.json"
    path.write_text('{\n    "annotations": [,\n}', encoding="utf-8")
    with pytest.raises(ValidationError, match=r"x\.pretty\.json:2: malformed JSON"):
        read_wikinews(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes('{"originalText": "Grüße"}'.encode("latin-1"))
    with pytest.raises(InputError, match=r"x\.json: not UTF-8"):
        read_wikinews(path)


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (lambda d: d.pop("originalText"), "wikinews.originalText: missing"),
        (
            lambda d: d["annotations"][1].update(type="Quoted"),
            "annotations[1].type: unknown label 'Quoted'",
        ),
        (
            lambda d: d["annotations"][2].update(medium="Fax"),
            "annotations[2].medium: unknown label 'Fax'",
        ),
        (
            lambda d: d["annotations"][0]["cue"]["spans"][0].update(charEnd=500),
            "Quote 'q0'.cue[0]: span 7-500 lies outside the text",
        ),
        (
            lambda d: d["annotations"][0]["quote"]["spans"][0].update(charBegin=50, charEnd=40),
            "annotations[0].quote.spans[0].charEnd: empty or reversed span 50-40",
        ),
        (lambda d: d["annotations"][3].pop("speaker"), "annotations[3].speaker: missing"),
        (
            lambda d: d["annotations"][0].update(isNested="no"),
            "annotations[0].isNested: expected bool",
        ),
        (lambda d: d["tokens"][2].update(text="x"), "tokens[2]: text 'x' differs"),
        (lambda d: d["sentences"][1].update(charEnd=999), "sentences[1]: span 48-999 lies outside"),
    ],
)
def test_bad_document(tmp_path: Path, change: Any, needle: str) -> None:
    data = tiny()
    change(data)
    path = write_fixture(tmp_path, data, "bad.pretty.json")
    with pytest.raises(ValidationError) as info:
        read_wikinews(path)
    assert "bad.pretty.json" in str(info.value)
    assert needle in str(info.value)


def test_missing_and_empty_folders(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_wikinews(tmp_path / "nope"))
    with pytest.raises(InputError, match=r"no \*\.json files"):
        list(iter_wikinews(tmp_path))


# -- plugin: format and gold set ---------------------------------------------------------------


def test_convert_wikinews_to_prodigy_and_back(tmp_path: Path) -> None:
    source = tmp_path / "in"
    original = write_fixture(source, tiny())
    runner = CliRunner()
    first = runner.invoke(
        cli, ["convert", str(source), str(tmp_path / "x.jsonl"), "--from", "wikinews"]
    )
    assert first.exit_code == 0, first.output
    second = runner.invoke(
        cli, ["convert", str(tmp_path / "x.jsonl"), str(tmp_path / "out"), "--to", "wikinews"]
    )
    assert second.exit_code == 0, second.output
    assert (tmp_path / "out" / original.name).read_bytes() == original.read_bytes()


def test_gold_set_from_env_var(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_fixture(tmp_path / "dev", tiny())
    monkeypatch.setenv("ZITAT_WIKINEWS_DIR", str(tmp_path))
    gold = Plugins(discover=False).gold_sets()["wikinews"]
    assert gold.splits == ("train", "dev", "test")
    assert gold.available() is None
    assert [d.id for d in gold.load("dev")] == ["12345 - Lawrow warnt (2022-01-21)"]
    assert [p.name for p in gold.files("dev")] == ["12345 - Lawrow warnt (2022-01-21).pretty.json"]
    with pytest.raises(InputError, match="split 'test' is not in this copy"):
        list(gold.load("test"))
    with pytest.raises(KeyError, match="splits train, dev, test"):
        gold.load("validation")


def test_gold_set_unavailable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZITAT_WIKINEWS_DIR", str(tmp_path / "missing"))
    gold = Plugins(discover=False).gold_sets()["wikinews"]
    reason = gold.available()
    assert reason is not None
    assert "ZITAT_WIKINEWS_DIR" in reason
    with pytest.raises(InputError, match="ZITAT_WIKINEWS_DIR"):
        list(gold.load("dev"))


def test_format_is_registered() -> None:
    formats = Plugins(discover=False).formats()
    assert formats["wikinews"].extensions == (".json",)
    assert formats["wikinews"].read is iter_wikinews
    assert formats["wikinews"].write is write_wikinews_folder


# -- the real dataset --------------------------------------------------------------------------


def dataset_files() -> list[Path]:
    return sorted((DATA / "train").glob("*.json")) + sorted((DATA / "dev").glob("*.json"))


@needs_data
@pytest.mark.wikinews
def test_every_file_roundtrips() -> None:
    files = dataset_files()
    assert len(files) == 850
    docs = [read_wikinews(f) for f in files]
    structural, byte_level, prodigy = [], [], []
    for n, (path, doc) in enumerate(zip(files, docs, strict=True)):
        raw = path.read_bytes()
        written = document_to_wikinews(doc)
        if written != json.loads(raw):
            structural.append(path.name)
        # json.dumps with indent is slow (pure Python): compare bytes on every 10th file
        if n % 10 == 0 and dumps_wikinews(written).encode("utf-8") != raw:
            byte_level.append(path.name)
        if record_to_document(json.loads(json.dumps(document_to_record(doc)))) != doc:
            prodigy.append(path.name)
    assert structural == []
    assert byte_level == []
    assert prodigy == []


@needs_data
@pytest.mark.wikinews
def test_gold_set_dev_has_150_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(DATA))
    gold = Plugins().gold_sets()["wikinews"]
    docs = list(gold.load("dev"))
    assert len(docs) == 150
    assert len({d.id for d in docs}) == 150
    assert sum(len(d.annotations.quotes) for d in docs) > 500
