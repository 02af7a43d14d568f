"""Recording and withdrawing consents (what they open is tested in tests/access)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.consents.models import Consent
from app.core.config import Settings
from app.organisations.models import Organisation
from app.participants.models import Participant
from tests.clock import DaysFromToday, today, with_days_resolved
from tests.factories.case_files import make_participant
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers


@pytest.fixture
def org(session: Session) -> Organisation:
    return make_organisation(session)


@pytest.fixture
def partner(session: Session) -> Organisation:
    return make_organisation(session, name="GGZ Partner")


@pytest.fixture
def participant(session: Session, org: Organisation) -> Participant:
    return make_participant(session, org)


@pytest.fixture
def mediator(session: Session, org: Organisation) -> User:
    return make_user(session, org, role=Role.MEDIATOR)


def url(participant: Participant) -> str:
    return f"/api/v1/participants/{participant.id}/consents"


def body(partner: Organisation, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "receiving_organisation_id": str(partner.id),
        "purpose": "Samenwerking in het mini-team rond werk en welzijn",
        "data_classes": ["work", "care"],
        "given_on": (today() - timedelta(days=10)).isoformat(),
        "method": "written",
        "information_text_version": "2026-01",
    }
    values.update(overrides)
    return values


def test_a_consent_is_recorded_with_its_data_classes_and_is_active(
    client: TestClient,
    participant: Participant,
    partner: Organisation,
    mediator: User,
    settings: Settings,
) -> None:
    headers = token_headers(mediator, settings)
    response = client.post(url(participant), json=body(partner), headers=headers)
    assert response.status_code == 201, response.text
    consent = response.json()
    assert consent["data_classes"] == ["work", "care"]
    assert consent["active"] is True
    assert consent["receiving_organisation_name"] == "GGZ Partner"
    assert consent["recorded_by"] == str(mediator.id)
    assert response.headers["Location"].endswith(consent["id"])
    assert client.get(response.headers["Location"], headers=headers).json() == consent
    listed = client.get(url(participant), headers=headers).json()
    assert [c["id"] for c in listed] == [consent["id"]]


def test_an_expired_consent_is_listed_but_not_active(
    client: TestClient,
    participant: Participant,
    partner: Organisation,
    mediator: User,
    settings: Settings,
) -> None:
    headers = token_headers(mediator, settings)
    given = today() - timedelta(days=400)
    expired = body(
        partner,
        given_on=given.isoformat(),
        expires_on=(today() - timedelta(days=1)).isoformat(),
    )
    response = client.post(url(participant), json=expired, headers=headers)
    assert response.status_code == 201
    assert response.json()["active"] is False


def test_withdrawal_ends_the_consent_today_and_keeps_the_history(
    client: TestClient,
    participant: Participant,
    partner: Organisation,
    mediator: User,
    settings: Settings,
) -> None:
    headers = token_headers(mediator, settings)
    consent = client.post(url(participant), json=body(partner), headers=headers).json()
    response = client.post(
        f"{url(participant)}/{consent['id']}/withdraw",
        json={"reason": "Wil niet meer dat de GGZ meeleest"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    withdrawn = response.json()
    assert withdrawn["withdrawn_on"] == today().isoformat()
    assert withdrawn["withdrawn_by"] == str(mediator.id)
    assert withdrawn["active"] is False
    assert withdrawn["version"] == consent["version"] + 1
    again = client.post(f"{url(participant)}/{consent['id']}/withdraw", json={}, headers=headers)
    assert again.status_code == 409
    assert [c["id"] for c in client.get(url(participant), headers=headers).json()] == [
        consent["id"]
    ]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"data_classes": []}, "data_classes"),
        ({"data_classes": ["work", "work"]}, "data_classes"),
        ({"data_classes": ["health"]}, "data_classes.0"),
        ({"given_on": DaysFromToday(1)}, "given_on"),
        ({"expires_on": DaysFromToday(-30)}, "expires_on"),
        ({"method": "telepathy"}, "method"),
        ({"purpose": ""}, "purpose"),
        ({"information_text_version": "x" * 41}, "information_text_version"),
        ({"given_by": "representative"}, "representative_name"),
        ({"receiving_organisation_id": "00000000-0000-0000-0000-000000000001"}, None),
        ({"organisation_id": "00000000-0000-0000-0000-000000000001"}, "organisation_id"),
    ],
)
def test_bad_consents_are_refused_with_the_field_and_nothing_is_stored(
    client: TestClient,
    session: Session,
    participant: Participant,
    partner: Organisation,
    mediator: User,
    settings: Settings,
    overrides: dict[str, Any],
    field: str | None,
) -> None:
    response = client.post(
        url(participant),
        json=body(partner, **with_days_resolved(overrides)),
        headers=token_headers(mediator, settings),
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    fields = [e["field"] for e in response.json()["errors"]]
    assert (field or "receiving_organisation_id") in fields
    assert session.scalar(select(func.count()).select_from(Consent)) == 0


def test_withdrawal_before_the_consent_was_given_is_refused(
    client: TestClient,
    participant: Participant,
    partner: Organisation,
    mediator: User,
    settings: Settings,
) -> None:
    headers = token_headers(mediator, settings)
    consent = client.post(url(participant), json=body(partner), headers=headers).json()
    response = client.post(
        f"{url(participant)}/{consent['id']}/withdraw",
        json={"withdrawn_on": (today() - timedelta(days=20)).isoformat()},
        headers=headers,
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "withdrawn_on"


def test_another_organisation_cannot_see_or_record_consents(
    client: TestClient,
    session: Session,
    participant: Participant,
    partner: Organisation,
    settings: Settings,
) -> None:
    stranger = make_user(session, make_organisation(session), role=Role.MEDIATOR)
    headers = token_headers(stranger, settings)
    assert client.get(url(participant), headers=headers).status_code == 404
    assert client.post(url(participant), json=body(partner), headers=headers).status_code == 404


def test_a_role_without_participant_writes_cannot_record_a_consent(
    client: TestClient,
    session: Session,
    participant: Participant,
    partner: Organisation,
    org: Organisation,
    settings: Settings,
) -> None:
    admin = make_user(session, org, role=Role.ADMIN)
    response = client.post(
        url(participant), json=body(partner), headers=token_headers(admin, settings)
    )
    assert response.status_code == 404
