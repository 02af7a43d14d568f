"""Shared arrangement for the report tests: a generated region and the caller's headers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy.orm import Session

from app.auth.models import User
from app.core.config import Settings
from tests.factories.users import token_headers
from tests.reports.dataset import Region, build_region

API = "/api/v1/reports"
PROBLEM_JSON = "application/problem+json"

Auth = Callable[[User], dict[str, str]]


@pytest.fixture
def auth(settings: Settings) -> Auth:
    def headers(user: User) -> dict[str, str]:
        return token_headers(user, settings)

    return headers


@pytest.fixture
def region(session: Session) -> Region:
    return build_region(session, seed=20261124, today=date.today())
