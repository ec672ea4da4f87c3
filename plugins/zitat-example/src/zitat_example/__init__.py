"""zitat-example: an example zitat plugin to copy from."""

__version__ = "0.1.0"
