"""Every error path answers problem+json, with no stack trace, and never a 500 for bad input."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.core.errors import Conflict
from app.organisations.models import Organisation
from tests.factories.organisations import make_organisation
from tests.factories.users import login, make_user

PROBLEM = "application/problem+json"


@pytest.fixture
def admin_headers(client: TestClient, session: Session) -> dict[str, str]:
    platform = make_organisation(session, name="Platform")
    admin = make_user(session, platform, role=Role.ADMIN, is_platform_admin=True)
    return login(client, admin)


def assert_problem(response: object, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"] == PROBLEM  # type: ignore[attr-defined]
    body: dict[str, object] = response.json()  # type: ignore[attr-defined]
    assert body["status"] == status
    assert {"type", "title", "detail"} <= body.keys()
    return body


def organisation_count(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Organisation)) or 0


def test_unknown_api_route_is_404_problem(client: TestClient) -> None:
    assert_problem(client.get("/api/v1/does-not-exist"), 404)


def test_wrong_method_is_405_problem(client: TestClient) -> None:
    assert_problem(client.delete("/api/v1/health"), 405)


def test_malformed_json_is_400_and_changes_nothing(
    client: TestClient, admin_headers: dict[str, str], session: Session
) -> None:
    before = organisation_count(session)
    response = client.post(
        "/api/v1/organisations",
        content=b'{"name": "half',
        headers={**admin_headers, "Content-Type": "application/json"},
    )
    assert assert_problem(response, 400)["errors"] == [
        {"field": "body", "message": "is not valid JSON", "code": "invalid_json"}
    ]
    assert organisation_count(session) == before


def test_validation_errors_list_each_field(
    client: TestClient, admin_headers: dict[str, str]
) -> None:
    response = client.post(
        "/api/v1/organisations",
        json={"name": "x" * 201, "kind": "bakery", "role": "admin"},
        headers=admin_headers,
    )
    body = assert_problem(response, 422)
    fields = {e["field"] for e in body["errors"]}  # type: ignore[union-attr]
    assert fields == {"name", "kind", "role"}


@pytest.mark.parametrize(
    "payload",
    [
        [],
        "a string",
        {"name": None, "kind": "care"},
        {"name": 12, "kind": "care"},
        {"name": "Ok", "kind": ["care"]},
        {"name": "Nul\x00byte", "kind": "care"},
        b'{"name": "Lone \\ud800 surrogate", "kind": "care"}',
        {"name": "Ok", "kind": "care", "kbo_number": "9" * 10_000},
        {"name": "Ok", "kind": "care", "province": 10**30},
    ],
)
def test_hostile_organisation_bodies_are_refused_without_a_500(
    client: TestClient, admin_headers: dict[str, str], session: Session, payload: object
) -> None:
    before = organisation_count(session)
    if isinstance(payload, bytes):
        response = client.post(
            "/api/v1/organisations",
            content=payload,
            headers={**admin_headers, "Content-Type": "application/json"},
        )
    else:
        response = client.post("/api/v1/organisations", json=payload, headers=admin_headers)
    assert response.status_code in {400, 422}
    assert response.headers["content-type"] == PROBLEM
    assert organisation_count(session) == before


def test_deeply_nested_json_is_refused(client: TestClient, admin_headers: dict[str, str]) -> None:
    body = "[" * 5000 + "]" * 5000
    response = client.post(
        "/api/v1/organisations",
        content=body.encode(),
        headers={**admin_headers, "Content-Type": "application/json"},
    )
    assert response.status_code in {400, 422}


def test_unicode_and_metacharacters_round_trip_as_text(
    client: TestClient, admin_headers: dict[str, str]
) -> None:
    name = "Atelier Zoë ‘t Çavaria مرحبا 🚲 <script>alert(1)</script>'; DROP TABLE users;--"
    created = client.post(
        "/api/v1/organisations", json={"name": name, "kind": "care"}, headers=admin_headers
    )
    assert created.status_code == 201
    fetched = client.get(created.headers["location"], headers=admin_headers)
    assert fetched.json()["name"] == name


def test_body_over_one_mebibyte_is_413(client: TestClient, admin_headers: dict[str, str]) -> None:
    big = b'{"name": "' + b"a" * (1024 * 1024) + b'", "kind": "care"}'
    response = client.post(
        "/api/v1/organisations",
        content=big,
        headers={**admin_headers, "Content-Type": "application/json"},
    )
    assert_problem(response, 413)


def test_chunked_body_over_the_limit_is_413(
    client: TestClient, admin_headers: dict[str, str]
) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b"a" * (64 * 1024)

    response = client.post(
        "/api/v1/organisations",
        content=chunks(),
        headers={**admin_headers, "Content-Type": "application/json"},
    )
    assert_problem(response, 413)


def test_wrong_media_type_is_415(client: TestClient, admin_headers: dict[str, str]) -> None:
    response = client.post(
        "/api/v1/organisations",
        content=b"name=x&kind=care",
        headers={**admin_headers, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert_problem(response, 415)


def add_route_before_the_spa(app: FastAPI, path: str, endpoint: Callable[[], None]) -> None:
    app.add_api_route(path, endpoint)
    app.router.routes.insert(0, app.router.routes.pop())


def test_unexpected_error_is_500_without_internals(app: FastAPI) -> None:
    def boom() -> None:
        raise RuntimeError("secret internal detail SELECT * FROM users")

    add_route_before_the_spa(app, "/api/v1/test-boom", boom)

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/v1/test-boom")
    body = assert_problem(response, 500)
    assert "secret" not in response.text
    assert "Traceback" not in response.text
    assert body["detail"] == "Something went wrong on our side"


def test_domain_errors_keep_their_status(app: FastAPI) -> None:
    def conflict() -> None:
        raise Conflict("Already there")

    add_route_before_the_spa(app, "/api/v1/test-conflict", conflict)

    with TestClient(app) as client:
        assert assert_problem(client.get("/api/v1/test-conflict"), 409)["detail"] == "Already there"
