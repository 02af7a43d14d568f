from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import Field

from app.core.schemas import PastDate, ReadSchema, UpdateSchema, WriteSchema
from app.employment.schemas import JobHours, Reason
from app.outflow.categories import OutflowCategory, info
from app.outflow.models import FollowUpSource, FollowUpStatus


class OutflowWrite(WriteSchema):
    date: PastDate = Field(description="The day the participant left: also the phase move's date")
    category: OutflowCategory
    job_id: uuid.UUID | None = Field(
        default=None, description="Required for a paid category: a job of this participant"
    )
    internship_id: uuid.UUID | None = Field(
        default=None,
        description="For ibo, training or work_experience_internship: an internship of this "
        "trajectory",
    )
    reason: Reason | None = None


class OutflowRead(ReadSchema):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    date: dt.date
    category: OutflowCategory
    job_id: uuid.UUID | None
    internship_id: uuid.UUID | None
    reason: str | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    paid: bool = False
    ips_competitive: bool | None = None
    counted_in_rates: bool = True

    @classmethod
    def of(cls, outflow: object) -> OutflowRead:
        read = cls.model_validate(outflow)
        category = info(read.category)
        read.paid = category.paid
        read.ips_competitive = category.ips_competitive
        read.counted_in_rates = category.counted_in_rates
        return read


FollowUpNote = Annotated[Reason, Field(description="What was learned, briefly")]


class FollowUpCreate(WriteSchema):
    due_on: dt.date
    contacted_on: PastDate | None = None
    status: FollowUpStatus | None = None
    hours_per_week: JobHours | None = None
    source: FollowUpSource | None = None
    note: FollowUpNote | None = None


class FollowUpUpdate(UpdateSchema):
    nullable_fields = frozenset({"contacted_on", "status", "hours_per_week", "source", "note"})

    due_on: dt.date | None = None
    contacted_on: PastDate | None = None
    status: FollowUpStatus | None = None
    hours_per_week: JobHours | None = None
    source: FollowUpSource | None = None
    note: FollowUpNote | None = None


class FollowUpRead(ReadSchema):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    outflow_id: uuid.UUID
    months_after: int | None = Field(description="3, 6 or 12 when scheduled by a paid outflow")
    due_on: dt.date
    contacted_on: dt.date | None
    status: FollowUpStatus | None
    hours_per_week: float | None
    source: FollowUpSource | None
    note: str | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
