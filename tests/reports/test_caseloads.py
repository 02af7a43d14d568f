"""The caseload per staff member (GET /reports/caseloads): equal to the oracle's, the same
filters and scope as the indicators, and consistent with the indicators' IPS summary."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.organisations.models import WorkFloor
from app.trajectories.models import TeamMember, TeamRole
from tests.clock import today
from tests.factories.users import make_user
from tests.reports.conftest import API, PROBLEM_JSON, Auth
from tests.reports.dataset import Region
from tests.reports.oracle import Caller, Oracle, load


def three_years_ago() -> date:
    return today() - timedelta(days=3 * 365)


def caseloads(client: TestClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = client.get(f"{API}/caseloads", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def in_tie_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Highest first; within a tie by id (names sort by the database's collation)."""
    return sorted(rows, key=lambda row: (-row["trajectories"], row["staff_id"]))


def add_other_roles(session: Session, region: Region) -> None:
    """The generated region has case managers work only: add a coach, a case manager care,
    an 'other' member (never counted) and a membership that ended yesterday."""
    running = [
        t
        for t in region.trajectories
        if t.started_on and t.organisation_id == region.home.id and t.closed_on is None
    ][:12]
    coach = make_user(session, region.home, role=Role.COACH, name="Zoë Coach")
    carer = make_user(session, region.partner, role=Role.COUNSELLOR, name="Ann Zorg")
    other = make_user(session, region.home, role=Role.MEDIATOR, name="Olaf Anders")
    for index, t in enumerate(running):
        assert t.started_on is not None
        for user, role, to_date in (
            (coach, TeamRole.COACH, None),
            (
                carer,
                TeamRole.CASE_MANAGER_CARE,
                today() - timedelta(days=1) if index % 3 else None,
            ),
            (other, TeamRole.OTHER, None),
        ):
            session.add(
                TeamMember(
                    trajectory_id=t.id,
                    user_id=user.id,
                    team_role=role,
                    from_date=t.started_on,
                    to_date=to_date,
                )
            )
    session.commit()


def test_the_caseloads_equal_the_oracle_for_every_filter(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    add_other_roles(session, region)
    day = today()
    oracle = Oracle(load(session), day)
    manager = Caller(region.manager.id, "manager", region.home.id)
    coach = Caller(region.coach.id, "coach", region.home.id)
    start = three_years_ago()
    cases: list[tuple[Caller, dict[str, Any]]] = [
        (manager, {"start": start, "end": day}),
        (manager, {"start": start, "end": day - timedelta(days=200)}),
        (manager, {"start": start, "end": day, "organisation_id": region.partner.id}),
        (manager, {"start": start, "end": day, "work_floor_id": region.home_floors[0].id}),
        (manager, {"start": start, "end": day, "framework": "ips"}),
        (manager, {"start": start, "end": day, "target_group": "psychological"}),
        (manager, {"start": start, "end": day, "staff_id": region.specialists[0].id}),
        (coach, {"start": start, "end": day}),
    ]
    seen_roles: set[str] = set()
    for caller, params in cases:
        user = region.manager if caller is manager else region.coach
        query = {
            ("from" if k == "start" else "to" if k == "end" else k): str(v)
            for k, v in params.items()
        }
        body = caseloads(client, auth(user), **query)
        expected = oracle.staff_caseloads(caller, **params)
        counts = [row["trajectories"] for row in body["staff"]]
        assert counts == sorted(counts, reverse=True), params
        assert in_tie_order(body["staff"]) == in_tie_order(expected), params
        assert body["limit"] == 20
        assert body["to"] == str(params["end"])
        seen_roles |= {row["role"] for row in body["staff"]}
    assert {"mediator", "coach", "counsellor"} <= seen_roles
    assert "Olaf Anders" not in {
        row["name"]
        for row in caseloads(client, auth(region.manager), **{"from": str(three_years_ago())})[
            "staff"
        ]
    }


def test_the_specialists_among_them_make_the_indicators_ips_summary(
    client: TestClient, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    params = {"from": str(three_years_ago())}
    summary = client.get(f"{API}/indicators", params=params, headers=headers).json()
    caseload = summary["groups"][0]["ips"]["caseload_per_specialist"]

    staff = caseloads(client, headers, **params)["staff"]

    # The generated region has case managers work only: the same people, the same counts.
    assert len(staff) == caseload["denominator"] > 0
    assert sum(row["trajectories"] for row in staff) == caseload["numerator"]
    assert max(row["trajectories"] for row in staff) == caseload["max"]
    assert sum(row["trajectories"] > 20 for row in staff) == caseload["over_limit"]


def test_bad_filters_are_problems_and_foreign_ids_404(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    for params, status in (
        ({"from": "2025-03-01", "to": "2025-01-01"}, 422),
        ({"to": str(today() + timedelta(days=1))}, 422),
        ({"framework": "no_such_framework"}, 422),
        ({"organisation_id": str(region.outsider.id)}, 404),
        ({"organisation_id": str(uuid.uuid4())}, 404),
        (
            {
                "work_floor_id": str(
                    session.scalar(
                        select(WorkFloor.id).where(WorkFloor.organisation_id == region.outsider.id)
                    )
                )
            },
            404,
        ),
    ):
        response = client.get(f"{API}/caseloads", params=params, headers=headers)
        assert response.status_code == status, (params, response.text)
        assert response.headers["content-type"] == PROBLEM_JSON


def test_admins_get_no_caseloads(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    admin = make_user(session, region.home, role=Role.ADMIN)
    response = client.get(f"{API}/caseloads", headers=auth(admin))
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
