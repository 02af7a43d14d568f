"""The token battery: every forged, stale or revoked credential answers 401."""

from __future__ import annotations

import base64
import json
import time
import uuid

import pytest
from fastapi.testclient import TestClient
from jose import jwt
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.models import RefreshToken, User
from app.core.config import Settings
from tests.factories.organisations import make_organisation
from tests.factories.users import login, make_user

ME = "/api/v1/me"
REFRESH = "/api/v1/auth/refresh"


@pytest.fixture
def user(session: Session) -> User:
    return make_user(session, make_organisation(session))


def claims_for(user: User, settings: Settings, **overrides: object) -> dict[str, object]:
    now = int(time.time())
    claims: dict[str, object] = {
        "sub": str(user.id),
        "aud": settings.token_audience,
        "iss": settings.token_issuer,
        "iat": now,
        "exp": now + 600,
        "jti": uuid.uuid4().hex,
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_rejected(client: TestClient, token: str) -> None:
    response = client.get(ME, headers=bearer(token))
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_valid_token_is_accepted(client: TestClient, user: User, settings: Settings) -> None:
    token = jwt.encode(claims_for(user, settings), settings.secret_key, algorithm="HS256")
    assert client.get(ME, headers=bearer(token)).json()["id"] == str(user.id)


def test_no_token_is_401(client: TestClient, user: User) -> None:
    response = client.get(ME)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_alg_none_is_rejected(client: TestClient, user: User, settings: Settings) -> None:
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    token = f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims_for(user, settings))}."
    assert_rejected(client, token)


def test_token_signed_with_another_key_is_rejected(
    client: TestClient, user: User, settings: Settings
) -> None:
    token = jwt.encode(claims_for(user, settings), "another-key-" * 4, algorithm="HS256")
    assert_rejected(client, token)


def test_token_with_another_hmac_algorithm_is_rejected(
    client: TestClient, user: User, settings: Settings
) -> None:
    token = jwt.encode(claims_for(user, settings), settings.secret_key, algorithm="HS512")
    assert_rejected(client, token)


def test_expired_token_is_rejected(client: TestClient, user: User, settings: Settings) -> None:
    past = int(time.time()) - 3600
    claims = claims_for(user, settings, iat=past - 900, exp=past)
    assert_rejected(client, jwt.encode(claims, settings.secret_key, algorithm="HS256"))


def test_tampered_payload_is_rejected(
    client: TestClient, user: User, settings: Settings, session: Session
) -> None:
    other = make_user(session, make_organisation(session))
    header, _, signature = jwt.encode(
        claims_for(user, settings), settings.secret_key, algorithm="HS256"
    ).split(".")
    forged = (
        base64.urlsafe_b64encode(json.dumps(claims_for(other, settings)).encode())
        .decode()
        .rstrip("=")
    )
    assert_rejected(client, f"{header}.{forged}.{signature}")


@pytest.mark.parametrize(
    "overrides",
    [
        {"aud": "another-api"},
        {"iss": "someone-else"},
        {"exp": None},
        {"iat": None},
        {"aud": None},
        {"iss": None},
        {"jti": None},
        {"sub": None},
        {"sub": "not-a-uuid"},
        {"sub": str(uuid.UUID(int=0))},
    ],
    ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()),
)
def test_token_with_wrong_or_missing_claim_is_rejected(
    client: TestClient, user: User, settings: Settings, overrides: dict[str, object]
) -> None:
    claims = claims_for(user, settings)
    for key, value in overrides.items():
        if value is None:
            claims.pop(key)
        else:
            claims[key] = value
    assert_rejected(client, jwt.encode(claims, settings.secret_key, algorithm="HS256"))


def test_garbage_bearer_is_rejected(client: TestClient, user: User) -> None:
    assert_rejected(client, "not.a.jwt")


def test_refresh_rotates_the_cookie_and_issues_a_new_access_token(
    client: TestClient, user: User
) -> None:
    login(client, user)
    first_cookie = client.cookies.get("werkpad_refresh")
    response = client.post(REFRESH)
    assert response.status_code == 200
    assert client.cookies.get("werkpad_refresh") not in (None, first_cookie)
    assert client.get(ME, headers=bearer(response.json()["access_token"])).status_code == 200


def test_refresh_cookie_is_httponly_strict_secure_and_scoped_to_auth(
    client: TestClient, user: User
) -> None:
    response = client.post(
        "/api/v1/auth/login",
        data={"username": user.email, "password": "correct horse battery staple"},
    )
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert "Secure" in cookie
    assert "Path=/api/v1/auth" in cookie


def test_reusing_a_spent_refresh_token_revokes_the_whole_family(
    client: TestClient, user: User, session: Session
) -> None:
    login(client, user)
    stolen = client.cookies.get("werkpad_refresh")
    assert client.post(REFRESH).status_code == 200
    legitimate = client.cookies.get("werkpad_refresh")

    client.cookies.clear()
    client.cookies.set("werkpad_refresh", stolen)
    assert client.post(REFRESH).status_code == 401

    client.cookies.clear()
    client.cookies.set("werkpad_refresh", legitimate)
    # The legitimate holder's newer token died with the family.
    assert client.post(REFRESH).status_code == 401
    tokens = session.scalars(select(RefreshToken).where(RefreshToken.user_id == user.id)).all()
    assert tokens and all(t.revoked_at is not None for t in tokens)


def test_logout_revokes_the_refresh_token(client: TestClient, user: User) -> None:
    login(client, user)
    cookie = client.cookies.get("werkpad_refresh")
    assert client.post("/api/v1/auth/logout").status_code == 204
    client.cookies.clear()
    client.cookies.set("werkpad_refresh", cookie)
    assert client.post(REFRESH).status_code == 401


def test_refresh_without_cookie_is_401(client: TestClient) -> None:
    response = client.post(REFRESH)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


def test_unknown_refresh_token_is_401(client: TestClient) -> None:
    client.cookies.set("werkpad_refresh", "made-up")
    assert client.post(REFRESH).status_code == 401


def test_deactivated_user_loses_access_and_refresh_at_once(
    client: TestClient, user: User, session: Session
) -> None:
    headers = login(client, user)
    user.is_active = False
    session.commit()
    assert client.get(ME, headers=headers).status_code == 401
    assert client.post(REFRESH).status_code == 401


def test_refresh_from_another_site_is_refused(client: TestClient, user: User) -> None:
    login(client, user)
    response = client.post(REFRESH, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    response = client.post(REFRESH, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    # Same-origin requests still work.
    assert client.post(REFRESH, headers={"Origin": "https://testserver"}).status_code == 200


def test_logout_from_another_site_is_refused(client: TestClient, user: User) -> None:
    login(client, user)
    response = client.post("/api/v1/auth/logout", headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert client.post(REFRESH).status_code == 200
