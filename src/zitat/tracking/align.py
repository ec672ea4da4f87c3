"""Cross-document statement tracking: cluster the quotations that report the same statement.

1. Speakers are linked across documents (:func:`zitat.entities.link_entities`); a quotation's
   speaker is its entity's corpus entity. Unattributed quotations stay on their own; a
   quotation nested in another of the same speaker (a direct phrase inside indirect speech)
   joins its parent.
2. Within one speaker, every pair of quotations gets a content similarity
   (:mod:`zitat.tracking.similarity`), computed on the quoted text with the speaker's own
   mentions blanked out (a reported-speech span such as "Blinken warnte vor …" contains them).
3. Agglomerative clustering (:mod:`zitat.tracking.cluster`) merges them while the linkage
   similarity reaches the threshold.
4. Each cluster gets its reference version, each version its word diff against it
   (:mod:`zitat.tracking.faithfulness`), and the cluster its first appearance
   (:mod:`zitat.tracking.sources`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from zitat.entities import CorpusEntity, EntityLinks, link_entities
from zitat.schema import AnnotatedDocument, Quote, QuoteType
from zitat.tracking.cluster import Linkage, agglomerate
from zitat.tracking.faithfulness import compare_versions
from zitat.tracking.model import FirstSeen, StatementCluster, Version
from zitat.tracking.similarity import (
    DEFAULT_SIMILARITY,
    QuoteText,
    Similarity,
    prepare_text,
    similarity_by_name,
    words_of,
)
from zitat.tracking.sources import PartialDate, document_date, document_outlet, earliest

__all__ = ["DEFAULT_LINKAGE", "DEFAULT_THRESHOLD", "align_quotes"]

DEFAULT_THRESHOLD = 0.5
"""The similarity a merge needs unless told otherwise (measured: docs/tracking.md)."""
DEFAULT_LINKAGE: Linkage = "average"


@dataclass(frozen=True, slots=True)
class _Item:
    doc: AnnotatedDocument
    quote: Quote
    order: int  # position in the input (documents in order, quotes in annotation order)
    speaker: CorpusEntity | None
    prepared: QuoteText
    date: PartialDate | None


def _content_text(doc: AnnotatedDocument, quote: Quote) -> str:
    """The quote's text with its speaker mentions blanked out (offsets kept)."""
    text = doc.text
    parts = []
    for span in quote.spans:
        chars = list(text[span.start : span.end])
        for mention in quote.speaker:
            for i in range(max(span.start, mention.start), min(span.end, mention.end)):
                chars[i - span.start] = " "
        parts.append("".join(chars))
    return " ".join(parts)


def _items(docs: Sequence[AnnotatedDocument], links: EntityLinks) -> list[_Item]:
    items: list[_Item] = []
    for doc in docs:
        date = document_date(doc.document)
        for quote in doc.annotations.quotes:
            items.append(
                _Item(
                    doc=doc,
                    quote=quote,
                    order=len(items),
                    speaker=links.speaker_of(doc, quote),
                    prepared=prepare_text(_content_text(doc, quote)),
                    date=date,
                )
            )
    return items


def _roots(items: Sequence[_Item]) -> dict[int, int]:
    """Item order → order of the outermost quotation it is nested in with the same speaker
    entity (itself when it is not nested so)."""
    by_key = {(i.doc.id, i.quote.id): i for i in items}
    roots: dict[int, int] = {}
    for item in items:
        node = item
        while node.quote.parent is not None and node.quote.entity is not None:
            parent = by_key.get((node.doc.id, node.quote.parent))
            if parent is None or parent.quote.entity != node.quote.entity:
                break
            node = parent
        roots[item.order] = node.order
    return roots


def _groups(
    items: Sequence[_Item],
    measure: Similarity,
    *,
    threshold: float,
    linkage: Linkage,
    same_document: bool,
    attach_nested: bool,
) -> list[tuple[list[_Item], float]]:
    """Clusters of items with their cohesion (mean pairwise similarity)."""
    roots = _roots(items) if attach_nested else {i.order: i.order for i in items}
    by_speaker: dict[str, list[_Item]] = defaultdict(list)
    out: list[tuple[list[_Item], float]] = []
    for item in items:
        if item.speaker is None:
            out.append(([item], 1.0))
        else:
            by_speaker[item.speaker.id].append(item)
    for group in by_speaker.values():
        n = len(group)
        sims = [[1.0] * n for _ in range(n)]
        for i, j in itertools.combinations(range(n), 2):
            sims[i][j] = sims[j][i] = measure(group[i].prepared, group[j].prepared)
        apart = None
        if not same_document:
            apart = [[a.doc.id == b.doc.id for b in group] for a in group]
        nests: dict[int, list[int]] = defaultdict(list)
        for index, item in enumerate(group):
            nests[roots[item.order]].append(index)
        for members in agglomerate(
            sims,
            threshold=threshold,
            linkage=linkage,
            cannot_link=apart,
            start=list(nests.values()),
        ):
            pairs = list(itertools.combinations(members, 2))
            cohesion = sum(sims[i][j] for i, j in pairs) / len(pairs) if pairs else 1.0
            out.append(([group[i] for i in members], cohesion))
    return out


def _reference(members: Sequence[_Item]) -> _Item:
    def key(item: _Item) -> tuple[bool, int, int]:
        direct = item.quote.type == QuoteType.DIRECT
        return (not direct, -len(words_of(item.quote.text_in(item.doc.text))), item.order)

    return min(members, key=key)


def _cluster(ident: str, members: Sequence[_Item], cohesion: float) -> StatementCluster:
    ref = _reference(members)
    ref_text = ref.quote.text_in(ref.doc.text)

    def version_order(item: _Item) -> tuple[bool, bool, dt.date, int]:
        day = item.date.first_day if item.date else dt.date.min
        return (item is not ref, item.date is None, day, item.order)

    ordered = sorted(members, key=version_order)
    versions = tuple(
        Version(
            doc_id=item.doc.id,
            quote_id=item.quote.id,
            text=(text := item.quote.text_in(item.doc.text)),
            form=item.quote.type,
            medium=item.quote.medium,
            outlet=document_outlet(item.doc.document),
            date=item.date,
            is_reference=item is ref,
            comparison=compare_versions(text, ref_text),
        )
        for item in ordered
    )
    first = earliest([v.date for v in versions])
    first_seen = None
    if first:
        dates = [versions[i].date for i in first]
        # the statement had surely appeared by the earliest last day among the candidates
        date = min((d for d in dates if d is not None), key=lambda d: (d.last_day, d.first_day))
        undated = {v.doc_id for v in versions if v.date is None}
        first_seen = FirstSeen(
            date, tuple(sorted({versions[i].doc_id for i in first})), tuple(sorted(undated))
        )
    return StatementCluster(
        id=ident,
        speaker=ref.speaker,
        versions=versions,
        cohesion=cohesion,
        first_seen=first_seen,
    )


def align_quotes(
    docs: Iterable[AnnotatedDocument],
    *,
    similarity: str | Similarity = DEFAULT_SIMILARITY,
    threshold: float = DEFAULT_THRESHOLD,
    linkage: Linkage = DEFAULT_LINKAGE,
    same_document: bool = True,
    attach_nested: bool = True,
    links: EntityLinks | None = None,
) -> list[StatementCluster]:
    """Cluster the quotations of ``docs`` that report the same statement of one speaker.

    ``similarity`` is a measure name from :data:`zitat.tracking.SIMILARITIES` or a function;
    ``threshold`` the linkage similarity a merge needs; ``linkage`` one of ``single``,
    ``average``, ``complete``. ``same_document=False`` keeps two quotations of one document
    apart (except a nested quotation and its parent). With ``attach_nested`` (the default) a
    quotation nested in another of the same speaker entity starts in its parent's cluster
    (a must-link); both are compared with the other quotations. ``links`` are precomputed
    speaker links (default: :func:`zitat.entities.link_entities` of ``docs``).

    Every quotation ends up in exactly one cluster (most in clusters of one). Clusters come
    largest first, then by their first quotation's position; their ids are ``s1``, ``s2``, …
    """
    docs = list(docs)
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must lie in [0, 1], got {threshold}")
    measure = similarity_by_name(similarity) if isinstance(similarity, str) else similarity
    links = links if links is not None else link_entities(docs)
    items = _items(docs, links)
    groups = _groups(
        items,
        measure,
        threshold=threshold,
        linkage=linkage,
        same_document=same_document,
        attach_nested=attach_nested,
    )
    groups.sort(key=lambda g: (-len(g[0]), min(i.order for i in g[0])))
    return [
        _cluster(f"s{number}", members, cohesion)
        for number, (members, cohesion) in enumerate(groups, start=1)
    ]
