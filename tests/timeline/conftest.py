"""Two organisations, their staff and one case file for the timeline tests."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.employment.models import Employer
from app.organisations.models import Organisation, WorkFloor
from app.participants.models import Participant
from app.trajectories.models import Trajectory
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.employment import make_employer
from tests.factories.organisations import make_organisation, make_work_floor
from tests.factories.users import make_user, token_headers
from tests.timeline.support import Auth


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
    return make_work_floor(session, home, name="Keuken")


@pytest.fixture
def employer(session: Session, home: Organisation) -> Employer:
    return make_employer(session, home, name="Bakkerij Bloem")


@pytest.fixture
def coach(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.COACH, name="Ann Coach")


@pytest.fixture
def mediator(session: Session, home: Organisation) -> User:
    return make_user(
        session,
        home,
        role=Role.MEDIATOR,
        name="Bart Trajectbegeleider",
        bound_by_professional_secrecy=True,
    )


@pytest.fixture
def manager(session: Session, home: Organisation) -> User:
    return make_user(session, home, role=Role.MANAGER, name="Carla Coördinator")


@pytest.fixture
def outsider(session: Session, elsewhere: Organisation) -> User:
    """A mediator of another organisation: sees none of home's trajectories."""
    return make_user(session, elsewhere, role=Role.MEDIATOR)


@pytest.fixture
def participant(session: Session, home: Organisation) -> Participant:
    return make_participant(session, home, first_name="Sofie", last_name="Peeters")


@pytest.fixture
def trajectory(session: Session, participant: Participant) -> Trajectory:
    return make_trajectory(session, participant)


@pytest.fixture
def viewer(session: Session, home: Organisation) -> User:
    """Reads the case file through the organisation scope (a coach would need a placement
    or a seat on the mini-team, which would add items to the timeline under test)."""
    return make_user(session, home, role=Role.MEDIATOR, name="Dirk Lezer")
