from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.access import service
from app.access.models import BreakGlassGrant
from app.access.schemas import (
    AccessExplanation,
    BreakGlassCreate,
    BreakGlassGrantRead,
    TrajectorySummary,
)
from app.core.database import utcnow
from app.core.deps import DEFAULT_LIMIT, CurrentPrincipal, Cursor, Limit, SessionDep
from app.core.openapi import problems
from app.core.pagination import Page
from app.trajectories.models import Trajectory
from app.trajectories.phases import Phase, Status

router = APIRouter(tags=["access"])


@router.get(
    "/trajectories/{trajectory_id}/access",
    response_model=AccessExplanation,
    responses=problems(404),
    summary="Why can I see this? The rules that give you access to this trajectory",
)
def explain_access(
    trajectory_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> AccessExplanation:
    return service.explain_access(session, principal, trajectory_id)


def _grant_read(grant: BreakGlassGrant, user_name: str) -> BreakGlassGrantRead:
    return BreakGlassGrantRead(
        id=grant.id,
        trajectory_id=grant.trajectory_id,
        user_id=grant.user_id,
        user_name=user_name,
        organisation_id=grant.organisation_id,
        reason=grant.reason,
        started_at=grant.started_at,
        expires_at=grant.expires_at,
        active=grant.started_at <= utcnow() < grant.expires_at,
    )


@router.post(
    "/trajectories/{trajectory_id}/break-the-glass",
    response_model=BreakGlassGrantRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(404, 409),
    summary="Emergency access outside your scope, for a limited time, with a reason",
)
def break_the_glass(
    trajectory_id: uuid.UUID,
    data: BreakGlassCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> BreakGlassGrantRead:
    grant = service.break_the_glass(session, principal, trajectory_id, data)
    response.headers["Location"] = f"/api/v1/break-glass-grants/{grant.id}"
    return _grant_read(grant, service.user_names(session, [grant])[grant.user_id])


@router.get(
    "/break-glass-grants",
    response_model=Page[BreakGlassGrantRead],
    summary="Your own grants; for admins, every grant on their organisation's trajectories",
)
def list_grants(
    session: SessionDep,
    principal: CurrentPrincipal,
    trajectory_id: uuid.UUID | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[BreakGlassGrantRead]:
    page = service.list_grants(
        session, principal, trajectory_id=trajectory_id, limit=limit, cursor=cursor
    )
    names = service.user_names(session, page.rows)
    return Page[BreakGlassGrantRead](
        items=[_grant_read(g, names[g.user_id]) for g in page.rows],
        next_cursor=page.next_cursor,
        total=page.total,
    )


@router.post(
    "/break-glass-grants/{grant_id}/end",
    response_model=BreakGlassGrantRead,
    responses=problems(404, 409),
    summary="End your emergency access before it runs out",
)
def end_grant(
    grant_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> BreakGlassGrantRead:
    grant = service.end_grant(session, principal, grant_id)
    return _grant_read(grant, service.user_names(session, [grant])[grant.user_id])


def _summaries(session: SessionDep, trajectories: list[Trajectory]) -> list[TrajectorySummary]:
    initials = service.participant_initials(session, trajectories)
    return [
        TrajectorySummary(
            id=t.id,
            participant_initials=initials[t.participant_id],
            organisation_id=t.organisation_id,
            framework_code=t.framework_code,
            phase=t.phase,
            status=t.status,
            referred_on=t.referred_on,
            started_on=t.started_on,
            closed_on=t.closed_on,
            phase_since=t.phase_since,
        )
        for t in trajectories
    ]


@router.get(
    "/trajectories/{trajectory_id}/summary",
    response_model=TrajectorySummary,
    responses=problems(404),
    summary="Initials, phase and dates: for whoever may know the trajectory exists",
)
def get_summary(
    trajectory_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> TrajectorySummary:
    return _summaries(session, [service.get_summary(session, principal, trajectory_id)])[0]


@router.get(
    "/trajectory-summaries",
    response_model=Page[TrajectorySummary],
    summary="Summaries of every trajectory you may know of, partner organisations' included",
)
def list_summaries(
    session: SessionDep,
    principal: CurrentPrincipal,
    organisation_id: uuid.UUID | None = None,
    phase: Phase | None = None,
    status: Status | None = None,
    sort: Annotated[
        str, Query(max_length=20, description="referred_on, phase_since; '-' for descending")
    ] = "-referred_on",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[TrajectorySummary]:
    page = service.list_summaries(
        session,
        principal,
        organisation_id=organisation_id,
        phase=phase,
        status=status,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return Page[TrajectorySummary](
        items=_summaries(session, list(page.rows)), next_cursor=page.next_cursor, total=page.total
    )
