"""The benchmark harness: run extractors over gold, score, save and report."""
