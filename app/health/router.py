from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.errors import ServiceUnavailable
from app.core.openapi import problems

router = APIRouter(tags=["health"])


class HealthRead(BaseModel):
    status: Literal["ok"]


@router.get("/health", response_model=HealthRead, summary="Liveness: the process answers")
def health() -> HealthRead:
    return HealthRead(status="ok")


@router.get(
    "/ready",
    response_model=HealthRead,
    responses=problems(503),
    summary="Readiness: the database answers",
)
def ready(request: Request) -> HealthRead:
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise ServiceUnavailable("The database is not reachable") from exc
    return HealthRead(status="ok")
