from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from app.core.schemas import (
    Code,
    Name,
    PastDate,
    ReadSchema,
    ShortText,
    UpdateSchema,
    WriteSchema,
    clean_text,
    not_before,
)
from app.progress.models import (
    MAX_HOURS_PER_HALF_DAY,
    AttendanceStatus,
    GoalDomain,
    GoalStatus,
    HalfDay,
    SessionComponent,
)

Reason = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=500),
    AfterValidator(clean_text),
]
Description = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=1000),
    AfterValidator(clean_text),
]
Report = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=5000),
    AfterValidator(clean_text),
]
LogText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=10_000),
    AfterValidator(clean_text),
]
AgreementReference = Annotated[ShortText, StringConstraints(max_length=100)]
PlannedHours = Annotated[Decimal, Field(ge=0, le=40, max_digits=4, decimal_places=2)]
PlannedHalfDays = Annotated[int, Field(ge=0, le=10)]
HalfDayHours = Annotated[
    Decimal,
    Field(
        ge=0,
        le=MAX_HOURS_PER_HALF_DAY,
        max_digits=3,
        decimal_places=2,
        description=f"0 to {MAX_HOURS_PER_HALF_DAY} hours in one half-day",
    ),
]
Score = Annotated[int, Field(ge=1, le=4)]
Minutes = Annotated[int, Field(ge=1, le=600)]


# --- placements ---------------------------------------------------------------------------


class PlacementCreate(WriteSchema):
    work_floor_id: uuid.UUID
    coach_id: uuid.UUID | None = None
    agreement_reference: AgreementReference | None = None
    dimona_declared: bool = False
    planned_hours_per_week: PlannedHours
    planned_half_days_per_week: PlannedHalfDays
    start_date: dt.date
    end_date: Annotated[dt.date | None, AfterValidator(not_before("start_date"))] = None
    capacity_override_reason: Reason | None = Field(
        default=None,
        description="Places the participant even when the work floor is full on the start date",
    )


class PlacementUpdate(UpdateSchema):
    nullable_fields = frozenset({"coach_id", "agreement_reference", "end_date"})

    work_floor_id: uuid.UUID | None = None
    coach_id: uuid.UUID | None = None
    agreement_reference: AgreementReference | None = None
    dimona_declared: bool | None = None
    planned_hours_per_week: PlannedHours | None = None
    planned_half_days_per_week: PlannedHalfDays | None = None
    start_date: dt.date | None = None
    end_date: Annotated[dt.date | None, AfterValidator(not_before("start_date"))] = None
    capacity_override_reason: Reason | None = None


class PlacementRead(ReadSchema):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    work_floor_id: uuid.UUID
    coach_id: uuid.UUID | None
    agreement_reference: str | None
    dimona_declared: bool
    planned_hours_per_week: float
    planned_half_days_per_week: int
    start_date: dt.date
    end_date: dt.date | None
    capacity_override_reason: str | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


# --- attendance ---------------------------------------------------------------------------


class AttendanceWrite(WriteSchema):
    date: PastDate
    half_day: HalfDay
    status: AttendanceStatus
    hours: HalfDayHours
    reason: Reason | None = None


class AttendanceUpdate(UpdateSchema):
    """Corrects a mark; its date and half-day stay (delete it to record another half-day)."""

    nullable_fields = frozenset({"reason"})

    status: AttendanceStatus | None = None
    hours: HalfDayHours | None = None
    reason: Reason | None = None


class AttendanceRead(ReadSchema):
    id: uuid.UUID
    placement_id: uuid.UUID
    date: dt.date
    half_day: HalfDay
    status: AttendanceStatus
    hours: float
    reason: str | None
    recorded_by: uuid.UUID | None
    version: int
    updated_at: dt.datetime


class FloorDayEntry(WriteSchema):
    placement_id: uuid.UUID
    half_day: HalfDay
    status: AttendanceStatus
    hours: HalfDayHours
    reason: Reason | None = None


class FloorDayWrite(WriteSchema):
    date: PastDate
    entries: list[FloorDayEntry] = Field(max_length=500)


class FloorDayMark(ReadSchema):
    half_day: HalfDay
    status: AttendanceStatus
    hours: float
    reason: str | None
    version: int


class FloorDayRow(ReadSchema):
    placement_id: uuid.UUID
    trajectory_id: uuid.UUID
    first_name: str
    last_name: str
    preferred_name: str | None
    planned_hours_per_half_day: float | None = Field(
        description="Planned hours per week ÷ planned half-days per week: a prefill for 'hours'"
    )
    marks: list[FloorDayMark]


class FloorDayRead(ReadSchema):
    """The coach's daily list: every placement active on the floor that day, with its marks."""

    work_floor_id: uuid.UUID
    date: dt.date
    items: list[FloorDayRow]


# --- competence items and progress logs ---------------------------------------------------


class CompetenceItemRead(ReadSchema):
    id: uuid.UUID
    organisation_id: uuid.UUID | None = Field(description="null: an item of the default set")
    code: str
    name_nl: str
    name_en: str
    sort_order: int
    is_active: bool
    version: int


ItemCode = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=50, pattern=r"^[a-z][a-z0-9_]*$"
    ),
]
SortOrder = Annotated[int, Field(ge=0, le=10_000)]


class CompetenceItemCreate(WriteSchema):
    """A new item. ``organisation_id``: platform admins only (left out: the default set);
    an organisation admin's item always belongs to their own organisation."""

    code: ItemCode = Field(description="Lower case, digits and _; unique in the set; fixed")
    name_nl: Name
    name_en: Name
    sort_order: SortOrder | None = Field(default=None, description="Left out: after the last")
    organisation_id: uuid.UUID | None = None


class CompetenceItemUpdate(UpdateSchema):
    """The code stays: scores already given keep it. Deactivate instead of deleting."""

    name_nl: Name | None = None
    name_en: Name | None = None
    sort_order: SortOrder | None = None
    is_active: bool | None = None


class ScoreWrite(WriteSchema):
    item_code: Code
    score: Score | None = Field(default=None, description="1 to 4; null: not observed")


class ScoreRead(ReadSchema):
    item_code: str
    score: int | None


class ProgressLogCreate(WriteSchema):
    logged_on: PastDate
    placement_id: uuid.UUID | None = None
    scores: list[ScoreWrite] = Field(default_factory=list, max_length=100)
    text: LogText | None = None


class ProgressLogUpdate(UpdateSchema):
    nullable_fields = frozenset({"placement_id", "text"})

    logged_on: PastDate | None = None
    placement_id: uuid.UUID | None = None
    scores: list[ScoreWrite] | None = Field(
        default=None, max_length=100, description="Replaces all scores of the log"
    )
    text: LogText | None = None


class ProgressLogRead(ReadSchema):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    placement_id: uuid.UUID | None
    author_id: uuid.UUID
    logged_on: dt.date
    scores: list[ScoreRead]
    text: str | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


# --- goals --------------------------------------------------------------------------------


class GoalCreate(WriteSchema):
    domain: GoalDomain
    description: Description
    owner_id: uuid.UUID | None = None
    due_on: dt.date | None = None
    status: GoalStatus = GoalStatus.OPEN
    evaluation: Report | None = None


class GoalUpdate(UpdateSchema):
    nullable_fields = frozenset({"owner_id", "due_on", "evaluation"})

    domain: GoalDomain | None = None
    description: Description | None = None
    owner_id: uuid.UUID | None = None
    due_on: dt.date | None = None
    status: GoalStatus | None = None
    evaluation: Report | None = None


class GoalRead(ReadSchema):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    domain: GoalDomain
    description: str
    owner_id: uuid.UUID | None
    due_on: dt.date | None
    status: GoalStatus
    evaluation: str | None
    overdue: bool = Field(description="Open and due before today")
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


# --- activation sessions ------------------------------------------------------------------


class ActivationSessionCreate(WriteSchema):
    component: SessionComponent
    provider: Name
    held_on: PastDate
    minutes: Minutes
    report: Report | None = None


class ActivationSessionUpdate(UpdateSchema):
    nullable_fields = frozenset({"report"})

    component: SessionComponent | None = None
    provider: Name | None = None
    held_on: PastDate | None = None
    minutes: Minutes | None = None
    report: Report | None = None


class ActivationSessionRead(ReadSchema):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    component: SessionComponent
    provider: str
    held_on: dt.date
    minutes: int
    report: str | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
