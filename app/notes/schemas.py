from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from app.core.schemas import PastDate, ReadSchema, UpdateSchema, WriteSchema, clean_text
from app.notes.models import Visibility

NoteBody = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000),
    AfterValidator(clean_text),
]


class NoteCreate(WriteSchema):
    visibility: Visibility = Field(
        description="Chosen explicitly: health information is never 'team'"
    )
    written_on: PastDate | None = Field(default=None, description="Defaults to today")
    body: NoteBody


class NoteUpdate(UpdateSchema):
    visibility: Visibility | None = None
    body: NoteBody | None = None


class NoteRead(ReadSchema):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    author_id: uuid.UUID | None
    author_organisation_id: uuid.UUID
    visibility: Visibility
    written_on: date
    body: str
    version: int
    created_at: datetime
    updated_at: datetime
