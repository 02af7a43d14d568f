"""employment and outflow: employers, employer contacts, internships, jobs, outflows, follow-ups

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 12:01:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "employers",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("search_key", sa.String(length=200), nullable=False),
        sa.Column("kbo_number", sa.String(length=10), nullable=True),
        sa.Column("sector", sa.String(length=200), nullable=True),
        sa.Column("municipality", sa.String(length=200), nullable=True),
        sa.Column("contact_name", sa.String(length=200), nullable=True),
        sa.Column("contact_email", sa.String(length=254), nullable=True),
        sa.Column("contact_phone", sa.String(length=40), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_employers_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_employers_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employers")),
        sa.UniqueConstraint(
            "organisation_id", "kbo_number", name=op.f("uq_employers_organisation_id_kbo_number")
        ),
    )
    with op.batch_alter_table("employers", schema=None) as batch_op:
        batch_op.create_index(
            "ix_employers_organisation_id_created_at",
            ["organisation_id", "created_at"],
            unique=False,
        )
        batch_op.create_index(
            "ix_employers_organisation_id_name", ["organisation_id", "name"], unique=False
        )

    op.create_table(
        "employer_contacts",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("employer_id", sa.Uuid(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("contacted_on", sa.Date(), nullable=False),
        sa.Column("in_person", sa.Boolean(), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum(
                "job_development",
                "job_search_for_participant",
                "follow_up",
                "other",
                name="contact_purpose",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("summary", sa.String(length=2000), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employers.id"],
            name=op.f("fk_employer_contacts_employer_id_employers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_employer_contacts_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["users.id"],
            name=op.f("fk_employer_contacts_staff_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer_contacts")),
    )
    with op.batch_alter_table("employer_contacts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_employer_contacts_employer_id_contacted_on",
            ["employer_id", "contacted_on"],
            unique=False,
        )
        batch_op.create_index(
            "ix_employer_contacts_organisation_id_contacted_on",
            ["organisation_id", "contacted_on"],
            unique=False,
        )
        batch_op.create_index(
            "ix_employer_contacts_staff_id_contacted_on", ["staff_id", "contacted_on"], unique=False
        )

    op.create_table(
        "employer_contact_trajectories",
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["employer_contacts.id"],
            name=op.f("fk_employer_contact_trajectories_contact_id_employer_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_employer_contact_trajectories_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "contact_id", "trajectory_id", name=op.f("pk_employer_contact_trajectories")
        ),
    )
    with op.batch_alter_table("employer_contact_trajectories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_employer_contact_trajectories_trajectory_id"),
            ["trajectory_id"],
            unique=False,
        )

    op.create_table(
        "internships",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "work_experience",
                "ibo",
                "training",
                "bis",
                "duo_day",
                "external_work_floor",
                "activation",
                "exploratory",
                name="internship_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("employer_id", sa.Uuid(), nullable=True),
        sa.Column("mentor_name", sa.String(length=200), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("hours_per_week", sa.Numeric(precision=4, scale=2), nullable=True),
        sa.Column("early_end_reason", sa.String(length=1000), nullable=True),
        sa.Column(
            "result",
            sa.Enum(
                "ongoing",
                "completed",
                "ended_early",
                "led_to_job",
                name="internship_result",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_internships_dates_in_order")
        ),
        sa.CheckConstraint(
            "hours_per_week IS NULL OR (hours_per_week >= 0 AND hours_per_week <= 40)",
            name=op.f("ck_internships_hours_per_week_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_internships_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employers.id"],
            name=op.f("fk_internships_employer_id_employers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_internships_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_internships")),
    )
    with op.batch_alter_table("internships", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_internships_employer_id"), ["employer_id"], unique=False
        )
        batch_op.create_index(
            "ix_internships_trajectory_id_start_date", ["trajectory_id", "start_date"], unique=False
        )

    op.create_table(
        "jobs",
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("trajectory_id", sa.Uuid(), nullable=True),
        sa.Column("employer_id", sa.Uuid(), nullable=True),
        sa.Column("occupation", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=1000), nullable=True),
        sa.Column(
            "contract_type",
            sa.Enum(
                "permanent",
                "fixed_term",
                "temp_agency",
                "self_employed",
                "flexi",
                "other",
                name="contract_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("hours_per_week", sa.Numeric(precision=4, scale=2), nullable=True),
        sa.Column("gross_hourly_wage", sa.Numeric(precision=7, scale=2), nullable=True),
        sa.Column(
            "support_instrument",
            sa.Enum(
                "individual_maatwerk",
                "collective_maatwerk",
                "vop_legacy",
                "lde_legacy",
                "twe_art60",
                "none",
                name="support_instrument",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "disclosure",
            sa.Enum(
                "disclosed",
                "not_disclosed",
                "partly",
                "unknown",
                name="disclosure",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_jobs_dates_in_order")
        ),
        sa.CheckConstraint(
            "gross_hourly_wage IS NULL OR (gross_hourly_wage >= 0 AND gross_hourly_wage <= 200)",
            name=op.f("ck_jobs_gross_hourly_wage_in_range"),
        ),
        sa.CheckConstraint(
            "hours_per_week IS NULL OR (hours_per_week >= 0 AND hours_per_week <= 60)",
            name=op.f("ck_jobs_hours_per_week_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_jobs_created_by_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employers.id"],
            name=op.f("fk_jobs_employer_id_employers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_jobs_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_jobs_trajectory_id_trajectories"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_jobs_employer_id"), ["employer_id"], unique=False)
        batch_op.create_index(
            "ix_jobs_participant_id_start_date", ["participant_id", "start_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_jobs_trajectory_id"), ["trajectory_id"], unique=False)

    op.create_table(
        "outflows",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "regular_job",
                "regular_job_supported",
                "self_employed",
                "temp_agency",
                "collective_maatwerk",
                "local_service_economy",
                "temporary_work_experience",
                "ibo",
                "training",
                "work_experience_internship",
                "ama_social_economy",
                "ama_welfare",
                "volunteering",
                "back_to_care",
                "drop_out",
                "moved",
                "deceased",
                "unknown",
                name="outflow_category",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("job_id", sa.Uuid(), nullable=True),
        sa.Column("internship_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.String(length=1000), nullable=True),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["internship_id"],
            ["internships.id"],
            name=op.f("fk_outflows_internship_id_internships"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_outflows_job_id_jobs"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["users.id"],
            name=op.f("fk_outflows_recorded_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_outflows_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outflows")),
        sa.UniqueConstraint("trajectory_id", name=op.f("uq_outflows_trajectory_id")),
    )
    with op.batch_alter_table("outflows", schema=None) as batch_op:
        batch_op.create_index("ix_outflows_date_category", ["date", "category"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_outflows_internship_id"), ["internship_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_outflows_job_id"), ["job_id"], unique=False)

    op.create_table(
        "follow_ups",
        sa.Column("trajectory_id", sa.Uuid(), nullable=False),
        sa.Column("outflow_id", sa.Uuid(), nullable=False),
        sa.Column("months_after", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("contacted_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "same_job",
                "other_job",
                "not_working",
                "training",
                "unknown",
                name="follow_up_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("hours_per_week", sa.Numeric(precision=4, scale=2), nullable=True),
        sa.Column(
            "source",
            sa.Enum(
                "self_report",
                "employer",
                "vdab",
                name="follow_up_source",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("note", sa.String(length=1000), nullable=True),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "hours_per_week IS NULL OR (hours_per_week >= 0 AND hours_per_week <= 60)",
            name=op.f("ck_follow_ups_hours_per_week_in_range"),
        ),
        sa.CheckConstraint(
            "months_after IS NULL OR months_after IN (3, 6, 12)",
            name=op.f("ck_follow_ups_months_after_scheduled"),
        ),
        sa.ForeignKeyConstraint(
            ["outflow_id"],
            ["outflows.id"],
            name=op.f("fk_follow_ups_outflow_id_outflows"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["users.id"],
            name=op.f("fk_follow_ups_recorded_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
            name=op.f("fk_follow_ups_trajectory_id_trajectories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_ups_outflow_id"), ["outflow_id"], unique=False)
        batch_op.create_index(
            "ix_follow_ups_trajectory_id_due_on", ["trajectory_id", "due_on"], unique=False
        )


def downgrade() -> None:
    op.drop_table("follow_ups")
    op.drop_table("outflows")
    op.drop_table("jobs")
    op.drop_table("internships")
    op.drop_table("employer_contact_trajectories")
    op.drop_table("employer_contacts")
    op.drop_table("employers")
