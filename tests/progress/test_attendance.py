from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.organisations.models import WorkFloor
from app.progress.models import Attendance, HalfDay, Placement
from app.trajectories.models import Trajectory
from tests.clock import today
from tests.factories.progress import make_attendance, make_placement
from tests.progress.support import API, Auth, error_fields


def yesterday() -> date:
    return today() - timedelta(days=1)


@pytest.fixture
def placement(session: Session, trajectory: Trajectory, floor: WorkFloor) -> Placement:
    return make_placement(session, trajectory, floor, start_date=today() - timedelta(days=30))


def mark(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "date": yesterday().isoformat(),
        "half_day": "am",
        "status": "present",
        "hours": 3.5,
    }
    values.update(overrides)
    return values


def record(client: TestClient, headers: dict[str, str], placement: Placement, body: Any) -> Any:
    return client.post(f"{API}/placements/{placement.id}/attendance", json=body, headers=headers)


def marks_stored(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Attendance)) or 0


def test_coach_records_a_half_day_of_attendance(
    client: TestClient, auth: Auth, coach: User, placement: Placement
) -> None:
    response = record(client, auth(coach), placement, mark())

    assert response.status_code == 200, response.text
    stored = response.json()
    assert stored["placement_id"] == str(placement.id)
    assert stored["date"] == yesterday().isoformat()
    assert stored["half_day"] == "am"
    assert stored["status"] == "present"
    assert stored["hours"] == 3.5
    assert stored["recorded_by"] == str(coach.id)
    assert response.headers["ETag"] == f'"{stored["version"]}"'


def test_recording_the_same_half_day_again_changes_the_one_mark(
    client: TestClient, auth: Auth, session: Session, coach: User, placement: Placement
) -> None:
    first = record(client, auth(coach), placement, mark())

    second = record(client, auth(coach), placement, mark(status="sick", hours=0, reason="Griep"))

    assert second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    assert second.json()["status"] == "sick"
    assert second.json()["version"] == first.json()["version"] + 1
    assert marks_stored(session) == 1


def test_repeating_an_identical_mark_changes_nothing(
    client: TestClient, auth: Auth, session: Session, coach: User, placement: Placement
) -> None:
    first = record(client, auth(coach), placement, mark())

    again = record(client, auth(coach), placement, mark())

    assert again.json() == first.json()
    assert marks_stored(session) == 1


def test_morning_and_afternoon_are_separate_marks(
    client: TestClient, auth: Auth, session: Session, coach: User, placement: Placement
) -> None:
    record(client, auth(coach), placement, mark(half_day="am"))
    record(client, auth(coach), placement, mark(half_day="pm"))

    assert marks_stored(session) == 2


def test_more_than_five_hours_in_a_half_day_are_refused(
    client: TestClient, auth: Auth, session: Session, coach: User, placement: Placement
) -> None:
    response = record(client, auth(coach), placement, mark(hours=5.5))

    assert response.status_code == 422
    assert error_fields(response) == {"hours"}
    assert marks_stored(session) == 0


def test_negative_hours_are_refused(
    client: TestClient, auth: Auth, coach: User, placement: Placement
) -> None:
    response = record(client, auth(coach), placement, mark(hours=-1))

    assert response.status_code == 422
    assert error_fields(response) == {"hours"}


def test_attendance_in_the_future_is_refused(
    client: TestClient, auth: Auth, coach: User, placement: Placement
) -> None:
    tomorrow = today() + timedelta(days=1)

    response = record(client, auth(coach), placement, mark(date=tomorrow.isoformat()))

    assert response.status_code == 422
    assert error_fields(response) == {"date"}


def test_attendance_before_the_placement_started_is_refused(
    client: TestClient, auth: Auth, session: Session, coach: User, placement: Placement
) -> None:
    before = placement.start_date - timedelta(days=1)

    response = record(client, auth(coach), placement, mark(date=before.isoformat()))

    assert response.status_code == 422
    assert error_fields(response) == {"date"}
    assert marks_stored(session) == 0


def test_attendance_after_the_placement_ended_is_refused(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    ended = make_placement(
        session,
        trajectory,
        floor,
        start_date=today() - timedelta(days=20),
        end_date=today() - timedelta(days=10),
    )

    response = record(client, auth(coach), ended, mark(date=yesterday().isoformat()))

    assert response.status_code == 422
    assert error_fields(response) == {"date"}


def test_unknown_attendance_status_is_refused(
    client: TestClient, auth: Auth, coach: User, placement: Placement
) -> None:
    response = record(client, auth(coach), placement, mark(status="on_holiday"))

    assert response.status_code == 422
    assert error_fields(response) == {"status"}


def test_unknown_half_day_is_refused(
    client: TestClient, auth: Auth, coach: User, placement: Placement
) -> None:
    response = record(client, auth(coach), placement, mark(half_day="evening"))

    assert response.status_code == 422
    assert error_fields(response) == {"half_day"}


def test_reason_longer_than_500_characters_is_refused(
    client: TestClient, auth: Auth, coach: User, placement: Placement
) -> None:
    response = record(client, auth(coach), placement, mark(reason="x" * 501))

    assert response.status_code == 422
    assert error_fields(response) == {"reason"}


def test_attendance_list_keeps_to_the_from_and_to_dates(
    client: TestClient, auth: Auth, session: Session, coach: User, placement: Placement
) -> None:
    for days_ago in (1, 2, 3, 4):
        make_attendance(session, placement, on=today() - timedelta(days=days_ago))
    since = (today() - timedelta(days=3)).isoformat()
    until = (today() - timedelta(days=2)).isoformat()

    response = client.get(
        f"{API}/placements/{placement.id}/attendance?from={since}&to={until}", headers=auth(coach)
    )

    assert response.status_code == 200
    assert [item["date"] for item in response.json()["items"]] == [since, until]


def test_attendance_list_pages_with_a_cursor(
    client: TestClient, auth: Auth, session: Session, coach: User, placement: Placement
) -> None:
    for days_ago in (1, 2, 3):
        make_attendance(session, placement, on=today() - timedelta(days=days_ago))
        make_attendance(
            session, placement, on=today() - timedelta(days=days_ago), half_day=HalfDay.PM
        )
    url = f"{API}/placements/{placement.id}/attendance?sort=-date&limit=4"

    first = client.get(url, headers=auth(coach)).json()
    second = client.get(f"{url}&cursor={first['next_cursor']}", headers=auth(coach)).json()

    ids = [item["id"] for item in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 6
    assert second["next_cursor"] is None
    assert first["total"] == 6


def test_to_before_from_in_the_attendance_list_is_refused(
    client: TestClient, auth: Auth, coach: User, placement: Placement
) -> None:
    response = client.get(
        f"{API}/placements/{placement.id}/attendance?from=2026-03-10&to=2026-03-01",
        headers=auth(coach),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"to"}


def test_malformed_from_date_is_refused(
    client: TestClient, auth: Auth, coach: User, placement: Placement
) -> None:
    response = client.get(
        f"{API}/placements/{placement.id}/attendance?from=gisteren", headers=auth(coach)
    )

    assert response.status_code == 422
    assert error_fields(response) == {"from"}
