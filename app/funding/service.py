"""Funder months: realisation derived from the case file, decisions by a manager.

Realisation is never typed in. For every calendar month from the trajectory's start (its first
day with status ``active``) to its closure or the current month:

- ``active``: the status was ``active`` on at least one day of the month. A status change takes
  effect on its date (paused on 1 March: March is not active unless resumed in March);
- ``actions``: logged actions dated in the month, counted per kind with one grouped query;
- ``realised``: active and at least one action.

Only the decision (approved/rejected) is stored. Reading funder months costs a fixed number of
statements whatever the trajectory's length: status history, one UNION of grouped counts, the
decisions and the participant's approved total.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    String,
    func,
    join,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.core.concurrency import check_version
from app.core.database import is_unique_violation, utcnow
from app.core.errors import Conflict, FieldError, NotFound, PreconditionFailed, RuleViolation
from app.employment.models import EmployerContact, EmployerContactTrajectory, Internship, Job
from app.funding.models import FunderDecision, FunderMonth
from app.funding.months import (
    first_day,
    last_day,
    month_bucket,
    month_key,
    months_between,
    next_month,
    parse_month_key,
)
from app.funding.schemas import MAX_APPROVED_MONTHS_PER_PARTICIPANT, FunderMonthDecide
from app.notes.models import Note
from app.progress.models import (
    ActivationSession,
    Attendance,
    AttendanceStatus,
    Placement,
    ProgressLog,
)
from app.trajectories import service as trajectory_service
from app.trajectories.models import PhaseChange, StatusChange, Trajectory
from app.trajectories.phases import Status


class ActionKind(StrEnum):
    PROGRESS_LOGS = "progress_logs"
    ACTIVATION_SESSIONS = "activation_sessions"
    ATTENDANCE = "attendance"
    INTERNSHIPS_STARTED = "internships_started"
    JOBS_STARTED = "jobs_started"
    EMPLOYER_CONTACTS = "employer_contacts"
    NOTES = "notes"
    PHASE_CHANGES = "phase_changes"


@dataclass(frozen=True)
class MonthRealisation:
    month: date
    active: bool
    actions: dict[ActionKind, int]

    @property
    def action_total(self) -> int:
        return sum(self.actions.values())

    @property
    def realised(self) -> bool:
        return self.active and self.action_total > 0

    @property
    def refusal(self) -> str | None:
        """Why this month cannot be approved, or None when it can."""
        if not self.active:
            return "The trajectory was not active on any day of this month"
        if self.action_total == 0:
            return "No action was logged in this month"
        return None


@dataclass(frozen=True)
class FunderMonthView:
    realisation: MonthRealisation
    decision: FunderMonth | None

    @property
    def version(self) -> int:
        # A month never decided has no row: version 0, so the first decision sends If-Match "0".
        return self.decision.version if self.decision else 0

    @property
    def approved_but_not_realised(self) -> bool:
        return (
            self.decision is not None
            and self.decision.decision is FunderDecision.APPROVED
            and not self.realisation.realised
        )


@dataclass(frozen=True)
class FunderMonthsOverview:
    months: list[FunderMonthView]
    participant_approved: int
    cap: int = field(default=MAX_APPROVED_MONTHS_PER_PARTICIPANT)


def _today() -> date:
    return date.today()


def parse_month(key: str) -> date:
    month = parse_month_key(key)
    if month is None:
        raise RuleViolation(
            "Invalid month",
            errors=[FieldError("month", "must be a month written as YYYY-MM", "invalid_month")],
        )
    return month


# --- derivation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Segment:
    """A stretch of days with one status: ``start`` included, ``end`` excluded (None: open)."""

    status: Status
    start: date
    end: date | None


def _status_segments(session: Session, trajectory_id: uuid.UUID) -> list[_Segment]:
    changes = session.execute(
        select(StatusChange.to_status, StatusChange.on)
        .where(StatusChange.trajectory_id == trajectory_id)
        .order_by(StatusChange.on, StatusChange.created_at)
    ).all()
    segments = []
    for index, (status, on) in enumerate(changes):
        end = changes[index + 1].on if index + 1 < len(changes) else None
        if end is None or end > on:  # several changes on one day: the last one holds that day
            segments.append(_Segment(status, on, end))
    return segments


def _span(
    trajectory: Trajectory, segments: list[_Segment], today: date
) -> tuple[date, date] | None:
    """The first and last month of the trajectory's funder months, or None before its start."""
    starts = [s.start for s in segments if s.status is Status.ACTIVE]
    start = min(starts, default=trajectory.started_on)
    if start is None or start > today:
        return None
    end = today
    if trajectory.status is Status.CLOSED and trajectory.closed_on is not None:
        end = min(end, trajectory.closed_on)
    if end < start:
        return None
    return first_day(start), first_day(end)


def _active_in(segments: list[_Segment], month: date) -> bool:
    after_month = next_month(month)
    return any(
        s.status is Status.ACTIVE and s.start < after_month and (s.end is None or s.end > month)
        for s in segments
    )


def _counts_by_month(
    session: Session, trajectory_id: uuid.UUID, first: date, last: date
) -> dict[date, dict[ActionKind, int]]:
    """Logged actions per month and kind between two months: one statement."""
    until = last_day(last)

    def grouped(
        kind: ActionKind,
        day: InstrumentedAttribute[date],
        source: FromClause,
        *conditions: ColumnElement[bool],
    ) -> Select[str, str, int]:
        bucket = month_bucket(day)
        return (
            select(
                # A constant from the enum above, never user input.
                literal_column(f"'{kind.value}'", String).label("kind"),
                bucket.label("month"),
                func.count().label("n"),
            )
            .select_from(source)
            .where(*conditions, day >= first, day <= until)
            .group_by(bucket)
        )

    parts = [
        grouped(
            ActionKind.PROGRESS_LOGS,
            ProgressLog.logged_on,
            ProgressLog.__table__,
            ProgressLog.trajectory_id == trajectory_id,
        ),
        grouped(
            ActionKind.ACTIVATION_SESSIONS,
            ActivationSession.held_on,
            ActivationSession.__table__,
            ActivationSession.trajectory_id == trajectory_id,
        ),
        grouped(
            ActionKind.ATTENDANCE,
            Attendance.date,
            join(Attendance, Placement, Placement.id == Attendance.placement_id),
            Placement.trajectory_id == trajectory_id,
            Attendance.status == AttendanceStatus.PRESENT,
        ),
        grouped(
            ActionKind.INTERNSHIPS_STARTED,
            Internship.start_date,
            Internship.__table__,
            Internship.trajectory_id == trajectory_id,
        ),
        grouped(
            ActionKind.JOBS_STARTED,
            Job.start_date,
            Job.__table__,
            Job.trajectory_id == trajectory_id,
        ),
        grouped(
            ActionKind.EMPLOYER_CONTACTS,
            EmployerContact.contacted_on,
            join(
                EmployerContact,
                EmployerContactTrajectory,
                EmployerContactTrajectory.contact_id == EmployerContact.id,
            ),
            EmployerContactTrajectory.trajectory_id == trajectory_id,
        ),
        grouped(
            ActionKind.NOTES,
            Note.written_on,
            Note.__table__,
            Note.trajectory_id == trajectory_id,
        ),
        grouped(
            ActionKind.PHASE_CHANGES,
            PhaseChange.on,
            PhaseChange.__table__,
            PhaseChange.trajectory_id == trajectory_id,
            # The opening row (no from_phase) is written automatically: it justifies nothing.
            PhaseChange.from_phase.is_not(None),
        ),
    ]
    counts: dict[date, dict[ActionKind, int]] = defaultdict(dict)
    for kind, key, number in session.execute(union_all(*parts)).all():
        month = parse_month_key(str(key))
        if month is not None:
            counts[month][ActionKind(kind)] = int(number)
    return counts


def _realise(
    session: Session, trajectory_id: uuid.UUID, segments: list[_Segment], first: date, last: date
) -> list[MonthRealisation]:
    counts = _counts_by_month(session, trajectory_id, first, last)
    return [
        MonthRealisation(
            month=month,
            active=_active_in(segments, month),
            actions={kind: counts.get(month, {}).get(kind, 0) for kind in ActionKind},
        )
        for month in months_between(first, last)
    ]


def _decisions(
    session: Session, trajectory_id: uuid.UUID, first: date, last: date
) -> dict[date, FunderMonth]:
    rows = session.scalars(
        select(FunderMonth).where(
            FunderMonth.trajectory_id == trajectory_id,
            FunderMonth.month >= first,
            FunderMonth.month <= last,
        )
    ).all()
    return {row.month: row for row in rows}


def _approved_for_participant(
    session: Session, participant_id: uuid.UUID, *, leaving_out: uuid.UUID | None = None
) -> int:
    statement = (
        select(func.count(FunderMonth.id))
        .join(Trajectory, Trajectory.id == FunderMonth.trajectory_id)
        .where(
            Trajectory.participant_id == participant_id,
            FunderMonth.decision == FunderDecision.APPROVED,
        )
    )
    if leaving_out is not None:
        statement = statement.where(FunderMonth.id != leaving_out)
    return session.scalar(statement) or 0


# --- reads --------------------------------------------------------------------------------


def list_funder_months(
    session: Session, principal: Principal, trajectory_id: uuid.UUID
) -> FunderMonthsOverview:
    trajectory = trajectory_service.get_trajectory(session, principal, trajectory_id)
    segments = _status_segments(session, trajectory.id)
    span = _span(trajectory, segments, _today())
    views: list[FunderMonthView] = []
    if span is not None:
        first, last = span
        decisions = _decisions(session, trajectory.id, first, last)
        views = [
            FunderMonthView(realisation, decisions.get(realisation.month))
            for realisation in _realise(session, trajectory.id, segments, first, last)
        ]
    return FunderMonthsOverview(
        months=views,
        participant_approved=_approved_for_participant(session, trajectory.participant_id),
    )


def _month_of(session: Session, trajectory: Trajectory, month: date) -> FunderMonthView:
    segments = _status_segments(session, trajectory.id)
    span = _span(trajectory, segments, _today())
    if span is None or not span[0] <= month <= span[1]:
        raise NotFound(f"{month_key(month)} is not a month of this trajectory")
    (realisation,) = _realise(session, trajectory.id, segments, month, month)
    decision = _decisions(session, trajectory.id, month, month).get(month)
    return FunderMonthView(realisation, decision)


def get_funder_month(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, month: date
) -> FunderMonthView:
    trajectory = trajectory_service.get_trajectory(session, principal, trajectory_id)
    return _month_of(session, trajectory, month)


# --- decisions ----------------------------------------------------------------------------


def _lock_participant_trajectories(session: Session, participant_id: uuid.UUID) -> None:
    """Serialise approvals of one participant (PostgreSQL), so two managers approving
    different trajectories at once cannot pass the cap together. SQLite has one writer."""
    session.scalars(
        select(Trajectory.id)
        .where(Trajectory.participant_id == participant_id)
        .order_by(Trajectory.id)
        .with_for_update()
    ).all()


def _check_cap(session: Session, trajectory: Trajectory, decision: FunderMonth | None) -> None:
    _lock_participant_trajectories(session, trajectory.participant_id)
    approved = _approved_for_participant(
        session, trajectory.participant_id, leaving_out=decision.id if decision else None
    )
    if approved >= MAX_APPROVED_MONTHS_PER_PARTICIPANT:
        raise Conflict(
            f"This participant has {approved} approved funder months already: the funder pays "
            f"at most {MAX_APPROVED_MONTHS_PER_PARTICIPANT} per person, across all trajectories",
            errors=[
                FieldError(
                    "decision",
                    f"the cap of {MAX_APPROVED_MONTHS_PER_PARTICIPANT} approved months is reached",
                    "approval_cap_reached",
                    {"max": MAX_APPROVED_MONTHS_PER_PARTICIPANT},
                )
            ],
        )


def decide_funder_month(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    month: date,
    data: FunderMonthDecide,
    *,
    version: int,
) -> FunderMonthView:
    trajectory = trajectory_service.get_trajectory(session, principal, trajectory_id)
    policies.require_in_organisation(
        principal, Action.FUNDER_MONTHS_APPROVE, trajectory.organisation_id
    )
    if month >= first_day(_today()):
        raise Conflict(
            f"{month_key(month)} is not over yet: decide a month once it has ended",
            errors=[FieldError("month", "is not over yet", "month_not_over")],
        )
    view = _month_of(session, trajectory, month)
    check_version(version, view.version)
    if data.decision is FunderDecision.APPROVED:
        refusal = view.realisation.refusal
        if refusal is not None:
            raise Conflict(
                f"{month_key(month)} was not realised: {refusal}",
                errors=[
                    FieldError(
                        "decision",
                        refusal,
                        "month_not_active" if not view.realisation.active else "no_action_logged",
                    )
                ],
            )
        _check_cap(session, trajectory, view.decision)
    record = view.decision
    if record is None:
        record = FunderMonth(trajectory_id=trajectory.id, month=month)
        session.add(record)
    record.decision = data.decision
    record.comment = data.comment
    record.decided_by = principal.id
    record.decided_at = utcnow()
    try:
        session.flush()
    except IntegrityError as exc:  # a colleague decided this month at the same moment
        if not is_unique_violation(exc):
            raise
        raise PreconditionFailed(
            "Someone else decided this month at the same time: read it again"
        ) from exc
    return FunderMonthView(view.realisation, record)


def summary_counts(views: Sequence[FunderMonthView]) -> dict[str, int]:
    """The summary counts of a list of months."""
    return {
        "months": len(views),
        "realised": sum(v.realisation.realised for v in views),
        "approved": sum(
            v.decision is not None and v.decision.decision is FunderDecision.APPROVED for v in views
        ),
        "rejected": sum(
            v.decision is not None and v.decision.decision is FunderDecision.REJECTED for v in views
        ),
        "approved_but_not_realised": sum(v.approved_but_not_realised for v in views),
    }
