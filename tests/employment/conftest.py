"""People and case files shared by the employment and outflow tests.

Home is the caller's organisation; Elders is another one whose staff must see nothing of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.employment.models import Employer
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.trajectories.models import Trajectory
from app.trajectories.phases import Phase
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.employment import make_employer
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers

PROBLEM_JSON = "application/problem+json"

Auth = Callable[[User], dict[str, str]]


def error_fields(response: Any) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


def if_match(response_or_version: Any) -> dict[str, str]:
    version = (
        response_or_version
        if isinstance(response_or_version, int)
        else response_or_version.json()["version"]
    )
    return {"If-Match": f'"{version}"'}


@pytest.fixture
def auth(settings: Settings) -> Auth:
    def headers(user: User) -> dict[str, str]:
        return token_headers(user, settings)

    return headers


@pytest.fixture
def home(session: Session) -> Organisation:
    return make_organisation(session, name="Thuisbasis")


@pytest.fixture
def elsewhere(session: Session) -> Organisation:
    return make_organisation(session, name="Elders")


@pytest.fixture
def mediator(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.MEDIATOR)


@pytest.fixture
def coach(session: Session, home: Organisation, trajectory: Trajectory) -> User:
    """On the trajectory's mini-team: a coach sees only the people on their floor or team."""
    coach = make_user(session, home, role=Role.COACH)
    add_team_member(session, trajectory, coach)
    return coach


@pytest.fixture
def manager(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.MANAGER)


@pytest.fixture
def outsider(session: Session, elsewhere: Organisation) -> User:
    """A mediator of another organisation: may do everything, but not with our case files."""
    return make_user(session, elsewhere, role=Role.MEDIATOR)


@pytest.fixture
def participant(session: Session, home: Organisation) -> Participant:
    return make_participant(session, home)


@pytest.fixture
def trajectory(session: Session, participant: Participant) -> Trajectory:
    return make_trajectory(session, participant, phase=Phase.PLACEMENT)


@pytest.fixture
def employer(session: Session, home: Organisation) -> Employer:
    return make_employer(session, home, name="Bakkerij Zoë")
