"""The example plugin: one extractor for direct quotes whose speaker is named next to them.

It finds two frames around a quotation in „…“, »…« or "…" marks:

* colon frame, speaker first:      ``Anna Keller: „Das geht nicht.“``
  (optionally with a verb:         ``Anna Keller erklärte: „Das geht nicht.“``)
* postposed frame, verb first:     ``„Das geht nicht“, sagte Anna Keller.``

The speaker is a run of one to four capitalised words. Everything is a regular expression
over the text, so the output is deterministic and needs no model.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from zitat.plugins import Extractor, Resources, hookimpl
from zitat.schema import Annotations, Document, Quote, QuoteType, Span, SpeakerEntity, Task

from zitat_example import __version__

__all__ = ["SaidExtractor", "zitat_extractors"]

DEFAULT_VERBS = (
    "sagte",
    "sagt",
    "erklärte",
    "erklärt",
    "meinte",
    "betonte",
    "versicherte",
    "ergänzte",
    "warnte",
    "fragte",
    "schrieb",
)

# Which closing marks may end a quotation opened by each mark.
_CLOSERS = {"„": '“”"', "»": "«", '"': '"“”'}
_QUOTE = r"(?P<open>[„»\"])(?P<content>[^„“”»«\"\n]+)(?P<close>[“”«\"])"
_NAME = r"(?P<speaker>[A-ZÄÖÜ][\w-]*(?:[ \u00a0][A-ZÄÖÜ][\w-]*){0,3})"


@dataclass(frozen=True)
class SaidConfig:
    """Options of :class:`SaidExtractor`.

    ``verbs``: the reporting verbs that may stand in a frame. ``min_words``: quotations with
    fewer words are ignored (scare quotes such as „offen“ are usually one or two words).
    """

    verbs: tuple[str, ...] = DEFAULT_VERBS
    min_words: int = 1

    def __post_init__(self) -> None:
        if self.min_words < 1:
            raise ValueError(f"min_words must be at least 1, got {self.min_words}")
        if not self.verbs:
            raise ValueError("verbs must name at least one reporting verb")


class SaidExtractor(Extractor):
    """Direct quotes with a named speaker in a colon frame or a ``„…“, sagte X`` frame."""

    name: ClassVar[str] = "example-said"
    version: ClassVar[str] = __version__
    tasks: ClassVar[frozenset[Task]] = frozenset({Task.QUOTES, Task.SPEAKERS})
    description: ClassVar[str] = "Direct quotes in 'X: „…“' and '„…“, sagte X' frames."
    resources: ClassVar[Resources] = Resources(memory_mb=50)
    Config = SaidConfig

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        super().__init__(config)
        verbs = "|".join(re.escape(v) for v in sorted(self.config.verbs, key=len, reverse=True))
        cue = rf"(?P<cue>\b(?:{verbs}))\b"
        self._patterns = (
            re.compile(rf"{_NAME}(?:[ \u00a0]{cue})?:[ \u00a0]*{_QUOTE}"),
            re.compile(rf"{_QUOTE},?[ \u00a0]+{cue}[ \u00a0]+{_NAME}"),
        )

    def extract(self, doc: Document) -> Annotations:
        """Quotes in text order, ids ``q1``, ``q2``, …; one entity per distinct speaker name."""
        found: dict[Span, tuple[Span, Span | None]] = {}  # content -> (speaker, cue)
        for pattern in self._patterns:
            for match in pattern.finditer(doc.text):
                if match["close"] not in _CLOSERS[match["open"]]:
                    continue
                content = Span(match.start("content"), match.end("content"))
                text = content.text_in(doc.text)
                if not text.strip() or len(text.split()) < self.config.min_words:
                    continue
                cue = Span(match.start("cue"), match.end("cue")) if match["cue"] else None
                speaker = Span(match.start("speaker"), match.end("speaker"))
                found.setdefault(content, (speaker, cue))
        return _annotations(doc.text, sorted(found.items()))


def _annotations(text: str, found: list[tuple[Span, tuple[Span, Span | None]]]) -> Annotations:
    entities: dict[str, list[Span]] = {}
    quotes: list[Quote] = []
    for i, (content, (speaker, cue)) in enumerate(found, start=1):
        speaker_name = speaker.text_in(text)
        mentions = entities.setdefault(speaker_name, [])
        if speaker not in mentions:
            mentions.append(speaker)
        quotes.append(
            Quote(
                id=f"q{i}",
                spans=(content,),
                type=QuoteType.DIRECT,
                cue=(cue,) if cue is not None else (),
                speaker=(speaker,),
                entity=f"e{list(entities).index(speaker_name) + 1}",
            )
        )
    return Annotations(
        quotes=tuple(quotes),
        entities=tuple(
            SpeakerEntity(id=f"e{i}", name=name, mentions=tuple(spans))
            for i, (name, spans) in enumerate(entities.items(), start=1)
        ),
    )


@hookimpl
def zitat_extractors() -> list[type[Extractor]]:
    """zitat calls this to learn which extractors the plugin provides."""
    return [SaidExtractor]
