from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.employment.models import Employer, Job, SupportInstrument, is_competitive
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.trajectories.models import Trajectory
from tests.employment.conftest import Auth, error_fields, if_match
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.employment import make_employer, make_job


def jobs_of(participant: Participant) -> str:
    return f"/api/v1/participants/{participant.id}/jobs"


def job_url(job: Job) -> str:
    return f"/api/v1/jobs/{job.id}"


def job_body(employer: Employer | None, **overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "employer_id": str(employer.id) if employer else None,
        "occupation": "Hulpkok",
        "start_date": "2025-04-01",
        "contract_type": "fixed_term",
        "hours_per_week": 24,
        "gross_hourly_wage": "14.85",
        "support_instrument": "individual_maatwerk",
        "disclosure": "disclosed",
    }
    body.update(overrides)
    return body


def job_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Job)) or 0


def test_mediator_records_a_job_for_a_participant(
    client: TestClient,
    auth: Auth,
    mediator: User,
    participant: Participant,
    trajectory: Trajectory,
    employer: Employer,
    session: Session,
) -> None:
    response = client.post(
        jobs_of(participant),
        json=job_body(employer, trajectory_id=str(trajectory.id)),
        headers=auth(mediator),
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["participant_id"] == str(participant.id)
    assert body["trajectory_id"] == str(trajectory.id)
    assert body["hours_per_week"] == 24
    assert Decimal(body["gross_hourly_wage"]) == Decimal("14.85")
    assert body["competitive"] is True
    assert response.headers["Location"] == f"/api/v1/jobs/{body['id']}"
    assert client.get(response.headers["Location"], headers=auth(mediator)).json() == body
    session.expire_all()
    stored = session.get(Job, uuid.UUID(body["id"]))
    assert stored is not None and stored.gross_hourly_wage == Decimal("14.85")


@pytest.mark.parametrize(
    ("instrument", "competitive"),
    [
        ("none", True),
        ("individual_maatwerk", True),
        ("vop_legacy", True),
        ("collective_maatwerk", False),
        ("lde_legacy", False),
        ("twe_art60", False),
    ],
)
def test_competitive_is_derived_from_the_support_instrument(
    client: TestClient,
    auth: Auth,
    mediator: User,
    participant: Participant,
    employer: Employer,
    instrument: str,
    competitive: bool,
) -> None:
    response = client.post(
        jobs_of(participant),
        json=job_body(employer, support_instrument=instrument),
        headers=auth(mediator),
    )

    assert response.status_code == 201, response.text
    assert response.json()["competitive"] is competitive


def test_every_support_instrument_has_a_competitive_answer() -> None:
    assert {is_competitive(i) for i in SupportInstrument} == {True, False}


def test_competitive_cannot_be_sent(
    client: TestClient, auth: Auth, mediator: User, participant: Participant, employer: Employer
) -> None:
    response = client.post(
        jobs_of(participant), json=job_body(employer, competitive=True), headers=auth(mediator)
    )

    assert response.status_code == 422
    assert error_fields(response) == {"competitive"}


def test_changing_the_instrument_changes_competitive(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    participant: Participant,
    employer: Employer,
) -> None:
    job = make_job(session, participant, employer)

    response = client.patch(
        job_url(job),
        json={"support_instrument": "collective_maatwerk"},
        headers={**auth(mediator), **if_match(job.version)},
    )

    assert response.status_code == 200, response.text
    assert response.json()["competitive"] is False


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("hours_per_week", 60.5),
        ("hours_per_week", -1),
        ("gross_hourly_wage", "200.01"),
        ("gross_hourly_wage", "14.555"),
        ("gross_hourly_wage", "NaN"),
        ("contract_type", "zero_hours"),
        ("support_instrument", "wep_plus"),
        ("disclosure", "maybe"),
        ("end_date", "2025-03-31"),
    ],
)
def test_values_out_of_range_are_422_on_their_field(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    participant: Participant,
    employer: Employer,
    field: str,
    value: object,
) -> None:
    response = client.post(
        jobs_of(participant), json=job_body(employer, **{field: value}), headers=auth(mediator)
    )

    assert response.status_code == 422
    assert error_fields(response) == {field}
    assert job_count(session) == 0


def test_an_employer_is_required_unless_self_employed(
    client: TestClient, auth: Auth, mediator: User, participant: Participant
) -> None:
    employed = client.post(jobs_of(participant), json=job_body(None), headers=auth(mediator))
    own_business = client.post(
        jobs_of(participant),
        json=job_body(None, contract_type="self_employed", support_instrument="none"),
        headers=auth(mediator),
    )

    assert employed.status_code == 422
    assert error_fields(employed) == {"employer_id"}
    assert own_business.status_code == 201, own_business.text


def test_trajectory_of_another_participant_is_422_on_trajectory_id(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    home: Organisation,
    participant: Participant,
    employer: Employer,
) -> None:
    someone_else = make_trajectory(session, make_participant(session, home))

    response = client.post(
        jobs_of(participant),
        json=job_body(employer, trajectory_id=str(someone_else.id)),
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"trajectory_id"}


def test_employer_of_another_organisation_is_422_on_employer_id(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    elsewhere: Organisation,
    participant: Participant,
) -> None:
    response = client.post(
        jobs_of(participant),
        json=job_body(make_employer(session, elsewhere)),
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"employer_id"}


def test_participant_lists_jobs_newest_first(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    home: Organisation,
    participant: Participant,
    employer: Employer,
) -> None:
    first = make_job(session, participant, employer, start_date=date(2023, 5, 1))
    latest = make_job(session, participant, employer, start_date=date(2025, 1, 6))
    make_job(session, make_participant(session, home))

    response = client.get(jobs_of(participant), headers=auth(mediator))

    assert [j["id"] for j in response.json()["items"]] == [str(latest.id), str(first.id)]


def test_ending_a_job_before_it_started_is_422_on_end_date(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    participant: Participant,
    employer: Employer,
) -> None:
    job = make_job(session, participant, employer, start_date=date(2025, 4, 1))

    response = client.patch(
        job_url(job),
        json={"end_date": "2025-03-01", "end_reason": "Faillissement"},
        headers={**auth(mediator), **if_match(job.version)},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"end_date"}


def test_ending_a_job_records_date_and_reason(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    participant: Participant,
    employer: Employer,
) -> None:
    job = make_job(session, participant, employer, start_date=date(2025, 4, 1))

    response = client.patch(
        job_url(job),
        json={"end_date": "2025-09-30", "end_reason": "Contract niet verlengd"},
        headers={**auth(mediator), **if_match(job.version)},
    )

    assert response.status_code == 200, response.text
    assert (response.json()["end_date"], response.json()["end_reason"]) == (
        "2025-09-30",
        "Contract niet verlengd",
    )
    assert response.headers["ETag"] == f'"{job.version + 1}"'


def test_patch_needs_a_current_if_match(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    participant: Participant,
    employer: Employer,
) -> None:
    job = make_job(session, participant, employer)

    missing = client.patch(job_url(job), json={"occupation": "Kok"}, headers=auth(mediator))
    stale = client.patch(
        job_url(job),
        json={"occupation": "Kok"},
        headers={**auth(mediator), **if_match(job.version + 1)},
    )

    assert (missing.status_code, stale.status_code) == (428, 412)


def test_manager_reads_jobs_but_may_not_record_them(
    client: TestClient,
    auth: Auth,
    manager: User,
    session: Session,
    participant: Participant,
    employer: Employer,
) -> None:
    job = make_job(session, participant, employer)

    read = client.get(job_url(job), headers=auth(manager))
    posted = client.post(jobs_of(participant), json=job_body(employer), headers=auth(manager))
    patched = client.patch(
        job_url(job), json={"occupation": "Kok"}, headers={**auth(manager), **if_match(read)}
    )

    assert read.status_code == 200
    assert (posted.status_code, patched.status_code) == (403, 403)


def test_another_organisation_gets_404_on_every_job_route(
    client: TestClient,
    auth: Auth,
    outsider: User,
    session: Session,
    participant: Participant,
    employer: Employer,
) -> None:
    job = make_job(session, participant, employer)
    headers = auth(outsider)

    responses = [
        client.get(jobs_of(participant), headers=headers),
        client.post(
            jobs_of(participant),
            json=job_body(None, contract_type="self_employed"),
            headers=headers,
        ),
        client.get(job_url(job), headers=headers),
        client.patch(
            job_url(job), json={"occupation": "Kok"}, headers={**headers, **if_match(job.version)}
        ),
    ]

    assert [r.status_code for r in responses] == [404] * 4
    assert job_count(session) == 1


def test_jobs_sort_only_on_start_date(
    client: TestClient, auth: Auth, mediator: User, participant: Participant
) -> None:
    response = client.get(jobs_of(participant), params={"sort": "wage"}, headers=auth(mediator))

    assert response.status_code == 422
    assert error_fields(response) == {"sort"}
