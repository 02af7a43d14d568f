"""Outflow (one per trajectory, moves it to phase outflow) and the follow-ups after it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.core.concurrency import check_version, parse_if_match
from app.core.database import is_unique_violation
from app.core.dates import add_months
from app.core.errors import Conflict, FieldError, NotFound, RuleViolation
from app.core.pagination import PageResult, paginate, parse_sort
from app.employment import service as employment_service
from app.outflow.categories import FOLLOW_UP_MONTHS, info
from app.outflow.models import WORKING_STATUSES, FollowUp, FollowUpStatus, Outflow
from app.outflow.schemas import FollowUpCreate, FollowUpUpdate, OutflowWrite
from app.trajectories import service as trajectory_service
from app.trajectories.models import Trajectory
from app.trajectories.phases import Phase

FOLLOW_UP_SORTS = {"due_on": FollowUp.due_on}


# --- outflow ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordedOutflow:
    outflow: Outflow
    created: bool


def _outflow_of(session: Session, trajectory_id: uuid.UUID) -> Outflow | None:
    return session.scalar(select(Outflow).where(Outflow.trajectory_id == trajectory_id))


def get_outflow(session: Session, principal: Principal, trajectory_id: uuid.UUID) -> Outflow:
    trajectory_service.get_trajectory(session, principal, trajectory_id)
    outflow = _outflow_of(session, trajectory_id)
    if outflow is None:
        raise NotFound("This trajectory has no outflow yet")
    return outflow


def _link_errors(
    session: Session, principal: Principal, trajectory: Trajectory, data: OutflowWrite
) -> list[FieldError]:
    category = info(data.category)
    errors = []
    if category.requires_job and data.job_id is None:
        errors.append(
            FieldError(
                "job_id", "is required for a paid outflow: record the job first", "job_required"
            )
        )
    elif data.job_id is not None and not category.paid:
        errors.append(
            FieldError(
                "job_id",
                f"only a paid outflow links a job, not {data.category}",
                "job_not_allowed",
                {"category": str(data.category)},
            )
        )
    elif data.job_id is not None and not employment_service.find_job_of_participant(
        session, principal, data.job_id, trajectory.participant_id
    ):
        errors.append(
            FieldError(
                "job_id", "is not a job of this trajectory's participant", "not_of_participant"
            )
        )
    if data.internship_id is not None:
        if not category.may_link_internship:
            errors.append(
                FieldError(
                    "internship_id",
                    f"a {data.category} outflow links no internship",
                    "internship_not_allowed",
                    {"category": str(data.category)},
                )
            )
        elif not employment_service.find_internship_of_trajectory(
            session, principal, data.internship_id, trajectory.id
        ):
            errors.append(
                FieldError(
                    "internship_id", "is not an internship of this trajectory", "not_of_trajectory"
                )
            )
    return errors


def _schedule_follow_ups(session: Session, outflow: Outflow) -> None:
    """Nazorg after a paid outflow: contacts due at +3, +6 and +12 months."""
    for months in FOLLOW_UP_MONTHS:
        session.add(
            FollowUp(
                trajectory_id=outflow.trajectory_id,
                outflow_id=outflow.id,
                months_after=months,
                due_on=add_months(outflow.date, months),
            )
        )


def _drop_open_scheduled_follow_ups(session: Session, outflow: Outflow) -> None:
    """When an outflow turns out not to be paid: scheduled contacts not yet made go; recorded
    ones are history and stay."""
    for follow_up in session.scalars(
        select(FollowUp).where(
            FollowUp.outflow_id == outflow.id,
            FollowUp.months_after.is_not(None),
            FollowUp.contacted_on.is_(None),
        )
    ):
        session.delete(follow_up)


def _has_scheduled_follow_ups(session: Session, outflow: Outflow) -> bool:
    return (
        session.scalar(
            select(FollowUp.id)
            .where(FollowUp.outflow_id == outflow.id, FollowUp.months_after.is_not(None))
            .limit(1)
        )
        is not None
    )


def record_outflow(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    data: OutflowWrite,
    *,
    if_match: str | None,
) -> RecordedOutflow:
    """Create the trajectory's outflow (moving its phase) or replace it (If-Match required).

    Everything happens in the caller's transaction: the outflow row, the phase change and the
    follow-ups are stored together or not at all.
    """
    trajectory = trajectory_service.get_trajectory_for(
        session, principal, trajectory_id, Action.TRAJECTORIES_MANAGE
    )
    existing = _outflow_of(session, trajectory.id)
    if existing is not None:
        check_version(parse_if_match(if_match), existing.version)
        return RecordedOutflow(_replace(session, principal, trajectory, existing, data), False)
    if errors := _link_errors(session, principal, trajectory, data):
        raise RuleViolation("The outflow's links are invalid", errors=errors)
    # The phase machine decides first (paused, closed, a date before the last move …).
    trajectory_service.record_phase_change(
        session,
        principal,
        trajectory,
        to_phase=Phase.OUTFLOW,
        on=data.date,
        reason=data.reason,
        via_outflow=True,
    )
    outflow = Outflow(trajectory_id=trajectory.id, recorded_by=principal.id, **data.model_dump())
    session.add(outflow)
    _flush_outflow(session)
    if info(outflow.category).paid:
        _schedule_follow_ups(session, outflow)
    session.flush()
    return RecordedOutflow(outflow, True)


def _replace(
    session: Session,
    principal: Principal,
    trajectory: Trajectory,
    outflow: Outflow,
    data: OutflowWrite,
) -> Outflow:
    if data.date != outflow.date:
        # The date is the phase move's date, and the phase history is append-only.
        raise Conflict(
            "The outflow date is the date of the phase move and cannot change",
            errors=[
                FieldError(
                    "date",
                    f"must stay {outflow.date.isoformat()}",
                    "date_fixed",
                    {"date": outflow.date.isoformat()},
                )
            ],
        )
    if errors := _link_errors(session, principal, trajectory, data):
        raise RuleViolation("The outflow's links are invalid", errors=errors)
    was_paid = info(outflow.category).paid
    changes: dict[str, Any] = data.model_dump(exclude={"date"})
    for field, value in changes.items():
        setattr(outflow, field, value)
    outflow.recorded_by = principal.id
    session.flush()
    is_paid = info(outflow.category).paid
    if was_paid and not is_paid:
        _drop_open_scheduled_follow_ups(session, outflow)
    elif is_paid and not _has_scheduled_follow_ups(session, outflow):
        _schedule_follow_ups(session, outflow)
    session.flush()
    return outflow


def _flush_outflow(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        # Two people recorded the outflow at once: the other one won.
        raise Conflict(
            "Someone else recorded this trajectory's outflow at the same time: reload it"
        ) from exc


# --- follow-ups ---------------------------------------------------------------------------


def follow_up_rule_errors(
    *,
    outflow_date: date,
    due_on: date,
    contacted_on: date | None,
    status: FollowUpStatus | None,
    hours_per_week: object | None,
    source: object | None,
) -> list[FieldError]:
    """Rules spanning a follow-up's fields (pure, for create and update)."""
    errors = []
    if due_on < outflow_date:
        errors.append(
            FieldError("due_on", "cannot be before the outflow date", "before_outflow_date")
        )
    if contacted_on is not None and contacted_on < outflow_date:
        errors.append(
            FieldError("contacted_on", "cannot be before the outflow date", "before_outflow_date")
        )
    if status is not None and contacted_on is None:
        errors.append(
            FieldError("contacted_on", "is required with a status", "required_with_status")
        )
    if contacted_on is not None and status is None:
        errors.append(
            FieldError("status", "is required once the contact is made", "required_after_contact")
        )
    if status is not None and status is not FollowUpStatus.UNKNOWN and source is None:
        errors.append(FieldError("source", "is required: who told you?", "source_required"))
    if hours_per_week is not None and status not in WORKING_STATUSES:
        errors.append(
            FieldError("hours_per_week", "only for someone who is working", "only_when_working")
        )
    return errors


def list_follow_ups(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    trajectory_service.get_trajectory(session, principal, trajectory_id)
    return paginate(
        session,
        select(FollowUp).where(FollowUp.trajectory_id == trajectory_id),
        id_column=FollowUp.id,
        sort=parse_sort(sort, FOLLOW_UP_SORTS),
        limit=limit,
        cursor=cursor,
    )


def get_follow_up(session: Session, principal: Principal, follow_up_id: uuid.UUID) -> FollowUp:
    follow_up, _ = trajectory_service.get_trajectory_record(
        session, principal, FollowUp, follow_up_id, label="Follow-up"
    )
    return follow_up


def add_follow_up(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, data: FollowUpCreate
) -> FollowUp:
    """An extra follow-up besides the scheduled ones (say, after the participant called)."""
    trajectory = trajectory_service.get_trajectory_for(
        session, principal, trajectory_id, Action.EMPLOYMENT_WRITE
    )
    outflow = _outflow_of(session, trajectory.id)
    if outflow is None:
        raise Conflict("Follow-up comes after the outflow: record the outflow first")
    if errors := follow_up_rule_errors(
        outflow_date=outflow.date, **data.model_dump(exclude={"note"})
    ):
        raise RuleViolation("Some fields are invalid", errors=errors)
    follow_up = FollowUp(
        trajectory_id=trajectory.id,
        outflow_id=outflow.id,
        recorded_by=principal.id if data.contacted_on else None,
        **data.model_dump(),
    )
    session.add(follow_up)
    session.flush()
    return follow_up


def update_follow_up(
    session: Session,
    principal: Principal,
    follow_up_id: uuid.UUID,
    data: FollowUpUpdate,
    *,
    version: int,
) -> FollowUp:
    follow_up = get_follow_up(session, principal, follow_up_id)
    policies.require(principal, Action.EMPLOYMENT_WRITE)
    check_version(version, follow_up.version)
    trajectory_service.refuse_edits_on_deidentified(session, follow_up.trajectory_id)
    outflow_date = session.scalar(select(Outflow.date).where(Outflow.id == follow_up.outflow_id))
    assert outflow_date is not None  # the foreign key guarantees it
    changes = data.model_dump(exclude_unset=True)
    merged = {
        field: changes.get(field, getattr(follow_up, field))
        for field in ("due_on", "contacted_on", "status", "hours_per_week", "source")
    }
    if errors := follow_up_rule_errors(outflow_date=outflow_date, **merged):
        raise RuleViolation("Some fields are invalid", errors=errors)
    for field, value in changes.items():
        setattr(follow_up, field, value)
    if "contacted_on" in changes or "status" in changes:
        follow_up.recorded_by = principal.id
    session.flush()
    return follow_up
