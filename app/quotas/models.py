"""The exports each user made recently, kept in the database so every worker counts alike."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base, IdMixin, utcnow


class ExportRequest(IdMixin, Base):
    __tablename__ = "export_requests"
    __table_args__ = (Index("ix_export_requests_user_id_requested_at", "user_id", "requested_at"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))  # participant, indicators, funder
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
