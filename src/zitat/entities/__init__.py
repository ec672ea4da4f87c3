"""Speaker entities linked across documents: the same person in every article.

:func:`link_entities` reads the names of the document-level speaker entities (gold or an
extractor's output) and returns :class:`EntityLinks`, whose :class:`CorpusEntity` values
group the entities that name the same speaker. See docs/entities.md for the rules.
"""

from zitat.entities.linking import CorpusEntity, EntityLinks, link_entities
from zitat.entities.names import NameForm, ParsedName, parse_name

__all__ = ["CorpusEntity", "EntityLinks", "NameForm", "ParsedName", "link_entities", "parse_name"]
