"""Progress: placements, attendance, competence items (default set seeded), progress logs,
goals and activation sessions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 11:59:05.041887
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The default competence items (domain.md, "Progress log"): a copy, not an import, so this
# migration keeps producing the same rows whatever later happens to app.progress.models.
DEFAULT_ITEMS_NAMESPACE = uuid.UUID("6f1d2b52-2f1e-4b1a-9c55-0d7a3c1e0003")
DEFAULT_COMPETENCE_ITEMS = [
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


def upgrade() -> None:
    competence_items = op.create_table(
        "competence_items",
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name_nl", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_competence_items_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competence_items")),
        sa.UniqueConstraint(
            "organisation_id", "code", name=op.f("uq_competence_items_organisation_id_code")
        ),
    )

    with op.batch_alter_table("competence_items", schema=None) as batch_op:
        batch_op.create_index(
            "uq_competence_items_default_code",
            ["code"],
            unique=True,
            sqlite_where=sa.text("organisation_id IS NULL"),
            postgresql_where=sa.text("organisation_id IS NULL"),
        )

    op.bulk_insert(
        competence_items,
        [
            {
                "id": uuid.uuid5(DEFAULT_ITEMS_NAMESPACE, code),
                "organisation_id": None,
                "code": code,
                "name_nl": name_nl,
                "name_en": name_en,
                "sort_order": position,
                "is_active": True,
            }
            for position, (code, name_nl, name_en) in enumerate(DEFAULT_COMPETENCE_ITEMS, start=1)
        ],
    )

    op.create_table(
        "activation_sessions",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column(
            "component",
            sa.Enum(
                "care",
                "empowerment",
                "job_search",
                "group_module",
                name="session_component",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("report", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "minutes >= 1 AND minutes <= 600", name=op.f("ck_activation_sessions_minutes_in_range")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_activation_sessions_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_activation_sessions_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activation_sessions")),
    )

    with op.batch_alter_table("activation_sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_activation_sessions_trajectory_id_held_on",
            ["trajectory_id", "held_on"],
            unique=False,
        )

    op.create_table(
        "goals",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column(
            "domain",
            sa.Enum(
                "work",
                "care",
                "empowerment",
                "income",
                "training",
                "mobility",
                "housing",
                name="goal_domain",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.String(length=1000), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "done",
                "dropped",
                name="goal_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("evaluation", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_goals_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_goals_owner_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_goals_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )

    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(
            "ix_goals_trajectory_id_created_at", ["trajectory_id", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_goals_trajectory_id_status_due_on",
            ["trajectory_id", "status", "due_on"],
            unique=False,
        )

    op.create_table(
        "placements",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column("work_floor_id", sa.Uuid(), nullable=False),
        sa.Column("coach_id", sa.Uuid(), nullable=True),
        sa.Column("agreement_reference", sa.String(length=100), nullable=True),
        sa.Column("dimona_declared", sa.Boolean(), nullable=False),
        sa.Column("planned_hours_per_week", sa.Numeric(precision=4, scale=2), nullable=False),
        sa.Column("planned_half_days_per_week", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("capacity_override_reason", sa.String(length=500), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_placements_dates_in_order")
        ),
        sa.CheckConstraint(
            "planned_half_days_per_week >= 0 AND planned_half_days_per_week <= 10",
            name=op.f("ck_placements_half_days_in_range"),
        ),
        sa.CheckConstraint(
            "planned_hours_per_week >= 0 AND planned_hours_per_week <= 40",
            name=op.f("ck_placements_hours_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.id"],
            name=op.f("fk_placements_coach_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_placements_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_placements_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["work_floor_id"],
            ["work_floors.id"],
            name=op.f("fk_placements_work_floor_id_work_floors"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placements")),
    )

    with op.batch_alter_table("placements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_placements_coach_id"), ["coach_id"], unique=False)
        batch_op.create_index(
            "ix_placements_trajectory_id_start_date", ["trajectory_id", "start_date"], unique=False
        )
        batch_op.create_index(
            "ix_placements_work_floor_id_start_date", ["work_floor_id", "start_date"], unique=False
        )

    op.create_table(
        "attendances",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column(
            "half_day",
            sa.Enum(
                "am", "pm", name="half_day", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "present",
                "absent_excused",
                "absent_unexcused",
                "sick",
                name="attendance_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("hours", sa.Numeric(precision=3, scale=2), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "hours >= 0 AND hours <= 5", name=op.f("ck_attendances_hours_in_half_day")
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_attendances_placement_id_placements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["users.id"],
            name=op.f("fk_attendances_recorded_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendances")),
        sa.UniqueConstraint(
            "placement_id",
            "date",
            "half_day",
            name=op.f("uq_attendances_placement_id_date_half_day"),
        ),
    )

    op.create_table(
        "progress_logs",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column("placement_id", sa.Uuid(), nullable=True),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("logged_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_progress_logs_author_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_progress_logs_placement_id_placements"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_progress_logs_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_logs")),
    )

    with op.batch_alter_table("progress_logs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_progress_logs_author_id"), ["author_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_progress_logs_placement_id"), ["placement_id"], unique=False
        )
        batch_op.create_index(
            "ix_progress_logs_trajectory_id_logged_on", ["trajectory_id", "logged_on"], unique=False
        )

    op.create_table(
        "progress_scores",
        sa.Column("progress_log_id", sa.Uuid(), nullable=False),
        sa.Column("competence_item_id", sa.Uuid(), nullable=False),
        sa.Column("item_code", sa.String(length=50), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "score IS NULL OR (score >= 1 AND score <= 4)",
            name=op.f("ck_progress_scores_score_in_scale"),
        ),
        sa.ForeignKeyConstraint(
            ["competence_item_id"],
            ["competence_items.id"],
            name=op.f("fk_progress_scores_competence_item_id_competence_items"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["progress_log_id"],
            ["progress_logs.id"],
            name=op.f("fk_progress_scores_progress_log_id_progress_logs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_scores")),
        sa.UniqueConstraint(
            "progress_log_id",
            "competence_item_id",
            name=op.f("uq_progress_scores_progress_log_id_competence_item_id"),
        ),
    )

    with op.batch_alter_table("progress_scores", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_progress_scores_competence_item_id"),
            ["competence_item_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("progress_scores", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_scores_competence_item_id"))

    op.drop_table("progress_scores")

    with op.batch_alter_table("progress_logs", schema=None) as batch_op:
        batch_op.drop_index("ix_progress_logs_trajectory_id_logged_on")
        batch_op.drop_index(batch_op.f("ix_progress_logs_placement_id"))
        batch_op.drop_index(batch_op.f("ix_progress_logs_author_id"))

    op.drop_table("progress_logs")

    op.drop_table("attendances")

    with op.batch_alter_table("placements", schema=None) as batch_op:
        batch_op.drop_index("ix_placements_work_floor_id_start_date")
        batch_op.drop_index("ix_placements_trajectory_id_start_date")
        batch_op.drop_index(batch_op.f("ix_placements_coach_id"))

    op.drop_table("placements")

    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index("ix_goals_trajectory_id_status_due_on")
        batch_op.drop_index("ix_goals_trajectory_id_created_at")
        batch_op.drop_index(batch_op.f("ix_goals_owner_id"))

    op.drop_table("goals")

    with op.batch_alter_table("activation_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_activation_sessions_trajectory_id_held_on")

    op.drop_table("activation_sessions")

    with op.batch_alter_table("competence_items", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_competence_items_default_code",
            sqlite_where=sa.text("organisation_id IS NULL"),
            postgresql_where=sa.text("organisation_id IS NULL"),
        )

    op.drop_table("competence_items")
