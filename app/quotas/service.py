"""Export quota: a file export reads a whole case file or an organisation's figures, so one
account may start only so many per window (settings ``export_max_per_window`` and
``export_window_seconds``). Beyond that: 429 with Retry-After.

Two exports racing for the last place may both pass: the limit slows down bulk harvesting with
a stolen session; it is not an exact meter."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.access.policies import Principal
from app.core.config import Settings
from app.core.database import utcnow
from app.core.throttling import refuse_over_limit
from app.quotas.models import ExportRequest


def take_export(
    session: Session,
    principal: Principal,
    settings: Settings,
    *,
    kind: str,
    now: datetime | None = None,
) -> None:
    """Count one export for the caller, or refuse it when the window is full. Call it after
    the access checks (an invisible object stays a 404) and before building the file."""
    now = now or utcnow()
    window_start = now - timedelta(seconds=settings.export_window_seconds)
    # Older rows say nothing any more: drop the caller's, so the table stays small.
    session.execute(
        delete(ExportRequest).where(
            ExportRequest.user_id == principal.id, ExportRequest.requested_at < window_start
        )
    )
    count, oldest = session.execute(
        select(func.count(), func.min(ExportRequest.requested_at)).where(
            ExportRequest.user_id == principal.id, ExportRequest.requested_at >= window_start
        )
    ).one()
    refuse_over_limit(
        count,
        oldest,
        limit=settings.export_max_per_window,
        window_start=window_start,
        now=now,
        detail=f"At most {settings.export_max_per_window} exports per "
        f"{settings.export_window_seconds // 60} minutes: wait before the next one",
    )
    session.add(ExportRequest(user_id=principal.id, kind=kind, requested_at=now))
