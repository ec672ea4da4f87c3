"""Gold data: the bundled seed gold and the YAML authoring format it is written in."""
