from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from app.auth.models import Role
from app.core.schemas import PastDate, ReadSchema, UpdateSchema, WriteSchema, not_before
from app.trajectories.models import TeamRole
from app.trajectories.phases import Phase, Status

Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]


class TrajectoryCreate(WriteSchema):
    participant_id: uuid.UUID
    framework_code: Annotated[str, StringConstraints(max_length=40)]
    referred_on: PastDate
    started_on: Annotated[
        PastDate | None,
        AfterValidator(not_before("referred_on")),
        Field(description="Leave out to put the participant on the waiting list (referred)"),
    ] = None
    previous_trajectory_id: uuid.UUID | None = Field(
        default=None, description="The earlier trajectory this re-entry follows"
    )


class TrajectoryUpdate(UpdateSchema):
    nullable_fields = frozenset({"expected_return_on"})

    expected_return_on: dt.date | None = None
    pause_reason: Reason | None = None


class TrajectoryRead(ReadSchema):
    id: uuid.UUID
    participant_id: uuid.UUID
    organisation_id: uuid.UUID
    framework_code: str
    phase: Phase
    status: Status
    referred_on: dt.date
    started_on: dt.date | None
    closed_on: dt.date | None
    phase_since: dt.date
    days_in_phase: int
    pause_reason: str | None
    expected_return_on: dt.date | None
    previous_trajectory_id: uuid.UUID | None
    flags: list[str] = Field(description="past_max_duration, phase_past_norm")
    allowed_phase_targets: list[Phase]
    version: int
    created_at: dt.datetime


class PhaseChangeCreate(WriteSchema):
    to_phase: Phase
    date: PastDate
    reason: Reason | None = None


class PhaseChangeRead(ReadSchema):
    id: uuid.UUID
    from_phase: Phase | None
    to_phase: Phase
    date: dt.date = Field(validation_alias="on")
    by_user_id: uuid.UUID | None
    reason: str | None
    created_at: dt.datetime


class StatusChangeRead(ReadSchema):
    id: uuid.UUID
    from_status: Status | None
    to_status: Status
    date: dt.date = Field(validation_alias="on")
    by_user_id: uuid.UUID | None
    reason: str | None
    expected_return_on: dt.date | None
    created_at: dt.datetime


class StartRequest(WriteSchema):
    date: PastDate


class PauseRequest(WriteSchema):
    date: PastDate
    reason: Reason
    expected_return_on: Annotated[dt.date | None, AfterValidator(not_before("date"))] = None


class ResumeRequest(WriteSchema):
    date: PastDate


class CloseRequest(WriteSchema):
    date: PastDate
    reason: Reason | None = None


class TeamMemberCreate(WriteSchema):
    user_id: uuid.UUID
    team_role: TeamRole
    from_date: dt.date | None = Field(default=None, description="Defaults to today")
    to_date: Annotated[dt.date | None, AfterValidator(not_before("from_date"))] = None


class TeamMemberRead(ReadSchema):
    id: uuid.UUID
    user_id: uuid.UUID
    user_name: str
    organisation_id: uuid.UUID
    organisation_name: str
    team_role: TeamRole
    from_date: dt.date
    to_date: dt.date | None
    version: int


class TeamCandidateRead(ReadSchema):
    """A staff member who may be added to the mini-team: no e-mail address, ever."""

    id: uuid.UUID
    name: str
    role: Role
    organisation_id: uuid.UUID
    organisation_name: str
    bound_by_professional_secrecy: bool
    on_team: bool = Field(description="On this team already (now or earlier)")
