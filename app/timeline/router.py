from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from app.core.deps import DEFAULT_LIMIT, CurrentPrincipal, Cursor, Limit, SessionDep
from app.core.openapi import problems
from app.core.pagination import Page
from app.core.responses import page_of
from app.timeline import service
from app.timeline.schemas import TimelineItemRead, TimelineKind

router = APIRouter(tags=["timeline"])


@router.get(
    "/trajectories/{trajectory_id}/timeline",
    response_model=Page[TimelineItemRead],
    responses=problems(404),
    summary="Everything recorded on the trajectory, newest first, in one list",
)
def trajectory_timeline(
    trajectory_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    kind: Annotated[
        list[TimelineKind] | None,
        Query(max_length=len(TimelineKind), description="Only these kinds (repeatable)"),
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[TimelineItemRead]:
    """Sorted by occurred_on (the record's business date), then recorded_at, both newest
    first. Scheduled follow-ups appear once the contact is recorded; team changes once they
    take effect."""
    page = service.trajectory_timeline(
        session, principal, trajectory_id, kinds=kind or (), limit=limit, cursor=cursor
    )
    return page_of(TimelineItemRead, page)
