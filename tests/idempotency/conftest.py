"""One organisation with a counsellor, who may do every case-file write."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.organisations.models import Organisation
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers


@pytest.fixture
def org(session: Session) -> Organisation:
    return make_organisation(session, name="De Werkplaats")


@pytest.fixture
def counsellor(session: Session, org: Organisation) -> User:
    return make_user(session, org, role=Role.COUNSELLOR, bound_by_professional_secrecy=True)


@pytest.fixture
def headers(counsellor: User, settings: Settings) -> dict[str, str]:
    return token_headers(counsellor, settings)
