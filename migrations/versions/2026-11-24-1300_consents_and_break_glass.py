"""Consents per receiving organisation and data class; break-the-glass grants.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    op.create_table(
        "consents",
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("receiving_organisation_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(length=1000), nullable=False),
        sa.Column("covers_work", sa.Boolean(), nullable=False),
        sa.Column("covers_care", sa.Boolean(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column(
            "method", _enum("consent_method", "written", "digital", "verbal"), nullable=False
        ),
        sa.Column("information_text_version", sa.String(length=40), nullable=False),
        sa.Column("given_by", _enum("consent_given_by", "self", "representative"), nullable=False),
        sa.Column("representative_name", sa.String(length=200), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("evidence", sa.String(length=500), nullable=True),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_by", sa.Uuid(), nullable=True),
        sa.Column("withdrawal_reason", sa.String(length=1000), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "covers_work OR covers_care", name=op.f("ck_consents_covers_a_data_class")
        ),
        sa.CheckConstraint(
            "expires_on IS NULL OR expires_on >= given_on",
            name=op.f("ck_consents_expires_after_given"),
        ),
        sa.CheckConstraint(
            "withdrawn_on IS NULL OR withdrawn_on >= given_on",
            name=op.f("ck_consents_withdrawn_after_given"),
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_consents_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["receiving_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_consents_receiving_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["users.id"],
            name=op.f("fk_consents_recorded_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["withdrawn_by"],
            ["users.id"],
            name=op.f("fk_consents_withdrawn_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    op.create_index(
        "ix_consents_participant_id_receiving",
        "consents",
        ["participant_id", "receiving_organisation_id"],
    )
    op.create_index(
        op.f("ix_consents_receiving_organisation_id"), "consents", ["receiving_organisation_id"]
    )
    op.create_table(
        "break_glass_grants",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_break_glass_grants_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_break_glass_grants_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_break_glass_grants_user_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_break_glass_grants")),
    )
    op.create_index(
        "ix_break_glass_grants_user_trajectory",
        "break_glass_grants",
        ["user_id", "trajectory_id", "expires_at"],
    )
    op.create_index(
        op.f("ix_break_glass_grants_trajectory_id"), "break_glass_grants", ["trajectory_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_break_glass_grants_trajectory_id"), table_name="break_glass_grants")
    op.drop_index("ix_break_glass_grants_user_trajectory", table_name="break_glass_grants")
    op.drop_table("break_glass_grants")
    op.drop_index(op.f("ix_consents_receiving_organisation_id"), table_name="consents")
    op.drop_index("ix_consents_participant_id_receiving", table_name="consents")
    op.drop_table("consents")
