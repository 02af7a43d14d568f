"""If-Match / ETag handling for optimistic concurrency (api.md: "Writes, versions")."""

from __future__ import annotations

from app.core.errors import BadRequest, PreconditionFailed, PreconditionRequired


def etag(version: int) -> str:
    return f'"{version}"'


def parse_if_match(header: str | None) -> int:
    if header is None or not header.strip():
        raise PreconditionRequired("Send If-Match with the version you last read (its ETag)")
    value = header.strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    if not value.isdigit() or len(value) > 12:
        raise BadRequest('If-Match must be an ETag such as "3"')
    return int(value)


def check_version(expected: int, current: int) -> None:
    if expected != current:
        raise PreconditionFailed(
            "Someone else changed this record since you read it",
            extra={"current_version": current},
        )
