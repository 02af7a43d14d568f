"""De-identification: erasure on request (AVG art. 17) and retention per data class.

De-identifying overwrites in place. Rows, dates, codes, numbers and links stay, so every
figure reads the same afterwards (phases and their durations, attendance counts and hours,
outflow kinds, follow-up outcomes, funder months, competence scores, age bands, target
groups). What goes: names become "Gewist" and a pseudonym, identifiers and contact details
NULL, the birth date the 1st of January of its year, free texts a fixed marker.

Four data classes, each with its own retention period (Settings ``retention_*_months``):

- ``care``: health and crisis information: care notes (care_shared, care_internal), care
  activation sessions (provider and report), care goals, attendance reasons (sick notes),
  status-change and pause reasons (illness, crisis), break-the-glass reasons;
- ``work``: the rest of the trajectory's texts: team notes, progress-log texts, other goals
  and sessions, capacity-override and phase-change reasons, internship mentors and early-end
  reasons, occupations and end reasons of the trajectory's jobs, the outflow reason,
  follow-up notes, summaries of employer contacts about the trajectory, funder-month
  comments;
- ``contact``: the participant's e-mail, phone and address;
- ``identity``: names, preferred name, INSZ, birth day and month, consents' free text
  (purpose, representative, evidence, withdrawal reason), references that point at the person
  in other systems (placement agreements, activity permissions), jobs outside a trajectory.

``care`` and ``work`` count from the trajectory's closing date; ``contact`` and ``identity``
from the closing of the person's last trajectory (or their registration if they never had
one), and never while a trajectory is open. Kept on purpose: employers (companies, not the
participant's data), staff names, and the audit trail: append-only, its events then point at
a de-identified record. (It also copies a break-the-glass reason into each event made under
the grant; that copy cannot be overwritten here.)
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    delete,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from app import audit
from app.access import policies
from app.access.models import BreakGlassGrant
from app.access.permissions import Action
from app.access.policies import Principal
from app.consents.models import Consent
from app.core.config import Settings
from app.core.database import VersionedMixin, utcnow
from app.core.dates import add_months
from app.core.errors import Conflict, Forbidden, NotFound, RuleViolation, ServiceUnavailable
from app.core.text import fold
from app.employment.models import EmployerContact, EmployerContactTrajectory, Internship, Job
from app.funding.models import FunderMonth
from app.idempotency.models import IdempotencyKey, KeyState
from app.notes.models import Note, Visibility
from app.outflow.models import FollowUp, Outflow
from app.participants.models import ActivityPermission, Participant, ParticipantChange
from app.participants.names import name_key, sort_name
from app.progress.models import (
    ActivationSession,
    Attendance,
    Goal,
    GoalDomain,
    Placement,
    ProgressLog,
    SessionComponent,
)
from app.retention import ledger
from app.retention.models import Erasure
from app.trajectories.models import PhaseChange, StatusChange, Trajectory
from app.trajectories.phases import Status

ERASED_NAME = "Gewist"
ERASED_TEXT = "[gewist]"
# Shorter name parts ("Li", "Bo") are ordinary words too often to refuse a reason for them.
MIN_NAME_PART = 3
REAPPLIED_REASON = "Opnieuw toegepast uit het wissingsregister na een herstel"


class RetentionClass(StrEnum):
    CARE = "care"
    CONTACT = "contact"
    WORK = "work"
    IDENTITY = "identity"


TRAJECTORY_CLASSES = (RetentionClass.CARE, RetentionClass.WORK)
PARTICIPANT_CLASSES = (RetentionClass.CONTACT, RetentionClass.IDENTITY)

# When each class was done, per trajectory or participant: the next run skips them.
TRAJECTORY_STAMPS = {
    RetentionClass.CARE: Trajectory.care_anonymised_at,
    RetentionClass.WORK: Trajectory.work_anonymised_at,
}
PARTICIPANT_STAMPS = {
    RetentionClass.CONTACT: Participant.contact_anonymised_at,
    RetentionClass.IDENTITY: Participant.identity_anonymised_at,
}

Ids = Select[uuid.UUID]
Column = InstrumentedAttribute[Any]


@dataclass(frozen=True)
class Target:
    """The columns one class de-identifies in one table, for the rows of the ids in scope
    (trajectory ids for care and work, participant ids for contact and identity)."""

    model: type[Any]
    in_scope: Callable[[Ids], ColumnElement[bool]]
    texts: tuple[Column, ...] = ()  # → the marker (an empty optional text stays empty)
    cleared: tuple[Column, ...] = ()  # → NULL

    def still_personal(self) -> ColumnElement[bool]:
        """Rows with something left to overwrite: a second run (or a re-application after a
        restore) changes and counts only what is still there."""
        return or_(
            *(and_(column.is_not(None), column != ERASED_TEXT) for column in self.texts),
            *(column.is_not(None) for column in self.cleared),
        )

    def new_values(self) -> dict[Column, Any]:
        values: dict[Column, Any] = {
            column: case((column.is_(None), None), else_=ERASED_TEXT) for column in self.texts
        }
        values.update({column: None for column in self.cleared})
        if issubclass(self.model, VersionedMixin):
            # An editor holding the old version gets a 412 instead of writing the text back.
            values[self.model.version] = self.model.version + 1
        return values


CARE_VISIBILITIES = (Visibility.CARE_SHARED, Visibility.CARE_INTERNAL)
CONTACT_FIELDS = ("email", "phone", "address")


def _in(column: Column) -> Callable[[Ids], ColumnElement[bool]]:
    return lambda ids: column.in_(ids)


def _placements_of(trajectories: Ids) -> Ids:
    return select(Placement.id).where(Placement.trajectory_id.in_(trajectories))


def _trajectories_of(participants: Ids) -> Ids:
    return select(Trajectory.id).where(Trajectory.participant_id.in_(participants))


def _contacts_about(trajectories: Ids) -> Ids:
    return select(EmployerContactTrajectory.contact_id).where(
        EmployerContactTrajectory.trajectory_id.in_(trajectories)
    )


TARGETS: dict[RetentionClass, tuple[Target, ...]] = {
    RetentionClass.CARE: (
        Target(
            Note,
            lambda ids: and_(Note.trajectory_id.in_(ids), Note.visibility.in_(CARE_VISIBILITIES)),
            texts=(Note.body,),
        ),
        Target(
            ActivationSession,
            lambda ids: and_(
                ActivationSession.trajectory_id.in_(ids),
                ActivationSession.component == SessionComponent.CARE,
            ),
            texts=(ActivationSession.provider, ActivationSession.report),
        ),
        Target(
            Goal,
            lambda ids: and_(Goal.trajectory_id.in_(ids), Goal.domain == GoalDomain.CARE),
            texts=(Goal.description, Goal.evaluation),
        ),
        Target(
            Attendance,
            lambda ids: Attendance.placement_id.in_(_placements_of(ids)),
            texts=(Attendance.reason,),
        ),
        Target(StatusChange, _in(StatusChange.trajectory_id), texts=(StatusChange.reason,)),
        Target(Trajectory, _in(Trajectory.id), texts=(Trajectory.pause_reason,)),
        Target(
            BreakGlassGrant,
            _in(BreakGlassGrant.trajectory_id),
            texts=(BreakGlassGrant.reason,),
        ),
    ),
    RetentionClass.WORK: (
        Target(
            Note,
            lambda ids: and_(Note.trajectory_id.in_(ids), Note.visibility == Visibility.TEAM),
            texts=(Note.body,),
        ),
        Target(ProgressLog, _in(ProgressLog.trajectory_id), texts=(ProgressLog.text,)),
        Target(
            Goal,
            lambda ids: and_(Goal.trajectory_id.in_(ids), Goal.domain != GoalDomain.CARE),
            texts=(Goal.description, Goal.evaluation),
        ),
        Target(
            ActivationSession,
            lambda ids: and_(
                ActivationSession.trajectory_id.in_(ids),
                ActivationSession.component != SessionComponent.CARE,
            ),
            texts=(ActivationSession.provider, ActivationSession.report),
        ),
        Target(
            Placement,
            _in(Placement.trajectory_id),
            texts=(Placement.capacity_override_reason,),
        ),
        Target(PhaseChange, _in(PhaseChange.trajectory_id), texts=(PhaseChange.reason,)),
        Target(
            Internship,
            _in(Internship.trajectory_id),
            texts=(Internship.early_end_reason,),
            cleared=(Internship.mentor_name,),
        ),
        Target(Job, _in(Job.trajectory_id), texts=(Job.occupation, Job.end_reason)),
        Target(Outflow, _in(Outflow.trajectory_id), texts=(Outflow.reason,)),
        Target(FollowUp, _in(FollowUp.trajectory_id), texts=(FollowUp.note,)),
        # A contact about several participants loses its summary with the first of them: the
        # text may name each of them, and the contact itself (date, employer, links) stays.
        Target(
            EmployerContact,
            lambda ids: EmployerContact.id.in_(_contacts_about(ids)),
            texts=(EmployerContact.summary,),
        ),
        Target(FunderMonth, _in(FunderMonth.trajectory_id), texts=(FunderMonth.comment,)),
    ),
    RetentionClass.CONTACT: (
        Target(
            Participant,
            _in(Participant.id),
            cleared=(Participant.email, Participant.phone, Participant.address),
        ),
        Target(
            ParticipantChange,
            lambda ids: and_(
                ParticipantChange.participant_id.in_(ids),
                ParticipantChange.field.in_(CONTACT_FIELDS),
            ),
            cleared=(ParticipantChange.old_value, ParticipantChange.new_value),
        ),
    ),
    RetentionClass.IDENTITY: (
        # Names and the birth date are rewritten per person: see _pseudonymise.
        Target(
            Participant,
            _in(Participant.id),
            cleared=(Participant.insz, Participant.preferred_name),
        ),
        # The rest of the record's history: names, birth date, INSZ, and what is left of the
        # profile (target groups say why the person is here).
        Target(
            ParticipantChange,
            lambda ids: and_(
                ParticipantChange.participant_id.in_(ids),
                ParticipantChange.field.not_in(CONTACT_FIELDS),
            ),
            cleared=(ParticipantChange.old_value, ParticipantChange.new_value),
        ),
        Target(
            Consent,
            _in(Consent.participant_id),
            texts=(Consent.purpose, Consent.withdrawal_reason),
            cleared=(Consent.representative_name, Consent.evidence),
        ),
        Target(
            ActivityPermission,
            _in(ActivityPermission.participant_id),
            cleared=(ActivityPermission.reference,),
        ),
        Target(
            Placement,
            lambda ids: Placement.trajectory_id.in_(_trajectories_of(ids)),
            cleared=(Placement.agreement_reference,),
        ),
        Target(
            Job,
            lambda ids: and_(Job.participant_id.in_(ids), Job.trajectory_id.is_(None)),
            texts=(Job.occupation, Job.end_reason),
        ),
    ),
}


def pseudonym_of(participant_id: uuid.UUID) -> str:
    """Tells erased people apart in lists without saying anything the row does not hold."""
    return participant_id.hex[:8]


def _deidentify(session: Session, target: Target, scope: Ids, *, dry_run: bool) -> int:
    where = and_(target.in_scope(scope), target.still_personal())
    if dry_run:
        return session.scalar(select(func.count()).select_from(target.model).where(where)) or 0
    # Set-based on purpose: the first run on a regional database meets millions of log rows.
    result = session.execute(
        update(target.model).where(where).values(target.new_values()),
        execution_options={"synchronize_session": False},
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def _pseudonymise(session: Session, participants: Ids, *, dry_run: bool) -> int:
    """Names and birth date, per person: the pseudonym and the year depend on the row."""
    rows = session.execute(
        select(
            Participant.id, Participant.first_name, Participant.last_name, Participant.birth_date
        ).where(Participant.id.in_(participants))
    ).all()
    changed = 0
    for participant_id, first_name, last_name, birth_date in rows:
        pseudonym = pseudonym_of(participant_id)
        year_only = date(birth_date.year, 1, 1)  # age bands stay right
        if (first_name, last_name, birth_date) == (ERASED_NAME, pseudonym, year_only):
            continue
        changed += 1
        if dry_run:
            continue
        session.execute(
            update(Participant)
            .where(Participant.id == participant_id)
            .values(
                first_name=ERASED_NAME,
                last_name=pseudonym,
                name_key=name_key(ERASED_NAME, pseudonym),
                sort_name=sort_name(ERASED_NAME, pseudonym),
                birth_date=year_only,
                version=Participant.version + 1,
            ),
            execution_options={"synchronize_session": False},
        )
    return changed


def _deidentify_class(
    session: Session, data_class: RetentionClass, scope: Ids, *, dry_run: bool = False
) -> int:
    rows = sum(_deidentify(session, t, scope, dry_run=dry_run) for t in TARGETS[data_class])
    if data_class is RetentionClass.IDENTITY:
        rows += _pseudonymise(session, scope, dry_run=dry_run)
    return rows


def _stamp(session: Session, column: Column, scope: ColumnElement[bool], now: datetime) -> None:
    model = column.class_
    session.execute(
        update(model)
        .where(scope, column.is_(None))
        .values({column: now, model.version: model.version + 1}),
        execution_options={"synchronize_session": False},
    )


def _stamp_fully_anonymised(session: Session, now: datetime) -> None:
    _stamp(
        session,
        Trajectory.anonymised_at,
        and_(
            Trajectory.care_anonymised_at.is_not(None), Trajectory.work_anonymised_at.is_not(None)
        ),
        now,
    )


# --- retention ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassRun:
    data_class: RetentionClass
    months: int
    cutoff: date  # closed (or last closed, or registered) before this day
    subjects: int  # trajectories (care, work) or participants (contact, identity)
    rows: int

    @property
    def subject_kind(self) -> str:
        return "trajectories" if self.data_class in TRAJECTORY_CLASSES else "participants"


def retention_months(settings: Settings) -> dict[RetentionClass, int]:
    return {
        RetentionClass.CARE: settings.retention_care_months,
        RetentionClass.CONTACT: settings.retention_contact_months,
        RetentionClass.WORK: settings.retention_work_months,
        RetentionClass.IDENTITY: settings.retention_identity_months,
    }


def _trajectories_due(data_class: RetentionClass, cutoff: date) -> ColumnElement[bool]:
    return and_(
        Trajectory.status == Status.CLOSED,
        Trajectory.closed_on < cutoff,
        TRAJECTORY_STAMPS[data_class].is_(None),
    )


def _participants_due(data_class: RetentionClass, cutoff: date) -> ColumnElement[bool]:
    """Every trajectory closed before the cutoff; with none, registered before it."""
    theirs = Trajectory.participant_id == Participant.id
    still_needed = or_(Trajectory.status != Status.CLOSED, Trajectory.closed_on >= cutoff)
    return and_(
        PARTICIPANT_STAMPS[data_class].is_(None),
        ~exists(select(Trajectory.id).where(theirs, still_needed)),
        or_(
            exists(select(Trajectory.id).where(theirs)),
            Participant.created_at < datetime.combine(cutoff, time(), tzinfo=UTC),
        ),
    )


def apply_retention(
    session: Session, settings: Settings, *, today: date, dry_run: bool = False
) -> list[ClassRun]:
    """De-identify, per class, what has outlived its period; with ``dry_run`` only count.

    Safe to run every day: done trajectories and participants carry a timestamp per class,
    so a second run finds nothing."""
    now = utcnow()
    runs = []
    for data_class, months in retention_months(settings).items():
        cutoff = add_months(today, -months)
        if data_class in TRAJECTORY_CLASSES:
            due = _trajectories_due(data_class, cutoff)
            scope: Ids = select(Trajectory.id).where(due)
            stamp = TRAJECTORY_STAMPS[data_class]
        else:
            due = _participants_due(data_class, cutoff)
            scope = select(Participant.id).where(due)
            stamp = PARTICIPANT_STAMPS[data_class]
        subjects = session.scalar(select(func.count()).select_from(scope.subquery())) or 0
        rows = _deidentify_class(session, data_class, scope, dry_run=dry_run)
        if not dry_run:
            # The due set is read again here: it must be the same as the one just changed.
            _stamp(session, stamp, stamp.class_.id.in_(scope), now)
        runs.append(ClassRun(data_class, months, cutoff, subjects, rows))
    if not dry_run:
        _stamp_fully_anonymised(session, now)
    return runs


# --- erasure on request -------------------------------------------------------------------


@dataclass
class ErasureResult:
    erasure_id: uuid.UUID
    participant_id: uuid.UUID
    erased_at: datetime
    trajectories: int
    rows: dict[RetentionClass, int]
    stored_answers_purged: int


def erase_participant(
    session: Session, participant_id: uuid.UUID, *, erased_at: datetime
) -> tuple[int, dict[RetentionClass, int]]:
    """De-identify everything held about one person, every class at once, whatever their
    periods. Returns the number of trajectories and the rows changed per class."""
    participants: Ids = select(Participant.id).where(Participant.id == participant_id)
    trajectories: Ids = _trajectories_of(participants)
    rows = {
        data_class: _deidentify_class(
            session, data_class, trajectories if data_class in TRAJECTORY_CLASSES else participants
        )
        for data_class in RetentionClass
    }
    theirs = Trajectory.participant_id == participant_id
    for stamp in TRAJECTORY_STAMPS.values():
        _stamp(session, stamp, theirs, erased_at)
    _stamp_fully_anonymised(session, erased_at)
    for stamp in (*PARTICIPANT_STAMPS.values(), Participant.erased_at):
        _stamp(session, stamp, Participant.id == participant_id, erased_at)
    count = session.scalar(select(func.count()).select_from(Trajectory).where(theirs)) or 0
    return count, rows


def _erasable(principal: Principal) -> ColumnElement[bool]:
    """Who may learn that the participant exists here: whoever sees them anyway, and the
    admins of the organisation that registered them (the controller, who handles requests)."""
    if not policies.can(principal, Action.PARTICIPANT_ERASE):
        return policies.visible_participants(principal)
    return or_(
        policies.visible_participants(principal),
        Participant.organisation_id == principal.organisation_id,
    )


def erase_on_request(
    session: Session,
    principal: Principal,
    participant_id: uuid.UUID,
    *,
    reason: str,
    ledger_path: Path,
) -> ErasureResult:
    participant = session.scalar(
        select(Participant).where(Participant.id == participant_id, _erasable(principal))
    )
    if participant is None:
        raise NotFound("Participant not found")
    audit.touch(
        session,
        object_type=Participant.__tablename__,
        object_id=participant.id,
        participant_id=participant.id,
    )
    policies.require(principal, Action.PARTICIPANT_ERASE)
    if participant.organisation_id != principal.organisation_id:
        raise Forbidden("Only the organisation that registered the participant erases them")
    if participant.erased_at is not None:
        raise Conflict(f"This participant was erased on {participant.erased_at:%Y-%m-%d}")
    open_trajectories = (
        session.scalar(
            select(func.count())
            .select_from(Trajectory)
            .where(Trajectory.participant_id == participant.id, Trajectory.status != Status.CLOSED)
        )
        or 0
    )
    if open_trajectories:
        raise Conflict(
            f"The participant has {open_trajectories} open trajectory(ies): close them first. "
            "An open trajectory is still being worked on and its figures (phases, funder "
            "months) can still change; erasure keeps the figures of closed ones only.",
            extra={"open_trajectories": open_trajectories},
        )
    if names_the_person(reason, participant):
        raise RuleViolation.on(
            "reason",
            "must not name the participant: the record of the erasure outlives them",
            code="names_the_participant",
        )

    erased_at = utcnow()
    needles = _ids_in_their_answers(session, participant.id)
    trajectories, rows = erase_participant(session, participant.id, erased_at=erased_at)
    erasure = Erasure(
        participant_id=participant.id,
        requested_at=erased_at,
        requested_by=principal.id,
        organisation_id=participant.organisation_id,
        reason=reason,
    )
    session.add(erasure)
    purged = _purge_stored_answers(session, needles)
    session.flush()
    try:
        # Last, so that nothing after it can fail: the request commits once this is on disk.
        ledger.append(ledger_path, [_entry_of(erasure)])
    except OSError as exc:
        raise ServiceUnavailable(
            "The erasure ledger could not be written; nothing was erased. Try again shortly."
        ) from exc
    return ErasureResult(erasure.id, participant.id, erased_at, trajectories, rows, purged)


def names_the_person(text: str, participant: Participant) -> bool:
    """Whether the text holds the participant's name, INSZ or e-mail address."""
    words = set(re.findall(r"\w+", fold(text)))
    names = name_key(participant.first_name, participant.last_name).split()
    if participant.preferred_name:
        names += name_key(participant.preferred_name, "").split()
    if any(len(name) >= MIN_NAME_PART and name in words for name in names):
        return True
    digits = re.sub(r"\D", "", text)
    if participant.insz and participant.insz in digits:
        return True
    return bool(participant.email and participant.email.lower() in text.lower())


def _entry_of(erasure: Erasure) -> ledger.LedgerEntry:
    return ledger.LedgerEntry(
        erasure_id=erasure.id,
        participant_id=erasure.participant_id,
        organisation_id=erasure.organisation_id,
        requested_by=erasure.requested_by,
        erased_at=erasure.requested_at,
    )


# --- stored idempotency answers -----------------------------------------------------------


def _ids_in_their_answers(session: Session, participant_id: uuid.UUID) -> list[str]:
    """Every answer that shows the person names them, their trajectory or their placement:
    the participant (participant reads, consents, jobs), the trajectory (every record under
    it, the daily floor list) or the placement (attendance marks)."""
    trajectories = _trajectories_of(select(Participant.id).where(Participant.id == participant_id))
    placements = session.scalars(_placements_of(trajectories)).all()
    return [str(i) for i in (participant_id, *session.scalars(trajectories).all(), *placements)]


def _purge_stored_answers(session: Session, needles: Iterable[str]) -> int:
    """Delete replayable answers that mention the person. They live 24 hours and would be
    replayed byte for byte, names included. The keys go with them: a retry after the
    erasure runs as a new request (and meets the erased record) rather than resurrect data."""
    mentions = [_body_mentions(session, needle) for needle in needles]
    result = session.execute(
        delete(IdempotencyKey).where(IdempotencyKey.state == KeyState.COMPLETED, or_(*mentions)),
        execution_options={"synchronize_session": False},
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def _body_mentions(session: Session, needle: str) -> ColumnElement[bool]:
    body = IdempotencyKey.response_body
    if session.get_bind().dialect.name == "sqlite":
        return func.instr(body, needle.encode()) > 0  # SQLite's LIKE does not read BLOBs
    # PostgreSQL's bytea LIKE; the needles are UUIDs, so they hold no wildcards.
    return body.op("LIKE", is_comparison=True)(f"%{needle}%".encode())


# --- after a restore ----------------------------------------------------------------------


@dataclass
class ReapplyReport:
    known: int = 0  # erasures in the ledger or the table
    erased_again: int = 0
    absent: int = 0  # not in this database (the backup predates their registration)
    ledger_lines_added: int = 0
    table_rows_added: int = 0
    erased_ids: list[uuid.UUID] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (
            f"Erasures: {self.known} known (ledger and table); {self.erased_again} participant(s) "
            f"erased again, {self.absent} not in this database; restored "
            f"{self.ledger_lines_added} ledger line(s) and {self.table_rows_added} table row(s)."
        )


def reapply_erasures(session: Session, ledger_path: Path) -> ReapplyReport:
    """Erase again everyone in the ledger or the table who is not erased in this database,
    and make ledger and table complete again (each may have lost what the other kept)."""
    from_ledger = {entry.participant_id: entry for entry in ledger.read(ledger_path)}
    from_table = {e.participant_id: e for e in session.scalars(select(Erasure)).all()}
    report = ReapplyReport(known=len(from_ledger.keys() | from_table.keys()))

    missing_lines = [_entry_of(e) for pid, e in from_table.items() if pid not in from_ledger]
    ledger.append(ledger_path, missing_lines)
    report.ledger_lines_added = len(missing_lines)
    for participant_id, entry in from_ledger.items():
        if participant_id not in from_table:
            session.add(
                Erasure(
                    id=entry.erasure_id,
                    participant_id=participant_id,
                    requested_at=entry.erased_at,
                    requested_by=entry.requested_by,
                    organisation_id=entry.organisation_id,
                    reason=REAPPLIED_REASON,
                )
            )
            report.table_rows_added += 1

    erased_on = {pid: e.erased_at for pid, e in from_ledger.items()}
    erased_on.update({pid: e.requested_at for pid, e in from_table.items()})
    state = dict(
        session.execute(
            select(Participant.id, Participant.erased_at).where(Participant.id.in_(erased_on))
        ).all()
    )
    for participant_id, erased_at in erased_on.items():
        if participant_id not in state:
            report.absent += 1
        elif state[participant_id] is None:
            # Also with an open trajectory (a backup from before it closed): the erasure was
            # decided; the person's right does not wait for the file to be closed again.
            needles = _ids_in_their_answers(session, participant_id)
            erase_participant(session, participant_id, erased_at=erased_at)
            _purge_stored_answers(session, needles)
            report.erased_again += 1
            report.erased_ids.append(participant_id)
    session.flush()
    return report
