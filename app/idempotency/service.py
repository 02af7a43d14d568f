"""Reserving, answering and storing idempotency keys. No ASGI here; no commits.

A key is reserved (``in_progress``) before the route runs, in a transaction of its own, so the
unique constraint on (user, key) lets exactly one of several simultaneous requests through.
A 2xx answer is then stored (``completed``) and replayed for every retry; any other answer
frees the key. If the process dies after the route committed but before the answer was
stored, the key stays ``in_progress`` and answers 409 until it expires: we cannot tell
whether the write happened, and a 409 never writes twice.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.core.database import utcnow
from app.core.errors import Conflict, FieldError, RuleViolation
from app.idempotency.models import IdempotencyKey, KeyState

HEADER = "Idempotency-Key"
KEY_LIFETIME = timedelta(hours=24)
MAX_KEY_LENGTH = 255
# Expired rows removed per reservation: enough to keep pace, never a long transaction.
SWEEP_LIMIT = 100
# What a client relies on in a creating answer; everything else is recomputed on replay.
STORED_HEADERS = frozenset({"location", "etag", "content-type"})


@dataclass(frozen=True)
class Reserved:
    record_id: uuid.UUID


@dataclass(frozen=True)
class StoredResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def check_key(values: Sequence[str]) -> str:
    """The key from the header's values: one value of 1 to 255 visible ASCII characters."""
    if len(values) != 1:
        raise _invalid_key("must be sent once")
    key = values[0]
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        raise _invalid_key(f"must be 1 to {MAX_KEY_LENGTH} characters long")
    if not all("!" <= ch <= "~" for ch in key):
        raise _invalid_key("may contain visible ASCII characters only (no spaces)")
    return key


def fingerprint(*, method: str, path: str, query_string: bytes, body: bytes) -> str:
    """sha256 over the request's parts, each length-prefixed so no two requests collide."""
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode("utf-8", "surrogatepass"), query_string, body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def reserve(
    session: Session,
    *,
    user_id: uuid.UUID,
    key: str,
    fingerprint: str,
    now: datetime | None = None,
) -> Reserved | StoredResponse:
    """Reserve the key for this request, or answer from an earlier one with the same key.

    Raises RuleViolation when the key was used for another request and Conflict while the
    earlier one is still running. A simultaneous reservation of the same key makes the flush
    (or commit) fail with a unique violation: see ``answer_after_race``.
    """
    now = now or utcnow()
    existing = _find(session, user_id=user_id, key=key)
    if existing is not None:
        if existing.expires_at > now:
            return _answer_from(existing, fingerprint)
        # Expired: forgotten, as if the key were new. By id, so a fresh row is never hit.
        session.execute(delete(IdempotencyKey).where(IdempotencyKey.id == existing.id))
    record = IdempotencyKey(
        id=uuid.uuid4(),
        user_id=user_id,
        key=key,
        fingerprint=fingerprint,
        state=KeyState.IN_PROGRESS,
        created_at=now,
        expires_at=now + KEY_LIFETIME,
    )
    session.add(record)
    session.flush()
    sweep_expired(session, now=now)
    return Reserved(record.id)


def answer_after_race(
    session: Session, *, user_id: uuid.UUID, key: str, fingerprint: str
) -> StoredResponse:
    """For the loser of a race on one key: the winner's row decides (usually 409)."""
    existing = _find(session, user_id=user_id, key=key)
    if existing is None or existing.expires_at <= utcnow():
        # The winner already failed and freed the key: the client may simply retry.
        raise _in_progress()
    return _answer_from(existing, fingerprint)


def complete(session: Session, *, record_id: uuid.UUID, response: StoredResponse) -> None:
    session.execute(
        update(IdempotencyKey)
        .where(IdempotencyKey.id == record_id, IdempotencyKey.state == KeyState.IN_PROGRESS)
        .values(
            state=KeyState.COMPLETED,
            response_status=response.status,
            response_headers=[
                [name, value] for name, value in response.headers if name in STORED_HEADERS
            ],
            response_body=response.body,
        )
    )


def release(session: Session, *, record_id: uuid.UUID) -> None:
    """Free the key after an answer that is not a success, so the client can retry with it."""
    session.execute(
        delete(IdempotencyKey).where(
            IdempotencyKey.id == record_id, IdempotencyKey.state == KeyState.IN_PROGRESS
        )
    )


def sweep_expired(session: Session, *, now: datetime, limit: int | None = None) -> None:
    """Delete at most ``limit`` expired keys. Rows another transaction holds are skipped
    (PostgreSQL), so two sweeps never wait for or deadlock on each other.

    The ids are read first: inside ``DELETE … WHERE id IN (SELECT … LIMIT n)`` PostgreSQL may
    run the subquery more than once (a semi-join, depending on the statistics), and then it
    deleted every expired key, not ``n``."""
    expired = session.scalars(
        select(IdempotencyKey.id)
        .where(IdempotencyKey.expires_at <= now)
        .order_by(IdempotencyKey.expires_at, IdempotencyKey.id)
        .limit(SWEEP_LIMIT if limit is None else limit)
        .with_for_update(skip_locked=True)
    ).all()
    if expired:
        session.execute(delete(IdempotencyKey).where(IdempotencyKey.id.in_(expired)))


def _find(session: Session, *, user_id: uuid.UUID, key: str) -> IdempotencyKey | None:
    return session.scalar(
        select(IdempotencyKey).where(IdempotencyKey.user_id == user_id, IdempotencyKey.key == key)
    )


def _answer_from(record: IdempotencyKey, fingerprint: str) -> StoredResponse:
    if record.fingerprint != fingerprint:
        raise _invalid_key("was already used for a different request; use a new key")
    if record.state is KeyState.IN_PROGRESS or record.response_status is None:
        raise _in_progress()
    return StoredResponse(
        status=record.response_status,
        headers=[(str(name), str(value)) for name, value in record.response_headers or []],
        body=record.response_body or b"",
    )


def _invalid_key(message: str) -> RuleViolation:
    return RuleViolation(
        f"{HEADER} {message}", errors=[FieldError(HEADER, message, "invalid_idempotency_key")]
    )


def _in_progress() -> Conflict:
    return Conflict(
        f"A request with this {HEADER} is in progress; retry it in a moment",
    )
