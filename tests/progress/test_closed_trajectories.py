"""A closed trajectory takes no new placements, and its placements stop on the closing date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.organisations.models import Organisation, WorkFloor
from app.participants.models import Participant
from app.progress.models import Attendance, Placement
from app.trajectories.models import Trajectory
from app.trajectories.phases import Status
from tests.clock import DaysFromToday, today, with_days_resolved
from tests.factories.case_files import add_team_member, make_trajectory
from tests.factories.organisations import make_work_floor
from tests.factories.progress import make_attendance, make_placement
from tests.factories.users import make_user
from tests.progress.support import API, PROBLEM_JSON, Auth, error_fields, if_match


def closed_on() -> date:
    return today() - timedelta(days=10)


def days_ago(n: int) -> date:
    return today() - timedelta(days=n)


@pytest.fixture
def closed(session: Session, participant: Participant, coach: User) -> Trajectory:
    closed = make_trajectory(session, participant, status=Status.CLOSED, closed_on=closed_on())
    add_team_member(session, closed, coach)
    return closed


@pytest.fixture
def left_open(session: Session, closed: Trajectory, floor: WorkFloor) -> Placement:
    """A placement nobody ended when its trajectory closed."""
    return make_placement(session, closed, floor, start_date=days_ago(60))


def placement_body(floor: WorkFloor, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "work_floor_id": str(floor.id),
        "planned_hours_per_week": 12,
        "planned_half_days_per_week": 4,
        "start_date": days_ago(30).isoformat(),
    }
    values.update(overrides)
    return values


def mark(on: date, **overrides: Any) -> dict[str, Any]:
    return {"date": on.isoformat(), "half_day": "am", "status": "present", "hours": 3, **overrides}


def count(session: Session, model: type[Any]) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model)) or 0


# --- new placements -----------------------------------------------------------------------


def test_placing_someone_on_a_closed_trajectory_is_409(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    closed: Trajectory,
    floor: WorkFloor,
) -> None:
    response = client.post(
        f"{API}/trajectories/{closed.id}/placements",
        json=placement_body(floor),
        headers=auth(coach),
    )

    assert response.status_code == 409
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert "closed" in response.json()["detail"]
    assert closed_on().isoformat() in response.json()["detail"]
    assert count(session, Placement) == 0


def test_a_trajectory_closed_through_the_api_takes_no_placement(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    mediator = make_user(session, home, role=Role.MEDIATOR)
    closing = client.post(
        f"{API}/trajectories/{trajectory.id}/close",
        json={"date": days_ago(1).isoformat(), "reason": "Verhuisd"},
        headers=auth(mediator),
    )
    assert closing.status_code == 200, closing.text

    response = client.post(
        f"{API}/trajectories/{trajectory.id}/placements",
        json=placement_body(floor),
        headers=auth(coach),
    )

    assert response.status_code == 409


def test_an_outsider_still_gets_404_for_a_closed_trajectory(
    client: TestClient, auth: Auth, outsider: User, closed: Trajectory, floor: WorkFloor
) -> None:
    response = client.post(
        f"{API}/trajectories/{closed.id}/placements",
        json=placement_body(floor),
        headers=auth(outsider),
    )

    assert response.status_code == 404


# --- changing placements of a closed trajectory -------------------------------------------


def patch(
    client: TestClient, headers: dict[str, str], placement: Placement, payload: dict[str, Any]
) -> Any:
    read = client.get(f"{API}/placements/{placement.id}", headers=headers)
    return client.patch(
        f"{API}/placements/{placement.id}", json=payload, headers={**headers, **if_match(read)}
    )


def test_a_placement_of_a_closed_trajectory_can_still_be_ended(
    client: TestClient, auth: Auth, coach: User, left_open: Placement
) -> None:
    response = patch(client, auth(coach), left_open, {"end_date": closed_on().isoformat()})

    assert response.status_code == 200, response.text
    assert response.json()["end_date"] == closed_on().isoformat()


def test_ending_it_may_repeat_the_unchanged_fields(
    client: TestClient, auth: Auth, coach: User, left_open: Placement, floor: WorkFloor
) -> None:
    payload = placement_body(
        floor, start_date=days_ago(60).isoformat(), end_date=days_ago(12).isoformat()
    )

    response = patch(client, auth(coach), left_open, payload)

    assert response.status_code == 200, response.text
    assert response.json()["end_date"] == days_ago(12).isoformat()


def test_a_placement_cannot_end_after_its_trajectory_closed(
    client: TestClient, auth: Auth, coach: User, left_open: Placement
) -> None:
    response = patch(client, auth(coach), left_open, {"end_date": days_ago(2).isoformat()})

    assert response.status_code == 409
    assert error_fields(response) == {"end_date"}


@pytest.mark.parametrize(
    "payload",
    [
        {"planned_hours_per_week": 8},
        {"start_date": DaysFromToday(-50)},
        {"end_date": DaysFromToday(-11), "dimona_declared": True},
    ],
)
def test_anything_but_ending_a_closed_trajectorys_placement_is_409(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    left_open: Placement,
    payload: dict[str, Any],
) -> None:
    response = patch(client, auth(coach), left_open, with_days_resolved(payload))

    assert response.status_code == 409
    assert "closed" in response.json()["detail"]
    session.expire_all()
    unchanged = session.get(Placement, left_open.id)
    assert unchanged is not None and unchanged.version == 1


def test_an_ended_placement_of_a_closed_trajectory_cannot_be_reopened(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    closed: Trajectory,
    floor: WorkFloor,
) -> None:
    ended = make_placement(session, closed, floor, start_date=days_ago(60), end_date=days_ago(20))

    response = patch(client, auth(coach), ended, {"end_date": None})

    assert response.status_code == 409
    assert error_fields(response) == {"end_date"}


# --- attendance after the closing date ----------------------------------------------------


def test_attendance_after_the_closing_date_is_refused(
    client: TestClient, auth: Auth, session: Session, coach: User, left_open: Placement
) -> None:
    response = client.post(
        f"{API}/placements/{left_open.id}/attendance",
        json=mark(days_ago(3)),
        headers=auth(coach),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"date"}
    assert closed_on().isoformat() in response.json()["errors"][0]["message"]
    assert count(session, Attendance) == 0


def test_attendance_up_to_the_closing_date_may_still_be_recorded(
    client: TestClient, auth: Auth, coach: User, left_open: Placement
) -> None:
    response = client.post(
        f"{API}/placements/{left_open.id}/attendance", json=mark(closed_on()), headers=auth(coach)
    )

    assert response.status_code == 200, response.text


def test_the_daily_list_leaves_out_closed_trajectories_after_their_closing_date(
    client: TestClient, auth: Auth, coach: User, left_open: Placement, floor: WorkFloor
) -> None:
    after = client.get(
        f"{API}/work-floors/{floor.id}/attendance",
        params={"date": days_ago(3).isoformat()},
        headers=auth(coach),
    )
    on_the_day = client.get(
        f"{API}/work-floors/{floor.id}/attendance",
        params={"date": closed_on().isoformat()},
        headers=auth(coach),
    )

    assert after.json()["items"] == []
    assert [i["placement_id"] for i in on_the_day.json()["items"]] == [str(left_open.id)]


def test_a_floor_day_after_the_closing_date_refuses_the_closed_placement(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    left_open: Placement,
    floor: WorkFloor,
) -> None:
    response = client.post(
        f"{API}/work-floors/{floor.id}/attendance",
        json={
            "date": days_ago(3).isoformat(),
            "entries": [
                {
                    "placement_id": str(left_open.id),
                    "half_day": "am",
                    "status": "present",
                    "hours": 3,
                }
            ],
        },
        headers=auth(coach),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"entries.0.placement_id"}
    assert count(session, Attendance) == 0


def test_marks_of_a_closed_trajectory_can_still_be_corrected(
    client: TestClient, auth: Auth, session: Session, coach: User, left_open: Placement
) -> None:
    recorded = make_attendance(session, left_open, on=days_ago(12))

    response = client.patch(
        f"{API}/attendance/{recorded.id}",
        json={"status": "sick", "hours": 0},
        headers={**auth(coach), "If-Match": '"1"'},
    )

    assert response.status_code == 200


def test_a_closed_trajectorys_forgotten_placement_frees_its_place_on_the_floor(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    trajectory: Trajectory,
    closed: Trajectory,
) -> None:
    small = make_work_floor(session, home, name="Serre", capacity=1)
    make_placement(session, closed, small, start_date=days_ago(60))

    response = client.post(
        f"{API}/trajectories/{trajectory.id}/placements",
        json=placement_body(small, start_date=days_ago(5).isoformat()),
        headers=auth(coach),
    )

    assert response.status_code == 201, response.text
