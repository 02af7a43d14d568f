"""Idempotency keys: one stored answer per (user, key) so a retried POST is not done twice."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base, IdMixin
from app.core.types import str_enum


class KeyState(StrEnum):
    IN_PROGRESS = "in_progress"  # reserved; the route runs (or its process died: see service)
    COMPLETED = "completed"  # the 2xx answer is stored and is replayed for a retry


class IdempotencyKey(IdMixin, Base):
    __tablename__ = "idempotency_keys"
    # The unique constraint decides a race between two requests with the same key.
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    # sha256 of method, path, query string and body: the same key may not mean another request.
    fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[KeyState] = mapped_column(str_enum(KeyState, "idempotency_key_state"))
    response_status: Mapped[int | None]
    # [[name, value], ...] of the headers a client relies on (Location, ETag, Content-Type).
    response_headers: Mapped[list[Any] | None] = mapped_column(JSON)
    response_body: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)
