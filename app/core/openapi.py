"""Error responses in the OpenAPI schema: every problem+json answer an operation can give."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, Field

STATUS_DESCRIPTIONS = {
    400: "Malformed request (for example invalid JSON or a bad If-Match)",
    401: "Not authenticated",
    403: "Authenticated, but not allowed to do this",
    404: "Absent, or not visible to you",
    409: "Conflicts with the current state",
    412: "The record changed since you read it (current version in the body)",
    413: "Request body too large",
    415: "Unsupported media type",
    422: "Invalid values (see errors)",
    428: "If-Match header required",
    429: "Too many requests (see Retry-After)",
    503: "Database unavailable (see Retry-After)",
}


class ProblemFieldError(BaseModel):
    """One invalid field. Translate ``code`` (with ``params``); ``message`` is English."""

    field: str = Field(description="The field, dotted for nested ones (``entries.0.half_day``)")
    message: str = Field(description="What is wrong, in English, for people reading the API")
    code: str = Field(
        description=(
            "A stable, snake_case machine code for the error (e.g. ``required``, ``too_long``, "
            "``already_in_use``); the list is in app/core/errors.py. Clients translate this."
        ),
        examples=["too_long"],
    )
    params: dict[str, str | int | float | bool] = Field(
        default_factory=dict,
        description=(
            'Values the code\'s text needs, e.g. ``{"max": 200}`` for ``too_long``; '
            "left out when there are none"
        ),
        examples=[{"max": 200}],
    )


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[ProblemFieldError] | None = None
    current_version: int | None = None


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": Problem, "description": STATUS_DESCRIPTIONS[code]} for code in codes}


IDEMPOTENCY_KEY_PARAMETER: dict[str, Any] = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "A key you choose (1-255 visible ASCII characters) to make a retry safe: for 24 hours "
        "the same request with the same key is answered with the first success "
        "(Idempotent-Replayed: true) and nothing is written again. Another request with the "
        "same key is a 422; one still in progress a 409."
    ),
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"},
}


def _document_idempotency_key(method: str, operation: dict[str, Any]) -> list[int]:
    """Every authenticated POST that creates takes Idempotency-Key (app/idempotency)."""
    if method != "post" or "201" not in operation["responses"] or not operation.get("security"):
        return []
    parameters = operation.setdefault("parameters", [])
    if not any(p.get("name") == IDEMPOTENCY_KEY_PARAMETER["name"] for p in parameters):
        parameters.append(dict(IDEMPOTENCY_KEY_PARAMETER))
    return [409, 422]


def _takes_if_match(operation: dict[str, Any]) -> bool:
    return any(
        p.get("in") == "header" and p.get("name", "").lower() == "if-match"
        for p in operation.get("parameters", [])
    )


def install_openapi(app: FastAPI) -> None:
    """Add the answers every operation can give, and label all errors problem+json."""

    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        problem_ref = {"$ref": "#/components/schemas/Problem"}
        schema.setdefault("components", {}).setdefault("schemas", {})
        schema["components"]["schemas"].setdefault(
            "Problem", Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        )
        schema["components"]["schemas"].setdefault(
            "ProblemFieldError", ProblemFieldError.model_json_schema()
        )
        for path, operations in schema.get("paths", {}).items():
            for method, operation in operations.items():
                responses = operation.setdefault("responses", {})
                extra = [503] if not path.endswith("/health") else []
                extra += _document_idempotency_key(method, operation)
                if "requestBody" in operation:
                    extra += [400, 413, 415, 422]
                if operation.get("parameters"):
                    extra += [422]
                if _takes_if_match(operation):
                    extra += [400]  # a malformed ETag (app/core/concurrency.py)
                if operation.get("security"):
                    extra += [401]
                for code in extra:
                    responses.setdefault(str(code), {"description": STATUS_DESCRIPTIONS[code]})
                for code, response in responses.items():
                    if code.startswith(("4", "5")):
                        response["content"] = {"application/problem+json": {"schema": problem_ref}}
        # FastAPI's own validation schemas are replaced by Problem everywhere.
        for name in ("HTTPValidationError", "ValidationError"):
            schema["components"]["schemas"].pop(name, None)
        app.openapi_schema = schema
        return schema

    app.openapi = build  # type: ignore[method-assign]
