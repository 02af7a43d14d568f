"""Month keys and spans (pure)."""

from __future__ import annotations

from datetime import date

import pytest

from app.funding.months import last_day, month_key, months_between, next_month, parse_month_key


@pytest.mark.parametrize(
    ("key", "month"),
    [("2024-02", date(2024, 2, 1)), ("0001-01", date(1, 1, 1)), ("9999-12", date(9999, 12, 1))],
)
def test_month_keys_round_trip(key: str, month: date) -> None:
    assert parse_month_key(key) == month
    assert month_key(month) == key


@pytest.mark.parametrize(
    "key", ["2024-13", "2024-00", "0000-06", "2024-2", "2024-02-01", "２０２４-02"]
)
def test_keys_that_name_no_month_are_none(key: str) -> None:
    assert parse_month_key(key) is None


def test_months_between_crosses_the_year_and_includes_both_ends() -> None:
    months = list(months_between(date(2023, 11, 30), date(2024, 2, 1)))

    assert [month_key(m) for m in months] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert next_month(date(2023, 12, 1)) == date(2024, 1, 1)
    assert last_day(date(2024, 2, 1)) == date(2024, 2, 29)
