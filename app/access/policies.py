"""The one place that decides who may see or do what.

Each rule comes as a predicate (for one loaded object) and, for lists, as the matching query
filter, so a list and a detail cannot disagree. Objects outside the caller's scope are reported
as NotFound by the callers, never as Forbidden.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true

from app.access.permissions import PLATFORM_ADMIN_ACTIONS, ROLE_ACTIONS, Action
from app.auth.models import Role, User
from app.core.errors import Forbidden, NotFound
from app.employment.models import Employer, EmployerContact
from app.participants.models import Participant
from app.trajectories.models import Trajectory


@dataclass(frozen=True)
class Principal:
    """The caller, as access sees it: enough to decide, nothing to leak."""

    id: uuid.UUID
    role: Role
    organisation_id: uuid.UUID
    is_platform_admin: bool
    bound_by_professional_secrecy: bool

    @classmethod
    def of(cls, user: User) -> Principal:
        return cls(
            id=user.id,
            role=user.role,
            organisation_id=user.organisation_id,
            is_platform_admin=user.is_platform_admin,
            bound_by_professional_secrecy=user.bound_by_professional_secrecy,
        )


def actions_of(principal: Principal) -> frozenset[Action]:
    if principal.is_platform_admin:
        return PLATFORM_ADMIN_ACTIONS
    return ROLE_ACTIONS[principal.role]


def can(principal: Principal, action: Action) -> bool:
    return action in actions_of(principal)


def require(principal: Principal, action: Action) -> None:
    if not can(principal, action):
        raise Forbidden(f"Your role may not do this ({action.value})")


def acts_in_organisation(principal: Principal, organisation_id: uuid.UUID) -> bool:
    """Organisation-level administration: own organisation, or any for platform admins."""
    return principal.is_platform_admin or principal.organisation_id == organisation_id


def require_in_organisation(
    principal: Principal, action: Action, organisation_id: uuid.UUID
) -> None:
    require(principal, action)
    if not acts_in_organisation(principal, organisation_id):
        raise Forbidden("You may only do this for your own organisation")


# --- users -------------------------------------------------------------------------------


def can_read_user(principal: Principal, user: User) -> bool:
    if user.id == principal.id:
        return True
    return can(principal, Action.USERS_READ) and acts_in_organisation(
        principal, user.organisation_id
    )


def visible_users(principal: Principal) -> ColumnElement[bool]:
    if principal.is_platform_admin:
        return true()
    if can(principal, Action.USERS_READ):
        return User.organisation_id == principal.organisation_id
    return User.id == principal.id


def may_grant_platform_admin(principal: Principal) -> bool:
    return principal.is_platform_admin


# --- case files: participants and trajectories ------------------------------------------
# Today's rule (issue 3): staff of the owning organisation. Mini-teams across organisations,
# consent and care confidentiality tighten and widen it here, in one place (issue 4).
# Details are loaded through the same filters as lists (`… WHERE id = :id AND visible_…`),
# so a list and a detail cannot disagree.


def can_read_trajectory(principal: Principal, trajectory: Trajectory) -> bool:
    return (
        can(principal, Action.TRAJECTORIES_READ)
        and trajectory.organisation_id == principal.organisation_id
    )


def visible_trajectories(principal: Principal) -> ColumnElement[bool]:
    if not can(principal, Action.TRAJECTORIES_READ):
        return false()
    return Trajectory.organisation_id == principal.organisation_id


def visible_participants(principal: Principal) -> ColumnElement[bool]:
    """Registered by the caller's organisation, or with a trajectory the caller may see."""
    if not can(principal, Action.PARTICIPANTS_READ):
        return false()
    return or_(
        Participant.organisation_id == principal.organisation_id,
        exists(
            select(Trajectory.id).where(
                and_(
                    Trajectory.participant_id == Participant.id,
                    visible_trajectories(principal),
                )
            )
        ),
    )


# --- employers and employer contacts: the organisation's own job-development records --------


def visible_employers(principal: Principal) -> ColumnElement[bool]:
    if not can(principal, Action.TRAJECTORIES_READ):
        return false()
    return Employer.organisation_id == principal.organisation_id


def visible_employer_contacts(principal: Principal) -> ColumnElement[bool]:
    if not can(principal, Action.TRAJECTORIES_READ):
        return false()
    return EmployerContact.organisation_id == principal.organisation_id


def require_visible(principal: Principal, action: Action) -> None:
    """For reads: a caller without the action must not learn that the object exists."""
    if not can(principal, action):
        raise NotFound("Not found")


def require_note_author(principal: Principal, author_id: uuid.UUID | None) -> None:
    # A note is the author's professional record: others add a note, they do not rewrite it.
    require(principal, Action.NOTES_WRITE)
    if author_id != principal.id:
        raise Forbidden("Only the author may change or remove a note")
