"""Small coercion and checking helpers shared by the schema's value objects."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any, TypeVar

from zitat.errors import ValidationError

E = TypeVar("E", bound=StrEnum)


def set_attr(obj: object, name: str, value: Any) -> None:
    """Assign to a frozen dataclass field during ``__post_init__``."""
    object.__setattr__(obj, name, value)


def as_enum(enum: type[E], value: Any, *, obj: str, field: str) -> E:
    """Coerce ``value`` to ``enum`` or raise naming the allowed labels."""
    if isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise ValidationError(
            f"unknown label {value!r}; expected one of: {allowed}", obj=obj, field=field
        ) from None


def as_str(value: Any, *, obj: str, field: str, optional: bool = False) -> str | None:
    """Check that ``value`` is a non-empty string (or None when optional)."""
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise ValidationError(f"expected a non-empty string, got {value!r}", obj=obj, field=field)
    return value


def as_tuple(value: Any, *, obj: str, field: str) -> tuple[Any, ...]:
    """Turn a list or tuple into a tuple; reject strings and scalars."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, Iterable) and not isinstance(value, str | bytes | dict):
        return tuple(value)
    raise ValidationError(f"expected a list, got {type(value).__name__}", obj=obj, field=field)


def check_unique(ids: Iterable[str], *, obj: str, field: str) -> None:
    """Raise if an id occurs twice."""
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise ValidationError(f"duplicate id {ident!r}", obj=obj, field=field)
        seen.add(ident)
