"""Rectification through the normal edits, with history: every PATCH of a participant keeps
what each changed field held before, for the staff who read the full record and in the
person's own export."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.organisations.models import Organisation
from app.participants.models import Participant
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers

PARTICIPANTS = "/api/v1/participants"


@pytest.fixture
def org(session: Session) -> Organisation:
    return make_organisation(session, name="De Werkplaats")


@pytest.fixture
def mediator(session: Session, org: Organisation) -> User:
    return make_user(session, org, role=Role.MEDIATOR, name="Mira Bemiddelaar")


@pytest.fixture
def participant(session: Session, org: Organisation) -> Participant:
    return make_participant(
        session,
        org,
        first_name="Pieter",
        last_name="Janssens",
        birth_date=date(1988, 4, 12),
        email="pieter@example.org",
        target_psychological=True,
    )


def edit(
    client: TestClient,
    participant: Participant,
    headers: dict[str, str],
    version: int,
    **body: object,
) -> None:
    response = client.patch(
        f"{PARTICIPANTS}/{participant.id}",
        json=body,
        headers={**headers, "If-Match": f'"{version}"'},
    )
    assert response.status_code == 200, response.text


def history(client: TestClient, participant: Participant, headers: dict[str, str]) -> list[dict]:
    response = client.get(f"{PARTICIPANTS}/{participant.id}/changes", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_an_edit_keeps_what_each_changed_field_held_before(
    client: TestClient, settings: Settings, mediator: User, participant: Participant
) -> None:
    headers = token_headers(mediator, settings)
    edit(client, participant, headers, 1, last_name="Janssens-Peeters", email=None)
    edit(client, participant, headers, 2, birth_date="1988-04-21", target_groups=["social"])

    changes = history(client, participant, headers)

    def rows(edit: list[dict]) -> set[tuple[str, str | None, str | None]]:
        return {(c["field"], c["old_value"], c["new_value"]) for c in edit}

    # Newest first: the second edit's two fields, then the first edit's.
    assert rows(changes[:2]) == {
        ("birth_date", "1988-04-12", "1988-04-21"),
        ("target_groups", "psychological", "social"),
    }
    assert rows(changes[2:]) == {
        ("last_name", "Janssens", "Janssens-Peeters"),
        ("email", "pieter@example.org", None),
    }
    assert {c["changed_by"] for c in changes} == {str(mediator.id)}
    assert {c["changed_by_name"] for c in changes} == {"Mira Bemiddelaar"}
    assert changes[0]["changed_at"] >= changes[-1]["changed_at"]


def test_a_field_sent_with_its_own_value_leaves_no_history(
    client: TestClient, settings: Settings, mediator: User, participant: Participant
) -> None:
    headers = token_headers(mediator, settings)
    edit(client, participant, headers, 1, first_name="Pieter", email="pieter@example.org")

    assert history(client, participant, headers) == []


def test_coaches_get_403_and_other_organisations_404(
    client: TestClient,
    session: Session,
    settings: Settings,
    org: Organisation,
    mediator: User,
    participant: Participant,
) -> None:
    coach = make_user(session, org, role=Role.COACH)
    add_team_member(session, make_trajectory(session, participant), coach)
    stranger = make_user(session, make_organisation(session, name="Elders"), role=Role.MEDIATOR)
    url = f"{PARTICIPANTS}/{participant.id}/changes"

    coach_answer = client.get(url, headers=token_headers(coach, settings))
    stranger_answer = client.get(url, headers=token_headers(stranger, settings))
    missing = client.get(
        f"{PARTICIPANTS}/{mediator.id}/changes", headers=token_headers(stranger, settings)
    )

    assert coach_answer.status_code == 403  # sees the participant, not their old INSZ
    assert stranger_answer.status_code == 404
    assert stranger_answer.json() == missing.json()
