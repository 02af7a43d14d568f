from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.progress.models import ActivationSession
from app.trajectories.models import Trajectory
from tests.factories.progress import make_activation_session
from tests.progress.support import API, Auth, error_fields, if_match


def sessions_url(trajectory: Trajectory) -> str:
    return f"{API}/trajectories/{trajectory.id}/activation-sessions"


def session_body(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "component": "job_search",
        "provider": "VDAB Gent",
        "held_on": (date.today() - timedelta(days=2)).isoformat(),
        "minutes": 90,
        "report": "Cv herwerkt; twee vacatures bekeken.",
    }
    values.update(overrides)
    return values


def record(client: TestClient, headers: dict[str, str], trajectory: Trajectory, body: Any) -> Any:
    return client.post(sessions_url(trajectory), json=body, headers=headers)


def sessions_stored(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ActivationSession)) or 0


def test_counsellor_records_an_activation_session(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = record(client, auth(coach), trajectory, session_body())

    assert response.status_code == 201, response.text
    recorded = response.json()
    assert recorded["component"] == "job_search"
    assert recorded["minutes"] == 90
    assert response.headers["Location"] == f"{API}/activation-sessions/{recorded['id']}"


def test_created_session_can_be_read_at_its_location(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = record(client, auth(coach), trajectory, session_body())

    response = client.get(created.headers["Location"], headers=auth(coach))

    assert response.json() == created.json()


def test_session_of_no_minutes_is_refused(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    response = record(client, auth(coach), trajectory, session_body(minutes=0))

    assert response.status_code == 422
    assert error_fields(response) == {"minutes"}
    assert sessions_stored(session) == 0


def test_session_longer_than_ten_hours_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = record(client, auth(coach), trajectory, session_body(minutes=601))

    assert response.status_code == 422
    assert error_fields(response) == {"minutes"}


def test_session_in_the_future_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()

    response = record(client, auth(coach), trajectory, session_body(held_on=tomorrow))

    assert response.status_code == 422
    assert error_fields(response) == {"held_on"}


def test_session_before_the_trajectory_began_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    before = (trajectory.referred_on - timedelta(days=1)).isoformat()

    response = record(client, auth(coach), trajectory, session_body(held_on=before))

    assert response.status_code == 422
    assert error_fields(response) == {"held_on"}


def test_unknown_component_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = record(client, auth(coach), trajectory, session_body(component="yoga"))

    assert response.status_code == 422
    assert error_fields(response) == {"component"}


def test_report_longer_than_five_thousand_characters_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = record(client, auth(coach), trajectory, session_body(report="x" * 5001))

    assert response.status_code == 422
    assert error_fields(response) == {"report"}


def test_sessions_are_listed_most_recent_first(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    older = make_activation_session(session, trajectory, held_on=date.today() - timedelta(days=10))
    newer = make_activation_session(session, trajectory, held_on=date.today())

    response = client.get(sessions_url(trajectory), headers=auth(coach))

    assert [item["id"] for item in response.json()["items"]] == [str(newer.id), str(older.id)]


def test_session_is_corrected_with_if_match(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = record(client, auth(coach), trajectory, session_body())

    response = client.patch(
        created.headers["Location"],
        json={"minutes": 75, "report": None},
        headers={**auth(coach), **if_match(created)},
    )

    assert response.status_code == 200, response.text
    assert response.json()["minutes"] == 75
    assert response.json()["report"] is None


def test_correcting_a_session_without_if_match_answers_428(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = record(client, auth(coach), trajectory, session_body())

    response = client.patch(created.headers["Location"], json={"minutes": 75}, headers=auth(coach))

    assert response.status_code == 428


def test_correcting_a_session_with_a_stale_version_answers_412(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = record(client, auth(coach), trajectory, session_body())

    response = client.patch(
        created.headers["Location"],
        json={"minutes": 75},
        headers={**auth(coach), "If-Match": '"9"'},
    )

    assert response.status_code == 412


def test_session_is_deleted_with_if_match(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    created = record(client, auth(coach), trajectory, session_body())

    response = client.delete(
        created.headers["Location"], headers={**auth(coach), **if_match(created)}
    )

    assert response.status_code == 204
    assert sessions_stored(session) == 0
