from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, field_validator

from app.consents.models import ConsentMethod, DataClass, GivenBy
from app.core.errors import CodedValueError
from app.core.schemas import (
    Name,
    PastDate,
    ReadSchema,
    ShortText,
    WriteSchema,
    clean_text,
    not_before,
)

LongText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=1000),
    AfterValidator(clean_text),
]
VersionLabel = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=40),
    AfterValidator(clean_text),
]


class ConsentCreate(WriteSchema):
    receiving_organisation_id: uuid.UUID = Field(
        description="The organisation the participant allows to see their file"
    )
    purpose: LongText
    data_classes: list[DataClass] = Field(
        min_length=1, max_length=2, description="'work', 'care' or both"
    )
    given_on: PastDate
    method: ConsentMethod
    information_text_version: VersionLabel = Field(
        description="Version of the information text the participant was given"
    )
    given_by: GivenBy = GivenBy.SELF
    representative_name: Name | None = None
    expires_on: date | None = None
    evidence: ShortText | None = Field(
        default=None, description="Where the signed form or recording is kept"
    )

    _expires_after_given = field_validator("expires_on")(not_before("given_on"))

    @field_validator("data_classes")
    @classmethod
    def _each_class_once(cls, value: list[DataClass]) -> list[DataClass]:
        if len(set(value)) != len(value):
            raise CodedValueError("lists a data class twice", code="listed_twice")
        return value


class ConsentWithdraw(WriteSchema):
    withdrawn_on: PastDate | None = Field(default=None, description="Defaults to today")
    reason: LongText | None = None


class ConsentRead(ReadSchema):
    id: uuid.UUID
    participant_id: uuid.UUID
    receiving_organisation_id: uuid.UUID
    receiving_organisation_name: str
    purpose: str
    data_classes: list[DataClass]
    given_on: date
    method: ConsentMethod
    information_text_version: str
    given_by: GivenBy
    representative_name: str | None
    expires_on: date | None
    evidence: str | None
    recorded_by: uuid.UUID | None
    withdrawn_on: date | None
    withdrawn_by: uuid.UUID | None
    withdrawal_reason: str | None
    active: bool = Field(description="Covers access today: given, not expired, not withdrawn")
    version: int
    created_at: datetime
