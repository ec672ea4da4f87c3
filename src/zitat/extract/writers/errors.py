"""The errors file: one JSON line per document that is not in the output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from zitat.extract.results import Failure

__all__ = ["ErrorsFile"]


class ErrorsFile:
    """Writes failures as JSON lines (``doc_id``, ``extractor``, ``status``, ``error``,
    ``source``), flushed one by one.

    It describes one run: it is started afresh (the documents it listed before are not in the
    output, so they are tried again), and removed at the end if nothing failed.
    """

    def __init__(self, path: Path | None, stream: TextIO | None = None) -> None:
        self.path = path
        self.count = 0
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle: TextIO | None = path.open("w", encoding="utf-8", newline="\n")
        else:
            self._handle = stream

    def write(self, failure: Failure) -> None:
        """Add one failure."""
        self.count += 1
        if self._handle is not None:
            self._handle.write(json.dumps(failure.to_json(), ensure_ascii=False) + "\n")
            self._handle.flush()

    def close(self) -> None:
        """Close the file; an empty one is removed."""
        if self.path is None or self._handle is None:
            return
        self._handle.close()
        if self.count == 0:
            self.path.unlink(missing_ok=True)
