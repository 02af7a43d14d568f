"""Domain errors. Services raise these; one handler in main.py renders them as problem+json.

Every field error in a problem+json body (``errors: [{field, message, code, params}]``) carries
a stable, snake_case ``code`` that a client translates, ``params`` with the values its text
needs (e.g. ``{"max": 200}``) and an English ``message`` for people reading the API. The codes,
grouped by where they come from (the SPA translates each as ``serverErrors.<code>``):

- the shape of a value (app/core/validation.py maps Pydantic's error types): ``required``,
  ``blank``, ``unknown_field``, ``too_long`` {max}, ``too_short`` {min}, ``too_many_items``
  {max}, ``too_few_items`` {min}, ``too_small`` {min}, ``too_large`` {max}, ``must_be_above``
  {limit}, ``must_be_below`` {limit}, ``not_allowed`` {allowed?}, ``bad_format``, ``not_text``,
  ``not_an_integer``, ``not_a_number``, ``not_a_boolean``, ``not_a_date``, ``not_a_datetime``,
  ``not_a_uuid``, ``not_a_list``, ``not_an_object``, ``too_many_decimals`` {max},
  ``too_many_digits`` {max}, ``invalid_email``, ``invalid_json``, ``invalid`` (anything else);
- the limits every request body respects (app/core/schemas.py, app/core/dates.py):
  ``nul_character``, ``invalid_unicode``, ``too_long`` {max}, ``out_of_range`` {min, max},
  ``number_out_of_range``, ``date_out_of_range`` {min, max}, ``date_too_early`` {min},
  ``single_line``, ``not_nullable``, ``before_field`` {other}, ``after_field`` {other},
  ``in_future``;
- identifiers and lists: ``invalid_insz``, ``invalid_kbo``, ``wrong_check_number``,
  ``listed_twice``, ``given_twice``, ``invalid_cursor``, ``unknown_sort`` {allowed},
  ``invalid_month``, ``invalid_idempotency_key``;
- references: ``already_in_use``, ``already_registered``, ``unknown_reference`` {values},
  ``unknown_organisation``, ``unknown_employer``, ``unknown_framework``,
  ``unknown_work_floor``, ``unknown_placement``, ``unknown_competence_item``,
  ``not_of_participant``, ``not_of_trajectory``, ``not_active_staff``, ``not_staff``,
  ``already_on_team``, ``inactive``, ``platform_admin_only``, ``must_be_member``,
  ``names_the_participant``, ``representative_required``, ``before_consent_given``,
  ``required_for`` {condition}, ``not_for`` {condition}, ``required_when_rejecting``;
- trajectories: ``phase_move_not_allowed`` {from, to}, ``wrong_status`` {status}, ``paused``,
  ``not_paused``, ``reason_required``, ``use_outflow``, ``open_trajectory_exists``,
  ``before_trajectory_start`` {date}, ``before_previous_change`` {date},
  ``after_trajectory_closed`` {date};
- placements and attendance: ``floor_full`` {capacity}, ``too_many_hours`` {max},
  ``outside_placement`` {start, end?}, ``orphans_attendance``;
- employment and outflow: ``employer_required``, ``legacy_internship_type`` {type, date},
  ``internship_too_long`` {months, date}, ``early_end_reason_required``, ``job_required``,
  ``job_not_allowed`` {category}, ``internship_not_allowed`` {category}, ``date_fixed`` {date},
  ``before_outflow_date``, ``required_with_status``, ``required_after_contact``,
  ``source_required``, ``only_when_working``;
- funding and reports: ``approval_cap_reached`` {max}, ``month_not_over``,
  ``month_not_active``, ``no_action_logged``, ``period_too_long`` {years}, ``year_not_begun``.

A new code needs a text under ``serverErrors`` in frontend/src/i18n/nl.json and en.json; until
then the SPA shows ``message``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import field as dataclass_field
from typing import Any

ParamValue = str | int | float | bool


@dataclass
class FieldError:
    """One field's error: ``code`` is required so that every site names a translatable code."""

    field: str
    message: str
    code: str
    params: dict[str, ParamValue] = dataclass_field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"field": self.field, "message": self.message, "code": self.code}
        if self.params:
            body["params"] = dict(self.params)
        return body


class CodedValueError(ValueError):
    """A ValueError raised by a Pydantic validator that names its error ``code`` and ``params``.

    Pydantic keeps the exception in the error's ``ctx``; app/core/validation.py reads the code
    from there, while the message stays Pydantic's usual ``Value error, ...``.
    """

    def __init__(self, message: str, *, code: str, params: dict[str, ParamValue] | None = None):
        super().__init__(message)
        self.code = code
        self.params = params or {}


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
    def on(
        cls,
        field: str,
        message: str,
        detail: str | None = None,
        *,
        code: str,
        params: dict[str, ParamValue] | None = None,
    ) -> RuleViolation:
        """A rule that one field breaks, named in ``errors`` (e.g. a date before the start)."""
        return cls(
            detail or f"{field} {message}",
            errors=[FieldError(field, message, code, params or {})],
        )


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
            body["errors"] = [e.as_dict() for e in self.errors]
        return body
