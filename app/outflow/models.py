"""Outflow (uitstroom): how a trajectory ended; follow-ups (opvolging/nazorg) after it."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base, IdMixin, TimestampMixin, VersionedMixin
from app.core.types import str_enum
from app.outflow.categories import OutflowCategory


class FollowUpStatus(StrEnum):
    SAME_JOB = "same_job"
    OTHER_JOB = "other_job"
    NOT_WORKING = "not_working"
    TRAINING = "training"
    UNKNOWN = "unknown"  # never counted as working


WORKING_STATUSES = frozenset({FollowUpStatus.SAME_JOB, FollowUpStatus.OTHER_JOB})


class FollowUpSource(StrEnum):
    SELF_REPORT = "self_report"
    EMPLOYER = "employer"
    VDAB = "vdab"


class Outflow(IdMixin, TimestampMixin, VersionedMixin, Base):
    """One per trajectory: recording it moves the trajectory to phase ``outflow``."""

    __tablename__ = "outflows"
    __table_args__ = (Index("ix_outflows_date_category", "date", "category"),)

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE"), unique=True
    )
    date: Mapped[dt.date]
    category: Mapped[OutflowCategory] = mapped_column(str_enum(OutflowCategory, "outflow_category"))
    job_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="RESTRICT"), index=True
    )
    internship_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("internships.id", ondelete="RESTRICT"), index=True
    )
    reason: Mapped[str | None] = mapped_column(String(1000))
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class FollowUp(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "follow_ups"
    __table_args__ = (
        Index("ix_follow_ups_trajectory_id_due_on", "trajectory_id", "due_on"),
        CheckConstraint(
            "hours_per_week IS NULL OR (hours_per_week >= 0 AND hours_per_week <= 60)",
            name="hours_per_week_in_range",
        ),
        CheckConstraint(
            "months_after IS NULL OR months_after IN (3, 6, 12)", name="months_after_scheduled"
        ),
    )

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE")
    )
    outflow_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("outflows.id", ondelete="CASCADE"), index=True
    )
    # 3, 6 or 12 for the follow-ups a paid outflow schedules (retention at 3/6/12 months);
    # null for an extra one added by hand.
    months_after: Mapped[int | None]
    due_on: Mapped[dt.date]
    contacted_on: Mapped[dt.date | None]
    status: Mapped[FollowUpStatus | None] = mapped_column(
        str_enum(FollowUpStatus, "follow_up_status")
    )
    hours_per_week: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    source: Mapped[FollowUpSource | None] = mapped_column(
        str_enum(FollowUpSource, "follow_up_source")
    )
    note: Mapped[str | None] = mapped_column(String(1000))
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
