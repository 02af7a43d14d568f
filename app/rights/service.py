"""The participant's right of access (AVG/GDPR art. 15): everything Werkpad holds about one
person, across all their trajectories and every organisation, including every note whatever
its visibility (domain.md: no note is hidden from the person it is about).

A read model over the case-file tables, like the timeline and the caseload: one statement per
table for all of the person's trajectories at once, so a file of three trajectories costs as
many statements as a file of one. "Who looked at my file" comes from the audit service.

Only the controller exports: an admin (data-protection contact) of the organisation that
registered the participant (policies.exportable_participants). Case staff who can see the file
get 403: the export holds colleagues' care_internal notes, which they may not read.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Executable, or_, select
from sqlalchemy.orm import Session

from app import audit
from app.access import policies
from app.access.models import BreakGlassGrant
from app.access.permissions import Action
from app.access.policies import Principal
from app.audit import service as audit_service
from app.auth.models import User
from app.consents.models import Consent
from app.core.database import utcnow
from app.core.errors import Forbidden, NotFound
from app.core.schemas import ReadSchema
from app.employment.models import (
    Employer,
    EmployerContact,
    EmployerContactTrajectory,
    Internship,
    Job,
)
from app.funding.models import FunderMonth
from app.funding.months import month_key
from app.notes.models import Note
from app.organisations.models import Framework, Organisation, WorkFloor
from app.outflow.models import FollowUp, Outflow
from app.outflow.schemas import FollowUpRead, OutflowRead
from app.participants.models import (
    ActivityPermission,
    BenefitStatus,
    Participant,
    ParticipantChange,
    VdabAdvice,
)
from app.participants.schemas import ActivityPermissionRead, BenefitStatusRead, VdabAdviceRead
from app.progress.models import (
    ActivationSession,
    Attendance,
    CompetenceItem,
    Goal,
    Placement,
    ProgressLog,
    ProgressScore,
)
from app.progress.schemas import ActivationSessionRead, AttendanceRead
from app.retention.models import Erasure
from app.rights.schemas import (
    BreakGlassExport,
    ConsentExport,
    EmployerContactExport,
    ErasureExport,
    FunderMonthDecisionExport,
    GoalExport,
    InternshipExport,
    JobExport,
    NoteExport,
    ParticipantData,
    ParticipantExport,
    Pause,
    PhaseChangeExport,
    PlacementExport,
    ProgressLogExport,
    RecordChangeExport,
    ScoreExport,
    Staff,
    StatusChangeExport,
    TrajectoryExport,
)
from app.trajectories.models import PhaseChange, StatusChange, TeamMember, Trajectory
from app.trajectories.phases import Status
from app.trajectories.schemas import TeamMemberRead

S = TypeVar("S", bound=ReadSchema)
R = TypeVar("R")


def export_participant(
    session: Session, principal: Principal, participant_id: uuid.UUID
) -> ParticipantExport:
    participant, controller = _participant_to_export(session, principal, participant_id)
    return _export(session, principal, participant, controller)


def _participant_to_export(
    session: Session, principal: Principal, participant_id: uuid.UUID
) -> tuple[Participant, str]:
    """The participant and the name of the organisation that registered them.

    Invisible → 404 exactly like a missing participant; visible but not the caller's to
    export (a mediator of the same organisation, a team member elsewhere) → 403.
    """
    if not policies.can(principal, Action.PARTICIPANTS_READ):
        # Without any participant action (platform admins) the answer does not depend on
        # the id, like the participant list's.
        policies.require(principal, Action.PARTICIPANT_EXPORT)
    exportable = policies.exportable_participants(principal)
    row = session.execute(
        select(Participant, Organisation.name, exportable.label("exportable"))
        .join(Organisation, Organisation.id == Participant.organisation_id)
        .where(
            Participant.id == participant_id,
            or_(policies.visible_participants(principal), exportable),
        )
    ).one_or_none()
    if row is None:
        raise NotFound("Participant not found")
    participant, controller, may_export = row
    audit.touch(
        session,
        object_type=Participant.__tablename__,
        object_id=participant.id,
        participant_id=participant.id,
    )
    if not may_export:
        policies.require(principal, Action.PARTICIPANT_EXPORT)
        raise Forbidden("Only the organisation that registered the participant exports the file")
    return participant, controller


# --- names ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    name: str
    organisation_id: uuid.UUID
    organisation: str


class _StaffDirectory:
    """Everyone the file mentions, by name and organisation, loaded in one statement."""

    def __init__(self, session: Session, user_ids: Iterable[uuid.UUID | None]) -> None:
        ids = {user_id for user_id in user_ids if user_id is not None}
        rows = session.execute(
            select(User.id, User.name, User.organisation_id, Organisation.name)
            .join(Organisation, Organisation.id == User.organisation_id)
            .where(User.id.in_(ids))
        ).all()
        self._people = {row[0]: _Person(row[1], row[2], row[3]) for row in rows}

    def person(self, user_id: uuid.UUID) -> _Person:
        return self._people[user_id]

    def staff(self, user_id: uuid.UUID | None, organisation: str | None = None) -> Staff | None:
        """``organisation``: the one the record names (a note's), else the person's own."""
        if user_id is None:
            return Staff(name=None, organisation=organisation) if organisation else None
        person = self._people.get(user_id)
        if person is None:
            return Staff(name=None, organisation=organisation)
        return Staff(name=person.name, organisation=organisation or person.organisation)


class _With:
    """A record with a few attributes more (names it holds only as ids, nested lists), read
    by a schema's ``from_attributes`` as if the record had them."""

    def __init__(self, record: object, extra: dict[str, Any]) -> None:
        self._record = record
        self._extra = extra

    def __getattr__(self, name: str) -> Any:
        extra = self.__dict__["_extra"]
        return extra[name] if name in extra else getattr(self.__dict__["_record"], name)


def _read(schema: type[S], record: object, **extra: Any) -> S:
    return schema.model_validate(_With(record, extra))


def _grouped(rows: Iterable[R], key: Callable[[R], uuid.UUID | None]) -> dict[uuid.UUID, list[R]]:
    groups: dict[uuid.UUID, list[R]] = defaultdict(list)
    for row in rows:
        group = key(row)
        if group is not None:
            groups[group].append(row)
    return groups


def _pauses(changes: Sequence[StatusChange]) -> list[Pause]:
    """The stretches in status ``paused``, from the (chronological) status history."""
    pauses: list[Pause] = []
    for change in changes:
        if pauses and pauses[-1].until is None and change.from_status is Status.PAUSED:
            pauses[-1] = pauses[-1].model_copy(update={"until": change.on})
        if change.to_status is Status.PAUSED:
            pauses.append(
                Pause(
                    from_date=change.on,
                    until=None,
                    reason=change.reason,
                    expected_return_on=change.expected_return_on,
                )
            )
    return pauses


# --- the export -------------------------------------------------------------------------------


@dataclass
class _Rows:
    """Every row of the file, one statement per table (pairs where a name came along)."""

    trajectories: list[Any]  # (Trajectory, organisation name, framework name)
    phase_changes: list[PhaseChange]
    status_changes: list[StatusChange]
    team: list[TeamMember]
    placements: list[Any]  # (Placement, work floor name)
    attendance: list[Attendance]
    progress_logs: list[ProgressLog]
    scores: list[Any]  # (ProgressScore, competence item name)
    goals: list[Goal]
    activation_sessions: list[ActivationSession]
    internships: list[Any]  # (Internship, employer name)
    employer_contacts: list[Any]  # (EmployerContact, trajectory id, employer name)
    outflows: list[Outflow]
    follow_ups: list[FollowUp]
    funder_months: list[FunderMonth]
    notes: list[Any]  # (Note, author's organisation name)
    break_glass_grants: list[Any]  # (BreakGlassGrant, holder's organisation name)
    jobs: list[Any]  # (Job, employer name)
    consents: list[Consent]
    benefit_statuses: list[BenefitStatus]
    activity_permissions: list[ActivityPermission]
    vdab_advices: list[VdabAdvice]
    erasures: list[Erasure]
    record_changes: list[ParticipantChange]

    def staff_ids(self) -> Iterable[uuid.UUID | None]:
        yield from (change.by_user_id for change in self.phase_changes)
        yield from (change.by_user_id for change in self.status_changes)
        yield from (member.user_id for member in self.team)
        yield from (placement.coach_id for placement, _ in self.placements)
        yield from (log.author_id for log in self.progress_logs)
        yield from (goal.owner_id for goal in self.goals)
        yield from (contact.staff_id for contact, _, _ in self.employer_contacts)
        yield from (month.decided_by for month in self.funder_months)
        yield from (note.author_id for note, _ in self.notes)
        yield from (grant.user_id for grant, _ in self.break_glass_grants)
        yield from (consent.recorded_by for consent in self.consents)
        yield from (consent.withdrawn_by for consent in self.consents)
        yield from (erasure.requested_by for erasure in self.erasures)
        yield from (change.changed_by for change in self.record_changes)


def _load(session: Session, participant_id: uuid.UUID) -> _Rows:
    def rows(statement: Executable) -> list[Any]:
        return list(session.execute(statement).all())

    def records(statement: Executable) -> list[Any]:
        return list(session.scalars(statement).all())

    on_file = select(Trajectory.id).where(Trajectory.participant_id == participant_id)
    return _Rows(
        trajectories=rows(
            select(Trajectory, Organisation.name, Framework.name_nl)
            .join(Organisation, Organisation.id == Trajectory.organisation_id)
            .join(Framework, Framework.code == Trajectory.framework_code)
            .where(Trajectory.participant_id == participant_id)
            .order_by(Trajectory.referred_on, Trajectory.created_at, Trajectory.id)
        ),
        phase_changes=records(
            select(PhaseChange)
            .where(PhaseChange.trajectory_id.in_(on_file))
            .order_by(PhaseChange.on, PhaseChange.created_at, PhaseChange.id)
        ),
        status_changes=records(
            select(StatusChange)
            .where(StatusChange.trajectory_id.in_(on_file))
            .order_by(StatusChange.on, StatusChange.created_at, StatusChange.id)
        ),
        team=records(
            select(TeamMember)
            .where(TeamMember.trajectory_id.in_(on_file))
            .order_by(TeamMember.from_date, TeamMember.created_at, TeamMember.id)
        ),
        placements=rows(
            select(Placement, WorkFloor.name)
            .join(WorkFloor, WorkFloor.id == Placement.work_floor_id)
            .where(Placement.trajectory_id.in_(on_file))
            .order_by(Placement.start_date, Placement.created_at, Placement.id)
        ),
        attendance=records(
            select(Attendance)
            .join(Placement, Placement.id == Attendance.placement_id)
            .where(Placement.trajectory_id.in_(on_file))
            .order_by(Attendance.date, Attendance.half_day, Attendance.id)
        ),
        progress_logs=records(
            select(ProgressLog)
            .where(ProgressLog.trajectory_id.in_(on_file))
            .order_by(ProgressLog.logged_on, ProgressLog.created_at, ProgressLog.id)
        ),
        scores=rows(
            select(ProgressScore, CompetenceItem.name_nl)
            .join(ProgressLog, ProgressLog.id == ProgressScore.progress_log_id)
            .join(CompetenceItem, CompetenceItem.id == ProgressScore.competence_item_id)
            .where(ProgressLog.trajectory_id.in_(on_file))
            .order_by(ProgressScore.sort_order, ProgressScore.item_code)
        ),
        goals=records(
            select(Goal).where(Goal.trajectory_id.in_(on_file)).order_by(Goal.created_at, Goal.id)
        ),
        activation_sessions=records(
            select(ActivationSession)
            .where(ActivationSession.trajectory_id.in_(on_file))
            .order_by(ActivationSession.held_on, ActivationSession.created_at, ActivationSession.id)
        ),
        internships=rows(
            select(Internship, Employer.name)
            .outerjoin(Employer, Employer.id == Internship.employer_id)
            .where(Internship.trajectory_id.in_(on_file))
            .order_by(Internship.start_date, Internship.created_at, Internship.id)
        ),
        employer_contacts=rows(
            select(EmployerContact, EmployerContactTrajectory.trajectory_id, Employer.name)
            .join(
                EmployerContactTrajectory,
                EmployerContactTrajectory.contact_id == EmployerContact.id,
            )
            .join(Employer, Employer.id == EmployerContact.employer_id)
            .where(EmployerContactTrajectory.trajectory_id.in_(on_file))
            .order_by(EmployerContact.contacted_on, EmployerContact.created_at, EmployerContact.id)
        ),
        outflows=records(select(Outflow).where(Outflow.trajectory_id.in_(on_file))),
        follow_ups=records(
            select(FollowUp)
            .where(FollowUp.trajectory_id.in_(on_file))
            .order_by(FollowUp.due_on, FollowUp.created_at, FollowUp.id)
        ),
        funder_months=records(
            select(FunderMonth)
            .where(FunderMonth.trajectory_id.in_(on_file))
            .order_by(FunderMonth.month, FunderMonth.id)
        ),
        notes=rows(
            select(Note, Organisation.name)
            .join(Organisation, Organisation.id == Note.author_organisation_id)
            .where(Note.trajectory_id.in_(on_file))
            .order_by(Note.written_on, Note.created_at, Note.id)
        ),
        break_glass_grants=rows(
            select(BreakGlassGrant, Organisation.name)
            .join(Organisation, Organisation.id == BreakGlassGrant.organisation_id)
            .where(BreakGlassGrant.trajectory_id.in_(on_file))
            .order_by(BreakGlassGrant.started_at, BreakGlassGrant.id)
        ),
        # A job belongs to the person; the trajectory that led to it is optional.
        jobs=rows(
            select(Job, Employer.name)
            .outerjoin(Employer, Employer.id == Job.employer_id)
            .where(or_(Job.participant_id == participant_id, Job.trajectory_id.in_(on_file)))
            .order_by(Job.start_date, Job.created_at, Job.id)
        ),
        consents=records(
            select(Consent)
            .where(Consent.participant_id == participant_id)
            .order_by(Consent.given_on, Consent.created_at, Consent.id)
        ),
        benefit_statuses=records(
            select(BenefitStatus)
            .where(BenefitStatus.participant_id == participant_id)
            .order_by(BenefitStatus.valid_from, BenefitStatus.id)
        ),
        activity_permissions=records(
            select(ActivityPermission)
            .where(ActivityPermission.participant_id == participant_id)
            .order_by(ActivityPermission.granted_on, ActivityPermission.id)
        ),
        vdab_advices=records(
            select(VdabAdvice)
            .where(VdabAdvice.participant_id == participant_id)
            .order_by(VdabAdvice.advised_on, VdabAdvice.id)
        ),
        erasures=records(select(Erasure).where(Erasure.participant_id == participant_id)),
        record_changes=records(
            select(ParticipantChange)
            .where(ParticipantChange.participant_id == participant_id)
            .order_by(ParticipantChange.changed_at, ParticipantChange.id)
        ),
    )


Sections = dict[uuid.UUID, dict[str, list[Any]]]


def _trajectory_sections(rows: _Rows, staff: _StaffDirectory) -> Sections:
    """Each trajectory's records under the TrajectoryExport field they fill."""
    sections: Sections = defaultdict(lambda: defaultdict(list))

    def put(trajectory_id: uuid.UUID, field: str, item: ReadSchema) -> None:
        sections[trajectory_id][field].append(item)

    marks = _grouped(rows.attendance, lambda mark: mark.placement_id)
    scores = _grouped(rows.scores, lambda row: row[0].progress_log_id)
    for phase_change in rows.phase_changes:
        by = staff.staff(phase_change.by_user_id)
        phase_read = _read(PhaseChangeExport, phase_change, by=by)
        put(phase_change.trajectory_id, "phase_changes", phase_read)
    for status_change in rows.status_changes:
        by = staff.staff(status_change.by_user_id)
        status_read = _read(StatusChangeExport, status_change, by=by)
        put(status_change.trajectory_id, "status_changes", status_read)
    for member in rows.team:
        person = staff.person(member.user_id)
        member_read = _read(
            TeamMemberRead,
            member,
            user_name=person.name,
            organisation_id=person.organisation_id,
            organisation_name=person.organisation,
        )
        put(member.trajectory_id, "team", member_read)
    for placement, floor in rows.placements:
        placement_read = _read(
            PlacementExport,
            placement,
            work_floor=floor,
            coach=staff.staff(placement.coach_id),
            attendance=[AttendanceRead.model_validate(mark) for mark in marks[placement.id]],
        )
        put(placement.trajectory_id, "placements", placement_read)
    for log in rows.progress_logs:
        log_read = _read(
            ProgressLogExport,
            log,
            author=staff.staff(log.author_id),
            scores=[_read(ScoreExport, score, item_name=name) for score, name in scores[log.id]],
        )
        put(log.trajectory_id, "progress_logs", log_read)
    for goal in rows.goals:
        put(goal.trajectory_id, "goals", _read(GoalExport, goal, owner=staff.staff(goal.owner_id)))
    for activation in rows.activation_sessions:
        session_read = ActivationSessionRead.model_validate(activation)
        put(activation.trajectory_id, "activation_sessions", session_read)
    for internship, employer in rows.internships:
        internship_read = _read(InternshipExport, internship, employer=employer)
        put(internship.trajectory_id, "internships", internship_read)
    for contact, trajectory_id, employer in rows.employer_contacts:
        contact_read = _read(
            EmployerContactExport, contact, employer=employer, staff=staff.staff(contact.staff_id)
        )
        put(trajectory_id, "employer_contacts", contact_read)
    for follow_up in rows.follow_ups:
        put(follow_up.trajectory_id, "follow_ups", FollowUpRead.model_validate(follow_up))
    for month in rows.funder_months:
        month_read = _read(
            FunderMonthDecisionExport,
            month,
            month=month_key(month.month),
            decided_by=staff.staff(month.decided_by),
        )
        put(month.trajectory_id, "funder_months", month_read)
    for note, organisation in rows.notes:
        author = staff.staff(note.author_id, organisation)
        put(note.trajectory_id, "notes", _read(NoteExport, note, author=author))
    for grant, organisation in rows.break_glass_grants:
        holder = staff.staff(grant.user_id, organisation)
        put(
            grant.trajectory_id, "break_glass_grants", _read(BreakGlassExport, grant, holder=holder)
        )
    return sections


def _export(
    session: Session, principal: Principal, participant: Participant, controller: str
) -> ParticipantExport:
    rows = _load(session, participant.id)
    staff = _StaffDirectory(session, [principal.id, participant.created_by, *rows.staff_ids()])
    looks = audit_service.file_looks(session, participant.id)
    sections = _trajectory_sections(rows, staff)
    outflows = {outflow.trajectory_id: OutflowRead.of(outflow) for outflow in rows.outflows}
    status_changes = _grouped(rows.status_changes, lambda change: change.trajectory_id)
    generated_by = staff.staff(principal.id)
    assert generated_by is not None  # the caller's own account, loaded with the others
    return ParticipantExport(
        generated_at=utcnow(),
        generated_by=generated_by,
        participant=_read(
            ParticipantData,
            participant,
            organisation=controller,
            registered_by=staff.staff(participant.created_by),
        ),
        benefit_statuses=[BenefitStatusRead.model_validate(f) for f in rows.benefit_statuses],
        activity_permissions=[
            ActivityPermissionRead.model_validate(f) for f in rows.activity_permissions
        ],
        vdab_advices=[VdabAdviceRead.model_validate(f) for f in rows.vdab_advices],
        record_changes=[
            _read(RecordChangeExport, change, changed_by_staff=staff.staff(change.changed_by))
            for change in rows.record_changes
        ],
        consents=[
            _read(
                ConsentExport,
                consent,
                recorded_by_staff=staff.staff(consent.recorded_by),
                withdrawn_by_staff=staff.staff(consent.withdrawn_by),
            )
            for consent in rows.consents
        ],
        jobs=[_read(JobExport, job, employer=employer) for job, employer in rows.jobs],
        trajectories=[
            _read(
                TrajectoryExport,
                trajectory,
                organisation=organisation,
                framework=framework,
                outflow=outflows.get(trajectory.id),
                pauses=_pauses(status_changes[trajectory.id]),
                **sections[trajectory.id],
            )
            for trajectory, organisation, framework in rows.trajectories
        ],
        erasure=next(
            (
                _read(ErasureExport, erasure, requested_by=staff.staff(erasure.requested_by))
                for erasure in rows.erasures
            ),
            None,
        ),
        file_looks=looks,
    )
