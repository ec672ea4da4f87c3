"""Rules that reject quotation marks which mark no quotation (titles, scare quotes, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quotemarks import QuoteRegion
from .view import TextView

__all__ = ["NonQuoteRules", "full_sentence", "reject", "reject_always"]

# Nouns after which a quoted phrase names a work or a publication, not a quotation.
TITLE_NOUNS: frozenset[str] = frozenset(
    [
        "Zeitung",
        "Zeitschrift",
        "Magazin",
        "Nachrichtenmagazin",
        "Wochenzeitung",
        "Tageszeitung",
        "Agentur",
        "Nachrichtenagentur",
        "Sender",
        "Fernsehsender",
        "Radiosender",
        "Buch",
        "Roman",
        "Film",
        "Album",
        "Lied",
        "Song",
        "Sendung",
        "Serie",
        "Titel",
        "Projekt",
        "Programm",
        "Operation",
        "Kampagne",
        "Aktion",
        "Initiative",
        "Band",
        "Gruppe",
        "Partei",
        "Bewegung",
        "Organisation",
        "Verein",
        "Stiftung",
        "Schiff",
        "Mission",
        "Marke",
        "Motto",
        "Slogan",
        "Blatt",
        "Portal",
        "Website",
        "Webseite",
        "Plattform",
        "Show",
        "Talkshow",
        "Ausstellung",
        "Oper",
        "Stück",
        "Theaterstück",
        "Studie",
        "Bericht",
        "Gesetz",
        "Plan",
        "Abkommen",
        "Konferenz",
        "Festival",
        "Preis",
        "Unternehmen",
        "Firma",
        "Konzern",
        "Hotel",
        "Restaurant",
        "Club",
        "Klub",
        "Tour",
        "Spiel",
        "Werk",
        "Gedicht",
        "Artikel",
        "Kolumne",
        "Blog",
        "Kanal",
    ]
)
_CREDIT = re.compile(r"^\s*(©|\(c\)|Foto:|Bild:|Quelle:)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NonQuoteRules:
    """Which non-quote rules are on (each is measured in the README)."""

    titles: bool = True
    scare_quotes: bool = True
    credits: bool = True
    headlines: bool = True


_MEDIA_NAME_END = (
    "Zeitung",
    "Post",
    "Times",
    "Rundschau",
    "Allgemeine",
    "Allgemeinen",
    "Tagesspiegel",
    "Spiegel",
    "Journal",
    "Herald",
    "Tribune",
    "Zeit",
    "Welt",
    "Bild",
    "Presse",
    "Kurier",
    "Nachrichten",
    "News",
    "Express",
    "Anzeiger",
    "Magazin",
    "Guardian",
    "Monde",
)


def _is_title(view: TextView, qa: int, inner: str) -> bool:
    """True if the quoted ``inner`` words (starting at token ``qa``) name a work or medium."""
    words = view.words
    if inner.rstrip(" .").endswith(_MEDIA_NAME_END) and len(inner.split()) <= 4:
        return True
    for j in (qa - 1, qa - 2):
        if j >= 0 and words[j].split("-")[-1] in TITLE_NOUNS:
            return True
        if j >= 0 and words[j].endswith(("zeitung", "agentur", "magazin", "sender")):
            return True
    return False


def reject_always(rules: NonQuoteRules, view: TextView, reg: QuoteRegion, lo: int, qa: int) -> bool:
    """True if the region is a title or a credit whatever frame surrounds it."""
    text = view.text
    inner = reg.inner(text)
    start = view.starts[lo] if lo < len(view) else 0
    if rules.credits and _CREDIT.match(text[start : reg.start + 2]):
        return True
    return rules.titles and len(inner.split()) <= 8 and _is_title(view, qa, inner)


def reject(rules: NonQuoteRules, view: TextView, reg: QuoteRegion, *, alone: bool) -> bool:
    """True if the quote region, found without any frame, is no quotation."""
    text = view.text
    inner = reg.inner(text)
    n = len(inner.split())
    if (
        rules.headlines
        and alone
        and "\n" in text[max(0, reg.start - 1) : reg.start]
        and text[reg.end : reg.end + 1] == "\n"
    ):
        return n <= 8 and inner.rstrip()[-1:] not in ".!?"
    return rules.scare_quotes and not alone and not full_sentence(inner)


def full_sentence(inner: str) -> bool:
    """True if quoted words look like a sentence of their own, not a phrase."""
    words = inner.split()
    if len(words) < 4:
        return False
    return inner[:1].isupper() or inner[:1] in "…(" or inner.rstrip()[-1:] in ".!?"
