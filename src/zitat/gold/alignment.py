"""The alignment gold: clusters of gold quotations that report the same statement.

An alignment file (``gold/alignment/seeds.alignment.yaml``; criteria in
``gold/alignment/GUIDELINES.md``) lists clusters, each with an ``id``, a one-line
``rationale``, the ``forms`` its members take and its ``members`` as ``doc_id/quote_id``.
Quotations in no cluster are singletons. :func:`load_alignment` reads and validates it
against the gold documents the members refer to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from zitat.errors import InputError, ValidationError
from zitat.schema import AnnotatedDocument

__all__ = ["Alignment", "AlignmentCluster", "Form", "QuoteRef", "load_alignment"]

_CLUSTER_KEYS = frozenset({"id", "rationale", "forms", "members"})
_TOP_KEYS = frozenset({"gold", "clusters"})


class Form(StrEnum):
    """How the members of a cluster render their statement (see the guidelines, §5)."""

    VERBATIM = "verbatim"
    SHORTENED = "shortened"
    PARAPHRASE = "paraphrase"
    DIRECT_INDIRECT = "direct-indirect"


@dataclass(frozen=True, slots=True, order=True)
class QuoteRef:
    """A gold quotation: document id and quote id."""

    doc: str
    quote: str

    def __str__(self) -> str:
        return f"{self.doc}/{self.quote}"

    @classmethod
    def parse(cls, text: str) -> QuoteRef:
        """``"doc_id/quote_id"`` → :class:`QuoteRef` (ValueError if it is not of that form)."""
        doc, sep, quote = text.strip().rpartition("/")
        if not sep or not doc or not quote:
            raise ValueError(f"expected 'doc_id/quote_id', got {text!r}")
        return cls(doc, quote)


@dataclass(frozen=True, slots=True)
class AlignmentCluster:
    """Gold quotations that report the same statement."""

    id: str
    rationale: str
    members: tuple[QuoteRef, ...]
    forms: tuple[Form, ...] = ()
    line: int | None = field(default=None, compare=False)
    """The line of the cluster in its file, if read from one."""

    @property
    def documents(self) -> tuple[str, ...]:
        """The ids of the documents the members come from, sorted."""
        return tuple(sorted({m.doc for m in self.members}))

    @property
    def cross_document(self) -> bool:
        """True if the members come from two or more documents."""
        return len(self.documents) > 1


@dataclass(frozen=True)
class Alignment:
    """A clustering of the gold quotations: listed clusters, every other quotation alone."""

    clusters: tuple[AlignmentCluster, ...]
    items: tuple[QuoteRef, ...]
    """Every quotation of the gold, sorted: the item set the clustering is over."""
    source: Path | None = None
    _by_ref: dict[QuoteRef, AlignmentCluster] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        for cluster in self.clusters:
            for ref in cluster.members:
                self._by_ref[ref] = cluster

    def cluster_of(self, ref: QuoteRef) -> AlignmentCluster | None:
        """The cluster of a quotation, or None if it is a singleton."""
        return self._by_ref.get(ref)

    def clustering(self) -> list[frozenset[QuoteRef]]:
        """All items as clusters: the listed clusters, then one singleton per other item."""
        out = [frozenset(c.members) for c in self.clusters]
        out.extend(frozenset({ref}) for ref in self.items if ref not in self._by_ref)
        return out

    def stats(self) -> dict[str, int]:
        """Counts: clusters, members, singletons, cross-document and within-document
        clusters (and their members), and clusters per form."""
        cross = [c for c in self.clusters if c.cross_document]
        within = [c for c in self.clusters if not c.cross_document]
        out = {
            "items": len(self.items),
            "clusters": len(self.clusters),
            "members": sum(len(c.members) for c in self.clusters),
            "singletons": len(self.items) - len(self._by_ref),
            "cross_document.clusters": len(cross),
            "cross_document.members": sum(len(c.members) for c in cross),
            "within_document.clusters": len(within),
            "within_document.members": sum(len(c.members) for c in within),
        }
        for form in Form:
            out[f"form.{form.value}"] = sum(form in c.forms for c in self.clusters)
        return out


def _lines(text: str) -> list[int | None]:
    """The 1-based line of each item of the ``clusters`` sequence, from the YAML node tree."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if (
            isinstance(key, yaml.ScalarNode)
            and key.value == "clusters"
            and isinstance(value, yaml.SequenceNode)
        ):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _gold_docs(
    data: Mapping[str, Any], path: Path, gold: Iterable[AnnotatedDocument] | None
) -> list[AnnotatedDocument]:
    if gold is not None:
        return list(gold)
    ref = data.get("gold")
    if ref is None:
        from zitat.gold.bundled import load_seeds

        return list(load_seeds())
    if not isinstance(ref, str) or not ref:
        raise ValidationError("expected a path to the gold JSONL", field="gold", source=path)
    from zitat.io.jsonl import read_documents

    gold_path = (path.parent / ref).resolve()
    if not gold_path.is_file():
        raise ValidationError(f"no gold file at {gold_path}", field="gold", source=path)
    docs, _ = read_documents(gold_path)
    return docs


def _str_list(value: Any, *, obj: str, fld: str, path: Path, line: int | None) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(
            "expected a list of strings", obj=obj, field=fld, source=path, line=line
        )
    return value


def _cluster(
    raw: Any, index: int, line: int | None, path: Path, quotes: set[QuoteRef]
) -> AlignmentCluster:
    where = f"clusters[{index}]"
    if not isinstance(raw, dict):
        raise ValidationError("expected a mapping", field=where, source=path, line=line)
    ident = raw.get("id")
    if not isinstance(ident, str) or not ident.strip():
        raise ValidationError("needs a non-empty id", obj=where, field="id", source=path, line=line)
    obj = f"cluster {ident!r}"
    unknown = sorted(set(raw) - _CLUSTER_KEYS)
    if unknown:
        raise ValidationError(
            f"unknown key(s) {', '.join(map(str, unknown))}; expected: "
            f"{', '.join(sorted(_CLUSTER_KEYS))}",
            obj=obj,
            source=path,
            line=line,
        )
    rationale = raw.get("rationale")
    if not isinstance(rationale, str) or not rationale.strip():
        raise ValidationError(
            "needs a non-empty rationale", obj=obj, field="rationale", source=path, line=line
        )
    forms: list[Form] = []
    for i, value in enumerate(
        _str_list(raw.get("forms", []), obj=obj, fld="forms", path=path, line=line)
    ):
        try:
            forms.append(Form(value))
        except ValueError:
            allowed = ", ".join(f.value for f in Form)
            raise ValidationError(
                f"unknown form {value!r}; expected one of: {allowed}",
                obj=obj,
                field=f"forms[{i}]",
                source=path,
                line=line,
            ) from None
    members: list[QuoteRef] = []
    texts = _str_list(raw.get("members"), obj=obj, fld="members", path=path, line=line)
    for i, text in enumerate(texts):
        fld = f"members[{i}]"
        try:
            ref = QuoteRef.parse(text)
        except ValueError as err:
            raise ValidationError(str(err), obj=obj, field=fld, source=path, line=line) from None
        if ref not in quotes:
            raise ValidationError(
                f"{text!r} is not a quotation of the gold",
                obj=obj,
                field=fld,
                source=path,
                line=line,
            )
        if ref in members:
            raise ValidationError(
                f"{text!r} is listed twice", obj=obj, field=fld, source=path, line=line
            )
        members.append(ref)
    if len(members) < 2:
        raise ValidationError(
            "a cluster needs at least two members (singletons are not listed)",
            obj=obj,
            field="members",
            source=path,
            line=line,
        )
    return AlignmentCluster(
        ident, " ".join(rationale.split()), tuple(members), tuple(dict.fromkeys(forms)), line
    )


def load_alignment(
    path: str | Path, *, gold: Iterable[AnnotatedDocument] | None = None
) -> Alignment:
    """Read and validate an alignment file.

    The members are checked against ``gold`` if given, else against the file's ``gold:``
    path (relative to the file), else against the bundled seeds. Raises
    :class:`~zitat.errors.InputError` if the file cannot be read or parsed, and
    :class:`~zitat.errors.ValidationError` naming file, line and cluster id if a cluster is
    malformed, names a quotation the gold lacks, or shares a quotation with another cluster.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the alignment file ({err})") from err
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise InputError(f"{path}: not valid YAML ({err})") from err
    if not isinstance(data, dict):
        raise ValidationError("expected a mapping with a 'clusters' list", source=path)
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ValidationError(
            f"unknown key(s) {', '.join(map(str, unknown))}; expected: gold, clusters",
            source=path,
        )
    raw_clusters = data.get("clusters")
    if not isinstance(raw_clusters, list):
        raise ValidationError("expected a list", field="clusters", source=path)
    docs = _gold_docs(data, path, gold)
    items = sorted(QuoteRef(d.id, q.id) for d in docs for q in d.annotations.quotes)
    quotes = set(items)
    lines = _lines(text)
    clusters: list[AlignmentCluster] = []
    owner: dict[QuoteRef, str] = {}
    ids: set[str] = set()
    for index, raw in enumerate(raw_clusters):
        line = lines[index] if index < len(lines) else None
        cluster = _cluster(raw, index, line, path, quotes)
        if cluster.id in ids:
            raise ValidationError(
                "duplicate cluster id",
                obj=f"cluster {cluster.id!r}",
                field="id",
                source=path,
                line=line,
            )
        ids.add(cluster.id)
        for i, ref in enumerate(cluster.members):
            if ref in owner:
                raise ValidationError(
                    f"{ref} is already in cluster {owner[ref]!r}; a quotation is in at most "
                    "one cluster",
                    obj=f"cluster {cluster.id!r}",
                    field=f"members[{i}]",
                    source=path,
                    line=line,
                )
            owner[ref] = cluster.id
        clusters.append(cluster)
    return Alignment(tuple(clusters), tuple(items), path)
