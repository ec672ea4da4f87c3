"""A kit for testing zitat extractors: documents, spans, pytest fixtures and a conformance check.

In a plugin's tests::

    from zitat.testing import assert_conforms

    def test_conforms():
        assert_conforms(MyExtractor)

and, for the fixtures, ``pytest_plugins = ["zitat.testing.fixtures"]`` in ``conftest.py``.
"""

from zitat.testing.conformance import (
    CheckResult,
    ConformanceReport,
    assert_conforms,
    check_extractor,
)
from zitat.testing.documents import (
    KIT_DOCUMENTS,
    LONG_DOCUMENT_CHARS,
    direct_quote_document,
    empty_document,
    indirect_speech_document,
    kit_documents,
    long_document,
    no_quote_document,
    seed_documents,
    unicode_document,
)
from zitat.testing.spans import find_span

__all__ = [
    "KIT_DOCUMENTS",
    "LONG_DOCUMENT_CHARS",
    "CheckResult",
    "ConformanceReport",
    "assert_conforms",
    "check_extractor",
    "direct_quote_document",
    "empty_document",
    "find_span",
    "indirect_speech_document",
    "kit_documents",
    "long_document",
    "no_quote_document",
    "seed_documents",
    "unicode_document",
]
