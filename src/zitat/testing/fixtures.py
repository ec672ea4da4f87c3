"""pytest fixtures of the testing kit; enable with ``pytest_plugins = ["zitat.testing.fixtures"]``.

Each fixture returns a prepared :class:`~zitat.schema.Document`; ``kit_document`` runs a test
once per kit document, and ``seed_documents`` skips when this zitat bundles no seed gold.
"""

from __future__ import annotations

import pytest

from zitat.schema import Document
from zitat.testing import documents

__all__ = [
    "direct_quote_document",
    "empty_document",
    "indirect_speech_document",
    "kit_document",
    "kit_documents",
    "long_document",
    "no_quote_document",
    "seed_documents",
    "unicode_document",
]


@pytest.fixture
def direct_quote_document() -> Document:
    """Direct quotes with „…“ and »…« marks."""
    return documents.direct_quote_document()


@pytest.fixture
def indirect_speech_document() -> Document:
    """Indirect speech in Konjunktiv I, no quotation marks."""
    return documents.indirect_speech_document()


@pytest.fixture
def no_quote_document() -> Document:
    """A text without any quotation."""
    return documents.no_quote_document()


@pytest.fixture
def empty_document() -> Document:
    """A document with empty text."""
    return documents.empty_document()


@pytest.fixture
def long_document() -> Document:
    """About 200,000 characters."""
    return documents.long_document()


@pytest.fixture
def unicode_document() -> Document:
    """Emoji, combining marks, CRLF, non-breaking spaces and zero-width characters."""
    return documents.unicode_document()


@pytest.fixture
def kit_documents() -> dict[str, Document]:
    """Every kit document by short name."""
    return documents.kit_documents()


@pytest.fixture(params=sorted(documents.KIT_DOCUMENTS))
def kit_document(request: pytest.FixtureRequest) -> Document:
    """Each kit document in turn (the test runs once per document)."""
    return documents.KIT_DOCUMENTS[request.param]()


@pytest.fixture
def seed_documents() -> tuple[Document, ...]:
    """The bundled seed gold documents; skips the test if there are none."""
    seeds = documents.seed_documents()
    if not seeds:
        pytest.skip("this installation of zitat bundles no seed gold")
    return seeds
