"""Shared arrangement for funder months: two organisations, their staff and one participant.

Dates are fixed in 2024 so that every month in these tests is over, whatever today is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.trajectories.models import Trajectory
from app.trajectories.phases import Status
from tests.factories.case_files import make_participant
from tests.factories.funding import make_trajectory_with_history
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers

API = "/api/v1"
PROBLEM_JSON = "application/problem+json"

Auth = Callable[[User], dict[str, str]]


def months_url(trajectory: Trajectory) -> str:
    return f"{API}/trajectories/{trajectory.id}/funder-months"


def month_url(trajectory: Trajectory, month: str) -> str:
    return f"{months_url(trajectory)}/{month}"


def error_fields(response: Any) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


def by_month(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["month"]: item for item in body["items"]}


@pytest.fixture
def auth(settings: Settings) -> Auth:
    def headers(user: User) -> dict[str, str]:
        return token_headers(user, settings)

    return headers


@pytest.fixture
def home(session: Session) -> Organisation:
    return make_organisation(session, name="De Vlasbloem")


@pytest.fixture
def elsewhere(session: Session) -> Organisation:
    return make_organisation(session, name="Elders")


@pytest.fixture
def manager(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.MANAGER)


@pytest.fixture
def coach(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.COACH)


@pytest.fixture
def participant(session: Session, home: Organisation) -> Participant:
    return make_participant(session, home, first_name="Sofie", last_name="Peeters")


@pytest.fixture
def closed_trajectory(session: Session, participant: Participant) -> Trajectory:
    """Active from 15 January 2024, closed on 10 April 2024: January to April."""
    return make_trajectory_with_history(
        session,
        participant,
        [
            (Status.REFERRED, date(2023, 12, 1)),
            (Status.ACTIVE, date(2024, 1, 15)),
            (Status.CLOSED, date(2024, 4, 10)),
        ],
    )
