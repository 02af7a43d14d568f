"""case file: participants and trajectories

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 11:47:28.892771
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "participants",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("preferred_name", sa.String(length=100), nullable=True),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("sort_name", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("insz", sa.String(length=11), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("target_psychological", sa.Boolean(), nullable=False),
        sa.Column("target_disability", sa.Boolean(), nullable=False),
        sa.Column("target_social", sa.Boolean(), nullable=False),
        sa.Column(
            "referral_source",
            sa.Enum(
                "vdab",
                "gtb",
                "ocmw",
                "mental_health",
                "caw",
                "gp",
                "self",
                "other",
                name="referral_source",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_participants_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_participants_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participants")),
        sa.UniqueConstraint(
            "organisation_id", "insz", name=op.f("uq_participants_organisation_id_insz")
        ),
    )
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participants_name_key"), ["name_key"], unique=False)
        batch_op.create_index(
            "ix_participants_name_key_birth_date", ["name_key", "birth_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_participants_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_participants_sort_name"), ["sort_name"], unique=False)

    op.create_table(
        "activity_permissions",
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column(
            "issued_by",
            sa.Enum(
                "advising_physician",
                "ocmw",
                "vdab",
                name="permission_issuer",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_activity_permissions_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_permissions")),
    )
    with op.batch_alter_table("activity_permissions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_permissions_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "benefit_statuses",
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "rva",
                "riziv_work_incapacitated",
                "leefloon",
                "ivt_it",
                "none",
                name="benefit_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_benefit_statuses_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benefit_statuses")),
    )
    with op.batch_alter_table("benefit_statuses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_benefit_statuses_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "trajectories",
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("framework_code", sa.String(length=40), nullable=False),
        sa.Column(
            "phase",
            sa.Enum(
                "intake",
                "placement",
                "activation",
                "internship",
                "outflow",
                name="phase",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "referred",
                "active",
                "paused",
                "closed",
                name="trajectory_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("phase_since", sa.Date(), nullable=False),
        sa.Column("pause_reason", sa.String(length=500), nullable=True),
        sa.Column("expected_return_on", sa.Date(), nullable=True),
        sa.Column("previous_trajectory_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_trajectories_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["framework_code"],
            ["frameworks.code"],
            name=op.f("fk_trajectories_framework_code_frameworks"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_trajectories_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_trajectories_participant_id_participants"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["previous_trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_trajectories_previous_trajectory_id_trajectories"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trajectories")),
    )
    with op.batch_alter_table("trajectories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trajectories_framework_code"), ["framework_code"], unique=False
        )
        batch_op.create_index(
            "ix_trajectories_organisation_id_status_phase",
            ["organisation_id", "status", "phase"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_trajectories_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(
            "uq_trajectories_one_open_per_framework",
            ["participant_id", "framework_code"],
            unique=True,
            sqlite_where=sa.text("status != 'closed'"),
            postgresql_where=sa.text("status != 'closed'"),
        )

    op.create_table(
        "vdab_advices",
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column(
            "advice",
            sa.Enum(
                "nec",
                "collective_maatwerk",
                "ama_social_economy",
                "arbeidszorg",
                "ama_welfare",
                "activation_trajectory",
                "not_referable",
                name="vdab_advice_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("advised_on", sa.Date(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_vdab_advices_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vdab_advices")),
    )
    with op.batch_alter_table("vdab_advices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vdab_advices_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "phase_changes",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column(
            "from_phase",
            sa.Enum(
                "intake",
                "placement",
                "activation",
                "internship",
                "outflow",
                name="from_phase",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_phase",
            sa.Enum(
                "intake",
                "placement",
                "activation",
                "internship",
                "outflow",
                name="to_phase",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("by_user_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.String(length=1000), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_user_id"],
            ["users.id"],
            name=op.f("fk_phase_changes_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_phase_changes_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phase_changes")),
    )
    with op.batch_alter_table("phase_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_phase_changes_trajectory_id_on", ["trajectory_id", "on"], unique=False
        )

    op.create_table(
        "status_changes",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "referred",
                "active",
                "paused",
                "closed",
                name="from_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "referred",
                "active",
                "paused",
                "closed",
                name="to_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("by_user_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.String(length=1000), nullable=True),
        sa.Column("expected_return_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_user_id"],
            ["users.id"],
            name=op.f("fk_status_changes_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_status_changes_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_changes")),
    )
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_status_changes_trajectory_id_on", ["trajectory_id", "on"], unique=False
        )

    op.create_table(
        "team_members",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "team_role",
            sa.Enum(
                "case_manager_work",
                "case_manager_care",
                "coach",
                "other",
                name="team_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("from_date", sa.Date(), nullable=False),
        sa.Column("to_date", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "to_date IS NULL OR to_date >= from_date", name=op.f("ck_team_members_dates_in_order")
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_team_members_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_team_members_user_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_members")),
        sa.UniqueConstraint(
            "trajectory_id", "user_id", name=op.f("uq_team_members_trajectory_id_user_id")
        ),
    )
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_members_trajectory_id"), ["trajectory_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_team_members_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_members_user_id"))
        batch_op.drop_index(batch_op.f("ix_team_members_trajectory_id"))

    op.drop_table("team_members")
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_status_changes_trajectory_id_on")

    op.drop_table("status_changes")
    with op.batch_alter_table("phase_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_phase_changes_trajectory_id_on")

    op.drop_table("phase_changes")
    with op.batch_alter_table("vdab_advices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vdab_advices_participant_id"))

    op.drop_table("vdab_advices")
    with op.batch_alter_table("trajectories", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_trajectories_one_open_per_framework",
            sqlite_where=sa.text("status != 'closed'"),
            postgresql_where=sa.text("status != 'closed'"),
        )
        batch_op.drop_index(batch_op.f("ix_trajectories_participant_id"))
        batch_op.drop_index("ix_trajectories_organisation_id_status_phase")
        batch_op.drop_index(batch_op.f("ix_trajectories_framework_code"))

    op.drop_table("trajectories")
    with op.batch_alter_table("benefit_statuses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_benefit_statuses_participant_id"))

    op.drop_table("benefit_statuses")
    with op.batch_alter_table("activity_permissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_permissions_participant_id"))

    op.drop_table("activity_permissions")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participants_sort_name"))
        batch_op.drop_index(batch_op.f("ix_participants_organisation_id"))
        batch_op.drop_index("ix_participants_name_key_birth_date")
        batch_op.drop_index(batch_op.f("ix_participants_name_key"))

    op.drop_table("participants")
