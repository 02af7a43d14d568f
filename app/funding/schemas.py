from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, field_validator

from app.core.errors import CodedValueError
from app.core.schemas import ReadSchema, WriteSchema, clean_text
from app.funding.models import FunderDecision

MAX_APPROVED_MONTHS_PER_PARTICIPANT = 24

Comment = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=2000),
    AfterValidator(clean_text),
]


class FunderMonthDecide(WriteSchema):
    decision: FunderDecision
    comment: Comment | None = Field(
        default=None,
        validate_default=True,
        description="Required when rejecting: the funder and the team need the reason",
    )

    @field_validator("comment", mode="after")
    @classmethod
    def _reason_for_rejection(cls, value: str | None, info: ValidationInfo) -> str | None:
        value = value or None
        if value is None and info.data.get("decision") is FunderDecision.REJECTED:
            raise CodedValueError(
                "is required when rejecting a month", code="required_when_rejecting"
            )
        return value


class ActionCounts(ReadSchema):
    """Logged actions dated in the month, per kind."""

    progress_logs: int
    activation_sessions: int
    attendance: int = Field(description="Half-days marked present")
    internships_started: int
    jobs_started: int
    employer_contacts: int
    notes: int = Field(description="Counted whatever their visibility; no content is shown")
    phase_changes: int = Field(description="Moves after intake (the opening is not counted)")
    total: int


class FunderMonthRead(ReadSchema):
    month: str = Field(pattern=r"^\d{4}-\d{2}$", examples=["2026-03"])
    active: bool = Field(description="Status active on at least one day of the month")
    actions: ActionCounts
    realised: bool = Field(description="Active and at least one logged action")
    decision: FunderDecision | None
    comment: str | None
    decided_by: uuid.UUID | None
    decided_at: datetime | None
    version: int = Field(description='0 while the month was never decided: send If-Match: "0"')
    approved_but_not_realised: bool = Field(
        description="Approved, but the records that justified it were removed later"
    )


class FunderMonthSummary(ReadSchema):
    months: int
    realised: int
    approved: int
    rejected: int
    approved_but_not_realised: int
    participant_approved: int = Field(
        description="Approved months of this participant across all their trajectories"
    )
    participant_cap: int = Field(default=MAX_APPROVED_MONTHS_PER_PARTICIPANT)


class FunderMonthList(ReadSchema):
    items: list[FunderMonthRead] = Field(description="Every month from the start, oldest first")
    summary: FunderMonthSummary
