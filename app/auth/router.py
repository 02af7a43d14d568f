from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Cookie, Depends, Query, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from app.access import policies
from app.auth import service
from app.auth.models import Role
from app.auth.schemas import MeRead, TokenRead, UserCreate, UserRead, UserUpdate
from app.core.deps import (
    DEFAULT_LIMIT,
    CurrentPrincipal,
    CurrentUser,
    Cursor,
    IfMatch,
    Limit,
    SessionDep,
    SettingsDep,
    SideSessionDep,
)
from app.core.errors import Forbidden
from app.core.openapi import problems
from app.core.pagination import Page
from app.core.responses import created, page_of, with_etag
from app.core.schemas import SearchText
from app.organisations.schemas import OrganisationRef

REFRESH_COOKIE = "werkpad_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth"

router = APIRouter(tags=["auth"])


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _set_refresh_cookie(
    response: Response, issued: service.IssuedSession, *, secure: bool
) -> TokenRead:
    response.set_cookie(
        REFRESH_COOKIE,
        issued.refresh_token,
        expires=issued.refresh_expires_at,
        path=REFRESH_COOKIE_PATH,
        secure=secure,
        httponly=True,
        samesite="strict",
    )
    return TokenRead(access_token=issued.access.token, expires_in=issued.access.expires_in)


def refuse_cross_site(request: Request, settings: SettingsDep) -> None:
    """The cookie endpoints answer only to this site (or a configured origin).

    SameSite=Strict already keeps the cookie off cross-site requests; this is the second lock.
    """
    origin = request.headers.get("origin")
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site and fetch_site not in {"same-origin", "none"}:
        raise Forbidden("Cross-site request refused")
    if origin:
        own = f"{request.url.scheme}://{request.url.netloc}"
        if origin != own and origin not in settings.cors_origins:
            raise Forbidden("Cross-site request refused")


SameSiteOnly = Depends(refuse_cross_site)


@router.post(
    "/auth/login",
    response_model=TokenRead,
    responses=problems(401, 429),
    summary="Log in with e-mail and password (OAuth2 password form)",
)
def login(
    request: Request,
    response: Response,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    attempts_session: SideSessionDep,
    settings: SettingsDep,
) -> TokenRead:
    issued = service.login(
        session,
        attempts_session,
        email=form.username[:254],
        password=form.password[:1024],
        client_address=_client_address(request),
        settings=settings,
    )
    return _set_refresh_cookie(response, issued, secure=settings.cookie_secure)


@router.post(
    "/auth/refresh",
    response_model=TokenRead,
    responses=problems(401, 403),
    dependencies=[SameSiteOnly],
    summary="Exchange the refresh cookie for a new access token (rotates the cookie)",
)
def refresh(
    response: Response,
    session: SessionDep,
    revocations_session: SideSessionDep,
    settings: SettingsDep,
    werkpad_refresh: Annotated[str | None, Cookie(max_length=200)] = None,
) -> TokenRead:
    issued = service.refresh(
        session, revocations_session, raw_token=werkpad_refresh, settings=settings
    )
    return _set_refresh_cookie(response, issued, secure=settings.cookie_secure)


@router.post(
    "/auth/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems(403),
    dependencies=[SameSiteOnly],
    summary="End this session (revokes the refresh token family)",
)
def logout(
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    werkpad_refresh: Annotated[str | None, Cookie(max_length=200)] = None,
) -> Response:
    service.logout(session, raw_token=werkpad_refresh)
    response.status_code = status.HTTP_204_NO_CONTENT
    response.delete_cookie(
        REFRESH_COOKIE,
        path=REFRESH_COOKIE_PATH,
        secure=settings.cookie_secure,
        httponly=True,
        samesite="strict",
    )
    return response


@router.get("/me", response_model=MeRead, summary="The signed-in user")
def me(user: CurrentUser, principal: CurrentPrincipal) -> MeRead:
    return MeRead(
        id=user.id,
        name=user.name,
        email=user.email,
        role=user.role,
        is_platform_admin=user.is_platform_admin,
        bound_by_professional_secrecy=user.bound_by_professional_secrecy,
        organisation=OrganisationRef.model_validate(user.organisation),
        permissions=sorted(a.value for a in policies.actions_of(principal)),
    )


users = APIRouter(prefix="/users", tags=["users"])


@users.get("", response_model=Page[UserRead], summary="Staff accounts you may see")
def list_users(
    session: SessionDep,
    principal: CurrentPrincipal,
    q: Annotated[SearchText | None, Query(description="Text in the name or e-mail")] = None,
    organisation_id: uuid.UUID | None = None,
    role: Role | None = None,
    is_active: bool | None = None,
    sort: Annotated[
        str, Query(max_length=20, description="name, email, created_at; '-' for descending")
    ] = "name",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[UserRead]:
    page = service.list_users(
        session,
        principal,
        q=q,
        organisation_id=organisation_id,
        role=role,
        is_active=is_active,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return page_of(UserRead, page)


@users.post(
    "",
    response_model=UserRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404, 409),
    summary="Create a staff account",
)
def create_user(
    data: UserCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> UserRead:
    user = service.create_user(session, principal, data)
    return created(response, UserRead, user, f"/api/v1/users/{user.id}")


@users.get("/{user_id}", response_model=UserRead, responses=problems(404))
def get_user(
    user_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> UserRead:
    return with_etag(response, UserRead, service.get_user(session, principal, user_id))


@users.patch(
    "/{user_id}",
    response_model=UserRead,
    responses=problems(403, 404, 409, 412, 428),
    summary="Change a staff account; is_active=false ends all its sessions",
)
def update_user(
    user_id: uuid.UUID,
    data: UserUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> UserRead:
    user = service.update_user(session, principal, user_id, data, version=version)
    return with_etag(response, UserRead, user)
