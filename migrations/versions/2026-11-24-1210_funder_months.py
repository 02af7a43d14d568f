"""Funder months: a manager's decision per trajectory and month.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 12:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "funder_months",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column(
            "decision",
            sa.Enum(
                "approved",
                "rejected",
                name="funder_decision",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("comment", sa.String(length=2000), nullable=True),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "decision = 'approved' OR comment IS NOT NULL",
            name=op.f("ck_funder_months_rejection_comment"),
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"],
            ["users.id"],
            name=op.f("fk_funder_months_decided_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_funder_months_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funder_months")),
        sa.UniqueConstraint(
            "trajectory_id", "month", name=op.f("uq_funder_months_trajectory_id_month")
        ),
    )
    op.create_index(
        "ix_funder_months_decision_month", "funder_months", ["decision", "month"], unique=False
    )
    op.create_index(
        op.f("ix_funder_months_decided_by"), "funder_months", ["decided_by"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_funder_months_decided_by"), table_name="funder_months")
    op.drop_index("ix_funder_months_decision_month", table_name="funder_months")
    op.drop_table("funder_months")
