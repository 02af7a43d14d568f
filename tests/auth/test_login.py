from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth import service as auth_service
from app.auth.models import LoginAttempt, Role, User
from app.core.config import Settings
from app.core.database import utcnow
from app.main import create_app
from tests.factories.organisations import make_organisation
from tests.factories.users import PASSWORD, make_user

LOGIN = "/api/v1/auth/login"


@pytest.fixture
def user(session: Session) -> User:
    return make_user(session, make_organisation(session), role=Role.MEDIATOR)


def attempt(client: TestClient, email: str, password: str) -> tuple[int, dict[str, object]]:
    response = client.post(LOGIN, data={"username": email, "password": password})
    return response.status_code, response.json()


def test_login_returns_a_bearer_token_that_opens_me(client: TestClient, user: User) -> None:
    response = client.post(LOGIN, data={"username": user.email, "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 15 * 60
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["email"] == user.email
    assert me.json()["role"] == "mediator"
    assert "users:manage" not in me.json()["permissions"]


def test_login_ignores_the_case_of_the_email(client: TestClient, user: User) -> None:
    status, _ = attempt(client, user.email.upper(), PASSWORD)
    assert status == 200


def test_unknown_email_and_wrong_password_get_the_same_answer(
    client: TestClient, user: User
) -> None:
    wrong_password = attempt(client, user.email, "not the password at all")
    unknown_email = attempt(client, "nobody@example.test", "not the password at all")
    assert wrong_password[0] == unknown_email[0] == 401
    assert wrong_password[1] == unknown_email[1]


def test_unknown_email_still_costs_a_password_verification(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str | None] = []
    original = auth_service.verify_password

    def spy(password: str, password_hash: str | None) -> bool:
        calls.append(password_hash)
        return original(password, password_hash)

    monkeypatch.setattr(auth_service, "verify_password", spy)
    attempt(client, "nobody@example.test", "whatever-password")
    assert calls == [None]  # verified against the dummy hash, so timing matches a real user


def test_deactivated_user_cannot_log_in(client: TestClient, user: User, session: Session) -> None:
    user.is_active = False
    session.commit()
    status, body = attempt(client, user.email, PASSWORD)
    assert status == 401
    assert body["detail"] == auth_service.WRONG_CREDENTIALS


def test_failed_logins_are_recorded_and_a_success_clears_them(
    client: TestClient, user: User, session: Session
) -> None:
    attempt(client, user.email, "wrong-password-1")
    attempt(client, user.email, "wrong-password-2")
    count = select(func.count()).select_from(LoginAttempt).where(LoginAttempt.email == user.email)
    assert session.scalar(count) == 2
    assert attempt(client, user.email, PASSWORD)[0] == 200
    session.expire_all()
    assert session.scalar(count) == 0


def test_repeated_failures_for_one_account_are_throttled(client: TestClient, user: User) -> None:
    for _ in range(5):
        assert attempt(client, user.email, "wrong-password")[0] == 401
    response = client.post(LOGIN, data={"username": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) > 0
    assert response.headers["content-type"] == "application/problem+json"


def test_repeated_failures_from_one_address_are_throttled(
    settings: Settings, session: Session, user: User
) -> None:
    app: FastAPI = create_app(settings.model_copy(update={"login_max_failures_per_address": 3}))
    with TestClient(app, base_url="https://testserver") as client:
        for n in range(3):
            assert attempt(client, f"person{n}@example.test", "wrong-password")[0] == 401
        assert attempt(client, user.email, PASSWORD)[0] == 429
    app.state.engine.dispose()


def test_old_failures_do_not_count(client: TestClient, user: User, session: Session) -> None:
    long_ago = utcnow() - timedelta(hours=2)
    session.add_all(
        LoginAttempt(email=user.email, client_address="testclient", attempted_at=long_ago)
        for _ in range(10)
    )
    session.commit()
    assert attempt(client, user.email, PASSWORD)[0] == 200


def test_login_needs_a_form_body(client: TestClient) -> None:
    response = client.post(LOGIN, json={"username": "a@b.c", "password": "x"})
    assert response.status_code == 415


def test_login_with_missing_fields_is_422(client: TestClient) -> None:
    response = client.post(LOGIN, data={"username": "a@b.c"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "password"
