"""The case-file timeline: everything recorded on one trajectory, newest first, in one list.

A read model over the tables of the case-file domains. One narrow select per kind
(kind, id, occurred_on, recorded_at) is merged with UNION ALL, sorted and cut to a page in the
database; the page's records are then loaded with one query per record type present on the
page. The statement count depends on which kinds a page holds, never on how many rows.

Sort key: occurred_on desc, recorded_at desc, kind, id (the last two make it total).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import functools
import json
import uuid
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import CodeType
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnClause,
    ColumnElement,
    Date,
    Select,
    String,
    and_,
    bindparam,
    column,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.engine import Result
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Bundle, QueryableAttribute, Session, aliased
from sqlalchemy.sql import Executable
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from app.access import policies
from app.access.policies import Principal
from app.auth.models import User
from app.core.database import Base
from app.core.errors import FieldError, RuleViolation
from app.core.pagination import PageResult
from app.employment.models import (
    Employer,
    EmployerContact,
    EmployerContactTrajectory,
    Internship,
    Job,
)
from app.notes.models import Note
from app.organisations.models import WorkFloor
from app.outflow.models import FollowUp, Outflow
from app.progress.models import ActivationSession, Goal, Placement, ProgressLog
from app.timeline.schemas import TimelineKind
from app.trajectories import service as trajectory_service
from app.trajectories.models import PhaseChange, StatusChange, TeamMember

API = "/api/v1"
EXCERPT_LENGTH = 200
_CURSOR_TAG = "timeline"


# --- the entries ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Author:
    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class Details:
    """What the page's second round of queries adds to a (kind, id, dates) row."""

    title: str | None
    summary: str | None
    author: Author | None


@dataclass(frozen=True)
class TimelineEntry:
    kind: TimelineKind
    id: uuid.UUID
    occurred_on: date
    recorded_at: datetime
    title: str | None
    summary: str | None
    author: Author | None
    url: str


def excerpt(text: str | None) -> str | None:
    """One line of at most EXCERPT_LENGTH characters, for a list."""
    if not text:
        return None
    flat = " ".join(text.split())
    if len(flat) <= EXCERPT_LENGTH:
        return flat or None
    return flat[: EXCERPT_LENGTH - 1] + "…"


def _joined(*parts: object) -> str | None:
    return excerpt(" · ".join(str(p) for p in parts if p is not None and p != "")) or None


def _move(before: Any, after: Any) -> str:
    return f"{before.value} → {after.value}" if before is not None else str(after.value)


# --- the union: one narrow select per kind ---------------------------------------------------


class utc_date(FunctionElement[date]):
    """The UTC calendar date of a timestamp, as a DATE on both databases."""

    type = Date()
    inherit_cache = True


@compiles(utc_date)
def _utc_date_sqlite(element: utc_date, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite keeps timestamps as UTC text; date() returns 'YYYY-MM-DD' like a stored DATE.
    return f"date({compiler.process(element.clauses, **kw)})"


@compiles(utc_date, "postgresql")
def _utc_date_postgresql(element: utc_date, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(timezone('UTC', {compiler.process(element.clauses, **kw)}) AS DATE)"


Column = ColumnElement[Any] | QueryableAttribute[Any]
Narrow = Select[str, Any, Any, Any]  # kind, id, occurred_on, recorded_at


def _narrow(
    kind: TimelineKind, record_id: Column, occurred_on: Column, recorded_at: Column
) -> Narrow:
    # The kind is one of our own enum values, never input: safe as a literal.
    return select(
        literal_column(f"'{kind.value}'", String(32)).label("kind"),
        record_id.label("id"),
        occurred_on.label("occurred_on"),
        recorded_at.label("recorded_at"),
    )


# The statements below are built once and executed with these parameters: building the
# fourteen-way union (and its cache key) anew on every request cost more than running it.
_TRAJECTORY: BindParameter[uuid.UUID] = bindparam("timeline_trajectory_id")
_TODAY = bindparam("timeline_today", type_=Date())


@functools.cache
def _fixed_branches() -> dict[TimelineKind, Narrow]:
    """Every branch except the notes, whose filter depends on the caller and the moment."""
    k = TimelineKind
    return {
        k.PHASE_CHANGE: _narrow(
            k.PHASE_CHANGE, PhaseChange.id, PhaseChange.on, PhaseChange.created_at
        ).where(PhaseChange.trajectory_id == _TRAJECTORY),
        k.STATUS_CHANGE: _narrow(
            k.STATUS_CHANGE, StatusChange.id, StatusChange.on, StatusChange.created_at
        ).where(StatusChange.trajectory_id == _TRAJECTORY),
        k.PLACEMENT: _narrow(
            k.PLACEMENT, Placement.id, Placement.start_date, Placement.created_at
        ).where(Placement.trajectory_id == _TRAJECTORY),
        k.PROGRESS_LOG: _narrow(
            k.PROGRESS_LOG, ProgressLog.id, ProgressLog.logged_on, ProgressLog.created_at
        ).where(ProgressLog.trajectory_id == _TRAJECTORY),
        # A goal has no business date of its own: the day it was set is the UTC date it was
        # recorded. Done/dropped have no date in the model, so they are not events here.
        k.GOAL: _narrow(k.GOAL, Goal.id, utc_date(Goal.created_at), Goal.created_at).where(
            Goal.trajectory_id == _TRAJECTORY
        ),
        k.ACTIVATION_SESSION: _narrow(
            k.ACTIVATION_SESSION,
            ActivationSession.id,
            ActivationSession.held_on,
            ActivationSession.created_at,
        ).where(ActivationSession.trajectory_id == _TRAJECTORY),
        k.INTERNSHIP: _narrow(
            k.INTERNSHIP, Internship.id, Internship.start_date, Internship.created_at
        ).where(Internship.trajectory_id == _TRAJECTORY),
        k.JOB: _narrow(k.JOB, Job.id, Job.start_date, Job.created_at).where(
            Job.trajectory_id == _TRAJECTORY
        ),
        k.EMPLOYER_CONTACT: _narrow(
            k.EMPLOYER_CONTACT,
            EmployerContact.id,
            EmployerContact.contacted_on,
            EmployerContact.created_at,
        )
        .join(
            EmployerContactTrajectory,
            EmployerContactTrajectory.contact_id == EmployerContact.id,
        )
        .where(EmployerContactTrajectory.trajectory_id == _TRAJECTORY),
        k.OUTFLOW: _narrow(k.OUTFLOW, Outflow.id, Outflow.date, Outflow.created_at).where(
            Outflow.trajectory_id == _TRAJECTORY
        ),
        # Only contacts that were made: a scheduled follow-up is an appointment, listed with
        # its due date under /follow-ups, not something that happened.
        k.FOLLOW_UP: _narrow(
            k.FOLLOW_UP, FollowUp.id, FollowUp.contacted_on, FollowUp.created_at
        ).where(FollowUp.trajectory_id == _TRAJECTORY, FollowUp.contacted_on.is_not(None)),
        # Team changes count from the day they take effect, not while they are planned.
        k.TEAM_MEMBER_JOINED: _narrow(
            k.TEAM_MEMBER_JOINED, TeamMember.id, TeamMember.from_date, TeamMember.created_at
        ).where(TeamMember.trajectory_id == _TRAJECTORY, TeamMember.from_date <= _TODAY),
        k.TEAM_MEMBER_LEFT: _narrow(
            k.TEAM_MEMBER_LEFT, TeamMember.id, TeamMember.to_date, TeamMember.created_at
        ).where(
            TeamMember.trajectory_id == _TRAJECTORY,
            TeamMember.to_date.is_not(None),
            TeamMember.to_date <= _TODAY,
        ),
    }


@functools.cache
def _notes_branch() -> Narrow:
    return _narrow(TimelineKind.NOTE, Note.id, Note.written_on, Note.created_at).where(
        Note.trajectory_id == _TRAJECTORY
    )


def _branches(principal: Principal, kinds: Collection[TimelineKind]) -> list[Narrow]:
    """The selected kinds' branches, in TimelineKind order (the first names the columns)."""
    fixed = _fixed_branches()
    selected = []
    for kind in TimelineKind:
        if kinds and kind not in kinds:
            continue
        if kind is TimelineKind.NOTE:
            # The same filter as the notes list: a timeline never shows a note that list
            # would not. Built per request: it holds the caller and the current time.
            selected.append(_notes_branch().where(policies.visible_notes(principal)))
        else:
            selected.append(fixed[kind])
    return selected


# The merged rows' columns, by name: the union is the only FROM of the page's select, and
# naming them spares building the subquery's column collection (fourteen branches wide).
_KIND: ColumnClause[str] = column("kind", String(32))
_ID: ColumnClause[uuid.UUID] = column("id", PhaseChange.__table__.c.id.type)
_OCCURRED_ON: ColumnClause[date] = column("occurred_on", Date())
_RECORDED_AT: ColumnClause[datetime] = column(
    "recorded_at", PhaseChange.__table__.c.created_at.type
)
_AFTER_ON = bindparam("after_occurred_on", type_=Date())
_AFTER_AT = bindparam("after_recorded_at", type_=PhaseChange.__table__.c.created_at.type)
_AFTER_KIND = bindparam("after_kind", type_=String(32))
_AFTER_ID = bindparam("after_id", type_=PhaseChange.__table__.c.id.type)
_AFTER_POSITION = or_(
    _OCCURRED_ON < _AFTER_ON,
    and_(
        _OCCURRED_ON == _AFTER_ON,
        or_(
            _RECORDED_AT < _AFTER_AT,
            and_(
                _RECORDED_AT == _AFTER_AT,
                or_(_KIND > _AFTER_KIND, and_(_KIND == _AFTER_KIND, _ID > _AFTER_ID)),
            ),
        ),
    ),
)
_PAGE_ORDER = (_OCCURRED_ON.desc(), _RECORDED_AT.desc(), _KIND, _ID)


# --- the page's records: one query per record type on the page ------------------------------

Loader = Callable[[Session, Collection[uuid.UUID]], dict[uuid.UUID, Details]]
_author_user = aliased(User, name="author")
_IDS: BindParameter[list[uuid.UUID]] = bindparam("ids", expanding=True)
_BY_IDS: dict[CodeType, Executable] = {}


def _by_ids(
    session: Session, build: Callable[[], Executable], ids: Collection[uuid.UUID]
) -> Result[*tuple[Any, ...]]:
    """Run a loader's statement for ``ids``. Each statement is built once (keyed by the code
    that builds it, one per loader) and reused with a new list: constructing it and its cache
    key anew cost more than the query."""
    statement = _BY_IDS.get(build.__code__)
    if statement is None:
        statement = _BY_IDS[build.__code__] = build()
    return session.execute(statement, {"ids": list(ids)})


def _fields(model: type[Base], *names: str) -> Bundle[Any]:
    """Only the columns a loader reads, as one object per row with the model's attribute
    names: loading whole ORM objects cost more than the rest of the timeline together."""
    return Bundle(model.__tablename__, *(getattr(model, name) for name in names))


def _author(user_id: uuid.UUID | None, name: str | None) -> Author | None:
    return Author(user_id, name) if user_id is not None and name is not None else None


def _load_phase_changes(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(
                _fields(PhaseChange, "id", "from_phase", "to_phase", "reason", "by_user_id"),
                _author_user.name,
            )
            .outerjoin(_author_user, _author_user.id == PhaseChange.by_user_id)
            .where(PhaseChange.id.in_(_IDS))
        ),
        ids,
    )
    return {
        change.id: Details(
            _move(change.from_phase, change.to_phase),
            excerpt(change.reason),
            _author(change.by_user_id, name),
        )
        for change, name in rows
    }


def _load_status_changes(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(
                _fields(StatusChange, "id", "from_status", "to_status", "reason", "by_user_id"),
                _author_user.name,
            )
            .outerjoin(_author_user, _author_user.id == StatusChange.by_user_id)
            .where(StatusChange.id.in_(_IDS))
        ),
        ids,
    )
    return {
        change.id: Details(
            _move(change.from_status, change.to_status),
            excerpt(change.reason),
            _author(change.by_user_id, name),
        )
        for change, name in rows
    }


def _load_placements(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(
                _fields(Placement, "id", "planned_hours_per_week", "end_date", "created_by"),
                WorkFloor.name,
                _author_user.name,
            )
            .join(WorkFloor, WorkFloor.id == Placement.work_floor_id)
            .outerjoin(_author_user, _author_user.id == Placement.created_by)
            .where(Placement.id.in_(_IDS))
        ),
        ids,
    )
    return {
        placement.id: Details(
            excerpt(floor),
            _joined(
                f"{placement.planned_hours_per_week.normalize():f} h/week",
                f"until {placement.end_date.isoformat()}" if placement.end_date else None,
            ),
            _author(placement.created_by, name),
        )
        for placement, floor, name in rows
    }


def _load_progress_logs(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(ProgressLog.id, ProgressLog.text, ProgressLog.author_id, _author_user.name)
            .outerjoin(_author_user, _author_user.id == ProgressLog.author_id)
            .where(ProgressLog.id.in_(_IDS))
        ),
        ids,
    )
    return {
        log_id: Details(excerpt(text), None, _author(author_id, name))
        for log_id, text, author_id, name in rows
    }


def _load_goals(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(
                _fields(Goal, "id", "description", "domain", "status", "due_on", "created_by"),
                _author_user.name,
            )
            .outerjoin(_author_user, _author_user.id == Goal.created_by)
            .where(Goal.id.in_(_IDS))
        ),
        ids,
    )
    return {
        goal.id: Details(
            excerpt(goal.description),
            _joined(
                goal.domain.value,
                goal.status.value,
                f"due {goal.due_on.isoformat()}" if goal.due_on else None,
            ),
            _author(goal.created_by, name),
        )
        for goal, name in rows
    }


def _load_activation_sessions(
    session: Session, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(
                _fields(
                    ActivationSession,
                    "id",
                    "component",
                    "provider",
                    "minutes",
                    "report",
                    "created_by",
                ),
                _author_user.name,
            )
            .outerjoin(_author_user, _author_user.id == ActivationSession.created_by)
            .where(ActivationSession.id.in_(_IDS))
        ),
        ids,
    )
    return {
        record.id: Details(
            _joined(record.component.value, record.provider, f"{record.minutes} min"),
            excerpt(record.report),
            _author(record.created_by, name),
        )
        for record, name in rows
    }


def _load_notes(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(Note.id, Note.body, Note.visibility, Note.author_id, _author_user.name)
            .outerjoin(_author_user, _author_user.id == Note.author_id)
            .where(Note.id.in_(_IDS))
        ),
        ids,
    )
    return {
        note_id: Details(excerpt(body), visibility.value, _author(author_id, name))
        for note_id, body, visibility, author_id, name in rows
    }


def _load_internships(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(
                _fields(Internship, "id", "type", "result", "end_date", "created_by"),
                Employer.name,
                _author_user.name,
            )
            .outerjoin(Employer, Employer.id == Internship.employer_id)
            .outerjoin(_author_user, _author_user.id == Internship.created_by)
            .where(Internship.id.in_(_IDS))
        ),
        ids,
    )
    return {
        internship.id: Details(
            _joined(internship.type.value, employer),
            _joined(
                internship.result.value,
                f"until {internship.end_date.isoformat()}" if internship.end_date else None,
            ),
            _author(internship.created_by, name),
        )
        for internship, employer, name in rows
    }


def _load_jobs(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(
                _fields(
                    Job,
                    "id",
                    "occupation",
                    "contract_type",
                    "hours_per_week",
                    "support_instrument",
                    "created_by",
                ),
                Employer.name,
                _author_user.name,
            )
            .outerjoin(Employer, Employer.id == Job.employer_id)
            .outerjoin(_author_user, _author_user.id == Job.created_by)
            .where(Job.id.in_(_IDS))
        ),
        ids,
    )
    return {
        job.id: Details(
            _joined(job.occupation, employer),
            _joined(
                job.contract_type.value,
                f"{job.hours_per_week.normalize():f} h/week" if job.hours_per_week else None,
                job.support_instrument.value,
            ),
            _author(job.created_by, name),
        )
        for job, employer, name in rows
    }


def _load_employer_contacts(
    session: Session, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(
                _fields(EmployerContact, "id", "purpose", "summary", "staff_id"),
                Employer.name,
                _author_user.name,
            )
            .join(Employer, Employer.id == EmployerContact.employer_id)
            .outerjoin(_author_user, _author_user.id == EmployerContact.staff_id)
            .where(EmployerContact.id.in_(_IDS))
        ),
        ids,
    )
    return {
        contact.id: Details(
            _joined(employer, contact.purpose.value),
            excerpt(contact.summary),
            _author(contact.staff_id, name),
        )
        for contact, employer, name in rows
    }


def _load_outflows(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(_fields(Outflow, "id", "category", "reason", "recorded_by"), _author_user.name)
            .outerjoin(_author_user, _author_user.id == Outflow.recorded_by)
            .where(Outflow.id.in_(_IDS))
        ),
        ids,
    )
    return {
        outflow.id: Details(
            outflow.category.value, excerpt(outflow.reason), _author(outflow.recorded_by, name)
        )
        for outflow, name in rows
    }


def _load_follow_ups(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Details]:
    rows = _by_ids(
        session,
        lambda: (
            select(
                _fields(FollowUp, "id", "status", "months_after", "note", "recorded_by"),
                _author_user.name,
            )
            .outerjoin(_author_user, _author_user.id == FollowUp.recorded_by)
            .where(FollowUp.id.in_(_IDS))
        ),
        ids,
    )
    return {
        follow_up.id: Details(
            _joined(
                follow_up.status.value if follow_up.status else None,
                f"+{follow_up.months_after} months" if follow_up.months_after else None,
            ),
            excerpt(follow_up.note),
            _author(follow_up.recorded_by, name),
        )
        for follow_up, name in rows
    }


def _load_team_members(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Details]:
    # Who added or ended a membership is not recorded: no author, the member is the title.
    rows = _by_ids(
        session,
        lambda: (
            select(TeamMember.id, TeamMember.team_role, User.name)
            .join(User, User.id == TeamMember.user_id)
            .where(TeamMember.id.in_(_IDS))
        ),
        ids,
    )
    return {
        member_id: Details(excerpt(member), role.value, None) for member_id, role, member in rows
    }


_LOADERS: dict[TimelineKind, Loader] = {
    TimelineKind.PHASE_CHANGE: _load_phase_changes,
    TimelineKind.STATUS_CHANGE: _load_status_changes,
    TimelineKind.PLACEMENT: _load_placements,
    TimelineKind.PROGRESS_LOG: _load_progress_logs,
    TimelineKind.GOAL: _load_goals,
    TimelineKind.ACTIVATION_SESSION: _load_activation_sessions,
    TimelineKind.NOTE: _load_notes,
    TimelineKind.INTERNSHIP: _load_internships,
    TimelineKind.JOB: _load_jobs,
    TimelineKind.EMPLOYER_CONTACT: _load_employer_contacts,
    TimelineKind.OUTFLOW: _load_outflows,
    TimelineKind.FOLLOW_UP: _load_follow_ups,
    TimelineKind.TEAM_MEMBER_JOINED: _load_team_members,
    TimelineKind.TEAM_MEMBER_LEFT: _load_team_members,
}

# Records without a page of their own open in the trajectory's list of them.
_URLS: dict[TimelineKind, Callable[[uuid.UUID, uuid.UUID], str]] = {
    TimelineKind.PHASE_CHANGE: lambda t, _: f"{API}/trajectories/{t}/phase-changes",
    TimelineKind.STATUS_CHANGE: lambda t, _: f"{API}/trajectories/{t}/status-changes",
    TimelineKind.PLACEMENT: lambda _, i: f"{API}/placements/{i}",
    TimelineKind.PROGRESS_LOG: lambda _, i: f"{API}/progress-logs/{i}",
    TimelineKind.GOAL: lambda _, i: f"{API}/goals/{i}",
    TimelineKind.ACTIVATION_SESSION: lambda _, i: f"{API}/activation-sessions/{i}",
    TimelineKind.NOTE: lambda _, i: f"{API}/notes/{i}",
    TimelineKind.INTERNSHIP: lambda _, i: f"{API}/internships/{i}",
    TimelineKind.JOB: lambda _, i: f"{API}/jobs/{i}",
    TimelineKind.EMPLOYER_CONTACT: lambda _, i: f"{API}/employer-contacts/{i}",
    TimelineKind.OUTFLOW: lambda t, _: f"{API}/trajectories/{t}/outflow",
    TimelineKind.FOLLOW_UP: lambda _, i: f"{API}/follow-ups/{i}",
    TimelineKind.TEAM_MEMBER_JOINED: lambda t, _: f"{API}/trajectories/{t}/team",
    TimelineKind.TEAM_MEMBER_LEFT: lambda t, _: f"{API}/trajectories/{t}/team",
}


def _details_for(
    session: Session, rows: Iterable[tuple[TimelineKind, uuid.UUID]]
) -> dict[tuple[TimelineKind, uuid.UUID], Details]:
    """One query per loader with rows on the page (kinds sharing a table share a query)."""
    wanted: dict[Loader, set[uuid.UUID]] = {}
    kinds_of: dict[Loader, set[TimelineKind]] = {}
    for kind, record_id in rows:
        loader = _LOADERS[kind]
        wanted.setdefault(loader, set()).add(record_id)
        kinds_of.setdefault(loader, set()).add(kind)
    found: dict[tuple[TimelineKind, uuid.UUID], Details] = {}
    for loader, ids in wanted.items():
        for record_id, details in loader(session, ids).items():
            for kind in kinds_of[loader]:
                found[(kind, record_id)] = details
    return found


# --- the cursor -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Position:
    occurred_on: date
    recorded_at: datetime
    kind: TimelineKind
    id: uuid.UUID


def _encode(position: Position) -> str:
    raw = json.dumps(
        [
            _CURSOR_TAG,
            position.occurred_on.isoformat(),
            position.recorded_at.isoformat(),
            position.kind.value,
            str(position.id),
        ],
        separators=(",", ":"),
    ).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _invalid_cursor() -> RuleViolation:
    return RuleViolation(
        "Invalid cursor",
        errors=[FieldError("cursor", "is not a cursor from this timeline", "invalid_cursor")],
    )


def _decode(cursor: str) -> Position:
    """The position a cursor points at; anything not made by _encode is refused as a 422
    before it reaches the database."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(payload, list) or len(payload) != 5:
            raise _invalid_cursor()
        tag, occurred_on, recorded_at, kind, record_id = payload
        if tag != _CURSOR_TAG or not all(
            isinstance(v, str) for v in (occurred_on, recorded_at, kind, record_id)
        ):
            raise _invalid_cursor()
        at = datetime.fromisoformat(recorded_at)
        # Stored timestamps are UTC: a cursor naming another zone did not come from us.
        if at.utcoffset() != timedelta(0):
            raise _invalid_cursor()
        return Position(
            date.fromisoformat(occurred_on), at, TimelineKind(kind), uuid.UUID(record_id)
        )
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise _invalid_cursor() from exc


# --- the timeline ---------------------------------------------------------------------------


def trajectory_timeline(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    kinds: Collection[TimelineKind],
    limit: int,
    cursor: str | None,
    today: date | None = None,
) -> PageResult:
    """One page of the trajectory's timeline (all kinds when ``kinds`` is empty)."""
    trajectory = trajectory_service.get_trajectory(session, principal, trajectory_id)
    position = _decode(cursor) if cursor else None
    selected = _branches(principal, kinds)
    merged = (selected[0] if len(selected) == 1 else union_all(*selected)).subquery("timeline")
    parameters: dict[str, Any] = {
        "timeline_trajectory_id": trajectory.id,
        "timeline_today": today or date.today(),
    }
    total = session.scalar(select(func.count()).select_from(merged), parameters)
    statement = select(_KIND, _ID, _OCCURRED_ON, _RECORDED_AT).select_from(merged)
    if position is not None:
        statement = statement.where(_AFTER_POSITION)
        parameters |= {
            "after_occurred_on": position.occurred_on,
            "after_recorded_at": position.recorded_at,
            "after_kind": position.kind.value,
            "after_id": position.id,
        }
    statement = statement.order_by(*_PAGE_ORDER).limit(limit + 1)
    rows = [
        Position(occurred_on, recorded_at, TimelineKind(kind), record_id)
        for kind, record_id, occurred_on, recorded_at in session.execute(statement, parameters)
    ]
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = _encode(rows[-1])
    details = _details_for(session, ((row.kind, row.id) for row in rows))
    if not policies.reads_status_reasons(principal):
        details = {
            key: dataclasses.replace(found, summary=None)
            if key[0] is TimelineKind.STATUS_CHANGE
            else found
            for key, found in details.items()
        }
    entries = [
        TimelineEntry(
            kind=row.kind,
            id=row.id,
            occurred_on=row.occurred_on,
            recorded_at=row.recorded_at,
            title=found.title,
            summary=found.summary,
            author=found.author,
            url=_URLS[row.kind](trajectory.id, row.id),
        )
        for row in rows
        # A record removed between the two rounds is left out; the cursor stays valid.
        if (found := details.get((row.kind, row.id))) is not None
    ]
    return PageResult(rows=entries, next_cursor=next_cursor, total=total or 0)
