"""Staff accounts, refresh tokens and the login-attempt ledger used for throttling."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.core.database import Base, IdMixin, TimestampMixin, VersionedMixin, utcnow
from app.core.text import fold
from app.core.types import str_enum

if TYPE_CHECKING:
    from app.organisations.models import Organisation


class Role(StrEnum):
    COACH = "coach"
    MEDIATOR = "mediator"
    COUNSELLOR = "counsellor"
    MANAGER = "manager"
    ADMIN = "admin"


class User(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "users"

    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    search_key: Mapped[str] = mapped_column(String(460))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    bound_by_professional_secrecy: Mapped[bool] = mapped_column(default=False)
    is_platform_admin: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)
    last_login_at: Mapped[datetime | None]

    organisation: Mapped[Organisation] = relationship(lazy="raise")

    @property
    def organisation_name(self) -> str:
        return self.organisation.name

    @validates("name", "email")
    def _keep_search_key(self, key: str, value: str) -> str:
        name = value if key == "name" else (self.name or "")
        email = value if key == "email" else (self.email or "")
        self.search_key = fold(f"{name} {email}")
        return value


class RefreshToken(IdMixin, Base):
    """One link in a rotation chain. Only a hash is stored: a database dump yields no sessions."""

    __tablename__ = "refresh_tokens"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    family_id: Mapped[uuid.UUID] = mapped_column(index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class LoginAttempt(IdMixin, Base):
    """Failed logins, kept in the database so every worker sees the same count."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_email_attempted_at", "email", "attempted_at"),
        Index("ix_login_attempts_client_address_attempted_at", "client_address", "attempted_at"),
    )

    email: Mapped[str] = mapped_column(String(254))
    client_address: Mapped[str] = mapped_column(String(64))
    attempted_at: Mapped[datetime] = mapped_column(default=utcnow)
