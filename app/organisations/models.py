"""Organisations, their work floors, partnerships between them, and the frameworks (kaders)."""

from __future__ import annotations

import uuid
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.core.database import Base, IdMixin, TimestampMixin, VersionedMixin
from app.core.text import fold
from app.core.types import str_enum


class OrganisationKind(StrEnum):
    WORK_CARE = "work_care"
    MAATWERKBEDRIJF = "maatwerkbedrijf"
    MEDIATION = "mediation"
    CARE = "care"
    EMPOWERMENT = "empowerment"
    OCMW = "ocmw"
    EMPLOYER = "employer"
    FUNDER = "funder"
    PLATFORM = "platform"  # the organisation that runs this Werkpad installation


class Province(StrEnum):
    ANTWERPEN = "antwerpen"
    LIMBURG = "limburg"
    OOST_VLAANDEREN = "oost_vlaanderen"
    VLAAMS_BRABANT = "vlaams_brabant"
    WEST_VLAANDEREN = "west_vlaanderen"
    BRUSSEL = "brussel"


class PartnerRole(StrEnum):
    WORK_CARE = "work_care"
    MEDIATION = "mediation"
    CARE = "care"
    EMPOWERMENT = "empowerment"


class Organisation(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "organisations"

    name: Mapped[str] = mapped_column(String(200), index=True)
    search_key: Mapped[str] = mapped_column(String(200), index=True)
    kbo_number: Mapped[str | None] = mapped_column(String(10), unique=True)
    kind: Mapped[OrganisationKind] = mapped_column(str_enum(OrganisationKind, "organisation_kind"))
    ama_recognition_number: Mapped[str | None] = mapped_column(String(50))
    province: Mapped[Province | None] = mapped_column(str_enum(Province, "province"))

    @validates("name")
    def _keep_search_key(self, _key: str, name: str) -> str:
        self.search_key = fold(name)
        return name


class WorkFloor(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "work_floors"
    __table_args__ = (
        UniqueConstraint("organisation_id", "name"),
        CheckConstraint("capacity >= 0", name="capacity_not_negative"),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    activity: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    capacity: Mapped[int] = mapped_column(default=0)
    is_active: Mapped[bool] = mapped_column(default=True)


class Partnership(IdMixin, TimestampMixin, VersionedMixin, Base):
    """A samenwerkingsverband; the lead organisation is eindverantwoordelijke toward the funder."""

    __tablename__ = "partnerships"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    lead_organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )

    members: Mapped[list[PartnershipMember]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="PartnershipMember.partner_role"
    )


class PartnershipMember(IdMixin, Base):
    __tablename__ = "partnership_members"
    __table_args__ = (UniqueConstraint("partnership_id", "organisation_id"),)

    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    partner_role: Mapped[PartnerRole] = mapped_column(str_enum(PartnerRole, "partner_role"))

    organisation: Mapped[Organisation] = relationship(lazy="raise")

    @property
    def organisation_name(self) -> str:
        return self.organisation.name


class Framework(Base):
    """A kader: reference data seeded by a migration, read-only through the API."""

    __tablename__ = "frameworks"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_nl: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    min_months: Mapped[int | None]
    max_months: Mapped[int | None]
    min_hours_per_week: Mapped[int | None]
    sort_order: Mapped[int] = mapped_column(default=0)
