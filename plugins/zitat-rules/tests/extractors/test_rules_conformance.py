"""Both extractors pass zitat's conformance kit (valid output, determinism, batch == single)."""

from __future__ import annotations

import pytest
from zitat.testing import assert_conforms

from zitat_rules.extractors import RulesDirectExtractor, RulesExtractor


@pytest.mark.parametrize("cls", [RulesDirectExtractor, RulesExtractor])
def test_conforms(cls: type) -> None:
    assert_conforms(cls)


def test_plugin_registers_both() -> None:
    from zitat_rules.plugin import zitat_extractors

    assert {c.name for c in zitat_extractors()} == {"rules-direct", "rules"}
