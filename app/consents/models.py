"""Consents (toestemmingen): the participant's permission to share their file with an
organisation, per data class. Checked on every read by app/access; never deleted, so the
history can show what was shared under which consent until when."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.database import Base, IdMixin, TimestampMixin, VersionedMixin
from app.core.types import str_enum
from app.organisations.models import Organisation


class DataClass(StrEnum):
    WORK = "work"  # trajectory, attendance, progress, employment, team notes
    CARE = "care"  # health and care information: care_shared notes


class ConsentMethod(StrEnum):
    WRITTEN = "written"
    DIGITAL = "digital"
    VERBAL = "verbal"  # recorded with a witness and evidence reference


class GivenBy(StrEnum):
    SELF = "self"
    REPRESENTATIVE = "representative"  # bewindvoerder, guardian, trusted person


class Consent(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "consents"
    __table_args__ = (
        Index(
            "ix_consents_participant_id_receiving", "participant_id", "receiving_organisation_id"
        ),
        CheckConstraint("covers_work OR covers_care", name="covers_a_data_class"),
        CheckConstraint("expires_on IS NULL OR expires_on >= given_on", name="expires_after_given"),
        CheckConstraint(
            "withdrawn_on IS NULL OR withdrawn_on >= given_on", name="withdrawn_after_given"
        ),
    )

    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    receiving_organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(1000))
    covers_work: Mapped[bool]
    covers_care: Mapped[bool]
    given_on: Mapped[date]
    method: Mapped[ConsentMethod] = mapped_column(str_enum(ConsentMethod, "consent_method"))
    information_text_version: Mapped[str] = mapped_column(String(40))
    given_by: Mapped[GivenBy] = mapped_column(str_enum(GivenBy, "consent_given_by"))
    representative_name: Mapped[str | None] = mapped_column(String(200))
    expires_on: Mapped[date | None]
    evidence: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    withdrawn_on: Mapped[date | None]
    withdrawn_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    withdrawal_reason: Mapped[str | None] = mapped_column(String(1000))

    # Loaded in the same statement: a consent is never shown without whom it is for.
    receiving_organisation: Mapped[Organisation] = relationship(lazy="joined")

    @property
    def receiving_organisation_name(self) -> str:
        return self.receiving_organisation.name

    @property
    def active(self) -> bool:
        return self.active_on(date.today())

    @property
    def data_classes(self) -> list[DataClass]:
        flags = ((DataClass.WORK, self.covers_work), (DataClass.CARE, self.covers_care))
        return [data_class for data_class, covered in flags if covered]

    def active_on(self, day: date) -> bool:
        return (
            self.given_on <= day
            and (self.expires_on is None or self.expires_on >= day)
            and (self.withdrawn_on is None or self.withdrawn_on > day)
        )
