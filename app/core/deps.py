"""Typed dependencies shared by every router (see style.md: SessionDep, CurrentUser …)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Query, Request, Response
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from app.access.policies import Principal
from app.audit import recording as audit_recording
from app.auth import service as auth_service
from app.auth.models import User
from app.core.concurrency import parse_if_match
from app.core.config import Settings
from app.core.pagination import DEFAULT_LIMIT, MAX_LIMIT

# Dependencies that do no I/O are ``async def``: FastAPI runs a plain ``def`` dependency in a
# worker thread, and that hand-off cost more than the work itself on every request.


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def get_session(request: Request, response: Response) -> Iterator[Session]:
    """One transaction per request: committed if the handler succeeded, else rolled back.

    Used with scope="function" so the commit happens before the response is sent: a client
    never sees a success for a write that was not stored. The request's audit event (app/audit)
    is written in the same transaction, or after a rollback in one of its own.
    """
    session: Session = request.app.state.sessionmaker()
    try:
        yield session
        audit_recording.record_success(session, request, response)
        session.commit()
    except BaseException as exc:
        session.rollback()
        if isinstance(exc, Exception):
            audit_recording.record_failure(request, session, exc)
        raise
    finally:
        session.close()


def get_side_session(request: Request) -> Iterator[Session]:
    """A second transaction that is committed even when the request fails.

    For security records that must outlive an error answer: failed logins, revoked token
    families. Keep its writes independent of the main session's rows.
    """
    session: Session = request.app.state.sessionmaker()
    try:
        yield session
    finally:
        try:
            session.commit()
        finally:
            session.close()


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
SideSessionDep = Annotated[Session, Depends(get_side_session, scope="function")]

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/login", auto_error=False)


def get_current_user(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
) -> User:
    user = auth_service.authenticate(session, bearer_token=token, settings=settings)
    request.state.principal = Principal.of(user)  # who, for the request's audit event
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


async def get_principal(user: CurrentUser) -> Principal:
    return Principal.of(user)


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")]
Cursor = Annotated[
    str | None, Query(max_length=500, description="Opaque cursor from the previous page")
]


async def get_if_match(
    _: CurrentPrincipal,
    if_match: Annotated[
        str | None,
        Header(description='The ETag of the version you last read, e.g. "3"', max_length=40),
    ] = None,
) -> int:
    # Depends on the caller so that a request without a token is a 401 before it is a 428:
    # an anonymous client learns nothing about which routes want a version.
    return parse_if_match(if_match)


IfMatch = Annotated[int, Depends(get_if_match)]

__all__ = [
    "DEFAULT_LIMIT",
    "CurrentPrincipal",
    "CurrentUser",
    "Cursor",
    "IfMatch",
    "Limit",
    "SessionDep",
    "SettingsDep",
    "SideSessionDep",
]
