"""Trajectories with a dated status history, funder-month decisions and logged actions."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.auth.models import User
from app.core.database import utcnow
from app.funding.models import FunderDecision, FunderMonth
from app.notes.models import Note, Visibility
from app.participants.models import Participant
from app.trajectories.models import PhaseChange, StatusChange, Trajectory
from app.trajectories.phases import Phase, Status


def make_trajectory_with_history(
    session: Session,
    participant: Participant,
    changes: list[tuple[Status, date]],
    *,
    framework_code: str = "doorstroom_province",
) -> Trajectory:
    """A trajectory whose status history is ``changes`` (starting with ``referred``), in order."""
    assert changes[0][0] is Status.REFERRED
    referred_on = changes[0][1]
    started_on = next((on for status, on in changes if status is Status.ACTIVE), None)
    final_status, final_on = changes[-1]
    trajectory = Trajectory(
        participant_id=participant.id,
        organisation_id=participant.organisation_id,
        framework_code=framework_code,
        phase=Phase.INTAKE,
        status=final_status,
        referred_on=referred_on,
        started_on=started_on,
        closed_on=final_on if final_status is Status.CLOSED else None,
        phase_since=started_on or referred_on,
    )
    session.add(trajectory)
    session.flush()
    previous: Status | None = None
    for status, on in changes:
        session.add(
            StatusChange(trajectory_id=trajectory.id, from_status=previous, to_status=status, on=on)
        )
        session.flush()  # created_at orders changes made on the same day
        previous = status
    session.add(
        PhaseChange(
            trajectory_id=trajectory.id, to_phase=Phase.INTAKE, on=started_on or referred_on
        )
    )
    session.commit()
    return trajectory


def make_phase_change(
    session: Session, trajectory: Trajectory, *, on: date, to_phase: Phase = Phase.PLACEMENT
) -> PhaseChange:
    change = PhaseChange(
        trajectory_id=trajectory.id, from_phase=Phase.INTAKE, to_phase=to_phase, on=on
    )
    session.add(change)
    session.commit()
    return change


def make_note(session: Session, trajectory: Trajectory, author: User, *, on: date) -> Note:
    note = Note(
        trajectory_id=trajectory.id,
        author_id=author.id,
        author_organisation_id=author.organisation_id,
        visibility=Visibility.CARE_INTERNAL,
        written_on=on,
        body="Gesprek over slaap en structuur.",
    )
    session.add(note)
    session.commit()
    return note


def make_funder_month(
    session: Session,
    trajectory: Trajectory,
    month: date,
    *,
    decision: FunderDecision = FunderDecision.APPROVED,
    **overrides: Any,
) -> FunderMonth:
    values: dict[str, Any] = {
        "trajectory_id": trajectory.id,
        "month": month,
        "decision": decision,
        "comment": None if decision is FunderDecision.APPROVED else "Geen acties gelogd",
        "decided_at": utcnow(),
    }
    values.update(overrides)
    record = FunderMonth(**values)
    session.add(record)
    session.commit()
    return record
