"""Participants (deelnemers) and the dated facts about them: benefits, permissions, advice."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base, IdMixin, TimestampMixin, VersionedMixin, utcnow
from app.core.types import str_enum
from app.participants.names import name_key, sort_name


class ReferralSource(StrEnum):
    VDAB = "vdab"
    GTB = "gtb"
    OCMW = "ocmw"
    MENTAL_HEALTH = "mental_health"  # CGG, psychiatric hospital, mobile team
    CAW = "caw"
    GP = "gp"
    SELF = "self"
    OTHER = "other"


class BenefitKind(StrEnum):
    RVA = "rva"  # unemployment benefit
    RIZIV_WORK_INCAPACITATED = "riziv_work_incapacitated"
    LEEFLOON = "leefloon"
    IVT_IT = "ivt_it"  # integratietegemoetkoming / inkomensvervangende tegemoetkoming
    NONE = "none"


class PermissionIssuer(StrEnum):
    ADVISING_PHYSICIAN = "advising_physician"  # adviserend arts of the health insurer
    OCMW = "ocmw"
    VDAB = "vdab"


class VdabAdviceKind(StrEnum):
    NEC = "nec"  # normaal economisch circuit
    COLLECTIVE_MAATWERK = "collective_maatwerk"
    AMA_SOCIAL_ECONOMY = "ama_social_economy"
    ARBEIDSZORG = "arbeidszorg"
    AMA_WELFARE = "ama_welfare"
    ACTIVATION_TRAJECTORY = "activation_trajectory"
    NOT_REFERABLE = "not_referable"


class Participant(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "participants"
    __table_args__ = (
        Index("ix_participants_name_key_birth_date", "name_key", "birth_date"),
        # The caseload's sorts within an organisation (name: ix_participants_sort_name).
        Index("ix_participants_organisation_id_birth_date", "organisation_id", "birth_date"),
        Index("ix_participants_organisation_id_created_at", "organisation_id", "created_at"),
        # Per organisation: a global unique INSZ would tell one organisation that another
        # already knows this person.
        UniqueConstraint("organisation_id", "insz"),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    preferred_name: Mapped[str | None] = mapped_column(String(100))
    # Lower-case, accent-free, particle-free "first last": duplicate checks and name search.
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    birth_date: Mapped[date]
    insz: Mapped[str | None] = mapped_column(String(11))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(8), default="nl")
    target_psychological: Mapped[bool] = mapped_column(default=False)
    target_disability: Mapped[bool] = mapped_column(default=False)
    target_social: Mapped[bool] = mapped_column(default=False)
    referral_source: Mapped[ReferralSource | None] = mapped_column(
        str_enum(ReferralSource, "referral_source")
    )
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    # Set by app/retention when a class of data was de-identified; erased_at on request.
    contact_anonymised_at: Mapped[datetime | None]
    identity_anonymised_at: Mapped[datetime | None]
    erased_at: Mapped[datetime | None]

    @property
    def target_groups(self) -> list[str]:
        flags = {
            "psychological": self.target_psychological,
            "disability": self.target_disability,
            "social": self.target_social,
        }
        return [group for group, flagged in flags.items() if flagged]

    def set_target_groups(self, groups: Sequence[str]) -> None:
        self.target_psychological = "psychological" in groups
        self.target_disability = "disability" in groups
        self.target_social = "social" in groups

    def set_name(self, first_name: str, last_name: str) -> None:
        self.first_name = first_name
        self.last_name = last_name
        self.name_key = name_key(first_name, last_name)
        self.sort_name = sort_name(first_name, last_name)


class BenefitStatus(IdMixin, TimestampMixin, Base):
    __tablename__ = "benefit_statuses"

    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[BenefitKind] = mapped_column(str_enum(BenefitKind, "benefit_kind"))
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]


class ActivityPermission(IdMixin, TimestampMixin, Base):
    """Toelating: required before someone on sickness benefit or leefloon may start."""

    __tablename__ = "activity_permissions"

    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    issued_by: Mapped[PermissionIssuer] = mapped_column(
        str_enum(PermissionIssuer, "permission_issuer")
    )
    granted_on: Mapped[date]
    valid_until: Mapped[date | None]
    reference: Mapped[str | None] = mapped_column(String(100))


class VdabAdvice(IdMixin, TimestampMixin, Base):
    __tablename__ = "vdab_advices"

    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    advice: Mapped[VdabAdviceKind] = mapped_column(str_enum(VdabAdviceKind, "vdab_advice_kind"))
    advised_on: Mapped[date]


class ParticipantChange(IdMixin, Base):
    """One field of a participant as it was before and after an edit: rectification keeps its
    history (AVG/GDPR art. 16). The values are personal data, so retention and erasure clear
    them with the class of the field they belong to (app/retention)."""

    __tablename__ = "participant_changes"
    __table_args__ = (
        Index("ix_participant_changes_participant_id_changed_at", "participant_id", "changed_at"),
    )

    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
