"""Funder months (doorstroombegeleidingsmaanden): only the manager's decision is stored.

Whether a month was realised (active, with logged actions) is derived from the case file every
time it is read (see service.py), so it can never drift from the records that justify it.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base, IdMixin, TimestampMixin, VersionedMixin
from app.core.types import str_enum


class FunderDecision(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"


class FunderMonth(IdMixin, TimestampMixin, VersionedMixin, Base):
    """A manager's decision on one trajectory's month (``month`` is the month's first day)."""

    __tablename__ = "funder_months"
    __table_args__ = (
        # One decision per trajectory and month; also the index for a trajectory's months.
        UniqueConstraint("trajectory_id", "month"),
        # The funder report: approved months in a year.
        Index("ix_funder_months_decision_month", "decision", "month"),
        CheckConstraint("decision = 'approved' OR comment IS NOT NULL", name="rejection_comment"),
    )

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE")
    )
    month: Mapped[date]
    decision: Mapped[FunderDecision] = mapped_column(str_enum(FunderDecision, "funder_decision"))
    comment: Mapped[str | None] = mapped_column(String(2000))
    decided_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    decided_at: Mapped[datetime]
