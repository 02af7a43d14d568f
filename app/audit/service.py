"""Writing, listing and verifying audit events. The rule for *which* requests leave an event
is ``is_audited``; the event itself is built from the request's facts and what its services
touched (app/audit/touches.py)."""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from itertools import pairwise
from typing import Any

from sqlalchemy import BindParameter, Insert, Select, bindparam, insert, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.access import policies
from app.access.models import BreakGlassGrant
from app.access.permissions import Action
from app.access.policies import Principal
from app.audit import chain
from app.audit.models import AuditAction, AuditEvent, AuditOutcome
from app.audit.schemas import FileLook
from app.audit.touches import Touches, touch, touch_many
from app.auth import service as auth_service
from app.auth.models import User
from app.core.database import utcnow
from app.core.errors import FieldError, RuleViolation, ServiceUnavailable
from app.core.pagination import PageResult, paginate, parse_sort
from app.organisations.models import Organisation
from app.trajectories.models import Trajectory

log = logging.getLogger("werkpad")

API_PREFIX = "/api/v1/"
UNAUDITED_PREFIXES = ("/api/v1/auth/",)  # login, refresh, logout: the auth ledger covers them
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
PROBING_STATUSES = frozenset({403, 404})
ACTIONS = {
    "GET": AuditAction.READ,
    "HEAD": AuditAction.READ,
    "POST": AuditAction.CREATE,
    "PUT": AuditAction.UPDATE,
    "PATCH": AuditAction.UPDATE,
    "DELETE": AuditAction.DELETE,
}
# Serialises chain writers on PostgreSQL (an arbitrary constant: "Werk" in ASCII).
CHAIN_LOCK_KEY = 0x5765726B


class AuditUnavailable(ServiceUnavailable):
    """The event could not be written: the request fails and nothing of it is committed."""

    def __init__(self) -> None:
        super().__init__("The audit trail could not be written, so nothing was done; try again")


@dataclass(frozen=True)
class RequestFacts:
    """What the audit needs to know about a request, independent of the web framework."""

    principal: Principal | None
    method: str
    route: str  # the template, e.g. /api/v1/trajectories/{trajectory_id}
    path_params: Mapping[str, str] = field(default_factory=dict)
    client_address: str | None = None


def outcome_of(status: int) -> AuditOutcome:
    if status < 400:
        return AuditOutcome.OK
    if status in (401, 403):
        return AuditOutcome.DENIED
    if status == 404:
        return AuditOutcome.NOT_FOUND
    if status < 500:
        return AuditOutcome.INVALID
    return AuditOutcome.ERROR


def is_audited(facts: RequestFacts, touches: Touches | None, status: int) -> bool:
    """Every write, every read that touched personal data, and every refused or invisible
    read (probing), by a known caller under the API; never the auth endpoints."""
    if facts.principal is None:
        return False  # nobody to name: failed logins are in the auth ledger instead
    if not facts.route.startswith(API_PREFIX) or facts.route.startswith(UNAUDITED_PREFIXES):
        return False
    return facts.method in WRITE_METHODS or touches is not None or status in PROBING_STATUSES


def record(session: Session, facts: RequestFacts, touches: Touches | None, *, status: int) -> None:
    """Append the request's event in ``session``'s transaction; the caller commits at once."""
    if not is_audited(facts, touches, status):
        return
    try:
        append_event(session, _event_fields(session, facts, touches, status))
    except SQLAlchemyError as exc:
        log.error("audit event not written for %s %s: %s", facts.method, facts.route, exc)
        raise AuditUnavailable() from exc


# --- building one event ---------------------------------------------------------------------


@dataclass
class _PathIds:
    object_type: str | None = None
    object_id: uuid.UUID | None = None
    trajectory_id: uuid.UUID | None = None
    participant_id: uuid.UUID | None = None


def _as_uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


def _path_ids(facts: RequestFacts) -> _PathIds:
    """The ids the URL names, also when the request failed before any service touched them
    (a 404 on someone else's trajectory is exactly what the owner wants to see)."""
    ids = _PathIds()
    segments = facts.route.strip("/").split("/")
    for before, segment in pairwise(segments):
        if not (segment.startswith("{") and segment.endswith("}")):
            continue
        name = segment[1:-1]
        value = _as_uuid(facts.path_params.get(name))
        if value is None:
            continue
        ids.object_type, ids.object_id = before.replace("-", "_")[:64], value
        if name == "trajectory_id":
            ids.trajectory_id = value
        elif name == "participant_id":
            ids.participant_id = value
    return ids


def _collection_of(route: str) -> str | None:
    """The route's last fixed segment (``/api/v1/employers`` → ``employers``): what a request
    that named no object was about, such as a create whose service touched nothing."""
    fixed = [s for s in route.strip("/").split("/") if not s.startswith("{")]
    return fixed[-1].replace("-", "_")[:64] if fixed else None


def _event_fields(
    session: Session, facts: RequestFacts, touches: Touches | None, status: int
) -> dict[str, Any]:
    principal = facts.principal
    assert principal is not None  # checked by is_audited
    touches = touches or Touches()
    path = _path_ids(facts)
    trajectories = dict(touches.trajectories)
    if path.trajectory_id is not None and trajectories.get(path.trajectory_id) is None:
        trajectories[path.trajectory_id] = None
    unknown = [t for t, p in trajectories.items() if p is None]
    if unknown:
        rows = session.execute(
            select(Trajectory.id, Trajectory.participant_id).where(Trajectory.id.in_(unknown))
        ).all()
        trajectories.update({row.id: row.participant_id for row in rows})
    participants = dict(touches.participants)
    if path.participant_id is not None:
        participants[path.participant_id] = None
    participants.update({p: None for p in trajectories.values() if p is not None})

    if touches.object_id is not None or path.object_type is None:
        object_type, object_id = touches.object_type, touches.object_id
    else:
        object_type, object_id = path.object_type, path.object_id
    object_type = object_type or _collection_of(facts.route)
    grant = _running_grant(session, principal, list(trajectories), list(participants))
    return {
        "id": uuid.uuid4(),
        "occurred_at": utcnow(),
        "user_id": principal.id,
        "user_role": principal.role.value,
        "organisation_id": principal.organisation_id,
        "method": facts.method[:8],
        "route": facts.route[:300],
        "action": ACTIONS.get(facts.method, AuditAction.READ),
        "object_type": object_type,
        "object_id": object_id,
        "trajectory_id": next(iter(trajectories)) if len(trajectories) == 1 else None,
        "participant_id": next(iter(participants)) if len(participants) == 1 else None,
        "participant_count": len(participants),
        "client_address": facts.client_address[:64] if facts.client_address else None,
        "outcome": outcome_of(status),
        "status_code": status,
        "break_glass_grant_id": grant.id if grant else None,
        "break_glass_reason": grant.reason if grant else None,
    }


def _running_grant(
    session: Session,
    principal: Principal,
    trajectory_ids: Sequence[uuid.UUID],
    participant_ids: Sequence[uuid.UUID],
) -> Any:
    """The caller's running break-the-glass grant on what the request concerned, if any: such
    a grant only exists where the caller had no other ground (access/service.break_the_glass)."""
    if not principal.bound_by_professional_secrecy or not (trajectory_ids or participant_ids):
        return None
    now = utcnow()
    return session.execute(
        _running_grant_query(),
        {
            "grant_user_id": principal.id,
            "grant_now": now,
            "grant_trajectory_ids": list(trajectory_ids),
            "grant_participant_ids": list(participant_ids),
        },
    ).first()


@functools.cache
def _running_grant_query() -> Select[uuid.UUID, str]:
    # Built once: the audit write runs on every audited request.
    now: BindParameter[datetime] = bindparam("grant_now")
    return (
        select(BreakGlassGrant.id, BreakGlassGrant.reason)
        .join(Trajectory, Trajectory.id == BreakGlassGrant.trajectory_id)
        .where(
            BreakGlassGrant.user_id == bindparam("grant_user_id"),
            BreakGlassGrant.started_at <= now,
            BreakGlassGrant.expires_at > now,
            or_(
                Trajectory.id.in_(bindparam("grant_trajectory_ids", expanding=True)),
                Trajectory.participant_id.in_(bindparam("grant_participant_ids", expanding=True)),
            ),
        )
        .order_by(BreakGlassGrant.expires_at.desc())
        .limit(1)
    )


# --- the chain ------------------------------------------------------------------------------


def _serialise_writers(session: Session) -> None:
    """Only one transaction at a time may read the chain's head and append to it; the lock
    is held until the commit, which follows right away.

    PostgreSQL: a transaction-level advisory lock. SQLite: the database write lock. A request
    that only read has not taken it yet (pysqlite starts transactions at the first write), and
    reading the head first would race: take the lock before reading.
    """
    connection = session.connection()
    if connection.dialect.name == postgresql.dialect.name:
        connection.execute(_ADVISORY_LOCK, {"key": CHAIN_LOCK_KEY})
    elif connection.dialect.name == sqlite.dialect.name:
        driver = connection.connection.dbapi_connection
        if not getattr(driver, "in_transaction", True):
            connection.exec_driver_sql("BEGIN IMMEDIATE")


_ADVISORY_LOCK = text("SELECT pg_advisory_xact_lock(:key)")


@functools.cache
def _chain_head() -> Select[int, str]:
    return select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)


@functools.cache
def _insert_event() -> Insert:
    return insert(AuditEvent.metadata.tables[AuditEvent.__tablename__])


def append_event(session: Session, fields: Mapping[str, Any]) -> None:
    _serialise_writers(session)
    head = session.execute(_chain_head()).first()
    seq, prev_hash = (head.seq + 1, head.hash) if head else (1, chain.GENESIS_HASH)
    values = {**fields, "seq": seq}
    # The request's own pending changes go first, as they would in one flush: a failure
    # there is reported like a failed audit write.
    session.flush()
    # A plain INSERT rather than an ORM object: nothing reads the event back in this
    # session, and the unit of work cost more than the write.
    session.execute(
        _insert_event(),
        {**values, "prev_hash": prev_hash, "hash": chain.event_hash(prev_hash, values)},
    )


def verify_chain(session: Session) -> chain.Verdict:
    """Recompute the whole chain, streaming (constant memory however long the trail)."""
    columns = [AuditEvent.__table__.c[name] for name in (*chain.HASHED_FIELDS, "prev_hash", "hash")]
    rows = session.execute(
        select(*columns).order_by(AuditEvent.seq).execution_options(yield_per=1000)
    ).mappings()
    return chain.verify(rows)


# --- reading the trail ----------------------------------------------------------------------

AUDIT_SORTS = {"seq": AuditEvent.seq}


def list_events(
    session: Session,
    principal: Principal,
    *,
    participant_id: uuid.UUID | None,
    trajectory_id: uuid.UUID | None,
    user_id: uuid.UUID | None,
    from_: date | None,
    to: date | None,
    outcome: AuditOutcome | None,
    limit: int,
    cursor: str | None,
) -> PageResult:
    """Newest first. Reading the trail is itself recorded (who watches the watchers)."""
    policies.require(principal, Action.AUDIT_READ)
    if from_ is not None and to is not None and to < from_:
        raise RuleViolation("The period ends before it starts", errors=[_before_from()])
    touch(
        session,
        object_type="audit_events",
        trajectory_id=trajectory_id,
        participant_id=participant_id,
    )
    statement = select(AuditEvent).where(policies.visible_audit_events(principal))
    if participant_id is not None:
        statement = statement.where(AuditEvent.participant_id == participant_id)
    if trajectory_id is not None:
        statement = statement.where(AuditEvent.trajectory_id == trajectory_id)
    if user_id is not None:
        statement = statement.where(AuditEvent.user_id == user_id)
    if outcome is not None:
        statement = statement.where(AuditEvent.outcome == outcome)
    if from_ is not None:
        statement = statement.where(
            AuditEvent.occurred_at >= datetime.combine(from_, time.min, UTC)
        )
    if to is not None:
        statement = statement.where(AuditEvent.occurred_at <= datetime.combine(to, time.max, UTC))
    page = paginate(
        session,
        statement,
        id_column=AuditEvent.id,
        sort=parse_sort("-seq", AUDIT_SORTS),
        limit=limit,
        cursor=cursor,
    )
    # Whose files the page showed being looked at: that, too, is about them.
    touch_many(
        session,
        object_type="audit_events",
        participant_ids=[event.participant_id for event in page.rows],
    )
    return page


def _before_from() -> FieldError:
    return FieldError("to", "cannot be before from", "before_field", {"other": "from"})


def user_names(session: Session, events: Sequence[AuditEvent]) -> dict[uuid.UUID, str]:
    return auth_service.names_of(session, (item.user_id for item in events))


def file_looks(session: Session, participant_id: uuid.UUID) -> list[FileLook]:
    """ "Who looked at my file": every recorded read or change that concerned this participant,
    oldest first, with the person and organisation by name (for the participant's export).

    Lists that showed several people at once are not included: they name a count, not a file.
    """
    rows = session.execute(
        select(AuditEvent, User.name, Organisation.name)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .outerjoin(Organisation, Organisation.id == AuditEvent.organisation_id)
        .where(AuditEvent.participant_id == participant_id)
        .order_by(AuditEvent.seq)
    ).all()
    return [
        FileLook(
            occurred_at=event.occurred_at,
            user_name=user_name,
            user_role=event.user_role,
            organisation_name=organisation_name,
            action=event.action,
            route=event.route,
            object_type=event.object_type,
            outcome=event.outcome,
            break_glass_reason=event.break_glass_reason,
        )
        for event, user_name, organisation_name in rows
    ]
