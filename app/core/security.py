"""Password hashing (Argon2id) and access tokens (JWT, HS256 pinned)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from jose import jwt
from jose.exceptions import JOSEError

from app.core.config import Settings
from app.core.errors import NotAuthenticated

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ("exp", "iat", "sub", "aud", "iss", "jti")

_hasher = PasswordHasher()  # argon2-cffi's defaults are Argon2id with RFC 9106 parameters
# Verified against when the e-mail is unknown, so both failures cost the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False


def password_needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


@dataclass(frozen=True)
class AccessToken:
    token: str
    expires_in: int


def create_access_token(user_id: uuid.UUID, settings: Settings) -> AccessToken:
    now = datetime.now(UTC)
    lifetime = timedelta(minutes=settings.access_token_minutes)
    claims = {
        "sub": str(user_id),
        "aud": settings.token_audience,
        "iss": settings.token_issuer,
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "jti": uuid.uuid4().hex,
    }
    token = jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM)
    return AccessToken(token=token, expires_in=int(lifetime.total_seconds()))


def decode_access_token(token: str, settings: Settings) -> uuid.UUID:
    """The user id in a valid token; anything else is NotAuthenticated."""
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") != ALGORITHM:
            raise NotAuthenticated("Invalid token")
        claims: dict[str, Any] = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[ALGORITHM],
            audience=settings.token_audience,
            issuer=settings.token_issuer,
            options={f"require_{claim}": True for claim in REQUIRED_CLAIMS},
        )
        return uuid.UUID(str(claims["sub"]))
    except (JOSEError, ValueError, KeyError, TypeError) as exc:
        raise NotAuthenticated("Invalid or expired token") from exc


def new_refresh_token() -> tuple[str, str]:
    """A fresh opaque token and the hash we store for it."""
    raw = secrets.token_urlsafe(32)
    return raw, hash_refresh_token(raw)


def hash_refresh_token(raw: str) -> str:
    # The token has 256 bits of entropy: a fast hash is enough, no salt or stretching needed.
    return hashlib.sha256(raw.encode()).hexdigest()
