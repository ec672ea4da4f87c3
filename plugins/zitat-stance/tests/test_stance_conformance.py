"""The zitat conformance kit on ``rules-stance``, and its registration as a plugin."""

from __future__ import annotations

from zitat.plugins import Plugins
from zitat.testing import assert_conforms

from zitat_stance.extractor import RulesStanceExtractor


def test_conforms() -> None:
    assert_conforms(RulesStanceExtractor)


def test_registered_through_the_entry_point() -> None:
    assert Plugins().extractor("rules-stance") is RulesStanceExtractor
