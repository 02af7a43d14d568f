from __future__ import annotations

import uuid
from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.employment.models import Employer, EmployerContact
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.trajectories.models import Trajectory
from tests.employment.conftest import Auth, error_fields, if_match
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.employment import make_employer, make_employer_contact
from tests.factories.users import make_user

CONTACTS = "/api/v1/employer-contacts"


def contact_body(employer: Employer, **overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "employer_id": str(employer.id),
        "contacted_on": (date.today() - timedelta(days=1)).isoformat(),
        "in_person": True,
        "purpose": "job_development",
        "summary": "Kennismaking met de zaakvoerder.\nTwee vacatures in de winkel.",
    }
    body.update(overrides)
    return body


def contact_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(EmployerContact)) or 0


def test_mediator_records_a_contact_made_by_themselves_by_default(
    client: TestClient, auth: Auth, mediator: User, employer: Employer, trajectory: Trajectory
) -> None:
    response = client.post(
        CONTACTS,
        json=contact_body(employer, trajectory_ids=[str(trajectory.id)]),
        headers=auth(mediator),
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["staff_id"] == str(mediator.id)
    assert body["trajectory_ids"] == [str(trajectory.id)]
    assert body["summary"].startswith("Kennismaking")
    assert response.headers["Location"] == f"{CONTACTS}/{body['id']}"
    assert client.get(response.headers["Location"], headers=auth(mediator)).json() == body


def test_contact_may_name_a_colleague_as_the_staff_member(
    client: TestClient, auth: Auth, mediator: User, coach: User, employer: Employer
) -> None:
    response = client.post(
        CONTACTS, json=contact_body(employer, staff_id=str(coach.id)), headers=auth(mediator)
    )

    assert response.status_code == 201
    assert response.json()["staff_id"] == str(coach.id)


def test_staff_member_of_another_organisation_is_422_on_staff_id(
    client: TestClient, auth: Auth, mediator: User, outsider: User, employer: Employer
) -> None:
    response = client.post(
        CONTACTS, json=contact_body(employer, staff_id=str(outsider.id)), headers=auth(mediator)
    )

    assert response.status_code == 422
    assert error_fields(response) == {"staff_id"}


def test_another_organisations_employer_is_422_on_employer_id(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    elsewhere: Organisation,
) -> None:
    foreign = make_employer(session, elsewhere)

    response = client.post(CONTACTS, json=contact_body(foreign), headers=auth(mediator))

    assert response.status_code == 422
    assert error_fields(response) == {"employer_id"}
    assert contact_count(session) == 0


def test_linking_a_trajectory_the_caller_cannot_see_is_422(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    elsewhere: Organisation,
    employer: Employer,
) -> None:
    hidden = make_trajectory(session, make_participant(session, elsewhere))

    response = client.post(
        CONTACTS,
        json=contact_body(employer, trajectory_ids=[str(hidden.id), str(uuid.uuid4())]),
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"trajectory_ids"}
    assert contact_count(session) == 0


def test_the_same_trajectory_twice_is_422(
    client: TestClient, auth: Auth, mediator: User, employer: Employer, trajectory: Trajectory
) -> None:
    response = client.post(
        CONTACTS,
        json=contact_body(employer, trajectory_ids=[str(trajectory.id)] * 2),
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"trajectory_ids"}


def test_future_contact_date_unknown_purpose_and_long_summary_are_422(
    client: TestClient, auth: Auth, mediator: User, employer: Employer
) -> None:
    response = client.post(
        CONTACTS,
        json=contact_body(
            employer,
            contacted_on=(date.today() + timedelta(days=1)).isoformat(),
            purpose="lunch",
            summary="x" * 2001,
        ),
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"contacted_on", "purpose", "summary"}


def test_unknown_field_is_422(
    client: TestClient, auth: Auth, mediator: User, employer: Employer
) -> None:
    response = client.post(
        CONTACTS,
        json=contact_body(employer, organisation_id=str(uuid.uuid4())),
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"organisation_id"}


def test_manager_may_not_record_a_contact(
    client: TestClient, auth: Auth, manager: User, employer: Employer
) -> None:
    response = client.post(CONTACTS, json=contact_body(employer), headers=auth(manager))

    assert response.status_code == 403


def test_list_filters_by_employer_staff_and_period(
    client: TestClient,
    auth: Auth,
    mediator: User,
    coach: User,
    session: Session,
    home: Organisation,
    employer: Employer,
) -> None:
    other = make_employer(session, home)
    today = date.today()
    make_employer_contact(session, employer, mediator, contacted_on=today - timedelta(days=40))
    recent = make_employer_contact(
        session, employer, mediator, contacted_on=today - timedelta(days=3)
    )
    by_coach = make_employer_contact(
        session, employer, coach, contacted_on=today - timedelta(days=2)
    )
    elsewhere_employer = make_employer_contact(session, other, mediator, contacted_on=today)

    def ids(**params: object) -> list[str]:
        response = client.get(CONTACTS, params=params, headers=auth(mediator))
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert ids(employer_id=str(other.id)) == [str(elsewhere_employer.id)]
    assert ids(staff_id=str(coach.id)) == [str(by_coach.id)]
    assert ids(
        employer_id=str(employer.id), **{"from": (today - timedelta(days=7)).isoformat()}
    ) == [
        str(by_coach.id),
        str(recent.id),
    ]
    assert len(ids(to=(today - timedelta(days=30)).isoformat())) == 1


def test_period_that_ends_before_it_starts_is_422_on_to(
    client: TestClient, auth: Auth, mediator: User
) -> None:
    response = client.get(
        CONTACTS, params={"from": "2025-05-01", "to": "2025-04-01"}, headers=auth(mediator)
    )

    assert response.status_code == 422
    assert error_fields(response) == {"to"}


def test_list_never_shows_another_organisations_contacts(
    client: TestClient,
    auth: Auth,
    mediator: User,
    outsider: User,
    session: Session,
    elsewhere: Organisation,
) -> None:
    make_employer_contact(session, make_employer(session, elsewhere), outsider)

    response = client.get(CONTACTS, headers=auth(mediator))

    assert response.json()["items"] == []


def test_trajectory_lists_the_contacts_about_it(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    employer: Employer,
    trajectory: Trajectory,
    participant: Participant,
) -> None:
    about = make_employer_contact(session, employer, mediator, trajectories=[trajectory])
    make_employer_contact(session, employer, mediator)

    response = client.get(
        f"/api/v1/trajectories/{trajectory.id}/employer-contacts", headers=auth(mediator)
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [str(about.id)]
    assert response.json()["items"][0]["trajectory_ids"] == [str(trajectory.id)]


def test_another_organisation_gets_404_on_every_contact_route(
    client: TestClient,
    auth: Auth,
    mediator: User,
    outsider: User,
    session: Session,
    employer: Employer,
    trajectory: Trajectory,
) -> None:
    contact = make_employer_contact(session, employer, mediator, trajectories=[trajectory])
    headers = auth(outsider)

    responses = [
        client.get(f"{CONTACTS}/{contact.id}", headers=headers),
        client.patch(
            f"{CONTACTS}/{contact.id}",
            json={"in_person": False},
            headers={**headers, **if_match(1)},
        ),
        client.get(f"/api/v1/trajectories/{trajectory.id}/employer-contacts", headers=headers),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404]


def test_patch_replaces_linked_trajectories_and_moves_the_version(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    employer: Employer,
    trajectory: Trajectory,
    home: Organisation,
) -> None:
    second = make_trajectory(session, make_participant(session, home))
    contact = make_employer_contact(session, employer, mediator, trajectories=[trajectory])
    url = f"{CONTACTS}/{contact.id}"
    read = client.get(url, headers=auth(mediator))

    response = client.patch(
        url,
        json={"trajectory_ids": [str(second.id), str(trajectory.id)], "summary": None},
        headers={**auth(mediator), **if_match(read)},
    )
    narrowed = client.patch(
        url,
        json={"trajectory_ids": [str(second.id)]},
        headers={**auth(mediator), **if_match(response)},
    )

    assert response.status_code == 200, response.text
    assert set(response.json()["trajectory_ids"]) == {str(trajectory.id), str(second.id)}
    assert response.json()["summary"] is None
    assert response.json()["version"] == read.json()["version"] + 1
    assert narrowed.status_code == 200, narrowed.text
    assert narrowed.json()["trajectory_ids"] == [str(second.id)]
    assert narrowed.json()["version"] == read.json()["version"] + 2


def test_patch_needs_if_match(
    client: TestClient, auth: Auth, mediator: User, session: Session, employer: Employer
) -> None:
    contact = make_employer_contact(session, employer, mediator)
    url = f"{CONTACTS}/{contact.id}"

    missing = client.patch(url, json={"in_person": False}, headers=auth(mediator))
    stale = client.patch(
        url, json={"in_person": False}, headers={**auth(mediator), **if_match(contact.version + 1)}
    )

    assert (missing.status_code, stale.status_code) == (428, 412)


def test_coach_of_another_organisation_cannot_be_named_later_either(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    elsewhere: Organisation,
    employer: Employer,
) -> None:
    stranger = make_user(session, elsewhere, role=Role.COACH)
    contact = make_employer_contact(session, employer, mediator)

    response = client.patch(
        f"{CONTACTS}/{contact.id}",
        json={"staff_id": str(stranger.id)},
        headers={**auth(mediator), **if_match(contact.version)},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"staff_id"}
