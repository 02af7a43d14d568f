from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.employment.models import Employer, Internship
from app.organisations.models import Organisation
from app.outflow.categories import OutflowCategory
from app.trajectories.models import Trajectory
from tests.employment.conftest import Auth, error_fields, if_match
from tests.factories.employment import make_employer, make_internship, make_outflow


def internships_of(trajectory: Trajectory) -> str:
    return f"/api/v1/trajectories/{trajectory.id}/internships"


def internship_url(internship: Internship) -> str:
    return f"/api/v1/internships/{internship.id}"


def internship_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Internship)) or 0


def test_mediator_records_an_internship_with_a_host_employer(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory, employer: Employer
) -> None:
    response = client.post(
        internships_of(trajectory),
        json={
            "type": "work_experience",
            "employer_id": str(employer.id),
            "mentor_name": "Jan De Smet",
            "start_date": "2025-03-03",
            "end_date": "2025-08-31",
            "hours_per_week": 19.5,
        },
        headers=auth(mediator),
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["trajectory_id"] == str(trajectory.id)
    assert body["hours_per_week"] == 19.5
    assert body["result"] == "ongoing"
    assert response.headers["Location"] == f"/api/v1/internships/{body['id']}"
    assert client.get(response.headers["Location"], headers=auth(mediator)).json() == body


def test_trajectory_lists_its_internships_newest_first(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    old = make_internship(session, trajectory, start_date=date(2024, 1, 8))
    new = make_internship(session, trajectory, start_date=date(2025, 2, 3))

    response = client.get(internships_of(trajectory), headers=auth(mediator))

    assert [i["id"] for i in response.json()["items"]] == [str(new.id), str(old.id)]


@pytest.mark.parametrize("legacy_type", ["activation", "exploratory"])
def test_legacy_type_starting_in_2023_or_later_is_422_on_type(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory, legacy_type: str
) -> None:
    response = client.post(
        internships_of(trajectory),
        json={"type": legacy_type, "start_date": "2023-01-01"},
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"type"}


@pytest.mark.parametrize("legacy_type", ["activation", "exploratory"])
def test_legacy_type_is_accepted_for_an_internship_that_started_before_2023(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory, legacy_type: str
) -> None:
    response = client.post(
        internships_of(trajectory),
        json={"type": legacy_type, "start_date": "2022-12-31", "end_date": "2023-03-31"},
        headers=auth(mediator),
    )

    assert response.status_code == 201, response.text


def test_moving_a_legacy_internships_start_into_2023_is_422_on_type(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    internship = make_internship(
        session, trajectory, type="activation", start_date=date(2022, 11, 7)
    )

    response = client.patch(
        internship_url(internship),
        json={"start_date": "2023-02-01"},
        headers={**auth(mediator), **if_match(internship.version)},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"type"}


def test_work_experience_internship_of_exactly_six_months_is_accepted(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory
) -> None:
    response = client.post(
        internships_of(trajectory),
        json={"type": "work_experience", "start_date": "2025-01-01", "end_date": "2025-06-30"},
        headers=auth(mediator),
    )

    assert response.status_code == 201, response.text


def test_work_experience_internship_longer_than_six_months_is_422_on_end_date(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    response = client.post(
        internships_of(trajectory),
        json={"type": "work_experience", "start_date": "2025-01-01", "end_date": "2025-07-01"},
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"end_date"}
    assert "2025-06-30" in response.json()["errors"][0]["message"]
    assert internship_count(session) == 0


def test_other_internship_types_may_last_longer_than_six_months(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory
) -> None:
    response = client.post(
        internships_of(trajectory),
        json={"type": "ibo", "start_date": "2025-01-01", "end_date": "2025-12-31"},
        headers=auth(mediator),
    )

    assert response.status_code == 201


def test_extending_a_work_experience_internship_past_six_months_is_422(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    internship = make_internship(session, trajectory, start_date=date(2025, 1, 1))

    response = client.patch(
        internship_url(internship),
        json={"end_date": "2025-09-30"},
        headers={**auth(mediator), **if_match(internship.version)},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"end_date"}


def test_end_before_start_is_422_on_end_date_also_when_patched_alone(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    created = client.post(
        internships_of(trajectory),
        json={"type": "ibo", "start_date": "2025-03-01", "end_date": "2025-02-01"},
        headers=auth(mediator),
    )
    internship = make_internship(session, trajectory, type="ibo", start_date=date(2025, 3, 1))
    patched = client.patch(
        internship_url(internship),
        json={"end_date": "2025-02-01"},
        headers={**auth(mediator), **if_match(internship.version)},
    )

    assert (created.status_code, patched.status_code) == (422, 422)
    assert error_fields(created) == error_fields(patched) == {"end_date"}


def test_hours_above_40_and_unknown_result_are_422(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory
) -> None:
    response = client.post(
        internships_of(trajectory),
        json={
            "type": "bis",
            "start_date": "2025-03-01",
            "hours_per_week": 40.5,
            "result": "hired",
        },
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"hours_per_week", "result"}


def test_ending_early_needs_a_reason(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    internship = make_internship(session, trajectory)
    url = internship_url(internship)

    without = client.patch(
        url,
        json={"result": "ended_early"},
        headers={**auth(mediator), **if_match(internship.version)},
    )
    with_reason = client.patch(
        url,
        json={
            "result": "ended_early",
            "early_end_reason": "Te zwaar fysiek werk",
            "end_date": date.today().isoformat(),
        },
        headers={**auth(mediator), **if_match(internship.version)},
    )

    assert without.status_code == 422
    assert error_fields(without) == {"early_end_reason"}
    assert with_reason.status_code == 200, with_reason.text
    assert with_reason.json()["version"] == internship.version + 1


def test_host_employer_of_another_organisation_is_422_on_employer_id(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    trajectory: Trajectory,
    elsewhere: Organisation,
) -> None:
    response = client.post(
        internships_of(trajectory),
        json={
            "type": "ibo",
            "start_date": "2025-03-01",
            "employer_id": str(make_employer(session, elsewhere).id),
        },
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"employer_id"}


def test_manager_sees_internships_but_may_not_record_them(
    client: TestClient, auth: Auth, manager: User, session: Session, trajectory: Trajectory
) -> None:
    internship = make_internship(session, trajectory)

    listed = client.get(internships_of(trajectory), headers=auth(manager))
    posted = client.post(
        internships_of(trajectory),
        json={"type": "ibo", "start_date": "2025-03-01"},
        headers=auth(manager),
    )
    patched = client.patch(
        internship_url(internship),
        json={"mentor_name": "X"},
        headers={**auth(manager), **if_match(internship.version)},
    )
    deleted = client.delete(
        internship_url(internship), headers={**auth(manager), **if_match(internship.version)}
    )

    assert listed.status_code == 200
    assert [posted.status_code, patched.status_code, deleted.status_code] == [403, 403, 403]


def test_another_organisation_gets_404_on_every_internship_route(
    client: TestClient, auth: Auth, outsider: User, session: Session, trajectory: Trajectory
) -> None:
    internship = make_internship(session, trajectory)
    headers = auth(outsider)
    versioned = {**headers, **if_match(internship.version)}

    responses = [
        client.get(internships_of(trajectory), headers=headers),
        client.post(
            internships_of(trajectory),
            json={"type": "ibo", "start_date": "2025-03-01"},
            headers=headers,
        ),
        client.get(internship_url(internship), headers=headers),
        client.patch(internship_url(internship), json={"mentor_name": "X"}, headers=versioned),
        client.delete(internship_url(internship), headers=versioned),
    ]

    assert [r.status_code for r in responses] == [404] * 5
    assert internship_count(session) == 1


def test_delete_needs_if_match_and_removes_the_internship(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    internship = make_internship(session, trajectory)
    url = internship_url(internship)

    missing = client.delete(url, headers=auth(mediator))
    stale = client.delete(url, headers={**auth(mediator), **if_match(internship.version + 1)})
    deleted = client.delete(url, headers={**auth(mediator), **if_match(internship.version)})

    assert (missing.status_code, stale.status_code, deleted.status_code) == (428, 412, 204)
    assert client.get(url, headers=auth(mediator)).status_code == 404


def test_internship_linked_by_the_outflow_cannot_be_deleted(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    internship = make_internship(session, trajectory, type="ibo")
    make_outflow(session, trajectory, category=OutflowCategory.IBO, internship_id=internship.id)

    response = client.delete(
        internship_url(internship), headers={**auth(mediator), **if_match(internship.version)}
    )

    assert response.status_code == 409
    assert internship_count(session) == 1


def test_internships_of_a_missing_trajectory_are_404(
    client: TestClient, auth: Auth, mediator: User
) -> None:
    response = client.get(
        f"/api/v1/trajectories/{uuid.uuid4()}/internships", headers=auth(mediator)
    )

    assert response.status_code == 404


def test_a_planned_internship_may_start_in_the_future(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory
) -> None:
    response = client.post(
        internships_of(trajectory),
        json={"type": "duo_day", "start_date": (date.today() + timedelta(days=14)).isoformat()},
        headers=auth(mediator),
    )

    assert response.status_code == 201
