"""Sliding-window limits counted in the database, so every worker sees the same count."""

from __future__ import annotations

from datetime import datetime

from app.core.errors import TooManyRequests


def refuse_over_limit(
    count: int,
    oldest: datetime | None,
    *,
    limit: int,
    window_start: datetime,
    now: datetime,
    detail: str,
) -> None:
    """429 when ``count`` events since ``window_start`` reach ``limit``; Retry-After says when
    the oldest of them leaves the window."""
    if count < limit or oldest is None:
        return
    # SQLite hands back naive timestamps from aggregates: they are stored as UTC.
    oldest_at = oldest if oldest.tzinfo else oldest.replace(tzinfo=now.tzinfo)
    raise TooManyRequests(detail, retry_after=int((oldest_at - window_start).total_seconds()) + 1)
