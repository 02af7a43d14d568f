from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.core.security import create_access_token
from app.organisations.models import Organisation, OrganisationKind, WorkFloor
from tests.factories.organisations import make_organisation, make_work_floor
from tests.factories.users import make_user

PROBLEM_JSON = "application/problem+json"

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
    return make_user(session, home, role=Role.ADMIN)


@pytest.fixture
def other_admin(session: Session, elsewhere: Organisation) -> User:
    return make_user(session, elsewhere, role=Role.ADMIN)


@pytest.fixture
def coach(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.COACH)


def floors_of(organisation: Organisation) -> str:
    return f"/api/v1/organisations/{organisation.id}/work-floors"


def floor_url(floor: WorkFloor) -> str:
    return f"/api/v1/work-floors/{floor.id}"


def floor_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(WorkFloor)) or 0


def stored(session: Session, floor: WorkFloor) -> WorkFloor:
    """The row as the database holds it now, not as this session remembers it."""
    session.expire_all()
    found = session.get(WorkFloor, floor.id)
    assert found is not None
    return found


def error_fields(response: Any) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


def names(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["name"] for item in response.json()["items"]]


# --- creating ------------------------------------------------------------------------------


def test_organisation_admin_creates_a_work_floor_in_own_organisation(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation
) -> None:
    response = client.post(
        floors_of(home),
        json={"name": "Houtatelier", "activity": "Meubels", "address": "Kaai 1", "capacity": 12},
        headers=auth(org_admin),
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["organisation_id"] == str(home.id)
    assert (body["name"], body["capacity"], body["is_active"]) == ("Houtatelier", 12, True)
    assert response.headers["Location"] == f"/api/v1/work-floors/{body['id']}"
    assert response.headers["ETag"] == f'"{body["version"]}"'


def test_created_work_floor_can_be_read_at_its_location(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation
) -> None:
    headers = auth(org_admin)
    created = client.post(floors_of(home), json={"name": "Houtatelier"}, headers=headers)

    response = client.get(created.headers["Location"], headers=headers)

    assert response.status_code == 200
    assert response.json() == created.json()


def test_capacity_defaults_to_zero(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation
) -> None:
    response = client.post(floors_of(home), json={"name": "Tuin"}, headers=auth(org_admin))

    assert response.json()["capacity"] == 0


def test_platform_admin_creates_a_work_floor_in_any_organisation(
    client: TestClient, auth: Auth, session: Session, home: Organisation
) -> None:
    platform = make_organisation(session, kind=OrganisationKind.PLATFORM)
    admin = make_user(session, platform, role=Role.ADMIN, is_platform_admin=True)

    response = client.post(floors_of(home), json={"name": "Tuin"}, headers=auth(admin))

    assert response.status_code == 201


def test_admin_of_another_organisation_gets_403_on_create(
    client: TestClient, auth: Auth, other_admin: User, home: Organisation, session: Session
) -> None:
    response = client.post(floors_of(home), json={"name": "Kaping"}, headers=auth(other_admin))

    assert response.status_code == 403
    assert response.headers["content-type"] == PROBLEM_JSON
    assert floor_count(session) == 0


def test_coach_gets_403_on_create(
    client: TestClient, auth: Auth, coach: User, home: Organisation, session: Session
) -> None:
    response = client.post(floors_of(home), json={"name": "Eigen vloer"}, headers=auth(coach))

    assert response.status_code == 403
    assert floor_count(session) == 0


def test_create_in_unknown_organisation_gets_404(
    client: TestClient, auth: Auth, org_admin: User
) -> None:
    response = client.post(
        f"/api/v1/organisations/{uuid.uuid4()}/work-floors",
        json={"name": "Nergens"},
        headers=auth(org_admin),
    )

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON


def test_duplicate_name_in_the_same_organisation_gets_409(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    make_work_floor(session, home, name="Houtatelier")

    response = client.post(floors_of(home), json={"name": "Houtatelier"}, headers=auth(org_admin))

    assert response.status_code == 409
    assert error_fields(response) == {"name"}
    assert floor_count(session) == 1


def test_same_name_in_another_organisation_is_fine(
    client: TestClient,
    auth: Auth,
    org_admin: User,
    home: Organisation,
    elsewhere: Organisation,
    session: Session,
) -> None:
    make_work_floor(session, elsewhere, name="Houtatelier")

    response = client.post(floors_of(home), json={"name": "Houtatelier"}, headers=auth(org_admin))

    assert response.status_code == 201


@pytest.mark.parametrize("capacity", [-1, 10_001, "veel", 2.5, None])
def test_invalid_capacity_gets_422(
    client: TestClient,
    auth: Auth,
    org_admin: User,
    home: Organisation,
    session: Session,
    capacity: Any,
) -> None:
    response = client.post(
        floors_of(home), json={"name": "Tuin", "capacity": capacity}, headers=auth(org_admin)
    )

    assert response.status_code == 422
    assert error_fields(response) == {"capacity"}
    assert floor_count(session) == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "n" * 201}, "name"),
        ({"name": ""}, "name"),
        ({"name": "Nul\x00"}, "name"),
        ({"name": "Tuin", "address": "a" * 301}, "address"),
        ({"name": "Tuin", "organisation_id": str(uuid.uuid4())}, "organisation_id"),
        ({"name": "Tuin", "is_active": False}, "is_active"),
    ],
)
def test_invalid_or_unknown_field_gets_422(
    client: TestClient,
    auth: Auth,
    org_admin: User,
    home: Organisation,
    session: Session,
    body: dict[str, Any],
    field: str,
) -> None:
    response = client.post(floors_of(home), json=body, headers=auth(org_admin))

    assert response.status_code == 422
    assert error_fields(response) == {field}
    assert floor_count(session) == 0


# --- reading -------------------------------------------------------------------------------


def test_organisation_admin_lists_work_floors_of_own_organisation_by_name(
    client: TestClient,
    auth: Auth,
    org_admin: User,
    home: Organisation,
    elsewhere: Organisation,
    session: Session,
) -> None:
    make_work_floor(session, home, name="Tuin")
    make_work_floor(session, home, name="Atelier")
    make_work_floor(session, elsewhere, name="Keuken")

    response = client.get(floors_of(home), headers=auth(org_admin))

    assert names(response) == ["Atelier", "Tuin"]
    assert response.json()["total"] == 2


def test_coach_can_list_work_floors(
    client: TestClient, auth: Auth, coach: User, home: Organisation, session: Session
) -> None:
    make_work_floor(session, home, name="Tuin")

    response = client.get(floors_of(home), headers=auth(coach))

    assert names(response) == ["Tuin"]


def test_work_floors_page_by_cursor(
    client: TestClient, auth: Auth, coach: User, home: Organisation, session: Session
) -> None:
    for name in ["C", "A", "E", "B", "D"]:
        make_work_floor(session, home, name=name)
    headers = auth(coach)

    first = client.get(floors_of(home), params={"limit": 3}, headers=headers).json()
    second = client.get(
        floors_of(home), params={"limit": 3, "cursor": first["next_cursor"]}, headers=headers
    ).json()

    assert [f["name"] for f in first["items"] + second["items"]] == ["A", "B", "C", "D", "E"]
    assert second["next_cursor"] is None
    assert first["total"] == second["total"] == 5


def test_inactive_floors_are_hidden_by_default(
    client: TestClient, auth: Auth, coach: User, home: Organisation, session: Session
) -> None:
    make_work_floor(session, home, name="Open")
    make_work_floor(session, home, name="Gesloten", is_active=False)

    response = client.get(floors_of(home), headers=auth(coach))

    assert names(response) == ["Open"]
    assert response.json()["total"] == 1


def test_include_inactive_shows_inactive_floors(
    client: TestClient, auth: Auth, coach: User, home: Organisation, session: Session
) -> None:
    make_work_floor(session, home, name="Open")
    make_work_floor(session, home, name="Gesloten", is_active=False)

    response = client.get(floors_of(home), params={"include_inactive": "true"}, headers=auth(coach))

    assert names(response) == ["Gesloten", "Open"]


def test_get_unknown_work_floor_gets_404_problem(
    client: TestClient, auth: Auth, coach: User
) -> None:
    response = client.get(f"/api/v1/work-floors/{uuid.uuid4()}", headers=auth(coach))

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["status"] == 404


def test_work_floor_id_that_is_not_a_uuid_gets_422(
    client: TestClient, auth: Auth, coach: User
) -> None:
    response = client.get("/api/v1/work-floors/12", headers=auth(coach))

    assert response.status_code == 422
    assert error_fields(response) == {"work_floor_id"}


def test_list_of_unknown_organisation_gets_404(client: TestClient, auth: Auth, coach: User) -> None:
    response = client.get(f"/api/v1/organisations/{uuid.uuid4()}/work-floors", headers=auth(coach))

    assert response.status_code == 404


def test_unknown_sort_gets_422(
    client: TestClient, auth: Auth, coach: User, home: Organisation
) -> None:
    response = client.get(floors_of(home), params={"sort": "capacity"}, headers=auth(coach))

    assert response.status_code == 422
    assert error_fields(response) == {"sort"}


def test_listing_without_token_gets_401(client: TestClient, home: Organisation) -> None:
    response = client.get(floors_of(home))

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


# --- updating ------------------------------------------------------------------------------


def test_organisation_admin_patches_a_work_floor_of_own_organisation(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    floor = make_work_floor(session, home, name="Tuin", capacity=5)

    response = client.patch(
        floor_url(floor),
        json={"name": "Moestuin", "capacity": 8},
        headers={**auth(org_admin), "If-Match": f'"{floor.version}"'},
    )

    assert response.status_code == 200, response.text
    assert (response.json()["name"], response.json()["capacity"]) == ("Moestuin", 8)
    assert response.json()["version"] == floor.version + 1
    assert response.headers["ETag"] == f'"{floor.version + 1}"'
    after = stored(session, floor)
    assert (after.name, after.capacity) == ("Moestuin", 8)


def test_deactivated_floor_disappears_from_the_default_list(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    floor = make_work_floor(session, home, name="Tuin")
    headers = auth(org_admin)

    client.patch(
        floor_url(floor),
        json={"is_active": False},
        headers={**headers, "If-Match": f'"{floor.version}"'},
    )

    assert names(client.get(floors_of(home), headers=headers)) == []


def test_admin_of_another_organisation_gets_403_on_patch(
    client: TestClient, auth: Auth, other_admin: User, home: Organisation, session: Session
) -> None:
    floor = make_work_floor(session, home, name="Tuin")

    response = client.patch(
        floor_url(floor),
        json={"name": "Gekaapt"},
        headers={**auth(other_admin), "If-Match": f'"{floor.version}"'},
    )

    assert response.status_code == 403
    assert stored(session, floor).name == "Tuin"


def test_coach_gets_403_on_patch(
    client: TestClient, auth: Auth, coach: User, home: Organisation, session: Session
) -> None:
    floor = make_work_floor(session, home, name="Tuin")

    response = client.patch(
        floor_url(floor),
        json={"capacity": 99},
        headers={**auth(coach), "If-Match": f'"{floor.version}"'},
    )

    assert response.status_code == 403
    assert stored(session, floor).capacity == 10


def test_renaming_to_a_name_in_use_gets_409(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    make_work_floor(session, home, name="Atelier")
    floor = make_work_floor(session, home, name="Tuin")

    response = client.patch(
        floor_url(floor),
        json={"name": "Atelier"},
        headers={**auth(org_admin), "If-Match": f'"{floor.version}"'},
    )

    assert response.status_code == 409
    assert error_fields(response) == {"name"}
    assert stored(session, floor).name == "Tuin"


def test_patch_keeping_its_own_name_is_fine(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    floor = make_work_floor(session, home, name="Tuin")

    response = client.patch(
        floor_url(floor),
        json={"name": "Tuin", "capacity": 3},
        headers={**auth(org_admin), "If-Match": f'"{floor.version}"'},
    )

    assert response.status_code == 200


def test_patch_to_negative_capacity_gets_422(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    floor = make_work_floor(session, home, capacity=4)

    response = client.patch(
        floor_url(floor),
        json={"capacity": -3},
        headers={**auth(org_admin), "If-Match": f'"{floor.version}"'},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"capacity"}
    assert stored(session, floor).capacity == 4


@pytest.mark.parametrize("field", ["name", "capacity", "is_active"])
def test_patch_setting_a_required_field_to_null_gets_422_on_that_field(
    client: TestClient,
    auth: Auth,
    org_admin: User,
    home: Organisation,
    session: Session,
    field: str,
) -> None:
    floor = make_work_floor(session, home, name="Tuin", capacity=4)

    response = client.patch(
        floor_url(floor),
        json={field: None},
        headers={**auth(org_admin), "If-Match": f'"{floor.version}"'},
    )

    assert response.status_code == 422
    assert error_fields(response) == {field}
    after = stored(session, floor)
    assert (after.name, after.capacity, after.is_active) == ("Tuin", 4, True)


def test_patch_moving_a_floor_to_another_organisation_gets_422(
    client: TestClient,
    auth: Auth,
    org_admin: User,
    home: Organisation,
    elsewhere: Organisation,
    session: Session,
) -> None:
    floor = make_work_floor(session, home)

    response = client.patch(
        floor_url(floor),
        json={"organisation_id": str(elsewhere.id)},
        headers={**auth(org_admin), "If-Match": f'"{floor.version}"'},
    )

    assert response.status_code == 422
    assert stored(session, floor).organisation_id == home.id


def test_patch_without_if_match_gets_428(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    floor = make_work_floor(session, home, name="Tuin")

    response = client.patch(floor_url(floor), json={"name": "Nieuw"}, headers=auth(org_admin))

    assert response.status_code == 428
    assert stored(session, floor).name == "Tuin"


def test_patch_with_stale_if_match_gets_412_with_current_version(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    floor = make_work_floor(session, home, name="Tuin")
    floor.capacity = 20  # someone else's edit: version 1 → 2
    session.commit()

    response = client.patch(
        floor_url(floor),
        json={"name": "Nieuw"},
        headers={**auth(org_admin), "If-Match": '"1"'},
    )

    assert response.status_code == 412
    assert response.json()["current_version"] == 2
    assert stored(session, floor).name == "Tuin"


def test_patch_of_unknown_floor_gets_404(client: TestClient, auth: Auth, org_admin: User) -> None:
    response = client.patch(
        f"/api/v1/work-floors/{uuid.uuid4()}",
        json={"name": "Nieuw"},
        headers={**auth(org_admin), "If-Match": '"1"'},
    )

    assert response.status_code == 404
