"""Roles → actions, as data. Relationship rules (which organisation) live in policies.py."""

from __future__ import annotations

from enum import StrEnum

from app.auth.models import Role


class Action(StrEnum):
    ORGANISATIONS_READ = "organisations:read"
    ORGANISATIONS_CREATE = "organisations:create"
    ORGANISATIONS_UPDATE = "organisations:update"
    WORK_FLOORS_READ = "work_floors:read"
    WORK_FLOORS_MANAGE = "work_floors:manage"
    PARTNERSHIPS_READ = "partnerships:read"
    PARTNERSHIPS_MANAGE = "partnerships:manage"
    USERS_READ = "users:read"
    USERS_MANAGE = "users:manage"
    FRAMEWORKS_READ = "frameworks:read"


_EVERY_STAFF_MEMBER = {
    Action.ORGANISATIONS_READ,
    Action.WORK_FLOORS_READ,
    Action.PARTNERSHIPS_READ,
    Action.FRAMEWORKS_READ,
}

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.COACH: frozenset(_EVERY_STAFF_MEMBER),
    Role.MEDIATOR: frozenset(_EVERY_STAFF_MEMBER),
    Role.COUNSELLOR: frozenset(_EVERY_STAFF_MEMBER),
    Role.MANAGER: frozenset(_EVERY_STAFF_MEMBER | {Action.USERS_READ}),
    Role.ADMIN: frozenset(
        _EVERY_STAFF_MEMBER
        | {
            Action.USERS_READ,
            Action.USERS_MANAGE,
            Action.WORK_FLOORS_MANAGE,
            Action.ORGANISATIONS_UPDATE,
            Action.PARTNERSHIPS_MANAGE,
        }
    ),
}

# Platform admins run the installation: they create organisations and act in every one.
PLATFORM_ADMIN_ACTIONS = frozenset(Action)
