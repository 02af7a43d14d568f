"""Domain errors. Services raise these; one handler in main.py renders them as problem+json."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FieldError:
    field: str
    message: str


class AppError(Exception):
    status: int = 500
    title: str = "Internal error"
    type_slug: str = "internal"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[FieldError] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.errors = errors or []
        self.headers = headers or {}
        self.extra = extra or {}


class BadRequest(AppError):
    status, title, type_slug = 400, "Malformed request", "bad-request"


class NotAuthenticated(AppError):
    status, title, type_slug = 401, "Not authenticated", "not-authenticated"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.headers.setdefault("WWW-Authenticate", "Bearer")


class Forbidden(AppError):
    status, title, type_slug = 403, "Not allowed", "forbidden"


class NotFound(AppError):
    """Absent, or not visible to the caller: the two must be indistinguishable."""

    status, title, type_slug = 404, "Not found", "not-found"


class Conflict(AppError):
    status, title, type_slug = 409, "Conflict", "conflict"


class PreconditionFailed(AppError):
    status, title, type_slug = 412, "Precondition failed", "precondition-failed"


class PayloadTooLarge(AppError):
    status, title, type_slug = 413, "Request body too large", "payload-too-large"


class UnsupportedMediaType(AppError):
    status, title, type_slug = 415, "Unsupported media type", "unsupported-media-type"


class RuleViolation(AppError):
    status, title, type_slug = 422, "Invalid values", "validation"

    @classmethod
    def on(cls, field: str, message: str, detail: str | None = None) -> RuleViolation:
        """A rule that one field breaks, named in ``errors`` (e.g. a date before the start)."""
        return cls(detail or f"{field} {message}", errors=[FieldError(field, message)])


class PreconditionRequired(AppError):
    status, title, type_slug = 428, "If-Match required", "precondition-required"


class TooManyRequests(AppError):
    status, title, type_slug = 429, "Too many requests", "rate-limited"

    def __init__(self, detail: str | None = None, *, retry_after: int, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.headers["Retry-After"] = str(max(1, retry_after))


class ServiceUnavailable(AppError):
    status, title, type_slug = 503, "Service unavailable", "unavailable"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.headers.setdefault("Retry-After", "5")


@dataclass
class Problem:
    status: int
    title: str
    detail: str
    type: str = "about:blank"
    errors: list[FieldError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": self.type,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if self.errors:
            body["errors"] = [{"field": e.field, "message": e.message} for e in self.errors]
        return body
