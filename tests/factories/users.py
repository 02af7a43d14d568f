from __future__ import annotations

import itertools
from functools import cache
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.core.security import create_access_token, hash_password
from app.organisations.models import Organisation

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)


@cache
def _hash(password: str) -> str:
    return hash_password(password)


def make_user(
    session: Session,
    organisation: Organisation,
    *,
    role: Role = Role.COACH,
    password: str = PASSWORD,
    **overrides: Any,
) -> User:
    n = next(_counter)
    values: dict[str, Any] = {
        "email": f"user{n}@example.test",
        "name": f"Gebruiker {n}",
        "password_hash": _hash(password),
        "role": role,
        "organisation_id": organisation.id,
    }
    values.update(overrides)
    user = User(**values)
    session.add(user)
    session.commit()
    return user


def login(client: TestClient, user: User, password: str = PASSWORD) -> dict[str, str]:
    """Log in through the API; returns the Authorization header."""
    response = client.post(
        "/api/v1/auth/login", data={"username": user.email, "password": password}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def token_headers(user: User, settings: Settings) -> dict[str, str]:
    """Authorization header without going through the login endpoint (no Argon2 cost)."""
    return {"Authorization": f"Bearer {create_access_token(user.id, settings).token}"}
