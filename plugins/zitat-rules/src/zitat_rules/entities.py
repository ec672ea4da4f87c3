"""In-document speaker entities: names, surnames, titles and pronouns resolved to one speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from zitat.schema import EntityKind

__all__ = ["EntityDraft", "name_part", "resolve_entities"]

_PRONOUNS = frozenset(["er", "sie", "es", "ihm", "ihr", "ich", "wir", "man"])
_DETS = frozenset(
    ["der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"]
)
_TITLE_END = re.compile(
    r"(minister|ministerin|präsident|präsidentin|kanzler|kanzlerin|chef|chefin|sprecher|"
    r"sprecherin|diplomat|diplomatin|leiter|leiterin|botschafter|botschafterin|sekretär|"
    r"sekretärin|direktor|direktorin|vorsitzende|vorsitzender|experte|expertin|analyst|"
    r"analystin|berater|beraterin|general|senator|senatorin|abgeordnete|abgeordneter|"
    r"gouverneur|bürgermeister|bürgermeisterin|kommissar|kommissarin|beauftragte|"
    r"beauftragter|korrespondent|korrespondentin|professor|professorin|dr\.|prof\.|"
    r"politiker|politikerin|gründer|gründerin|trainer|anwalt|anwältin|richter|richterin|"
    r"chefunterhändler|vertreter|vertreterin|mitglied|vize|premier|premierminister|könig|"
    r"königin|papst|bischof|sänger|sängerin|autor|autorin|schauspieler|schauspielerin|"
    r"stellvertreter|stellvertreterin|ministerpräsident|ministerpräsidentin|oberhaupt)$",
    re.IGNORECASE,
)
_ORG = re.compile(
    r"(ministerium|regierung|behörde|amt|polizei|partei|verband|konzern|unternehmen|gericht|"
    r"kommission|agentur|botschaft|kreml|nato|uno|usa|staaten|union|bundestag|parlament|"
    r"rat|zeitung|sender|bank|gewerkschaft|organisation|institut|verwaltung|delegation|"
    r"armee|militär|staatsanwaltschaft|ag|gmbh|bund|washington|moskau|kiew|peking|berlin)$",
    re.IGNORECASE,
)
_GROUP = re.compile(r"^(beide|alle|viele|einige|mehrere|die\s+\w+(en|er)\b)", re.IGNORECASE)


@dataclass(slots=True)
class EntityDraft:
    """A speaker entity being built: its mention spans and texts."""

    mentions: list[tuple[int, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    kind: EntityKind = EntityKind.UNKNOWN

    @property
    def name(self) -> str:
        if self.names:
            return max(self.names, key=lambda n: (len(n.split()), len(n)))
        return max(self.texts, key=len) if self.texts else "?"

    @property
    def surname(self) -> str | None:
        return self.name.split()[-1] if self.names else None


def _words(mention: str) -> list[str]:
    return re.findall(r"[\w.\-’']+", mention.split(",", maxsplit=1)[0])


@lru_cache(maxsize=16384)
def name_part(mention: str) -> str | None:
    """The personal or proper name inside a mention ("Antony Blinken"), if any."""
    words = _words(mention)
    run: list[str] = []
    best: list[str] = []
    for w in words:
        head = w.split("-")[-1]
        if w[:1].isupper() and not _TITLE_END.search(head) and w.lower() not in _DETS:
            run.append(w)
        else:
            if run:
                best = run
            run = []
    if run:
        best = run
    if not best:
        return None
    if len(best) == 1 and (_ORG.search(best[0]) or best[0].lower() in {"seiten"}):
        return None
    return " ".join(best)


@lru_cache(maxsize=16384)
def _titles(mention: str) -> frozenset[str]:
    out = set()
    for w in _words(mention):
        head = w.split("-")[-1]
        m = _TITLE_END.search(head)
        if m and w[:1].isupper():
            out.add(m.group(1).lower())
    return frozenset(out)


@lru_cache(maxsize=16384)
def _kind(mention: str, name: str | None) -> EntityKind:
    low = mention.lower().strip()
    words = _words(mention)
    last = words[-1] if words else ""
    if _GROUP.match(low) and not name:
        return EntityKind.GROUP
    if last and _ORG.search(last) and not _titles(mention):
        return EntityKind.ORGANISATION
    if name or _titles(mention) or low in {"er", "sie"}:
        return EntityKind.PERSON
    return EntityKind.UNKNOWN


def resolve_entities(
    mentions: list[tuple[int, int, str]],
) -> tuple[list[EntityDraft], list[int]]:
    """Group ``(start, end, text)`` mentions (in text order): entities, each mention's entity."""
    entities: list[EntityDraft] = []
    assign: list[int] = []
    recent: list[int] = []  # entity indices, most recent last
    for start, end, text in mentions:
        low = text.lower().strip()
        target: int | None = None
        name = None if low in _PRONOUNS else name_part(text)
        titles = _titles(text)
        if low in _PRONOUNS:
            for e in reversed(recent):
                if entities[e].kind in (EntityKind.PERSON, EntityKind.UNKNOWN) or low != "er":
                    target = e
                    break
        elif name:
            sur = name.split()[-1]
            for e in reversed(recent):
                ent = entities[e]
                if any(sur == n.split()[-1] or name in n or n in name for n in ent.names):
                    target = e
                    break
            if target is None:
                for e in reversed(recent):
                    if any(text.strip() == t.strip() for t in entities[e].texts):
                        target = e
                        break
        else:
            for e in reversed(recent):
                ent = entities[e]
                if text.strip() in ent.texts or (titles and titles & ent.titles):
                    target = e
                    break
        if target is None:
            entities.append(EntityDraft(kind=_kind(text, name)))
            target = len(entities) - 1
        ent = entities[target]
        ent.mentions.append((start, end))
        ent.texts.append(text)
        if name:
            ent.names.append(name)
        ent.titles |= titles
        if ent.kind is EntityKind.UNKNOWN:
            ent.kind = _kind(text, name)
        assign.append(target)
        if target in recent:
            recent.remove(target)
        recent.append(target)
    return entities, assign
