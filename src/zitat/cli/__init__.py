"""The ``zitat`` command line."""
