from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import AfterValidator, EmailStr, Field, StringConstraints

from app.core.schemas import Name, PastDate, ReadSchema, ShortText, WriteSchema, not_before
from app.participants.models import BenefitKind, PermissionIssuer, ReferralSource, VdabAdviceKind
from app.trajectories.phases import Phase, Status


class TargetGroup(StrEnum):
    PSYCHOLOGICAL = "psychological"
    DISABILITY = "disability"
    SOCIAL = "social"


def _insz(value: str) -> str:
    """Belgian national register number (INSZ/rijksregisternummer) with its mod-97 check."""
    digits = re.sub(r"[\s.\-]", "", value)
    if not re.fullmatch(r"\d{11}", digits):
        raise ValueError("must be 11 digits, e.g. 85.07.30-033.28")
    body, check = int(digits[:9]), int(digits[9:])
    # People born from 2000 on have a 2 put in front of the nine digits for the check.
    if check not in (97 - body % 97, 97 - int("2" + digits[:9]) % 97):
        raise ValueError("has a wrong check number")
    return digits


def _plausible_birth_date(value: date) -> date:
    if value > date.today():
        raise ValueError("cannot be in the future")
    if value.year < 1900:
        raise ValueError("must be after 1900")
    return value


Insz = Annotated[str, StringConstraints(max_length=20), AfterValidator(_insz)]
BirthDate = Annotated[date, AfterValidator(_plausible_birth_date)]
PersonName = Annotated[Name, StringConstraints(max_length=100)]
Phone = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=40, pattern=r"^[0-9+()/. \-]{6,40}$")
]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")]
Email = Annotated[EmailStr, Field(max_length=254)]


class ParticipantCreate(WriteSchema):
    first_name: PersonName
    last_name: PersonName
    preferred_name: PersonName | None = None
    birth_date: BirthDate
    insz: Insz | None = None
    email: Email | None = None
    phone: Phone | None = None
    address: ShortText | None = None
    language: Language = "nl"
    target_groups: list[TargetGroup] = Field(default_factory=list, max_length=3)
    referral_source: ReferralSource | None = None
    confirm_not_duplicate: bool = Field(
        default=False,
        description="Set after checking the candidates a 409 listed: creates anyway.",
    )


class ParticipantUpdate(WriteSchema):
    first_name: PersonName | None = None
    last_name: PersonName | None = None
    preferred_name: PersonName | None = None
    birth_date: BirthDate | None = None
    insz: Insz | None = None
    email: Email | None = None
    phone: Phone | None = None
    address: ShortText | None = None
    language: Language | None = None
    target_groups: list[TargetGroup] | None = Field(default=None, max_length=3)
    referral_source: ReferralSource | None = None


class CurrentTrajectory(ReadSchema):
    """The open trajectory the caller may see that changed phase last."""

    id: uuid.UUID
    framework_code: str
    phase: Phase
    status: Status
    phase_since: date
    days_in_phase: int = Field(description="Days from phase_since to today")


class CaseloadCoach(ReadSchema):
    id: uuid.UUID
    name: str


class CaseloadColumns(ReadSchema):
    current_trajectory: CurrentTrajectory
    coach: CaseloadCoach | None
    last_contact_on: date | None
    overdue_goals: int
    overdue_follow_ups: int


class ParticipantListItem(ReadSchema):
    """What a list may show: never the INSZ, never contact details.

    The caseload columns describe the current trajectory; without one they are null and 0.
    """

    id: uuid.UUID
    first_name: str
    last_name: str
    preferred_name: str | None
    birth_date: date
    target_groups: list[TargetGroup]
    organisation_id: uuid.UUID
    current_trajectory: CurrentTrajectory | None = None
    coach: CaseloadCoach | None = Field(
        default=None,
        description=(
            "The current mini-team member with team role coach (of several, the one who "
            "joined last)"
        ),
    )
    last_contact_on: date | None = Field(
        default=None,
        description=(
            "The newest date of a contact logged on the current trajectory: a half-day of "
            "attendance marked present, a progress log, an activation session, a follow-up "
            "contact made, or an employer contact linked to the trajectory. Notes do not count: "
            "a note records information rather than a contact, and who may read it differs "
            "per note."
        ),
    )
    overdue_goals: int = Field(
        default=0, description="Open goals of the current trajectory due before today"
    )
    overdue_follow_ups: int = Field(
        default=0,
        description="Follow-ups of the current trajectory due before today with no contact yet",
    )
    version: int

    @classmethod
    def of(cls, participant: object, caseload: object | None) -> Self:
        item = cls.model_validate(participant)
        if caseload is None:
            return item
        return item.model_copy(update=dict(CaseloadColumns.model_validate(caseload)))


class ParticipantRead(ParticipantListItem):
    insz: str | None
    email: str | None
    phone: str | None
    address: str | None
    language: str
    referral_source: ReferralSource | None
    created_at: datetime
    updated_at: datetime


class DuplicateCandidate(ReadSchema):
    id: uuid.UUID
    first_name: str
    last_name: str
    birth_date: date
    matched_on: list[str] = Field(description="insz and/or name_and_birth_date")


class BenefitStatusCreate(WriteSchema):
    kind: BenefitKind
    valid_from: date
    valid_to: Annotated[date | None, AfterValidator(not_before("valid_from"))] = None


class BenefitStatusRead(ReadSchema):
    id: uuid.UUID
    kind: BenefitKind
    valid_from: date
    valid_to: date | None


class ActivityPermissionCreate(WriteSchema):
    issued_by: PermissionIssuer
    granted_on: PastDate
    valid_until: Annotated[date | None, AfterValidator(not_before("granted_on"))] = None
    reference: ShortText | None = None


class ActivityPermissionRead(ReadSchema):
    id: uuid.UUID
    issued_by: PermissionIssuer
    granted_on: date
    valid_until: date | None
    reference: str | None


class VdabAdviceCreate(WriteSchema):
    advice: VdabAdviceKind
    advised_on: PastDate


class VdabAdviceRead(ReadSchema):
    id: uuid.UUID
    advice: VdabAdviceKind
    advised_on: date
