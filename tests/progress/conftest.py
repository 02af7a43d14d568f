"""Shared arrangement for the progress slice: two organisations, their staff and one case."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.organisations.models import Organisation, WorkFloor
from app.participants.models import Participant
from app.trajectories.models import Trajectory
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.organisations import make_organisation, make_work_floor
from tests.factories.progress import restore_default_competence_items
from tests.factories.users import make_user, token_headers
from tests.progress.support import Auth


@pytest.fixture(autouse=True)
def _default_competence_items(session: Session) -> None:
    restore_default_competence_items(session)


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
def floor(session: Session, home: Organisation) -> WorkFloor:
    return make_work_floor(session, home, name="Keuken", capacity=10)


@pytest.fixture
def coach(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.COACH)


@pytest.fixture
def manager(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.MANAGER)


@pytest.fixture
def outsider(session: Session, elsewhere: Organisation) -> User:
    """A coach of another organisation: sees none of home's trajectories."""
    return make_user(session, elsewhere, role=Role.COACH)


@pytest.fixture
def participant(session: Session, home: Organisation) -> Participant:
    return make_participant(
        session, home, first_name="Sofie", last_name="Peeters", preferred_name="Fie"
    )


@pytest.fixture
def trajectory(session: Session, participant: Participant, coach: User) -> Trajectory:
    """The case, with the coach on its mini-team: a coach sees the case files of their
    mini-teams and work floors, not the whole organisation's."""
    trajectory = make_trajectory(session, participant)
    add_team_member(session, trajectory, coach)
    return trajectory
