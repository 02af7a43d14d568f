"""Date arithmetic the reports need in SQL, the same on SQLite and PostgreSQL.

SQLite stores dates as ISO text and has no date type, interval or ``LEAST``; PostgreSQL has
all three. Each helper compiles to the expression that gives the same answer on both, so one
query serves both databases and the oracle in the tests can compare them exactly.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Date, Integer, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.visitors import InternalTraversal


class days_between(FunctionElement[int]):
    """Whole days from the first date to the second (negative when the second is earlier)."""

    type = Integer()
    inherit_cache = True
    name = "days_between"

    def __init__(self, first: Any, second: Any) -> None:
        super().__init__(first, second)


@compiles(days_between)
def _days_between_pg(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    first, second = (compiler.process(c, **kw) for c in element.clauses)
    return f"(CAST({second} AS DATE) - CAST({first} AS DATE))"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    first, second = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(round(julianday({second}) - julianday({first})) AS INTEGER)"


class add_months(FunctionElement[Any]):
    """The same day ``months`` later, or that month's last day when it is shorter
    (31 January + 1 month = 28 or 29 February), like app.core.dates.add_months."""

    type = Date()
    inherit_cache = True
    name = "add_months"

    def __init__(self, day: Any, months: Any) -> None:
        super().__init__(day, months)


@compiles(add_months)
def _add_months_pg(element: add_months, compiler: SQLCompiler, **kw: Any) -> str:
    # PostgreSQL clamps to the month's end itself.
    day, months = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST({day} + make_interval(months => CAST({months} AS INTEGER)) AS DATE)"


@compiles(add_months, "sqlite")
def _add_months_sqlite(element: add_months, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite rolls over instead (31 January + 1 month = 3 March): go to the first of the
    # target month, add the day, and keep the earlier of that and the target month's last day.
    day, months = (compiler.process(c, **kw) for c in element.clauses)
    same_day = (
        f"date({day}, 'start of month', '+' || ({months}) || ' months', "
        f"'+' || (CAST(strftime('%d', {day}) AS INTEGER) - 1) || ' days')"
    )
    month_end = f"date({day}, 'start of month', '+' || (({months}) + 1) || ' months', '-1 day')"
    return f"min({same_day}, {month_end})"


class month_index(FunctionElement[int]):
    """A date's month as a running number (year x 12 + month - 1), to count months apart."""

    type = Integer()
    inherit_cache = True
    name = "month_index"

    def __init__(self, day: Any) -> None:
        super().__init__(day)


@compiles(month_index)
def _month_index_pg(element: month_index, compiler: SQLCompiler, **kw: Any) -> str:
    # date_part, not EXTRACT: EXTRACT returns numeric since PostgreSQL 14, several times
    # slower per row; a year or month is exact as a double precision all the same.
    day = compiler.process(element.clauses, **kw)
    return (
        f"(CAST(date_part('year', CAST({day} AS DATE)) AS INTEGER) * 12 "
        f"+ CAST(date_part('month', CAST({day} AS DATE)) AS INTEGER) - 1)"
    )


@compiles(month_index, "sqlite")
def _month_index_sqlite(element: month_index, compiler: SQLCompiler, **kw: Any) -> str:
    day = compiler.process(element.clauses, **kw)
    return (
        f"(CAST(strftime('%Y', {day}) AS INTEGER) * 12 "
        f"+ CAST(strftime('%m', {day}) AS INTEGER) - 1)"
    )


class least(FunctionElement[Any]):
    """The smallest of non-NULL arguments. (PostgreSQL's LEAST skips NULLs, SQLite's min()
    returns NULL: callers coalesce first, so both behave alike.)"""

    inherit_cache = True
    name = "least"

    def __init__(self, *values: Any) -> None:
        super().__init__(*values)
        self.type = self.clauses.clauses[0].type


class greatest(FunctionElement[Any]):
    """The largest of non-NULL arguments (see ``least``)."""

    inherit_cache = True
    name = "greatest"

    def __init__(self, *values: Any) -> None:
        super().__init__(*values)
        self.type = self.clauses.clauses[0].type


@compiles(least, "sqlite")
def _least_sqlite(element: least, compiler: SQLCompiler, **kw: Any) -> str:
    return f"min({compiler.process(element.clauses, **kw)})"


@compiles(greatest, "sqlite")
def _greatest_sqlite(element: greatest, compiler: SQLCompiler, **kw: Any) -> str:
    return f"max({compiler.process(element.clauses, **kw)})"


@compiles(least)
def _least_pg(element: least, compiler: SQLCompiler, **kw: Any) -> str:
    return f"LEAST({compiler.process(element.clauses, **kw)})"


@compiles(greatest)
def _greatest_pg(element: greatest, compiler: SQLCompiler, **kw: Any) -> str:
    return f"GREATEST({compiler.process(element.clauses, **kw)})"


class bucket_key(FunctionElement[str]):
    """The calendar bucket of a date as the reports name it: 2024-03, 2024-Q1 or 2024.

    Computing the key lets an event join its bucket by equality (a hash join) instead of
    testing every bucket's range for every row."""

    type = String()
    inherit_cache = True
    name = "bucket_key"
    # The unit is part of the SQL: without it in the cache key, a statement compiled for
    # months would be reused for years when the buckets are otherwise alike.
    _traverse_internals = [
        *FunctionElement._traverse_internals,
        ("unit", InternalTraversal.dp_string),
    ]

    def __init__(self, day: Any, unit: str) -> None:
        if unit not in ("month", "quarter", "year"):
            raise ValueError(unit)
        super().__init__(day)
        self.unit = unit


@compiles(bucket_key)
def _bucket_key_pg(element: bucket_key, compiler: SQLCompiler, **kw: Any) -> str:
    day = compiler.process(element.clauses, **kw)
    if element.unit == "month":
        return f"to_char({day}, 'YYYY-MM')"
    if element.unit == "quarter":
        return f"(to_char({day}, 'YYYY') || '-Q' || to_char({day}, 'Q'))"
    return f"to_char({day}, 'YYYY')"


@compiles(bucket_key, "sqlite")
def _bucket_key_sqlite(element: bucket_key, compiler: SQLCompiler, **kw: Any) -> str:
    day = compiler.process(element.clauses, **kw)
    if element.unit == "month":
        return f"strftime('%Y-%m', {day})"
    if element.unit == "quarter":
        return (
            f"(strftime('%Y', {day}) || '-Q' || ((CAST(strftime('%m', {day}) AS INTEGER) + 2) / 3))"
        )
    return f"strftime('%Y', {day})"
