"""The SQL date helpers the reports compile, as the database answers them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Engine, literal, select

from app.reports import sql


def test_a_bucket_key_in_another_unit_is_not_served_from_the_statement_cache(
    engine: Engine,
) -> None:
    day = literal(date(2026, 3, 14), Date)
    with engine.connect() as connection:
        keys = [
            connection.execute(select(sql.bucket_key(day, unit))).scalar_one()
            for unit in ("month", "quarter", "year")
        ]
    assert keys == ["2026-03", "2026-Q1", "2026"]
