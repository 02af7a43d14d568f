"""Property-based checks of the small pure pieces every list and form relies on."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from app.core.pagination import _decode, _encode
from app.organisations.schemas import KboNumber

kbo = TypeAdapter(KboNumber)


@given(st.integers(min_value=0, max_value=19_999_999))
def test_every_number_with_the_right_check_digits_is_a_valid_kbo(base: int) -> None:
    digits = f"{base:08d}"
    number = f"{digits}{97 - base % 97:02d}"
    assert kbo.validate_python(number) == number
    dotted = f"{number[:4]}.{number[4:7]}.{number[7:]}"
    assert kbo.validate_python(dotted) == number


@given(st.integers(min_value=0, max_value=19_999_999), st.integers(min_value=1, max_value=96))
def test_a_wrong_check_number_is_refused(base: int, shift: int) -> None:
    wrong = (97 - base % 97 + shift) % 100
    if wrong == 97 - base % 97:
        return
    with pytest.raises(ValidationError):
        kbo.validate_python(f"{base:08d}{wrong:02d}")


@given(
    st.one_of(
        st.text(max_size=50),
        st.integers(min_value=-(2**53), max_value=2**53),
        st.datetimes(timezones=st.just(UTC)),
    ),
    st.uuids(),
)
def test_cursors_round_trip(value: str | int | datetime, row_id: uuid.UUID) -> None:
    assert _decode(_encode("name", value, row_id), "name", type(value)) == (value, row_id)
