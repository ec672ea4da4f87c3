"""Reading a tool's whole export file as text, with errors that name the file."""

from __future__ import annotations

from pathlib import Path

from zitat.errors import InputError

__all__ = ["read_export"]


def read_export(path: Path) -> str:
    """The file's text: UTF-8 (a byte-order mark dropped), line ends made ``\\n``.

    Universal newlines: ``\\n``, ``\\r\\n`` and ``\\r`` each end a line, as for Java's
    ``readLine``. Raises :class:`InputError` for a missing, non-UTF-8 or blank file.
    """
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        with path.open(encoding="utf-8-sig", newline=None) as handle:
            content = handle.read()
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 ({err.reason} at byte {err.start})") from None
    if not content.strip():
        raise InputError(f"{path}: the file is empty")
    return content
