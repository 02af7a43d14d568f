"""Work-floor life and progress: rules and queries.

Everything here hangs off a trajectory. Reads load the record joined to its trajectory under
`policies.visible_trajectories`, so an invisible record answers exactly like an absent one
(404); writes additionally need `Action.PROGRESS_WRITE` (403 when visible but not allowed).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar, cast

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    Table,
    and_,
    bindparam,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from app import audit
from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.auth import service as auth_service
from app.core.concurrency import check_version
from app.core.database import is_unique_violation, utcnow
from app.core.errors import Conflict, FieldError, Forbidden, NotFound, RuleViolation
from app.core.pagination import PageResult, paginate, parse_sort
from app.organisations import service as organisation_service
from app.organisations.models import WorkFloor
from app.participants.models import Participant
from app.progress.models import (
    MAX_HOURS_PER_HALF_DAY,
    ActivationSession,
    Attendance,
    CompetenceItem,
    Goal,
    GoalStatus,
    HalfDay,
    Placement,
    ProgressLog,
    ProgressScore,
)
from app.progress.schemas import (
    ActivationSessionCreate,
    ActivationSessionUpdate,
    AttendanceUpdate,
    AttendanceWrite,
    CompetenceItemCreate,
    CompetenceItemUpdate,
    FloorDayWrite,
    GoalCreate,
    GoalUpdate,
    PlacementCreate,
    PlacementUpdate,
    ProgressLogCreate,
    ProgressLogUpdate,
    ScoreWrite,
)
from app.trajectories import service as trajectory_service
from app.trajectories.models import Trajectory
from app.trajectories.phases import Status

PLACEMENT_SORTS = {"start_date": Placement.start_date}
ATTENDANCE_SORTS = {"date": Attendance.date}
PROGRESS_LOG_SORTS = {"logged_on": ProgressLog.logged_on}
GOAL_SORTS = {"created_at": Goal.created_at}
SESSION_SORTS = {"held_on": ActivationSession.held_on}


def _today() -> date:
    return date.today()


# --- loading through the trajectory -------------------------------------------------------

_Record = TypeVar("_Record", Placement, ProgressLog, Goal, ActivationSession)


def _load(
    session: Session,
    principal: Principal,
    model: type[_Record],
    record_id: uuid.UUID,
    *,
    label: str,
    options: Sequence[ORMOption] = (),
) -> tuple[_Record, Trajectory]:
    """The record and its trajectory when the caller may see the trajectory; else 404."""
    return trajectory_service.get_trajectory_record(
        session, principal, model, record_id, label=label, options=options
    )


def _load_for_write(
    session: Session,
    principal: Principal,
    model: type[_Record],
    record_id: uuid.UUID,
    *,
    label: str,
    options: Sequence[ORMOption] = (),
) -> tuple[_Record, Trajectory]:
    loaded = _load(session, principal, model, record_id, label=label, options=options)
    policies.require(principal, Action.PROGRESS_WRITE)
    trajectory_service.refuse_if_deidentified(loaded[1])
    return loaded


def _visible_trajectory(
    session: Session, principal: Principal, trajectory_id: uuid.UUID
) -> Trajectory:
    return trajectory_service.get_trajectory(session, principal, trajectory_id)


def _writable_trajectory(
    session: Session, principal: Principal, trajectory_id: uuid.UUID
) -> Trajectory:
    return trajectory_service.get_trajectory_for(
        session, principal, trajectory_id, Action.PROGRESS_WRITE
    )


# --- shared checks ------------------------------------------------------------------------


def _check_colleague(
    session: Session, trajectory: Trajectory, user_id: uuid.UUID, field: str
) -> None:
    """Coaches and goal owners are active staff of the organisation that owns the trajectory."""
    if not auth_service.is_active_staff_of(session, user_id, trajectory.organisation_id):
        raise RuleViolation.on(
            field,
            "must be an active staff member of the trajectory's organisation",
            "Unknown staff member",
            code="not_active_staff",
        )


def _check_not_before_referral(trajectory: Trajectory, day: date, field: str) -> None:
    if day < trajectory.referred_on:
        raise RuleViolation.on(
            field,
            f"cannot be before the trajectory began ({trajectory.referred_on.isoformat()})",
            "The date lies before the trajectory began",
            code="before_trajectory_start",
            params={"date": trajectory.referred_on.isoformat()},
        )


def _active_on(day: date) -> ColumnElement[bool]:
    """The placement runs on ``day`` (a statement with ``Trajectory`` joined): within its own
    dates, and its trajectory not closed before that day. Closing a trajectory does not end
    its placements in the table, so the closing date ends them here: a closed case neither
    takes a place on the floor nor appears on the daily list."""
    return and_(
        Placement.start_date <= day,
        or_(Placement.end_date.is_(None), Placement.end_date >= day),
        or_(Trajectory.closed_on.is_(None), Trajectory.closed_on >= day),
    )


def _refuse_closed(trajectory: Trajectory, what: str) -> None:
    if trajectory.status is Status.CLOSED:
        closed = f" on {trajectory.closed_on.isoformat()}" if trajectory.closed_on else ""
        raise Conflict(f"This trajectory was closed{closed}: {what}")


# --- placements ---------------------------------------------------------------------------


def _floor_for(
    session: Session, principal: Principal, trajectory: Trajectory, floor_id: uuid.UUID
) -> WorkFloor:
    """A work floor of the trajectory's own organisation, or a 422 naming work_floor_id."""
    try:
        floor = organisation_service.get_work_floor(session, principal, floor_id)
    except NotFound:
        floor = None
    if floor is None or floor.organisation_id != trajectory.organisation_id:
        raise RuleViolation.on(
            "work_floor_id",
            "must be a work floor of the trajectory's organisation",
            "Unknown work floor",
            code="unknown_work_floor",
        )
    if not floor.is_active:
        raise RuleViolation.on(
            "work_floor_id", "is no longer in use", "Inactive work floor", code="inactive"
        )
    return floor


def _check_planned(hours: Decimal, half_days: int) -> None:
    if hours > MAX_HOURS_PER_HALF_DAY * half_days:
        raise RuleViolation.on(
            "planned_hours_per_week",
            f"cannot exceed {MAX_HOURS_PER_HALF_DAY} hours per planned half-day",
            "More hours planned than the half-days can hold",
            code="too_many_hours",
            params={"max": float(MAX_HOURS_PER_HALF_DAY)},
        )


def _check_capacity(
    session: Session,
    floor: WorkFloor,
    day: date,
    *,
    override_reason: str | None,
    except_id: uuid.UUID | None = None,
) -> None:
    """409 when the floor is full on ``day``, unless the caller gives a reason to override."""
    # Serialise placements on one floor (PostgreSQL; SQLite serialises all writers anyway),
    # so two coaches cannot both take the last place.
    session.execute(select(WorkFloor.id).where(WorkFloor.id == floor.id).with_for_update())
    statement = (
        select(func.count(Placement.id))
        .join(Trajectory, Trajectory.id == Placement.trajectory_id)
        .where(Placement.work_floor_id == floor.id, _active_on(day))
    )
    if except_id is not None:
        statement = statement.where(Placement.id != except_id)
    occupied = session.scalar(statement) or 0
    if occupied >= floor.capacity and not override_reason:
        raise Conflict(
            f"Work floor '{floor.name}' is full on {day.isoformat()}: {occupied} placements "
            f"for a capacity of {floor.capacity}. Give capacity_override_reason to place anyway.",
            errors=[
                FieldError(
                    "capacity_override_reason",
                    "is required: the floor is full",
                    "floor_full",
                    {"capacity": floor.capacity},
                )
            ],
            extra={"capacity": floor.capacity, "occupied": occupied},
        )


def list_placements(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    trajectory = _visible_trajectory(session, principal, trajectory_id)
    return paginate(
        session,
        select(Placement).where(Placement.trajectory_id == trajectory.id),
        id_column=Placement.id,
        sort=parse_sort(sort, PLACEMENT_SORTS),
        limit=limit,
        cursor=cursor,
    )


def get_placement(session: Session, principal: Principal, placement_id: uuid.UUID) -> Placement:
    placement, _ = _load(session, principal, Placement, placement_id, label="Placement")
    return placement


def create_placement(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, data: PlacementCreate
) -> Placement:
    trajectory = _writable_trajectory(session, principal, trajectory_id)
    _refuse_closed(trajectory, "it takes no new placements")
    floor = _floor_for(session, principal, trajectory, data.work_floor_id)
    if data.coach_id is not None:
        _check_colleague(session, trajectory, data.coach_id, "coach_id")
    _check_not_before_referral(trajectory, data.start_date, "start_date")
    _check_planned(data.planned_hours_per_week, data.planned_half_days_per_week)
    _check_capacity(session, floor, data.start_date, override_reason=data.capacity_override_reason)
    placement = Placement(trajectory_id=trajectory.id, created_by=principal.id, **data.model_dump())
    session.add(placement)
    session.flush()
    return placement


def update_placement(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    data: PlacementUpdate,
    *,
    version: int,
) -> Placement:
    placement, trajectory = _load_for_write(
        session, principal, Placement, placement_id, label="Placement"
    )
    check_version(version, placement.version)
    changes = data.model_dump(exclude_unset=True)
    if trajectory.status is Status.CLOSED:
        _check_ending_only(placement, trajectory, changes)
    start = changes.get("start_date", placement.start_date)
    end = changes.get("end_date", placement.end_date)
    if end is not None and end < start:
        if "end_date" in changes:
            raise RuleViolation.on(
                "end_date",
                "cannot be before start_date",
                "The end lies before the start",
                code="before_field",
                params={"other": "start_date"},
            )
        raise RuleViolation.on(
            "start_date",
            "cannot be after end_date",
            "The end lies before the start",
            code="after_field",
            params={"other": "end_date"},
        )
    floor_id = changes.get("work_floor_id", placement.work_floor_id)
    floor_changed = floor_id != placement.work_floor_id
    floor = _floor_for(session, principal, trajectory, floor_id) if floor_changed else None
    if changes.get("coach_id") is not None:
        _check_colleague(session, trajectory, changes["coach_id"], "coach_id")
    if start != placement.start_date:
        _check_not_before_referral(trajectory, start, "start_date")
    _check_planned(
        changes.get("planned_hours_per_week", placement.planned_hours_per_week),
        changes.get("planned_half_days_per_week", placement.planned_half_days_per_week),
    )
    if floor_changed or start != placement.start_date:
        _check_capacity(
            session,
            floor or organisation_service.get_work_floor(session, principal, floor_id),
            start,
            override_reason=changes.get("capacity_override_reason"),
            except_id=placement.id,
        )
    if start != placement.start_date or end != placement.end_date:
        _refuse_orphaned_attendance(session, placement.id, start, end)
    for field, value in changes.items():
        setattr(placement, field, value)
    session.flush()
    return placement


def _check_ending_only(
    placement: Placement, trajectory: Trajectory, changes: dict[str, Any]
) -> None:
    """A closed trajectory's placement may still be ended (the SPA may send unchanged fields
    along), on or before the closing date; nothing else about it changes any more."""
    changed = {field for field, value in changes.items() if getattr(placement, field) != value}
    if changed - {"end_date"}:
        _refuse_closed(trajectory, "its placements can only be ended")
    end = changes.get("end_date", placement.end_date)
    if "end_date" in changed and (
        end is None or (trajectory.closed_on and end > trajectory.closed_on)
    ):
        closed = trajectory.closed_on.isoformat() if trajectory.closed_on else "its closing date"
        raise Conflict(
            "A placement of a closed trajectory ends on or before the day it closed",
            errors=[
                FieldError(
                    "end_date",
                    f"must be on or before {closed}",
                    "after_trajectory_closed",
                    {"date": closed},
                )
            ],
        )


def _refuse_orphaned_attendance(
    session: Session, placement_id: uuid.UUID, start: date, end: date | None
) -> None:
    outside = (
        or_(Attendance.date < start, Attendance.date > end) if end else Attendance.date < start
    )
    recorded = session.scalar(
        select(func.count(Attendance.id)).where(Attendance.placement_id == placement_id, outside)
    )
    if recorded:
        raise Conflict(
            f"{recorded} attendance marks lie outside the new period",
            errors=[
                FieldError(
                    "start_date", "leaves attendance outside the placement", "orphans_attendance"
                )
            ],
        )


# --- attendance ---------------------------------------------------------------------------


def _check_within(placement: Placement, day: date, field: str) -> None:
    if not placement.is_active_on(day):
        period = (
            placement.start_date.isoformat()
            + " – "
            + (placement.end_date.isoformat() if placement.end_date else "open-ended")
        )
        raise RuleViolation.on(
            field,
            f"must lie within the placement ({period})",
            "The date is outside the placement",
            code="outside_placement",
            params={
                "start": placement.start_date.isoformat(),
                **({"end": placement.end_date.isoformat()} if placement.end_date else {}),
            },
        )


def _check_before_closing(trajectory: Trajectory, day: date, field: str) -> None:
    if trajectory.closed_on is not None and day > trajectory.closed_on:
        raise RuleViolation.on(
            field,
            f"cannot be after the trajectory closed ({trajectory.closed_on.isoformat()})",
            "The date lies after the trajectory closed",
            code="after_trajectory_closed",
            params={"date": trajectory.closed_on.isoformat()},
        )


def _load_attendance(
    session: Session, principal: Principal, attendance_id: uuid.UUID
) -> tuple[Attendance, Trajectory]:
    """The mark and its trajectory when the caller may see the trajectory; else 404."""
    row = session.execute(
        select(Attendance, Trajectory)
        .join(Placement, Placement.id == Attendance.placement_id)
        .join(Trajectory, Trajectory.id == Placement.trajectory_id)
        .where(Attendance.id == attendance_id, policies.visible_trajectories(principal))
    ).one_or_none()
    if row is None:
        raise NotFound("Attendance not found")
    mark, trajectory = row
    audit.touch(
        session,
        object_type=Attendance.__tablename__,
        object_id=mark.id,
        trajectory_id=trajectory.id,
        participant_id=trajectory.participant_id,
    )
    return mark, trajectory


def get_attendance(session: Session, principal: Principal, attendance_id: uuid.UUID) -> Attendance:
    mark, _ = _load_attendance(session, principal, attendance_id)
    return mark


def update_attendance(
    session: Session,
    principal: Principal,
    attendance_id: uuid.UUID,
    data: AttendanceUpdate,
    *,
    version: int,
) -> Attendance:
    """Correct one mark. Its date and half-day are what it is about: to move a mark, delete
    it and record the other half-day."""
    mark, _ = _load_attendance(session, principal, attendance_id)
    policies.require(principal, Action.PROGRESS_WRITE)
    check_version(version, mark.version)
    changes = data.model_dump(exclude_unset=True)
    if any(getattr(mark, field) != value for field, value in changes.items()):
        for field, value in changes.items():
            setattr(mark, field, value)
        mark.recorded_by = principal.id
    session.flush()
    return mark


def delete_attendance(
    session: Session, principal: Principal, attendance_id: uuid.UUID, *, version: int
) -> None:
    mark, _ = _load_attendance(session, principal, attendance_id)
    policies.require(principal, Action.PROGRESS_WRITE)
    check_version(version, mark.version)
    session.delete(mark)
    session.flush()


def list_attendance(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    from_date: date | None,
    to_date: date | None,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    placement = get_placement(session, principal, placement_id)
    if from_date and to_date and to_date < from_date:
        raise RuleViolation.on(
            "to", "cannot be before from", code="before_field", params={"other": "from"}
        )
    statement = select(Attendance).where(Attendance.placement_id == placement.id)
    if from_date:
        statement = statement.where(Attendance.date >= from_date)
    if to_date:
        statement = statement.where(Attendance.date <= to_date)
    return paginate(
        session,
        statement,
        id_column=Attendance.id,
        sort=parse_sort(sort, ATTENDANCE_SORTS),
        limit=limit,
        cursor=cursor,
    )


def record_attendance(
    session: Session, principal: Principal, placement_id: uuid.UUID, data: AttendanceWrite
) -> Attendance:
    """Upsert one mark by (placement, date, half-day); an unchanged mark is left alone."""
    placement, trajectory = _load_for_write(
        session, principal, Placement, placement_id, label="Placement"
    )
    _check_within(placement, data.date, "date")
    _check_before_closing(trajectory, data.date, "date")
    mark = session.scalar(
        select(Attendance).where(
            Attendance.placement_id == placement.id,
            Attendance.date == data.date,
            Attendance.half_day == data.half_day,
        )
    )
    if mark is None:
        mark = Attendance(placement_id=placement.id, recorded_by=principal.id, **data.model_dump())
        session.add(mark)
    elif (mark.status, mark.hours, mark.reason) != (data.status, data.hours, data.reason):
        mark.status, mark.hours, mark.reason = data.status, data.hours, data.reason
        mark.recorded_by = principal.id
    session.flush()
    return mark


# --- the coach's daily list ---------------------------------------------------------------


@dataclass(frozen=True)
class FloorDayRow:
    placement_id: uuid.UUID
    trajectory_id: uuid.UUID
    first_name: str
    last_name: str
    preferred_name: str | None
    planned_hours_per_half_day: float | None
    marks: list[Attendance]


@dataclass(frozen=True)
class FloorDay:
    work_floor_id: uuid.UUID
    date: date
    items: list[FloorDayRow]


def _per_half_day(placement: Placement) -> float | None:
    if placement.planned_half_days_per_week == 0:
        return None
    return round(float(placement.planned_hours_per_week / placement.planned_half_days_per_week), 2)


def _floor_day(session: Session, principal: Principal, floor_id: uuid.UUID, day: date) -> FloorDay:
    """Two statements whatever the number of placements: the placements, then all marks."""
    rows = session.execute(
        select(
            Placement,
            Participant.id,
            Participant.first_name,
            Participant.last_name,
            Participant.preferred_name,
        )
        .join(Trajectory, Trajectory.id == Placement.trajectory_id)
        .join(Participant, Participant.id == Trajectory.participant_id)
        .where(
            Placement.work_floor_id == floor_id,
            _active_on(day),
            policies.visible_trajectories(principal),
        )
        .order_by(Participant.sort_name, Placement.id)
    ).all()
    # The list names everyone on the floor that day.
    audit.touch_many(
        session, object_type=Placement.__tablename__, participant_ids=[row[1] for row in rows]
    )
    marks = session.scalars(
        select(Attendance)
        .where(Attendance.placement_id.in_([row[0].id for row in rows]), Attendance.date == day)
        .order_by(Attendance.half_day)
        .execution_options(populate_existing=True)  # the bulk write bypassed the identity map
    ).all()
    by_placement: dict[uuid.UUID, list[Attendance]] = {}
    for mark in marks:
        by_placement.setdefault(mark.placement_id, []).append(mark)
    return FloorDay(
        work_floor_id=floor_id,
        date=day,
        items=[
            FloorDayRow(
                placement_id=placement.id,
                trajectory_id=placement.trajectory_id,
                first_name=first_name,
                last_name=last_name,
                preferred_name=preferred_name,
                planned_hours_per_half_day=_per_half_day(placement),
                marks=by_placement.get(placement.id, []),
            )
            for placement, _, first_name, last_name, preferred_name in rows
        ],
    )


def floor_day(
    session: Session, principal: Principal, floor_id: uuid.UUID, *, day: date
) -> FloorDay:
    floor = organisation_service.get_work_floor(session, principal, floor_id)
    return _floor_day(session, principal, floor.id, day)


def record_floor_day(
    session: Session, principal: Principal, floor_id: uuid.UUID, data: FloorDayWrite
) -> FloorDay:
    """Record a whole floor's day in one transaction: upsert per (placement, date, half-day).

    A fixed number of statements whatever the number of entries: one to load the placements,
    one for the marks already there, one bulk insert, one bulk update. The bulk update goes
    around the ORM, so it checks and bumps `version` itself. Repeating a request changes
    nothing: unchanged marks are not written at all.
    """
    floor = organisation_service.get_work_floor(session, principal, floor_id)
    policies.require(principal, Action.PROGRESS_WRITE)
    day = data.date
    wanted = {entry.placement_id for entry in data.entries}
    on_floor = set(
        session.scalars(
            select(Placement.id)
            .join(Trajectory, Trajectory.id == Placement.trajectory_id)
            .where(
                Placement.id.in_(list(wanted)),
                Placement.work_floor_id == floor.id,
                _active_on(day),
                policies.visible_trajectories(principal),
            )
        )
    )
    errors: list[FieldError] = []
    seen: set[tuple[uuid.UUID, HalfDay]] = set()
    for n, entry in enumerate(data.entries):
        if entry.placement_id not in on_floor:
            errors.append(
                FieldError(
                    f"entries.{n}.placement_id",
                    "is not a placement on this work floor on that date",
                    "unknown_placement",
                )
            )
        if (entry.placement_id, entry.half_day) in seen:
            errors.append(
                FieldError(
                    f"entries.{n}.half_day", "is given twice for this placement", "given_twice"
                )
            )
        seen.add((entry.placement_id, entry.half_day))
    if errors:
        raise RuleViolation("Some entries cannot be recorded; nothing was written", errors=errors)

    existing = {
        (row.placement_id, row.half_day): row
        for row in session.execute(
            select(
                Attendance.id,
                Attendance.placement_id,
                Attendance.half_day,
                Attendance.status,
                Attendance.hours,
                Attendance.reason,
                Attendance.version,
            ).where(Attendance.placement_id.in_(list(wanted)), Attendance.date == day)
        )
    }
    now = utcnow()
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for entry in data.entries:
        values = {"status": entry.status, "hours": entry.hours, "reason": entry.reason}
        current = existing.get((entry.placement_id, entry.half_day))
        if current is None:
            inserts.append(
                {
                    "id": uuid.uuid4(),
                    "placement_id": entry.placement_id,
                    "date": day,
                    "half_day": entry.half_day,
                    "recorded_by": principal.id,
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                    **values,
                }
            )
        elif (current.status, current.hours, current.reason) != tuple(values.values()):
            updates.append(
                {
                    "b_id": current.id,
                    "b_version": current.version,
                    "b_new_version": current.version + 1,
                    "b_recorded_by": principal.id,
                    "b_updated_at": now,
                    **{f"b_{key}": value for key, value in values.items()},
                }
            )
    table = cast(Table, Attendance.__table__)
    if inserts:
        session.execute(insert(table), inserts)
    if updates:
        result = session.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
            .values(
                status=bindparam("b_status"),
                hours=bindparam("b_hours"),
                reason=bindparam("b_reason"),
                recorded_by=bindparam("b_recorded_by"),
                updated_at=bindparam("b_updated_at"),
                version=bindparam("b_new_version"),
            ),
            updates,
        )
        dialect = session.get_bind().dialect
        if dialect.supports_sane_multi_rowcount and result.rowcount != len(updates):  # type: ignore[attr-defined]
            raise Conflict("Someone else recorded this day at the same time: reload and retry")
    return _floor_day(session, principal, floor.id, day)


# --- competence items ---------------------------------------------------------------------


def _competence_items_of(
    organisation_id: uuid.UUID, *, include_inactive: bool = False
) -> Select[CompetenceItem]:
    """The organisation's own active items if it defined any, else the default set."""
    active = [] if include_inactive else [CompetenceItem.is_active.is_(True)]
    return (
        select(CompetenceItem)
        .where(*active, _item_set_of(organisation_id))
        .order_by(CompetenceItem.sort_order, CompetenceItem.code)
    )


def _item_set_of(organisation_id: uuid.UUID | BindParameter[uuid.UUID]) -> ColumnElement[bool]:
    own = aliased(CompetenceItem)
    has_own = exists(select(own.id).where(own.organisation_id == organisation_id))
    return or_(
        CompetenceItem.organisation_id == organisation_id,
        and_(CompetenceItem.organisation_id.is_(None), ~has_own),
    )


@functools.cache
def _scorable_items() -> Select[uuid.UUID, str, int]:
    """``_competence_items_of`` for scoring a log: only what a score keeps, built once (every
    progress log runs it) for the organisation given as ``organisation_id``."""
    return select(CompetenceItem.id, CompetenceItem.code, CompetenceItem.sort_order).where(
        CompetenceItem.is_active.is_(True), _item_set_of(bindparam("organisation_id"))
    )


def list_competence_items(
    session: Session, principal: Principal, *, include_inactive: bool = False
) -> list[CompetenceItem]:
    query = _competence_items_of(principal.organisation_id, include_inactive=include_inactive)
    return list(session.scalars(query))


_ITEM_CODE_TAKEN = "This set already has an item with this code"


def _in_set(organisation_id: uuid.UUID | None) -> ColumnElement[bool]:
    if organisation_id is None:
        return CompetenceItem.organisation_id.is_(None)
    return CompetenceItem.organisation_id == organisation_id


def _start_own_set(session: Session, organisation_id: uuid.UUID) -> None:
    """An organisation's first own item: copy the default set into it first.

    An organisation scores its own items *instead of* the default set (see
    ``_competence_items_of``), so adding one item must not make the twelve defaults vanish
    from its progress logs: they become its own, to rename, reorder or deactivate.
    """
    if session.scalar(select(exists().where(_in_set(organisation_id)))):
        return
    defaults = session.scalars(
        select(CompetenceItem).where(
            CompetenceItem.organisation_id.is_(None), CompetenceItem.is_active.is_(True)
        )
    )
    for default in defaults:
        session.add(
            CompetenceItem(
                organisation_id=organisation_id,
                code=default.code,
                name_nl=default.name_nl,
                name_en=default.name_en,
                sort_order=default.sort_order,
            )
        )
    session.flush()


def _flush_item(session: Session) -> None:
    """Flush, turning a duplicate code that slipped past the pre-check into the same 409."""
    try:
        session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise Conflict(
            _ITEM_CODE_TAKEN, errors=[FieldError("code", "is already in use", "already_in_use")]
        ) from exc


def create_competence_item(
    session: Session, principal: Principal, data: CompetenceItemCreate
) -> CompetenceItem:
    """An organisation admin adds to their organisation's set; a platform admin to the default
    set (or, naming it, to any organisation's)."""
    policies.require(principal, Action.COMPETENCE_ITEMS_MANAGE)
    owner: uuid.UUID | None
    if data.organisation_id is not None:
        policies.require_in_organisation(
            principal, Action.COMPETENCE_ITEMS_MANAGE, data.organisation_id
        )
        organisation_service.get_organisation(session, principal, data.organisation_id)
        owner = data.organisation_id
    else:
        owner = None if principal.is_platform_admin else principal.organisation_id
    if owner is not None:
        _start_own_set(session, owner)
    taken = session.scalar(select(exists().where(_in_set(owner), CompetenceItem.code == data.code)))
    if taken:
        raise Conflict(
            _ITEM_CODE_TAKEN, errors=[FieldError("code", "is already in use", "already_in_use")]
        )
    sort_order = data.sort_order
    if sort_order is None:
        last = session.scalar(select(func.max(CompetenceItem.sort_order)).where(_in_set(owner)))
        sort_order = min((last or 0) + 1, 10_000)
    item = CompetenceItem(
        organisation_id=owner,
        code=data.code,
        name_nl=data.name_nl,
        name_en=data.name_en,
        sort_order=sort_order,
    )
    session.add(item)
    _flush_item(session)
    return item


def _competence_item_to_change(
    session: Session, principal: Principal, item_id: uuid.UUID
) -> CompetenceItem:
    """403 for whoever may not manage items; 404 for another organisation's item."""
    policies.require(principal, Action.COMPETENCE_ITEMS_MANAGE)
    item = session.get(CompetenceItem, item_id)
    if item is None or (
        item.organisation_id is not None
        and not policies.acts_in_organisation(principal, item.organisation_id)
    ):
        raise NotFound("Competence item not found")
    if item.organisation_id is None and not principal.is_platform_admin:
        # Everyone reads the default set; only the platform keeps it.
        raise Forbidden(
            "The default set is kept by the platform admins: add an item of your own instead"
        )
    return item


def update_competence_item(
    session: Session,
    principal: Principal,
    item_id: uuid.UUID,
    data: CompetenceItemUpdate,
    *,
    version: int,
) -> CompetenceItem:
    """Rename, reorder, deactivate or reactivate. Never a delete: scores point at the item."""
    item = _competence_item_to_change(session, principal, item_id)
    check_version(version, item.version)
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(item, field, value)
    session.flush()
    return item


# --- progress logs ------------------------------------------------------------------------

_WITH_SCORES = (selectinload(ProgressLog.scores),)


def _scores(
    session: Session, trajectory: Trajectory, scores: list[ScoreWrite]
) -> list[ProgressScore]:
    if not scores:
        return []  # a log without scores: no need to look up the items
    items = {
        item.code: item
        for item in session.execute(
            _scorable_items(), {"organisation_id": trajectory.organisation_id}
        )
    }
    errors: list[FieldError] = []
    seen: set[str] = set()
    result: list[ProgressScore] = []
    for n, given in enumerate(scores):
        item = items.get(given.item_code)
        if item is None:
            errors.append(
                FieldError(
                    f"scores.{n}.item_code",
                    "is not a competence item of this organisation",
                    "unknown_competence_item",
                )
            )
        elif given.item_code in seen:
            errors.append(FieldError(f"scores.{n}.item_code", "is scored twice", "given_twice"))
        else:
            result.append(
                ProgressScore(
                    competence_item_id=item.id,
                    item_code=item.code,
                    sort_order=item.sort_order,
                    score=given.score,
                )
            )
        seen.add(given.item_code)
    if errors:
        raise RuleViolation("Some scores cannot be recorded", errors=errors)
    return sorted(result, key=lambda score: (score.sort_order, score.item_code))


@functools.cache
def _placement_of_trajectory() -> Select[uuid.UUID]:
    # Built once: every progress log and attendance write runs this check.
    return select(Placement.id).where(
        Placement.id == bindparam("placement_id"),
        Placement.trajectory_id == bindparam("trajectory_id"),
    )


def _check_placement_of(session: Session, trajectory: Trajectory, placement_id: uuid.UUID) -> None:
    found = session.scalar(
        _placement_of_trajectory(), {"placement_id": placement_id, "trajectory_id": trajectory.id}
    )
    if found is None:
        raise RuleViolation.on(
            "placement_id",
            "must be a placement of this trajectory",
            "Unknown placement",
            code="unknown_placement",
        )


def list_progress_logs(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    trajectory = _visible_trajectory(session, principal, trajectory_id)
    return paginate(
        session,
        select(ProgressLog)
        .where(ProgressLog.trajectory_id == trajectory.id)
        .options(*_WITH_SCORES),
        id_column=ProgressLog.id,
        sort=parse_sort(sort, PROGRESS_LOG_SORTS),
        limit=limit,
        cursor=cursor,
    )


def get_progress_log(session: Session, principal: Principal, log_id: uuid.UUID) -> ProgressLog:
    log, _ = _load(
        session, principal, ProgressLog, log_id, label="Progress log", options=_WITH_SCORES
    )
    return log


def create_progress_log(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, data: ProgressLogCreate
) -> ProgressLog:
    trajectory = _writable_trajectory(session, principal, trajectory_id)
    _check_not_before_referral(trajectory, data.logged_on, "logged_on")
    if data.placement_id is not None:
        _check_placement_of(session, trajectory, data.placement_id)
    log = ProgressLog(
        trajectory_id=trajectory.id,
        placement_id=data.placement_id,
        author_id=principal.id,  # never from the body
        logged_on=data.logged_on,
        text=data.text,
        scores=_scores(session, trajectory, data.scores),
    )
    session.add(log)
    session.flush()
    return log


def update_progress_log(
    session: Session,
    principal: Principal,
    log_id: uuid.UUID,
    data: ProgressLogUpdate,
    *,
    version: int,
) -> ProgressLog:
    log, trajectory = _load_for_write(
        session, principal, ProgressLog, log_id, label="Progress log", options=_WITH_SCORES
    )
    check_version(version, log.version)
    changes = data.model_dump(exclude_unset=True, exclude={"scores"})
    if "logged_on" in changes:
        _check_not_before_referral(trajectory, changes["logged_on"], "logged_on")
    if changes.get("placement_id") is not None:
        _check_placement_of(session, trajectory, changes["placement_id"])
    if data.scores is not None:
        scores = _scores(session, trajectory, data.scores)
        # Delete the old rows first: the unit of work would insert before deleting and trip
        # the (log, item) unique constraint.
        log.scores.clear()
        session.flush()
        log.scores.extend(scores)
        log.updated_at = utcnow()  # the log's version moves when only its scores changed
    for field, value in changes.items():
        setattr(log, field, value)
    session.flush()
    return log


def delete_progress_log(
    session: Session, principal: Principal, log_id: uuid.UUID, *, version: int
) -> None:
    log, _ = _load_for_write(session, principal, ProgressLog, log_id, label="Progress log")
    check_version(version, log.version)
    session.delete(log)
    session.flush()


# --- goals --------------------------------------------------------------------------------


def list_goals(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    status: GoalStatus | None,
    overdue: bool | None,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    trajectory = _visible_trajectory(session, principal, trajectory_id)
    statement = select(Goal).where(Goal.trajectory_id == trajectory.id)
    if status is not None:
        statement = statement.where(Goal.status == status)
    if overdue is not None:
        today = _today()
        statement = statement.where(
            Goal.overdue_on(today) if overdue else Goal.not_overdue_on(today)
        )
    return paginate(
        session,
        statement,
        id_column=Goal.id,
        sort=parse_sort(sort, GOAL_SORTS),
        limit=limit,
        cursor=cursor,
    )


def get_goal(session: Session, principal: Principal, goal_id: uuid.UUID) -> Goal:
    goal, _ = _load(session, principal, Goal, goal_id, label="Goal")
    return goal


def create_goal(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, data: GoalCreate
) -> Goal:
    trajectory = _writable_trajectory(session, principal, trajectory_id)
    if data.owner_id is not None:
        _check_colleague(session, trajectory, data.owner_id, "owner_id")
    goal = Goal(trajectory_id=trajectory.id, created_by=principal.id, **data.model_dump())
    session.add(goal)
    session.flush()
    return goal


def update_goal(
    session: Session, principal: Principal, goal_id: uuid.UUID, data: GoalUpdate, *, version: int
) -> Goal:
    goal, trajectory = _load_for_write(session, principal, Goal, goal_id, label="Goal")
    check_version(version, goal.version)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("owner_id") is not None:
        _check_colleague(session, trajectory, changes["owner_id"], "owner_id")
    for field, value in changes.items():
        setattr(goal, field, value)
    session.flush()
    return goal


def delete_goal(
    session: Session, principal: Principal, goal_id: uuid.UUID, *, version: int
) -> None:
    goal, _ = _load_for_write(session, principal, Goal, goal_id, label="Goal")
    check_version(version, goal.version)
    session.delete(goal)
    session.flush()


# --- activation sessions ------------------------------------------------------------------


def list_activation_sessions(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    trajectory = _visible_trajectory(session, principal, trajectory_id)
    return paginate(
        session,
        select(ActivationSession).where(ActivationSession.trajectory_id == trajectory.id),
        id_column=ActivationSession.id,
        sort=parse_sort(sort, SESSION_SORTS),
        limit=limit,
        cursor=cursor,
    )


def get_activation_session(
    session: Session, principal: Principal, session_id: uuid.UUID
) -> ActivationSession:
    record, _ = _load(session, principal, ActivationSession, session_id, label="Session")
    return record


def create_activation_session(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    data: ActivationSessionCreate,
) -> ActivationSession:
    trajectory = _writable_trajectory(session, principal, trajectory_id)
    _check_not_before_referral(trajectory, data.held_on, "held_on")
    record = ActivationSession(
        trajectory_id=trajectory.id, created_by=principal.id, **data.model_dump()
    )
    session.add(record)
    session.flush()
    return record


def update_activation_session(
    session: Session,
    principal: Principal,
    session_id: uuid.UUID,
    data: ActivationSessionUpdate,
    *,
    version: int,
) -> ActivationSession:
    record, trajectory = _load_for_write(
        session, principal, ActivationSession, session_id, label="Session"
    )
    check_version(version, record.version)
    changes = data.model_dump(exclude_unset=True)
    if "held_on" in changes:
        _check_not_before_referral(trajectory, changes["held_on"], "held_on")
    for field, value in changes.items():
        setattr(record, field, value)
    session.flush()
    return record


def delete_activation_session(
    session: Session, principal: Principal, session_id: uuid.UUID, *, version: int
) -> None:
    record, _ = _load_for_write(session, principal, ActivationSession, session_id, label="Session")
    check_version(version, record.version)
    session.delete(record)
    session.flush()
