"""The access tests' world (one case file shared by three organisations, users of every role
and relation, notes of every visibility), filled with a record in every personal table."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.core.config import Settings
from tests.access.conftest import World, world
from tests.factories.employment import make_employer
from tests.factories.users import token_headers
from tests.rights.support import Staffing, fill_participant, fill_trajectory

__all__ = ["world"]


@pytest.fixture
def staffing(session: Session, world: World) -> Staffing:
    return Staffing(
        author=world.counsellor,
        outsider=world.stranger_counsellor,
        floor=world.floor,
        employer=make_employer(session, world.owner, name="Bakkerij Brood & Zo"),
    )


@pytest.fixture
def full_world(session: Session, world: World, staffing: Staffing) -> World:
    """The world with every kind of record on its one trajectory and its participant."""
    fill_participant(session, world.participant, world.ggz)
    fill_trajectory(session, world.trajectory, staffing)
    return world


@pytest.fixture
def admin_headers(settings: Settings, world: World) -> dict[str, str]:
    return token_headers(world.admin, settings)
