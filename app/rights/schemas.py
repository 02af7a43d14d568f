"""The participant's export: everything Werkpad holds about one person, as one document.

Records reuse the API's read schemas where those fit, adding who (name and organisation)
instead of bare account ids: the export is read by the person, not by a program that can
look the ids up.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from pydantic import Field

from app.audit.schemas import FileLook
from app.consents.schemas import ConsentRead
from app.core.schemas import ReadSchema
from app.employment.models import ContactPurpose
from app.employment.schemas import InternshipRead, JobRead
from app.funding.models import FunderDecision
from app.notes.schemas import NoteRead
from app.outflow.schemas import FollowUpRead, OutflowRead
from app.participants.models import ReferralSource
from app.participants.schemas import (
    ActivityPermissionRead,
    BenefitStatusRead,
    TargetGroup,
    VdabAdviceRead,
)
from app.progress.schemas import (
    ActivationSessionRead,
    AttendanceRead,
    GoalRead,
    PlacementRead,
    ProgressLogRead,
    ScoreRead,
)
from app.trajectories.phases import Phase, Status
from app.trajectories.schemas import PhaseChangeRead, StatusChangeRead, TeamMemberRead


class ParticipantExportFormat(StrEnum):
    JSON = "json"
    PDF = "pdf"


class Staff(ReadSchema):
    """A staff member as the person sees them: by name, with their organisation."""

    name: str | None = Field(description="None when the account no longer exists")
    organisation: str | None


class ParticipantData(ReadSchema):
    id: uuid.UUID
    organisation: str = Field(description="The organisation that registered the participant")
    first_name: str
    last_name: str
    preferred_name: str | None
    birth_date: dt.date
    insz: str | None
    email: str | None
    phone: str | None
    address: str | None
    language: str
    target_groups: list[TargetGroup]
    referral_source: ReferralSource | None
    registered_by: Staff | None = None
    created_at: dt.datetime
    updated_at: dt.datetime


class PhaseChangeExport(PhaseChangeRead):
    by: Staff | None = None


class StatusChangeExport(StatusChangeRead):
    by: Staff | None = None


class Pause(ReadSchema):
    """A stretch in status ``paused``, from the status history."""

    from_date: dt.date
    until: dt.date | None = Field(description="The day the trajectory resumed or closed")
    reason: str | None
    expected_return_on: dt.date | None


class PlacementExport(PlacementRead):
    work_floor: str | None = None
    coach: Staff | None = None
    attendance: list[AttendanceRead] = Field(default_factory=list)


class ScoreExport(ScoreRead):
    id: uuid.UUID
    item_name: str | None = Field(default=None, description="The competence item, in Dutch")


class ProgressLogExport(ProgressLogRead):
    author: Staff | None = None
    # Each score with its item's name: a ScoreRead with one field more (pydantic validates
    # the narrower list; mypy only sees the invariant list type).
    scores: list[ScoreExport] = Field(default_factory=list)  # type: ignore[assignment]


class GoalExport(GoalRead):
    owner: Staff | None = None


class InternshipExport(InternshipRead):
    employer: str | None = None


class JobExport(JobRead):
    employer: str | None = None


class EmployerContactExport(ReadSchema):
    """A contact with an employer about this person (other people it concerned are left out)."""

    id: uuid.UUID
    employer: str
    contacted_on: dt.date
    in_person: bool
    purpose: ContactPurpose
    summary: str | None
    staff: Staff | None = None


class FunderMonthDecisionExport(ReadSchema):
    id: uuid.UUID
    month: str = Field(pattern=r"^\d{4}-\d{2}$", examples=["2026-03"])
    decision: FunderDecision
    comment: str | None
    decided_by: Staff | None = None
    decided_at: dt.datetime


class NoteExport(NoteRead):
    author: Staff | None = None


class BreakGlassExport(ReadSchema):
    """An emergency opening of the file by someone outside its normal scope."""

    id: uuid.UUID
    holder: Staff
    reason: str
    started_at: dt.datetime
    expires_at: dt.datetime


class ConsentExport(ConsentRead):
    recorded_by_staff: Staff | None = None
    withdrawn_by_staff: Staff | None = None


class ErasureExport(ReadSchema):
    """That the person's data was de-identified on request (app/retention): when, why, by whom."""

    id: uuid.UUID
    requested_at: dt.datetime
    requested_by: Staff | None = None
    reason: str


class TrajectoryExport(ReadSchema):
    id: uuid.UUID
    organisation: str = Field(description="The organisation that runs the trajectory")
    framework_code: str
    framework: str
    phase: Phase
    status: Status
    referred_on: dt.date
    started_on: dt.date | None
    closed_on: dt.date | None
    phase_since: dt.date
    pause_reason: str | None
    expected_return_on: dt.date | None
    previous_trajectory_id: uuid.UUID | None
    created_at: dt.datetime
    phase_changes: list[PhaseChangeExport] = Field(default_factory=list)
    status_changes: list[StatusChangeExport] = Field(default_factory=list)
    pauses: list[Pause] = Field(default_factory=list)
    team: list[TeamMemberRead] = Field(default_factory=list)
    placements: list[PlacementExport] = Field(default_factory=list)
    progress_logs: list[ProgressLogExport] = Field(default_factory=list)
    goals: list[GoalExport] = Field(default_factory=list)
    activation_sessions: list[ActivationSessionRead] = Field(default_factory=list)
    internships: list[InternshipExport] = Field(default_factory=list)
    employer_contacts: list[EmployerContactExport] = Field(default_factory=list)
    outflow: OutflowRead | None = None
    follow_ups: list[FollowUpRead] = Field(default_factory=list)
    funder_months: list[FunderMonthDecisionExport] = Field(default_factory=list)
    notes: list[NoteExport] = Field(
        default_factory=list, description="Every note, whatever its visibility"
    )
    break_glass_grants: list[BreakGlassExport] = Field(default_factory=list)


class RecordChangeExport(ReadSchema):
    """One field of the person's record before and after an edit (rectification)."""

    id: uuid.UUID
    field: str
    old_value: str | None
    new_value: str | None
    changed_at: dt.datetime
    changed_by_staff: Staff | None


class ParticipantExport(ReadSchema):
    """Everything Werkpad holds about one person (AVG/GDPR art. 15), across every trajectory
    and organisation, with who looked at the file."""

    generated_at: dt.datetime
    generated_by: Staff
    participant: ParticipantData
    benefit_statuses: list[BenefitStatusRead]
    activity_permissions: list[ActivityPermissionRead]
    vdab_advices: list[VdabAdviceRead]
    record_changes: list[RecordChangeExport] = Field(
        description="Every edit of the record, oldest first: what each field held before"
    )
    consents: list[ConsentExport] = Field(description="Every consent, withdrawn ones included")
    jobs: list[JobExport]
    trajectories: list[TrajectoryExport]
    erasure: ErasureExport | None = Field(description="Set when the file was erased on request")
    file_looks: list[FileLook] = Field(
        description="Who read or changed the file, oldest first (this export not yet included)"
    )
