"""docs/tracking.md stays true: every JSON key the command prints is documented, and every
documented key is printed, at each level; the documented defaults are the library's."""

from __future__ import annotations

import re
from pathlib import Path

from trackkit import pension_corpus

from zitat.tracking import DEFAULT_LINKAGE, DEFAULT_SIMILARITY, DEFAULT_THRESHOLD, align_quotes
from zitat.tracking.report import SCHEMA, clusters_to_json

DOC = Path(__file__).resolve().parents[2] / "docs" / "tracking.md"


def documented_keys() -> dict[str, set[str]]:
    """The keys in the first column of each table under "### <level>" of the JSON section."""
    text = DOC.read_text(encoding="utf-8")
    json_part = text.split("## JSON", 1)[1].split("\n## ", 1)[0]
    out: dict[str, set[str]] = {}
    for block in json_part.split("\n### ")[1:]:
        title, _, body = block.partition("\n")
        out[title.strip()] = set(re.findall(r"^\| `([a-z_]+)` \|", body, flags=re.MULTILINE))
    return out


def test_every_json_key_is_documented_and_every_documented_key_is_there() -> None:
    data = clusters_to_json(
        align_quotes(pension_corpus()),
        corpus="x",
        quotes_from="corpus",
        settings={"similarity": "lemma-overlap"},
        documents=3,
    )
    cluster = data["clusters"][0]
    version = cluster["versions"][1]
    found = {
        "Top level": set(data),
        "Cluster": set(cluster),
        "Speaker": set(cluster["speaker"]),
        "First seen": set(cluster["first_seen"]),
        "Version": set(version),
        "Diff piece": set(version["diff"][0]),
    }
    assert documented_keys() == found


def test_the_documented_schema_and_defaults_are_the_librarys() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert f'"schema": "{SCHEMA}"' in text
    assert f"`{DEFAULT_SIMILARITY}`, the overlap coefficient" in text
    assert f"threshold, **{DEFAULT_THRESHOLD:g}**" in text
    assert f"**{DEFAULT_SIMILARITY}, {DEFAULT_LINKAGE}, {DEFAULT_THRESHOLD:.2f}** (default)" in text
