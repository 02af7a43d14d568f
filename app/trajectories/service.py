"""Trajectories: opening, the phase machine, pause/resume/close, the mini-team."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session, joinedload
from sqlalchemy.orm.interfaces import ORMOption

from app import audit
from app.access import policies
from app.access.permissions import ROLE_ACTIONS, Action
from app.access.policies import Principal
from app.auth.models import Role, User
from app.core.concurrency import check_version
from app.core.database import Base, is_unique_violation
from app.core.dates import add_months
from app.core.errors import Conflict, FieldError, NotFound, RuleViolation
from app.core.pagination import PageResult, paginate, parse_sort
from app.organisations.models import Framework
from app.participants import service as participant_service
from app.trajectories.models import PhaseChange, StatusChange, TeamMember, Trajectory
from app.trajectories.phases import (
    PHASE_NORM_DAYS,
    STATUS_MOVES,
    MoveRefused,
    MoveRequest,
    Phase,
    Status,
    allowed_targets,
    check_event_date,
    check_move,
)
from app.trajectories.schemas import (
    StatusChangeRead,
    TeamMemberCreate,
    TrajectoryCreate,
    TrajectoryUpdate,
)


def get_trajectory(session: Session, principal: Principal, trajectory_id: uuid.UUID) -> Trajectory:
    """The trajectory if the caller may see it; otherwise exactly like an absent one."""
    trajectory = session.scalar(
        select(Trajectory).where(
            Trajectory.id == trajectory_id, policies.visible_trajectories(principal)
        )
    )
    if trajectory is None:
        raise NotFound("Trajectory not found")
    audit.touch(
        session,
        object_type=Trajectory.__tablename__,
        object_id=trajectory.id,
        trajectory_id=trajectory.id,
        participant_id=trajectory.participant_id,
    )
    return trajectory


R = TypeVar("R", bound=Base)


def get_trajectory_record(
    session: Session,
    principal: Principal,
    model: type[R],
    record_id: uuid.UUID,
    *,
    label: str,
    options: Sequence[ORMOption] = (),
) -> tuple[R, Trajectory]:
    """A record that hangs off a trajectory (``model.trajectory_id``), with that trajectory,
    when the caller may see the trajectory; otherwise exactly like an absent record."""
    owner: InstrumentedAttribute[uuid.UUID] = getattr(model, "trajectory_id")  # noqa: B009
    key: InstrumentedAttribute[uuid.UUID] = getattr(model, "id")  # noqa: B009
    row = session.execute(
        select(model, Trajectory)
        .join(Trajectory, Trajectory.id == owner)
        .where(key == record_id, policies.visible_trajectories(principal))
        .options(*options)
    ).one_or_none()
    if row is None:
        raise NotFound(f"{label} not found")
    record, trajectory = row
    audit.touch(
        session,
        object_type=model.__tablename__,
        object_id=record_id,
        trajectory_id=trajectory.id,
        participant_id=trajectory.participant_id,
    )
    return record, trajectory


def get_trajectory_for(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, action: Action
) -> Trajectory:
    """A visible trajectory the caller may also act on (403 when visible but not allowed)."""
    trajectory = get_trajectory(session, principal, trajectory_id)
    policies.require(principal, action)
    if action not in READ_ACTIONS:
        refuse_if_deidentified(trajectory)
    return trajectory


# Actions that only read; every other action writes to the file.
READ_ACTIONS = frozenset({Action.NOTES_READ, Action.PARTICIPANTS_READ_FULL})


def refuse_edits_on_deidentified(session: Session, trajectory_id: uuid.UUID | None) -> None:
    """For an edit of a record already on a file: the record's loader has usually put its
    trajectory in the session already, so this costs no statement."""
    trajectory = session.get(Trajectory, trajectory_id) if trajectory_id is not None else None
    if trajectory is not None:
        refuse_if_deidentified(trajectory)


def refuse_if_deidentified(trajectory: Trajectory) -> None:
    """Retention or an erasure de-identified this file: it is kept for the figures only, and a
    new text would bring back what was removed."""
    done = trajectory.care_anonymised_at or trajectory.work_anonymised_at
    if done is not None:
        raise Conflict(
            f"This case file was de-identified on {done:%Y-%m-%d} (retention or erasure): "
            "nothing can be added or changed"
        )


def _today() -> date:
    return date.today()


def last_phase_change_on(session: Session, trajectory_id: uuid.UUID) -> date | None:
    return session.scalar(
        select(func.max(PhaseChange.on)).where(PhaseChange.trajectory_id == trajectory_id)
    )


def record_phase_change(
    session: Session,
    principal: Principal,
    trajectory: Trajectory,
    *,
    to_phase: Phase,
    on: date,
    reason: str | None,
    via_outflow: bool = False,
) -> PhaseChange:
    """Move the trajectory through the phase machine; the history row is append-only.

    A move to ``outflow`` is only made by recording the outflow (PUT /outflow), which calls
    this with ``via_outflow=True``.
    """
    if to_phase is Phase.OUTFLOW and not via_outflow:
        raise Conflict(
            "Record the outflow (PUT /trajectories/{id}/outflow): it moves the phase",
            errors=[FieldError("to_phase", "use PUT /trajectories/{id}/outflow", "use_outflow")],
            extra={"allowed_targets": [p.value for p in allowed_targets(trajectory.phase)]},
        )
    started_on = trajectory.started_on or trajectory.referred_on
    try:
        check_move(
            MoveRequest(
                current=trajectory.phase,
                target=to_phase,
                status=trajectory.status,
                on=on,
                started_on=started_on,
                last_move_on=last_phase_change_on(session, trajectory.id),
                today=_today(),
                reason=reason,
            )
        )
    except MoveRefused as refused:
        if refused.field == "to_phase" or refused.field == "status":
            raise Conflict(
                refused.message,
                errors=[FieldError(refused.field, refused.message, refused.code, refused.params)],
                extra={"allowed_targets": [p.value for p in refused.allowed]},
            ) from refused
        raise RuleViolation(
            refused.message,
            errors=[FieldError(refused.field, refused.message, refused.code, refused.params)],
        ) from refused
    change = PhaseChange(
        trajectory_id=trajectory.id,
        from_phase=trajectory.phase,
        to_phase=to_phase,
        on=on,
        by_user_id=principal.id,
        reason=reason,
    )
    session.add(change)
    trajectory.phase = to_phase
    trajectory.phase_since = on
    session.flush()
    return change


# --- opening and listing ------------------------------------------------------------------

TRAJECTORY_SORTS = {
    "referred_on": Trajectory.referred_on,
    "phase_since": Trajectory.phase_since,
    "created_at": Trajectory.created_at,
}


def open_trajectory(session: Session, principal: Principal, data: TrajectoryCreate) -> Trajectory:
    """Open a trajectory owned by the caller's organisation (on the waiting list when it has
    no start date yet)."""
    policies.require(principal, Action.TRAJECTORIES_MANAGE)
    participant = participant_service.get_participant(session, principal, data.participant_id)
    participant_service.refuse_if_erased(participant)
    if session.get(Framework, data.framework_code) is None:
        raise RuleViolation(
            "Unknown framework",
            errors=[FieldError("framework_code", "is not a framework code", "unknown_framework")],
        )
    if data.previous_trajectory_id is not None:
        previous = get_trajectory(session, principal, data.previous_trajectory_id)
        if previous.participant_id != participant.id:
            raise RuleViolation(
                "The previous trajectory belongs to someone else",
                errors=[
                    FieldError(
                        "previous_trajectory_id", "is not this participant's", "not_of_participant"
                    )
                ],
            )
    _refuse_second_open(session, participant.id, data.framework_code)
    started = data.started_on
    trajectory = Trajectory(
        participant_id=participant.id,
        organisation_id=principal.organisation_id,
        framework_code=data.framework_code,
        phase=Phase.INTAKE,
        status=Status.ACTIVE if started else Status.REFERRED,
        referred_on=data.referred_on,
        started_on=started,
        phase_since=started or data.referred_on,
        previous_trajectory_id=data.previous_trajectory_id,
        created_by=principal.id,
    )
    session.add(trajectory)
    try:
        session.flush()
    except IntegrityError as exc:  # a concurrent open of the same framework
        if not is_unique_violation(exc):
            raise
        raise _second_open_conflict() from exc
    session.add(
        StatusChange(
            trajectory_id=trajectory.id,
            to_status=Status.REFERRED,
            on=data.referred_on,
            by_user_id=principal.id,
        )
    )
    if started:
        session.add(
            StatusChange(
                trajectory_id=trajectory.id,
                from_status=Status.REFERRED,
                to_status=Status.ACTIVE,
                on=started,
                by_user_id=principal.id,
            )
        )
    session.add(
        PhaseChange(
            trajectory_id=trajectory.id,
            to_phase=Phase.INTAKE,
            on=started or data.referred_on,
            by_user_id=principal.id,
        )
    )
    session.flush()
    return trajectory


def _second_open_conflict() -> Conflict:
    return Conflict(
        "This participant already has an open trajectory in this framework",
        errors=[
            FieldError("framework_code", "has an open trajectory already", "open_trajectory_exists")
        ],
    )


def _refuse_second_open(session: Session, participant_id: uuid.UUID, framework: str) -> None:
    open_one = session.scalar(
        select(Trajectory.id).where(
            Trajectory.participant_id == participant_id,
            Trajectory.framework_code == framework,
            Trajectory.status != Status.CLOSED,
        )
    )
    if open_one:
        raise _second_open_conflict()


def list_trajectories(
    session: Session,
    principal: Principal,
    *,
    participant_id: uuid.UUID | None,
    phase: Phase | None,
    status: Status | None,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    policies.require(principal, Action.TRAJECTORIES_READ)
    statement = select(Trajectory).where(policies.visible_trajectories(principal))
    if participant_id:
        statement = statement.where(Trajectory.participant_id == participant_id)
    if phase:
        statement = statement.where(Trajectory.phase == phase)
    if status:
        statement = statement.where(Trajectory.status == status)
    page = paginate(
        session,
        statement,
        id_column=Trajectory.id,
        sort=parse_sort(sort, TRAJECTORY_SORTS),
        limit=limit,
        cursor=cursor,
    )
    audit.touch_many(
        session,
        object_type=Trajectory.__tablename__,
        participant_ids=[t.participant_id for t in page.rows],
    )
    return page


@dataclass(frozen=True)
class TrajectoryView:
    """A trajectory with what the case-file header shows next to it."""

    trajectory: Trajectory
    flags: list[str]
    days_in_phase: int
    allowed_phase_targets: list[Phase]
    pause_reason: str | None  # None for callers who may not read it (policies)


@functools.cache
def _framework_maxima() -> Select[str, int | None]:
    # Built once: every trajectory read runs it.
    return select(Framework.code, Framework.max_months).where(
        Framework.code.in_(bindparam("codes", expanding=True))
    )


def view_of(
    session: Session, principal: Principal, trajectories: Sequence[Trajectory]
) -> list[TrajectoryView]:
    codes = list({t.framework_code for t in trajectories})
    rows = session.execute(_framework_maxima(), {"codes": codes}).all()
    maxima: dict[str, int | None] = {code: months for code, months in rows}
    today = _today()
    reasons_shown = policies.reads_status_reasons(principal)
    return [
        TrajectoryView(
            trajectory=t,
            flags=trajectory_flags(t, maxima.get(t.framework_code), today),
            days_in_phase=(today - t.phase_since).days,
            allowed_phase_targets=(allowed_targets(t.phase) if t.status is Status.ACTIVE else []),
            pause_reason=t.pause_reason if reasons_shown else None,
        )
        for t in trajectories
    ]


def trajectory_flags(trajectory: Trajectory, max_months: int | None, today: date) -> list[str]:
    flags = []
    if trajectory.status is not Status.CLOSED:
        started = trajectory.started_on
        if max_months and started and today > add_months(started, max_months):
            flags.append("past_max_duration")
        norm = PHASE_NORM_DAYS.get(trajectory.phase)
        if norm is not None and (today - trajectory.phase_since).days > norm:
            flags.append("phase_past_norm")
    return flags


# --- status: start, pause, resume, close --------------------------------------------------


def _last_status_change_on(session: Session, trajectory_id: uuid.UUID) -> date | None:
    return session.scalar(
        select(func.max(StatusChange.on)).where(StatusChange.trajectory_id == trajectory_id)
    )


def change_status(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    to_status: Status,
    on: date,
    reason: str | None = None,
    expected_return_on: date | None = None,
    version: int | None = None,
) -> Trajectory:
    """Start, pause, resume or close. ``version``: the If-Match the caller sent, if any."""
    trajectory = get_trajectory_for(session, principal, trajectory_id, Action.TRAJECTORIES_MANAGE)
    if version is not None:
        check_version(version, trajectory.version)
    allowed_from = STATUS_MOVES[to_status]
    if trajectory.status not in allowed_from:
        raise Conflict(
            f"A {trajectory.status.value} trajectory cannot become {to_status.value}",
            errors=[
                FieldError(
                    "status",
                    f"is {trajectory.status.value}",
                    "wrong_status",
                    {"status": trajectory.status.value},
                )
            ],
        )
    try:
        check_event_date(
            on,
            started_on=trajectory.referred_on,
            last_event_on=max(
                filter(
                    None,
                    [
                        _last_status_change_on(session, trajectory.id),
                        last_phase_change_on(session, trajectory.id),
                    ],
                ),
                default=None,
            ),
            today=_today(),
        )
    except MoveRefused as refused:
        raise RuleViolation(
            refused.message,
            errors=[FieldError("date", refused.message, refused.code, refused.params)],
        ) from refused
    session.add(
        StatusChange(
            trajectory_id=trajectory.id,
            from_status=trajectory.status,
            to_status=to_status,
            on=on,
            by_user_id=principal.id,
            reason=reason,
            expected_return_on=expected_return_on,
        )
    )
    trajectory.status = to_status
    if to_status is Status.ACTIVE and trajectory.started_on is None:
        trajectory.started_on = on
        trajectory.phase_since = on
    if to_status is Status.PAUSED:
        trajectory.pause_reason = reason
        trajectory.expected_return_on = expected_return_on
    else:
        trajectory.pause_reason = None
        trajectory.expected_return_on = None
    if to_status is Status.CLOSED:
        trajectory.closed_on = on
    session.flush()
    return trajectory


def update_trajectory(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    data: TrajectoryUpdate,
    *,
    version: int,
) -> Trajectory:
    trajectory = get_trajectory_for(session, principal, trajectory_id, Action.TRAJECTORIES_MANAGE)
    check_version(version, trajectory.version)
    if trajectory.status is not Status.PAUSED:
        raise Conflict(
            "Only a paused trajectory has a pause reason and an expected return",
            errors=[FieldError("status", "is not paused", "not_paused")],
        )
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(trajectory, field, value)
    session.flush()
    return trajectory


def phase_history(
    session: Session, principal: Principal, trajectory_id: uuid.UUID
) -> list[PhaseChange]:
    get_trajectory(session, principal, trajectory_id)
    return list(
        session.scalars(
            select(PhaseChange)
            .where(PhaseChange.trajectory_id == trajectory_id)
            .order_by(PhaseChange.on, PhaseChange.created_at)
        )
    )


def status_history(
    session: Session, principal: Principal, trajectory_id: uuid.UUID
) -> list[StatusChangeRead]:
    """The status changes; their reasons only for callers who may read them (policies)."""
    get_trajectory(session, principal, trajectory_id)
    changes = session.scalars(
        select(StatusChange)
        .where(StatusChange.trajectory_id == trajectory_id)
        .order_by(StatusChange.on, StatusChange.created_at)
    )
    reads = [StatusChangeRead.model_validate(change) for change in changes]
    if policies.reads_status_reasons(principal):
        return reads
    return [read.model_copy(update={"reason": None}) for read in reads]


# --- mini-team ----------------------------------------------------------------------------


def _team_query() -> Select[TeamMember]:
    return select(TeamMember).options(joinedload(TeamMember.user).joinedload(User.organisation))


def list_team(session: Session, principal: Principal, trajectory_id: uuid.UUID) -> list[TeamMember]:
    get_trajectory(session, principal, trajectory_id)
    return list(session.scalars(_team_of_trajectory(), {"trajectory_id": trajectory_id}))


@functools.cache
def _team_of_trajectory() -> Select[TeamMember]:
    # Built once: the case file asks for the team on every open.
    return (
        _team_query()
        .where(TeamMember.trajectory_id == bindparam("trajectory_id"))
        .order_by(TeamMember.to_date.is_not(None), TeamMember.from_date)
    )


# The roles that work on case files (read trajectories): the ones a mini-team is made of.
TEAM_ROLES = frozenset(role for role in Role if Action.TRAJECTORIES_READ in ROLE_ACTIONS[role])


def add_team_member(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, data: TeamMemberCreate
) -> TeamMember:
    trajectory = get_trajectory_for(session, principal, trajectory_id, Action.TRAJECTORIES_MANAGE)
    user = session.get(User, data.user_id)
    # A mini-team is made of people who work on case files: a beheerder, a manager (who sees
    # no notes) or a platform admin has no place on it, whatever the id says.
    if user is None or not user.is_active or user.is_platform_admin or user.role not in TEAM_ROLES:
        raise RuleViolation(
            "Unknown or inactive staff member, or a role that is not on a mini-team",
            errors=[FieldError("user_id", "is not a staff member", "not_staff")],
        )
    existing = session.scalar(
        select(TeamMember.id).where(
            TeamMember.trajectory_id == trajectory.id, TeamMember.user_id == user.id
        )
    )
    if existing:
        raise Conflict(
            "This person is on the mini-team already",
            errors=[FieldError("user_id", "is on the team already", "already_on_team")],
        )
    member = TeamMember(
        trajectory_id=trajectory.id,
        user_id=user.id,
        team_role=data.team_role,
        from_date=data.from_date or _today(),
        to_date=data.to_date,
    )
    session.add(member)
    try:
        session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise Conflict("This person is on the mini-team already") from exc
    return _load_member(session, member.id)


def _load_member(session: Session, member_id: uuid.UUID) -> TeamMember:
    member = session.scalar(_team_query().where(TeamMember.id == member_id))
    if member is None:
        raise NotFound("Team member not found")
    return member


def end_team_member(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    member_id: uuid.UUID,
    *,
    version: int,
) -> TeamMember:
    """Ending keeps the row: the history shows who was on the team when."""
    trajectory = get_trajectory_for(session, principal, trajectory_id, Action.TRAJECTORIES_MANAGE)
    member = session.scalar(
        _team_query().where(TeamMember.id == member_id, TeamMember.trajectory_id == trajectory.id)
    )
    if member is None:
        raise NotFound("Team member not found")
    check_version(version, member.version)
    if member.to_date is not None and member.to_date <= _today():
        raise Conflict("This membership has ended already")
    member.to_date = max(_today(), member.from_date)
    session.flush()
    return member
