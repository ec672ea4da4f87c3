"""Enable zitat's testing kit: its documents become pytest fixtures."""

pytest_plugins = ["zitat.testing.fixtures"]
