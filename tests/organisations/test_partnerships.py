from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.auth.models import Role, User
from app.core.config import Settings
from app.core.security import create_access_token
from app.organisations.models import (
    Organisation,
    OrganisationKind,
    PartnerRole,
    Partnership,
    PartnershipMember,
)
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user

PARTNERSHIPS = "/api/v1/partnerships"
PROBLEM_JSON = "application/problem+json"

Auth = Callable[[User], dict[str, str]]


@pytest.fixture
def auth(settings: Settings) -> Auth:
    """Bearer headers for a user without a login round trip (Argon2 is slow on purpose)."""

    def headers(user: User) -> dict[str, str]:
        return {"Authorization": f"Bearer {create_access_token(user.id, settings).token}"}

    return headers


@pytest.fixture
def lead(session: Session) -> Organisation:
    return make_organisation(session, name="Leidend Werkhuis", kind=OrganisationKind.WORK_CARE)


@pytest.fixture
def partner(session: Session) -> Organisation:
    return make_organisation(session, name="Zorgpartner", kind=OrganisationKind.CARE)


@pytest.fixture
def third(session: Session) -> Organisation:
    return make_organisation(session, name="Bemiddelaar", kind=OrganisationKind.MEDIATION)


@pytest.fixture
def lead_admin(session: Session, lead: Organisation) -> User:
    return make_user(session, lead, role=Role.ADMIN)


@pytest.fixture
def partner_admin(session: Session, partner: Organisation) -> User:
    return make_user(session, partner, role=Role.ADMIN)


def member(organisation: Organisation, role: str) -> dict[str, str]:
    return {"organisation_id": str(organisation.id), "partner_role": role}


def body_for(lead: Organisation, *members: dict[str, str], name: str = "Samen Sterk") -> Any:
    return {"name": name, "lead_organisation_id": str(lead.id), "members": list(members)}


def make_partnership(
    session: Session, lead: Organisation, *others: tuple[Organisation, PartnerRole]
) -> Partnership:
    partnership = Partnership(
        name=f"Verband {uuid.uuid4().hex[:8]}",
        lead_organisation_id=lead.id,
        members=[
            PartnershipMember(organisation_id=lead.id, partner_role=PartnerRole.WORK_CARE),
            *(PartnershipMember(organisation_id=o.id, partner_role=r) for o, r in others),
        ],
    )
    session.add(partnership)
    session.commit()
    return partnership


def partnership_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Partnership)) or 0


def stored_members(session: Session, partnership: Partnership) -> set[tuple[uuid.UUID, str]]:
    session.expire_all()
    found = session.scalar(
        select(Partnership)
        .options(selectinload(Partnership.members))
        .where(Partnership.id == partnership.id)
    )
    assert found is not None
    return {(m.organisation_id, m.partner_role.value) for m in found.members}


def error_fields(response: Any) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


# --- creating ------------------------------------------------------------------------------


def test_lead_organisations_admin_creates_a_partnership(
    client: TestClient,
    auth: Auth,
    lead_admin: User,
    lead: Organisation,
    partner: Organisation,
) -> None:
    response = client.post(
        PARTNERSHIPS,
        json=body_for(lead, member(lead, "work_care"), member(partner, "care")),
        headers=auth(lead_admin),
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["lead_organisation_id"] == str(lead.id)
    assert {(m["organisation_name"], m["partner_role"]) for m in body["members"]} == {
        ("Leidend Werkhuis", "work_care"),
        ("Zorgpartner", "care"),
    }
    assert response.headers["Location"] == f"{PARTNERSHIPS}/{body['id']}"
    assert response.headers["ETag"] == f'"{body["version"]}"'


def test_create_answers_the_partnership_exactly_as_a_read_returns_it(
    client: TestClient, auth: Auth, lead_admin: User, lead: Organisation, partner: Organisation
) -> None:
    headers = auth(lead_admin)
    created = client.post(
        PARTNERSHIPS,
        json=body_for(lead, member(lead, "work_care"), member(partner, "care")),
        headers=headers,
    )

    response = client.get(created.headers["Location"], headers=headers)

    assert response.status_code == 200
    assert response.json() == created.json()


def test_lead_missing_from_members_gets_422_on_lead_organisation_id(
    client: TestClient,
    auth: Auth,
    lead_admin: User,
    lead: Organisation,
    partner: Organisation,
    session: Session,
) -> None:
    response = client.post(
        PARTNERSHIPS, json=body_for(lead, member(partner, "care")), headers=auth(lead_admin)
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON
    assert error_fields(response) == {"lead_organisation_id"}
    assert partnership_count(session) == 0


def test_same_organisation_twice_gets_422(
    client: TestClient,
    auth: Auth,
    lead_admin: User,
    lead: Organisation,
    partner: Organisation,
    session: Session,
) -> None:
    response = client.post(
        PARTNERSHIPS,
        json=body_for(
            lead, member(lead, "work_care"), member(partner, "care"), member(partner, "mediation")
        ),
        headers=auth(lead_admin),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"members"}
    assert partnership_count(session) == 0


def test_unknown_member_organisation_gets_422(
    client: TestClient, auth: Auth, lead_admin: User, lead: Organisation, session: Session
) -> None:
    ghost = str(uuid.uuid4())

    response = client.post(
        PARTNERSHIPS,
        json=body_for(
            lead,
            member(lead, "work_care"),
            {"organisation_id": ghost, "partner_role": "care"},
        ),
        headers=auth(lead_admin),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"members"}
    assert partnership_count(session) == 0


@pytest.mark.parametrize(
    "members",
    [
        [],
        [{"organisation_id": "not-a-uuid", "partner_role": "care"}],
        [{"organisation_id": str(uuid.UUID(int=1)), "partner_role": "funder"}],
        [{"organisation_id": str(uuid.UUID(int=1)), "partner_role": "care", "extra": 1}],
    ],
)
def test_malformed_member_list_gets_422(
    client: TestClient,
    auth: Auth,
    lead_admin: User,
    lead: Organisation,
    session: Session,
    members: list[dict[str, Any]],
) -> None:
    response = client.post(
        PARTNERSHIPS,
        json={"name": "Fout", "lead_organisation_id": str(lead.id), "members": members},
        headers=auth(lead_admin),
    )

    assert response.status_code == 422
    assert all(field.startswith("members") for field in error_fields(response))
    assert partnership_count(session) == 0


def test_admin_of_a_member_that_is_not_the_lead_gets_403(
    client: TestClient,
    auth: Auth,
    partner_admin: User,
    lead: Organisation,
    partner: Organisation,
    session: Session,
) -> None:
    response = client.post(
        PARTNERSHIPS,
        json=body_for(lead, member(lead, "work_care"), member(partner, "care")),
        headers=auth(partner_admin),
    )

    assert response.status_code == 403
    assert partnership_count(session) == 0


def test_coach_of_the_lead_organisation_gets_403(
    client: TestClient, auth: Auth, lead: Organisation, session: Session
) -> None:
    coach = make_user(session, lead, role=Role.COACH)

    response = client.post(
        PARTNERSHIPS, json=body_for(lead, member(lead, "work_care")), headers=auth(coach)
    )

    assert response.status_code == 403
    assert partnership_count(session) == 0


def test_duplicate_partnership_name_gets_409(
    client: TestClient, auth: Auth, lead_admin: User, lead: Organisation, session: Session
) -> None:
    existing = make_partnership(session, lead)

    response = client.post(
        PARTNERSHIPS,
        json=body_for(lead, member(lead, "work_care"), name=existing.name),
        headers=auth(lead_admin),
    )

    assert response.status_code == 409
    assert error_fields(response) == {"name"}
    assert partnership_count(session) == 1


# --- reading -------------------------------------------------------------------------------


def test_list_shows_member_organisation_names(
    client: TestClient,
    auth: Auth,
    lead: Organisation,
    partner: Organisation,
    third: Organisation,
    session: Session,
) -> None:
    make_partnership(session, lead, (partner, PartnerRole.CARE), (third, PartnerRole.MEDIATION))
    coach = make_user(session, partner, role=Role.COACH)

    response = client.get(PARTNERSHIPS, headers=auth(coach))

    assert response.status_code == 200, response.text
    [item] = response.json()["items"]
    assert {m["organisation_name"] for m in item["members"]} == {
        "Leidend Werkhuis",
        "Zorgpartner",
        "Bemiddelaar",
    }
    assert response.json()["total"] == 1


def test_partnerships_page_by_cursor_in_name_order(
    client: TestClient, auth: Auth, lead: Organisation, session: Session
) -> None:
    made = sorted(make_partnership(session, lead).name for _ in range(3))
    coach = make_user(session, lead, role=Role.COACH)
    headers = auth(coach)

    first = client.get(PARTNERSHIPS, params={"limit": 2}, headers=headers).json()
    second = client.get(
        PARTNERSHIPS, params={"limit": 2, "cursor": first["next_cursor"]}, headers=headers
    ).json()

    assert [p["name"] for p in first["items"] + second["items"]] == made
    assert second["next_cursor"] is None


def test_get_unknown_partnership_gets_404(client: TestClient, auth: Auth, lead_admin: User) -> None:
    response = client.get(f"{PARTNERSHIPS}/{uuid.uuid4()}", headers=auth(lead_admin))

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON


def test_listing_without_token_gets_401(client: TestClient) -> None:
    response = client.get(PARTNERSHIPS)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


# --- updating ------------------------------------------------------------------------------


def test_updating_members_replaces_them_and_bumps_the_version(
    client: TestClient,
    auth: Auth,
    lead_admin: User,
    lead: Organisation,
    partner: Organisation,
    third: Organisation,
    session: Session,
) -> None:
    partnership = make_partnership(session, lead, (partner, PartnerRole.CARE))

    response = client.patch(
        f"{PARTNERSHIPS}/{partnership.id}",
        json={"members": [member(lead, "work_care"), member(third, "mediation")]},
        headers={**auth(lead_admin), "If-Match": f'"{partnership.version}"'},
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["version"] == partnership.version + 1
    assert response.headers["ETag"] == f'"{partnership.version + 1}"'
    assert {(m["organisation_name"], m["partner_role"]) for m in body["members"]} == {
        ("Leidend Werkhuis", "work_care"),
        ("Bemiddelaar", "mediation"),
    }
    assert stored_members(session, partnership) == {
        (lead.id, "work_care"),
        (third.id, "mediation"),
    }


def test_updating_a_members_role_keeps_the_same_organisations(
    client: TestClient,
    auth: Auth,
    lead_admin: User,
    lead: Organisation,
    partner: Organisation,
    session: Session,
) -> None:
    partnership = make_partnership(session, lead, (partner, PartnerRole.CARE))

    response = client.patch(
        f"{PARTNERSHIPS}/{partnership.id}",
        json={"members": [member(lead, "work_care"), member(partner, "empowerment")]},
        headers={**auth(lead_admin), "If-Match": f'"{partnership.version}"'},
    )

    assert response.status_code == 200, response.text
    assert stored_members(session, partnership) == {
        (lead.id, "work_care"),
        (partner.id, "empowerment"),
    }


def test_renaming_a_partnership_bumps_the_version(
    client: TestClient, auth: Auth, lead_admin: User, lead: Organisation, session: Session
) -> None:
    partnership = make_partnership(session, lead)

    response = client.patch(
        f"{PARTNERSHIPS}/{partnership.id}",
        json={"name": "Nieuwe Naam"},
        headers={**auth(lead_admin), "If-Match": f'"{partnership.version}"'},
    )

    assert response.status_code == 200, response.text
    assert (response.json()["name"], response.json()["version"]) == ("Nieuwe Naam", 2)
    assert len(response.json()["members"]) == 1


def test_update_dropping_the_lead_from_members_gets_422_and_changes_nothing(
    client: TestClient,
    auth: Auth,
    lead_admin: User,
    lead: Organisation,
    partner: Organisation,
    session: Session,
) -> None:
    partnership = make_partnership(session, lead, (partner, PartnerRole.CARE))
    before = stored_members(session, partnership)

    response = client.patch(
        f"{PARTNERSHIPS}/{partnership.id}",
        json={"members": [member(partner, "care")]},
        headers={**auth(lead_admin), "If-Match": f'"{partnership.version}"'},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"lead_organisation_id"}
    assert stored_members(session, partnership) == before


def test_update_setting_the_name_to_null_gets_422_on_name(
    client: TestClient, auth: Auth, lead_admin: User, lead: Organisation, session: Session
) -> None:
    partnership = make_partnership(session, lead)

    response = client.patch(
        f"{PARTNERSHIPS}/{partnership.id}",
        json={"name": None},
        headers={**auth(lead_admin), "If-Match": f'"{partnership.version}"'},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"name"}


def test_update_without_if_match_gets_428(
    client: TestClient, auth: Auth, lead_admin: User, lead: Organisation, session: Session
) -> None:
    partnership = make_partnership(session, lead)

    response = client.patch(
        f"{PARTNERSHIPS}/{partnership.id}", json={"name": "Nieuw"}, headers=auth(lead_admin)
    )

    assert response.status_code == 428


def test_update_with_stale_if_match_gets_412_and_changes_nothing(
    client: TestClient,
    auth: Auth,
    lead_admin: User,
    lead: Organisation,
    partner: Organisation,
    session: Session,
) -> None:
    partnership = make_partnership(session, lead, (partner, PartnerRole.CARE))
    partnership.name = "Door iemand anders"  # version 1 → 2
    session.commit()
    before = stored_members(session, partnership)

    response = client.patch(
        f"{PARTNERSHIPS}/{partnership.id}",
        json={"members": [member(lead, "work_care")]},
        headers={**auth(lead_admin), "If-Match": '"1"'},
    )

    assert response.status_code == 412
    assert response.json()["current_version"] == 2
    assert stored_members(session, partnership) == before


def test_admin_of_a_non_lead_member_gets_403_on_update(
    client: TestClient,
    auth: Auth,
    partner_admin: User,
    lead: Organisation,
    partner: Organisation,
    session: Session,
) -> None:
    partnership = make_partnership(session, lead, (partner, PartnerRole.CARE))
    before = stored_members(session, partnership)

    response = client.patch(
        f"{PARTNERSHIPS}/{partnership.id}",
        json={"lead_organisation_id": str(partner.id)},
        headers={**auth(partner_admin), "If-Match": f'"{partnership.version}"'},
    )

    assert response.status_code == 403
    assert stored_members(session, partnership) == before  # also reloads the partnership
    assert partnership.lead_organisation_id == lead.id


def test_update_of_unknown_partnership_gets_404(
    client: TestClient, auth: Auth, lead_admin: User
) -> None:
    response = client.patch(
        f"{PARTNERSHIPS}/{uuid.uuid4()}",
        json={"name": "Nieuw"},
        headers={**auth(lead_admin), "If-Match": '"1"'},
    )

    assert response.status_code == 404
