"""Column types shared by the domain models."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def str_enum(enum_cls: type[StrEnum], name: str) -> Enum:
    """Store an enum as its value in a VARCHAR with a CHECK constraint, on both databases.

    Native PostgreSQL enums would need ALTER TYPE migrations for every new value.
    """
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
