"""From a finished request to its audit event; called by the session dependency
(app/core/deps.get_session), which owns the transaction.

Success: the event goes into the request's own transaction just before the commit, so the
change and its record are stored together or not at all. Failure: the request's transaction
is rolled back and the event (with its outcome) is written in a short transaction of its own.
Either way, an event that cannot be written turns the answer into a 503.
"""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.audit import service
from app.audit.service import AuditUnavailable, RequestFacts
from app.audit.touches import touches_of
from app.core.errors import AppError


def route_template(request: Request) -> str:
    """The full route template, e.g. ``/api/v1/trajectories/{trajectory_id}``.

    The matched route knows its template only from its own router down (the ``/api/v1`` of
    the router it was included in is missing): put the actual path's leading segments in
    front, with any path parameter's value among them written back as ``{name}``.
    """
    path: str = request.scope.get("path", "")
    root: str = request.scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root) :]
    template = getattr(request.scope.get("route"), "path", None)
    if not isinstance(template, str):
        return path
    actual, tail = path.split("/"), template.split("/")
    if len(tail) > len(actual) or ":path}" in template:
        return template
    names = {str(value): f"{{{name}}}" for name, value in request.path_params.items()}
    head = [names.get(segment, segment) for segment in actual[: len(actual) - len(tail) + 1]]
    return "/".join(head) + template


def facts_of(request: Request) -> RequestFacts:
    return RequestFacts(
        principal=getattr(request.state, "principal", None),
        method=request.method,
        route=route_template(request),
        path_params={name: str(value) for name, value in request.path_params.items()},
        client_address=request.client.host if request.client else None,
    )


def status_for(exc: Exception) -> int:
    """The status the app's handlers (app/main.py) will answer for ``exc``."""
    if isinstance(exc, AppError):
        return exc.status
    if isinstance(exc, RequestValidationError):
        invalid_json = any(issue.get("type") == "json_invalid" for issue in exc.errors())
        return 400 if invalid_json else 422
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code
    if isinstance(exc, StaleDataError):
        return 412
    if isinstance(exc, IntegrityError):
        return 409
    if isinstance(exc, DataError):
        return 422
    if isinstance(exc, OperationalError | PoolTimeout):
        return 503
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return 503
    return 500


def record_success(session: Session, request: Request, response: Response) -> None:
    """In the request's transaction; raises AuditUnavailable (503) if it cannot be written."""
    route = request.scope.get("route")
    status = response.status_code or getattr(route, "status_code", None) or 200
    service.record(session, facts_of(request), touches_of(session), status=status)


def record_failure(request: Request, session: Session, exc: Exception) -> None:
    """After ``session`` was rolled back: the failed request's event, committed on its own."""
    if isinstance(exc, AuditUnavailable):
        return  # the event itself failed: the 503 says so, a second attempt would fail alike
    facts, touches, status = facts_of(request), touches_of(session), status_for(exc)
    if not service.is_audited(facts, touches, status):
        return
    failure_session: Session = request.app.state.sessionmaker()
    try:
        service.record(failure_session, facts, touches, status=status)
        failure_session.commit()
    except SQLAlchemyError as commit_error:
        failure_session.rollback()
        raise AuditUnavailable() from commit_error
    except AuditUnavailable:
        failure_session.rollback()
        raise
    finally:
        failure_session.close()
