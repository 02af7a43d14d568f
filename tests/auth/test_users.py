from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import RefreshToken, Role, User
from app.core.config import Settings
from app.core.security import create_access_token
from app.organisations.models import Organisation, OrganisationKind
from tests.factories.organisations import make_organisation
from tests.factories.users import PASSWORD, login, make_user

USERS = "/api/v1/users"
LOGIN = "/api/v1/auth/login"
PROBLEM_JSON = "application/problem+json"
NEW_PASSWORD = "a brand new passphrase"

Auth = Callable[[User], dict[str, str]]


@pytest.fixture
def auth(settings: Settings) -> Auth:
    """Bearer headers for a user without a login round trip (Argon2 is slow on purpose)."""

    def headers(user: User) -> dict[str, str]:
        return {"Authorization": f"Bearer {create_access_token(user.id, settings).token}"}

    return headers


@pytest.fixture
def home(session: Session) -> Organisation:
    return make_organisation(session, name="Thuisbasis")


@pytest.fixture
def elsewhere(session: Session) -> Organisation:
    return make_organisation(session, name="Elders")


@pytest.fixture
def org_admin(session: Session, home: Organisation) -> User:
    # E-mail addresses on a real-looking domain: the API refuses reserved ones such as .test.
    return make_user(session, home, role=Role.ADMIN, name="Ada Admin", email="ada@werkhuis.be")


@pytest.fixture
def platform_admin(session: Session) -> User:
    platform = make_organisation(session, name="Platform", kind=OrganisationKind.PLATFORM)
    return make_user(session, platform, role=Role.ADMIN, is_platform_admin=True)


@pytest.fixture
def colleague(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.COACH, name="Cas Collega", email="cas@werkhuis.be")


@pytest.fixture
def stranger(session: Session, elsewhere: Organisation) -> User:
    return make_user(session, elsewhere, role=Role.COACH, name="Vera Vreemd")


def new_user(**overrides: Any) -> dict[str, Any]:
    return {
        "email": "nina.nieuw@werkhuis.be",
        "name": "Nina Nieuw",
        "password": NEW_PASSWORD,
        "role": "coach",
        **overrides,
    }


def user_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def stored(session: Session, user: User) -> User:
    """The row as the database holds it now, not as this session remembers it."""
    session.expire_all()
    found = session.get(User, user.id)
    assert found is not None
    return found


def error_fields(response: Any) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


def emails(response: Any) -> set[str]:
    assert response.status_code == 200, response.text
    return {item["email"] for item in response.json()["items"]}


def if_match(user: User) -> dict[str, str]:
    return {"If-Match": f'"{user.version}"'}


# --- creating ------------------------------------------------------------------------------


def test_organisation_admin_creates_a_user_in_own_organisation(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation
) -> None:
    response = client.post(USERS, json=new_user(), headers=auth(org_admin))

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["organisation_id"] == str(home.id)
    assert body["organisation_name"] == "Thuisbasis"
    assert (body["role"], body["is_active"], body["is_platform_admin"]) == ("coach", True, False)
    assert response.headers["Location"] == f"{USERS}/{body['id']}"
    assert response.headers["ETag"] == f'"{body["version"]}"'


def test_created_user_can_log_in_with_the_chosen_password(
    client: TestClient, auth: Auth, org_admin: User
) -> None:
    client.post(USERS, json=new_user(), headers=auth(org_admin))

    response = client.post(
        LOGIN, data={"username": "nina.nieuw@werkhuis.be", "password": NEW_PASSWORD}
    )

    assert response.status_code == 200


def test_email_is_stored_in_lower_case(client: TestClient, auth: Auth, org_admin: User) -> None:
    response = client.post(
        USERS, json=new_user(email="Nina.NIEUW@Werkhuis.BE"), headers=auth(org_admin)
    )

    assert response.json()["email"] == "nina.nieuw@werkhuis.be"


def test_organisation_admin_gets_403_creating_a_user_in_another_organisation(
    client: TestClient, auth: Auth, org_admin: User, elsewhere: Organisation, session: Session
) -> None:
    before = user_count(session)

    response = client.post(
        USERS, json=new_user(organisation_id=str(elsewhere.id)), headers=auth(org_admin)
    )

    assert response.status_code == 403
    assert response.headers["content-type"] == PROBLEM_JSON
    assert user_count(session) == before


def test_organisation_admin_gets_403_creating_a_platform_admin(
    client: TestClient, auth: Auth, org_admin: User, session: Session
) -> None:
    before = user_count(session)

    response = client.post(USERS, json=new_user(is_platform_admin=True), headers=auth(org_admin))

    assert response.status_code == 403
    assert user_count(session) == before


def test_platform_admin_creates_a_user_in_any_organisation(
    client: TestClient, auth: Auth, platform_admin: User, elsewhere: Organisation
) -> None:
    response = client.post(
        USERS,
        json=new_user(organisation_id=str(elsewhere.id), role="admin"),
        headers=auth(platform_admin),
    )

    assert response.status_code == 201, response.text
    assert response.json()["organisation_id"] == str(elsewhere.id)
    assert response.json()["role"] == "admin"


def test_platform_admin_may_create_another_platform_admin(
    client: TestClient, auth: Auth, platform_admin: User
) -> None:
    response = client.post(
        USERS, json=new_user(is_platform_admin=True), headers=auth(platform_admin)
    )

    assert response.status_code == 201
    assert response.json()["is_platform_admin"] is True


def test_platform_admin_creating_in_an_unknown_organisation_gets_404(
    client: TestClient, auth: Auth, platform_admin: User, session: Session
) -> None:
    before = user_count(session)

    response = client.post(
        USERS, json=new_user(organisation_id=str(uuid.uuid4())), headers=auth(platform_admin)
    )

    assert response.status_code == 404
    assert user_count(session) == before


@pytest.mark.parametrize("role", [Role.MANAGER, Role.COACH])
def test_staff_who_are_not_admins_get_403_creating_a_user(
    client: TestClient, auth: Auth, home: Organisation, session: Session, role: Role
) -> None:
    caller = make_user(session, home, role=role)
    before = user_count(session)

    response = client.post(USERS, json=new_user(), headers=auth(caller))

    assert response.status_code == 403
    assert user_count(session) == before


def test_duplicate_email_in_another_case_gets_409_on_email(
    client: TestClient, auth: Auth, org_admin: User, colleague: User, session: Session
) -> None:
    before = user_count(session)

    response = client.post(
        USERS, json=new_user(email=colleague.email.upper()), headers=auth(org_admin)
    )

    assert response.status_code == 409
    assert error_fields(response) == {"email"}
    assert user_count(session) == before


@pytest.mark.parametrize(
    "email", ["not-an-email", "nina@", "@werkhuis.be", "nina@@werkhuis.be", "", "a" * 250 + "@x.be"]
)
def test_bad_email_gets_422(
    client: TestClient, auth: Auth, org_admin: User, session: Session, email: str
) -> None:
    before = user_count(session)

    response = client.post(USERS, json=new_user(email=email), headers=auth(org_admin))

    assert response.status_code == 422
    assert error_fields(response) == {"email"}
    assert user_count(session) == before


@pytest.mark.parametrize("password", ["x" * 11, "", "y" * 129])
def test_password_shorter_than_12_or_longer_than_128_gets_422(
    client: TestClient, auth: Auth, org_admin: User, session: Session, password: str
) -> None:
    before = user_count(session)

    response = client.post(USERS, json=new_user(password=password), headers=auth(org_admin))

    assert response.status_code == 422
    assert error_fields(response) == {"password"}
    assert user_count(session) == before


def test_password_of_12_characters_is_accepted(
    client: TestClient, auth: Auth, org_admin: User
) -> None:
    response = client.post(USERS, json=new_user(password="x" * 12), headers=auth(org_admin))

    assert response.status_code == 201


@pytest.mark.parametrize(
    "extra",
    [{"password_hash": "$argon2id$..."}, {"is_active": False}, {"id": str(uuid.uuid4())}],
)
def test_unknown_field_gets_422(
    client: TestClient, auth: Auth, org_admin: User, session: Session, extra: dict[str, Any]
) -> None:
    before = user_count(session)

    response = client.post(USERS, json=new_user(**extra), headers=auth(org_admin))

    assert response.status_code == 422
    assert error_fields(response) == set(extra)
    assert user_count(session) == before


def test_unknown_role_gets_422(client: TestClient, auth: Auth, org_admin: User) -> None:
    response = client.post(USERS, json=new_user(role="superuser"), headers=auth(org_admin))

    assert response.status_code == 422
    assert error_fields(response) == {"role"}


def test_password_never_appears_in_any_response(
    client: TestClient, auth: Auth, org_admin: User
) -> None:
    headers = auth(org_admin)
    created = client.post(USERS, json=new_user(), headers=headers)
    location = created.headers["Location"]
    read = client.get(location, headers=headers)
    listed = client.get(USERS, headers=headers)
    changed = client.patch(
        location,
        json={"password": "another long passphrase"},
        headers={**headers, "If-Match": read.headers["ETag"]},
    )
    refused = client.post(USERS, json=new_user(), headers=headers)  # 409: same e-mail

    responses = [created, read, listed, changed, refused]
    assert [r.status_code for r in responses] == [201, 200, 200, 200, 409]
    for response in responses:
        text = response.text.lower()
        assert NEW_PASSWORD not in text
        assert "another long passphrase" not in text
        assert "password" not in text
        assert "$argon2" not in text


# --- listing and reading -------------------------------------------------------------------


def test_coach_listing_users_sees_only_themself(
    client: TestClient, auth: Auth, colleague: User, org_admin: User, stranger: User
) -> None:
    response = client.get(USERS, headers=auth(colleague))

    assert emails(response) == {colleague.email}
    assert response.json()["total"] == 1


def test_manager_sees_own_organisations_users_but_not_other_organisations(
    client: TestClient,
    auth: Auth,
    home: Organisation,
    org_admin: User,
    colleague: User,
    stranger: User,
    session: Session,
) -> None:
    manager = make_user(session, home, role=Role.MANAGER)

    response = client.get(USERS, headers=auth(manager))

    assert emails(response) == {manager.email, org_admin.email, colleague.email}
    assert response.json()["total"] == 3


def test_manager_filtering_on_another_organisation_sees_nobody(
    client: TestClient,
    auth: Auth,
    home: Organisation,
    elsewhere: Organisation,
    stranger: User,
    session: Session,
) -> None:
    manager = make_user(session, home, role=Role.MANAGER)

    response = client.get(
        USERS, params={"organisation_id": str(elsewhere.id)}, headers=auth(manager)
    )

    assert emails(response) == set()
    assert response.json()["total"] == 0


def test_platform_admin_sees_users_of_every_organisation(
    client: TestClient, auth: Auth, platform_admin: User, colleague: User, stranger: User
) -> None:
    response = client.get(USERS, headers=auth(platform_admin))

    assert emails(response) == {platform_admin.email, colleague.email, stranger.email}


def test_q_finds_users_by_name_or_email_ignoring_case(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    by_name = make_user(session, home, name="Jan Peeters")
    by_email = make_user(session, home, email="peeters.an@werkhuis.be")
    make_user(session, home, name="Els Janssens")

    response = client.get(USERS, params={"q": "PEETERS"}, headers=auth(org_admin))

    assert emails(response) == {by_name.email, by_email.email}


def test_users_list_pages_in_name_order(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    for name in ["Emma", "Bart", "Dirk", "Carla"]:
        make_user(session, home, name=name)
    headers = auth(org_admin)

    first = client.get(USERS, params={"limit": 3}, headers=headers).json()
    second = client.get(
        USERS, params={"limit": 3, "cursor": first["next_cursor"]}, headers=headers
    ).json()

    names = [u["name"] for u in first["items"] + second["items"]]
    assert names == ["Ada Admin", "Bart", "Carla", "Dirk", "Emma"]
    assert second["next_cursor"] is None


@pytest.mark.parametrize("sort", ["password_hash", "role"])
def test_users_list_with_unknown_sort_gets_422(
    client: TestClient, auth: Auth, org_admin: User, sort: str
) -> None:
    response = client.get(USERS, params={"sort": sort}, headers=auth(org_admin))

    assert response.status_code == 422
    assert error_fields(response) == {"sort"}


def test_users_list_without_token_gets_401(client: TestClient) -> None:
    response = client.get(USERS)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_organisation_admin_reads_a_user_of_own_organisation_with_etag(
    client: TestClient, auth: Auth, org_admin: User, colleague: User
) -> None:
    response = client.get(f"{USERS}/{colleague.id}", headers=auth(org_admin))

    assert response.status_code == 200
    assert response.json()["email"] == colleague.email
    assert response.headers["ETag"] == f'"{colleague.version}"'


def test_organisation_admin_gets_404_for_a_user_of_another_organisation(
    client: TestClient, auth: Auth, org_admin: User, stranger: User
) -> None:
    response = client.get(f"{USERS}/{stranger.id}", headers=auth(org_admin))

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON


def test_user_of_another_organisation_looks_the_same_as_no_user(
    client: TestClient, auth: Auth, org_admin: User, stranger: User
) -> None:
    headers = auth(org_admin)

    hidden = client.get(f"{USERS}/{stranger.id}", headers=headers)
    absent = client.get(f"{USERS}/{uuid.uuid4()}", headers=headers)

    assert hidden.status_code == absent.status_code == 404
    assert hidden.json() == absent.json()


def test_manager_gets_404_for_a_user_of_another_organisation(
    client: TestClient, auth: Auth, home: Organisation, stranger: User, session: Session
) -> None:
    manager = make_user(session, home, role=Role.MANAGER)

    response = client.get(f"{USERS}/{stranger.id}", headers=auth(manager))

    assert response.status_code == 404


def test_coach_gets_404_for_a_colleague(
    client: TestClient, auth: Auth, colleague: User, org_admin: User
) -> None:
    response = client.get(f"{USERS}/{org_admin.id}", headers=auth(colleague))

    assert response.status_code == 404


def test_coach_reads_own_account(client: TestClient, auth: Auth, colleague: User) -> None:
    response = client.get(f"{USERS}/{colleague.id}", headers=auth(colleague))

    assert response.status_code == 200
    assert response.json()["id"] == str(colleague.id)


# --- updating ------------------------------------------------------------------------------


def test_organisation_admin_renames_a_colleague_with_current_if_match(
    client: TestClient, auth: Auth, org_admin: User, colleague: User, session: Session
) -> None:
    response = client.patch(
        f"{USERS}/{colleague.id}",
        json={"name": "Cas Hernoemd", "role": "mediator"},
        headers={**auth(org_admin), **if_match(colleague)},
    )

    assert response.status_code == 200, response.text
    assert response.json()["version"] == colleague.version + 1
    assert response.headers["ETag"] == f'"{colleague.version + 1}"'
    after = stored(session, colleague)
    assert (after.name, after.role) == ("Cas Hernoemd", Role.MEDIATOR)


def test_patch_without_if_match_gets_428(
    client: TestClient, auth: Auth, org_admin: User, colleague: User, session: Session
) -> None:
    response = client.patch(
        f"{USERS}/{colleague.id}", json={"is_active": False}, headers=auth(org_admin)
    )

    assert response.status_code == 428
    assert stored(session, colleague).is_active is True


def test_patch_with_stale_if_match_gets_412_with_current_version(
    client: TestClient, auth: Auth, org_admin: User, colleague: User, session: Session
) -> None:
    colleague.name = "Iemand anders paste dit aan"  # version 1 → 2
    session.commit()

    response = client.patch(
        f"{USERS}/{colleague.id}",
        json={"is_active": False},
        headers={**auth(org_admin), "If-Match": '"1"'},
    )

    assert response.status_code == 412
    assert response.json()["current_version"] == 2
    assert stored(session, colleague).is_active is True


def _deactivate(client: TestClient, admin_headers: dict[str, str], user: User) -> None:
    response = client.patch(
        f"{USERS}/{user.id}", json={"is_active": False}, headers={**admin_headers, **if_match(user)}
    )
    assert response.status_code == 200, response.text
    assert response.json()["is_active"] is False


def test_deactivated_user_can_no_longer_log_in(
    client: TestClient, auth: Auth, org_admin: User, colleague: User
) -> None:
    _deactivate(client, auth(org_admin), colleague)

    response = client.post(LOGIN, data={"username": colleague.email, "password": PASSWORD})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_deactivated_users_existing_access_token_gets_401_on_me(
    client: TestClient, auth: Auth, org_admin: User, colleague: User
) -> None:
    token_before = auth(colleague)
    assert client.get("/api/v1/me", headers=token_before).status_code == 200

    _deactivate(client, auth(org_admin), colleague)

    response = client.get("/api/v1/me", headers=token_before)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_deactivation_revokes_the_users_refresh_sessions(
    client: TestClient, auth: Auth, org_admin: User, colleague: User, session: Session
) -> None:
    login(client, colleague)  # the client now holds the colleague's refresh cookie
    admin_headers = auth(org_admin)
    _deactivate(client, admin_headers, colleague)
    # Reactivate: the old session must stay dead even for an account that is active again.
    reactivated = client.patch(
        f"{USERS}/{colleague.id}",
        json={"is_active": True},
        headers={**admin_headers, "If-Match": f'"{colleague.version + 1}"'},
    )
    assert reactivated.status_code == 200

    response = client.post("/api/v1/auth/refresh")

    assert response.status_code == 401
    tokens = session.scalars(select(RefreshToken).where(RefreshToken.user_id == colleague.id))
    assert [t.revoked_at is not None for t in tokens] == [True]


def test_password_change_revokes_the_users_refresh_sessions(
    client: TestClient, auth: Auth, org_admin: User, colleague: User
) -> None:
    login(client, colleague)

    changed = client.patch(
        f"{USERS}/{colleague.id}",
        json={"password": "another long passphrase"},
        headers={**auth(org_admin), **if_match(colleague)},
    )
    assert changed.status_code == 200

    assert client.post("/api/v1/auth/refresh").status_code == 401


def test_admin_cannot_deactivate_themself(
    client: TestClient, auth: Auth, org_admin: User, session: Session
) -> None:
    response = client.patch(
        f"{USERS}/{org_admin.id}",
        json={"is_active": False},
        headers={**auth(org_admin), **if_match(org_admin)},
    )

    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM_JSON
    assert stored(session, org_admin).is_active is True


def test_admin_cannot_remove_their_own_admin_role(
    client: TestClient, auth: Auth, org_admin: User, session: Session
) -> None:
    response = client.patch(
        f"{USERS}/{org_admin.id}",
        json={"role": "coach"},
        headers={**auth(org_admin), **if_match(org_admin)},
    )

    assert response.status_code == 409
    assert stored(session, org_admin).role == Role.ADMIN


def test_organisation_admin_gets_403_granting_platform_admin(
    client: TestClient, auth: Auth, org_admin: User, colleague: User, session: Session
) -> None:
    response = client.patch(
        f"{USERS}/{colleague.id}",
        json={"is_platform_admin": True},
        headers={**auth(org_admin), **if_match(colleague)},
    )

    assert response.status_code == 403
    assert stored(session, colleague).is_platform_admin is False


def test_organisation_admin_cannot_grant_themself_platform_admin(
    client: TestClient, auth: Auth, org_admin: User, session: Session
) -> None:
    response = client.patch(
        f"{USERS}/{org_admin.id}",
        json={"is_platform_admin": True},
        headers={**auth(org_admin), **if_match(org_admin)},
    )

    assert response.status_code == 403
    assert stored(session, org_admin).is_platform_admin is False


def test_organisation_admin_cannot_take_over_a_platform_admin_of_own_organisation(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    """Resetting a platform admin's password would hand an org admin platform rights."""
    platform_admin = make_user(session, home, role=Role.ADMIN, is_platform_admin=True)
    old_hash = platform_admin.password_hash

    response = client.patch(
        f"{USERS}/{platform_admin.id}",
        json={"password": "i now own the platform"},
        headers={**auth(org_admin), **if_match(platform_admin)},
    )

    assert response.status_code == 403
    assert stored(session, platform_admin).password_hash == old_hash


def test_organisation_admin_gets_404_patching_a_user_of_another_organisation(
    client: TestClient, auth: Auth, org_admin: User, stranger: User, session: Session
) -> None:
    response = client.patch(
        f"{USERS}/{stranger.id}",
        json={"is_active": False},
        headers={**auth(org_admin), **if_match(stranger)},
    )

    assert response.status_code == 404
    assert stored(session, stranger).is_active is True


def test_manager_gets_403_patching_a_visible_colleague(
    client: TestClient, auth: Auth, home: Organisation, colleague: User, session: Session
) -> None:
    manager = make_user(session, home, role=Role.MANAGER)

    response = client.patch(
        f"{USERS}/{colleague.id}",
        json={"role": "manager"},
        headers={**auth(manager), **if_match(colleague)},
    )

    assert response.status_code == 403
    assert stored(session, colleague).role == Role.COACH


def test_coach_cannot_promote_themself(
    client: TestClient, auth: Auth, colleague: User, session: Session
) -> None:
    response = client.patch(
        f"{USERS}/{colleague.id}",
        json={"role": "admin"},
        headers={**auth(colleague), **if_match(colleague)},
    )

    assert response.status_code == 403
    assert stored(session, colleague).role == Role.COACH


def test_changing_email_to_one_in_use_gets_409(
    client: TestClient, auth: Auth, org_admin: User, colleague: User, session: Session
) -> None:
    response = client.patch(
        f"{USERS}/{colleague.id}",
        json={"email": org_admin.email.upper()},
        headers={**auth(org_admin), **if_match(colleague)},
    )

    assert response.status_code == 409
    assert error_fields(response) == {"email"}
    assert stored(session, colleague).email == "cas@werkhuis.be"


@pytest.mark.parametrize(
    "field",
    ["email", "password", "name", "role", "is_active", "is_platform_admin"],
)
def test_patch_setting_a_required_field_to_null_gets_422_on_that_field(
    client: TestClient,
    auth: Auth,
    platform_admin: User,
    colleague: User,
    session: Session,
    field: str,
) -> None:
    version_before = colleague.version
    response = client.patch(
        f"{USERS}/{colleague.id}",
        json={field: None},
        headers={**auth(platform_admin), **if_match(colleague)},
    )

    assert response.status_code == 422
    assert error_fields(response) == {field}
    assert stored(session, colleague).version == version_before


def test_patch_moving_a_user_to_another_organisation_gets_422(
    client: TestClient,
    auth: Auth,
    org_admin: User,
    colleague: User,
    home: Organisation,
    elsewhere: Organisation,
    session: Session,
) -> None:
    response = client.patch(
        f"{USERS}/{colleague.id}",
        json={"organisation_id": str(elsewhere.id)},
        headers={**auth(org_admin), **if_match(colleague)},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"organisation_id"}
    assert stored(session, colleague).organisation_id == home.id
