"""Trajectories (trajecten), their append-only phase and status history and the mini-team."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import User
from app.core.database import Base, IdMixin, TimestampMixin, VersionedMixin
from app.core.types import str_enum
from app.trajectories.phases import Phase, Status


class TeamRole(StrEnum):
    CASE_MANAGER_WORK = "case_manager_work"
    CASE_MANAGER_CARE = "case_manager_care"
    COACH = "coach"
    OTHER = "other"


class Trajectory(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "trajectories"
    __table_args__ = (
        # At most one open trajectory per participant and framework (domain.md).
        Index(
            "uq_trajectories_one_open_per_framework",
            "participant_id",
            "framework_code",
            unique=True,
            sqlite_where=text("status != 'closed'"),
            postgresql_where=text("status != 'closed'"),
        ),
        Index("ix_trajectories_organisation_id_status_phase", "organisation_id", "status", "phase"),
    )

    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT"), index=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    framework_code: Mapped[str] = mapped_column(
        ForeignKey("frameworks.code", ondelete="RESTRICT"), index=True
    )
    phase: Mapped[Phase] = mapped_column(str_enum(Phase, "phase"))
    status: Mapped[Status] = mapped_column(str_enum(Status, "trajectory_status"))
    referred_on: Mapped[date]
    started_on: Mapped[date | None]
    closed_on: Mapped[date | None]
    phase_since: Mapped[date]
    pause_reason: Mapped[str | None] = mapped_column(String(500))
    expected_return_on: Mapped[date | None]
    previous_trajectory_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("trajectories.id", ondelete="SET NULL")
    )
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    # Set by app/retention: care and work texts de-identified; anonymised_at once both are.
    care_anonymised_at: Mapped[datetime | None]
    work_anonymised_at: Mapped[datetime | None]
    anonymised_at: Mapped[datetime | None]


class PhaseChange(IdMixin, TimestampMixin, Base):
    """Append-only: rows are inserted, never updated or deleted."""

    __tablename__ = "phase_changes"
    __table_args__ = (Index("ix_phase_changes_trajectory_id_on", "trajectory_id", "on"),)

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE")
    )
    from_phase: Mapped[Phase | None] = mapped_column(str_enum(Phase, "from_phase"))
    to_phase: Mapped[Phase] = mapped_column(str_enum(Phase, "to_phase"))
    on: Mapped[date]
    by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    reason: Mapped[str | None] = mapped_column(String(1000))


class StatusChange(IdMixin, TimestampMixin, Base):
    """Append-only history of referred → active ⇄ paused → closed."""

    __tablename__ = "status_changes"
    __table_args__ = (Index("ix_status_changes_trajectory_id_on", "trajectory_id", "on"),)

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE")
    )
    from_status: Mapped[Status | None] = mapped_column(str_enum(Status, "from_status"))
    to_status: Mapped[Status] = mapped_column(str_enum(Status, "to_status"))
    on: Mapped[date]
    by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    reason: Mapped[str | None] = mapped_column(String(1000))
    expected_return_on: Mapped[date | None]


class TeamMember(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "team_members"
    __table_args__ = (
        UniqueConstraint("trajectory_id", "user_id"),
        CheckConstraint("to_date IS NULL OR to_date >= from_date", name="dates_in_order"),
        # A staff member's current memberships: the caseload's ?coach_id=.
        Index("ix_team_members_user_id_to_date", "user_id", "to_date"),
    )

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    team_role: Mapped[TeamRole] = mapped_column(str_enum(TeamRole, "team_role"))
    from_date: Mapped[date]
    to_date: Mapped[date | None]

    user: Mapped[User] = relationship(lazy="raise")

    @property
    def user_name(self) -> str:
        return self.user.name

    @property
    def organisation_id(self) -> uuid.UUID:
        return self.user.organisation_id

    @property
    def organisation_name(self) -> str:
        return self.user.organisation_name
