"""Break-the-glass grants: emergency, time-limited, reasoned access outside one's scope."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base, IdMixin, TimestampMixin


class BreakGlassGrant(IdMixin, TimestampMixin, Base):
    """Append-only: a grant is never edited, it runs out (or is ended early by its holder)."""

    __tablename__ = "break_glass_grants"
    __table_args__ = (
        Index("ix_break_glass_grants_user_trajectory", "user_id", "trajectory_id", "expires_at"),
    )

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    reason: Mapped[str] = mapped_column(String(1000))
    started_at: Mapped[datetime]
    expires_at: Mapped[datetime]
