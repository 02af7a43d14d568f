"""Calendar arithmetic shared by the domains, and how a day is written in the API."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated

from pydantic import BeforeValidator

from app.core.errors import CodedValueError

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter (31 Jan + 1)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _written_as_day(value: object) -> object:
    # Pydantic also reads a number as a Unix timestamp (`?to=0` would be 1970-01-01) while the
    # schema promises `format: date`: a day arrives as YYYY-MM-DD or is refused.
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DAY.fullmatch(value)):
        return value
    raise CodedValueError("must be a date written as YYYY-MM-DD", code="not_a_date")


IsoDate = Annotated[date, BeforeValidator(_written_as_day)]
"""A day in a query parameter or body: the ISO form only, never a number."""
