"""What a request touched. Services call ``audit.touch`` where they load personal data; the
request's session dependency (app/core/deps.get_session) turns the touches into exactly one
audit event, written in the same transaction just before the commit.

Call it where the data is loaded (the getter), not in routers: every route that goes through
the getter is then audited, including the ones added later. Touching the same object twice, or
from a helper that another service calls, is harmless: a request still gives one event.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

_KEY = "audit_touches"


@dataclass
class Touches:
    """Kept in ``session.info`` for the length of one request."""

    object_type: str | None = None
    object_id: uuid.UUID | None = None
    # trajectory → its participant, when the caller knew it (else looked up once at write)
    trajectories: dict[uuid.UUID, uuid.UUID | None] = field(default_factory=dict)
    participants: dict[uuid.UUID, None] = field(default_factory=dict)  # an ordered set

    def name_object(self, object_type: str, object_id: uuid.UUID | None) -> None:
        # The first named object is the one the URL asked for (getters run before the rest).
        if self.object_id is None and object_id is not None:
            self.object_type, self.object_id = object_type, object_id
        elif self.object_type is None:
            self.object_type = object_type


def touch(
    session: Session,
    *,
    object_type: str,
    object_id: uuid.UUID | None = None,
    trajectory_id: uuid.UUID | None = None,
    participant_id: uuid.UUID | None = None,
) -> None:
    """Personal data of one case file was read (or is about to be changed) in this request.

    ``object_type`` is the table name (``"trajectories"``, ``"notes"``); pass the participant
    when it is at hand, else the trajectory (its participant is looked up once, at write).
    """
    touches = _touches(session)
    touches.name_object(object_type, object_id)
    if trajectory_id is not None and touches.trajectories.get(trajectory_id) is None:
        touches.trajectories[trajectory_id] = participant_id
    if participant_id is not None:
        touches.participants[participant_id] = None


def touch_many(
    session: Session,
    *,
    object_type: str,
    participant_ids: Iterable[uuid.UUID | None] = (),
    trajectory_ids: Iterable[uuid.UUID] = (),
) -> None:
    """A list showed personal data of these participants (the page actually returned), or of
    the participants of these trajectories (looked up once, at write).

    The event then names the participant when the list held exactly one, else only the count.
    A list that showed nobody's file (employers, say) still leaves its event.
    """
    touches = _touches(session)
    touches.name_object(object_type, None)
    for participant_id in participant_ids:
        if participant_id is not None:
            touches.participants[participant_id] = None
    for trajectory_id in trajectory_ids:
        touches.trajectories.setdefault(trajectory_id, None)


def touches_of(session: Session) -> Touches | None:
    found = session.info.get(_KEY)
    return found if isinstance(found, Touches) else None


def _touches(session: Session) -> Touches:
    touches = touches_of(session)
    if touches is None:
        touches = session.info[_KEY] = Touches()
    return touches
