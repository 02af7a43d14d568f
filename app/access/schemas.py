from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from app.core.schemas import ReadSchema, WriteSchema, clean_text
from app.notes.models import Visibility
from app.trajectories.phases import Phase, Status


class BreakGlassCreate(WriteSchema):
    reason: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=20, max_length=1000),
        AfterValidator(clean_text),
    ] = Field(description="Why this emergency justifies opening a file outside your scope")
    minutes: int = Field(default=60, ge=5, le=240, description="How long access lasts")


class BreakGlassGrantRead(ReadSchema):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    user_id: uuid.UUID
    user_name: str
    organisation_id: uuid.UUID
    reason: str
    started_at: dt.datetime
    expires_at: dt.datetime
    active: bool


class AccessRule(StrEnum):
    ORGANISATION = "organisation"  # staff of the owning organisation
    PLACEMENT = "placement"  # a coach: placed on the organisation's work floor
    TEAM = "team"  # on the mini-team, in the owning organisation
    TEAM_UNDER_CONSENT = "team_under_consent"  # on the mini-team, another organisation
    BREAK_THE_GLASS = "break_the_glass"
    SUMMARY_ONLY = "summary_only"  # a partner organisation's manager


class AccessGround(ReadSchema):
    rule: AccessRule
    detail: str
    consent_id: uuid.UUID | None = None
    grant_id: uuid.UUID | None = None
    until: dt.date | None = Field(default=None, description="Last day this ground holds")
    until_time: dt.datetime | None = Field(default=None, description="For break-the-glass")


class AccessExplanation(ReadSchema):
    trajectory_id: uuid.UUID
    full_access: bool = Field(description="False when only the summary may be seen")
    grounds: list[AccessGround]
    readable_note_visibilities: list[Visibility]


class TrajectorySummary(ReadSchema):
    """What someone may know without seeing the content: never names, never notes."""

    id: uuid.UUID
    participant_initials: str
    organisation_id: uuid.UUID
    framework_code: str
    phase: Phase
    status: Status
    referred_on: dt.date
    started_on: dt.date | None
    closed_on: dt.date | None
    phase_since: dt.date
