"""Calendar months for funder months: keys, parsing, spans and the SQL month bucket.

A month is represented by the date of its first day in Python and in the ``funder_months``
table, and as ``"YYYY-MM"`` in URLs, JSON and the SQL bucket below.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

_MONTH_KEY = re.compile(r"([0-9]{4})-([0-9]{2})")


def first_day(day: date) -> date:
    return day.replace(day=1)


def last_day(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def next_month(month: date) -> date:
    return date(month.year + 1, 1, 1) if month.month == 12 else date(month.year, month.month + 1, 1)


def month_key(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def parse_month_key(key: str) -> date | None:
    """The first day of the month ``"YYYY-MM"`` names, or None when it names no month."""
    match = _MONTH_KEY.fullmatch(key)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if year < 1 or not 1 <= month <= 12:
        return None
    return date(year, month, 1)


def months_between(first: date, last: date) -> Iterator[date]:
    """Every month from the one holding ``first`` to the one holding ``last``, both included."""
    month, end = first_day(first), first_day(last)
    while month <= end:
        yield month
        month = next_month(month)


class month_bucket(FunctionElement[str]):
    """``"YYYY-MM"`` of a DATE column, for GROUP BY month on SQLite and PostgreSQL alike.

    The format is rendered as a literal (not a bound parameter) so that PostgreSQL sees the
    SELECT and GROUP BY expressions as the same expression.
    """

    type = String()
    inherit_cache = True
    name = "month_bucket"

    def __init__(self, column: ColumnElement[Any] | InstrumentedAttribute[Any]) -> None:
        super().__init__(column)


@compiles(month_bucket)
def _month_bucket_default(element: month_bucket, compiler: SQLCompiler, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


@compiles(month_bucket, "sqlite")
def _month_bucket_sqlite(element: month_bucket, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite stores DATE as ISO text 'YYYY-MM-DD': the first seven characters are the month.
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"
