"""The case-file timeline: one list item per thing recorded on a trajectory."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from app.core.schemas import ReadSchema


class TimelineKind(StrEnum):
    PHASE_CHANGE = "phase_change"
    STATUS_CHANGE = "status_change"  # referred, start, pause, resume, close
    PLACEMENT = "placement"
    PROGRESS_LOG = "progress_log"
    GOAL = "goal"  # created (the model keeps no date for done or dropped)
    ACTIVATION_SESSION = "activation_session"
    NOTE = "note"
    INTERNSHIP = "internship"
    JOB = "job"
    EMPLOYER_CONTACT = "employer_contact"
    OUTFLOW = "outflow"
    FOLLOW_UP = "follow_up"  # recorded contacts only, not scheduled ones
    TEAM_MEMBER_JOINED = "team_member_joined"
    TEAM_MEMBER_LEFT = "team_member_left"


class TimelineAuthor(ReadSchema):
    id: uuid.UUID
    name: str


class TimelineItemRead(ReadSchema):
    kind: TimelineKind
    id: uuid.UUID = Field(description="The id of the underlying record")
    occurred_on: date = Field(description="The record's business date")
    recorded_at: datetime = Field(description="When the record was created")
    title: str | None = Field(description="One short line for a list (≤ 200 characters)")
    summary: str | None = Field(description="A short second line (≤ 200 characters)")
    author: TimelineAuthor | None = Field(description="Who recorded it, where known")
    url: str = Field(description="Where the SPA opens the record (or its list)")
