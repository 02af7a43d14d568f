"""Base classes and constrained types for the API's Pydantic schemas."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, ClassVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from app.core.errors import CodedValueError


def _refuse_unstorable_text(value: str) -> None:
    # NUL is rejected by PostgreSQL and lone surrogates cannot be encoded: refuse both here so
    # the answer is a 422 on both databases instead of a driver error on one of them.
    if "\x00" in value:
        raise CodedValueError("must not contain NUL characters", code="nul_character")
    if any(unicodedata.category(ch) == "Cs" for ch in value):
        raise CodedValueError("must be valid Unicode text", code="invalid_unicode")


def clean_text(value: str) -> str:
    _refuse_unstorable_text(value)
    return unicodedata.normalize("NFC", value)


# Limits every value in a request body respects, whatever its field declares: those of the
# databases' columns and of date arithmetic. A hostile value (10**30, the year 1, NaN, a lone
# surrogate) is then a 422 naming the field, never a driver error on one database only or an
# overflow in a report computed months later.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2099, 12, 31)
LARGEST_INTEGER = 2**31 - 1  # INTEGER columns on both databases
LONGEST_TEXT = 100_000  # a backstop: fields declare their own, shorter maximum


def _check_limits(value: Any) -> None:
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, str):
        _refuse_unstorable_text(value)
        if len(value) > LONGEST_TEXT:
            raise CodedValueError(
                f"must be at most {LONGEST_TEXT:,} characters",
                code="too_long",
                params={"max": LONGEST_TEXT},
            )
    elif isinstance(value, int):
        if abs(value) > LARGEST_INTEGER:
            raise CodedValueError(
                f"must lie between -{LARGEST_INTEGER} and {LARGEST_INTEGER}",
                code="out_of_range",
                params={"min": -LARGEST_INTEGER, "max": LARGEST_INTEGER},
            )
    elif isinstance(value, float | Decimal):
        number = float(value)
        if not math.isfinite(number) or abs(number) > LARGEST_INTEGER:
            raise CodedValueError(
                "must be a finite number of reasonable size", code="number_out_of_range"
            )
    elif isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        if not EARLIEST_DATE <= day <= LATEST_DATE:
            raise CodedValueError(
                f"must lie between {EARLIEST_DATE} and {LATEST_DATE}",
                code="date_out_of_range",
                params={"min": EARLIEST_DATE.isoformat(), "max": LATEST_DATE.isoformat()},
            )
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _check_limits(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_limits(key)
            _check_limits(item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _check_limits(getattr(value, name))


def _no_line_breaks(value: str) -> str:
    if any(ch in value for ch in "\r\n\t"):
        raise CodedValueError("must be a single line", code="single_line")
    return value


Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(clean_text),
    AfterValidator(_no_line_breaks),
]
ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=300),
    AfterValidator(clean_text),
    AfterValidator(_no_line_breaks),
]
SearchText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=100),
    AfterValidator(clean_text),
]
Code = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=50),
    AfterValidator(clean_text),
    AfterValidator(_no_line_breaks),
]


def _holds_a_day(annotation: Any) -> bool:
    """Whether a field's type is a date or datetime, possibly optional or annotated."""
    if annotation in (date, datetime):
        return True
    return any(_holds_a_day(inner) for inner in get_args(annotation))


class WriteSchema(BaseModel):
    """Request bodies: unknown fields are an error, never silently dropped (mass assignment),
    and every value stays within what both databases store (see ``_check_limits``)."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _days_written_as_days(cls, value: Any, info: ValidationInfo) -> Any:
        # Pydantic reads a number as a Unix timestamp (`"date": 0` would be 1970-01-01) while
        # the schema promises `format: date`: a day arrives as text or is refused.
        if isinstance(value, int | float) and not isinstance(value, bool):
            field = cls.model_fields.get(info.field_name or "")
            if field is not None and _holds_a_day(field.annotation):
                raise CodedValueError("must be a date written as YYYY-MM-DD", code="not_a_date")
        return value

    @field_validator("*", mode="after")
    @classmethod
    def _within_storable_limits(cls, value: Any) -> Any:
        _check_limits(value)
        return value


class UpdateSchema(WriteSchema):
    """PATCH bodies: leave a field out to keep it; ``null`` only clears optional fields."""

    nullable_fields: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="after")
    @classmethod
    def _null_only_where_allowed(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name not in cls.nullable_fields:
            raise CodedValueError(
                "cannot be empty: leave the field out to keep its value", code="not_nullable"
            )
        return value


class ReadSchema(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def not_before(start_field: str) -> Callable[[Any, ValidationInfo], Any]:
    """A field validator: this date may not lie before ``start_field`` (an end after a start).

    Declared on the later field so that the error names it, e.g. ``valid_to``.
    """

    def check(value: Any, info: ValidationInfo) -> Any:
        start = info.data.get(start_field)
        if value is not None and start is not None and value < start:
            raise CodedValueError(
                f"cannot be before {start_field}",
                code="before_field",
                params={"other": start_field},
            )
        return value

    return check


def not_in_future(value: date | None) -> date | None:
    if value is not None and value > date.today():
        raise CodedValueError("cannot be in the future", code="in_future")
    return value


PastDate = Annotated[date, AfterValidator(not_in_future)]
