from __future__ import annotations

import base64
import json
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
from app.organisations.models import Organisation, OrganisationKind, Province
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user

ORGANISATIONS = "/api/v1/organisations"
PROBLEM_JSON = "application/problem+json"
VALID_KBO = "0412345614"  # 97 - (04123456 mod 97) == 14

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
def platform_admin(session: Session) -> User:
    platform = make_organisation(session, name="Platform", kind=OrganisationKind.PLATFORM)
    return make_user(session, platform, role=Role.ADMIN, is_platform_admin=True)


@pytest.fixture
def org_admin(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.ADMIN)


@pytest.fixture
def coach(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.COACH)


def organisation_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Organisation)) or 0


def stored(session: Session, organisation: Organisation) -> Organisation:
    """The row as the database holds it now, not as this session remembers it."""
    session.expire_all()
    found = session.get(Organisation, organisation.id)
    assert found is not None
    return found


def error_fields(response: Any) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


def create(client: TestClient, headers: dict[str, str], **body: Any) -> Any:
    return client.post(ORGANISATIONS, json={"kind": "work_care", **body}, headers=headers)


def all_pages(client: TestClient, headers: dict[str, str], query: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(20):  # a bound, so a cursor that never ends fails instead of hanging
        url = f"{ORGANISATIONS}?{query}" + (f"&cursor={cursor}" if cursor else "")
        response = client.get(url, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


# --- creating ------------------------------------------------------------------------------


def test_platform_admin_creates_an_organisation(
    client: TestClient, auth: Auth, platform_admin: User
) -> None:
    response = create(client, auth(platform_admin), name="De Vlasbloem", province="limburg")

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["name"] == "De Vlasbloem"
    assert body["kind"] == "work_care"
    assert body["province"] == "limburg"
    assert response.headers["Location"] == f"{ORGANISATIONS}/{body['id']}"
    assert response.headers["ETag"] == f'"{body["version"]}"'


def test_created_organisation_can_be_read_at_its_location(
    client: TestClient, auth: Auth, platform_admin: User
) -> None:
    headers = auth(platform_admin)
    created = create(client, headers, name="De Vlasbloem")

    response = client.get(created.headers["Location"], headers=headers)

    assert response.status_code == 200
    assert response.json() == created.json()
    assert response.headers["ETag"] == created.headers["ETag"]


def test_organisation_admin_may_not_create_an_organisation(
    client: TestClient, auth: Auth, org_admin: User, session: Session
) -> None:
    before = organisation_count(session)

    response = create(client, auth(org_admin), name="Eigen Initiatief")

    assert response.status_code == 403
    assert response.headers["content-type"] == PROBLEM_JSON
    assert organisation_count(session) == before


def test_coach_may_not_create_an_organisation(
    client: TestClient, auth: Auth, coach: User, session: Session
) -> None:
    before = organisation_count(session)

    response = create(client, auth(coach), name="Eigen Initiatief")

    assert response.status_code == 403
    assert organisation_count(session) == before


# --- reading -------------------------------------------------------------------------------


def test_coach_lists_every_organisation(
    client: TestClient, auth: Auth, coach: User, session: Session
) -> None:
    other = make_organisation(session, name="Andere Organisatie")

    response = client.get(ORGANISATIONS, headers=auth(coach))

    assert response.status_code == 200
    body = response.json()
    assert {item["id"] for item in body["items"]} == {str(coach.organisation_id), str(other.id)}
    assert body["total"] == 2
    assert body["next_cursor"] is None


def test_coach_reads_another_organisation_with_its_etag(
    client: TestClient, auth: Auth, coach: User, session: Session
) -> None:
    other = make_organisation(session, name="Andere Organisatie", kbo_number=VALID_KBO)

    response = client.get(f"{ORGANISATIONS}/{other.id}", headers=auth(coach))

    assert response.status_code == 200
    assert response.json()["kbo_number"] == VALID_KBO
    assert response.headers["ETag"] == f'"{other.version}"'


def test_unknown_organisation_gets_404_problem(client: TestClient, auth: Auth, coach: User) -> None:
    response = client.get(f"{ORGANISATIONS}/{uuid.uuid4()}", headers=auth(coach))

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["status"] == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", ORGANISATIONS),
        ("GET", f"{ORGANISATIONS}/{uuid.uuid4()}"),
        ("POST", ORGANISATIONS),
        ("PATCH", f"{ORGANISATIONS}/{uuid.uuid4()}"),
    ],
)
def test_request_without_token_gets_401_with_bearer_challenge(
    client: TestClient, method: str, path: str
) -> None:
    body = {"name": "X", "kind": "care"} if method != "GET" else None

    response = client.request(method, path, json=body, headers={"If-Match": '"1"'})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.headers["content-type"] == PROBLEM_JSON


def test_request_with_a_forged_token_gets_401(client: TestClient) -> None:
    response = client.get(ORGANISATIONS, headers={"Authorization": "Bearer not.a.token"})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


# --- KBO numbers ---------------------------------------------------------------------------


def test_valid_kbo_number_is_accepted(client: TestClient, auth: Auth, platform_admin: User) -> None:
    response = create(client, auth(platform_admin), name="Met KBO", kbo_number=VALID_KBO)

    assert response.status_code == 201, response.text
    assert response.json()["kbo_number"] == VALID_KBO


@pytest.mark.parametrize("written", ["0412.345.614", "0412 345 614", "412345614"])
def test_kbo_number_as_commonly_written_is_stored_as_ten_digits(
    client: TestClient, auth: Auth, platform_admin: User, written: str
) -> None:
    response = create(client, auth(platform_admin), name="Met KBO", kbo_number=written)

    assert response.status_code == 201, response.text
    assert response.json()["kbo_number"] == VALID_KBO


@pytest.mark.parametrize(
    "kbo",
    [
        "0412345615",  # check digits off by one
        "0412.345.641",  # check digits swapped
        "0412345514",  # a digit of the number changed
        "2412345614",  # must start with 0 or 1
        "04123456",  # too short
        "04123456140",  # too long
        "04I2345614",  # a letter
        "",
    ],
)
def test_kbo_number_with_wrong_check_digits_or_shape_gets_422(
    client: TestClient, auth: Auth, platform_admin: User, session: Session, kbo: str
) -> None:
    before = organisation_count(session)

    response = create(client, auth(platform_admin), name="Met KBO", kbo_number=kbo)

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON
    assert error_fields(response) == {"kbo_number"}
    assert organisation_count(session) == before


def test_duplicate_kbo_number_gets_409(
    client: TestClient, auth: Auth, platform_admin: User, session: Session
) -> None:
    make_organisation(session, kbo_number=VALID_KBO)
    before = organisation_count(session)

    response = create(client, auth(platform_admin), name="Dubbel", kbo_number="0412.345.614")

    assert response.status_code == 409
    assert error_fields(response) == {"kbo_number"}
    assert organisation_count(session) == before


def test_changing_kbo_number_to_one_in_use_gets_409(
    client: TestClient, auth: Auth, platform_admin: User, session: Session
) -> None:
    make_organisation(session, kbo_number=VALID_KBO)
    target = make_organisation(session)

    response = client.patch(
        f"{ORGANISATIONS}/{target.id}",
        json={"kbo_number": VALID_KBO},
        headers={**auth(platform_admin), "If-Match": f'"{target.version}"'},
    )

    assert response.status_code == 409
    assert error_fields(response) == {"kbo_number"}
    assert stored(session, target).kbo_number is None


# --- validation ----------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [{"id": str(uuid.uuid4())}, {"version": 9}, {"owner": "me"}])
def test_unknown_field_gets_422(
    client: TestClient, auth: Auth, platform_admin: User, session: Session, extra: dict[str, Any]
) -> None:
    before = organisation_count(session)

    response = create(client, auth(platform_admin), name="Extra", **extra)

    assert response.status_code == 422
    assert error_fields(response) == set(extra)
    assert organisation_count(session) == before


def test_name_of_200_characters_is_accepted(
    client: TestClient, auth: Auth, platform_admin: User
) -> None:
    response = create(client, auth(platform_admin), name="n" * 200)

    assert response.status_code == 201
    assert response.json()["name"] == "n" * 200


def test_name_of_201_characters_gets_422(
    client: TestClient, auth: Auth, platform_admin: User, session: Session
) -> None:
    before = organisation_count(session)

    response = create(client, auth(platform_admin), name="n" * 201)

    assert response.status_code == 422
    assert error_fields(response) == {"name"}
    assert organisation_count(session) == before


@pytest.mark.parametrize("name", ["Nul\x00byte", "\x00", "Twee\nregels", "   "])
def test_name_with_nul_byte_line_break_or_only_spaces_gets_422(
    client: TestClient, auth: Auth, platform_admin: User, session: Session, name: str
) -> None:
    before = organisation_count(session)

    response = create(client, auth(platform_admin), name=name)

    assert response.status_code == 422
    assert error_fields(response) == {"name"}
    assert organisation_count(session) == before


@pytest.mark.parametrize(
    "name",
    [
        "Vzw Café Zoë – Œuvre Ñandú",
        "جمعية العمل والرعاية",
        "Werkplaats 🚲🌱 Fietsherstel",
        "Ω 中文 עברית",
    ],
)
def test_unicode_name_round_trips(
    client: TestClient, auth: Auth, platform_admin: User, name: str
) -> None:
    headers = auth(platform_admin)
    created = create(client, headers, name=name)
    assert created.status_code == 201, created.text

    response = client.get(created.headers["Location"], headers=headers)

    assert response.json()["name"] == name


def test_decomposed_accents_are_stored_composed(
    client: TestClient, auth: Auth, platform_admin: User
) -> None:
    response = create(client, auth(platform_admin), name="Cafe\u0301")

    assert response.json()["name"] == "Caf\u00e9"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": 123, "kind": "care"}, "name"),
        ({"name": ["Lijst"], "kind": "care"}, "name"),
        ({"name": None, "kind": "care"}, "name"),
        ({"kind": "care"}, "name"),
        ({"name": "Bakkerij", "kind": "bakery"}, "kind"),
        ({"name": "Bakkerij", "kind": 1}, "kind"),
        ({"name": "Bakkerij", "kind": "care", "province": "texas"}, "province"),
        ({"name": "Bakkerij", "kind": "care", "kbo_number": 412345614}, "kbo_number"),
    ],
)
def test_wrong_types_get_422_naming_the_field(
    client: TestClient,
    auth: Auth,
    platform_admin: User,
    session: Session,
    body: dict[str, Any],
    field: str,
) -> None:
    before = organisation_count(session)

    response = client.post(ORGANISATIONS, json=body, headers=auth(platform_admin))

    assert response.status_code == 422
    assert error_fields(response) == {field}
    assert organisation_count(session) == before


@pytest.mark.parametrize("body", [[], "text", 42, None])
def test_body_that_is_not_an_object_gets_422(
    client: TestClient, auth: Auth, platform_admin: User, body: Any
) -> None:
    response = client.post(
        ORGANISATIONS,
        content=json.dumps(body),
        headers={**auth(platform_admin), "Content-Type": "application/json"},
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON


def test_malformed_json_gets_400(client: TestClient, auth: Auth, platform_admin: User) -> None:
    response = client.post(
        ORGANISATIONS,
        content=b'{"name": "Half',
        headers={**auth(platform_admin), "Content-Type": "application/json"},
    )

    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM_JSON


# --- lists: pagination, sorting, filters --------------------------------------------------

NATO = ["Golf", "Alfa", "Echo", "Charlie", "Foxtrot", "Bravo", "Delta"]


@pytest.fixture
def seven(session: Session) -> list[Organisation]:
    """Seven organisations created out of name order; the coach below works in one of them."""
    return [make_organisation(session, name=name) for name in NATO]


@pytest.fixture
def reader(session: Session, seven: list[Organisation]) -> User:
    return make_user(session, seven[0], role=Role.COACH)


def test_paging_by_three_sees_every_organisation_once_in_name_order(
    client: TestClient, auth: Auth, reader: User
) -> None:
    headers = auth(reader)
    names: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        query = "limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(f"{ORGANISATIONS}?{query}", headers=headers).json()
        pages += 1
        assert page["total"] == 7
        assert len(page["items"]) <= 3
        names.extend(item["name"] for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
        assert pages < 5

    assert pages == 3
    assert names == sorted(NATO)


def test_sort_minus_name_reverses_the_order_across_pages(
    client: TestClient, auth: Auth, reader: User
) -> None:
    items = all_pages(client, auth(reader), "limit=3&sort=-name")

    assert [item["name"] for item in items] == sorted(NATO, reverse=True)


def test_sort_by_created_at_pages_through_every_organisation_once(
    client: TestClient, auth: Auth, reader: User
) -> None:
    items = all_pages(client, auth(reader), "limit=2&sort=created_at")

    assert [item["name"] for item in items] == NATO


def test_equal_names_are_paged_without_losing_or_repeating_any(
    client: TestClient, auth: Auth, coach: User, session: Session
) -> None:
    twins = {make_organisation(session, name="Tweeling").id for _ in range(5)}

    items = all_pages(client, auth(coach), "limit=2&q=tweeling")

    assert [uuid.UUID(item["id"]) for item in items] == sorted(twins)


def test_page_of_exactly_the_remaining_rows_has_no_next_cursor(
    client: TestClient, auth: Auth, reader: User
) -> None:
    response = client.get(f"{ORGANISATIONS}?limit=7", headers=auth(reader))

    assert len(response.json()["items"]) == 7
    assert response.json()["next_cursor"] is None


@pytest.mark.parametrize("sort", ["kbo_number", "-password", "name;drop", "-", "--name"])
def test_unknown_sort_field_gets_422(
    client: TestClient, auth: Auth, coach: User, sort: str
) -> None:
    response = client.get(ORGANISATIONS, params={"sort": sort}, headers=auth(coach))

    assert response.status_code == 422
    assert error_fields(response) == {"sort"}


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "!!!!",
        "é",
        _b64(b"not json"),
        _b64(b"[1]"),
        _b64(b'{"a": 1}'),
        _b64(b'["Alfa", "not-a-uuid"]'),
        _b64(b'[{"dt": "yesterday"}, "00000000-0000-0000-0000-000000000000"]'),
        _b64(b"\xff\xfe"),
    ],
)
def test_garbage_cursor_gets_422(client: TestClient, auth: Auth, coach: User, cursor: str) -> None:
    response = client.get(ORGANISATIONS, params={"cursor": cursor}, headers=auth(coach))

    assert response.status_code == 422
    assert error_fields(response) == {"cursor"}


def test_cursor_from_another_sort_gets_422(client: TestClient, auth: Auth, reader: User) -> None:
    """A client that changes the sort but keeps its cursor must get a 422, not a 500."""
    headers = auth(reader)
    by_date = client.get(f"{ORGANISATIONS}?limit=2&sort=created_at", headers=headers).json()

    response = client.get(
        ORGANISATIONS,
        params={"limit": 2, "sort": "name", "cursor": by_date["next_cursor"]},
        headers=headers,
    )

    assert response.status_code == 422
    assert error_fields(response) == {"cursor"}


def test_forged_cursor_with_a_number_for_a_name_gets_422(
    client: TestClient, auth: Auth, reader: User
) -> None:
    cursor = _b64(json.dumps([5, str(uuid.uuid4())]).encode())

    response = client.get(ORGANISATIONS, params={"cursor": cursor}, headers=auth(reader))

    assert response.status_code == 422
    assert error_fields(response) == {"cursor"}


@pytest.mark.parametrize("limit", ["0", "-1", "201", "many"])
def test_limit_outside_1_to_200_gets_422(
    client: TestClient, auth: Auth, coach: User, limit: str
) -> None:
    response = client.get(ORGANISATIONS, params={"limit": limit}, headers=auth(coach))

    assert response.status_code == 422
    assert error_fields(response) == {"limit"}


def test_limit_200_is_accepted(client: TestClient, auth: Auth, coach: User) -> None:
    response = client.get(ORGANISATIONS, params={"limit": 200}, headers=auth(coach))

    assert response.status_code == 200


def test_q_filter_ignores_case(
    client: TestClient, auth: Auth, coach: User, session: Session
) -> None:
    make_organisation(session, name="Het Atelier")
    make_organisation(session, name="ATELIER Noord")
    make_organisation(session, name="Bakkerij")

    response = client.get(ORGANISATIONS, params={"q": "aTeLiEr"}, headers=auth(coach))

    assert sorted(item["name"] for item in response.json()["items"]) == [
        "ATELIER Noord",
        "Het Atelier",
    ]
    assert response.json()["total"] == 2


def test_q_filter_ignores_case_and_accents(
    client: TestClient, auth: Auth, coach: User, session: Session
) -> None:
    """People type "elan" for "ÉLAN": the search folds accents and case on both databases."""
    make_organisation(session, name="ÉLAN Oostende")
    make_organisation(session, name="Elan Brugge")
    make_organisation(session, name="Eland Kortrijk vzw")
    make_organisation(session, name="Atelier Blanc")

    for q in ("élan", "ELAN", "elan"):
        response = client.get(ORGANISATIONS, params={"q": q}, headers=auth(coach))
        names = [item["name"] for item in response.json()["items"]]
        assert names == ["Elan Brugge", "Eland Kortrijk vzw", "ÉLAN Oostende"]


def test_q_with_a_nul_byte_gets_422(client: TestClient, auth: Auth, coach: User) -> None:
    """Same answer on both databases (PostgreSQL refuses NUL in text; SQLite cuts at it)."""
    response = client.get(ORGANISATIONS, params={"q": "a\x00b"}, headers=auth(coach))

    assert response.status_code == 422


def test_q_filter_takes_percent_literally(
    client: TestClient, auth: Auth, coach: User, session: Session
) -> None:
    make_organisation(session, name="100% Werk")
    make_organisation(session, name="100 Werk")

    response = client.get(ORGANISATIONS, params={"q": "100%"}, headers=auth(coach))

    assert [item["name"] for item in response.json()["items"]] == ["100% Werk"]


def test_q_filter_takes_underscore_literally(
    client: TestClient, auth: Auth, coach: User, session: Session
) -> None:
    make_organisation(session, name="Werk_plaats")
    make_organisation(session, name="Werkxplaats")

    response = client.get(ORGANISATIONS, params={"q": "k_p"}, headers=auth(coach))

    assert [item["name"] for item in response.json()["items"]] == ["Werk_plaats"]


def test_q_filter_takes_backslash_literally(
    client: TestClient, auth: Auth, coach: User, session: Session
) -> None:
    make_organisation(session, name="Links\\Rechts")
    make_organisation(session, name="LinksRechts")

    response = client.get(ORGANISATIONS, params={"q": "s\\r"}, headers=auth(coach))

    assert [item["name"] for item in response.json()["items"]] == ["Links\\Rechts"]


def test_kind_filter_keeps_only_that_kind(
    client: TestClient, auth: Auth, coach: User, session: Session
) -> None:
    care = make_organisation(session, kind=OrganisationKind.CARE)

    response = client.get(ORGANISATIONS, params={"kind": "care"}, headers=auth(coach))

    assert [item["id"] for item in response.json()["items"]] == [str(care.id)]


def test_unknown_kind_filter_gets_422(client: TestClient, auth: Auth, coach: User) -> None:
    response = client.get(ORGANISATIONS, params={"kind": "bakery"}, headers=auth(coach))

    assert response.status_code == 422
    assert error_fields(response) == {"kind"}


# --- updating ------------------------------------------------------------------------------


def test_patch_without_if_match_gets_428(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    response = client.patch(
        f"{ORGANISATIONS}/{home.id}", json={"name": "Nieuw"}, headers=auth(org_admin)
    )

    assert response.status_code == 428
    assert response.headers["content-type"] == PROBLEM_JSON
    assert stored(session, home).name == "Thuisbasis"


def test_patch_with_stale_if_match_gets_412_with_current_version(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    home.province = Province.ANTWERPEN  # someone else's edit: version 1 → 2
    session.commit()
    assert home.version == 2

    response = client.patch(
        f"{ORGANISATIONS}/{home.id}",
        json={"name": "Nieuw"},
        headers={**auth(org_admin), "If-Match": '"1"'},
    )

    assert response.status_code == 412
    assert response.json()["current_version"] == 2
    after = stored(session, home)
    assert (after.name, after.version) == ("Thuisbasis", 2)


def test_patch_with_current_if_match_bumps_version_and_etag(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    headers = auth(org_admin)
    etag = client.get(f"{ORGANISATIONS}/{home.id}", headers=headers).headers["ETag"]

    response = client.patch(
        f"{ORGANISATIONS}/{home.id}",
        json={"name": "Nieuwe Naam", "province": "brussel"},
        headers={**headers, "If-Match": etag},
    )

    assert response.status_code == 200, response.text
    assert response.json()["version"] == home.version + 1
    assert response.headers["ETag"] == f'"{home.version + 1}"'
    after = stored(session, home)
    assert (after.name, after.province, after.version) == ("Nieuwe Naam", "brussel", 2)


def test_patch_accepts_a_weak_etag(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation
) -> None:
    response = client.patch(
        f"{ORGANISATIONS}/{home.id}",
        json={"name": "Nieuw"},
        headers={**auth(org_admin), "If-Match": f'W/"{home.version}"'},
    )

    assert response.status_code == 200


def test_patch_with_an_if_match_that_is_not_an_etag_gets_400(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation
) -> None:
    response = client.patch(
        f"{ORGANISATIONS}/{home.id}",
        json={"name": "Nieuw"},
        headers={**auth(org_admin), "If-Match": "*"},
    )

    assert response.status_code == 400


def test_organisation_admin_may_not_patch_another_organisation(
    client: TestClient, auth: Auth, org_admin: User, session: Session
) -> None:
    other = make_organisation(session, name="Buren")

    response = client.patch(
        f"{ORGANISATIONS}/{other.id}",
        json={"name": "Overgenomen"},
        headers={**auth(org_admin), "If-Match": f'"{other.version}"'},
    )

    assert response.status_code == 403
    after = stored(session, other)
    assert (after.name, after.version) == ("Buren", 1)


def test_coach_may_not_patch_own_organisation(
    client: TestClient, auth: Auth, coach: User, home: Organisation, session: Session
) -> None:
    response = client.patch(
        f"{ORGANISATIONS}/{home.id}",
        json={"name": "Overgenomen"},
        headers={**auth(coach), "If-Match": f'"{home.version}"'},
    )

    assert response.status_code == 403
    assert stored(session, home).name == "Thuisbasis"


def test_organisation_admin_may_not_change_the_kind(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    response = client.patch(
        f"{ORGANISATIONS}/{home.id}",
        json={"kind": "platform"},
        headers={**auth(org_admin), "If-Match": f'"{home.version}"'},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"kind"}
    after = stored(session, home)
    assert (after.kind, after.version) == (OrganisationKind.WORK_CARE, 1)


def test_platform_admin_may_change_the_kind(
    client: TestClient, auth: Auth, platform_admin: User, home: Organisation
) -> None:
    response = client.patch(
        f"{ORGANISATIONS}/{home.id}",
        json={"kind": "care"},
        headers={**auth(platform_admin), "If-Match": f'"{home.version}"'},
    )

    assert response.status_code == 200
    assert response.json()["kind"] == "care"


def test_patch_with_unknown_field_gets_422_and_changes_nothing(
    client: TestClient, auth: Auth, org_admin: User, home: Organisation, session: Session
) -> None:
    response = client.patch(
        f"{ORGANISATIONS}/{home.id}",
        json={"name": "Nieuw", "version": 99},
        headers={**auth(org_admin), "If-Match": f'"{home.version}"'},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"version"}
    after = stored(session, home)
    assert (after.name, after.version) == ("Thuisbasis", 1)


@pytest.mark.parametrize("field", ["name", "kind"])
def test_patch_setting_a_required_field_to_null_gets_422_on_that_field(
    client: TestClient,
    auth: Auth,
    platform_admin: User,
    home: Organisation,
    session: Session,
    field: str,
) -> None:
    response = client.patch(
        f"{ORGANISATIONS}/{home.id}",
        json={field: None},
        headers={**auth(platform_admin), "If-Match": f'"{home.version}"'},
    )

    assert response.status_code == 422
    assert error_fields(response) == {field}
    after = stored(session, home)
    assert (after.name, after.kind) == ("Thuisbasis", OrganisationKind.WORK_CARE)


def test_patch_setting_kbo_number_to_null_clears_it(
    client: TestClient, auth: Auth, platform_admin: User, session: Session
) -> None:
    organisation = make_organisation(session, kbo_number=VALID_KBO)

    response = client.patch(
        f"{ORGANISATIONS}/{organisation.id}",
        json={"kbo_number": None},
        headers={**auth(platform_admin), "If-Match": f'"{organisation.version}"'},
    )

    assert response.status_code == 200
    assert stored(session, organisation).kbo_number is None


def test_patch_of_unknown_organisation_gets_404(
    client: TestClient, auth: Auth, platform_admin: User
) -> None:
    response = client.patch(
        f"{ORGANISATIONS}/{uuid.uuid4()}",
        json={"name": "Nieuw"},
        headers={**auth(platform_admin), "If-Match": '"1"'},
    )

    assert response.status_code == 404
