from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, ConfigDict, EmailStr, Field, StringConstraints

from app.core.errors import CodedValueError
from app.core.pagination import Page
from app.core.schemas import Name, PastDate, ReadSchema, ShortText, WriteSchema, not_before
from app.participants.models import (
    BenefitKind,
    ParticipantChange,
    PermissionIssuer,
    ReferralSource,
    VdabAdviceKind,
)
from app.trajectories.phases import Phase, Status


class TargetGroup(StrEnum):
    PSYCHOLOGICAL = "psychological"
    DISABILITY = "disability"
    SOCIAL = "social"


def _insz(value: str) -> str:
    """Belgian national register number (INSZ/rijksregisternummer) with its mod-97 check."""
    digits = re.sub(r"[\s.\-]", "", value)
    if not re.fullmatch(r"\d{11}", digits):
        raise CodedValueError("must be 11 digits, e.g. 85.07.30-033.28", code="invalid_insz")
    body, check = int(digits[:9]), int(digits[9:])
    # People born from 2000 on have a 2 put in front of the nine digits for the check.
    if check not in (97 - body % 97, 97 - int("2" + digits[:9]) % 97):
        raise CodedValueError("has a wrong check number", code="wrong_check_number")
    return digits


def _plausible_birth_date(value: date) -> date:
    if value > date.today():
        raise CodedValueError("cannot be in the future", code="in_future")
    if value.year < 1900:
        raise CodedValueError(
            "must be after 1900", code="date_too_early", params={"min": "1900-01-01"}
        )
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


class ParticipantView(StrEnum):
    """Which shape of a participant the caller gets (``view`` in the response)."""

    FULL = "full"  # staff who run the trajectory's administration, and managers
    WORK_FLOOR = "work_floor"  # coaches: whom they coach, and how to reach them


class _ParticipantSeen(ReadSchema):
    """What everyone who may see the participant gets.

    The caseload columns describe the current trajectory; without one they are null and 0.
    """

    # Every key is always sent (the other shape leaves keys out, never nulls them).
    model_config = ConfigDict(
        from_attributes=True, json_schema_serialization_defaults_required=True
    )

    id: uuid.UUID
    first_name: str
    last_name: str
    preferred_name: str | None
    birth_date: date
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


class ParticipantListItem(_ParticipantSeen):
    """A caseload row in full: never the INSZ, never contact details."""

    view: Literal[ParticipantView.FULL] = ParticipantView.FULL
    target_groups: list[TargetGroup]


class WorkFloorParticipantListItem(_ParticipantSeen):
    """A caseload row for a coach: no target groups, which tell of health or disability."""

    view: Literal[ParticipantView.WORK_FLOOR] = ParticipantView.WORK_FLOOR


class ParticipantRead(ParticipantListItem):
    insz: str | None
    email: str | None
    phone: str | None
    address: str | None
    language: str
    referral_source: ReferralSource | None
    created_at: datetime
    updated_at: datetime


class WorkFloorParticipantRead(WorkFloorParticipantListItem):
    """For a coach: the phone, to call when someone does not turn up, and the language to
    speak. No INSZ, address or e-mail, no target groups or referral source (they tell of
    health), no benefits, permissions or VDAB advice."""

    phone: str | None
    language: str
    created_at: datetime
    updated_at: datetime


# The caller's role decides the shape; ``view`` says which one came.
ParticipantListEntry = Annotated[
    ParticipantListItem | WorkFloorParticipantListItem, Field(discriminator="view")
]
ParticipantDetail = Annotated[
    ParticipantRead | WorkFloorParticipantRead, Field(discriminator="view")
]


class ParticipantPage(Page[ParticipantListEntry]):
    """A page of the caseload, every item in the caller's shape."""


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


class ParticipantChangeRead(ReadSchema):
    """One field as it was before and after an edit (rectification with history)."""

    id: uuid.UUID
    field: str
    old_value: str | None = Field(
        description="null when the field was empty, or was cleared by retention or erasure"
    )
    new_value: str | None
    changed_at: datetime
    changed_by: uuid.UUID | None
    changed_by_name: str | None = Field(description="null when the account no longer exists")

    @classmethod
    def of(cls, change: ParticipantChange, changed_by_name: str | None) -> ParticipantChangeRead:
        return cls(
            id=change.id,
            field=change.field,
            old_value=change.old_value,
            new_value=change.new_value,
            changed_at=change.changed_at,
            changed_by=change.changed_by,
            changed_by_name=changed_by_name,
        )


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
