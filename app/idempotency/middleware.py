"""`Idempotency-Key` for every POST under the API, without any router knowing (api.md).

A pure ASGI middleware inside the body-limit and media-type checks: those answer first, so the
body read here is at most ``max_body_bytes``. Requests without the header, or without a valid
bearer token, pass through untouched (the route answers 401 as always). Login, refresh and
logout are not covered: they carry no bearer token and must never be replayed.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import anyio
from anyio import to_thread
from fastapi.security.utils import get_authorization_scheme_param
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.auth import service as auth_service
from app.core.config import Settings
from app.core.database import is_unique_violation, session_scope
from app.core.errors import AppError, NotAuthenticated, ServiceUnavailable
from app.idempotency import service
from app.idempotency.service import Reserved, StoredResponse

log = logging.getLogger("werkpad")
T = TypeVar("T")

HEADER_NAME = service.HEADER.lower().encode()
REPLAYED_HEADER = (b"idempotent-replayed", b"true")
NO_BODY_STATUSES = {204, 304}  # HTTP forbids a Content-Length on these


class IdempotencyMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        sessionmaker: sessionmaker[Session],
        settings: Settings,
        prefix: str,
        excluded_prefixes: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        self.sessionmaker = sessionmaker
        self.settings = settings
        self.prefix = prefix.rstrip("/") + "/"
        self.excluded_prefixes = excluded_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._covers(scope):
            await self.app(scope, receive, send)
            return
        keys = [value.decode("latin-1") for name, value in scope["headers"] if name == HEADER_NAME]
        token = _bearer_token(scope)
        if not keys or token is None:
            await self.app(scope, receive, send)
            return

        body = await _read_body(receive)
        if body is None:  # the client went away
            return
        replay_receive = _replaying(body, receive)
        request_fingerprint = service.fingerprint(
            method=scope["method"],
            path=scope["path"],
            query_string=scope.get("query_string", b""),
            body=body,
        )
        try:
            outcome = await _in_thread(partial(self._reserve, token, keys, request_fingerprint))
        except AppError as error:
            await _problem(error)(scope, replay_receive, send)
            return
        except (DBAPIError, PoolTimeout) as exc:
            if not _database_unreachable(exc):
                raise  # a bug, rendered as 500 by the app's last-resort handler
            log.error("database unavailable: %s", exc)
            await _problem(ServiceUnavailable(DATABASE_UNAVAILABLE))(scope, replay_receive, send)
            return

        if outcome is None:  # no valid token: the route answers as it always does
            await self.app(scope, replay_receive, send)
        elif isinstance(outcome, StoredResponse):
            await _send_replay(send, outcome)
        else:
            await self._run_route(scope, replay_receive, send, outcome)

    def _covers(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] != "POST":
            return False
        path: str = scope["path"]
        return path.startswith(self.prefix) and not path.startswith(self.excluded_prefixes)

    async def _run_route(
        self, scope: Scope, receive: Receive, send: Send, reserved: Reserved
    ) -> None:
        recorder = _ResponseRecorder()
        try:
            await self.app(scope, receive, recorder.send)
        except BaseException:
            with anyio.CancelScope(shield=True):
                await _in_thread(partial(self._release, reserved.record_id))
            raise
        # Stored before the client sees the answer: once it has it, a retry replays it.
        with anyio.CancelScope(shield=True):
            stored = recorder.stored_success()
            if stored is not None:
                await _in_thread(partial(self._complete, reserved.record_id, stored))
            else:
                await _in_thread(partial(self._release, reserved.record_id))
        for message in recorder.messages:
            await send(message)

    # --- database work, run in a worker thread ------------------------------------------

    def _reserve(
        self, token: str, keys: list[str], request_fingerprint: str
    ) -> Reserved | StoredResponse | None:
        user_id: uuid.UUID | None = None
        key = ""
        try:
            with session_scope(self.sessionmaker) as session:
                try:
                    user = auth_service.authenticate(
                        session, bearer_token=token, settings=self.settings
                    )
                except NotAuthenticated:
                    return None
                user_id = user.id
                key = service.check_key(keys)
                return service.reserve(
                    session, user_id=user_id, key=key, fingerprint=request_fingerprint
                )
        except IntegrityError as exc:
            if user_id is None or not is_unique_violation(exc):
                raise
        # Another request reserved the same key between our read and our insert.
        with session_scope(self.sessionmaker) as session:
            return service.answer_after_race(
                session, user_id=user_id, key=key, fingerprint=request_fingerprint
            )

    def _complete(self, record_id: uuid.UUID, stored: StoredResponse) -> None:
        try:
            with session_scope(self.sessionmaker) as session:
                service.complete(session, record_id=record_id, response=stored)
        except Exception:
            # The route's write is committed; the key stays in progress (409) until it
            # expires rather than letting a retry write a second time.
            log.exception("could not store the answer for an idempotency key")

    def _release(self, record_id: uuid.UUID) -> None:
        try:
            with session_scope(self.sessionmaker) as session:
                service.release(session, record_id=record_id)
        except Exception:
            log.exception("could not free an idempotency key; it answers 409 until it expires")


DATABASE_UNAVAILABLE = "The database is not reachable; try again shortly"


class _ResponseRecorder:
    """Holds the route's answer back until it is stored (answers here are small JSON)."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.status: int | None = None
        self.headers: list[tuple[bytes, bytes]] = []
        self.body = bytearray()
        self.complete = False

    async def send(self, message: Message) -> None:
        self.messages.append(message)
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            self.headers = list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")
            self.complete = not message.get("more_body", False)

    def stored_success(self) -> StoredResponse | None:
        if not self.complete or self.status is None or not 200 <= self.status < 300:
            return None
        return StoredResponse(
            status=self.status,
            headers=[
                (name.decode("latin-1").lower(), value.decode("latin-1"))
                for name, value in self.headers
            ],
            body=bytes(self.body),
        )


def _database_unreachable(exc: Exception) -> bool:
    # The same cases app/main.py answers with 503.
    if isinstance(exc, OperationalError | PoolTimeout):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def _bearer_token(scope: Scope) -> str | None:
    # The same parsing as the OAuth2PasswordBearer dependency the routes use.
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, token = get_authorization_scheme_param(value.decode("latin-1"))
            return token if scheme.lower() == "bearer" and token else None
    return None


async def _read_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _send_replay(send: Send, stored: StoredResponse) -> None:
    headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in stored.headers]
    if stored.status not in NO_BODY_STATUSES:
        headers.append((b"content-length", str(len(stored.body)).encode()))
    headers.append(REPLAYED_HEADER)
    await send({"type": "http.response.start", "status": stored.status, "headers": headers})
    await send({"type": "http.response.body", "body": stored.body})


def _problem(error: AppError) -> JSONResponse:
    """The same problem+json as app/main.py's AppError handler (which runs inside us)."""
    body: dict[str, Any] = {
        "type": f"urn:werkpad:problem:{error.type_slug}",
        "title": error.title,
        "status": error.status,
        "detail": error.detail,
    }
    if error.errors:
        body["errors"] = [e.as_dict() for e in error.errors]
    body.update(error.extra)
    return JSONResponse(
        body, status_code=error.status, headers=error.headers, media_type="application/problem+json"
    )


async def _in_thread(function: Callable[[], T]) -> T:
    return await to_thread.run_sync(function)
