from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, field_validator

from app.core.errors import CodedValueError
from app.core.schemas import (
    Name,
    PastDate,
    ReadSchema,
    UpdateSchema,
    WriteSchema,
    clean_text,
    not_before,
)
from app.employment.models import (
    ContactPurpose,
    ContractType,
    Disclosure,
    InternshipResult,
    InternshipType,
    SupportInstrument,
)
from app.organisations.schemas import KboNumber
from app.participants.schemas import Email, Phone

# Free text over several lines (a contact summary, a reason): stored as given, escaped on output.
Summary = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=2000), AfterValidator(clean_text)
]
Reason = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=1000),
    AfterValidator(clean_text),
]
InternshipHours = Annotated[Decimal, Field(ge=0, le=40, max_digits=4, decimal_places=2)]
JobHours = Annotated[Decimal, Field(ge=0, le=60, max_digits=4, decimal_places=2)]
HourlyWage = Annotated[
    Decimal, Field(ge=0, le=200, max_digits=5, decimal_places=2, description="Gross, in euro")
]
TrajectoryIds = Annotated[list[uuid.UUID], Field(max_length=50)]


# --- employers ----------------------------------------------------------------------------


class EmployerCreate(WriteSchema):
    name: Name
    kbo_number: KboNumber | None = None
    sector: Name | None = None
    municipality: Name | None = None
    contact_name: Name | None = None
    contact_email: Email | None = None
    contact_phone: Phone | None = None


class EmployerUpdate(UpdateSchema):
    nullable_fields = frozenset(
        {"kbo_number", "sector", "municipality", "contact_name", "contact_email", "contact_phone"}
    )

    name: Name | None = None
    kbo_number: KboNumber | None = None
    sector: Name | None = None
    municipality: Name | None = None
    contact_name: Name | None = None
    contact_email: Email | None = None
    contact_phone: Phone | None = None


class EmployerRead(ReadSchema):
    id: uuid.UUID
    organisation_id: uuid.UUID
    name: str
    kbo_number: str | None
    sector: str | None
    municipality: str | None
    contact_name: str | None
    contact_email: str | None
    contact_phone: str | None
    version: int
    created_at: datetime
    updated_at: datetime


# --- employer contacts --------------------------------------------------------------------


def _unique_ids(ids: list[uuid.UUID] | None) -> list[uuid.UUID] | None:
    if ids is not None and len(set(ids)) != len(ids):
        raise CodedValueError("lists a trajectory twice", code="listed_twice")
    return ids


class EmployerContactCreate(WriteSchema):
    employer_id: uuid.UUID
    contacted_on: PastDate
    staff_id: uuid.UUID | None = Field(
        default=None, description="A colleague who made the contact; you when left out"
    )
    in_person: bool
    purpose: ContactPurpose
    summary: Summary | None = None
    trajectory_ids: TrajectoryIds = Field(
        default_factory=list, description="Trajectories (participants) the contact was about"
    )

    _unique = field_validator("trajectory_ids")(_unique_ids)


class EmployerContactUpdate(UpdateSchema):
    nullable_fields = frozenset({"summary"})

    employer_id: uuid.UUID | None = None
    contacted_on: PastDate | None = None
    staff_id: uuid.UUID | None = None
    in_person: bool | None = None
    purpose: ContactPurpose | None = None
    summary: Summary | None = None
    trajectory_ids: TrajectoryIds | None = Field(
        default=None, description="Replaces the linked trajectories"
    )

    _unique = field_validator("trajectory_ids")(_unique_ids)


class EmployerContactRead(ReadSchema):
    id: uuid.UUID
    organisation_id: uuid.UUID
    employer_id: uuid.UUID
    staff_id: uuid.UUID
    contacted_on: date
    in_person: bool
    purpose: ContactPurpose
    summary: str | None
    trajectory_ids: list[uuid.UUID]
    version: int
    created_at: datetime
    updated_at: datetime


# --- internships --------------------------------------------------------------------------


class InternshipCreate(WriteSchema):
    type: InternshipType = Field(
        description="activation and exploratory only for internships that started before 2023"
    )
    employer_id: uuid.UUID | None = None
    mentor_name: Name | None = None
    start_date: date
    end_date: Annotated[date | None, AfterValidator(not_before("start_date"))] = Field(
        default=None, description="A work-experience internship lasts at most 6 months"
    )
    hours_per_week: InternshipHours | None = None
    early_end_reason: Reason | None = None
    result: InternshipResult = InternshipResult.ONGOING


class InternshipUpdate(UpdateSchema):
    nullable_fields = frozenset(
        {"employer_id", "mentor_name", "end_date", "hours_per_week", "early_end_reason"}
    )

    type: InternshipType | None = None
    employer_id: uuid.UUID | None = None
    mentor_name: Name | None = None
    start_date: date | None = None
    end_date: Annotated[date | None, AfterValidator(not_before("start_date"))] = None
    hours_per_week: InternshipHours | None = None
    early_end_reason: Reason | None = None
    result: InternshipResult | None = None


class InternshipRead(ReadSchema):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    type: InternshipType
    employer_id: uuid.UUID | None
    mentor_name: str | None
    start_date: date
    end_date: date | None
    hours_per_week: float | None
    early_end_reason: str | None
    result: InternshipResult
    version: int
    created_at: datetime
    updated_at: datetime


# --- jobs ---------------------------------------------------------------------------------


class JobCreate(WriteSchema):
    trajectory_id: uuid.UUID | None = Field(
        default=None, description="The participant's trajectory that led to this job"
    )
    employer_id: uuid.UUID | None = Field(
        default=None, description="Required unless the contract is self_employed"
    )
    occupation: Name
    start_date: date
    end_date: Annotated[date | None, AfterValidator(not_before("start_date"))] = None
    end_reason: Reason | None = None
    contract_type: ContractType
    hours_per_week: JobHours | None = None
    gross_hourly_wage: HourlyWage | None = None
    support_instrument: SupportInstrument
    disclosure: Disclosure = Disclosure.UNKNOWN


class JobUpdate(UpdateSchema):
    nullable_fields = frozenset(
        {
            "trajectory_id",
            "employer_id",
            "end_date",
            "end_reason",
            "hours_per_week",
            "gross_hourly_wage",
        }
    )

    trajectory_id: uuid.UUID | None = None
    employer_id: uuid.UUID | None = None
    occupation: Name | None = None
    start_date: date | None = None
    end_date: Annotated[date | None, AfterValidator(not_before("start_date"))] = None
    end_reason: Reason | None = None
    contract_type: ContractType | None = None
    hours_per_week: JobHours | None = None
    gross_hourly_wage: HourlyWage | None = None
    support_instrument: SupportInstrument | None = None
    disclosure: Disclosure | None = None


class JobRead(ReadSchema):
    id: uuid.UUID
    participant_id: uuid.UUID
    trajectory_id: uuid.UUID | None
    employer_id: uuid.UUID | None
    occupation: str
    start_date: date
    end_date: date | None
    end_reason: str | None
    contract_type: ContractType
    hours_per_week: float | None
    gross_hourly_wage: Decimal | None = Field(
        description='Gross, in euro: a decimal string with two decimals, e.g. "14.85"'
    )
    support_instrument: SupportInstrument
    competitive: bool = Field(
        description="Regular labour market (IPS competitive employment): derived from the "
        "support instrument"
    )
    disclosure: Disclosure
    version: int
    created_at: datetime
    updated_at: datetime
