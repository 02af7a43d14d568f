"""Participants and trajectories for tests, written straight to the database."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.auth.models import User
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.participants.names import name_key, sort_name
from app.trajectories.models import PhaseChange, StatusChange, TeamMember, TeamRole, Trajectory
from app.trajectories.phases import Phase, Status

_counter = itertools.count(1)


def make_participant(session: Session, organisation: Organisation, **overrides: Any) -> Participant:
    n = next(_counter)
    first = overrides.pop("first_name", f"Voornaam{n}")
    last = overrides.pop("last_name", f"Achternaam{n}")
    values: dict[str, Any] = {
        "organisation_id": organisation.id,
        "first_name": first,
        "last_name": last,
        "name_key": name_key(first, last),
        "sort_name": sort_name(first, last),
        "birth_date": date(1990, 1, 1) + timedelta(days=n),
    }
    values.update(overrides)
    participant = Participant(**values)
    session.add(participant)
    session.commit()
    return participant


def make_trajectory(
    session: Session,
    participant: Participant,
    organisation: Organisation | None = None,
    *,
    framework_code: str = "ama_welfare",
    phase: Phase = Phase.INTAKE,
    status: Status = Status.ACTIVE,
    started_on: date | None = None,
    **overrides: Any,
) -> Trajectory:
    """An active trajectory in ``phase``, with a history that replays to it."""
    started = started_on or date.today() - timedelta(days=120)
    trajectory = Trajectory(
        participant_id=participant.id,
        organisation_id=(organisation.id if organisation else participant.organisation_id),
        framework_code=framework_code,
        phase=phase,
        status=status,
        referred_on=started,
        started_on=started if status is not Status.REFERRED else None,
        phase_since=started,
        **overrides,
    )
    session.add(trajectory)
    session.flush()
    session.add(StatusChange(trajectory_id=trajectory.id, to_status=Status.REFERRED, on=started))
    if status is not Status.REFERRED:
        session.add(
            StatusChange(
                trajectory_id=trajectory.id,
                from_status=Status.REFERRED,
                to_status=Status.ACTIVE,
                on=started,
            )
        )
    session.add(PhaseChange(trajectory_id=trajectory.id, to_phase=Phase.INTAKE, on=started))
    if phase is not Phase.INTAKE:
        session.add(
            PhaseChange(
                trajectory_id=trajectory.id, from_phase=Phase.INTAKE, to_phase=phase, on=started
            )
        )
    session.commit()
    return trajectory


def add_team_member(
    session: Session,
    trajectory: Trajectory,
    user: User,
    *,
    team_role: TeamRole = TeamRole.COACH,
    from_date: date | None = None,
) -> TeamMember:
    member = TeamMember(
        trajectory_id=trajectory.id,
        user_id=user.id,
        team_role=team_role,
        from_date=from_date or trajectory.referred_on,
    )
    session.add(member)
    session.commit()
    return member
