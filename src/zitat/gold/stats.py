"""Counts over gold documents, for ``zitat gold stats`` and the dataset card."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from zitat.schema import AnnotatedDocument, Role

__all__ = ["gold_stats"]


def gold_stats(docs: Iterable[AnnotatedDocument]) -> dict[str, Any]:
    """Counts by document, quote type, medium, speaker entity, target and polarity."""
    by_doc: dict[str, dict[str, int]] = {}
    types: Counter[str] = Counter()
    media: Counter[str] = Counter()
    speakers: Counter[str] = Counter()
    targets: Counter[str] = Counter()
    polarity: Counter[str] = Counter()
    target_polarity: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    nested = unattributed = discontinuous = 0
    for doc in docs:
        ann = doc.annotations
        names = {e.id: e.name for e in ann.entities}
        by_doc[doc.id] = {
            "characters": len(doc.text),
            "tokens": len(doc.document.tokens),
            "sentences": len(doc.document.sentences),
            "quotes": len(ann.quotes),
            "entities": len(ann.entities),
            "mentions": sum(len(e.mentions) for e in ann.entities),
            "stances": len(ann.stances),
        }
        for q in ann.quotes:
            types[q.type.value] += 1
            media[q.medium.value] += 1
            speakers[names[q.entity] if q.entity else "(unattributed)"] += 1
            nested += q.parent is not None
            unattributed += q.entity is None
            discontinuous += len(q.spans) > 1
            for role in Role:
                roles[role.value] += bool(q.role(role))
        for s in ann.stances:
            targets[s.target] += 1
            polarity[s.polarity.value] += 1
            target_polarity[f"{s.target}:{s.polarity.value}"] += 1
    return {
        "documents": len(by_doc),
        "quotes": sum(d["quotes"] for d in by_doc.values()),
        "stances": sum(d["stances"] for d in by_doc.values()),
        "by_document": by_doc,
        "by_type": dict(types.most_common()),
        "by_medium": dict(media.most_common()),
        "by_speaker": dict(speakers.most_common()),
        "by_target": dict(targets.most_common()),
        "by_polarity": dict(polarity.most_common()),
        "by_target_polarity": dict(sorted(target_polarity.items())),
        "quotes_with_role": dict(roles),
        "nested_quotes": nested,
        "unattributed_quotes": unattributed,
        "discontinuous_quotes": discontinuous,
    }
