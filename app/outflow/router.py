from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status

from app.core.concurrency import etag
from app.core.deps import DEFAULT_LIMIT, CurrentPrincipal, Cursor, IfMatch, Limit, SessionDep
from app.core.openapi import problems
from app.core.pagination import Page
from app.core.responses import created, page_of, with_etag
from app.outflow import service
from app.outflow.schemas import (
    FollowUpCreate,
    FollowUpRead,
    FollowUpUpdate,
    OutflowRead,
    OutflowWrite,
)

router = APIRouter(tags=["outflow"])

FollowUpSort = Annotated[str, Query(max_length=20, description="due_on; '-' for descending")]


@router.get(
    "/trajectories/{trajectory_id}/outflow",
    response_model=OutflowRead,
    responses=problems(404),
    summary="The trajectory's outflow (404 while it has none)",
)
def get_outflow(
    trajectory_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> OutflowRead:
    outflow = service.get_outflow(session, principal, trajectory_id)
    response.headers["ETag"] = etag(outflow.version)
    return OutflowRead.of(outflow)


@router.put(
    "/trajectories/{trajectory_id}/outflow",
    response_model=OutflowRead,
    responses={
        201: {"model": OutflowRead, "description": "Recorded: the trajectory moved to outflow"},
        **problems(403, 404, 409, 412, 428),
    },
    summary="Record the outflow (201, moves the phase) or replace it (200, If-Match required)",
)
def put_outflow(
    trajectory_id: uuid.UUID,
    data: OutflowWrite,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[
        str | None,
        Header(
            description="Required to replace an existing outflow: the ETag you last read",
            max_length=40,
        ),
    ] = None,
) -> OutflowRead:
    recorded = service.record_outflow(session, principal, trajectory_id, data, if_match=if_match)
    response.headers["ETag"] = etag(recorded.outflow.version)
    if recorded.created:
        response.status_code = status.HTTP_201_CREATED
        response.headers["Location"] = f"/api/v1/trajectories/{trajectory_id}/outflow"
    return OutflowRead.of(recorded.outflow)


# --- follow-ups ---------------------------------------------------------------------------


@router.get(
    "/trajectories/{trajectory_id}/follow-ups",
    response_model=Page[FollowUpRead],
    responses=problems(404),
    tags=["follow-ups"],
)
def list_follow_ups(
    trajectory_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    sort: FollowUpSort = "due_on",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[FollowUpRead]:
    page = service.list_follow_ups(
        session, principal, trajectory_id, sort=sort, limit=limit, cursor=cursor
    )
    return page_of(FollowUpRead, page)


@router.post(
    "/trajectories/{trajectory_id}/follow-ups",
    response_model=FollowUpRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404, 409),
    tags=["follow-ups"],
    summary="Add a follow-up besides the scheduled ones (409 before the outflow)",
)
def add_follow_up(
    trajectory_id: uuid.UUID,
    data: FollowUpCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> FollowUpRead:
    follow_up = service.add_follow_up(session, principal, trajectory_id, data)
    return created(response, FollowUpRead, follow_up, f"/api/v1/follow-ups/{follow_up.id}")


@router.get(
    "/follow-ups/{follow_up_id}",
    response_model=FollowUpRead,
    responses=problems(404),
    tags=["follow-ups"],
)
def get_follow_up(
    follow_up_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> FollowUpRead:
    return with_etag(
        response, FollowUpRead, service.get_follow_up(session, principal, follow_up_id)
    )


@router.patch(
    "/follow-ups/{follow_up_id}",
    response_model=FollowUpRead,
    responses=problems(403, 404, 412, 428),
    tags=["follow-ups"],
    summary="Record the contact: date, status, hours, source",
)
def update_follow_up(
    follow_up_id: uuid.UUID,
    data: FollowUpUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> FollowUpRead:
    follow_up = service.update_follow_up(session, principal, follow_up_id, data, version=version)
    return with_etag(response, FollowUpRead, follow_up)
