"""Pure ASGI middleware: security headers, body size and media type checks, the access log.

These run before FastAPI parses anything, so an oversized or mistyped body is refused without
being read whole.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'"
)

SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]

METHODS_WITH_BODY = {"POST", "PUT", "PATCH", "DELETE"}
access_log = logging.getLogger("werkpad.access")


async def send_problem(
    send: Send, status: int, title: str, detail: str, headers: Iterable[tuple[bytes, bytes]] = ()
) -> None:
    body = json.dumps(
        {"type": "about:blank", "title": title, "status": status, "detail": detail}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_api = scope["path"].startswith("/api/")

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                if is_api and b"cache-control" not in present:
                    # API answers carry personal data: no browser or proxy may keep them.
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, add_headers)


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes`` with 413, reading at most ``max_bytes + 1`` bytes."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in METHODS_WITH_BODY:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await send_problem(send, 400, "Malformed request", "Invalid Content-Length")
                return
            if int(declared) > self.max_bytes:
                await self._too_large(send)
                return
            await self.app(scope, receive, send)
            return
        # No length given (chunked): buffer up to the limit, then replay to the app.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        await send_problem(
            send,
            413,
            "Request body too large",
            f"The body may be at most {self.max_bytes} bytes",
            headers=[(b"connection", b"close")],
        )


class MediaTypeMiddleware:
    """API bodies are JSON, except the OAuth2 login form: anything else is a 415."""

    def __init__(self, app: ASGIApp, form_paths: set[str]) -> None:
        self.app = app
        self.form_paths = form_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in METHODS_WITH_BODY
            or not scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        has_body = headers.get(b"content-length", b"0") != b"0" or b"transfer-encoding" in headers
        if has_body:
            media_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
            if scope["path"] in self.form_paths:
                allowed = media_type == b"application/x-www-form-urlencoded"
                expected = "application/x-www-form-urlencoded"
            else:
                allowed = media_type == b"application/json" or (
                    media_type.startswith(b"application/") and media_type.endswith(b"+json")
                )
                expected = "application/json"
            if not allowed:
                await send_problem(
                    send, 415, "Unsupported media type", f"Send the body as {expected}"
                )
                return
        await self.app(scope, receive, send)


class AccessLogMiddleware:
    """One log line per request, without what a request can carry about a person.

    Uvicorn's own access log prints the query string, and a caseload search puts a name there
    (``?q=Janssens``); this line keeps only the query's parameter names. Paths hold ids, never
    names. Status and duration are what operations need.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client sees if the app dies before answering

        async def send_and_note_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note_status)
        finally:
            access_log.info(
                "%s %s%s %d %.1fms",
                scope["method"],
                scope["path"],
                query_keys(scope.get("query_string", b"")),
                status,
                (time.perf_counter() - started) * 1000,
            )


def query_keys(query_string: bytes) -> str:
    """``q=Jan&limit=5`` → ``?q=…&limit=…``: which parameters, not their values."""
    if not query_string:
        return ""
    keys = [part.split(b"=", 1)[0].decode("latin-1") for part in query_string.split(b"&") if part]
    return "?" + "&".join(f"{key}=…" for key in keys)
