"""Reporting what a conversion cannot carry: :class:`LossWarning`.

Readers and writers never drop information silently. What a tool's file cannot hold, or
what a reader had to guess because the file lacks zitat's record, is reported as a
:class:`LossWarning` (a :class:`UserWarning`, so ``python -W error::...`` or
``warnings.simplefilter`` turns it into an error where that is wanted).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

__all__ = ["LossWarning", "warn_loss"]


class LossWarning(UserWarning):
    """Information was guessed or left out in a conversion; the message says what."""


def warn_loss(source: str | Path, subject: str, notes: Iterable[str]) -> None:
    """Warn once about ``subject`` in ``source`` with one clause per note (none: no warning)."""
    items = [n for n in notes if n]
    if items:
        warnings.warn(f"{source}: {subject}: {'; '.join(items)}", LossWarning, stacklevel=3)
