from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from app.core.concurrency import etag
from app.core.deps import CurrentPrincipal, IfMatch, SessionDep
from app.core.openapi import problems
from app.funding import service
from app.funding.months import month_key
from app.funding.schemas import (
    ActionCounts,
    FunderMonthDecide,
    FunderMonthList,
    FunderMonthRead,
    FunderMonthSummary,
)

router = APIRouter(prefix="/trajectories/{trajectory_id}/funder-months", tags=["funding"])


def month_from_path(
    month: Annotated[
        str, Path(max_length=7, description="The month as YYYY-MM", examples=["2026-03"])
    ],
) -> date:
    return service.parse_month(month)


Month = Annotated[date, Depends(month_from_path)]


def _read(view: service.FunderMonthView) -> FunderMonthRead:
    realisation, decision = view.realisation, view.decision
    return FunderMonthRead(
        month=month_key(realisation.month),
        active=realisation.active,
        actions=ActionCounts(
            **{kind.value: number for kind, number in realisation.actions.items()},
            total=realisation.action_total,
        ),
        realised=realisation.realised,
        decision=decision.decision if decision else None,
        comment=decision.comment if decision else None,
        decided_by=decision.decided_by if decision else None,
        decided_at=decision.decided_at if decision else None,
        version=view.version,
        approved_but_not_realised=view.approved_but_not_realised,
    )


@router.get("", response_model=FunderMonthList, responses=problems(404))
def list_funder_months(
    trajectory_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> FunderMonthList:
    overview = service.list_funder_months(session, principal, trajectory_id)
    return FunderMonthList(
        items=[_read(view) for view in overview.months],
        summary=FunderMonthSummary(
            **service.summary_counts(overview.months),
            participant_approved=overview.participant_approved,
            participant_cap=overview.cap,
        ),
    )


@router.get("/{month}", response_model=FunderMonthRead, responses=problems(404))
def get_funder_month(
    trajectory_id: uuid.UUID,
    month: Month,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> FunderMonthRead:
    view = service.get_funder_month(session, principal, trajectory_id, month)
    response.headers["ETag"] = etag(view.version)
    return _read(view)


@router.patch(
    "/{month}", response_model=FunderMonthRead, responses=problems(403, 404, 409, 412, 428)
)
def decide_funder_month(
    trajectory_id: uuid.UUID,
    month: Month,
    data: FunderMonthDecide,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> FunderMonthRead:
    """Approve or reject a month that is over. A month never decided has version 0."""
    view = service.decide_funder_month(
        session, principal, trajectory_id, month, data, version=version
    )
    response.headers["ETag"] = etag(view.version)
    return _read(view)
