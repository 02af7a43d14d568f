"""The API's figures equal an independent plain-Python computation (tests/reports/oracle.py)
on a generated region, for several filters and groupings, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.organisations.models import Partnership
from tests.reports.conftest import API, Auth
from tests.reports.dataset import Region
from tests.reports.oracle import Caller, Oracle, load


def normal(value: Any) -> Any:
    """Numbers as Decimals (JSON gives "19.50" for a Decimal, 0.25 for a float), so that
    equal figures compare equal whatever their notation."""
    if isinstance(value, dict):
        return {str(k): normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normal(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            return value
    return value


def api_groups(body: dict[str, Any]) -> dict[str, Any]:
    return {
        group["key"]: {k: v for k, v in group.items() if k not in ("key", "label", "drill")}
        for group in body["groups"]
    }


def compare(
    client: TestClient, headers: dict[str, str], oracle: Oracle, caller: Caller, **params: Any
) -> dict[str, Any]:
    query = {
        ("from" if k == "start" else "to" if k == "end" else k): str(v)
        for k, v in params.items()
        if v is not None
    }
    response = client.get(f"{API}/indicators", params=query, headers=headers)
    assert response.status_code == 200, response.text
    actual = normal(api_groups(response.json()))
    expected = normal(oracle.report(caller, **params))
    assert actual.keys() == expected.keys(), params
    for key in expected:
        for family in expected[key]:
            assert actual[key][family] == expected[key][family], (params, key, family)
    return actual


def test_the_figures_equal_the_oracle_for_every_grouping_and_filter(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    today = date.today()
    oracle = Oracle(load(session), today)
    manager = Caller(region.manager.id, "manager", region.home.id)
    coach = Caller(region.coach.id, "coach", region.home.id)
    led = session.scalar(
        select(Partnership.id).where(Partnership.lead_organisation_id == region.home.id)
    )
    three_years = today - timedelta(days=3 * 365)
    cases: list[tuple[Caller, dict[str, Any]]] = [
        (manager, {"start": three_years, "end": today}),
        (manager, {"start": three_years, "end": today, "group_by": "quarter"}),
        (manager, {"start": three_years, "end": today, "group_by": "organisation"}),
        (manager, {"start": three_years, "end": today, "group_by": "work_floor"}),
        (
            manager,
            {
                "start": three_years,
                "end": today,
                "group_by": "framework",
                "target_group": "psychological",
            },
        ),
        (
            manager,
            {
                "start": three_years,
                "end": today,
                "group_by": "year",
                "work_floor_id": region.home_floors[0].id,
            },
        ),
        (
            manager,
            {
                "start": today - timedelta(days=800),
                "end": today - timedelta(days=200),
                "group_by": "month",
                "framework": "doorstroom_province",
            },
        ),
        (manager, {"start": three_years, "end": today, "organisation_id": region.partner.id}),
        (
            manager,
            {
                "start": three_years,
                "end": today,
                "staff_id": region.specialists[0].id,
                "group_by": "organisation",
            },
        ),
        (manager, {"start": three_years, "end": today, "partnership_id": led}),
        (coach, {"start": three_years, "end": today, "group_by": "quarter"}),
    ]
    for caller, params in cases:
        user = region.manager if caller is manager else region.coach
        compare(client, auth(user), oracle, caller, **params)
