"""The audit trail. Services mark what a request touched with ``audit.touch`` (one case file)
or ``audit.touch_many`` (a list); the session dependency writes the request's one event.

    from app import audit

    audit.touch(session, object_type="notes", object_id=note.id, trajectory_id=note.trajectory_id)
"""

from app.audit.touches import touch, touch_many

__all__ = ["touch", "touch_many"]
