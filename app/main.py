"""create_app(): middleware, routers, problem+json handlers and the SPA's static files."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.access.router import router as access_router
from app.audit.router import router as audit_router
from app.auth.router import router as auth_router
from app.auth.router import users as users_router
from app.consents.router import router as consents_router
from app.core.config import Settings, get_settings
from app.core.database import make_engine, make_sessionmaker
from app.core.docs import install_docs
from app.core.errors import AppError, FieldError
from app.core.middleware import (
    AccessLogMiddleware,
    BodyLimitMiddleware,
    MediaTypeMiddleware,
    SecurityHeadersMiddleware,
)
from app.core.openapi import install_openapi
from app.core.validation import field_errors
from app.employment.router import router as employment_router
from app.funding.router import router as funding_router
from app.health.router import router as health_router
from app.idempotency.middleware import IdempotencyMiddleware
from app.notes.router import router as notes_router
from app.organisations.router import router as organisations_router
from app.outflow.router import router as outflow_router
from app.participants.router import router as participants_router
from app.progress.router import router as progress_router
from app.reports.router import router as reports_router
from app.retention.router import router as retention_router
from app.rights.router import router as rights_router
from app.timeline.router import router as timeline_router
from app.trajectories.router import router as trajectories_router

API_PREFIX = "/api/v1"
PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("werkpad")


def problem_response(
    status: int,
    title: str,
    detail: str,
    *,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
    type_slug: str | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"urn:werkpad:problem:{type_slug}" if type_slug else "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = [e.as_dict() for e in errors]
    if extra:
        body.update(extra)
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_JSON)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    def app_error(_: Request, exc: AppError) -> JSONResponse:
        return problem_response(
            exc.status,
            exc.title,
            exc.detail,
            errors=exc.errors,
            headers=exc.headers,
            extra=exc.extra,
            type_slug=exc.type_slug,
        )

    @app.exception_handler(RequestValidationError)
    def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        issues = exc.errors()
        if any(issue.get("type") == "json_invalid" for issue in issues):
            return problem_response(
                400,
                "Malformed request",
                "The body is not valid JSON",
                errors=[FieldError("body", "is not valid JSON", "invalid_json")],
                type_slug="bad-request",
            )
        errors = field_errors(issues)
        return problem_response(
            422, "Invalid values", "Some fields are invalid", errors=errors, type_slug="validation"
        )

    @app.exception_handler(StarletteHTTPException)
    def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {404: "Not found", 405: "Method not allowed"}
        return problem_response(
            exc.status_code,
            titles.get(exc.status_code, "Error"),
            str(exc.detail),
            headers=dict(exc.headers or {}),
        )

    @app.exception_handler(StaleDataError)
    def stale(_: Request, exc: StaleDataError) -> JSONResponse:
        return problem_response(
            412,
            "Precondition failed",
            "Someone else changed this record at the same time",
            type_slug="precondition-failed",
        )

    @app.exception_handler(IntegrityError)
    def integrity(_: Request, exc: IntegrityError) -> JSONResponse:
        log.warning("integrity error reached the handler: %s", exc.orig)
        return problem_response(
            409, "Conflict", "This conflicts with data already stored", type_slug="conflict"
        )

    @app.exception_handler(DataError)
    def data_error(_: Request, exc: DataError) -> JSONResponse:
        log.warning("data error reached the handler: %s", exc.orig)
        return problem_response(
            422, "Invalid values", "A value is out of range for storage", type_slug="validation"
        )

    def unavailable(_: Request, exc: Exception) -> JSONResponse:
        log.error("database unavailable: %s", exc)
        return problem_response(
            503,
            "Service unavailable",
            "The database is not reachable; try again shortly",
            headers={"Retry-After": "5"},
            type_slug="unavailable",
        )

    app.add_exception_handler(OperationalError, unavailable)
    app.add_exception_handler(PoolTimeout, unavailable)

    @app.exception_handler(DBAPIError)
    def dbapi_error(request: Request, exc: DBAPIError) -> JSONResponse:
        if exc.connection_invalidated:
            return unavailable(request, exc)
        log.exception("database error", exc_info=exc)
        return problem_response(500, "Internal error", "Something went wrong on our side")

    @app.exception_handler(Exception)
    def unexpected(_: Request, exc: Exception) -> JSONResponse:
        # Logged in full for us; the client sees no trace, SQL or internals.
        log.exception("unhandled error", exc_info=exc)
        return problem_response(500, "Internal error", "Something went wrong on our side")


def install_spa(app: FastAPI, dist: Path) -> None:
    """Serve the built SPA at / with an index.html fallback for client-side routes."""
    index = dist / "index.html"

    @app.get("/{path:path}", include_in_schema=False)
    def spa(path: str) -> Response:
        if path == "api" or path.startswith("api/"):
            return problem_response(404, "Not found", "Not Found")
        if not index.exists():
            return problem_response(
                404, "Not found", "The web app is not built: run `make run` or `make build`"
            )
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(dist.resolve()):
            headers = {}
            if path.startswith("assets/"):  # content-hashed by Vite: safe to keep forever
                headers["Cache-Control"] = "public, max-age=31536000, immutable"
            return FileResponse(candidate, headers=headers)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="Werkpad API",
        version="0.1.0",
        description="Case management for arbeidszorg and doorstroom to paid work.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    engine = make_engine(settings.database_url)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)

    api = APIRouter(prefix=API_PREFIX)
    api.include_router(health_router)
    api.include_router(auth_router)
    api.include_router(users_router)
    api.include_router(organisations_router)
    api.include_router(participants_router)
    api.include_router(rights_router)
    api.include_router(trajectories_router)
    api.include_router(progress_router)
    api.include_router(employment_router)
    api.include_router(outflow_router)
    api.include_router(notes_router)
    api.include_router(timeline_router)
    api.include_router(funding_router)
    api.include_router(consents_router)
    api.include_router(access_router)
    api.include_router(audit_router)
    api.include_router(reports_router)
    api.include_router(retention_router)
    app.include_router(api)
    install_error_handlers(app)
    install_openapi(app)
    install_docs(app, API_PREFIX)
    install_spa(app, settings.frontend_dist)

    # Added first, so it runs inside the body-limit and media-type checks.
    app.add_middleware(
        IdempotencyMiddleware,
        sessionmaker=app.state.sessionmaker,
        settings=settings,
        prefix=API_PREFIX,
        excluded_prefixes=(f"{API_PREFIX}/auth/",),
    )
    app.add_middleware(MediaTypeMiddleware, form_paths={f"{API_PREFIX}/auth/login"})
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key"],
            expose_headers=["ETag", "Location", "Retry-After"],
        )
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(AccessLogMiddleware)  # outermost: logs every answer, even a refusal
    return app
