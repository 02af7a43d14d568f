"""Foundation: organisations, work floors, partnerships, users, tokens, frameworks.

Revision ID: 0001
Revises:
Create Date: 2026-11-24 11:30:46.676798
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Reference data (domain.md, "Framework"): durations in months, hours per week.
FRAMEWORKS = [
    {
        "code": "activation_trajectory",
        "name_nl": "Activeringstraject",
        "name_en": "Activation trajectory",
        "min_months": 3,
        "max_months": 18,
        "min_hours_per_week": None,
        "sort_order": 1,
    },
    {
        "code": "ama_social_economy",
        "name_nl": "AMA in de sociale economie",
        "name_en": "Work-like activities in the social economy",
        "min_months": None,
        "max_months": None,
        "min_hours_per_week": 12,
        "sort_order": 2,
    },
    {
        "code": "ama_welfare",
        "name_nl": "AMA welzijn (arbeidszorg)",
        "name_en": "Work-like activities in welfare (work care)",
        "min_months": None,
        "max_months": None,
        "min_hours_per_week": None,
        "sort_order": 3,
    },
    {
        "code": "doorstroom_province",
        "name_nl": "Provinciale doorstroombegeleiding",
        "name_en": "Provincial transition support",
        "min_months": None,
        "max_months": 24,
        "min_hours_per_week": None,
        "sort_order": 4,
    },
    {
        "code": "ips",
        "name_nl": "Werk Werkt! (IPS)",
        "name_en": "Individual Placement and Support (IPS)",
        "min_months": None,
        "max_months": None,
        "min_hours_per_week": None,
        "sort_order": 5,
    },
    {
        "code": "other",
        "name_nl": "Ander kader",
        "name_en": "Other framework",
        "min_months": None,
        "max_months": None,
        "min_hours_per_week": None,
        "sort_order": 6,
    },
]


def upgrade() -> None:
    frameworks_table = op.create_table(
        "frameworks",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_nl", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("min_months", sa.Integer(), nullable=True),
        sa.Column("max_months", sa.Integer(), nullable=True),
        sa.Column("min_hours_per_week", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_frameworks")),
    )
    op.bulk_insert(frameworks_table, FRAMEWORKS)
    op.create_table(
        "login_attempts",
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("client_address", sa.String(length=64), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempts")),
    )
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_login_attempts_client_address_attempted_at",
            ["client_address", "attempted_at"],
            unique=False,
        )
        batch_op.create_index(
            "ix_login_attempts_email_attempted_at", ["email", "attempted_at"], unique=False
        )

    op.create_table(
        "organisations",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("search_key", sa.String(length=200), nullable=False),
        sa.Column("kbo_number", sa.String(length=10), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "work_care",
                "maatwerkbedrijf",
                "mediation",
                "care",
                "empowerment",
                "ocmw",
                "employer",
                "funder",
                "platform",
                name="organisation_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("ama_recognition_number", sa.String(length=50), nullable=True),
        sa.Column(
            "province",
            sa.Enum(
                "antwerpen",
                "limburg",
                "oost_vlaanderen",
                "vlaams_brabant",
                "west_vlaanderen",
                "brussel",
                name="province",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("kbo_number", name=op.f("uq_organisations_kbo_number")),
    )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisations_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_organisations_search_key"), ["search_key"], unique=False
        )

    op.create_table(
        "partnerships",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("lead_organisation_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_partnerships_lead_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnerships")),
        sa.UniqueConstraint("name", name=op.f("uq_partnerships_name")),
    )
    with op.batch_alter_table("partnerships", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partnerships_lead_organisation_id"),
            ["lead_organisation_id"],
            unique=False,
        )

    op.create_table(
        "users",
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("search_key", sa.String(length=460), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "coach",
                "mediator",
                "counsellor",
                "manager",
                "admin",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("bound_by_professional_secrecy", sa.Boolean(), nullable=False),
        sa.Column("is_platform_admin", sa.Boolean(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_users_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_users_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "work_floors",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("activity", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("capacity >= 0", name=op.f("ck_work_floors_capacity_not_negative")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_work_floors_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_floors")),
        sa.UniqueConstraint(
            "organisation_id", "name", name=op.f("uq_work_floors_organisation_id_name")
        ),
    )
    with op.batch_alter_table("work_floors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_work_floors_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "partnership_members",
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column(
            "partner_role",
            sa.Enum(
                "work_care",
                "mediation",
                "care",
                "empowerment",
                name="partner_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_partnership_members_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnerships.id"],
            name=op.f("fk_partnership_members_partnership_id_partnerships"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnership_members")),
        sa.UniqueConstraint(
            "partnership_id",
            "organisation_id",
            name=op.f("uq_partnership_members_partnership_id_organisation_id"),
        ),
    )
    with op.batch_alter_table("partnership_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partnership_members_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_partnership_members_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "refresh_tokens",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_refresh_tokens_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refresh_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_refresh_tokens_token_hash")),
    )
    with op.batch_alter_table("refresh_tokens", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_refresh_tokens_family_id"), ["family_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_refresh_tokens_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("refresh_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refresh_tokens_user_id"))
        batch_op.drop_index(batch_op.f("ix_refresh_tokens_family_id"))

    op.drop_table("refresh_tokens")
    with op.batch_alter_table("partnership_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnership_members_partnership_id"))
        batch_op.drop_index(batch_op.f("ix_partnership_members_organisation_id"))

    op.drop_table("partnership_members")
    with op.batch_alter_table("work_floors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_floors_organisation_id"))

    op.drop_table("work_floors")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_users_name"))

    op.drop_table("users")
    with op.batch_alter_table("partnerships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnerships_lead_organisation_id"))

    op.drop_table("partnerships")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisations_search_key"))
        batch_op.drop_index(batch_op.f("ix_organisations_name"))

    op.drop_table("organisations")
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_login_attempts_email_attempted_at")
        batch_op.drop_index("ix_login_attempts_client_address_attempted_at")

    op.drop_table("login_attempts")
    op.drop_table("frameworks")
