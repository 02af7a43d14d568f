"""Base classes and constrained types for the API's Pydantic schemas."""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints


def _clean_text(value: str) -> str:
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
    AfterValidator(_clean_text),
    AfterValidator(_no_line_breaks),
]
ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=300),
    AfterValidator(_clean_text),
    AfterValidator(_no_line_breaks),
]
Code = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=50),
    AfterValidator(_clean_text),
    AfterValidator(_no_line_breaks),
]


class WriteSchema(BaseModel):
    """Request bodies: unknown fields are an error, never silently dropped (mass assignment)."""

    model_config = ConfigDict(extra="forbid")


class ReadSchema(BaseModel):
    model_config = ConfigDict(from_attributes=True)
