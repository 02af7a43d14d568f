"""Retention and erasure: when each data class was de-identified, and the erasure register.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-24 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STAMPS = {
    "participants": ("contact_anonymised_at", "identity_anonymised_at", "erased_at"),
    "trajectories": ("care_anonymised_at", "work_anonymised_at", "anonymised_at"),
}


def upgrade() -> None:
    for table, columns in STAMPS.items():
        for column in columns:
            op.add_column(table, sa.Column(column, sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "erasures",
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requested_by", sa.Uuid(), nullable=True),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasures")),
        sa.UniqueConstraint("participant_id", name=op.f("uq_erasures_participant_id")),
    )


def downgrade() -> None:
    op.drop_table("erasures")
    for table, columns in STAMPS.items():
        for column in reversed(columns):
            # In place (SQLite >= 3.35), not batch mode: copying the table would drop the
            # original, and with foreign keys on that cascades into consents, jobs and the rest.
            op.drop_column(table, column)
