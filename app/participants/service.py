"""Participants: registration with a duplicate check, the caseload, details, dated facts.

The caseload is a read model over the case file: it reads the trajectory, team, goal,
follow-up and contact tables directly, in grouped statements for a whole page at once (a call
per participant into each domain's service would cost a query per row)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, union_all
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from app import audit
from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.auth.models import User
from app.core.concurrency import check_version
from app.core.database import is_unique_violation
from app.core.errors import Conflict, FieldError, NotFound, RuleViolation
from app.core.pagination import PageResult, contains_pattern, paginate, parse_sort
from app.core.schemas import WriteSchema
from app.employment.models import EmployerContact, EmployerContactTrajectory
from app.organisations.models import Framework
from app.outflow.models import FollowUp
from app.participants.models import (
    ActivityPermission,
    BenefitStatus,
    Participant,
    ParticipantChange,
    VdabAdvice,
)
from app.participants.names import name_key, search_key
from app.participants.schemas import (
    DuplicateCandidate,
    ParticipantCreate,
    ParticipantUpdate,
    ParticipantView,
)
from app.progress.models import (
    ActivationSession,
    Attendance,
    AttendanceStatus,
    Goal,
    Placement,
    ProgressLog,
)
from app.trajectories.models import TeamMember, TeamRole, Trajectory
from app.trajectories.phases import Phase, Status


def get_participant(
    session: Session, principal: Principal, participant_id: uuid.UUID
) -> Participant:
    """The participant if the caller may see them; otherwise exactly like an absent one."""
    participant = session.scalar(
        select(Participant).where(
            Participant.id == participant_id, policies.visible_participants(principal)
        )
    )
    if participant is None:
        raise NotFound("Participant not found")
    audit.touch(
        session,
        object_type=Participant.__tablename__,
        object_id=participant.id,
        participant_id=participant.id,
    )
    return participant


def participant_view(principal: Principal) -> ParticipantView:
    """Coaches get the work floor's view of a participant (whom they coach, how to reach
    them); the staff who run the trajectory's administration get the full record."""
    if policies.can(principal, Action.PARTICIPANTS_READ_FULL):
        return ParticipantView.FULL
    return ParticipantView.WORK_FLOOR


def _refuse_insz_to_work_floor(principal: Principal, insz: str | None) -> None:
    """Who may not read an INSZ may not write or search one either: the duplicate and
    uniqueness checks would tell them whose it is."""
    if insz is not None:
        policies.require(principal, Action.PARTICIPANTS_READ_FULL)


# Actions that only read: everything else changes or adds to the person's data.
READ_ACTIONS = frozenset({Action.PARTICIPANTS_READ, Action.PARTICIPANTS_READ_FULL})


def get_participant_for(
    session: Session, principal: Principal, participant_id: uuid.UUID, action: Action
) -> Participant:
    participant = get_participant(session, principal, participant_id)
    policies.require(principal, action)
    if action not in READ_ACTIONS:
        refuse_if_erased(participant)
    return participant


def refuse_if_erased(participant: Participant) -> None:
    """After an erasure on request the record stays, de-identified, so the figures stay
    true; nothing new may be written about the person (it would undo the erasure)."""
    if participant.erased_at is not None:
        raise Conflict(
            f"This participant's data was erased on request on {participant.erased_at:%Y-%m-%d}: "
            "nothing can be added or changed"
        )


# --- duplicates ---------------------------------------------------------------------------


def find_duplicates(
    session: Session,
    principal: Principal,
    *,
    first_name: str | None,
    last_name: str | None,
    name: str | None,
    birth_date: date | None,
    insz: str | None,
) -> list[tuple[Participant, list[str]]]:
    """Likely duplicates among the participants the caller may see.

    Same INSZ, or same birth date and a name equal once case, accents and particles such as
    "Van de" are ignored. Only visible participants are compared: telling one organisation
    that another knows a person would itself be a leak.
    """
    policies.require(principal, Action.PARTICIPANTS_READ)
    _refuse_insz_to_work_floor(principal, insz)
    conditions = []
    key = None
    if first_name is not None and last_name is not None:
        key = name_key(first_name, last_name)
    elif name:
        key = search_key(name)
    if key and birth_date:
        conditions.append(and_(Participant.name_key == key, Participant.birth_date == birth_date))
    if insz:
        conditions.append(Participant.insz == insz)
    if not conditions:
        return []
    rows = session.scalars(
        select(Participant)
        .where(or_(*conditions), policies.visible_participants(principal))
        .order_by(Participant.sort_name, Participant.id)
        .limit(20)
    ).all()
    # Candidates are shown by name and birth date (in a list, or in a create's 409).
    audit.touch_many(
        session, object_type=Participant.__tablename__, participant_ids=[p.id for p in rows]
    )
    found = []
    for participant in rows:
        matched = []
        if insz and participant.insz == insz:
            matched.append("insz")
        if (
            key
            and birth_date
            and participant.name_key == key
            and participant.birth_date == birth_date
        ):
            matched.append("name_and_birth_date")
        found.append((participant, matched))
    return found


# --- create, read, update, delete ---------------------------------------------------------


def _insz_taken(
    session: Session, organisation_id: uuid.UUID, insz: str, except_id: uuid.UUID | None = None
) -> bool:
    statement = select(Participant.id).where(
        Participant.organisation_id == organisation_id, Participant.insz == insz
    )
    if except_id:
        statement = statement.where(Participant.id != except_id)
    return session.scalar(statement) is not None


def _insz_conflict() -> Conflict:
    return Conflict(
        "A participant with this INSZ is already registered",
        errors=[FieldError("insz", "is already registered", "already_registered")],
    )


def create_participant(
    session: Session, principal: Principal, data: ParticipantCreate
) -> Participant:
    policies.require(principal, Action.PARTICIPANTS_WRITE)
    _refuse_insz_to_work_floor(principal, data.insz)
    if data.insz and _insz_taken(session, principal.organisation_id, data.insz):
        raise _insz_conflict()
    if not data.confirm_not_duplicate:
        candidates = find_duplicates(
            session,
            principal,
            first_name=data.first_name,
            last_name=data.last_name,
            name=None,
            birth_date=data.birth_date,
            insz=data.insz,
        )
        if candidates:
            raise Conflict(
                "This person may already be registered: check the candidates, then send "
                "confirm_not_duplicate=true to register anyway",
                extra={
                    "candidates": [
                        DuplicateCandidate(
                            id=p.id,
                            first_name=p.first_name,
                            last_name=p.last_name,
                            birth_date=p.birth_date,
                            matched_on=matched,
                        ).model_dump(mode="json")
                        for p, matched in candidates
                    ]
                },
            )
    values = data.model_dump(
        exclude={"confirm_not_duplicate", "target_groups", "first_name", "last_name"}
    )
    participant = Participant(
        organisation_id=principal.organisation_id, created_by=principal.id, **values
    )
    participant.set_name(data.first_name, data.last_name)
    participant.set_target_groups(data.target_groups)
    session.add(participant)
    try:
        session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise _insz_conflict() from exc
    audit.touch(
        session,
        object_type=Participant.__tablename__,
        object_id=participant.id,
        participant_id=participant.id,
    )
    return participant


def update_participant(
    session: Session,
    principal: Principal,
    participant_id: uuid.UUID,
    data: ParticipantUpdate,
    *,
    version: int,
) -> Participant:
    participant = get_participant_for(session, principal, participant_id, Action.PARTICIPANTS_WRITE)
    check_version(version, participant.version)
    changes = data.model_dump(exclude_unset=True)
    _refuse_insz_to_work_floor(principal, changes.get("insz"))
    if changes.get("insz") and _insz_taken(
        session, participant.organisation_id, changes["insz"], participant.id
    ):
        raise _insz_conflict()
    before = {field: _as_text(getattr(participant, field)) for field in changes}
    if "first_name" in changes or "last_name" in changes:
        participant.set_name(
            changes.pop("first_name", participant.first_name),
            changes.pop("last_name", participant.last_name),
        )
    if "target_groups" in changes:
        participant.set_target_groups(changes.pop("target_groups"))
    for field, value in changes.items():
        setattr(participant, field, value)
    _record_changes(session, principal, participant, before)
    try:
        session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise _insz_conflict() from exc
    return participant


def _as_text(value: object) -> str | None:
    """A field's value as the history stores it: ISO dates, enum values, lists joined."""
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(_as_text(item)) for item in value)
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _record_changes(
    session: Session, principal: Principal, participant: Participant, before: dict[str, str | None]
) -> None:
    """Keep what each changed field held before the edit; a field sent unchanged is no
    rectification and leaves no row."""
    for field, old_value in before.items():
        new_value = _as_text(getattr(participant, field))
        if new_value != old_value:
            session.add(
                ParticipantChange(
                    participant_id=participant.id,
                    changed_by=principal.id,
                    field=field,
                    old_value=old_value,
                    new_value=new_value,
                )
            )


def list_changes(
    session: Session, principal: Principal, participant_id: uuid.UUID
) -> list[tuple[ParticipantChange, str | None]]:
    """The rectification history, newest first, with the editor's name. It holds old INSZ
    numbers and addresses: the full record's readers only (coaches get 403)."""
    get_participant_for(session, principal, participant_id, Action.PARTICIPANTS_READ_FULL)
    rows = session.execute(
        select(ParticipantChange, User.name)
        .outerjoin(User, User.id == ParticipantChange.changed_by)
        .where(ParticipantChange.participant_id == participant_id)
        .order_by(ParticipantChange.changed_at.desc(), ParticipantChange.id)
    )
    return [(change, name) for change, name in rows]


def delete_participant(
    session: Session, principal: Principal, participant_id: uuid.UUID, *, version: int
) -> None:
    """Undo a registration made in error. A person with a trajectory has a case file: that is
    erased through the GDPR procedure, not by a delete."""
    participant = get_participant_for(session, principal, participant_id, Action.PARTICIPANTS_WRITE)
    check_version(version, participant.version)
    has_trajectory = session.scalar(
        select(Trajectory.id).where(Trajectory.participant_id == participant.id).limit(1)
    )
    if has_trajectory:
        raise Conflict("This participant has a trajectory: their case file cannot be deleted")
    session.delete(participant)
    session.flush()


# --- lists: the caseload -----------------------------------------------------------------

PARTICIPANT_SORTS = {
    "name": Participant.sort_name,
    "birth_date": Participant.birth_date,
    "created_at": Participant.created_at,
}


def _today() -> date:
    return date.today()


@dataclass(frozen=True)
class CurrentTrajectoryView:
    id: uuid.UUID
    framework_code: str
    phase: Phase
    status: Status
    phase_since: date
    days_in_phase: int


@dataclass(frozen=True)
class CoachView:
    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class CaseloadRow:
    """What the caseload shows about one participant's current trajectory."""

    current_trajectory: CurrentTrajectoryView
    coach: CoachView | None
    last_contact_on: date | None
    overdue_goals: int
    overdue_follow_ups: int


@dataclass(frozen=True)
class ParticipantPage:
    page: PageResult
    caseload: dict[uuid.UUID, CaseloadRow]


def _current(principal: Principal) -> ColumnElement[bool]:
    """``Trajectory`` is its participant's current one: open, visible to the caller, and no
    other open visible trajectory of theirs changed phase later (ties: created later, then the
    higher id). One definition for the caseload's column, its filters and the detail."""
    other = aliased(Trajectory)
    visible_ids = (
        select(Trajectory.id).where(policies.visible_trajectories(principal)).correlate(None)
    )
    later = or_(
        other.phase_since > Trajectory.phase_since,
        and_(
            other.phase_since == Trajectory.phase_since,
            or_(
                other.created_at > Trajectory.created_at,
                and_(other.created_at == Trajectory.created_at, other.id > Trajectory.id),
            ),
        ),
    )
    return and_(
        Trajectory.status != Status.CLOSED,
        policies.visible_trajectories(principal),
        ~exists(
            select(other.id).where(
                other.participant_id == Trajectory.participant_id,
                other.status != Status.CLOSED,
                other.id.in_(visible_ids),
                later,
            )
        ),
    )


def _overdue_follow_up(today: date) -> ColumnElement[bool]:
    """A follow-up whose date has passed with no contact recorded."""
    return and_(FollowUp.contacted_on.is_(None), FollowUp.due_on < today)


def _has_overdue_work(principal: Principal, today: date) -> ColumnElement[bool]:
    """The participant's current trajectory has an overdue goal or an overdue follow-up."""
    return exists(
        select(Trajectory.id).where(
            Trajectory.participant_id == Participant.id,
            _current(principal),
            or_(
                exists(
                    select(Goal.id).where(
                        Goal.trajectory_id == Trajectory.id, Goal.overdue_on(today)
                    )
                ),
                exists(
                    select(FollowUp.id).where(
                        FollowUp.trajectory_id == Trajectory.id, _overdue_follow_up(today)
                    )
                ),
            ),
        )
    )


def list_participants(
    session: Session,
    principal: Principal,
    *,
    q: str | None,
    phase: Phase | None,
    status: Status | None,
    framework: str | None,
    coach_id: uuid.UUID | None,
    overdue: bool | None,
    sort: str,
    limit: int,
    cursor: str | None,
) -> ParticipantPage:
    """The caseload: a fixed number of statements (count, page, current trajectories and one
    per column) whatever the page size."""
    policies.require(principal, Action.PARTICIPANTS_READ)
    today = _today()
    statement = select(Participant).where(policies.visible_participants(principal))
    if q:
        for word in search_key(q).split():
            statement = statement.where(
                Participant.name_key.like(contains_pattern(word), escape="\\")
            )
    trajectory_filters = []
    if phase:
        trajectory_filters.append(Trajectory.phase == phase)
    if status:
        trajectory_filters.append(Trajectory.status == status)
    if framework:
        if session.get(Framework, framework) is None:
            raise RuleViolation(
                "Unknown framework",
                errors=[FieldError("framework", "is not a framework code", "unknown_framework")],
            )
        trajectory_filters.append(Trajectory.framework_code == framework)
    if coach_id:
        trajectory_filters.append(
            exists(
                select(TeamMember.id).where(
                    TeamMember.trajectory_id == Trajectory.id,
                    TeamMember.user_id == coach_id,
                    policies.membership_runs(today),
                )
            )
        )
    if trajectory_filters:
        statement = statement.where(
            exists(
                select(Trajectory.id).where(
                    Trajectory.participant_id == Participant.id,
                    policies.visible_trajectories(principal),
                    *trajectory_filters,
                )
            )
        )
    if overdue is not None:
        overdue_work = _has_overdue_work(principal, today)
        statement = statement.where(overdue_work if overdue else ~overdue_work)
    page = paginate(
        session,
        statement,
        id_column=Participant.id,
        sort=parse_sort(sort, PARTICIPANT_SORTS),
        limit=limit,
        cursor=cursor,
    )
    ids = [p.id for p in page.rows]
    audit.touch_many(session, object_type=Participant.__tablename__, participant_ids=ids)
    return ParticipantPage(page, caseload_of(session, principal, ids))


def current_trajectories(
    session: Session, principal: Principal, participant_ids: list[uuid.UUID]
) -> dict[uuid.UUID, Trajectory]:
    """Per participant, their current trajectory (see ``_current``), in one query."""
    if not participant_ids:
        return {}
    rows = session.scalars(
        select(Trajectory).where(
            Trajectory.participant_id.in_(participant_ids), _current(principal)
        )
    ).all()
    return {t.participant_id: t for t in rows}


def caseload_of(
    session: Session, principal: Principal, participant_ids: list[uuid.UUID]
) -> dict[uuid.UUID, CaseloadRow]:
    """The caseload's columns for these participants: one statement for the current
    trajectories and one per column for all of them together, never one per participant."""
    trajectories = current_trajectories(session, principal, participant_ids)
    if not trajectories:
        return {}
    today = _today()
    ids = [t.id for t in trajectories.values()]
    coaches = _coaches(session, ids, today)
    overdue_goals = _counts(
        session, Goal.trajectory_id, Goal.trajectory_id.in_(ids), Goal.overdue_on(today)
    )
    overdue_follow_ups = _counts(
        session,
        FollowUp.trajectory_id,
        FollowUp.trajectory_id.in_(ids),
        _overdue_follow_up(today),
    )
    last_contacts = _last_contacts(session, principal, ids)
    return {
        participant_id: CaseloadRow(
            current_trajectory=CurrentTrajectoryView(
                id=t.id,
                framework_code=t.framework_code,
                phase=t.phase,
                status=t.status,
                phase_since=t.phase_since,
                days_in_phase=(today - t.phase_since).days,
            ),
            coach=coaches.get(t.id),
            last_contact_on=last_contacts.get(t.id),
            overdue_goals=overdue_goals.get(t.id, 0),
            overdue_follow_ups=overdue_follow_ups.get(t.id, 0),
        )
        for participant_id, t in trajectories.items()
    }


def _coaches(
    session: Session, trajectory_ids: list[uuid.UUID], today: date
) -> dict[uuid.UUID, CoachView]:
    """The mini-team member with team role coach today; of several, the one who joined last."""
    rows = session.execute(
        select(TeamMember.trajectory_id, User.id, User.name)
        .join(User, User.id == TeamMember.user_id)
        .where(
            TeamMember.trajectory_id.in_(trajectory_ids),
            TeamMember.team_role == TeamRole.COACH,
            policies.membership_runs(today),
        )
        .order_by(TeamMember.from_date, TeamMember.created_at, TeamMember.id)
    ).all()
    return {
        trajectory_id: CoachView(id=user_id, name=name) for trajectory_id, user_id, name in rows
    }


def _counts(
    session: Session, group: InstrumentedAttribute[uuid.UUID], *conditions: ColumnElement[bool]
) -> dict[uuid.UUID, int]:
    rows = session.execute(select(group, func.count()).where(*conditions).group_by(group)).all()
    return {key: count for key, count in rows}


def _last_contacts(
    session: Session, principal: Principal, trajectory_ids: list[uuid.UUID]
) -> dict[uuid.UUID, date]:
    """The newest logged contact per trajectory, in one statement: a half-day marked present,
    a progress log, an activation session, a follow-up contact made, an employer contact about
    the participant. Notes are not contacts (and who may read one differs per note)."""
    sources = union_all(
        select(
            Placement.trajectory_id.label("trajectory_id"),
            func.max(Attendance.date).label("contact_on"),
        )
        .join(Attendance, Attendance.placement_id == Placement.id)
        .where(
            Placement.trajectory_id.in_(trajectory_ids),
            Attendance.status == AttendanceStatus.PRESENT,
        )
        .group_by(Placement.trajectory_id),
        select(ProgressLog.trajectory_id, func.max(ProgressLog.logged_on))
        .where(ProgressLog.trajectory_id.in_(trajectory_ids))
        .group_by(ProgressLog.trajectory_id),
        select(ActivationSession.trajectory_id, func.max(ActivationSession.held_on))
        .where(ActivationSession.trajectory_id.in_(trajectory_ids))
        .group_by(ActivationSession.trajectory_id),
        select(FollowUp.trajectory_id, func.max(FollowUp.contacted_on))
        .where(FollowUp.trajectory_id.in_(trajectory_ids), FollowUp.contacted_on.is_not(None))
        .group_by(FollowUp.trajectory_id),
        select(EmployerContactTrajectory.trajectory_id, func.max(EmployerContact.contacted_on))
        .join(EmployerContact, EmployerContact.id == EmployerContactTrajectory.contact_id)
        .where(
            EmployerContactTrajectory.trajectory_id.in_(trajectory_ids),
            policies.visible_employer_contacts(principal),
        )
        .group_by(EmployerContactTrajectory.trajectory_id),
    ).subquery()
    rows = session.execute(
        select(sources.c.trajectory_id, func.max(sources.c.contact_on)).group_by(
            sources.c.trajectory_id
        )
    ).all()
    return {trajectory_id: on for trajectory_id, on in rows if on is not None}


# --- dated facts: benefits, permissions, VDAB advice --------------------------------------

FactModel = TypeVar("FactModel", BenefitStatus, ActivityPermission, VdabAdvice)

_FACT_ORDER = {
    BenefitStatus: BenefitStatus.valid_from,
    ActivityPermission: ActivityPermission.granted_on,
    VdabAdvice: VdabAdvice.advised_on,
}


def list_facts(
    session: Session, principal: Principal, participant_id: uuid.UUID, model: type[FactModel]
) -> list[FactModel]:
    """Benefits, permissions and advice are the trajectory's administration: coaches get 403."""
    get_participant_for(session, principal, participant_id, Action.PARTICIPANTS_READ_FULL)
    order = _FACT_ORDER[model]
    return list(
        session.scalars(
            select(model).where(model.participant_id == participant_id).order_by(order.desc())
        )
    )


def add_fact(
    session: Session,
    principal: Principal,
    participant_id: uuid.UUID,
    model: type[FactModel],
    data: WriteSchema,
) -> FactModel:
    participant = get_participant_for(session, principal, participant_id, Action.PARTICIPANTS_WRITE)
    policies.require(principal, Action.PARTICIPANTS_READ_FULL)
    fact = model(participant_id=participant.id, **data.model_dump())
    session.add(fact)
    session.flush()
    return fact
