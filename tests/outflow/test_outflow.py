from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.core.errors import Conflict
from app.employment.models import Employer, Job
from app.employment.service import add_months
from app.organisations.models import Organisation
from app.outflow import service as outflow_service
from app.outflow.models import FollowUp, Outflow
from app.participants.models import Participant
from app.trajectories.models import PhaseChange, Trajectory
from app.trajectories.phases import Phase, Status
from tests.clock import DaysFromToday, today, with_days_resolved
from tests.employment.conftest import Auth, error_fields, if_match
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.employment import make_internship, make_job


def outflow_of(trajectory: Trajectory) -> str:
    return f"/api/v1/trajectories/{trajectory.id}/outflow"


def count(session: Session, model: Any) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def stored_trajectory(session: Session, trajectory: Trajectory) -> Trajectory:
    session.expire_all()
    found = session.get(Trajectory, trajectory.id)
    assert found is not None
    return found


def phase_changes(session: Session, trajectory: Trajectory) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(PhaseChange)
            .where(PhaseChange.trajectory_id == trajectory.id)
        )
        or 0
    )


@pytest.fixture
def job(session: Session, participant: Participant, employer: Employer) -> Job:
    return make_job(session, participant, employer)


def outflow_day() -> str:
    return (today() - timedelta(days=3)).isoformat()


def test_recording_a_paid_outflow_answers_201_and_moves_the_phase(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    trajectory: Trajectory,
    job: Job,
) -> None:
    before = phase_changes(session, trajectory)

    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "regular_job", "job_id": str(job.id)},
        headers=auth(mediator),
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["category"], body["job_id"], body["date"]) == (
        "regular_job",
        str(job.id),
        outflow_day(),
    )
    assert (body["paid"], body["ips_competitive"], body["counted_in_rates"]) == (True, True, True)
    assert response.headers["Location"] == outflow_of(trajectory)
    assert response.headers["ETag"] == f'"{body["version"]}"'
    moved = stored_trajectory(session, trajectory)
    assert (moved.phase, moved.phase_since.isoformat()) == (Phase.OUTFLOW, outflow_day())
    assert phase_changes(session, trajectory) == before + 1


def test_the_outflow_can_be_read_back_with_its_etag(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory
) -> None:
    recorded = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "drop_out"},
        headers=auth(mediator),
    )

    response = client.get(outflow_of(trajectory), headers=auth(mediator))

    assert response.status_code == 200
    assert response.json() == recorded.json()
    assert response.headers["ETag"] == recorded.headers["ETag"]


def test_trajectory_without_outflow_answers_404(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory
) -> None:
    assert client.get(outflow_of(trajectory), headers=auth(mediator)).status_code == 404


def test_a_paid_outflow_schedules_follow_ups_at_3_6_and_12_months(
    client: TestClient,
    auth: Auth,
    mediator: User,
    trajectory: Trajectory,
    job: Job,
) -> None:
    out_on = today() - timedelta(days=3)
    client.put(
        outflow_of(trajectory),
        json={"date": out_on.isoformat(), "category": "temp_agency", "job_id": str(job.id)},
        headers=auth(mediator),
    )

    response = client.get(
        f"/api/v1/trajectories/{trajectory.id}/follow-ups", headers=auth(mediator)
    )

    items = response.json()["items"]
    assert [(f["months_after"], f["due_on"]) for f in items] == [
        (3, add_months(out_on, 3).isoformat()),
        (6, add_months(out_on, 6).isoformat()),
        (12, add_months(out_on, 12).isoformat()),
    ]
    assert all(f["status"] is None and f["contacted_on"] is None for f in items)


def test_an_unpaid_outflow_schedules_no_follow_ups(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "back_to_care", "reason": "Opname"},
        headers=auth(mediator),
    )

    assert response.status_code == 201
    assert response.json()["paid"] is False
    assert count(session, FollowUp) == 0


@pytest.mark.parametrize(
    "category",
    [
        "regular_job",
        "regular_job_supported",
        "self_employed",
        "temp_agency",
        "collective_maatwerk",
        "local_service_economy",
        "temporary_work_experience",
    ],
)
def test_a_paid_outflow_without_a_job_is_422_on_job_id_and_writes_nothing(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    trajectory: Trajectory,
    category: str,
) -> None:
    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": category},
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"job_id"}
    assert count(session, Outflow) == 0
    assert stored_trajectory(session, trajectory).phase is Phase.PLACEMENT


def test_a_job_of_another_participant_is_422_on_job_id(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    home: Organisation,
    trajectory: Trajectory,
    employer: Employer,
) -> None:
    other_job = make_job(session, make_participant(session, home), employer)

    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "regular_job", "job_id": str(other_job.id)},
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"job_id"}


def test_an_unpaid_outflow_links_no_job(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory, job: Job
) -> None:
    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "volunteering", "job_id": str(job.id)},
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"job_id"}


def test_an_ibo_outflow_may_link_an_internship_of_this_trajectory(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    internship = make_internship(session, trajectory, type="ibo")

    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "ibo", "internship_id": str(internship.id)},
        headers=auth(mediator),
    )

    assert response.status_code == 201, response.text
    assert response.json()["internship_id"] == str(internship.id)
    assert response.json()["paid"] is False
    assert count(session, FollowUp) == 0


def test_an_internship_of_another_trajectory_or_category_is_422_on_internship_id(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    home: Organisation,
    trajectory: Trajectory,
) -> None:
    foreign = make_internship(session, make_trajectory(session, make_participant(session, home)))
    own = make_internship(session, trajectory)

    other_trajectory = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "ibo", "internship_id": str(foreign.id)},
        headers=auth(mediator),
    )
    wrong_category = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "drop_out", "internship_id": str(own.id)},
        headers=auth(mediator),
    )

    assert (other_trajectory.status_code, wrong_category.status_code) == (422, 422)
    assert error_fields(other_trajectory) == error_fields(wrong_category) == {"internship_id"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"category": "hired"}, "category"),
        ({"date": DaysFromToday(1)}, "date"),
        ({"reason": "x" * 1001}, "reason"),
        ({"phase": "outflow"}, "phase"),
    ],
)
def test_invalid_outflow_values_are_422_on_their_field(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    trajectory: Trajectory,
    body: dict[str, Any],
    field: str,
) -> None:
    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "drop_out", **with_days_resolved(body)},
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {field}
    assert count(session, Outflow) == 0


def test_an_outflow_before_the_trajectory_began_is_422_from_the_phase_machine(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    before = (trajectory.referred_on - timedelta(days=1)).isoformat()

    response = client.put(
        outflow_of(trajectory),
        json={"date": before, "category": "drop_out"},
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"date"}
    assert count(session, Outflow) == 0


def test_the_outflow_on_a_paused_trajectory_is_409_and_leaves_nothing_behind(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    participant: Participant,
    job: Job,
) -> None:
    paused = make_trajectory(session, participant, phase=Phase.PLACEMENT, status=Status.PAUSED)
    before = phase_changes(session, paused)

    response = client.put(
        outflow_of(paused),
        json={"date": outflow_day(), "category": "regular_job", "job_id": str(job.id)},
        headers=auth(mediator),
    )

    assert response.status_code == 409
    assert error_fields(response) == {"status"}
    assert count(session, Outflow) == 0
    assert count(session, FollowUp) == 0
    assert phase_changes(session, paused) == before
    assert stored_trajectory(session, paused).phase is Phase.PLACEMENT


def test_a_failure_after_the_phase_move_rolls_the_whole_outflow_back(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    trajectory: Trajectory,
    job: Job,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Outflow row, phase change and follow-ups are one transaction: all or nothing."""
    before = phase_changes(session, trajectory)

    def fail(*_: object) -> None:
        raise Conflict("scheduling failed")

    monkeypatch.setattr(outflow_service, "_schedule_follow_ups", fail)

    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "regular_job", "job_id": str(job.id)},
        headers=auth(mediator),
    )

    assert response.status_code == 409
    assert count(session, Outflow) == 0
    assert count(session, FollowUp) == 0
    assert phase_changes(session, trajectory) == before
    assert stored_trajectory(session, trajectory).phase is Phase.PLACEMENT


def test_a_closed_trajectory_cannot_get_an_outflow(
    client: TestClient, auth: Auth, mediator: User, session: Session, participant: Participant
) -> None:
    closed = make_trajectory(
        session, participant, status=Status.CLOSED, closed_on=today() - timedelta(days=1)
    )

    response = client.put(
        outflow_of(closed),
        json={"date": outflow_day(), "category": "moved"},
        headers=auth(mediator),
    )

    assert response.status_code == 409
    assert count(session, Outflow) == 0


def test_a_coach_may_not_record_the_outflow(
    client: TestClient, auth: Auth, coach: User, session: Session, trajectory: Trajectory
) -> None:
    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "drop_out"},
        headers=auth(coach),
    )

    assert response.status_code == 403
    assert count(session, Outflow) == 0


def test_a_coach_may_read_the_outflow(
    client: TestClient, auth: Auth, mediator: User, coach: User, trajectory: Trajectory
) -> None:
    client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "drop_out"},
        headers=auth(mediator),
    )

    assert client.get(outflow_of(trajectory), headers=auth(coach)).status_code == 200


def test_a_manager_may_record_the_outflow(
    client: TestClient, auth: Auth, manager: User, trajectory: Trajectory
) -> None:
    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "moved"},
        headers=auth(manager),
    )

    assert response.status_code == 201
    assert response.json()["counted_in_rates"] is False
    assert response.json()["ips_competitive"] is None


def test_another_organisation_gets_404_on_both_outflow_routes(
    client: TestClient,
    auth: Auth,
    mediator: User,
    outsider: User,
    session: Session,
    trajectory: Trajectory,
) -> None:
    client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "drop_out"},
        headers=auth(mediator),
    )

    read = client.get(outflow_of(trajectory), headers=auth(outsider))
    replace = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "moved"},
        headers={**auth(outsider), **if_match(1)},
    )
    missing = client.put(
        f"/api/v1/trajectories/{uuid.uuid4()}/outflow",
        json={"date": outflow_day(), "category": "moved"},
        headers=auth(mediator),
    )

    assert (read.status_code, replace.status_code, missing.status_code) == (404, 404, 404)
    assert client.get(outflow_of(trajectory), headers=auth(mediator)).json()["category"] == (
        "drop_out"
    )


# --- replacing ----------------------------------------------------------------------------


def test_replacing_the_outflow_needs_if_match(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory
) -> None:
    first = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "drop_out"},
        headers=auth(mediator),
    )

    missing = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "moved"},
        headers=auth(mediator),
    )
    stale = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "moved"},
        headers={**auth(mediator), **if_match(first.json()["version"] + 1)},
    )

    assert (missing.status_code, stale.status_code) == (428, 412)
    assert stale.json()["current_version"] == first.json()["version"]


def test_replacing_the_outflow_answers_200_without_a_second_phase_move(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    trajectory: Trajectory,
) -> None:
    first = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "drop_out"},
        headers=auth(mediator),
    )
    moves = phase_changes(session, trajectory)

    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "back_to_care", "reason": "Crisisopname"},
        headers={**auth(mediator), **if_match(first)},
    )

    assert response.status_code == 200, response.text
    assert "Location" not in response.headers
    assert response.json()["id"] == first.json()["id"]
    assert response.json()["category"] == "back_to_care"
    assert response.json()["version"] == first.json()["version"] + 1
    assert phase_changes(session, trajectory) == moves
    assert count(session, Outflow) == 1


def test_replacing_an_unpaid_outflow_with_a_paid_one_schedules_follow_ups(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    trajectory: Trajectory,
    job: Job,
) -> None:
    first = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "unknown"},
        headers=auth(mediator),
    )

    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "collective_maatwerk", "job_id": str(job.id)},
        headers={**auth(mediator), **if_match(first)},
    )

    assert response.status_code == 200, response.text
    assert (response.json()["paid"], response.json()["ips_competitive"]) == (True, False)
    assert count(session, FollowUp) == 3


def test_replacing_a_paid_outflow_with_an_unpaid_one_drops_open_scheduled_follow_ups(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    trajectory: Trajectory,
    job: Job,
) -> None:
    first = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "regular_job", "job_id": str(job.id)},
        headers=auth(mediator),
    )
    follow_ups = client.get(
        f"/api/v1/trajectories/{trajectory.id}/follow-ups", headers=auth(mediator)
    ).json()["items"]
    recorded = client.patch(
        f"/api/v1/follow-ups/{follow_ups[0]['id']}",
        json={
            "contacted_on": today().isoformat(),
            "status": "not_working",
            "source": "self_report",
        },
        headers={**auth(mediator), **if_match(follow_ups[0]["version"])},
    )
    assert recorded.status_code == 200, recorded.text

    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "drop_out"},
        headers={**auth(mediator), **if_match(first)},
    )

    assert response.status_code == 200, response.text
    remaining = client.get(
        f"/api/v1/trajectories/{trajectory.id}/follow-ups", headers=auth(mediator)
    ).json()["items"]
    assert [f["id"] for f in remaining] == [follow_ups[0]["id"]]


def test_replacing_a_paid_outflow_with_another_paid_one_keeps_the_schedule(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    participant: Participant,
    employer: Employer,
    trajectory: Trajectory,
    job: Job,
) -> None:
    second_job = make_job(session, participant, employer, occupation="Verkoper")
    first = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "regular_job", "job_id": str(job.id)},
        headers=auth(mediator),
    )

    response = client.put(
        outflow_of(trajectory),
        json={
            "date": outflow_day(),
            "category": "regular_job_supported",
            "job_id": str(second_job.id),
        },
        headers={**auth(mediator), **if_match(first)},
    )

    assert response.status_code == 200, response.text
    assert response.json()["job_id"] == str(second_job.id)
    assert count(session, FollowUp) == 3


def test_the_outflow_date_cannot_change_once_recorded(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory
) -> None:
    first = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "drop_out"},
        headers=auth(mediator),
    )

    response = client.put(
        outflow_of(trajectory),
        json={"date": today().isoformat(), "category": "drop_out"},
        headers={**auth(mediator), **if_match(first)},
    )

    assert response.status_code == 409
    assert error_fields(response) == {"date"}


def test_a_coach_may_not_replace_the_outflow_either(
    client: TestClient, auth: Auth, mediator: User, coach: User, trajectory: Trajectory
) -> None:
    first = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "drop_out"},
        headers=auth(mediator),
    )

    response = client.put(
        outflow_of(trajectory),
        json={"date": outflow_day(), "category": "moved"},
        headers={**auth(coach), **if_match(first)},
    )

    assert response.status_code == 403
