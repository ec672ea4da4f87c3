"""Statement clusters as plain data: the JSON that ``zitat quotes align --json`` prints.

The schema (``"schema": "zitat.tracking/1"``) is documented key by key in docs/tracking.md; a
test keeps that list and :func:`clusters_to_json` in step. Scores are rounded to 3 decimals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from zitat.tracking.model import StatementCluster, Version

__all__ = ["SCHEMA", "cluster_to_json", "clusters_to_json", "version_to_json"]

SCHEMA = "zitat.tracking/1"


def version_to_json(version: Version) -> dict[str, Any]:
    """One version as plain data."""
    comparison = version.comparison
    return {
        "doc_id": version.doc_id,
        "quote_id": version.quote_id,
        "outlet": version.outlet,
        "date": version.date.label if version.date else None,
        "form": version.form.value,
        "medium": version.medium.value,
        "reference": version.is_reference,
        "text": version.text,
        "faithfulness": round(comparison.faithfulness, 3),
        "coverage": round(comparison.coverage, 3),
        "only_in_version": list(comparison.only_in_version),
        "only_in_reference": list(comparison.only_in_reference),
        "diff": [{"kind": p.kind, "text": p.text} for p in comparison.pieces],
    }


def cluster_to_json(cluster: StatementCluster) -> dict[str, Any]:
    """One cluster as plain data."""
    speaker = cluster.speaker
    first = cluster.first_seen
    reference = cluster.reference
    return {
        "id": cluster.id,
        "speaker": (
            None
            if speaker is None
            else {"id": speaker.id, "name": speaker.name, "kind": speaker.kind.value}
        ),
        "size": cluster.size,
        "cohesion": round(cluster.cohesion, 3),
        "documents": list(cluster.documents),
        "outlets": list(cluster.outlets),
        "first_seen": (
            None
            if first is None
            else {
                "date": first.date.label,
                "documents": list(first.documents),
                "undated_documents": list(first.undated),
            }
        ),
        "reference": {"doc_id": reference.doc_id, "quote_id": reference.quote_id},
        "versions": [version_to_json(v) for v in cluster.versions],
    }


def clusters_to_json(
    clusters: Sequence[StatementCluster],
    *,
    corpus: str,
    quotes_from: str,
    settings: Mapping[str, Any],
    documents: int,
    min_size: int = 1,
) -> dict[str, Any]:
    """The whole result: where it came from, the settings, and the clusters of at least
    ``min_size`` versions."""
    shown = [c for c in clusters if c.size >= min_size]
    return {
        "schema": SCHEMA,
        "corpus": corpus,
        "quotes_from": quotes_from,
        "settings": dict(settings),
        "documents": documents,
        "quotes": sum(c.size for c in clusters),
        "clusters_total": len(clusters),
        "min_size": min_size,
        "clusters": [cluster_to_json(c) for c in shown],
    }
