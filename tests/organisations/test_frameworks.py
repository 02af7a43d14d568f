from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.core.security import create_access_token
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user

FRAMEWORKS = "/api/v1/frameworks"
SEEDED_CODES = [
    "activation_trajectory",
    "ama_social_economy",
    "ama_welfare",
    "doorstroom_province",
    "ips",
    "other",
]


@pytest.fixture
def coach_headers(session: Session, settings: Settings) -> dict[str, str]:
    coach = make_user(session, make_organisation(session), role=Role.COACH)
    return {"Authorization": f"Bearer {create_access_token(coach.id, settings).token}"}


@pytest.fixture
def frameworks(client: TestClient, coach_headers: dict[str, str]) -> dict[str, dict[str, Any]]:
    response = client.get(FRAMEWORKS, headers=coach_headers)
    assert response.status_code == 200, response.text
    return {item["code"]: item for item in response.json()}


def test_frameworks_lists_the_six_seeded_codes_in_their_order(
    client: TestClient, coach_headers: dict[str, str]
) -> None:
    response = client.get(FRAMEWORKS, headers=coach_headers)

    assert response.status_code == 200
    assert [item["code"] for item in response.json()] == SEEDED_CODES


@pytest.mark.parametrize(
    ("code", "min_months", "max_months", "min_hours_per_week"),
    [
        ("activation_trajectory", 3, 18, None),
        ("doorstroom_province", None, 24, None),
        ("ama_social_economy", None, None, 12),
        ("ama_welfare", None, None, None),
        ("ips", None, None, None),
        ("other", None, None, None),
    ],
)
def test_framework_carries_its_durations(
    frameworks: dict[str, dict[str, Any]],
    code: str,
    min_months: int | None,
    max_months: int | None,
    min_hours_per_week: int | None,
) -> None:
    framework = frameworks[code]

    assert (
        framework["min_months"],
        framework["max_months"],
        framework["min_hours_per_week"],
    ) == (min_months, max_months, min_hours_per_week)


def test_every_framework_has_a_dutch_and_an_english_name(
    frameworks: dict[str, dict[str, Any]],
) -> None:
    assert all(f["name_nl"] and f["name_en"] for f in frameworks.values())


def test_frameworks_need_a_token(client: TestClient) -> None:
    response = client.get(FRAMEWORKS)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_frameworks_cannot_be_created_through_the_api(
    client: TestClient, session: Session, settings: Settings
) -> None:
    platform = make_organisation(session)
    admin: User = make_user(session, platform, role=Role.ADMIN, is_platform_admin=True)
    headers = {"Authorization": f"Bearer {create_access_token(admin.id, settings).token}"}

    response = client.post(FRAMEWORKS, json={"code": "new"}, headers=headers)

    assert response.status_code == 405
