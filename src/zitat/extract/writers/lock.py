"""One writer per output: an exclusive lock held while an extraction appends to it."""

from __future__ import annotations

import fcntl
from typing import BinaryIO

from zitat.errors import InputError

__all__ = ["lock_exclusively"]


def lock_exclusively(handle: BinaryIO, what: str) -> None:
    """Lock ``handle``'s file for this process, or raise if another process holds it."""
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise InputError(f"{what}: another extraction is writing to it") from None
