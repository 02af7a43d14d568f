"""A manager approves or rejects months that are over; every refusal answers problem+json."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.funding.models import FunderMonth
from app.participants.models import Participant
from app.progress.models import ProgressLog
from app.trajectories.models import Trajectory
from app.trajectories.phases import Status
from tests.factories.funding import make_trajectory_with_history
from tests.factories.progress import make_progress_log
from tests.funding.conftest import PROBLEM_JSON, Auth, by_month, error_fields, month_url, months_url

APPROVE = {"decision": "approved"}
FIRST = {"If-Match": '"0"'}


@pytest.fixture
def february_log(session: Session, coach: User, closed_trajectory: Trajectory) -> ProgressLog:
    """February 2024 is active and justified by one progress log."""
    return make_progress_log(session, closed_trajectory, coach.id, logged_on=date(2024, 2, 12))


def decide(
    client: TestClient,
    auth: Auth,
    user: User,
    trajectory: Trajectory,
    month: str,
    body: Mapping[str, object],
    headers: dict[str, str] | None = None,
) -> Response:
    return client.patch(
        month_url(trajectory, month),
        json=body,
        headers={**auth(user), **(FIRST if headers is None else headers)},
    )


def test_a_manager_approves_a_realised_month(
    client: TestClient,
    auth: Auth,
    manager: User,
    closed_trajectory: Trajectory,
    february_log: ProgressLog,
) -> None:
    response = decide(
        client, auth, manager, closed_trajectory, "2024-02", {**APPROVE, "comment": "OK"}
    )

    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"1"'
    month = response.json()
    assert month["decision"] == "approved"
    assert month["comment"] == "OK"
    assert month["decided_by"] == str(manager.id)
    assert month["decided_at"].endswith("Z")
    assert month["version"] == 1
    listed = client.get(months_url(closed_trajectory), headers=auth(manager)).json()
    assert by_month(listed)["2024-02"]["decision"] == "approved"
    assert listed["summary"]["approved"] == 1
    assert listed["summary"]["participant_approved"] == 1
    assert listed["summary"]["participant_cap"] == 24


def test_one_month_reads_back_with_its_etag(
    client: TestClient,
    auth: Auth,
    manager: User,
    closed_trajectory: Trajectory,
    february_log: ProgressLog,
) -> None:
    undecided = client.get(month_url(closed_trajectory, "2024-02"), headers=auth(manager))
    assert undecided.status_code == 200
    assert undecided.headers["ETag"] == '"0"'
    decide(client, auth, manager, closed_trajectory, "2024-02", APPROVE)

    decided = client.get(month_url(closed_trajectory, "2024-02"), headers=auth(manager))

    assert decided.headers["ETag"] == '"1"'
    assert decided.json()["decision"] == "approved"


def test_a_month_can_be_rejected_with_a_reason_and_approved_later(
    client: TestClient,
    auth: Auth,
    manager: User,
    closed_trajectory: Trajectory,
    february_log: ProgressLog,
) -> None:
    rejected = decide(
        client,
        auth,
        manager,
        closed_trajectory,
        "2024-02",
        {"decision": "rejected", "comment": "Verslag ontbreekt"},
    )
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["decision"] == "rejected"

    approved = decide(
        client, auth, manager, closed_trajectory, "2024-02", APPROVE, {"If-Match": '"1"'}
    )

    assert approved.status_code == 200, approved.text
    assert approved.headers["ETag"] == '"2"'
    assert approved.json()["comment"] is None


def test_a_month_without_actions_can_be_rejected(
    client: TestClient, auth: Auth, manager: User, closed_trajectory: Trajectory
) -> None:
    response = decide(
        client,
        auth,
        manager,
        closed_trajectory,
        "2024-03",
        {"decision": "rejected", "comment": "Geen acties"},
    )

    assert response.status_code == 200
    assert response.json()["realised"] is False


@pytest.mark.parametrize("comment", [None, "", "   "])
def test_rejecting_needs_a_comment(
    client: TestClient,
    auth: Auth,
    manager: User,
    closed_trajectory: Trajectory,
    comment: str | None,
) -> None:
    body: dict[str, object] = {"decision": "rejected"}
    if comment is not None:
        body["comment"] = comment

    response = decide(client, auth, manager, closed_trajectory, "2024-02", body)

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON
    assert error_fields(response) == {"comment"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"decision": "maybe"}, "decision"),
        ({}, "decision"),
        ({"decision": "approved", "realised": True}, "realised"),
        ({"decision": "approved", "comment": "x" * 2001}, "comment"),
    ],
)
def test_invalid_bodies_name_the_field(
    client: TestClient,
    auth: Auth,
    manager: User,
    closed_trajectory: Trajectory,
    body: Mapping[str, object],
    field: str,
) -> None:
    response = decide(client, auth, manager, closed_trajectory, "2024-02", body)

    assert response.status_code == 422
    assert field in error_fields(response)


def test_approving_a_month_without_actions_is_refused_with_the_reason(
    client: TestClient, auth: Auth, manager: User, closed_trajectory: Trajectory
) -> None:
    response = decide(client, auth, manager, closed_trajectory, "2024-03", APPROVE)

    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM_JSON
    assert "No action was logged" in response.json()["detail"]
    assert error_fields(response) == {"decision"}


def test_approving_a_month_the_trajectory_was_paused_is_refused_with_the_reason(
    client: TestClient,
    auth: Auth,
    manager: User,
    coach: User,
    participant: Participant,
    session: Session,
) -> None:
    trajectory = make_trajectory_with_history(
        session,
        participant,
        [
            (Status.REFERRED, date(2024, 1, 2)),
            (Status.ACTIVE, date(2024, 1, 2)),
            (Status.PAUSED, date(2024, 1, 20)),
            (Status.ACTIVE, date(2024, 3, 4)),
        ],
    )
    make_progress_log(session, trajectory, coach.id, logged_on=date(2024, 2, 14))

    response = decide(client, auth, manager, trajectory, "2024-02", APPROVE)

    assert response.status_code == 409
    assert "not active" in response.json()["detail"]


def test_the_current_and_future_months_cannot_be_decided(
    client: TestClient, auth: Auth, manager: User, participant: Participant, session: Session
) -> None:
    today = date.today()
    start = date(today.year - 1, today.month, 1)
    trajectory = make_trajectory_with_history(
        session, participant, [(Status.REFERRED, start), (Status.ACTIVE, start)]
    )
    future = date(today.year + 1, today.month, 1)

    for month in (today, future):
        response = decide(
            client,
            auth,
            manager,
            trajectory,
            f"{month:%Y-%m}",
            {"decision": "rejected", "comment": "Te vroeg"},
        )
        assert response.status_code == 409, response.text
        assert "not over yet" in response.json()["detail"]
        assert error_fields(response) == {"month"}


@pytest.mark.parametrize("month", ["2023-12", "2024-05", "1999-01"])
def test_months_outside_the_trajectory_are_not_found(
    client: TestClient, auth: Auth, manager: User, closed_trajectory: Trajectory, month: str
) -> None:
    # Referred in December 2023 but active only from January; closed in April.
    response = decide(
        client,
        auth,
        manager,
        closed_trajectory,
        month,
        {"decision": "rejected", "comment": "Buiten traject"},
    )
    assert response.status_code == 404
    read = client.get(month_url(closed_trajectory, month), headers=auth(manager))
    assert read.status_code == 404


@pytest.mark.parametrize("month", ["2024-13", "2024-00", "2024-1", "0000-01", "202402", "feb"])
def test_malformed_months_are_422_naming_month(
    client: TestClient, auth: Auth, manager: User, closed_trajectory: Trajectory, month: str
) -> None:
    response = decide(client, auth, manager, closed_trajectory, month, APPROVE)

    assert response.status_code == 422
    assert error_fields(response) == {"month"}
    assert client.get(month_url(closed_trajectory, month), headers=auth(manager)).status_code == 422


def test_if_match_is_required(
    client: TestClient,
    auth: Auth,
    manager: User,
    closed_trajectory: Trajectory,
    february_log: ProgressLog,
) -> None:
    response = decide(client, auth, manager, closed_trajectory, "2024-02", APPROVE, headers={})

    assert response.status_code == 428
    assert response.headers["content-type"] == PROBLEM_JSON


def test_a_never_decided_month_is_version_0(
    client: TestClient,
    auth: Auth,
    manager: User,
    closed_trajectory: Trajectory,
    february_log: ProgressLog,
) -> None:
    response = decide(
        client, auth, manager, closed_trajectory, "2024-02", APPROVE, {"If-Match": '"1"'}
    )

    assert response.status_code == 412
    assert response.json()["current_version"] == 0


def test_a_stale_version_is_refused_with_the_current_one(
    client: TestClient,
    auth: Auth,
    manager: User,
    closed_trajectory: Trajectory,
    february_log: ProgressLog,
    session: Session,
) -> None:
    assert decide(client, auth, manager, closed_trajectory, "2024-02", APPROVE).status_code == 200

    # A colleague still holding version 0 tries to reject.
    response = decide(
        client,
        auth,
        manager,
        closed_trajectory,
        "2024-02",
        {"decision": "rejected", "comment": "Te weinig"},
    )

    assert response.status_code == 412
    assert response.json()["current_version"] == 1
    stored = session.scalars(select(FunderMonth)).all()
    assert [row.decision.value for row in stored] == ["approved"]


def test_an_approved_month_whose_justification_was_removed_is_flagged(
    client: TestClient,
    auth: Auth,
    manager: User,
    closed_trajectory: Trajectory,
    february_log: ProgressLog,
    session: Session,
) -> None:
    assert decide(client, auth, manager, closed_trajectory, "2024-02", APPROVE).status_code == 200
    session.delete(session.get(ProgressLog, february_log.id))
    session.commit()

    body = client.get(months_url(closed_trajectory), headers=auth(manager)).json()

    february = by_month(body)["2024-02"]
    assert february["decision"] == "approved"
    assert february["realised"] is False
    assert february["approved_but_not_realised"] is True
    assert body["summary"]["approved_but_not_realised"] == 1
    assert not any(m["approved_but_not_realised"] for m in body["items"] if m is not february)
