"""Errors raised by zitat, each naming where the problem is."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

__all__ = ["InputError", "PluginError", "ValidationError", "ZitatError"]


class ZitatError(Exception):
    """Base class of every error zitat raises on purpose."""


@dataclass(frozen=True)
class _Where:
    source: str | None = None
    line: int | None = None
    obj: str | None = None
    field: str | None = None

    @property
    def path(self) -> str:
        """``obj.field``, either part left out when unknown."""
        return ".".join(p for p in (self.obj, self.field) if p)

    def render(self) -> str:
        parts: list[str] = []
        if self.source is not None:
            parts.append(self.source if self.line is None else f"{self.source}:{self.line}")
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.path:
            parts.append(self.path)
        return ": ".join(parts)


class ValidationError(ZitatError, ValueError):
    """Invalid annotation data.

    Carries the object (``"Quote 'q3'"``) and field (``"cue[0]"``) at fault and, once known,
    the file and line it came from. ``str(error)`` reads ``file:line: object.field: message``.
    """

    def __init__(
        self,
        message: str,
        *,
        obj: str | None = None,
        field: str | None = None,
        source: str | Path | None = None,
        line: int | None = None,
    ) -> None:
        self.message = message
        self.where = _Where(None if source is None else str(source), line, obj, field)
        super().__init__(str(self))

    @property
    def obj(self) -> str | None:
        return self.where.obj

    @property
    def field(self) -> str | None:
        return self.where.field

    @property
    def source(self) -> str | None:
        return self.where.source

    @property
    def line(self) -> int | None:
        return self.where.line

    def __str__(self) -> str:
        prefix = self.where.render()
        return f"{prefix}: {self.message}" if prefix else self.message

    def _at(self, where: _Where) -> ValidationError:
        return ValidationError(
            self.message, obj=where.obj, field=where.field, source=where.source, line=where.line
        )

    def located(self, source: str | Path | None = None, line: int | None = None) -> ValidationError:
        """Return a copy that also names the file and line, keeping what it already names."""
        return self._at(
            replace(
                self.where,
                source=self.where.source if source is None else str(source),
                line=self.where.line if line is None else line,
            )
        )

    def inside(self, obj: str, field: str | None = None) -> ValidationError:
        """Return a copy whose field path is prefixed by an enclosing object and field."""
        path = ".".join(p for p in (field, self.where.path) if p) or None
        return self._at(replace(self.where, obj=obj, field=path))


class InputError(ZitatError):
    """A file could not be read at all (missing, not UTF-8, empty, wrong format)."""


class PluginError(ZitatError):
    """A plugin failed to load or misbehaved (raised only in strict mode)."""
