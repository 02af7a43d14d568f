from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.organisations.models import Organisation
from app.trajectories.models import Trajectory
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers


@pytest.fixture
def org(session: Session) -> Organisation:
    return make_organisation(session)


@pytest.fixture
def trajectory(session: Session, org: Organisation) -> Trajectory:
    return make_trajectory(session, make_participant(session, org))


@pytest.fixture
def counsellor(session: Session, org: Organisation) -> User:
    return make_user(session, org, role=Role.COUNSELLOR, bound_by_professional_secrecy=True)


def notes_url(trajectory: Trajectory) -> str:
    return f"/api/v1/trajectories/{trajectory.id}/notes"


def test_a_note_is_stored_with_its_chosen_visibility_and_author(
    client: TestClient, trajectory: Trajectory, counsellor: User, settings: Settings
) -> None:
    headers = token_headers(counsellor, settings)
    body = "Slaapt slecht sinds de medicatiewissel; <b>niet</b> doorgeven aan de werkvloer."
    created = client.post(
        notes_url(trajectory), json={"visibility": "care_internal", "body": body}, headers=headers
    )
    assert created.status_code == 201, created.text
    note = client.get(created.headers["location"], headers=headers).json()
    assert note["visibility"] == "care_internal"
    assert note["body"] == body  # stored as given; the SPA escapes on output
    assert note["author_id"] == str(counsellor.id)
    assert note["written_on"] == str(date.today())


def test_visibility_must_be_chosen(
    client: TestClient, trajectory: Trajectory, counsellor: User, settings: Settings
) -> None:
    response = client.post(
        notes_url(trajectory), json={"body": "x"}, headers=token_headers(counsellor, settings)
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "visibility"


def test_future_dates_and_oversized_bodies_are_refused(
    client: TestClient, trajectory: Trajectory, counsellor: User, settings: Settings
) -> None:
    headers = token_headers(counsellor, settings)
    future = str(date.today() + timedelta(days=1))
    assert (
        client.post(
            notes_url(trajectory),
            json={"visibility": "team", "body": "x", "written_on": future},
            headers=headers,
        ).status_code
        == 422
    )
    assert (
        client.post(
            notes_url(trajectory),
            json={"visibility": "team", "body": "x" * 20_001},
            headers=headers,
        ).status_code
        == 422
    )


def test_managers_get_no_notes(
    client: TestClient,
    session: Session,
    org: Organisation,
    trajectory: Trajectory,
    settings: Settings,
) -> None:
    manager = make_user(session, org, role=Role.MANAGER)
    assert (
        client.get(notes_url(trajectory), headers=token_headers(manager, settings)).status_code
        == 403
    )


def test_notes_of_another_organisation_are_404(
    client: TestClient,
    session: Session,
    trajectory: Trajectory,
    counsellor: User,
    settings: Settings,
) -> None:
    created = client.post(
        notes_url(trajectory),
        json={"visibility": "team", "body": "Goed gewerkt vandaag"},
        headers=token_headers(counsellor, settings),
    )
    outsider = make_user(session, make_organisation(session), role=Role.COUNSELLOR)
    outsider_headers = token_headers(outsider, settings)
    assert client.get(created.headers["location"], headers=outsider_headers).status_code == 404
    assert client.get(notes_url(trajectory), headers=outsider_headers).status_code == 404


def test_only_the_author_edits_and_with_if_match(
    client: TestClient,
    session: Session,
    org: Organisation,
    trajectory: Trajectory,
    counsellor: User,
    settings: Settings,
) -> None:
    headers = token_headers(counsellor, settings)
    url = client.post(
        notes_url(trajectory), json={"visibility": "team", "body": "Eerste versie"}, headers=headers
    ).headers["location"]
    colleague = make_user(session, org, role=Role.MEDIATOR)
    assert (
        client.patch(
            url,
            json={"body": "Overschreven"},
            headers={**token_headers(colleague, settings), "If-Match": '"1"'},
        ).status_code
        == 403
    )
    assert client.patch(url, json={"body": "Tweede"}, headers=headers).status_code == 428
    edited = client.patch(url, json={"body": "Tweede"}, headers={**headers, "If-Match": '"1"'})
    assert edited.json()["body"] == "Tweede"
    assert client.delete(url, headers={**headers, "If-Match": '"1"'}).status_code == 412
    assert client.delete(url, headers={**headers, "If-Match": '"2"'}).status_code == 204


def test_notes_are_listed_newest_first_and_filtered_by_visibility(
    client: TestClient, trajectory: Trajectory, counsellor: User, settings: Settings
) -> None:
    headers = token_headers(counsellor, settings)
    for days, visibility in ((3, "team"), (1, "care_shared"), (2, "team")):
        client.post(
            notes_url(trajectory),
            json={
                "visibility": visibility,
                "body": f"{days}",
                "written_on": str(date.today() - timedelta(days=days)),
            },
            headers=headers,
        )
    listed = client.get(notes_url(trajectory), headers=headers).json()["items"]
    assert [n["body"] for n in listed] == ["1", "2", "3"]
    team = client.get(notes_url(trajectory), params={"visibility": "team"}, headers=headers)
    assert [n["body"] for n in team.json()["items"]] == ["2", "3"]
    assert (
        client.get(
            notes_url(trajectory), params={"visibility": "secret"}, headers=headers
        ).status_code
        == 422
    )
