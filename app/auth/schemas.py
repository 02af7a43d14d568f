from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import EmailStr, Field, StringConstraints

from app.auth.models import Role
from app.core.schemas import Name, ReadSchema, UpdateSchema, WriteSchema
from app.organisations.schemas import OrganisationRef

# Long passphrases are welcome; the upper bound only keeps hashing cost bounded.
Password = Annotated[str, StringConstraints(min_length=12, max_length=128)]
Email = Annotated[EmailStr, Field(max_length=254)]


class TokenRead(ReadSchema):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the OAuth2 token type
    expires_in: int = Field(description="Seconds until the access token expires")


class MeRead(ReadSchema):
    id: uuid.UUID
    name: str
    email: str
    role: Role
    is_platform_admin: bool
    bound_by_professional_secrecy: bool
    organisation: OrganisationRef
    permissions: list[str]


class UserCreate(WriteSchema):
    email: Email
    name: Name
    password: Password
    role: Role
    organisation_id: uuid.UUID | None = Field(
        default=None, description="Platform admins only; others create users in their own."
    )
    bound_by_professional_secrecy: bool = False
    is_platform_admin: bool = False


class UserUpdate(UpdateSchema):
    email: Email | None = None
    name: Name | None = None
    password: Password | None = None
    role: Role | None = None
    bound_by_professional_secrecy: bool | None = None
    is_active: bool | None = None
    is_platform_admin: bool | None = None


class UserRead(ReadSchema):
    id: uuid.UUID
    email: str
    name: str
    role: Role
    organisation_id: uuid.UUID
    organisation_name: str
    bound_by_professional_secrecy: bool
    is_platform_admin: bool
    is_active: bool
    last_login_at: datetime | None
    version: int
    created_at: datetime
