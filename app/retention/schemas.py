from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from app.core.schemas import ReadSchema, WriteSchema, clean_text

Reason = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=10, max_length=1000),
    AfterValidator(clean_text),
]


class ErasureCreate(WriteSchema):
    reason: Reason = Field(
        description=(
            "How and when the person asked (date, channel, your reference). Do not name them: "
            "this record is kept after their data is gone."
        )
    )


class ErasedRows(ReadSchema):
    """Rows overwritten per data class (README, "Retention")."""

    care: int
    contact: int
    work: int
    identity: int


class ErasureRead(ReadSchema):
    erasure_id: uuid.UUID
    participant_id: uuid.UUID
    erased_at: datetime
    trajectories: int = Field(description="Closed trajectories de-identified; their figures stay")
    rows: ErasedRows
    stored_answers_purged: int = Field(
        description="Stored Idempotency-Key answers that showed the person, deleted"
    )
