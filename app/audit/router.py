from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from app.audit import service
from app.audit.models import AuditEvent, AuditOutcome
from app.audit.schemas import AuditEventRead
from app.core.dates import IsoDate
from app.core.deps import DEFAULT_LIMIT, CurrentPrincipal, Cursor, Limit, SessionDep
from app.core.openapi import problems
from app.core.pagination import Page

router = APIRouter(tags=["audit"])


def _read(event: AuditEvent, names: dict[uuid.UUID, str]) -> AuditEventRead:
    return AuditEventRead.model_validate(
        {
            **{f: getattr(event, f) for f in AuditEventRead.model_fields if f != "user_name"},
            "user_name": names.get(event.user_id),
        }
    )


@router.get(
    "/audit-events",
    response_model=Page[AuditEventRead],
    responses=problems(403),
    summary="Who read or changed what, newest first (admins: their organisation's files and staff)",
)
def list_audit_events(
    session: SessionDep,
    principal: CurrentPrincipal,
    participant_id: uuid.UUID | None = None,
    trajectory_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
    from_: Annotated[
        IsoDate | None, Query(alias="from", description="First day (UTC), inclusive")
    ] = None,
    to: Annotated[IsoDate | None, Query(description="Last day (UTC), inclusive")] = None,
    outcome: AuditOutcome | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[AuditEventRead]:
    page = service.list_events(
        session,
        principal,
        participant_id=participant_id,
        trajectory_id=trajectory_id,
        user_id=user_id,
        from_=from_,
        to=to,
        outcome=outcome,
        limit=limit,
        cursor=cursor,
    )
    names = service.user_names(session, page.rows)
    return Page[AuditEventRead](
        items=[_read(event, names) for event in page.rows],
        next_cursor=page.next_cursor,
        total=page.total,
    )
