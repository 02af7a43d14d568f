"""The audit trail: one append-only, hash-chained row per request that read personal data or
changed anything (domain.md, "Audit event").

No foreign keys on purpose: the trail must outlive the people and files it mentions (an erased
participant's accesses stay accounted for), and a cascading delete or SET NULL would be an
UPDATE/DELETE that the append-only triggers refuse.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Index, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base
from app.core.types import str_enum


class AuditAction(StrEnum):
    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class AuditOutcome(StrEnum):
    OK = "ok"
    DENIED = "denied"  # 401/403
    NOT_FOUND = "not_found"  # 404: absent or not visible (probing shows up here)
    INVALID = "invalid"  # other 4xx: refused input, conflicts, stale versions
    ERROR = "error"  # 5xx


class AuditEvent(Base):
    """Written only by app/audit/service.append_event; never updated or deleted (triggers)."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_participant_id_seq", "participant_id", "seq"),
        Index("ix_audit_events_trajectory_id_seq", "trajectory_id", "seq"),
        Index("ix_audit_events_user_id_seq", "user_id", "seq"),
        Index("ix_audit_events_organisation_id_seq", "organisation_id", "seq"),
    )

    # Position in the chain: 1, 2, 3 … without gaps, so a removed event shows as a gap too.
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    id: Mapped[uuid.UUID] = mapped_column(unique=True)
    occurred_at: Mapped[datetime]
    user_id: Mapped[uuid.UUID]
    user_role: Mapped[str] = mapped_column(String(32))
    organisation_id: Mapped[uuid.UUID]
    method: Mapped[str] = mapped_column(String(8))
    route: Mapped[str] = mapped_column(String(300))  # the template: /api/v1/notes/{note_id}
    action: Mapped[AuditAction] = mapped_column(str_enum(AuditAction, "audit_action"))
    object_type: Mapped[str | None] = mapped_column(String(64))
    object_id: Mapped[uuid.UUID | None]
    trajectory_id: Mapped[uuid.UUID | None]
    participant_id: Mapped[uuid.UUID | None]  # the one participant the request concerned
    participant_count: Mapped[int] = mapped_column(Integer)  # how many (lists name several)
    client_address: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[AuditOutcome] = mapped_column(str_enum(AuditOutcome, "audit_outcome"))
    status_code: Mapped[int] = mapped_column(SmallInteger)
    break_glass_grant_id: Mapped[uuid.UUID | None]
    break_glass_reason: Mapped[str | None] = mapped_column(String(1000))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
