"""Shaping service results into API responses: pages, ETags, Location headers."""

from __future__ import annotations

from typing import Protocol, TypeVar

from fastapi import Response

from app.core.concurrency import etag
from app.core.pagination import Page, PageResult
from app.core.schemas import ReadSchema

R = TypeVar("R", bound=ReadSchema)


class Versioned(Protocol):
    version: int


def page_of(schema: type[R], page: PageResult) -> Page[R]:
    return Page[schema](  # type: ignore[valid-type]
        items=[schema.model_validate(row) for row in page.rows],
        next_cursor=page.next_cursor,
        total=page.total,
    )


def with_etag(response: Response, schema: type[R], record: Versioned) -> R:
    response.headers["ETag"] = etag(record.version)
    return schema.model_validate(record)


def created(response: Response, schema: type[R], record: Versioned, location: str) -> R:
    response.headers["Location"] = location
    return with_etag(response, schema, record)
