"""Realisation is derived from the status history and the logged actions, month by month."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import User
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.progress.models import AttendanceStatus, HalfDay
from app.trajectories.models import Trajectory
from app.trajectories.phases import Status
from tests.factories.case_files import make_participant
from tests.factories.employment import (
    make_employer,
    make_employer_contact,
    make_internship,
    make_job,
)
from tests.factories.funding import make_note, make_phase_change, make_trajectory_with_history
from tests.factories.organisations import make_work_floor
from tests.factories.progress import (
    make_activation_session,
    make_attendance,
    make_placement,
    make_progress_log,
)
from tests.funding.conftest import Auth, by_month, months_url

NO_ACTIONS = {
    "progress_logs": 0,
    "activation_sessions": 0,
    "attendance": 0,
    "internships_started": 0,
    "jobs_started": 0,
    "employer_contacts": 0,
    "notes": 0,
    "phase_changes": 0,
    "total": 0,
}


def funder_months(
    client: TestClient, auth: Auth, user: User, trajectory: Trajectory
) -> dict[str, Any]:
    response = client.get(months_url(trajectory), headers=auth(user))
    assert response.status_code == 200, response.text
    return response.json()


def test_months_run_from_the_first_active_day_to_the_closure(
    client: TestClient, auth: Auth, manager: User, closed_trajectory: Trajectory
) -> None:
    body = funder_months(client, auth, manager, closed_trajectory)

    # Referred in December 2023 (waiting list): the months start with the first active day.
    assert [item["month"] for item in body["items"]] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert all(item["active"] for item in body["items"])


def test_a_month_without_logged_actions_is_not_realised(
    client: TestClient,
    auth: Auth,
    manager: User,
    coach: User,
    closed_trajectory: Trajectory,
    session: Session,
) -> None:
    make_progress_log(session, closed_trajectory, coach.id, logged_on=date(2024, 2, 12))

    months = by_month(funder_months(client, auth, manager, closed_trajectory))

    assert months["2024-02"]["realised"] is True
    assert months["2024-02"]["actions"]["progress_logs"] == 1
    assert months["2024-03"]["active"] is True
    assert months["2024-03"]["actions"] == NO_ACTIONS
    assert months["2024-03"]["realised"] is False
    assert months["2024-03"]["decision"] is None
    assert months["2024-03"]["version"] == 0


def test_paused_months_are_not_active_even_with_actions(
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
            (Status.ACTIVE, date(2024, 1, 15)),
            (Status.PAUSED, date(2024, 2, 1)),  # paused from the first day of February
            (Status.ACTIVE, date(2024, 4, 10)),  # resumed mid-April
            (Status.PAUSED, date(2024, 5, 20)),  # paused mid-May: May was active before
            (Status.CLOSED, date(2024, 6, 30)),
        ],
    )
    for month in range(1, 7):
        make_progress_log(session, trajectory, coach.id, logged_on=date(2024, month, 25))

    months = by_month(funder_months(client, auth, manager, trajectory))

    assert {key: (m["active"], m["realised"]) for key, m in months.items()} == {
        "2024-01": (True, True),
        "2024-02": (False, False),
        "2024-03": (False, False),
        "2024-04": (True, True),
        "2024-05": (True, True),
        "2024-06": (False, False),
    }
    assert months["2024-03"]["actions"]["progress_logs"] == 1


def test_actions_of_every_kind_are_counted_in_their_month(
    client: TestClient,
    auth: Auth,
    manager: User,
    coach: User,
    home: Organisation,
    participant: Participant,
    closed_trajectory: Trajectory,
    session: Session,
) -> None:
    march = date(2024, 3, 5)
    make_progress_log(session, closed_trajectory, coach.id, logged_on=march)
    make_activation_session(session, closed_trajectory, held_on=march)
    make_activation_session(session, closed_trajectory, held_on=date(2024, 3, 28))
    placement = make_placement(
        session, closed_trajectory, make_work_floor(session, home), start_date=date(2024, 1, 15)
    )
    make_attendance(session, placement, on=march, half_day=HalfDay.AM, hours=Decimal("3"))
    make_attendance(session, placement, on=march, half_day=HalfDay.PM, hours=Decimal("2"))
    make_attendance(
        session, placement, on=date(2024, 3, 6), status=AttendanceStatus.SICK, hours=Decimal(0)
    )
    employer = make_employer(session, home)
    make_internship(session, closed_trajectory, employer_id=employer.id, start_date=march)
    make_job(session, participant, employer, trajectory_id=closed_trajectory.id, start_date=march)
    make_employer_contact(
        session, employer, coach, trajectories=[closed_trajectory], contacted_on=march
    )
    make_note(session, closed_trajectory, coach, on=march)
    make_phase_change(session, closed_trajectory, on=march)

    months = by_month(funder_months(client, auth, manager, closed_trajectory))

    assert months["2024-03"]["actions"] == {
        "progress_logs": 1,
        "activation_sessions": 2,
        "attendance": 2,  # half-days present; the sick mark is not an action
        "internships_started": 1,
        "jobs_started": 1,
        "employer_contacts": 1,
        "notes": 1,
        "phase_changes": 1,
        "total": 10,
    }
    assert months["2024-03"]["realised"] is True
    assert months["2024-02"]["actions"] == NO_ACTIONS


def test_records_of_other_trajectories_and_the_opening_phase_row_are_not_counted(
    client: TestClient,
    auth: Auth,
    manager: User,
    coach: User,
    home: Organisation,
    participant: Participant,
    closed_trajectory: Trajectory,
    session: Session,
) -> None:
    other = make_trajectory_with_history(
        session,
        make_participant(session, home),
        [(Status.REFERRED, date(2024, 1, 1)), (Status.ACTIVE, date(2024, 1, 2))],
    )
    make_progress_log(session, other, coach.id, logged_on=date(2024, 1, 20))
    employer = make_employer(session, home)
    make_employer_contact(
        session, employer, coach, trajectories=[other], contacted_on=date(2024, 1, 20)
    )
    # A job of the same participant that no trajectory led to.
    make_job(session, participant, employer, start_date=date(2024, 1, 20))

    months = by_month(funder_months(client, auth, manager, closed_trajectory))

    # The intake row written when the trajectory opened (15 January) justifies nothing.
    assert months["2024-01"]["actions"] == NO_ACTIONS
    assert months["2024-01"]["realised"] is False


def test_actions_fall_in_the_month_of_their_date_at_month_and_year_boundaries(
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
            (Status.REFERRED, date(2023, 12, 1)),
            (Status.ACTIVE, date(2023, 12, 31)),  # one active day in December
            (Status.CLOSED, date(2024, 3, 1)),  # closed on the first of March
        ],
    )
    make_progress_log(session, trajectory, coach.id, logged_on=date(2023, 12, 30))
    make_progress_log(session, trajectory, coach.id, logged_on=date(2023, 12, 31))
    make_progress_log(session, trajectory, coach.id, logged_on=date(2024, 1, 1))
    make_progress_log(session, trajectory, coach.id, logged_on=date(2024, 1, 31))
    make_progress_log(session, trajectory, coach.id, logged_on=date(2024, 2, 1))
    make_progress_log(session, trajectory, coach.id, logged_on=date(2024, 2, 29))
    make_progress_log(session, trajectory, coach.id, logged_on=date(2024, 3, 1))
    make_progress_log(session, trajectory, coach.id, logged_on=date(2024, 4, 1))  # after closure

    months = by_month(funder_months(client, auth, manager, trajectory))

    assert list(months) == ["2023-12", "2024-01", "2024-02", "2024-03"]
    assert [m["actions"]["progress_logs"] for m in months.values()] == [2, 2, 2, 1]
    assert months["2023-12"]["active"] is True
    # A status change takes effect on its date: closed on 1 March, so March had no active day.
    assert months["2024-03"]["active"] is False
    assert months["2024-03"]["realised"] is False


def test_a_trajectory_closed_mid_month_keeps_that_month(
    client: TestClient,
    auth: Auth,
    manager: User,
    coach: User,
    closed_trajectory: Trajectory,
    session: Session,
) -> None:
    # Closed on 10 April: a report written later that month is still dated in April.
    make_progress_log(session, closed_trajectory, coach.id, logged_on=date(2024, 4, 22))
    make_progress_log(session, closed_trajectory, coach.id, logged_on=date(2024, 5, 2))

    body = funder_months(client, auth, manager, closed_trajectory)

    april = body["items"][-1]
    assert april["month"] == "2024-04"
    assert (april["active"], april["realised"]) == (True, True)
    assert body["summary"]["months"] == 4
    assert body["summary"]["realised"] == 1


def test_a_trajectory_that_never_started_has_no_months(
    client: TestClient, auth: Auth, manager: User, participant: Participant, session: Session
) -> None:
    waiting = make_trajectory_with_history(
        session, participant, [(Status.REFERRED, date(2024, 1, 2))]
    )

    body = funder_months(client, auth, manager, waiting)

    assert body["items"] == []
    assert body["summary"]["months"] == 0


def test_an_open_trajectory_runs_to_the_current_month(
    client: TestClient, auth: Auth, manager: User, participant: Participant, session: Session
) -> None:
    today = date.today()
    start = date(today.year - 1, today.month, 1)
    trajectory = make_trajectory_with_history(
        session, participant, [(Status.REFERRED, start), (Status.ACTIVE, start)]
    )

    items = funder_months(client, auth, manager, trajectory)["items"]

    assert len(items) == 13
    assert items[0]["month"] == f"{start:%Y-%m}"
    assert items[-1]["month"] == f"{today:%Y-%m}"
    assert all(item["active"] for item in items)
