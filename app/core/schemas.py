"""Base classes and constrained types for the API's Pydantic schemas."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationInfo,
    field_validator,
)


def clean_text(value: str) -> str:
    # NUL is rejected by PostgreSQL and lone surrogates cannot be encoded: refuse both here so
    # the answer is a 422 on both databases instead of a driver error on one of them.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    if any(unicodedata.category(ch) == "Cs" for ch in value):
        raise ValueError("must be valid Unicode text")
    return unicodedata.normalize("NFC", value)


def _no_line_breaks(value: str) -> str:
    if any(ch in value for ch in "\r\n\t"):
        raise ValueError("must be a single line")
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


class WriteSchema(BaseModel):
    """Request bodies: unknown fields are an error, never silently dropped (mass assignment)."""

    model_config = ConfigDict(extra="forbid")


class UpdateSchema(WriteSchema):
    """PATCH bodies: leave a field out to keep it; ``null`` only clears optional fields."""

    nullable_fields: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="after")
    @classmethod
    def _null_only_where_allowed(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name not in cls.nullable_fields:
            raise ValueError("cannot be empty: leave the field out to keep its value")
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
            raise ValueError(f"cannot be before {start_field}")
        return value

    return check


def not_in_future(value: date | None) -> date | None:
    if value is not None and value > date.today():
        raise ValueError("cannot be in the future")
    return value


PastDate = Annotated[date, AfterValidator(not_in_future)]
