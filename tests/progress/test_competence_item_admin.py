"""Beheer of competence items: admins add and edit their organisation's items, platform admins
the default set; nothing is ever deleted (progress scores point at their item)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.auth.models import Role, User
from app.organisations.models import Organisation
from app.progress.models import CompetenceItem, ProgressScore, default_competence_item_rows
from app.trajectories.models import Trajectory
from tests.clock import today
from tests.factories.progress import make_competence_item
from tests.progress.support import API, PROBLEM_JSON, Auth, error_fields, if_match

ITEMS = f"{API}/competence-items"


@pytest.fixture
def admin(session: Session, home: Organisation) -> User:
    from tests.factories.users import make_user

    return make_user(session, home, role=Role.ADMIN)


@pytest.fixture
def other_admin(session: Session, elsewhere: Organisation) -> User:
    from tests.factories.users import make_user

    return make_user(session, elsewhere, role=Role.ADMIN)


@pytest.fixture
def platform_admin(session: Session) -> User:
    from tests.factories.organisations import make_organisation
    from tests.factories.users import make_user

    return make_user(
        session,
        make_organisation(session, name="Werkpad beheer"),
        role=Role.ADMIN,
        is_platform_admin=True,
    )


@pytest.fixture(autouse=True)
def _default_set_as_seeded(session: Session) -> Iterator[None]:
    """The harness keeps the seeded default set between tests: put it back as seeded."""
    yield
    session.rollback()
    seeded = {row["id"]: row for row in default_competence_item_rows()}
    session.execute(
        delete(CompetenceItem).where(
            CompetenceItem.organisation_id.is_(None), CompetenceItem.id.not_in(list(seeded))
        )
    )
    for row in seeded.values():
        session.execute(update(CompetenceItem).where(CompetenceItem.id == row["id"]).values(**row))
    session.commit()


def new_item(**extra: object) -> dict[str, object]:
    body: dict[str, object] = {
        "code": "customer_contact",
        "name_nl": "Klantencontact",
        "name_en": "Customer contact",
    }
    body.update(extra)
    return body


def codes(client: TestClient, headers: dict[str, str], **query: object) -> list[str]:
    response = client.get(ITEMS, params=query, headers=headers)
    assert response.status_code == 200
    return [item["code"] for item in response.json()]


def _default_count(session: Session) -> int:
    query = select(func.count()).where(CompetenceItem.organisation_id.is_(None))
    return session.scalar(query) or 0


# --- adding -------------------------------------------------------------------------------


def test_an_admins_first_item_keeps_the_default_set_as_the_organisations_own(
    client: TestClient, auth: Auth, session: Session, home: Organisation, admin: User, coach: User
) -> None:
    defaults = codes(client, auth(coach))
    assert len(defaults) == 12

    response = client.post(ITEMS, json=new_item(), headers=auth(admin))

    assert response.status_code == 201, response.text
    created = response.json()
    assert created["organisation_id"] == str(home.id)
    assert created["code"] == "customer_contact"
    assert created["sort_order"] == 13  # after the last
    assert created["is_active"] is True
    assert response.headers["ETag"] == f'"{created["version"]}"'
    assert response.headers["Location"].endswith(created["id"])
    # The coach's progress logs now score the twelve (as the organisation's own) and the new one.
    assert codes(client, auth(coach)) == [*defaults, "customer_contact"]
    own = session.scalars(
        select(CompetenceItem.code).where(CompetenceItem.organisation_id == home.id)
    ).all()
    assert len(own) == 13
    assert _default_count(session) == 12  # the default set itself is untouched


def test_a_second_item_does_not_copy_the_defaults_again(
    client: TestClient, auth: Auth, session: Session, home: Organisation, admin: User
) -> None:
    assert client.post(ITEMS, json=new_item(), headers=auth(admin)).status_code == 201
    second = client.post(
        ITEMS, json=new_item(code="kitchen_hygiene", sort_order=0), headers=auth(admin)
    )
    assert second.status_code == 201
    assert codes(client, auth(admin))[0] == "kitchen_hygiene"
    count = select(func.count()).where(CompetenceItem.organisation_id == home.id)
    assert session.scalar(count) == 14


def test_an_organisation_with_its_own_set_is_not_given_the_defaults(
    client: TestClient, auth: Auth, session: Session, home: Organisation, admin: User
) -> None:
    make_competence_item(session, home, "own_one")
    assert client.post(ITEMS, json=new_item(), headers=auth(admin)).status_code == 201
    assert codes(client, auth(admin)) == ["own_one", "customer_contact"]


def test_a_platform_admin_adds_to_the_default_set(
    client: TestClient, auth: Auth, session: Session, platform_admin: User, coach: User
) -> None:
    response = client.post(ITEMS, json=new_item(), headers=auth(platform_admin))
    assert response.status_code == 201, response.text
    assert response.json()["organisation_id"] is None
    assert _default_count(session) == 13
    assert codes(client, auth(coach))[-1] == "customer_contact"


def test_a_platform_admin_may_add_to_a_named_organisation(
    client: TestClient, auth: Auth, home: Organisation, platform_admin: User, coach: User
) -> None:
    response = client.post(
        ITEMS, json=new_item(organisation_id=str(home.id)), headers=auth(platform_admin)
    )
    assert response.status_code == 201
    assert response.json()["organisation_id"] == str(home.id)
    assert "customer_contact" in codes(client, auth(coach))


def test_an_admin_may_not_add_to_another_organisation(
    client: TestClient, auth: Auth, session: Session, elsewhere: Organisation, admin: User
) -> None:
    response = client.post(
        ITEMS, json=new_item(organisation_id=str(elsewhere.id)), headers=auth(admin)
    )
    assert response.status_code == 403
    count = select(func.count()).where(CompetenceItem.organisation_id == elsewhere.id)
    assert session.scalar(count) == 0


@pytest.mark.parametrize("role", [Role.COACH, Role.MANAGER, Role.MEDIATOR, Role.COUNSELLOR])
def test_staff_who_are_not_admins_get_403(
    client: TestClient, auth: Auth, session: Session, home: Organisation, role: Role
) -> None:
    from tests.factories.users import make_user

    user = make_user(session, home, role=role)
    response = client.post(ITEMS, json=new_item(), headers=auth(user))
    assert response.status_code == 403
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert codes(client, auth(user))[-1] == "flexibility"  # nothing was added


def test_a_duplicate_code_in_the_set_is_409(
    client: TestClient, auth: Auth, admin: User, platform_admin: User
) -> None:
    # A default code: after the copy, the organisation's own set has it.
    response = client.post(ITEMS, json=new_item(code="punctuality"), headers=auth(admin))
    assert response.status_code == 409
    assert error_fields(response) == {"code"}
    assert client.post(ITEMS, json=new_item(), headers=auth(admin)).status_code == 201
    assert client.post(ITEMS, json=new_item(), headers=auth(admin)).status_code == 409
    # The same code in another set (the default one) is no conflict.
    assert client.post(ITEMS, json=new_item(), headers=auth(platform_admin)).status_code == 201
    again = client.post(ITEMS, json=new_item(), headers=auth(platform_admin))
    assert again.status_code == 409


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"code": "", "name_nl": "x", "name_en": "x"}, {"code"}),
        ({"code": "Met Spatie", "name_nl": "x", "name_en": "x"}, {"code"}),
        ({"code": "x" * 51, "name_nl": "x", "name_en": "x"}, {"code"}),
        ({"code": "ok", "name_nl": " ", "name_en": "x"}, {"name_nl"}),
        ({"code": "ok", "name_nl": "x", "name_en": "y" * 201}, {"name_en"}),
        ({"code": "ok", "name_nl": "x", "name_en": "x", "sort_order": -1}, {"sort_order"}),
        ({"code": "ok", "name_nl": "x", "name_en": "x", "is_active": False}, {"is_active"}),
        ({"name_nl": "x", "name_en": "x"}, {"code"}),
    ],
)
def test_invalid_values_are_422_with_field_errors(
    client: TestClient,
    auth: Auth,
    session: Session,
    admin: User,
    body: dict[str, object],
    fields: set[str],
) -> None:
    response = client.post(ITEMS, json=body, headers=auth(admin))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert fields <= error_fields(response)


# --- editing and deactivating ------------------------------------------------------------


def test_an_admin_renames_reorders_and_deactivates_an_own_item(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    admin: User,
    coach: User,
) -> None:
    item = make_competence_item(session, home, "customer_contact")
    url = f"{ITEMS}/{item.id}"
    renamed = client.patch(
        url,
        json={"name_nl": "Omgaan met klanten", "sort_order": 7},
        headers={**auth(admin), "If-Match": f'"{item.version}"'},
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name_nl"] == "Omgaan met klanten"
    assert renamed.json()["name_en"] == item.name_en
    assert renamed.json()["version"] == item.version + 1

    off = client.patch(url, json={"is_active": False}, headers={**auth(admin), **if_match(renamed)})
    assert off.status_code == 200
    assert off.json()["is_active"] is False
    assert "customer_contact" not in codes(client, auth(coach))
    assert "customer_contact" in codes(client, auth(admin), include_inactive=True)

    on = client.patch(url, json={"is_active": True}, headers={**auth(admin), **if_match(off)})
    assert on.status_code == 200
    assert "customer_contact" in codes(client, auth(coach))


def test_deactivating_an_item_keeps_the_scores_given_on_it(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    admin: User,
    coach: User,
    trajectory: Trajectory,
) -> None:
    item = make_competence_item(session, home, "customer_contact")
    logged = client.post(
        f"{API}/trajectories/{trajectory.id}/progress-logs",
        json={"logged_on": str(today()), "scores": [{"item_code": "customer_contact", "score": 3}]},
        headers=auth(coach),
    )
    assert logged.status_code == 201, logged.text

    off = client.patch(
        f"{ITEMS}/{item.id}",
        json={"is_active": False},
        headers={**auth(admin), "If-Match": f'"{item.version}"'},
    )
    assert off.status_code == 200

    log = client.get(f"{API}/progress-logs/{logged.json()['id']}", headers=auth(coach))
    assert log.status_code == 200
    assert log.json()["scores"] == [{"item_code": "customer_contact", "score": 3}]
    assert session.scalar(select(func.count()).select_from(ProgressScore)) == 1
    assert session.get(CompetenceItem, item.id) is not None


def test_a_stale_version_is_412_with_the_current_one(
    client: TestClient, auth: Auth, session: Session, home: Organisation, admin: User
) -> None:
    item = make_competence_item(session, home, "customer_contact")
    url = f"{ITEMS}/{item.id}"
    first = client.patch(
        url, json={"name_nl": "Eerst"}, headers={**auth(admin), "If-Match": f'"{item.version}"'}
    )
    assert first.status_code == 200
    stale = client.patch(
        url, json={"name_nl": "Later"}, headers={**auth(admin), "If-Match": f'"{item.version}"'}
    )
    assert stale.status_code == 412
    assert stale.headers["content-type"].startswith(PROBLEM_JSON)
    assert stale.json()["current_version"] == first.json()["version"]
    session.expire_all()
    assert session.get_one(CompetenceItem, item.id).name_nl == "Eerst"


def test_if_match_is_required_and_must_be_well_formed(
    client: TestClient, auth: Auth, session: Session, home: Organisation, admin: User
) -> None:
    item = make_competence_item(session, home, "customer_contact")
    url = f"{ITEMS}/{item.id}"
    assert client.patch(url, json={"name_nl": "X"}, headers=auth(admin)).status_code == 428
    malformed = client.patch(
        url, json={"name_nl": "X"}, headers={**auth(admin), "If-Match": "versie"}
    )
    assert malformed.status_code == 400


def test_another_organisations_item_is_404_for_an_admin(
    client: TestClient,
    auth: Auth,
    session: Session,
    elsewhere: Organisation,
    admin: User,
) -> None:
    theirs = make_competence_item(session, elsewhere, "their_item")
    response = client.patch(
        f"{ITEMS}/{theirs.id}",
        json={"name_nl": "Overgenomen"},
        headers={**auth(admin), "If-Match": f'"{theirs.version}"'},
    )
    assert response.status_code == 404
    unknown = client.patch(
        f"{ITEMS}/00000000-0000-4000-8000-000000000000",
        json={"name_nl": "X"},
        headers={**auth(admin), "If-Match": '"1"'},
    )
    assert unknown.status_code == 404
    assert response.json()["detail"] == unknown.json()["detail"]  # indistinguishable


def test_non_admins_get_403_on_edit(
    client: TestClient, auth: Auth, session: Session, home: Organisation, manager: User
) -> None:
    item = make_competence_item(session, home, "customer_contact")
    response = client.patch(
        f"{ITEMS}/{item.id}",
        json={"is_active": False},
        headers={**auth(manager), "If-Match": f'"{item.version}"'},
    )
    assert response.status_code == 403


def test_an_organisation_admin_may_not_edit_the_default_set(
    client: TestClient, auth: Auth, session: Session, admin: User
) -> None:
    default = session.scalars(
        select(CompetenceItem).where(CompetenceItem.organisation_id.is_(None))
    ).first()
    assert default is not None
    response = client.patch(
        f"{ITEMS}/{default.id}",
        json={"is_active": False},
        headers={**auth(admin), "If-Match": f'"{default.version}"'},
    )
    assert response.status_code == 403
    session.expire_all()
    assert session.get_one(CompetenceItem, default.id).is_active is True


def test_a_platform_admin_edits_the_default_set(
    client: TestClient, auth: Auth, session: Session, platform_admin: User, coach: User
) -> None:
    default = session.scalars(select(CompetenceItem).where(CompetenceItem.code == "pace")).one()
    response = client.patch(
        f"{ITEMS}/{default.id}",
        json={"name_nl": "Werktempo", "is_active": False},
        headers={**auth(platform_admin), "If-Match": f'"{default.version}"'},
    )
    assert response.status_code == 200, response.text
    assert "pace" not in codes(client, auth(coach))


@pytest.mark.parametrize(
    "body",
    [
        {"code": "renamed"},
        {"organisation_id": "00000000-0000-4000-8000-000000000000"},
        {"name_nl": None},
        {"is_active": None},
        {"sort_order": 10_001},
        {"name_nl": "x" * 201},
    ],
)
def test_invalid_edits_are_422(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    admin: User,
    body: dict[str, object],
) -> None:
    item = make_competence_item(session, home, "customer_contact")
    response = client.patch(
        f"{ITEMS}/{item.id}", json=body, headers={**auth(admin), "If-Match": f'"{item.version}"'}
    )
    assert response.status_code == 422, response.text
    assert error_fields(response)


def test_writes_leave_audit_events(
    client: TestClient, auth: Auth, session: Session, home: Organisation, admin: User
) -> None:
    created = client.post(ITEMS, json=new_item(), headers=auth(admin))
    assert created.status_code == 201
    changed = client.patch(
        f"{ITEMS}/{created.json()['id']}",
        json={"is_active": False},
        headers={**auth(admin), **if_match(created)},
    )
    assert changed.status_code == 200
    refused = client.post(ITEMS, json=new_item(), headers=auth(admin))
    assert refused.status_code == 409
    events = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.user_id == admin.id, AuditEvent.route.like("%competence-items%"))
        .order_by(AuditEvent.seq)
    ).all()
    assert [(e.method, e.status_code) for e in events] == [
        ("POST", 201),
        ("PATCH", 200),
        ("POST", 409),
    ]
    assert str(events[1].object_id) == changed.json()["id"]
