"""Documents of the testing kit: small German texts written for it, plus the edge cases.

Every text here was written for the kit (none is taken from gold or other data). Each
function returns a tokenised, sentence-split :class:`~zitat.schema.Document` and is cached,
so tests can call them freely.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from zitat.errors import ZitatError
from zitat.schema import Document
from zitat.text import make_document, prepare

__all__ = [
    "KIT_DOCUMENTS",
    "LONG_DOCUMENT_CHARS",
    "direct_quote_document",
    "empty_document",
    "indirect_speech_document",
    "kit_documents",
    "long_document",
    "no_quote_document",
    "seed_documents",
    "unicode_document",
]

LONG_DOCUMENT_CHARS = 200_000

DIRECT_QUOTES = (
    "Bürgermeisterin lehnt Seilbahn ab\n\n"
    "„Eine Seilbahn über den Fluss wird es mit mir nicht geben“, sagte Bürgermeisterin "
    "Anna Keller am Dienstag im Rathaus von Talheim. Der Stadtrat habe genug andere Sorgen.\n\n"
    "Der Verkehrsverein sieht das anders. Sein Vorsitzender Jonas Brandt erklärte: "
    "»Ohne die Bahn verlieren wir die Touristen.« Man werde Unterschriften sammeln.\n\n"
    "„Wir prüfen alles“, versicherte Keller später, „aber das Geld fehlt.“"
)

INDIRECT_SPEECH = (
    "Der Landrat sagte am Freitag, die Brücke sei marode und müsse bis zum Herbst gesperrt "
    "werden. Man habe die Gutachten sorgfältig geprüft. Die Gemeinde werde für die Umleitung "
    "sorgen, versprach er. Ein Sprecher der Bürgerinitiative meinte dagegen, der Landkreis "
    "habe die Sanierung jahrelang verschleppt und trage die Verantwortung."
)

NO_QUOTES = (
    "Am Wochenende bleibt es im Süden freundlich. Die Temperaturen steigen auf bis zu "
    "24 Grad, im Bergland kann es am Abend einzelne Schauer geben. Der Wind weht schwach "
    "aus West. In der kommenden Woche wird es wieder kühler."
)

UNICODE = (
    "Zoë\u00a0Müller (34) lacht 😀 und sagt: „Café\u0301 ist mein Lieblingsort 👩\u200d💻.“\r\n"
    "\r\n"
    "Ihr Kollege ergänzt\u00a0– ganz ohne Emoji –, der Raum sei zu klein. "
    "„Zu klein für 𝔘𝔫𝔦𝔠𝔬𝔡𝔢“, sagte Jörg\u00a0Weiß.\r\n"
    "Zwischen\u200bden\u200bWörtern steht ein Null-Breiten-Leerzeichen; 🇩🇪 ist eine Flagge."
)

_LONG_PARAGRAPH = (
    "Die Ministerin sagte am Montag in Berlin, der Haushalt sei solide. „Wir werden sparen, "
    "aber nicht bei der Bildung“, erklärte sie. Die Opposition hält das für falsch."
)


@lru_cache(maxsize=1)
def direct_quote_document() -> Document:
    """Direct quotes with „…“ and »…« marks, one interrupted by its frame."""
    return make_document("kit-direct", DIRECT_QUOTES, {"source": "zitat.testing"})


@lru_cache(maxsize=1)
def indirect_speech_document() -> Document:
    """Indirect speech in Konjunktiv I, with no quotation marks."""
    return make_document("kit-indirect", INDIRECT_SPEECH, {"source": "zitat.testing"})


@lru_cache(maxsize=1)
def no_quote_document() -> Document:
    """A weather report: no quotation of any kind."""
    return make_document("kit-no-quote", NO_QUOTES, {"source": "zitat.testing"})


@lru_cache(maxsize=1)
def empty_document() -> Document:
    """A document whose text is the empty string."""
    return make_document("kit-empty", "", {"source": "zitat.testing"})


@lru_cache(maxsize=1)
def long_document() -> Document:
    """About 200,000 characters: one short article repeated, paragraphs apart."""
    count = LONG_DOCUMENT_CHARS // (len(_LONG_PARAGRAPH) + 2) + 1
    text = "\n\n".join([_LONG_PARAGRAPH] * count)
    return make_document("kit-long", text, {"source": "zitat.testing"})


@lru_cache(maxsize=1)
def unicode_document() -> Document:
    """Emoji and other astral characters, combining marks, CRLF, NBSP, ZWJ and ZWSP."""
    return make_document("kit-unicode", UNICODE, {"source": "zitat.testing"})


KIT_DOCUMENTS: dict[str, Callable[[], Document]] = {
    "direct": direct_quote_document,
    "indirect": indirect_speech_document,
    "no-quote": no_quote_document,
    "empty": empty_document,
    "long": long_document,
    "unicode": unicode_document,
}


def kit_documents() -> dict[str, Document]:
    """Every kit document by short name (``direct``, ``indirect``, ``no-quote``, ...)."""
    return {name: make() for name, make in KIT_DOCUMENTS.items()}


@lru_cache(maxsize=1)
def seed_documents() -> tuple[Document, ...] | None:
    """The bundled seed gold documents (text only), or None if this zitat has none."""
    try:
        from zitat.gold.bundled import load_seeds

        return tuple(prepare(annotated.document) for annotated in load_seeds())
    except (ImportError, OSError, ZitatError):
        return None
