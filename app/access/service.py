"""Explaining access, break-the-glass grants and summary views. The rules themselves live in
policies.py; this module only asks them questions about one trajectory."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from app import audit
from app.access import policies
from app.access.models import BreakGlassGrant
from app.access.permissions import Action
from app.access.policies import AccessRule, Principal
from app.access.schemas import AccessExplanation, AccessGround, BreakGlassCreate
from app.auth import service as auth_service
from app.consents.models import Consent
from app.core.database import utcnow
from app.core.errors import Conflict, NotFound
from app.core.pagination import PageResult, paginate, parse_sort
from app.participants.models import Participant
from app.trajectories.models import TeamMember, Trajectory
from app.trajectories.phases import Phase, Status

_DETAILS = {
    AccessRule.ORGANISATION: "You work for the organisation that runs this trajectory",
    AccessRule.PLACEMENT: "The participant is placed on one of your organisation's work floors",
    AccessRule.TEAM: "You are on the mini-team",
    AccessRule.TEAM_UNDER_CONSENT: "You are on the mini-team and the participant consented",
    AccessRule.BREAK_THE_GLASS: "You opened this file in an emergency (break-the-glass)",
    AccessRule.SUMMARY_ONLY: "Your organisation is a partner: you see the phase and dates only",
}


def _holds(session: Session, trajectory_id: uuid.UUID, rule: ColumnElement[bool]) -> bool:
    return bool(session.scalar(select(exists().where(Trajectory.id == trajectory_id, rule))))


def explain_access(
    session: Session, principal: Principal, trajectory_id: uuid.UUID
) -> AccessExplanation:
    trajectory = session.scalar(
        select(Trajectory).where(
            Trajectory.id == trajectory_id, policies.summary_trajectories(principal)
        )
    )
    if trajectory is None:
        raise NotFound("Trajectory not found")
    _touch_trajectory(session, trajectory)
    today = date.today()
    grounds: list[AccessGround] = []
    for rule, condition in policies.trajectory_grounds(principal).items():
        if not _holds(session, trajectory_id, condition):
            continue
        ground = AccessGround(rule=rule, detail=_DETAILS[rule])
        if rule is AccessRule.TEAM_UNDER_CONSENT:
            consent = _covering_consent(session, principal, trajectory, today)
            member_until = _membership_end(session, principal, trajectory_id)
            if consent is not None:
                ends = [d for d in (consent.expires_on, member_until) if d is not None]
                ground = ground.model_copy(
                    update={"consent_id": consent.id, "until": min(ends) if ends else None}
                )
        elif rule is AccessRule.BREAK_THE_GLASS:
            grant = _running_grant(session, principal, trajectory_id)
            if grant is not None:
                ground = ground.model_copy(
                    update={"grant_id": grant.id, "until_time": grant.expires_at}
                )
        grounds.append(ground)
    full = bool(grounds)
    if not full:
        grounds.append(
            AccessGround(rule=AccessRule.SUMMARY_ONLY, detail=_DETAILS[AccessRule.SUMMARY_ONLY])
        )
    readable = [
        visibility
        for visibility, rule in policies.readable_note_visibilities(principal).items()
        if full and _holds(session, trajectory_id, rule)
    ]
    return AccessExplanation(
        trajectory_id=trajectory_id,
        full_access=full,
        grounds=grounds,
        readable_note_visibilities=readable,
    )


def _touch_trajectory(session: Session, trajectory: Trajectory) -> None:
    """Even a summary or an explanation tells that this person has this trajectory."""
    audit.touch(
        session,
        object_type=Trajectory.__tablename__,
        object_id=trajectory.id,
        trajectory_id=trajectory.id,
        participant_id=trajectory.participant_id,
    )


def _covering_consent(
    session: Session, principal: Principal, trajectory: Trajectory, today: date
) -> Consent | None:
    consents = session.scalars(
        select(Consent).where(
            Consent.participant_id == trajectory.participant_id,
            Consent.receiving_organisation_id == principal.organisation_id,
            Consent.covers_work.is_(True),
        )
    ).all()
    active = [c for c in consents if c.active_on(today)]
    # The consent that holds longest explains the access best ("until" is then truthful).
    return max(active, key=lambda c: c.expires_on or date.max, default=None)


def _membership_end(
    session: Session, principal: Principal, trajectory_id: uuid.UUID
) -> date | None:
    return session.scalar(
        select(TeamMember.to_date).where(
            TeamMember.trajectory_id == trajectory_id, TeamMember.user_id == principal.id
        )
    )


def _running_grant(
    session: Session, principal: Principal, trajectory_id: uuid.UUID
) -> BreakGlassGrant | None:
    now = utcnow()
    return session.scalar(
        select(BreakGlassGrant)
        .where(
            BreakGlassGrant.trajectory_id == trajectory_id,
            BreakGlassGrant.user_id == principal.id,
            BreakGlassGrant.started_at <= now,
            BreakGlassGrant.expires_at > now,
        )
        .order_by(BreakGlassGrant.expires_at.desc())
        .limit(1)
    )


# --- break-the-glass ------------------------------------------------------------------------


def break_the_glass(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, data: BreakGlassCreate
) -> BreakGlassGrant:
    """Emergency access for a limited time. Only secrecy-bound care staff may ask; to anyone
    else the trajectory stays exactly as invisible as before (404)."""
    may_ask = principal.bound_by_professional_secrecy and policies.can(
        principal, Action.TRAJECTORIES_READ
    )
    trajectory = session.get(Trajectory, trajectory_id) if may_ask else None
    if trajectory is None:
        raise NotFound("Trajectory not found")
    if _holds(session, trajectory_id, policies.visible_trajectories(principal)):
        raise Conflict("You can already see this trajectory: there is no glass to break")
    now = utcnow()
    grant = BreakGlassGrant(
        trajectory_id=trajectory.id,
        user_id=principal.id,
        organisation_id=principal.organisation_id,
        reason=data.reason,
        started_at=now,
        expires_at=now + timedelta(minutes=data.minutes),
    )
    session.add(grant)
    session.flush()
    audit.touch(
        session,
        object_type=BreakGlassGrant.__tablename__,
        object_id=grant.id,
        trajectory_id=trajectory.id,
        participant_id=trajectory.participant_id,
    )
    return grant


def _grants_visible_to(principal: Principal) -> ColumnElement[bool]:
    """Holders see their own grants; the owning organisation's admins see every grant on
    their trajectories (they are told that someone broke the glass, and why)."""
    own = BreakGlassGrant.user_id == principal.id
    if not policies.can(principal, Action.AUDIT_READ):
        return own
    owned_by_mine = exists(
        select(Trajectory.id).where(
            Trajectory.id == BreakGlassGrant.trajectory_id,
            Trajectory.organisation_id == principal.organisation_id,
        )
    )
    return own | owned_by_mine


GRANT_SORTS = {"started_at": BreakGlassGrant.started_at}


def list_grants(
    session: Session,
    principal: Principal,
    *,
    trajectory_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> PageResult:
    statement = select(BreakGlassGrant).where(_grants_visible_to(principal))
    if trajectory_id is not None:
        statement = statement.where(BreakGlassGrant.trajectory_id == trajectory_id)
    page = paginate(
        session,
        statement,
        id_column=BreakGlassGrant.id,
        sort=parse_sort("-started_at", GRANT_SORTS),
        limit=limit,
        cursor=cursor,
    )
    # A grant names whose file was opened, and why (the reason often describes the crisis).
    audit.touch_many(
        session,
        object_type=BreakGlassGrant.__tablename__,
        trajectory_ids=[grant.trajectory_id for grant in page.rows],
    )
    return page


def user_names(session: Session, grants: Sequence[BreakGlassGrant]) -> dict[uuid.UUID, str]:
    return auth_service.names_of(session, (item.user_id for item in grants))


def end_grant(session: Session, principal: Principal, grant_id: uuid.UUID) -> BreakGlassGrant:
    grant = session.scalar(
        select(BreakGlassGrant).where(
            BreakGlassGrant.id == grant_id, BreakGlassGrant.user_id == principal.id
        )
    )
    if grant is None:
        raise NotFound("Grant not found")
    audit.touch(
        session,
        object_type=BreakGlassGrant.__tablename__,
        object_id=grant.id,
        trajectory_id=grant.trajectory_id,
    )
    now = utcnow()
    if grant.expires_at <= now:
        raise Conflict("This grant has already ended")
    grant.expires_at = now
    session.flush()
    return grant


# --- summaries ------------------------------------------------------------------------------

SUMMARY_SORTS = {"referred_on": Trajectory.referred_on, "phase_since": Trajectory.phase_since}


def get_summary(session: Session, principal: Principal, trajectory_id: uuid.UUID) -> Trajectory:
    trajectory = session.scalar(
        select(Trajectory).where(
            Trajectory.id == trajectory_id, policies.summary_trajectories(principal)
        )
    )
    if trajectory is None:
        raise NotFound("Trajectory not found")
    _touch_trajectory(session, trajectory)
    return trajectory


def list_summaries(
    session: Session,
    principal: Principal,
    *,
    organisation_id: uuid.UUID | None,
    phase: Phase | None,
    status: Status | None,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    statement = select(Trajectory).where(policies.summary_trajectories(principal))
    if organisation_id is not None:
        statement = statement.where(Trajectory.organisation_id == organisation_id)
    if phase is not None:
        statement = statement.where(Trajectory.phase == phase)
    if status is not None:
        statement = statement.where(Trajectory.status == status)
    page = paginate(
        session,
        statement,
        id_column=Trajectory.id,
        sort=parse_sort(sort, SUMMARY_SORTS),
        limit=limit,
        cursor=cursor,
    )
    audit.touch_many(
        session,
        object_type=Trajectory.__tablename__,
        participant_ids=[trajectory.participant_id for trajectory in page.rows],
    )
    return page


def initials(first_name: str, last_name: str) -> str:
    return "".join(f"{part[0].upper()}." for part in (first_name, last_name) if part)


def participant_initials(
    session: Session, trajectories: Sequence[Trajectory]
) -> dict[uuid.UUID, str]:
    ids = {t.participant_id for t in trajectories}
    if not ids:
        return {}
    rows = session.execute(
        select(Participant.id, Participant.first_name, Participant.last_name).where(
            Participant.id.in_(ids)
        )
    ).all()
    return {row.id: initials(row.first_name, row.last_name) for row in rows}
