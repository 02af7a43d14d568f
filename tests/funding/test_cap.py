"""The funder pays at most 24 approved months per participant, across all their trajectories."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy.orm import Session

from app.auth.models import User
from app.core.dates import add_months
from app.funding.models import FunderDecision
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.trajectories.models import Trajectory
from app.trajectories.phases import Status
from tests.factories.case_files import make_participant
from tests.factories.funding import make_funder_month, make_trajectory_with_history
from tests.factories.progress import make_progress_log
from tests.funding.conftest import Auth, month_url, months_url

EARLIER_START = date(2021, 1, 4)


@pytest.fixture
def earlier_trajectory(session: Session, participant: Participant) -> Trajectory:
    """The same participant's earlier trajectory: 2021-01 to 2022-12, closed."""
    return make_trajectory_with_history(
        session,
        participant,
        [
            (Status.REFERRED, EARLIER_START),
            (Status.ACTIVE, EARLIER_START),
            (Status.CLOSED, date(2022, 12, 20)),
        ],
        framework_code="activation_trajectory",
    )


def approve_earlier_months(session: Session, trajectory: Trajectory, count: int) -> None:
    for n in range(count):
        make_funder_month(session, trajectory, add_months(EARLIER_START.replace(day=1), n))


def log_months(session: Session, trajectory: Trajectory, author: User, *months: int) -> None:
    for month in months:
        make_progress_log(session, trajectory, author.id, logged_on=date(2024, month, 8))


def approve(
    client: TestClient, auth: Auth, user: User, trajectory: Trajectory, month: str
) -> Response:
    return client.patch(
        month_url(trajectory, month),
        json={"decision": "approved"},
        headers={**auth(user), "If-Match": '"0"'},
    )


def test_the_24th_approval_passes_and_the_25th_is_refused(
    client: TestClient,
    auth: Auth,
    manager: User,
    coach: User,
    session: Session,
    earlier_trajectory: Trajectory,
    closed_trajectory: Trajectory,
) -> None:
    approve_earlier_months(session, earlier_trajectory, 23)
    log_months(session, closed_trajectory, coach, 2, 3)

    assert approve(client, auth, manager, closed_trajectory, "2024-02").status_code == 200
    refused = approve(client, auth, manager, closed_trajectory, "2024-03")

    assert refused.status_code == 409
    assert "at most 24" in refused.json()["detail"]
    summary = client.get(months_url(closed_trajectory), headers=auth(manager)).json()["summary"]
    assert summary["approved"] == 1
    assert summary["participant_approved"] == 24


def test_at_the_cap_a_month_can_still_be_rejected_or_re_approved(
    client: TestClient,
    auth: Auth,
    manager: User,
    coach: User,
    session: Session,
    earlier_trajectory: Trajectory,
    closed_trajectory: Trajectory,
) -> None:
    approve_earlier_months(session, earlier_trajectory, 23)
    log_months(session, closed_trajectory, coach, 2, 3)
    assert approve(client, auth, manager, closed_trajectory, "2024-02").status_code == 200

    # Changing the comment of an approved month does not approve a new month.
    again = client.patch(
        month_url(closed_trajectory, "2024-02"),
        json={"decision": "approved", "comment": "Nagekeken"},
        headers={**auth(manager), "If-Match": '"1"'},
    )
    rejected = client.patch(
        month_url(closed_trajectory, "2024-03"),
        json={"decision": "rejected", "comment": "Plafond bereikt"},
        headers={**auth(manager), "If-Match": '"0"'},
    )

    assert again.status_code == 200, again.text
    assert rejected.status_code == 200, rejected.text


def test_rejected_months_and_other_participants_do_not_count_toward_the_cap(
    client: TestClient,
    auth: Auth,
    manager: User,
    coach: User,
    session: Session,
    home: Organisation,
    earlier_trajectory: Trajectory,
    closed_trajectory: Trajectory,
) -> None:
    approve_earlier_months(session, earlier_trajectory, 22)
    make_funder_month(
        session, earlier_trajectory, date(2022, 11, 1), decision=FunderDecision.REJECTED
    )
    someone_else = make_trajectory_with_history(
        session,
        make_participant(session, home),
        [(Status.REFERRED, EARLIER_START), (Status.ACTIVE, EARLIER_START)],
    )
    for n in range(24):
        make_funder_month(session, someone_else, add_months(EARLIER_START.replace(day=1), n))
    log_months(session, closed_trajectory, coach, 2, 3)

    assert approve(client, auth, manager, closed_trajectory, "2024-02").status_code == 200
    assert approve(client, auth, manager, closed_trajectory, "2024-03").status_code == 200
