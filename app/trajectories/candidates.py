"""The staff lookup for the mini-team: whom the caller may add to one trajectory's team.

Candidates are the active staff of the organisation that runs the trajectory and of every
organisation that shares a partnership (samenwerkingsverband) with it (domain.md: a mini-team
usually spans organisations, and partnerships are where they work together). Staff of other
organisations, deactivated accounts, beheerders and platform admins (no case-file role) are
never offered. Only callers who may manage the team get the list: the same rule as adding a
member (``get_trajectory_for`` with ``TRAJECTORIES_MANAGE``), so 404 on an invisible
trajectory and 403 for a caller who sees it but may not manage it.

The answer names people and their organisation, role and whether they are bound by
professional secrecy: never an e-mail address, and the search never matches one either.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, aliased

from app.access.permissions import Action
from app.access.policies import Principal
from app.auth.models import Role, User
from app.core.pagination import contains_pattern
from app.organisations.models import Organisation, PartnershipMember
from app.participants.names import search_key
from app.trajectories.models import TeamMember
from app.trajectories.service import TEAM_ROLES, get_trajectory_for

MAX_CANDIDATES = 20


@dataclass(frozen=True)
class Candidate:
    id: uuid.UUID
    name: str
    role: Role
    organisation_id: uuid.UUID
    organisation_name: str
    bound_by_professional_secrecy: bool
    on_team: bool  # on this team already (now or earlier): adding again is a 409


def name_pattern(word: str) -> str:
    """A LIKE pattern for one folded word inside the *name* part of ``User.search_key``.

    The key is ``fold(name + " " + email)`` and an e-mail address holds no space, so a word
    followed somewhere by a space lies in the name: typing part of an address finds nobody.
    """
    return contains_pattern(word) + " %"


def team_candidates(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    q: str | None,
    limit: int,
) -> list[Candidate]:
    trajectory = get_trajectory_for(session, principal, trajectory_id, Action.TRAJECTORIES_MANAGE)
    mine = aliased(PartnershipMember)
    theirs = aliased(PartnershipMember)
    partner_organisations = (
        select(theirs.organisation_id)
        .join(mine, mine.partnership_id == theirs.partnership_id)
        .where(mine.organisation_id == trajectory.organisation_id)
    )
    on_team = exists(
        select(TeamMember.id).where(
            TeamMember.trajectory_id == trajectory.id, TeamMember.user_id == User.id
        )
    )
    statement = (
        select(
            User.id,
            User.name,
            User.role,
            User.organisation_id,
            Organisation.name,
            User.bound_by_professional_secrecy,
            on_team,
        )
        .join(Organisation, Organisation.id == User.organisation_id)
        .where(
            User.is_active.is_(True),
            User.is_platform_admin.is_(False),
            User.role.in_(sorted(TEAM_ROLES)),
            or_(
                User.organisation_id == trajectory.organisation_id,
                User.organisation_id.in_(partner_organisations),
            ),
        )
    )
    for word in search_key(q or "").split():
        statement = statement.where(User.search_key.like(name_pattern(word), escape="\\"))
    rows = session.execute(
        statement.order_by(User.name, User.id).limit(min(limit, MAX_CANDIDATES))
    ).all()
    return [
        Candidate(
            id=user_id,
            name=name,
            role=role,
            organisation_id=organisation_id,
            organisation_name=organisation_name,
            bound_by_professional_secrecy=secrecy,
            on_team=bool(member),
        )
        for user_id, name, role, organisation_id, organisation_name, secrecy, member in rows
    ]
