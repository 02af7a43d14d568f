from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.organisations.models import Organisation, WorkFloor
from app.progress.models import Placement
from app.trajectories.models import Trajectory
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.organisations import make_work_floor
from tests.factories.progress import make_attendance, make_placement
from tests.factories.users import make_user
from tests.progress.support import API, PROBLEM_JSON, Auth, error_fields, if_match


def body(floor: WorkFloor, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "work_floor_id": str(floor.id),
        "planned_hours_per_week": 12.5,
        "planned_half_days_per_week": 4,
        "start_date": (date.today() - timedelta(days=30)).isoformat(),
    }
    values.update(overrides)
    return values


def place(
    client: TestClient, headers: dict[str, str], trajectory: Trajectory, payload: dict[str, Any]
) -> Any:
    return client.post(
        f"{API}/trajectories/{trajectory.id}/placements", json=payload, headers=headers
    )


def placement_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Placement)) or 0


def fill(session: Session, floor: WorkFloor, home: Organisation, places: int) -> None:
    for _ in range(places):
        make_placement(session, make_trajectory(session, make_participant(session, home)), floor)


# --- creating and reading -----------------------------------------------------------------


def test_coach_places_a_participant_on_a_work_floor(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    response = place(
        client,
        auth(coach),
        trajectory,
        body(
            floor, coach_id=str(coach.id), agreement_reference="AMA-2026-17", dimona_declared=True
        ),
    )

    assert response.status_code == 201, response.text
    placement = response.json()
    assert placement["trajectory_id"] == str(trajectory.id)
    assert placement["work_floor_id"] == str(floor.id)
    assert placement["coach_id"] == str(coach.id)
    assert placement["planned_hours_per_week"] == 12.5
    assert placement["dimona_declared"] is True
    assert placement["end_date"] is None
    assert response.headers["Location"] == f"{API}/placements/{placement['id']}"
    assert response.headers["ETag"] == f'"{placement["version"]}"'


def test_created_placement_can_be_read_at_its_location(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    created = place(client, auth(coach), trajectory, body(floor))

    response = client.get(created.headers["Location"], headers=auth(coach))

    assert response.status_code == 200
    assert response.json() == created.json()
    assert response.headers["ETag"] == created.headers["ETag"]


def test_placements_of_a_trajectory_are_listed_latest_start_first(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    first = make_placement(session, trajectory, floor, end_date=date.today() - timedelta(days=61))
    second = make_placement(
        session, trajectory, floor, start_date=date.today() - timedelta(days=60)
    )

    response = client.get(f"{API}/trajectories/{trajectory.id}/placements", headers=auth(coach))

    assert response.status_code == 200
    page = response.json()
    assert [item["id"] for item in page["items"]] == [str(second.id), str(first.id)]
    assert page["total"] == 2


def test_unknown_sort_field_for_placements_is_a_422(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = client.get(
        f"{API}/trajectories/{trajectory.id}/placements?sort=floor", headers=auth(coach)
    )

    assert response.status_code == 422
    assert error_fields(response) == {"sort"}


# --- what a placement must satisfy ---------------------------------------------------------


def test_work_floor_of_another_organisation_is_refused_naming_the_field(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    trajectory: Trajectory,
    elsewhere: Organisation,
) -> None:
    foreign_floor = make_work_floor(session, elsewhere)

    response = place(client, auth(coach), trajectory, body(foreign_floor))

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON
    assert error_fields(response) == {"work_floor_id"}
    assert placement_count(session) == 0


def test_unknown_work_floor_is_refused_naming_the_field(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    payload = body(floor, work_floor_id="00000000-0000-4000-8000-000000000000")

    response = place(client, auth(coach), trajectory, payload)

    assert response.status_code == 422
    assert error_fields(response) == {"work_floor_id"}


def test_coach_of_another_organisation_is_refused_naming_the_field(
    client: TestClient,
    auth: Auth,
    coach: User,
    outsider: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    response = place(client, auth(coach), trajectory, body(floor, coach_id=str(outsider.id)))

    assert response.status_code == 422
    assert error_fields(response) == {"coach_id"}


def test_end_before_start_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    payload = body(floor, start_date="2026-03-10", end_date="2026-03-09")

    response = place(client, auth(coach), trajectory, payload)

    assert response.status_code == 422
    assert "end_date" in error_fields(response)


def test_start_before_the_trajectory_began_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    day_before = trajectory.referred_on - timedelta(days=1)

    response = place(
        client, auth(coach), trajectory, body(floor, start_date=day_before.isoformat())
    )

    assert response.status_code == 422
    assert error_fields(response) == {"start_date"}


def test_more_than_forty_planned_hours_a_week_are_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    payload = body(floor, planned_hours_per_week=40.5, planned_half_days_per_week=10)

    response = place(client, auth(coach), trajectory, payload)

    assert response.status_code == 422
    assert error_fields(response) == {"planned_hours_per_week"}


def test_more_than_ten_half_days_a_week_are_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    response = place(client, auth(coach), trajectory, body(floor, planned_half_days_per_week=11))

    assert response.status_code == 422
    assert error_fields(response) == {"planned_half_days_per_week"}


def test_more_hours_than_the_planned_half_days_can_hold_are_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    payload = body(floor, planned_hours_per_week=16, planned_half_days_per_week=3)

    response = place(client, auth(coach), trajectory, payload)

    assert response.status_code == 422
    assert error_fields(response) == {"planned_hours_per_week"}


def test_unknown_field_in_a_placement_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    response = place(client, auth(coach), trajectory, body(floor, created_by=str(coach.id)))

    assert response.status_code == 422
    assert error_fields(response) == {"created_by"}


# --- capacity -----------------------------------------------------------------------------


def test_full_work_floor_answers_409_naming_its_capacity(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    trajectory: Trajectory,
) -> None:
    small = make_work_floor(session, home, name="Fietsatelier", capacity=2)
    fill(session, small, home, 2)

    response = place(client, auth(coach), trajectory, body(small))

    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM_JSON
    problem = response.json()
    assert "capacity of 2" in problem["detail"]
    assert problem["capacity"] == 2
    assert problem["occupied"] == 2
    assert placement_count(session) == 2


def test_full_work_floor_takes_a_placement_with_an_override_reason(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    trajectory: Trajectory,
) -> None:
    small = make_work_floor(session, home, capacity=1)
    fill(session, small, home, 1)
    reason = "Tijdelijk extra plaats: collega met verlof"

    response = place(client, auth(coach), trajectory, body(small, capacity_override_reason=reason))

    assert response.status_code == 201, response.text
    assert response.json()["capacity_override_reason"] == reason


def test_placements_ended_before_the_start_date_leave_their_place_free(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    trajectory: Trajectory,
) -> None:
    small = make_work_floor(session, home, capacity=1)
    other = make_trajectory(session, make_participant(session, home))
    make_placement(session, other, small, end_date=date.today() - timedelta(days=31))

    response = place(client, auth(coach), trajectory, body(small))

    assert response.status_code == 201, response.text


# --- changing -----------------------------------------------------------------------------


def test_placement_is_changed_with_the_version_last_read(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    created = place(client, auth(coach), trajectory, body(floor))
    end = date.today().isoformat()

    response = client.patch(
        created.headers["Location"],
        json={"end_date": end, "dimona_declared": True},
        headers={**auth(coach), **if_match(created)},
    )

    assert response.status_code == 200, response.text
    assert response.json()["end_date"] == end
    assert response.json()["version"] == created.json()["version"] + 1
    assert response.headers["ETag"] == f'"{created.json()["version"] + 1}"'


def test_placement_change_without_if_match_answers_428(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    created = place(client, auth(coach), trajectory, body(floor))

    response = client.patch(
        created.headers["Location"], json={"dimona_declared": True}, headers=auth(coach)
    )

    assert response.status_code == 428


def test_placement_change_with_a_stale_version_answers_412_with_the_current_one(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    created = place(client, auth(coach), trajectory, body(floor))
    client.patch(
        created.headers["Location"],
        json={"dimona_declared": True},
        headers={**auth(coach), **if_match(created)},
    )

    response = client.patch(
        created.headers["Location"],
        json={"agreement_reference": "X"},
        headers={**auth(coach), **if_match(created)},
    )

    assert response.status_code == 412
    assert response.json()["current_version"] == created.json()["version"] + 1


def test_moving_a_placement_to_a_full_floor_answers_409(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    created = place(client, auth(coach), trajectory, body(floor))
    full = make_work_floor(session, home, capacity=0)

    response = client.patch(
        created.headers["Location"],
        json={"work_floor_id": str(full.id)},
        headers={**auth(coach), **if_match(created)},
    )

    assert response.status_code == 409


def test_shortening_a_placement_past_recorded_attendance_answers_409(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    placement = make_placement(session, trajectory, floor)
    make_attendance(session, placement, on=date.today() - timedelta(days=2))
    current = client.get(f"{API}/placements/{placement.id}", headers=auth(coach))

    response = client.patch(
        f"{API}/placements/{placement.id}",
        json={"end_date": (date.today() - timedelta(days=3)).isoformat()},
        headers={**auth(coach), **if_match(current)},
    )

    assert response.status_code == 409


def test_clearing_the_coach_of_a_placement_is_allowed(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    created = place(client, auth(coach), trajectory, body(floor, coach_id=str(coach.id)))

    response = client.patch(
        created.headers["Location"],
        json={"coach_id": None},
        headers={**auth(coach), **if_match(created)},
    )

    assert response.status_code == 200
    assert response.json()["coach_id"] is None


def test_null_for_a_required_placement_field_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory, floor: WorkFloor
) -> None:
    created = place(client, auth(coach), trajectory, body(floor))

    response = client.patch(
        created.headers["Location"],
        json={"start_date": None},
        headers={**auth(coach), **if_match(created)},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"start_date"}


def test_coach_of_the_same_organisation_can_be_assigned_later(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    colleague = make_user(session, home)
    created = place(client, auth(coach), trajectory, body(floor))

    response = client.patch(
        created.headers["Location"],
        json={"coach_id": str(colleague.id)},
        headers={**auth(coach), **if_match(created)},
    )

    assert response.status_code == 200
    assert response.json()["coach_id"] == str(colleague.id)
