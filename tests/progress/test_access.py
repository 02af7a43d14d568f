"""Who may reach the progress routes: invisible is absent (404), visible but not allowed is 403."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import User
from app.organisations.models import WorkFloor
from app.trajectories.models import Trajectory
from tests.clock import DaysFromToday, with_days_resolved
from tests.factories.progress import (
    make_activation_session,
    make_goal,
    make_placement,
    make_progress_log,
)
from tests.progress.support import API, PROBLEM_JSON, Auth

# (method, path, which id the path holds, body)
READS = [
    ("GET", "/trajectories/{id}/placements", "trajectory", None),
    ("GET", "/placements/{id}", "placement", None),
    ("GET", "/placements/{id}/attendance", "placement", None),
    ("GET", "/trajectories/{id}/progress-logs", "trajectory", None),
    ("GET", "/progress-logs/{id}", "log", None),
    ("GET", "/trajectories/{id}/goals", "trajectory", None),
    ("GET", "/goals/{id}", "goal", None),
    ("GET", "/trajectories/{id}/activation-sessions", "trajectory", None),
    ("GET", "/activation-sessions/{id}", "session", None),
]
WRITES = [
    (
        "POST",
        "/trajectories/{id}/placements",
        "trajectory",
        {
            "planned_hours_per_week": 4,
            "planned_half_days_per_week": 1,
            "start_date": DaysFromToday(0),
        },
    ),
    ("PATCH", "/placements/{id}", "placement", {"dimona_declared": True}),
    (
        "POST",
        "/placements/{id}/attendance",
        "placement",
        {"date": DaysFromToday(0), "half_day": "am", "status": "present", "hours": 3},
    ),
    ("POST", "/trajectories/{id}/progress-logs", "trajectory", {"logged_on": DaysFromToday(0)}),
    ("PATCH", "/progress-logs/{id}", "log", {"text": "Aangevuld"}),
    ("DELETE", "/progress-logs/{id}", "log", None),
    (
        "POST",
        "/trajectories/{id}/goals",
        "trajectory",
        {"domain": "work", "description": "Sollicitatiebrief"},
    ),
    ("PATCH", "/goals/{id}", "goal", {"status": "done"}),
    ("DELETE", "/goals/{id}", "goal", None),
    (
        "POST",
        "/trajectories/{id}/activation-sessions",
        "trajectory",
        {"component": "care", "provider": "CGG", "held_on": DaysFromToday(0), "minutes": 45},
    ),
    ("PATCH", "/activation-sessions/{id}", "session", {"minutes": 50}),
    ("DELETE", "/activation-sessions/{id}", "session", None),
]


@pytest.fixture
def case(session: Session, coach: User, trajectory: Trajectory, floor: WorkFloor) -> dict[str, Any]:
    """One record of every kind in the home organisation's case file."""
    return {
        "trajectory": trajectory.id,
        "placement": make_placement(session, trajectory, floor).id,
        "log": make_progress_log(session, trajectory, coach.id).id,
        "goal": make_goal(session, trajectory).id,
        "session": make_activation_session(session, trajectory).id,
        "floor": floor.id,
    }


def call(
    client: TestClient,
    headers: dict[str, str],
    method: str,
    path: str,
    record_id: Any,
    body: dict[str, Any] | None,
    case: dict[str, Any],
) -> Any:
    if body is not None and path.endswith("/placements"):
        body = {**body, "work_floor_id": str(case["floor"])}
    return client.request(
        method,
        API + path.format(id=record_id),
        json=None if body is None else with_days_resolved(body),
        headers={**headers, "If-Match": '"1"'},
    )


@pytest.mark.parametrize(("method", "path", "key", "body"), READS + WRITES)
def test_caller_from_another_organisation_gets_the_same_404_as_for_a_missing_id(
    client: TestClient,
    auth: Auth,
    outsider: User,
    case: dict[str, Any],
    method: str,
    path: str,
    key: str,
    body: dict[str, Any] | None,
) -> None:
    invisible = call(client, auth(outsider), method, path, case[key], body, case)
    missing = call(client, auth(outsider), method, path, uuid.uuid4(), body, case)

    assert invisible.status_code == 404, invisible.text
    assert invisible.headers["content-type"] == PROBLEM_JSON
    assert invisible.json() == missing.json()


@pytest.mark.parametrize(("method", "path", "key", "body"), WRITES)
def test_manager_may_not_write_progress(
    client: TestClient,
    auth: Auth,
    manager: User,
    case: dict[str, Any],
    method: str,
    path: str,
    key: str,
    body: dict[str, Any] | None,
) -> None:
    response = call(client, auth(manager), method, path, case[key], body, case)

    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == PROBLEM_JSON


@pytest.mark.parametrize(("method", "path", "key", "body"), READS)
def test_manager_reads_progress(
    client: TestClient,
    auth: Auth,
    manager: User,
    case: dict[str, Any],
    method: str,
    path: str,
    key: str,
    body: dict[str, Any] | None,
) -> None:
    response = call(client, auth(manager), method, path, case[key], body, case)

    assert response.status_code == 200, response.text


@pytest.mark.parametrize(("method", "path", "key", "body"), READS + WRITES)
def test_progress_routes_need_a_login(
    client: TestClient,
    case: dict[str, Any],
    method: str,
    path: str,
    key: str,
    body: dict[str, Any] | None,
) -> None:
    response = call(client, {}, method, path, case[key], body, case)

    assert response.status_code == 401
