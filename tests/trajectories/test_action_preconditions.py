"""If-Match on the actions on a trajectory (start, phase change, pause, resume).

Optional on these POSTs, so clients that send none still work; when sent, it is checked like on
PATCH: a stale version is a 412 with the current one and changes nothing, a malformed one a 400.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.core.config import Settings
from app.organisations.models import Organisation
from app.trajectories.models import PhaseChange, StatusChange, Trajectory
from app.trajectories.phases import Phase, Status
from tests.clock import DaysFromToday, today, with_days_resolved
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers

TRAJECTORIES = "/api/v1/trajectories"


@dataclass(frozen=True)
class Act:
    """One action: the status it starts from, its route, its body and what it changes."""

    name: str
    from_status: Status
    body: dict[str, object]
    to_status: Status
    to_phase: Phase


ACTIONS = [
    Act("start", Status.REFERRED, {"date": DaysFromToday(0)}, Status.ACTIVE, Phase.INTAKE),
    Act(
        "phase-changes",
        Status.ACTIVE,
        {"to_phase": "placement", "date": DaysFromToday(0)},
        Status.ACTIVE,
        Phase.PLACEMENT,
    ),
    Act(
        "pause",
        Status.ACTIVE,
        {"date": DaysFromToday(0), "reason": "Opname"},
        Status.PAUSED,
        Phase.INTAKE,
    ),
    Act("resume", Status.PAUSED, {"date": DaysFromToday(0)}, Status.ACTIVE, Phase.INTAKE),
]
BY_NAME = pytest.mark.parametrize("act", ACTIONS, ids=[a.name for a in ACTIONS])


@pytest.fixture
def org(session: Session) -> Organisation:
    return make_organisation(session, name="De Werkplaats")


@pytest.fixture
def headers(session: Session, org: Organisation, settings: Settings) -> dict[str, str]:
    mediator = make_user(session, org, role=Role.MEDIATOR, bound_by_professional_secrecy=True)
    return token_headers(mediator, settings)


def _trajectory(session: Session, org: Organisation, act: Act) -> Trajectory:
    return make_trajectory(session, make_participant(session, org), status=act.from_status)


def _stored(session: Session, trajectory: Trajectory) -> tuple[int, Status, Phase, int]:
    """Version, status, phase and the number of history rows, as committed."""
    session.expire_all()
    stored = session.get_one(Trajectory, trajectory.id)
    history = sum(
        session.scalar(select(func.count()).where(model.trajectory_id == trajectory.id)) or 0
        for model in (PhaseChange, StatusChange)
    )
    return stored.version, stored.status, stored.phase, history


def _send(
    client: TestClient,
    headers: dict[str, str],
    trajectory: Trajectory,
    act: Act,
    if_match: str | None,
):  # type: ignore[no-untyped-def]
    sent = dict(headers)
    if if_match is not None:
        sent["If-Match"] = if_match
    return client.post(
        f"{TRAJECTORIES}/{trajectory.id}/{act.name}",
        json=with_days_resolved(act.body),
        headers=sent,
    )


def _assert_done(session: Session, trajectory: Trajectory, act: Act, before: int) -> None:
    version, status, phase, _ = _stored(session, trajectory)
    assert (status, phase) == (act.to_status, act.to_phase)
    assert version > before


@BY_NAME
def test_the_current_version_is_accepted(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, act: Act
) -> None:
    trajectory = _trajectory(session, org, act)
    version = trajectory.version
    response = _send(client, headers, trajectory, act, f'"{version}"')
    assert response.status_code in (200, 201), response.text
    _assert_done(session, trajectory, act, version)
    if act.name != "phase-changes":  # the others answer the trajectory, with its new ETag
        assert response.json()["version"] == version + 1
        assert response.headers["ETag"] == f'"{version + 1}"'


@BY_NAME
def test_a_weak_etag_of_the_current_version_is_accepted(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, act: Act
) -> None:
    trajectory = _trajectory(session, org, act)
    response = _send(client, headers, trajectory, act, f'W/"{trajectory.version}"')
    assert response.status_code in (200, 201), response.text
    _assert_done(session, trajectory, act, trajectory.version)


@BY_NAME
def test_a_stale_version_is_412_with_the_current_one_and_changes_nothing(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, act: Act
) -> None:
    trajectory = _trajectory(session, org, act)
    # Someone else changed the trajectory after this person read it.
    read_version = trajectory.version
    _bump(session, trajectory)
    before = _stored(session, trajectory)
    assert before[0] == read_version + 1

    response = _send(client, headers, trajectory, act, f'"{read_version}"')

    assert response.status_code == 412, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 412
    assert problem["current_version"] == read_version + 1
    assert _stored(session, trajectory) == before


@BY_NAME
def test_a_malformed_if_match_is_400_and_changes_nothing(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, act: Act
) -> None:
    trajectory = _trajectory(session, org, act)
    before = _stored(session, trajectory)
    for malformed in ("drie", '"1.5"', '"-1"', '"12345678901234"'):
        response = _send(client, headers, trajectory, act, malformed)
        assert response.status_code == 400, (malformed, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
    assert _stored(session, trajectory) == before


@BY_NAME
def test_without_if_match_the_action_still_works(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, act: Act
) -> None:
    trajectory = _trajectory(session, org, act)
    response = _send(client, headers, trajectory, act, None)
    assert response.status_code in (200, 201), response.text
    _assert_done(session, trajectory, act, trajectory.version)


@BY_NAME
def test_a_blank_if_match_counts_as_none_sent(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, act: Act
) -> None:
    """Blank is "no header" (as on PATCH, where it is the 428): here the action goes ahead."""
    trajectory = _trajectory(session, org, act)
    response = _send(client, headers, trajectory, act, "  ")
    assert response.status_code in (200, 201), response.text
    _assert_done(session, trajectory, act, trajectory.version)


@BY_NAME
def test_a_stale_version_on_another_organisations_trajectory_is_still_404(
    client: TestClient, headers: dict[str, str], session: Session, act: Act
) -> None:
    """The version of a trajectory one cannot see is not revealed."""
    trajectory = _trajectory(session, make_organisation(session), act)
    response = _send(client, headers, trajectory, act, f'"{trajectory.version + 5}"')
    assert response.status_code == 404
    assert "current_version" not in response.json()


@BY_NAME
def test_without_a_token_a_malformed_if_match_is_401(
    client: TestClient, session: Session, org: Organisation, act: Act
) -> None:
    trajectory = _trajectory(session, org, act)
    assert _send(client, {}, trajectory, act, "drie").status_code == 401


def test_a_stale_phase_change_after_a_pause_is_412_not_409(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    """The race the SPA used to close itself: the version check comes before the rules."""
    trajectory = make_trajectory(session, make_participant(session, org))
    read_version = trajectory.version
    paused = client.post(
        f"{TRAJECTORIES}/{trajectory.id}/pause",
        json={"date": str(today()), "reason": "Crisis"},
        headers=headers,
    )
    assert paused.status_code == 200
    moved = client.post(
        f"{TRAJECTORIES}/{trajectory.id}/phase-changes",
        json={"to_phase": "placement", "date": str(today())},
        headers={**headers, "If-Match": f'"{read_version}"'},
    )
    assert moved.status_code == 412
    assert moved.json()["current_version"] == paused.json()["version"]


def _bump(session: Session, trajectory: Trajectory) -> None:
    """Someone else saved the trajectory meanwhile: an ORM update bumps its version."""
    stored = session.get_one(Trajectory, trajectory.id)
    stored.updated_at = stored.updated_at - timedelta(seconds=1)
    session.commit()
