"""Employers, employer contacts, internships and jobs: rules and queries."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app import audit
from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.auth import service as auth_service
from app.core.concurrency import check_version
from app.core.database import is_unique_violation, utcnow
from app.core.dates import add_months
from app.core.errors import Conflict, FieldError, NotFound, RuleViolation
from app.core.pagination import PageResult, contains_pattern, paginate, parse_sort
from app.employment.models import (
    LEGACY_INTERNSHIP_TYPES,
    LEGACY_INTERNSHIP_TYPES_END,
    WORK_EXPERIENCE_MAX_MONTHS,
    ContractType,
    Employer,
    EmployerContact,
    EmployerContactTrajectory,
    Internship,
    InternshipResult,
    InternshipType,
    Job,
)
from app.employment.schemas import (
    EmployerContactCreate,
    EmployerContactUpdate,
    EmployerCreate,
    EmployerUpdate,
    InternshipCreate,
    InternshipUpdate,
    JobCreate,
    JobUpdate,
)
from app.participants import service as participant_service
from app.participants.models import Participant
from app.trajectories import service as trajectory_service
from app.trajectories.models import Trajectory

EMPLOYER_SORTS = {"name": Employer.name, "created_at": Employer.created_at}
# Each sort is backed by an index with the list's filter in front (see the models).
CONTACT_SORTS = {"contacted_on": EmployerContact.contacted_on}
INTERNSHIP_SORTS = {"start_date": Internship.start_date}
JOB_SORTS = {"start_date": Job.start_date}


def _apply(record: Any, changes: dict[str, Any]) -> None:
    for field, value in changes.items():
        setattr(record, field, value)


# --- employers ----------------------------------------------------------------------------
# An employer belongs to the organisation that registered it: its contact data and the
# relation with it are that organisation's (job developers guard their employer network).

_KBO_TAKEN = "Your organisation already registered an employer with this KBO number"


def list_employers(
    session: Session,
    principal: Principal,
    *,
    q: str | None,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    statement = select(Employer).where(policies.visible_employers(principal))
    if q:
        statement = statement.where(Employer.search_key.like(contains_pattern(q), escape="\\"))
    page = paginate(
        session,
        statement,
        id_column=Employer.id,
        sort=parse_sort(sort, EMPLOYER_SORTS),
        limit=limit,
        cursor=cursor,
    )
    # No participant's file, but the employers' contact persons (name, e-mail, phone).
    audit.touch_many(session, object_type=Employer.__tablename__)
    return page


def get_employer(session: Session, principal: Principal, employer_id: uuid.UUID) -> Employer:
    employer = session.scalar(
        select(Employer).where(Employer.id == employer_id, policies.visible_employers(principal))
    )
    if employer is None:
        raise NotFound("Employer not found")
    audit.touch(session, object_type=Employer.__tablename__, object_id=employer.id)
    return employer


def _kbo_taken(
    session: Session, organisation_id: uuid.UUID, kbo: str | None, except_id: uuid.UUID | None
) -> bool:
    if kbo is None:
        return False
    statement = select(Employer.id).where(
        Employer.organisation_id == organisation_id, Employer.kbo_number == kbo
    )
    if except_id:
        statement = statement.where(Employer.id != except_id)
    return session.scalar(statement) is not None


def _flush_employer(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise Conflict(
            _KBO_TAKEN, errors=[FieldError("kbo_number", "is already in use", "already_in_use")]
        ) from exc


def create_employer(session: Session, principal: Principal, data: EmployerCreate) -> Employer:
    policies.require(principal, Action.EMPLOYMENT_WRITE)
    if _kbo_taken(session, principal.organisation_id, data.kbo_number, None):
        raise Conflict(
            _KBO_TAKEN, errors=[FieldError("kbo_number", "is already in use", "already_in_use")]
        )
    employer = Employer(
        organisation_id=principal.organisation_id, created_by=principal.id, **data.model_dump()
    )
    session.add(employer)
    _flush_employer(session)
    audit.touch(session, object_type=Employer.__tablename__, object_id=employer.id)
    return employer


def update_employer(
    session: Session,
    principal: Principal,
    employer_id: uuid.UUID,
    data: EmployerUpdate,
    *,
    version: int,
) -> Employer:
    employer = get_employer(session, principal, employer_id)
    policies.require(principal, Action.EMPLOYMENT_WRITE)
    check_version(version, employer.version)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("kbo_number") and _kbo_taken(
        session, employer.organisation_id, changes["kbo_number"], employer.id
    ):
        raise Conflict(
            _KBO_TAKEN, errors=[FieldError("kbo_number", "is already in use", "already_in_use")]
        )
    _apply(employer, changes)
    _flush_employer(session)
    return employer


def _referenced_employer(
    session: Session, principal: Principal, employer_id: uuid.UUID | None
) -> FieldError | None:
    """A body's employer_id must name an employer the caller sees (absent and invisible alike)."""
    if employer_id is None:
        return None
    found = session.scalar(
        select(Employer.id).where(Employer.id == employer_id, policies.visible_employers(principal))
    )
    return (
        None
        if found
        else FieldError("employer_id", "is not an employer you know", "unknown_employer")
    )


def _raise_if(errors: list[FieldError | None]) -> None:
    found = [e for e in errors if e is not None]
    if found:
        raise RuleViolation("Some fields are invalid", errors=found)


# --- employer contacts --------------------------------------------------------------------


def _contact_query() -> Select[EmployerContact]:
    return select(EmployerContact).options(selectinload(EmployerContact.trajectory_links))


def list_employer_contacts(
    session: Session,
    principal: Principal,
    *,
    employer_id: uuid.UUID | None,
    staff_id: uuid.UUID | None,
    from_: date | None,
    to: date | None,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    if from_ and to and to < from_:
        raise RuleViolation(
            "The period ends before it starts",
            errors=[FieldError("to", "is before from", "before_field", {"other": "from"})],
        )
    statement = _contact_query().where(policies.visible_employer_contacts(principal))
    if employer_id:
        statement = statement.where(EmployerContact.employer_id == employer_id)
    if staff_id:
        statement = statement.where(EmployerContact.staff_id == staff_id)
    if from_:
        statement = statement.where(EmployerContact.contacted_on >= from_)
    if to:
        statement = statement.where(EmployerContact.contacted_on <= to)
    page = paginate(
        session,
        statement,
        id_column=EmployerContact.id,
        sort=parse_sort(sort, CONTACT_SORTS),
        limit=limit,
        cursor=cursor,
    )
    _touch_contacts(session, page.rows)
    return page


def _touch_contacts(session: Session, contacts: Sequence[EmployerContact]) -> None:
    """Contacts name the employer's people and, through their links, the participants."""
    audit.touch_many(
        session,
        object_type=EmployerContact.__tablename__,
        trajectory_ids=[link.trajectory_id for c in contacts for link in c.trajectory_links],
    )


def list_trajectory_employer_contacts(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    """Contacts about one participant's trajectory: part of that case file."""
    trajectory_service.get_trajectory(session, principal, trajectory_id)
    statement = _contact_query().where(
        EmployerContact.id.in_(
            select(EmployerContactTrajectory.contact_id).where(
                EmployerContactTrajectory.trajectory_id == trajectory_id
            )
        )
    )
    return paginate(
        session,
        statement,
        id_column=EmployerContact.id,
        sort=parse_sort(sort, CONTACT_SORTS),
        limit=limit,
        cursor=cursor,
    )


def get_employer_contact(
    session: Session, principal: Principal, contact_id: uuid.UUID
) -> EmployerContact:
    contact = session.scalar(
        _contact_query().where(
            EmployerContact.id == contact_id, policies.visible_employer_contacts(principal)
        )
    )
    if contact is None:
        raise NotFound("Employer contact not found")
    audit.touch(session, object_type=EmployerContact.__tablename__, object_id=contact.id)
    _touch_contacts(session, [contact])
    return contact


def _referenced_staff(
    session: Session, principal: Principal, staff_id: uuid.UUID
) -> FieldError | None:
    if staff_id == principal.id:
        return None
    colleague = auth_service.is_active_staff_of(session, staff_id, principal.organisation_id)
    return (
        None
        if colleague
        else FieldError("staff_id", "is not an active colleague of yours", "not_active_staff")
    )


def _referenced_trajectories(
    session: Session, principal: Principal, trajectory_ids: list[uuid.UUID]
) -> FieldError | None:
    if not trajectory_ids:
        return None
    visible = set(
        session.scalars(
            select(Trajectory.id).where(
                Trajectory.id.in_(trajectory_ids), policies.visible_trajectories(principal)
            )
        )
    )
    unknown = [str(i) for i in trajectory_ids if i not in visible]
    if unknown:
        return FieldError(
            "trajectory_ids",
            f"unknown trajectory {', '.join(unknown)}",
            "unknown_reference",
            {"values": ", ".join(unknown)},
        )
    return None


def create_employer_contact(
    session: Session, principal: Principal, data: EmployerContactCreate
) -> EmployerContact:
    policies.require(principal, Action.EMPLOYMENT_WRITE)
    staff_id = data.staff_id or principal.id
    _raise_if(
        [
            _referenced_employer(session, principal, data.employer_id),
            _referenced_staff(session, principal, staff_id),
            _referenced_trajectories(session, principal, data.trajectory_ids),
        ]
    )
    contact = EmployerContact(
        organisation_id=principal.organisation_id,
        staff_id=staff_id,
        trajectory_links=[
            EmployerContactTrajectory(trajectory_id=tid) for tid in data.trajectory_ids
        ],
        **data.model_dump(exclude={"staff_id", "trajectory_ids"}),
    )
    session.add(contact)
    session.flush()
    audit.touch(session, object_type=EmployerContact.__tablename__, object_id=contact.id)
    _touch_contacts(session, [contact])
    return contact


def update_employer_contact(
    session: Session,
    principal: Principal,
    contact_id: uuid.UUID,
    data: EmployerContactUpdate,
    *,
    version: int,
) -> EmployerContact:
    contact = get_employer_contact(session, principal, contact_id)
    policies.require(principal, Action.EMPLOYMENT_WRITE)
    check_version(version, contact.version)
    changes = data.model_dump(exclude_unset=True)
    new_ids: list[uuid.UUID] | None = changes.pop("trajectory_ids", None)
    _raise_if(
        [
            _referenced_employer(session, principal, changes.get("employer_id")),
            _referenced_staff(session, principal, changes["staff_id"])
            if "staff_id" in changes
            else None,
            _referenced_trajectories(session, principal, new_ids or []),
        ]
    )
    _apply(contact, changes)
    if new_ids is not None:
        # Keep links that stay (same primary key), drop and add the difference only.
        wanted = set(new_ids)
        for link in [lk for lk in contact.trajectory_links if lk.trajectory_id not in wanted]:
            contact.trajectory_links.remove(link)
        kept = {link.trajectory_id for link in contact.trajectory_links}
        contact.trajectory_links.extend(
            EmployerContactTrajectory(trajectory_id=tid) for tid in new_ids if tid not in kept
        )
        # The links live in their own table: touch the row so its version moves too.
        contact.updated_at = utcnow()
    session.flush()
    _touch_contacts(session, [contact])  # the participants it is now about, too
    return contact


# --- internships --------------------------------------------------------------------------


def internship_rule_errors(
    *,
    type: InternshipType,
    start_date: date,
    end_date: date | None,
    result: InternshipResult,
    early_end_reason: str | None,
) -> list[FieldError]:
    """The internship rules of domain.md that span fields (pure, for create and update)."""
    errors = []
    if type in LEGACY_INTERNSHIP_TYPES and start_date >= LEGACY_INTERNSHIP_TYPES_END:
        errors.append(
            FieldError(
                "type",
                f"{type.value} is only valid for internships that started before "
                f"{LEGACY_INTERNSHIP_TYPES_END.isoformat()}: use work_experience",
                "legacy_internship_type",
                {"type": type.value, "date": LEGACY_INTERNSHIP_TYPES_END.isoformat()},
            )
        )
    if end_date is not None and end_date < start_date:
        errors.append(
            FieldError(
                "end_date", "cannot be before start_date", "before_field", {"other": "start_date"}
            )
        )
    elif (
        type is InternshipType.WORK_EXPERIENCE
        and end_date is not None
        and end_date >= add_months(start_date, WORK_EXPERIENCE_MAX_MONTHS)
    ):
        last = add_months(start_date, WORK_EXPERIENCE_MAX_MONTHS) - timedelta(days=1)
        errors.append(
            FieldError(
                "end_date",
                f"a work-experience internship lasts at most {WORK_EXPERIENCE_MAX_MONTHS} "
                f"months: end on {last.isoformat()} at the latest",
                "internship_too_long",
                {"months": WORK_EXPERIENCE_MAX_MONTHS, "date": last.isoformat()},
            )
        )
    if result is InternshipResult.ENDED_EARLY and not early_end_reason:
        errors.append(
            FieldError(
                "early_end_reason",
                "is required when the internship ended early",
                "early_end_reason_required",
            )
        )
    return errors


def _internship_query(principal: Principal) -> Select[Internship]:
    return (
        select(Internship)
        .join(Trajectory, Trajectory.id == Internship.trajectory_id)
        .where(policies.visible_trajectories(principal))
    )


def list_internships(
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
        select(Internship).where(Internship.trajectory_id == trajectory_id),
        id_column=Internship.id,
        sort=parse_sort(sort, INTERNSHIP_SORTS),
        limit=limit,
        cursor=cursor,
    )


def get_internship(session: Session, principal: Principal, internship_id: uuid.UUID) -> Internship:
    internship = session.scalar(_internship_query(principal).where(Internship.id == internship_id))
    if internship is None:
        raise NotFound("Internship not found")
    audit.touch(
        session,
        object_type=Internship.__tablename__,
        object_id=internship.id,
        trajectory_id=internship.trajectory_id,
    )
    return internship


def find_internship_of_trajectory(
    session: Session, principal: Principal, internship_id: uuid.UUID, trajectory_id: uuid.UUID
) -> Internship | None:
    """For links from other records (an outflow): None when not of this trajectory."""
    return session.scalar(
        _internship_query(principal).where(
            Internship.id == internship_id, Internship.trajectory_id == trajectory_id
        )
    )


def create_internship(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, data: InternshipCreate
) -> Internship:
    trajectory = trajectory_service.get_trajectory_for(
        session, principal, trajectory_id, Action.EMPLOYMENT_WRITE
    )
    _raise_if(
        [
            *internship_rule_errors(
                type=data.type,
                start_date=data.start_date,
                end_date=data.end_date,
                result=data.result,
                early_end_reason=data.early_end_reason,
            ),
            _referenced_employer(session, principal, data.employer_id),
        ]
    )
    internship = Internship(
        trajectory_id=trajectory.id, created_by=principal.id, **data.model_dump()
    )
    session.add(internship)
    session.flush()
    return internship


def update_internship(
    session: Session,
    principal: Principal,
    internship_id: uuid.UUID,
    data: InternshipUpdate,
    *,
    version: int,
) -> Internship:
    internship = get_internship(session, principal, internship_id)
    policies.require(principal, Action.EMPLOYMENT_WRITE)
    check_version(version, internship.version)
    trajectory_service.refuse_edits_on_deidentified(session, internship.trajectory_id)
    changes = data.model_dump(exclude_unset=True)

    def merged(field: str) -> Any:
        return changes.get(field, getattr(internship, field))

    _raise_if(
        [
            *internship_rule_errors(
                type=merged("type"),
                start_date=merged("start_date"),
                end_date=merged("end_date"),
                result=merged("result"),
                early_end_reason=merged("early_end_reason"),
            ),
            _referenced_employer(session, principal, changes.get("employer_id")),
        ]
    )
    _apply(internship, changes)
    session.flush()
    return internship


def delete_internship(
    session: Session, principal: Principal, internship_id: uuid.UUID, *, version: int
) -> None:
    internship = get_internship(session, principal, internship_id)
    policies.require(principal, Action.EMPLOYMENT_WRITE)
    check_version(version, internship.version)
    session.delete(internship)
    try:
        session.flush()
    except IntegrityError as exc:
        # The only reference to an internship is an outflow's link (ondelete RESTRICT).
        raise Conflict(
            "The trajectory's outflow links this internship: change the outflow first"
        ) from exc


# --- jobs ---------------------------------------------------------------------------------


def _job_query(principal: Principal) -> Select[Job]:
    return (
        select(Job)
        .join(Participant, Participant.id == Job.participant_id)
        .where(policies.visible_participants(principal))
    )


def list_jobs(
    session: Session,
    principal: Principal,
    participant_id: uuid.UUID,
    *,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    participant_service.get_participant(session, principal, participant_id)
    return paginate(
        session,
        select(Job).where(Job.participant_id == participant_id),
        id_column=Job.id,
        sort=parse_sort(sort, JOB_SORTS),
        limit=limit,
        cursor=cursor,
    )


def get_job(session: Session, principal: Principal, job_id: uuid.UUID) -> Job:
    job = session.scalar(_job_query(principal).where(Job.id == job_id))
    if job is None:
        raise NotFound("Job not found")
    audit.touch(
        session, object_type=Job.__tablename__, object_id=job.id, participant_id=job.participant_id
    )
    return job


def find_job_of_participant(
    session: Session, principal: Principal, job_id: uuid.UUID, participant_id: uuid.UUID
) -> Job | None:
    """For links from other records (an outflow): None when not this participant's job."""
    return session.scalar(
        _job_query(principal).where(Job.id == job_id, Job.participant_id == participant_id)
    )


def _referenced_trajectory_of(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID | None,
    participant_id: uuid.UUID,
) -> FieldError | None:
    if trajectory_id is None:
        return None
    found = session.scalar(
        select(Trajectory.id).where(
            Trajectory.id == trajectory_id,
            Trajectory.participant_id == participant_id,
            policies.visible_trajectories(principal),
        )
    )
    return (
        None
        if found
        else FieldError(
            "trajectory_id", "is not a trajectory of this participant", "not_of_participant"
        )
    )


def _employer_required(
    contract_type: ContractType, employer_id: uuid.UUID | None
) -> FieldError | None:
    if employer_id is None and contract_type is not ContractType.SELF_EMPLOYED:
        return FieldError(
            "employer_id", "is required unless the contract is self_employed", "employer_required"
        )
    return None


def create_job(
    session: Session, principal: Principal, participant_id: uuid.UUID, data: JobCreate
) -> Job:
    participant = participant_service.get_participant_for(
        session, principal, participant_id, Action.EMPLOYMENT_WRITE
    )
    _raise_if(
        [
            _referenced_trajectory_of(session, principal, data.trajectory_id, participant.id),
            _employer_required(data.contract_type, data.employer_id),
            _referenced_employer(session, principal, data.employer_id),
        ]
    )
    job = Job(participant_id=participant.id, created_by=principal.id, **data.model_dump())
    session.add(job)
    session.flush()
    return job


def update_job(
    session: Session, principal: Principal, job_id: uuid.UUID, data: JobUpdate, *, version: int
) -> Job:
    job = get_job(session, principal, job_id)
    policies.require(principal, Action.EMPLOYMENT_WRITE)
    check_version(version, job.version)
    trajectory_service.refuse_edits_on_deidentified(session, job.trajectory_id)
    erased = session.get(Participant, job.participant_id)
    if erased is not None:
        participant_service.refuse_if_erased(erased)
    changes = data.model_dump(exclude_unset=True)
    start = changes.get("start_date", job.start_date)
    end = changes.get("end_date", job.end_date)
    _raise_if(
        [
            FieldError(
                "end_date", "cannot be before start_date", "before_field", {"other": "start_date"}
            )
            if end is not None and end < start
            else None,
            _referenced_trajectory_of(
                session, principal, changes.get("trajectory_id"), job.participant_id
            ),
            _employer_required(
                changes.get("contract_type", job.contract_type),
                changes.get("employer_id", job.employer_id),
            ),
            _referenced_employer(session, principal, changes.get("employer_id")),
        ]
    )
    _apply(job, changes)
    session.flush()
    return job
