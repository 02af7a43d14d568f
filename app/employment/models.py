"""Employers (werkgevers), employer contacts (IPS job development), internships and jobs."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.core.database import Base, IdMixin, TimestampMixin, VersionedMixin
from app.core.text import fold
from app.core.types import str_enum


class ContactPurpose(StrEnum):
    JOB_DEVELOPMENT = "job_development"
    JOB_SEARCH_FOR_PARTICIPANT = "job_search_for_participant"
    FOLLOW_UP = "follow_up"
    OTHER = "other"


class InternshipType(StrEnum):
    WORK_EXPERIENCE = "work_experience"  # werkervaringsstage (≤ 6 months)
    IBO = "ibo"  # individuele beroepsopleiding
    TRAINING = "training"  # opleidingsstage
    BIS = "bis"  # beroepsinlevingsstage
    DUO_DAY = "duo_day"
    EXTERNAL_WORK_FLOOR = "external_work_floor"  # module internship
    # Replaced by work_experience from 2023-01-01; valid only for records that started earlier.
    ACTIVATION = "activation"
    EXPLORATORY = "exploratory"


LEGACY_INTERNSHIP_TYPES = frozenset({InternshipType.ACTIVATION, InternshipType.EXPLORATORY})
LEGACY_INTERNSHIP_TYPES_END = date(2023, 1, 1)
WORK_EXPERIENCE_MAX_MONTHS = 6


class InternshipResult(StrEnum):
    ONGOING = "ongoing"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    LED_TO_JOB = "led_to_job"


class ContractType(StrEnum):
    PERMANENT = "permanent"
    FIXED_TERM = "fixed_term"
    TEMP_AGENCY = "temp_agency"
    SELF_EMPLOYED = "self_employed"
    FLEXI = "flexi"
    OTHER = "other"


class SupportInstrument(StrEnum):
    INDIVIDUAL_MAATWERK = "individual_maatwerk"
    COLLECTIVE_MAATWERK = "collective_maatwerk"
    VOP_LEGACY = "vop_legacy"  # became individual maatwerk on 2023-07-01
    LDE_LEGACY = "lde_legacy"  # lokale diensteneconomie
    TWE_ART60 = "twe_art60"  # tijdelijke werkervaring / OCMW article 60
    NONE = "none"


# IPS counts only jobs on the regular labour market as competitive employment: wage support
# for the person (individual maatwerk, formerly VOP) keeps a job regular, a sheltered or
# subsidised setting (maatwerkbedrijf, LDE, TWE/art. 60) does not. See domain.md, outflow table.
COMPETITIVE_INSTRUMENTS = frozenset(
    {SupportInstrument.NONE, SupportInstrument.INDIVIDUAL_MAATWERK, SupportInstrument.VOP_LEGACY}
)


def is_competitive(instrument: SupportInstrument) -> bool:
    return instrument in COMPETITIVE_INSTRUMENTS


class Disclosure(StrEnum):
    DISCLOSED = "disclosed"
    NOT_DISCLOSED = "not_disclosed"
    PARTLY = "partly"
    UNKNOWN = "unknown"


class Employer(IdMixin, TimestampMixin, VersionedMixin, Base):
    """An employer as one organisation knows it: its own contact data, its own list."""

    __tablename__ = "employers"
    __table_args__ = (
        Index("ix_employers_organisation_id_name", "organisation_id", "name"),
        Index("ix_employers_organisation_id_created_at", "organisation_id", "created_at"),
        UniqueConstraint("organisation_id", "kbo_number"),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    name: Mapped[str] = mapped_column(String(200))
    search_key: Mapped[str] = mapped_column(String(200))
    kbo_number: Mapped[str | None] = mapped_column(String(10))
    sector: Mapped[str | None] = mapped_column(String(200))
    municipality: Mapped[str | None] = mapped_column(String(200))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    @validates("name")
    def _keep_search_key(self, _key: str, name: str) -> str:
        self.search_key = fold(name)
        return name


class EmployerContact(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "employer_contacts"
    __table_args__ = (
        Index(
            "ix_employer_contacts_organisation_id_contacted_on", "organisation_id", "contacted_on"
        ),
        Index("ix_employer_contacts_employer_id_contacted_on", "employer_id", "contacted_on"),
        Index("ix_employer_contacts_staff_id_contacted_on", "staff_id", "contacted_on"),
    )

    # The organisation of the staff member who made the contact: it owns the record.
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    employer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employers.id", ondelete="RESTRICT"))
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    contacted_on: Mapped[date]
    in_person: Mapped[bool]
    purpose: Mapped[ContactPurpose] = mapped_column(str_enum(ContactPurpose, "contact_purpose"))
    summary: Mapped[str | None] = mapped_column(String(2000))

    trajectory_links: Mapped[list[EmployerContactTrajectory]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def trajectory_ids(self) -> list[uuid.UUID]:
        return sorted(link.trajectory_id for link in self.trajectory_links)


class EmployerContactTrajectory(Base):
    """A participant's trajectory an employer contact was (also) about."""

    __tablename__ = "employer_contact_trajectories"

    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("employer_contacts.id", ondelete="CASCADE"), primary_key=True
    )
    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Internship(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "internships"
    __table_args__ = (
        Index("ix_internships_trajectory_id_start_date", "trajectory_id", "start_date"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        CheckConstraint(
            "hours_per_week IS NULL OR (hours_per_week >= 0 AND hours_per_week <= 40)",
            name="hours_per_week_in_range",
        ),
    )

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE")
    )
    type: Mapped[InternshipType] = mapped_column(str_enum(InternshipType, "internship_type"))
    employer_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("employers.id", ondelete="RESTRICT"), index=True
    )
    mentor_name: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    hours_per_week: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    early_end_reason: Mapped[str | None] = mapped_column(String(1000))
    result: Mapped[InternshipResult] = mapped_column(
        str_enum(InternshipResult, "internship_result")
    )
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class Job(IdMixin, TimestampMixin, VersionedMixin, Base):
    """A tewerkstelling: a paid job of one participant, whatever trajectory led to it."""

    __tablename__ = "jobs"
    __table_args__ = (
        Index("ix_jobs_participant_id_start_date", "participant_id", "start_date"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        CheckConstraint(
            "hours_per_week IS NULL OR (hours_per_week >= 0 AND hours_per_week <= 60)",
            name="hours_per_week_in_range",
        ),
        CheckConstraint(
            "gross_hourly_wage IS NULL OR (gross_hourly_wage >= 0 AND gross_hourly_wage <= 200)",
            name="gross_hourly_wage_in_range",
        ),
    )

    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    trajectory_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("trajectories.id", ondelete="SET NULL"), index=True
    )
    employer_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("employers.id", ondelete="RESTRICT"), index=True
    )
    occupation: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    end_reason: Mapped[str | None] = mapped_column(String(1000))
    contract_type: Mapped[ContractType] = mapped_column(str_enum(ContractType, "contract_type"))
    hours_per_week: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    gross_hourly_wage: Mapped[Decimal | None] = mapped_column(Numeric(7, 2))
    support_instrument: Mapped[SupportInstrument] = mapped_column(
        str_enum(SupportInstrument, "support_instrument")
    )
    disclosure: Mapped[Disclosure] = mapped_column(str_enum(Disclosure, "disclosure"))
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    @property
    def competitive(self) -> bool:
        return is_competitive(self.support_instrument)
