"""Participants: registration with a duplicate check, lists, details, dated facts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.core.concurrency import check_version
from app.core.database import is_unique_violation
from app.core.errors import Conflict, FieldError, NotFound, RuleViolation
from app.core.pagination import PageResult, contains_pattern, paginate, parse_sort
from app.core.schemas import WriteSchema
from app.organisations.models import Framework
from app.participants.models import ActivityPermission, BenefitStatus, Participant, VdabAdvice
from app.participants.names import name_key, search_key
from app.participants.schemas import DuplicateCandidate, ParticipantCreate, ParticipantUpdate
from app.trajectories.models import TeamMember, Trajectory
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
    return participant


def get_participant_for(
    session: Session, principal: Principal, participant_id: uuid.UUID, action: Action
) -> Participant:
    participant = get_participant(session, principal, participant_id)
    policies.require(principal, action)
    return participant


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
        errors=[FieldError("insz", "is already registered")],
    )


def create_participant(
    session: Session, principal: Principal, data: ParticipantCreate
) -> Participant:
    policies.require(principal, Action.PARTICIPANTS_WRITE)
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
    if changes.get("insz") and _insz_taken(
        session, participant.organisation_id, changes["insz"], participant.id
    ):
        raise _insz_conflict()
    if "first_name" in changes or "last_name" in changes:
        participant.set_name(
            changes.pop("first_name", participant.first_name),
            changes.pop("last_name", participant.last_name),
        )
    if "target_groups" in changes:
        participant.set_target_groups(changes.pop("target_groups"))
    for field, value in changes.items():
        setattr(participant, field, value)
    try:
        session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise _insz_conflict() from exc
    return participant


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


# --- lists --------------------------------------------------------------------------------

PARTICIPANT_SORTS = {
    "name": Participant.sort_name,
    "birth_date": Participant.birth_date,
    "created_at": Participant.created_at,
}


@dataclass(frozen=True)
class ParticipantPage:
    page: PageResult
    current_trajectories: dict[uuid.UUID, Trajectory]


def list_participants(
    session: Session,
    principal: Principal,
    *,
    q: str | None,
    phase: Phase | None,
    status: Status | None,
    framework: str | None,
    coach_id: uuid.UUID | None,
    sort: str,
    limit: int,
    cursor: str | None,
) -> ParticipantPage:
    """The caseload: three statements (count, page, current trajectories) whatever the size."""
    policies.require(principal, Action.PARTICIPANTS_READ)
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
                "Unknown framework", errors=[FieldError("framework", "is not a framework code")]
            )
        trajectory_filters.append(Trajectory.framework_code == framework)
    if coach_id:
        trajectory_filters.append(
            exists(
                select(TeamMember.id).where(
                    TeamMember.trajectory_id == Trajectory.id,
                    TeamMember.user_id == coach_id,
                    TeamMember.to_date.is_(None),
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
    page = paginate(
        session,
        statement,
        id_column=Participant.id,
        sort=parse_sort(sort, PARTICIPANT_SORTS),
        limit=limit,
        cursor=cursor,
    )
    return ParticipantPage(
        page, current_trajectories(session, principal, [p.id for p in page.rows])
    )


def current_trajectories(
    session: Session, principal: Principal, participant_ids: list[uuid.UUID]
) -> dict[uuid.UUID, Trajectory]:
    """Per participant, the open visible trajectory that changed phase last (one query)."""
    if not participant_ids:
        return {}
    rows = session.scalars(
        select(Trajectory)
        .where(
            Trajectory.participant_id.in_(participant_ids),
            Trajectory.status != Status.CLOSED,
            policies.visible_trajectories(principal),
        )
        .order_by(Trajectory.phase_since, Trajectory.created_at)
    ).all()
    return {t.participant_id: t for t in rows}  # later rows (more recent) win


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
    get_participant(session, principal, participant_id)
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
    fact = model(participant_id=participant.id, **data.model_dump())
    session.add(fact)
    session.flush()
    return fact
