"""Indexes for the caseload: its sorts within an organisation and ?coach_id=.

The composite (user_id, to_date) on team_members replaces the single-column user_id index (it
serves the same lookups, including the foreign key's).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 12:12:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_participants_organisation_id_birth_date",
        "participants",
        ["organisation_id", "birth_date"],
        unique=False,
    )
    op.create_index(
        "ix_participants_organisation_id_created_at",
        "participants",
        ["organisation_id", "created_at"],
        unique=False,
    )
    op.create_index(
        "ix_team_members_user_id_to_date", "team_members", ["user_id", "to_date"], unique=False
    )
    op.drop_index(op.f("ix_team_members_user_id"), table_name="team_members")


def downgrade() -> None:
    op.create_index(op.f("ix_team_members_user_id"), "team_members", ["user_id"], unique=False)
    op.drop_index("ix_team_members_user_id_to_date", table_name="team_members")
    op.drop_index("ix_participants_organisation_id_created_at", table_name="participants")
    op.drop_index("ix_participants_organisation_id_birth_date", table_name="participants")
