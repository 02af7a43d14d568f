"""Who may read funder months and who may decide them."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.permissions import ROLE_ACTIONS, Action
from app.auth.models import Role, User
from app.funding.models import FunderMonth
from app.organisations.models import Organisation
from app.trajectories.models import Trajectory
from tests.factories.case_files import add_team_member
from tests.factories.progress import make_progress_log
from tests.factories.users import make_user
from tests.funding.conftest import PROBLEM_JSON, Auth, month_url, months_url

APPROVE = {"decision": "approved"}
FIRST = {"If-Match": '"0"'}


@pytest.fixture(autouse=True)
def _february_realised(session: Session, coach: User, closed_trajectory: Trajectory) -> None:
    make_progress_log(session, closed_trajectory, coach.id, logged_on=date(2024, 2, 12))


def decisions(session: Session) -> int:
    return session.scalar(select(func.count(FunderMonth.id))) or 0


@pytest.mark.parametrize("role", [Role.COACH, Role.MEDIATOR, Role.COUNSELLOR])
def test_case_workers_see_the_months_but_may_not_decide(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    closed_trajectory: Trajectory,
    role: Role,
) -> None:
    assert Action.FUNDER_MONTHS_APPROVE not in ROLE_ACTIONS[role]
    user = make_user(session, home, role=role)
    add_team_member(session, closed_trajectory, user)  # coaches see their team's files

    listed = client.get(months_url(closed_trajectory), headers=auth(user))
    response = client.patch(
        month_url(closed_trajectory, "2024-02"), json=APPROVE, headers={**auth(user), **FIRST}
    )

    assert listed.status_code == 200
    assert response.status_code == 403
    assert response.headers["content-type"] == PROBLEM_JSON
    assert decisions(session) == 0


def test_a_manager_of_the_owning_organisation_may_decide(
    client: TestClient, auth: Auth, manager: User, closed_trajectory: Trajectory
) -> None:
    response = client.patch(
        month_url(closed_trajectory, "2024-02"), json=APPROVE, headers={**auth(manager), **FIRST}
    )

    assert response.status_code == 200


def test_a_manager_of_another_organisation_gets_404(
    client: TestClient,
    auth: Auth,
    session: Session,
    elsewhere: Organisation,
    closed_trajectory: Trajectory,
) -> None:
    outsider = make_user(session, elsewhere, role=Role.MANAGER)

    listed = client.get(months_url(closed_trajectory), headers=auth(outsider))
    one = client.get(month_url(closed_trajectory, "2024-02"), headers=auth(outsider))
    decided = client.patch(
        month_url(closed_trajectory, "2024-02"), json=APPROVE, headers={**auth(outsider), **FIRST}
    )

    assert (listed.status_code, one.status_code, decided.status_code) == (404, 404, 404)
    assert decisions(session) == 0


def test_an_organisation_admin_does_not_see_case_files(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    closed_trajectory: Trajectory,
) -> None:
    admin = make_user(session, home, role=Role.ADMIN)

    assert client.get(months_url(closed_trajectory), headers=auth(admin)).status_code == 404
    response = client.patch(
        month_url(closed_trajectory, "2024-02"), json=APPROVE, headers={**auth(admin), **FIRST}
    )
    assert response.status_code == 404


def test_an_unknown_trajectory_is_404_and_anonymous_callers_401(
    client: TestClient, auth: Auth, manager: User, closed_trajectory: Trajectory
) -> None:
    unknown = "/api/v1/trajectories/00000000-0000-4000-8000-000000000000/funder-months"

    assert client.get(unknown, headers=auth(manager)).status_code == 404
    assert client.get(months_url(closed_trajectory)).status_code == 401
    assert (
        client.patch(month_url(closed_trajectory, "2024-02"), json=APPROVE, headers=FIRST)
    ).status_code == 401
