from __future__ import annotations

import datetime as dt
import uuid

from pydantic import Field

from app.audit.models import AuditAction, AuditOutcome
from app.core.schemas import ReadSchema


class AuditEventRead(ReadSchema):
    seq: int = Field(description="Position in the hash chain")
    id: uuid.UUID
    occurred_at: dt.datetime
    user_id: uuid.UUID
    user_name: str | None = Field(description="None when the account no longer exists")
    user_role: str
    organisation_id: uuid.UUID
    method: str
    route: str = Field(description="The route template, e.g. /api/v1/notes/{note_id}")
    action: AuditAction
    object_type: str | None
    object_id: uuid.UUID | None
    trajectory_id: uuid.UUID | None
    participant_id: uuid.UUID | None = Field(description="Set when one participant was concerned")
    participant_count: int = Field(description="How many participants the answer concerned")
    client_address: str | None
    outcome: AuditOutcome
    status_code: int
    break_glass_grant_id: uuid.UUID | None
    break_glass_reason: str | None


class FileLook(ReadSchema):
    """One line of "who looked at my file" in a participant's export."""

    occurred_at: dt.datetime
    user_name: str | None
    user_role: str
    organisation_name: str | None
    action: AuditAction
    route: str
    object_type: str | None
    outcome: AuditOutcome
    break_glass_reason: str | None = Field(description="Why, when it was an emergency access")
