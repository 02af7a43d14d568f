"""Work-floor life and progress: placements, attendance, competence items, progress logs,
goals and activation sessions. Every record hangs off one trajectory (directly or through its
placement), so access follows the trajectory.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    ColumnElement,
    ForeignKey,
    Index,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    and_,
    or_,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.database import Base, IdMixin, TimestampMixin, VersionedMixin
from app.core.types import str_enum

MAX_HOURS_PER_HALF_DAY = 5


class HalfDay(StrEnum):
    AM = "am"
    PM = "pm"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    ABSENT_EXCUSED = "absent_excused"
    ABSENT_UNEXCUSED = "absent_unexcused"
    SICK = "sick"


class GoalDomain(StrEnum):
    WORK = "work"
    CARE = "care"
    EMPOWERMENT = "empowerment"
    INCOME = "income"
    TRAINING = "training"
    MOBILITY = "mobility"
    HOUSING = "housing"


class GoalStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class SessionComponent(StrEnum):
    CARE = "care"
    EMPOWERMENT = "empowerment"
    JOB_SEARCH = "job_search"
    GROUP_MODULE = "group_module"


class Placement(IdMixin, TimestampMixin, VersionedMixin, Base):
    """A plaatsing: one participant (through the trajectory) on one work floor for a period."""

    __tablename__ = "placements"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        CheckConstraint(
            "planned_hours_per_week >= 0 AND planned_hours_per_week <= 40", name="hours_in_range"
        ),
        CheckConstraint(
            "planned_half_days_per_week >= 0 AND planned_half_days_per_week <= 10",
            name="half_days_in_range",
        ),
        Index("ix_placements_trajectory_id_start_date", "trajectory_id", "start_date"),
        # The daily list and the capacity check: placements on a floor active on a date.
        Index("ix_placements_work_floor_id_start_date", "work_floor_id", "start_date"),
    )

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE")
    )
    work_floor_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("work_floors.id", ondelete="RESTRICT")
    )
    coach_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    agreement_reference: Mapped[str | None] = mapped_column(String(100))
    dimona_declared: Mapped[bool] = mapped_column(default=False)
    planned_hours_per_week: Mapped[Decimal] = mapped_column(Numeric(4, 2))
    planned_half_days_per_week: Mapped[int]
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date | None]
    # Set when the floor was full on the start date and someone placed the participant anyway.
    capacity_override_reason: Mapped[str | None] = mapped_column(String(500))
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    def is_active_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


class Attendance(IdMixin, TimestampMixin, VersionedMixin, Base):
    """Aanwezigheid: one mark per placement, date and half-day."""

    __tablename__ = "attendances"
    __table_args__ = (
        # Also the index for `?from=&to=` on one placement and for a floor's day.
        UniqueConstraint("placement_id", "date", "half_day"),
        CheckConstraint(
            f"hours >= 0 AND hours <= {MAX_HOURS_PER_HALF_DAY}", name="hours_in_half_day"
        ),
    )

    placement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placements.id", ondelete="CASCADE"))
    date: Mapped[dt.date]
    half_day: Mapped[HalfDay] = mapped_column(str_enum(HalfDay, "half_day"))
    status: Mapped[AttendanceStatus] = mapped_column(
        str_enum(AttendanceStatus, "attendance_status")
    )
    hours: Mapped[Decimal] = mapped_column(Numeric(3, 2))
    reason: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class CompetenceItem(IdMixin, VersionedMixin, Base):
    """A work attitude scored in progress logs. Organisation NULL: the default set (seeded).

    Never deleted: progress scores point at their item. An item that is no longer scored is
    deactivated; its code never changes (scores also keep the code).
    """

    __tablename__ = "competence_items"
    __table_args__ = (
        UniqueConstraint("organisation_id", "code"),
        # NULLs are distinct in a unique constraint: the default set needs its own index.
        Index(
            "uq_competence_items_default_code",
            "code",
            unique=True,
            sqlite_where=text("organisation_id IS NULL"),
            postgresql_where=text("organisation_id IS NULL"),
        ),
    )

    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE")
    )
    code: Mapped[str] = mapped_column(String(50))
    name_nl: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(default=0)
    is_active: Mapped[bool] = mapped_column(default=True)
    # Rows inserted without the ORM (the migration's seed, bulk loaders) start at version 1.
    version: Mapped[int] = mapped_column(nullable=False, server_default=text("1"))


class ProgressLog(IdMixin, TimestampMixin, VersionedMixin, Base):
    """Voortgangsverslag: scores on competence items and free text, by one author."""

    __tablename__ = "progress_logs"
    __table_args__ = (
        Index("ix_progress_logs_trajectory_id_logged_on", "trajectory_id", "logged_on"),
    )

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE")
    )
    placement_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("placements.id", ondelete="SET NULL"), index=True
    )
    author_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), index=True
    )
    logged_on: Mapped[dt.date]
    text: Mapped[str | None] = mapped_column(Text)

    scores: Mapped[list[ProgressScore]] = relationship(
        lazy="raise",
        cascade="all, delete-orphan",
        passive_deletes=True,  # ON DELETE CASCADE removes them with the log
        order_by="ProgressScore.sort_order",
    )


class ProgressScore(IdMixin, Base):
    """One item's score in one log: 1 not yet … 4 independently, NULL not observed."""

    __tablename__ = "progress_scores"
    __table_args__ = (
        UniqueConstraint("progress_log_id", "competence_item_id"),
        CheckConstraint("score IS NULL OR (score >= 1 AND score <= 4)", name="score_in_scale"),
    )

    progress_log_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("progress_logs.id", ondelete="CASCADE")
    )
    competence_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("competence_items.id", ondelete="RESTRICT"), index=True
    )
    # Copied from the item when scored, so a log reads back in the order it was written
    # even if the organisation later reorders or renames its items.
    item_code: Mapped[str] = mapped_column(String(50))
    sort_order: Mapped[int] = mapped_column(default=0)
    score: Mapped[int | None]


class Goal(IdMixin, TimestampMixin, VersionedMixin, Base):
    """Doel / actiepunt."""

    __tablename__ = "goals"
    __table_args__ = (
        # `?status=` and `?overdue=true` (open and due before today).
        Index("ix_goals_trajectory_id_status_due_on", "trajectory_id", "status", "due_on"),
        Index("ix_goals_trajectory_id_created_at", "trajectory_id", "created_at"),
    )

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE")
    )
    domain: Mapped[GoalDomain] = mapped_column(str_enum(GoalDomain, "goal_domain"))
    description: Mapped[str] = mapped_column(String(1000))
    owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    due_on: Mapped[dt.date | None]
    status: Mapped[GoalStatus] = mapped_column(
        str_enum(GoalStatus, "goal_status"), default=GoalStatus.OPEN
    )
    evaluation: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    # Overdue: open and due before today. The one definition, as a filter and for one goal,
    # used by the goals list, the goal itself and the caseload (app/participants).

    @classmethod
    def overdue_on(cls, today: dt.date) -> ColumnElement[bool]:
        return and_(cls.status == GoalStatus.OPEN, cls.due_on < today)

    @classmethod
    def not_overdue_on(cls, today: dt.date) -> ColumnElement[bool]:
        # Spelled out: NOT (… due_on < today) is NULL, not true, for goals without a due date.
        return or_(cls.status != GoalStatus.OPEN, cls.due_on.is_(None), cls.due_on >= today)

    def is_overdue_on(self, today: dt.date) -> bool:
        return self.status == GoalStatus.OPEN and self.due_on is not None and self.due_on < today

    @property
    def overdue(self) -> bool:
        return self.is_overdue_on(dt.date.today())


class ActivationSession(IdMixin, TimestampMixin, VersionedMixin, Base):
    """Activeringsbegeleiding: one care, empowerment, job-search or group session."""

    __tablename__ = "activation_sessions"
    __table_args__ = (
        CheckConstraint("minutes >= 1 AND minutes <= 600", name="minutes_in_range"),
        Index("ix_activation_sessions_trajectory_id_held_on", "trajectory_id", "held_on"),
    )

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE")
    )
    component: Mapped[SessionComponent] = mapped_column(
        str_enum(SessionComponent, "session_component")
    )
    provider: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date]
    minutes: Mapped[int]
    report: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


# The default competence items (domain.md, "Progress log"), seeded by migration 0003 with
# these fixed ids. Tests restore them from here after the harness empties the tables.
DEFAULT_COMPETENCE_ITEMS: list[tuple[str, str, str]] = [
    ("punctuality", "Stiptheid", "Punctuality"),
    ("keeping_agreements", "Afspraken nakomen", "Keeping agreements"),
    ("following_instructions", "Instructies opvolgen", "Following instructions"),
    ("pace", "Werktempo", "Pace"),
    ("quality", "Kwaliteit", "Quality"),
    ("independence", "Zelfstandigheid", "Independence"),
    ("teamwork", "Samenwerken", "Teamwork"),
    ("handling_feedback", "Omgaan met feedback", "Handling feedback"),
    (
        "communicating_with_supervisor",
        "Communicatie met de begeleider",
        "Communicating with the supervisor",
    ),
    ("safety_and_hygiene", "Veiligheid en hygiëne", "Safety and hygiene"),
    ("stamina_in_hours", "Belastbaarheid in uren", "Stamina in hours"),
    ("flexibility", "Flexibiliteit", "Flexibility"),
]
DEFAULT_ITEMS_NAMESPACE = uuid.UUID("6f1d2b52-2f1e-4b1a-9c55-0d7a3c1e0003")


def default_competence_item_rows() -> list[dict[str, object]]:
    return [
        {
            "id": uuid.uuid5(DEFAULT_ITEMS_NAMESPACE, code),
            "organisation_id": None,
            "code": code,
            "name_nl": name_nl,
            "name_en": name_en,
            "sort_order": position,
            "is_active": True,
            "version": 1,
        }
        for position, (code, name_nl, name_en) in enumerate(DEFAULT_COMPETENCE_ITEMS, start=1)
    ]
