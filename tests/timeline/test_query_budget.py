"""The case file costs a fixed number of SQL statements, however much it holds.

Counted with a `before_cursor_execute` listener on the app's engine while a coach opens a case
file the way the SPA does: the participant, the trajectory, its team and the first page of
its timeline. A small file and a big one must cost exactly the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.employment.models import Employer
from app.organisations.models import Organisation, WorkFloor
from app.trajectories.models import Trajectory
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.users import make_user
from tests.timeline.support import API, Auth, fill_case_file

# Per request, one statement loads the caller (authentication) and three write its audit
# event (take the chain lock, read the chain's head, insert); then:
AUDIT = 3
CASE_FILE_STATEMENTS = {
    # participant; current trajectory; its team, overdue goals, open follow-ups, last contact
    "participant": 1 + 6 + AUDIT,
    # trajectory; framework maxima
    "trajectory": 1 + 2 + AUDIT,
    # trajectory; members with their users and organisations
    "team": 1 + 2 + AUDIT,
    # trajectory; count; page; one query per record type on the page: 13 (team_member_joined
    # and team_member_left come from one table in one query)
    "timeline": 1 + 3 + 13 + AUDIT,
}
TIMELINE_STATEMENTS = CASE_FILE_STATEMENTS["timeline"]


@contextmanager
def counted_statements(app: FastAPI) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(app.state.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(app.state.engine, "before_cursor_execute", count)


def open_case_file(
    client: TestClient, headers: dict[str, str], trajectory: Trajectory
) -> dict[str, int]:
    """The requests the SPA makes to show a case file, with the statements each cost; the
    timeline's first page must hold every kind."""
    requests = {
        "participant": (f"{API}/participants/{trajectory.participant_id}", {}),
        "trajectory": (f"{API}/trajectories/{trajectory.id}", {}),
        "team": (f"{API}/trajectories/{trajectory.id}/team", {}),
        "timeline": (f"{API}/trajectories/{trajectory.id}/timeline", {"limit": 50}),
    }
    counts = {}
    for name, (url, params) in requests.items():
        with counted_statements(client.app) as statements:  # type: ignore[arg-type]
            response = client.get(url, params=params, headers=headers)
        assert response.status_code == 200, response.text
        counts[name] = len(statements)
    assert len({item["kind"] for item in response.json()["items"]}) == 14
    return counts


def timeline_statements(
    client: TestClient, headers: dict[str, str], trajectory: Trajectory, limit: int
) -> int:
    with counted_statements(client.app) as statements:  # type: ignore[arg-type]
        response = client.get(
            f"{API}/trajectories/{trajectory.id}/timeline",
            params={"limit": limit},
            headers=headers,
        )
        assert response.status_code == 200, response.text
    assert len(response.json()["items"]) == limit
    return len(statements)


def test_a_big_case_file_costs_as_many_statements_as_a_small_one(
    client: TestClient,
    session: Session,
    auth: Auth,
    home: Organisation,
    coach: User,
    viewer: User,
    mediator: User,
    floor: WorkFloor,
    employer: Employer,
) -> None:
    colleagues = [make_user(session, home, role=Role.COUNSELLOR) for _ in range(2)]
    small = make_trajectory(session, make_participant(session, home))
    fill_case_file(
        session, small, author=coach, floor=floor, employer=employer, days=1, team=[mediator]
    )
    big = make_trajectory(session, make_participant(session, home))
    fill_case_file(
        session,
        big,
        author=coach,
        floor=floor,
        employer=employer,
        days=150,  # 150 records of each of eleven kinds, and more: 1,650 plus
        team=[mediator, coach, *colleagues],
    )
    headers = auth(viewer)
    open_case_file(client, headers, small)  # warm-up: connections, dialect first-connect

    for_small = open_case_file(client, headers, small)
    for_big = open_case_file(client, headers, big)

    print(
        f"opening a case file: {sum(for_small.values())} statements (small) {for_small}, "
        f"{sum(for_big.values())} (big) {for_big}"
    )
    assert for_small == for_big == CASE_FILE_STATEMENTS
    assert sum(for_big.values()) == 42


def test_a_timeline_page_costs_the_same_whatever_its_size(
    client: TestClient,
    session: Session,
    auth: Auth,
    coach: User,
    viewer: User,
    mediator: User,
    trajectory: Trajectory,
    floor: WorkFloor,
    employer: Employer,
) -> None:
    fill_case_file(
        session,
        trajectory,
        author=coach,
        floor=floor,
        employer=employer,
        days=30,
        team=[mediator, coach],
    )
    headers = auth(viewer)
    timeline_statements(client, headers, trajectory, 50)  # warm-up

    counts = {limit: timeline_statements(client, headers, trajectory, limit) for limit in (50, 200)}

    print(f"one timeline page: {counts} statements by page size")
    assert counts == {50: TIMELINE_STATEMENTS, 200: TIMELINE_STATEMENTS}
