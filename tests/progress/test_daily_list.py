"""The coach's daily list: GET and POST /work-floors/{id}/attendance."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.organisations.models import Organisation, WorkFloor
from app.participants.models import Participant
from app.progress.models import Attendance, HalfDay, Placement
from app.trajectories.models import Trajectory
from tests.clock import today
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.organisations import make_work_floor
from tests.factories.progress import make_attendance, make_placement
from tests.progress.support import API, Auth, error_fields


def yesterday() -> date:
    return today() - timedelta(days=1)


def day_url(floor: WorkFloor) -> str:
    return f"{API}/work-floors/{floor.id}/attendance"


def entry(placement: Placement, half_day: str = "am", **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "placement_id": str(placement.id),
        "half_day": half_day,
        "status": "present",
        "hours": 3,
    }
    values.update(overrides)
    return values


def placed(session: Session, home: Organisation, floor: WorkFloor, **overrides: Any) -> Placement:
    trajectory = make_trajectory(session, make_participant(session, home))
    return make_placement(session, trajectory, floor, **overrides)


def stored_marks(session: Session) -> list[tuple[Any, ...]]:
    session.expire_all()
    rows = session.execute(
        select(
            Attendance.placement_id,
            Attendance.date,
            Attendance.half_day,
            Attendance.status,
            Attendance.hours,
            Attendance.version,
        ).order_by(Attendance.placement_id, Attendance.half_day)
    )
    return [tuple(row) for row in rows]


# --- reading the list ---------------------------------------------------------------------


def test_daily_list_shows_each_placement_active_on_the_floor_that_day(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    participant: Participant,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    active = make_placement(
        session,
        trajectory,
        floor,
        planned_hours_per_week=Decimal("13"),
        planned_half_days_per_week=4,
    )
    placed(session, home, floor, end_date=today() - timedelta(days=2))  # ended
    placed(session, home, floor, start_date=today())  # not started yet
    placed(session, home, make_work_floor(session, home))  # another floor

    response = client.get(f"{day_url(floor)}?date={yesterday()}", headers=auth(coach))

    assert response.status_code == 200, response.text
    day = response.json()
    assert day["date"] == yesterday().isoformat()
    assert day["work_floor_id"] == str(floor.id)
    assert day["items"] == [
        {
            "placement_id": str(active.id),
            "trajectory_id": str(trajectory.id),
            "first_name": "Sofie",
            "last_name": "Peeters",
            "preferred_name": "Fie",
            "planned_hours_per_half_day": 3.25,
            "marks": [],
        }
    ]


def test_daily_list_shows_the_marks_already_recorded(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    placement = make_placement(session, trajectory, floor)
    make_attendance(session, placement, on=yesterday(), half_day=HalfDay.PM, hours=Decimal("2.5"))

    response = client.get(f"{day_url(floor)}?date={yesterday()}", headers=auth(coach))

    [row] = response.json()["items"]
    assert [(m["half_day"], m["status"], m["hours"]) for m in row["marks"]] == [
        ("pm", "present", 2.5)
    ]


def test_daily_list_leaves_out_trajectories_the_caller_cannot_see(
    client: TestClient,
    auth: Auth,
    session: Session,
    outsider: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    make_placement(session, trajectory, floor)

    response = client.get(f"{day_url(floor)}?date={yesterday()}", headers=auth(outsider))

    assert response.status_code == 200
    assert response.json()["items"] == []


def test_daily_list_of_an_unknown_floor_is_a_404(
    client: TestClient, auth: Auth, coach: User
) -> None:
    response = client.get(
        f"{API}/work-floors/00000000-0000-4000-8000-000000000000/attendance", headers=auth(coach)
    )

    assert response.status_code == 404


def test_daily_list_with_a_malformed_date_is_a_422(
    client: TestClient, auth: Auth, coach: User, floor: WorkFloor
) -> None:
    response = client.get(f"{day_url(floor)}?date=31-12-2026", headers=auth(coach))

    assert response.status_code == 422
    assert error_fields(response) == {"date"}


# --- recording the day --------------------------------------------------------------------


def test_coach_records_the_whole_floor_day_in_one_call(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    floor: WorkFloor,
) -> None:
    first, second = placed(session, home, floor), placed(session, home, floor)
    body = {
        "date": yesterday().isoformat(),
        "entries": [
            entry(first, "am"),
            entry(first, "pm", hours=2.5),
            entry(second, "am", status="sick", hours=0, reason="Griep"),
        ],
    }

    response = client.post(day_url(floor), json=body, headers=auth(coach))

    assert response.status_code == 200, response.text
    marks = {row["placement_id"]: row["marks"] for row in response.json()["items"]}
    assert [(m["half_day"], m["hours"]) for m in marks[str(first.id)]] == [("am", 3), ("pm", 2.5)]
    assert [(m["status"], m["reason"]) for m in marks[str(second.id)]] == [("sick", "Griep")]
    assert len(stored_marks(session)) == 3


def test_posting_the_same_day_twice_leaves_the_same_rows(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    floor: WorkFloor,
) -> None:
    first, second = placed(session, home, floor), placed(session, home, floor)
    body = {
        "date": yesterday().isoformat(),
        "entries": [entry(first, "am"), entry(first, "pm"), entry(second, "am")],
    }
    once = client.post(day_url(floor), json=body, headers=auth(coach))
    rows_after_once = stored_marks(session)

    twice = client.post(day_url(floor), json=body, headers=auth(coach))

    assert twice.status_code == 200
    assert twice.json() == once.json()
    assert stored_marks(session) == rows_after_once
    assert len(rows_after_once) == 3


def test_posting_a_changed_day_updates_the_marks_and_their_versions(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    floor: WorkFloor,
) -> None:
    first, second = placed(session, home, floor), placed(session, home, floor)
    day = yesterday().isoformat()
    client.post(
        day_url(floor),
        json={"date": day, "entries": [entry(first), entry(second)]},
        headers=auth(coach),
    )

    response = client.post(
        day_url(floor),
        json={
            "date": day,
            "entries": [entry(first), entry(second, status="absent_unexcused", hours=0)],
        },
        headers=auth(coach),
    )

    marks = {row["placement_id"]: row["marks"][0] for row in response.json()["items"]}
    assert marks[str(first.id)]["version"] == 1
    assert marks[str(second.id)]["status"] == "absent_unexcused"
    assert marks[str(second.id)]["version"] == 2
    assert len(stored_marks(session)) == 2


def test_daily_list_keeps_marks_made_one_by_one(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    placement = make_placement(session, trajectory, floor)
    make_attendance(session, placement, on=yesterday(), half_day=HalfDay.AM)

    response = client.post(
        day_url(floor),
        json={"date": yesterday().isoformat(), "entries": [entry(placement, "pm")]},
        headers=auth(coach),
    )

    [row] = response.json()["items"]
    assert [m["half_day"] for m in row["marks"]] == ["am", "pm"]


def test_placement_on_another_floor_is_refused_and_nothing_is_written(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    floor: WorkFloor,
) -> None:
    here = placed(session, home, floor)
    there = placed(session, home, make_work_floor(session, home))
    body = {"date": yesterday().isoformat(), "entries": [entry(here), entry(there)]}

    response = client.post(day_url(floor), json=body, headers=auth(coach))

    assert response.status_code == 422
    assert error_fields(response) == {"entries.1.placement_id"}
    assert stored_marks(session) == []


def test_placement_not_active_on_that_date_is_refused(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    floor: WorkFloor,
) -> None:
    ended = placed(session, home, floor, end_date=today() - timedelta(days=5))

    response = client.post(
        day_url(floor),
        json={"date": yesterday().isoformat(), "entries": [entry(ended)]},
        headers=auth(coach),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"entries.0.placement_id"}


def test_same_placement_and_half_day_twice_in_one_day_is_refused(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    floor: WorkFloor,
) -> None:
    placement = placed(session, home, floor)

    response = client.post(
        day_url(floor),
        json={"date": yesterday().isoformat(), "entries": [entry(placement), entry(placement)]},
        headers=auth(coach),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"entries.1.half_day"}


def test_floor_day_in_the_future_is_refused(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    floor: WorkFloor,
) -> None:
    placement = placed(session, home, floor)
    tomorrow = (today() + timedelta(days=1)).isoformat()

    response = client.post(
        day_url(floor),
        json={"date": tomorrow, "entries": [entry(placement)]},
        headers=auth(coach),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"date"}


def test_more_than_five_hours_in_a_floor_day_entry_are_refused(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    floor: WorkFloor,
) -> None:
    placement = placed(session, home, floor)

    response = client.post(
        day_url(floor),
        json={"date": yesterday().isoformat(), "entries": [entry(placement, hours=6)]},
        headers=auth(coach),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"entries.0.hours"}


def test_placements_the_caller_cannot_see_are_refused_like_absent_ones(
    client: TestClient,
    auth: Auth,
    session: Session,
    outsider: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    placement = make_placement(session, trajectory, floor)

    response = client.post(
        day_url(floor),
        json={"date": yesterday().isoformat(), "entries": [entry(placement)]},
        headers=auth(outsider),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"entries.0.placement_id"}
    assert stored_marks(session) == []


def test_manager_may_not_record_a_floor_day(
    client: TestClient,
    auth: Auth,
    session: Session,
    manager: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    placement = make_placement(session, trajectory, floor)

    response = client.post(
        day_url(floor),
        json={"date": yesterday().isoformat(), "entries": [entry(placement)]},
        headers=auth(manager),
    )

    assert response.status_code == 403
    assert stored_marks(session) == []


def test_recording_a_day_on_an_unknown_floor_is_a_404(
    client: TestClient, auth: Auth, coach: User
) -> None:
    response = client.post(
        f"{API}/work-floors/00000000-0000-4000-8000-000000000000/attendance",
        json={"date": yesterday().isoformat(), "entries": []},
        headers=auth(coach),
    )

    assert response.status_code == 404


# --- query budget -------------------------------------------------------------------------


@contextmanager
def counted_statements(app: FastAPI) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(app.state.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(app.state.engine, "before_cursor_execute", count)


def floor_with(
    session: Session, home: Organisation, size: int
) -> tuple[WorkFloor, list[Placement]]:
    floor = make_work_floor(session, home, capacity=size)
    return floor, [placed(session, home, floor) for _ in range(size)]


def get_cost(client: TestClient, app: FastAPI, headers: dict[str, str], floor: WorkFloor) -> int:
    with counted_statements(app) as statements:
        response = client.get(f"{day_url(floor)}?date={yesterday()}", headers=headers)
    assert response.status_code == 200
    return len(statements)


def post_cost(
    client: TestClient,
    app: FastAPI,
    headers: dict[str, str],
    floor: WorkFloor,
    placements: list[Placement],
    status: str,
) -> int:
    body = {
        "date": yesterday().isoformat(),
        "entries": [
            entry(p, half_day, status=status, hours=3 if status == "present" else 0)
            for p in placements
            for half_day in ("am", "pm")
        ],
    }
    with counted_statements(app) as statements:
        response = client.post(day_url(floor), json=body, headers=headers)
    assert response.status_code == 200, response.text
    assert len(response.json()["items"]) == len(placements)
    return len(statements)


def test_daily_list_costs_the_same_statements_for_3_and_20_placements(
    client: TestClient, app: FastAPI, auth: Auth, session: Session, home: Organisation, coach: User
) -> None:
    small, small_placements = floor_with(session, home, 3)
    large, large_placements = floor_with(session, home, 20)
    for placement in small_placements + large_placements:
        make_attendance(session, placement, on=yesterday())

    assert get_cost(client, app, auth(coach), small) == get_cost(client, app, auth(coach), large)


def test_recording_a_day_costs_the_same_statements_for_3_and_20_placements(
    client: TestClient, app: FastAPI, auth: Auth, session: Session, home: Organisation, coach: User
) -> None:
    small, small_placements = floor_with(session, home, 3)
    large, large_placements = floor_with(session, home, 20)
    headers = auth(coach)

    # First all new marks (inserts), then all changed (updates), then all unchanged.
    for status in ("present", "sick", "sick"):
        small_cost = post_cost(client, app, headers, small, small_placements, status)
        large_cost = post_cost(client, app, headers, large, large_placements, status)
        assert small_cost == large_cost, status
    assert session.scalar(select(func.count()).select_from(Attendance)) == 46
