from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, Field

from app.core.errors import CodedValueError
from app.core.schemas import Code, Name, ReadSchema, ShortText, UpdateSchema, WriteSchema
from app.organisations.models import OrganisationKind, PartnerRole, Province


def _kbo_number(value: str) -> str:
    """A KBO/BCE enterprise number: 10 digits, the last two a mod-97 check on the first eight."""
    digits = re.sub(r"[\s.]", "", value)
    if len(digits) == 9:  # older numbers are written without the leading 0
        digits = "0" + digits
    if not re.fullmatch(r"[01]\d{9}", digits):
        raise CodedValueError(
            "must be 10 digits starting with 0 or 1, e.g. 0123.456.749", code="invalid_kbo"
        )
    if 97 - int(digits[:8]) % 97 != int(digits[8:]):
        raise CodedValueError("has a wrong check number", code="wrong_check_number")
    return digits


KboNumber = Annotated[str, Field(max_length=14), AfterValidator(_kbo_number)]


class OrganisationCreate(WriteSchema):
    name: Name
    kind: OrganisationKind
    kbo_number: KboNumber | None = None
    ama_recognition_number: Code | None = None
    province: Province | None = None


class OrganisationUpdate(UpdateSchema):
    nullable_fields = frozenset({"kbo_number", "ama_recognition_number", "province"})

    name: Name | None = None
    kind: OrganisationKind | None = None
    kbo_number: KboNumber | None = None
    ama_recognition_number: Code | None = None
    province: Province | None = None


class OrganisationRead(ReadSchema):
    id: uuid.UUID
    name: str
    kind: OrganisationKind
    kbo_number: str | None
    ama_recognition_number: str | None
    province: Province | None
    version: int
    created_at: datetime
    updated_at: datetime


class OrganisationRef(ReadSchema):
    id: uuid.UUID
    name: str
    kind: OrganisationKind


class WorkFloorCreate(WriteSchema):
    name: Name
    activity: ShortText | None = None
    address: ShortText | None = None
    capacity: int = Field(default=0, ge=0, le=10_000)


class WorkFloorUpdate(UpdateSchema):
    nullable_fields = frozenset({"activity", "address"})

    name: Name | None = None
    activity: ShortText | None = None
    address: ShortText | None = None
    capacity: int | None = Field(default=None, ge=0, le=10_000)
    is_active: bool | None = None


class WorkFloorRead(ReadSchema):
    id: uuid.UUID
    organisation_id: uuid.UUID
    name: str
    activity: str | None
    address: str | None
    capacity: int
    is_active: bool
    version: int
    created_at: datetime


class PartnershipMemberWrite(WriteSchema):
    organisation_id: uuid.UUID
    partner_role: PartnerRole


class PartnershipMemberRead(ReadSchema):
    organisation_id: uuid.UUID
    organisation_name: str
    partner_role: PartnerRole


class PartnershipCreate(WriteSchema):
    name: Name
    lead_organisation_id: uuid.UUID
    members: list[PartnershipMemberWrite] = Field(min_length=1, max_length=100)


class PartnershipUpdate(UpdateSchema):
    name: Name | None = None
    lead_organisation_id: uuid.UUID | None = None
    members: list[PartnershipMemberWrite] | None = Field(default=None, min_length=1, max_length=100)


class PartnershipRead(ReadSchema):
    id: uuid.UUID
    name: str
    lead_organisation_id: uuid.UUID
    members: list[PartnershipMemberRead]
    version: int
    created_at: datetime


class FrameworkRead(ReadSchema):
    code: str
    name_nl: str
    name_en: str
    min_months: int | None
    max_months: int | None
    min_hours_per_week: int | None
