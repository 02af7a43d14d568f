"""Keyset pagination: opaque cursors over (sort column, id), as described in api.md."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.core.errors import FieldError, RuleViolation
from app.core.text import fold

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None
    total: int


@dataclass(frozen=True)
class SortKey:
    name: str
    column: InstrumentedAttribute[Any]
    descending: bool


@dataclass(frozen=True)
class PageResult:
    rows: Sequence[Any]
    next_cursor: str | None
    total: int


def parse_sort(sort: str, allowed: dict[str, InstrumentedAttribute[Any]]) -> SortKey:
    name = sort.removeprefix("-")
    if name not in allowed:
        raise RuleViolation(
            "Unknown sort field",
            errors=[
                FieldError(
                    "sort",
                    f"must be one of {', '.join(sorted(allowed))}, optionally prefixed with '-'",
                    "unknown_sort",
                    {"allowed": ", ".join(sorted(allowed))},
                )
            ],
        )
    return SortKey(sort, allowed[name], sort.startswith("-"))


def _encode(sort: str, value: Any, row_id: uuid.UUID) -> str:
    if isinstance(value, datetime):
        value = {"dt": value.isoformat()}
    elif isinstance(value, date):
        value = {"d": value.isoformat()}
    raw = json.dumps([sort, value, str(row_id)], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _invalid_cursor() -> RuleViolation:
    return RuleViolation(
        "Invalid cursor",
        errors=[FieldError("cursor", "is not a cursor from this list", "invalid_cursor")],
    )


def _decode(cursor: str, sort: str, expected: type) -> tuple[Any, uuid.UUID]:
    """The position a cursor points at; it must come from this list with this sort."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        cursor_sort, value, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if isinstance(value, dict):
            value = (
                datetime.fromisoformat(value["dt"])
                if "dt" in value
                else date.fromisoformat(value["d"])
            )
        position = value, uuid.UUID(row_id)
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError) as exc:
        raise _invalid_cursor() from exc
    # A forged or foreign cursor would compare, say, a number with a name: refuse it here
    # rather than let the database raise (PostgreSQL) or answer a wrong page (SQLite).
    if cursor_sort != sort or type(value) is not expected:
        raise _invalid_cursor()
    return position


def paginate(
    session: Session,
    statement: Select[Any],
    *,
    id_column: InstrumentedAttribute[Any],
    sort: SortKey,
    limit: int,
    cursor: str | None,
) -> PageResult:
    total = session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    column = sort.column
    if cursor:
        value, last_id = _decode(cursor, sort.name, column.type.python_type)
        after: ColumnElement[bool]
        if sort.descending:
            after = or_(column < value, and_(column == value, id_column < last_id))
        else:
            after = or_(column > value, and_(column == value, id_column > last_id))
        statement = statement.where(after)
    order = (column.desc(), id_column.desc()) if sort.descending else (column, id_column)
    rows = session.scalars(statement.order_by(*order).limit(limit + 1)).all()
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = _encode(sort.name, getattr(last, column.key), getattr(last, id_column.key))
    return PageResult(rows=rows, next_cursor=next_cursor, total=total or 0)


def contains_pattern(text: str) -> str:
    """A LIKE pattern matching folded ``text`` anywhere, with LIKE's wildcards taken literally.

    Compare it with a folded search column (see app.core.text.fold).
    """
    escaped = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
