"""Login, token rotation, logout and staff accounts. No FastAPI here; no commits."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.auth.models import LoginAttempt, RefreshToken, Role, User
from app.auth.schemas import UserCreate, UserUpdate
from app.core.concurrency import check_version
from app.core.config import Settings
from app.core.database import is_unique_violation, utcnow
from app.core.errors import (
    Conflict,
    FieldError,
    Forbidden,
    NotAuthenticated,
    NotFound,
)
from app.core.pagination import PageResult, contains_pattern, paginate, parse_sort
from app.core.security import (
    AccessToken,
    create_access_token,
    decode_access_token,
    hash_password,
    hash_refresh_token,
    new_refresh_token,
    password_needs_rehash,
    verify_password,
)
from app.core.throttling import refuse_over_limit
from app.organisations.models import Organisation

WRONG_CREDENTIALS = "E-mail address or password is incorrect"


@dataclass(frozen=True)
class IssuedSession:
    access: AccessToken
    refresh_token: str
    refresh_expires_at: datetime


def normalise_email(email: str) -> str:
    return email.strip().lower()


# --- login and throttling -----------------------------------------------------------------


def _throttle(
    session: Session, *, email: str, client_address: str, settings: Settings, now: datetime
) -> None:
    window_start = now - timedelta(seconds=settings.login_window_seconds)
    for column, value, limit in (
        (LoginAttempt.email, email, settings.login_max_failures_per_account),
        (LoginAttempt.client_address, client_address, settings.login_max_failures_per_address),
    ):
        count, oldest = session.execute(
            select(func.count(), func.min(LoginAttempt.attempted_at)).where(
                column == value, LoginAttempt.attempted_at >= window_start
            )
        ).one()
        refuse_over_limit(
            count,
            oldest,
            limit=limit,
            window_start=window_start,
            now=now,
            detail="Too many failed attempts: wait before trying again",
        )


def login(
    session: Session,
    attempts_session: Session,
    *,
    email: str,
    password: str,
    client_address: str,
    settings: Settings,
) -> IssuedSession:
    """Check the credentials; failures are written through ``attempts_session``, which is
    committed even though this request ends in an error."""
    email = normalise_email(email)
    now = utcnow()
    _throttle(session, email=email, client_address=client_address, settings=settings, now=now)
    user = session.scalar(select(User).where(User.email == email))
    # Always verify (against a dummy hash when the user is unknown): same answer, same time.
    password_ok = verify_password(password, user.password_hash if user else None)
    if user is None or not password_ok or not user.is_active:
        attempts_session.add(LoginAttempt(email=email, client_address=client_address))
        raise NotAuthenticated(WRONG_CREDENTIALS)
    session.execute(delete(LoginAttempt).where(LoginAttempt.email == email))
    # Bookkeeping, not an edit of the account: written with a plain UPDATE so that it does not
    # move the version an admin may be editing against.
    bookkeeping: dict[str, object] = {"last_login_at": now}
    if password_needs_rehash(user.password_hash):
        bookkeeping["password_hash"] = hash_password(password)
    session.execute(update(User).where(User.id == user.id).values(**bookkeeping))
    return _issue(session, user_id=user.id, family_id=uuid.uuid4(), settings=settings)


def _issue(
    session: Session, *, user_id: uuid.UUID, family_id: uuid.UUID, settings: Settings
) -> IssuedSession:
    raw, digest = new_refresh_token()
    expires_at = utcnow() + timedelta(days=settings.refresh_token_days)
    session.add(
        RefreshToken(user_id=user_id, family_id=family_id, token_hash=digest, expires_at=expires_at)
    )
    return IssuedSession(
        access=create_access_token(user_id, settings),
        refresh_token=raw,
        refresh_expires_at=expires_at,
    )


def _revoke_family(session: Session, family_id: uuid.UUID) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def refresh(
    session: Session, revocations_session: Session, *, raw_token: str | None, settings: Settings
) -> IssuedSession:
    """Rotate: the presented token is spent and a new one of the same family issued.

    A token presented twice means it was copied: the whole family is revoked (through
    ``revocations_session`` so the revocation survives this request's error).
    """
    if not raw_token:
        raise NotAuthenticated("No session")
    token = session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == hash_refresh_token(raw_token))
    )
    now = utcnow()
    if token is None or token.revoked_at is not None or token.expires_at <= now:
        raise NotAuthenticated("Session ended: log in again")
    if token.used_at is not None:
        _revoke_family(revocations_session, token.family_id)
        raise NotAuthenticated("Session ended: log in again")
    # Conditional update: of two concurrent rotations of one token only one may win.
    spent = session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == token.id, RefreshToken.used_at.is_(None))
        .values(used_at=now)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        # Lost the race to a concurrent rotation: release our write lock (SQLite has one per
        # database) before the revocation is written in its own transaction.
        session.rollback()
        _revoke_family(revocations_session, token.family_id)
        raise NotAuthenticated("Session ended: log in again")
    user = session.get(User, token.user_id)
    if user is None or not user.is_active:
        raise NotAuthenticated("Session ended: log in again")
    return _issue(session, user_id=user.id, family_id=token.family_id, settings=settings)


def logout(session: Session, *, raw_token: str | None) -> None:
    if not raw_token:
        return
    token = session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == hash_refresh_token(raw_token))
    )
    if token is not None:
        _revoke_family(session, token.family_id)


def authenticate(session: Session, *, bearer_token: str | None, settings: Settings) -> User:
    if not bearer_token:
        raise NotAuthenticated("Log in first")
    user_id = decode_access_token(bearer_token, settings)
    user = session.scalar(
        select(User).options(joinedload(User.organisation)).where(User.id == user_id)
    )
    # A deactivated account loses access at its next request, not when its token expires.
    if user is None or not user.is_active:
        raise NotAuthenticated("Invalid or expired token")
    return user


# --- staff accounts -----------------------------------------------------------------------

USER_SORTS = {"name": User.name, "email": User.email, "created_at": User.created_at}


def list_users(
    session: Session,
    principal: Principal,
    *,
    q: str | None,
    organisation_id: uuid.UUID | None,
    role: Role | None,
    is_active: bool | None,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    statement = (
        select(User).options(joinedload(User.organisation)).where(policies.visible_users(principal))
    )
    if q:
        pattern = contains_pattern(q)
        statement = statement.where(User.search_key.like(pattern, escape="\\"))
    if organisation_id:
        statement = statement.where(User.organisation_id == organisation_id)
    if role:
        statement = statement.where(User.role == role)
    if is_active is not None:
        statement = statement.where(User.is_active == is_active)
    return paginate(
        session,
        statement,
        id_column=User.id,
        sort=parse_sort(sort, USER_SORTS),
        limit=limit,
        cursor=cursor,
    )


def get_user(session: Session, principal: Principal, user_id: uuid.UUID) -> User:
    user = session.scalar(
        select(User).options(joinedload(User.organisation)).where(User.id == user_id)
    )
    if user is None or not policies.can_read_user(principal, user):
        raise NotFound("User not found")
    return user


def _email_taken(session: Session, email: str, *, except_id: uuid.UUID | None = None) -> bool:
    statement = select(User.id).where(User.email == email)
    if except_id:
        statement = statement.where(User.id != except_id)
    return session.scalar(statement) is not None


def _duplicate_email() -> Conflict:
    return Conflict(
        "This e-mail address is already in use",
        errors=[FieldError("email", "is already in use", "already_in_use")],
    )


def create_user(session: Session, principal: Principal, data: UserCreate) -> User:
    organisation_id = data.organisation_id or principal.organisation_id
    policies.require_in_organisation(principal, Action.USERS_MANAGE, organisation_id)
    if data.is_platform_admin and not policies.may_grant_platform_admin(principal):
        raise Forbidden("Only platform admins may create platform admins")
    if session.get(Organisation, organisation_id) is None:
        raise NotFound("Organisation not found")
    email = normalise_email(data.email)
    if _email_taken(session, email):
        raise _duplicate_email()
    user = User(
        email=email,
        name=data.name,
        password_hash=hash_password(data.password),
        role=data.role,
        organisation_id=organisation_id,
        bound_by_professional_secrecy=data.bound_by_professional_secrecy,
        is_platform_admin=data.is_platform_admin,
    )
    session.add(user)
    try:
        session.flush()
    except IntegrityError as exc:  # a concurrent create with the same e-mail
        if not is_unique_violation(exc):
            raise
        raise _duplicate_email() from exc
    session.refresh(user, attribute_names=["organisation"])
    return user


def update_user(
    session: Session, principal: Principal, user_id: uuid.UUID, data: UserUpdate, *, version: int
) -> User:
    user = get_user(session, principal, user_id)
    policies.require_in_organisation(principal, Action.USERS_MANAGE, user.organisation_id)
    if user.is_platform_admin and not principal.is_platform_admin:
        # Else an organisation admin could reset a platform admin's password and log in as them.
        raise Forbidden("Only platform admins may change a platform admin's account")
    check_version(version, user.version)
    changes = data.model_dump(exclude_unset=True)
    if "is_platform_admin" in changes and not policies.may_grant_platform_admin(principal):
        raise Forbidden("Only platform admins may change platform admin rights")
    if user.id == principal.id and (
        changes.get("is_active") is False
        or ("role" in changes and changes["role"] != Role.ADMIN)
        or changes.get("is_platform_admin") is False
    ):
        raise Conflict("You cannot deactivate yourself or remove your own admin rights")
    if "email" in changes:
        changes["email"] = normalise_email(changes["email"])
        if _email_taken(session, changes["email"], except_id=user.id):
            raise _duplicate_email()
    if "password" in changes:
        user.password_hash = hash_password(changes.pop("password"))
    for field, value in changes.items():
        setattr(user, field, value)
    if changes.get("is_active") is False or "password" in data.model_fields_set:
        end_sessions(session, user.id)
    try:
        session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise _duplicate_email() from exc
    return user


def end_sessions(session: Session, user_id: uuid.UUID) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def is_active_staff_of(session: Session, user_id: uuid.UUID, organisation_id: uuid.UUID) -> bool:
    """For references to a colleague (a placement's coach, a goal's owner, a contact's staff)."""
    found = session.scalar(
        select(User.id).where(
            User.id == user_id,
            User.organisation_id == organisation_id,
            User.is_active.is_(True),
        )
    )
    return found is not None


def names_of(session: Session, user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Display names for these users, in one query (lists that show who did something)."""
    ids = set(user_ids)
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.name).where(User.id.in_(ids))).all()
    return {row.id: row.name for row in rows}
