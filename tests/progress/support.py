"""Small helpers shared by the progress tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.auth.models import User

API = "/api/v1"
PROBLEM_JSON = "application/problem+json"

Auth = Callable[[User], dict[str, str]]


def error_fields(response: Any) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


def if_match(response: Any) -> dict[str, str]:
    """The If-Match header for the version a response showed."""
    return {"If-Match": response.headers["ETag"]}
