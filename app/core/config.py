"""Settings, read once from the environment (prefix WERKPAD_)."""

from __future__ import annotations

import json
import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VAR_DIR = PROJECT_ROOT / "var"

# Secrets shorter than this are guessable by brute force on a captured token.
MIN_SECRET_LENGTH = 32
KNOWN_WEAK_SECRETS = {"changeme", "secret", "change-me", "werkpad", "development"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WERKPAD_", extra="ignore")

    env: Literal["dev", "production"] = "dev"
    database_url: str = f"sqlite:///{VAR_DIR / 'werkpad.db'}"
    secret_key: str = ""
    access_token_minutes: int = Field(default=15, ge=1, le=60)
    refresh_token_days: int = Field(default=14, ge=1, le=90)
    token_issuer: str = "werkpad"  # noqa: S105 - a claim value, not a secret
    token_audience: str = "werkpad-api"  # noqa: S105
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    cookie_secure: bool = True
    max_body_bytes: int = 1024 * 1024
    login_max_failures_per_account: int = 5
    login_max_failures_per_address: int = 20
    login_window_seconds: int = 900
    # File exports (a participant's file, report and funder files) per account and window.
    export_max_per_window: int = Field(default=30, ge=1)
    export_window_seconds: int = Field(default=600, ge=1)
    frontend_dist: Path = PROJECT_ROOT / "frontend" / "dist"
    host: str = "127.0.0.1"
    port: int = 8000
    # Months after a trajectory closes (identity and contact: after the person's last one
    # closes) before app/retention de-identifies each class of data; README "Retention".
    retention_care_months: int = Field(default=12, ge=1, le=1200)
    retention_contact_months: int = Field(default=24, ge=1, le=1200)
    retention_work_months: int = Field(default=84, ge=1, le=1200)
    retention_identity_months: int = Field(default=84, ge=1, le=1200)
    # Outside the database on purpose: a restored backup must not bring an erased person back.
    erasure_ledger_path: Path = VAR_DIR / "erasure-ledger.jsonl"

    @field_validator("cors_origins", mode="before")
    @classmethod
    def split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            if value.strip().startswith("["):
                return json.loads(value)
            return [o.strip() for o in value.split(",") if o.strip()]
        return value

    @model_validator(mode="after")
    def identity_outlives_the_rest(self) -> Settings:
        # Texts or contact details kept after the name is gone would still point at the person.
        others = (
            self.retention_care_months,
            self.retention_contact_months,
            self.retention_work_months,
        )
        if self.retention_identity_months < max(others):
            raise ValueError(
                "WERKPAD_RETENTION_IDENTITY_MONTHS must be at least the care, contact and work "
                "retention periods"
            )
        return self

    @model_validator(mode="after")
    def refuse_unsafe(self) -> Settings:
        if "*" in self.cors_origins:
            # The refresh token travels in a cookie: a wildcard origin would hand it to any site.
            raise ValueError("WERKPAD_CORS_ORIGINS may not contain '*': list the origins")
        if self.env == "production":
            weak = (
                len(self.secret_key) < MIN_SECRET_LENGTH
                or self.secret_key.lower() in KNOWN_WEAK_SECRETS
                or len(set(self.secret_key)) < 10
            )
            if weak:
                raise ValueError(
                    "WERKPAD_SECRET_KEY is missing or weak: production needs at least "
                    f"{MIN_SECRET_LENGTH} random characters"
                )
        elif not self.secret_key:
            self.secret_key = dev_secret()
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def dev_secret() -> str:
    """A per-checkout secret for development, kept in var/ so tokens survive a restart."""
    path = VAR_DIR / "dev-secret-key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


@lru_cache
def get_settings() -> Settings:
    return Settings()
