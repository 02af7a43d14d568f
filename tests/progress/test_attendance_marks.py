"""One attendance mark by its id: GET, PATCH and DELETE /attendance/{id}."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import User
from app.organisations.models import WorkFloor
from app.progress.models import Attendance, AttendanceStatus, Placement
from app.trajectories.models import Trajectory
from tests.clock import today
from tests.factories.progress import make_attendance, make_placement
from tests.progress.support import API, PROBLEM_JSON, Auth, error_fields, if_match


def yesterday() -> date:
    return today() - timedelta(days=1)


@pytest.fixture
def placement(session: Session, trajectory: Trajectory, floor: WorkFloor) -> Placement:
    return make_placement(session, trajectory, floor, start_date=today() - timedelta(days=30))


@pytest.fixture
def mark(session: Session, placement: Placement) -> Attendance:
    return make_attendance(session, placement, on=yesterday(), hours=Decimal("3.5"))


def url(mark: Attendance | str) -> str:
    return f"{API}/attendance/{mark if isinstance(mark, str) else mark.id}"


def stored(session: Session, mark: Attendance) -> Attendance | None:
    mark_id = mark.id  # read before expiring: the row may be gone
    session.expire_all()
    return session.get(Attendance, mark_id)


# --- reading ------------------------------------------------------------------------------


def test_a_mark_is_read_with_its_etag(
    client: TestClient, auth: Auth, coach: User, mark: Attendance, placement: Placement
) -> None:
    response = client.get(url(mark), headers=auth(coach))

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == str(mark.id)
    assert body["placement_id"] == str(placement.id)
    assert body["date"] == yesterday().isoformat()
    assert body["half_day"] == "am"
    assert body["status"] == "present"
    assert body["hours"] == 3.5
    assert response.headers["ETag"] == '"1"'


def test_the_mark_a_post_answered_can_be_read_by_its_id(
    client: TestClient, auth: Auth, coach: User, placement: Placement
) -> None:
    recorded = client.post(
        f"{API}/placements/{placement.id}/attendance",
        json={"date": yesterday().isoformat(), "half_day": "pm", "status": "sick", "hours": 0},
        headers=auth(coach),
    )

    fetched = client.get(url(recorded.json()["id"]), headers=auth(coach))

    assert fetched.json() == recorded.json()
    assert fetched.headers["ETag"] == recorded.headers["ETag"]


def test_a_mark_of_another_organisation_is_404_like_an_absent_one(
    client: TestClient, auth: Auth, outsider: User, mark: Attendance
) -> None:
    hidden = client.get(url(mark), headers=auth(outsider))
    absent = client.get(url("00000000-0000-0000-0000-000000000000"), headers=auth(outsider))

    assert hidden.status_code == 404
    assert hidden.headers["content-type"].startswith(PROBLEM_JSON)
    assert hidden.json() == absent.json()


def test_a_malformed_mark_id_is_422(client: TestClient, auth: Auth, coach: User) -> None:
    response = client.get(url("not-a-uuid"), headers=auth(coach))

    assert response.status_code == 422
    assert error_fields(response) == {"attendance_id"}


# --- correcting ---------------------------------------------------------------------------


def test_a_mark_is_corrected_with_the_version_last_read(
    client: TestClient, auth: Auth, session: Session, coach: User, mark: Attendance
) -> None:
    read = client.get(url(mark), headers=auth(coach))

    response = client.patch(
        url(mark),
        json={"status": "absent_excused", "hours": 0, "reason": "Doktersbezoek"},
        headers={**auth(coach), **if_match(read)},
    )

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "absent_excused"
    assert response.json()["reason"] == "Doktersbezoek"
    assert response.json()["recorded_by"] == str(coach.id)
    assert response.headers["ETag"] == '"2"'
    again = stored(session, mark)
    assert again is not None and again.status is AttendanceStatus.ABSENT_EXCUSED


def test_correcting_without_if_match_is_428_and_with_a_stale_version_412(
    client: TestClient, auth: Auth, session: Session, coach: User, mark: Attendance
) -> None:
    missing = client.patch(url(mark), json={"hours": 2}, headers=auth(coach))
    stale = client.patch(url(mark), json={"hours": 2}, headers={**auth(coach), "If-Match": '"7"'})

    assert missing.status_code == 428
    assert stale.status_code == 412
    assert stale.json()["current_version"] == 1
    again = stored(session, mark)
    assert again is not None and again.hours == Decimal("3.5")


def test_an_unchanged_correction_keeps_the_version(
    client: TestClient, auth: Auth, coach: User, mark: Attendance
) -> None:
    response = client.patch(
        url(mark), json={"status": "present"}, headers={**auth(coach), "If-Match": '"1"'}
    )

    assert response.status_code == 200
    assert response.headers["ETag"] == '"1"'


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"hours": 6}, "hours"),
        ({"hours": None}, "hours"),
        ({"status": "on_holiday"}, "status"),
        ({"date": "2026-01-05"}, "date"),
        ({"half_day": "pm"}, "half_day"),
        ({"reason": "x" * 501}, "reason"),
    ],
)
def test_bad_corrections_are_422_naming_the_field(
    client: TestClient,
    auth: Auth,
    coach: User,
    mark: Attendance,
    payload: dict[str, object],
    field: str,
) -> None:
    response = client.patch(url(mark), json=payload, headers={**auth(coach), "If-Match": '"1"'})

    assert response.status_code == 422
    assert error_fields(response) == {field}


def test_the_reason_can_be_cleared(
    client: TestClient, auth: Auth, session: Session, placement: Placement, coach: User
) -> None:
    sick = make_attendance(
        session, placement, on=yesterday(), status=AttendanceStatus.SICK, reason="Griep"
    )

    response = client.patch(
        url(sick), json={"reason": None}, headers={**auth(coach), "If-Match": '"1"'}
    )

    assert response.status_code == 200
    assert response.json()["reason"] is None


def test_a_manager_may_read_but_not_correct_a_mark(
    client: TestClient, auth: Auth, manager: User, mark: Attendance
) -> None:
    assert client.get(url(mark), headers=auth(manager)).status_code == 200
    response = client.patch(
        url(mark), json={"hours": 1}, headers={**auth(manager), "If-Match": '"1"'}
    )
    assert response.status_code == 403


def test_a_mark_of_another_organisation_cannot_be_corrected(
    client: TestClient, auth: Auth, outsider: User, mark: Attendance
) -> None:
    response = client.patch(
        url(mark), json={"hours": 1}, headers={**auth(outsider), "If-Match": '"1"'}
    )

    assert response.status_code == 404


# --- removing -----------------------------------------------------------------------------


def test_a_mark_is_deleted_with_the_version_last_read(
    client: TestClient, auth: Auth, session: Session, coach: User, mark: Attendance
) -> None:
    address = url(mark)

    response = client.delete(address, headers={**auth(coach), "If-Match": '"1"'})

    assert response.status_code == 204
    assert stored(session, mark) is None
    assert client.get(address, headers=auth(coach)).status_code == 404


def test_deleting_needs_a_current_if_match(
    client: TestClient, auth: Auth, session: Session, coach: User, mark: Attendance
) -> None:
    assert client.delete(url(mark), headers=auth(coach)).status_code == 428
    stale = client.delete(url(mark), headers={**auth(coach), "If-Match": '"2"'})
    assert stale.status_code == 412
    assert stored(session, mark) is not None


def test_others_may_not_delete_a_mark(
    client: TestClient,
    auth: Auth,
    session: Session,
    manager: User,
    outsider: User,
    mark: Attendance,
) -> None:
    assert client.delete(url(mark), headers={**auth(manager), "If-Match": '"1"'}).status_code == 403
    assert (
        client.delete(url(mark), headers={**auth(outsider), "If-Match": '"1"'}).status_code == 404
    )
    assert stored(session, mark) is not None
