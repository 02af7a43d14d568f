"""The one place that decides who may see or do what.

Each rule comes as a predicate (for one loaded object) and, for lists, as the matching query
filter, so a list and a detail cannot disagree. Objects outside the caller's scope are reported
as NotFound by the callers, never as Forbidden.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    and_,
    exists,
    false,
    literal,
    or_,
    select,
    true,
    union,
)
from sqlalchemy.orm import aliased

from app.access.models import BreakGlassGrant
from app.access.permissions import PLATFORM_ADMIN_ACTIONS, ROLE_ACTIONS, Action
from app.audit.models import AuditEvent
from app.auth.models import Role, User
from app.consents.models import Consent, DataClass
from app.core.database import utcnow
from app.core.errors import Forbidden, NotFound
from app.employment.models import Employer, EmployerContact
from app.notes.models import Note, Visibility
from app.organisations.models import Organisation, Partnership, PartnershipMember, WorkFloor
from app.participants.models import Participant
from app.progress.models import Placement
from app.trajectories.models import TeamMember, Trajectory


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
# Who sees a trajectory, decided here and nowhere else (domain.md, "Access"):
#  - organisation scope: staff of the owning organisation; a coach only where the participant
#    is placed on one of the organisation's work floors today or the coach is on the mini-team;
#  - mini-team across organisations: a current member from another organisation, while an
#    active consent of the participant covers that organisation for the data class;
#  - break-the-glass: a secrecy-bound user holding a running grant for this trajectory.
# Details are loaded through the same filters as lists (`… WHERE id = :id AND visible_…`), so
# a list and a detail cannot disagree. Every rule reads the clock on each request: a withdrawn
# or expired consent, an ended membership or a run-out grant cuts access at the next request.


class AccessRule(StrEnum):
    ORGANISATION = "organisation"  # staff of the owning organisation
    PLACEMENT = "placement"  # a coach: placed on the organisation's work floor today
    TEAM = "team"  # a coach of the owning organisation on the mini-team
    TEAM_UNDER_CONSENT = "team_under_consent"  # on the mini-team from another organisation
    BREAK_THE_GLASS = "break_the_glass"
    SUMMARY_ONLY = "summary_only"  # a partner organisation's manager: phase and dates only


def consent_covers(
    organisation_id: uuid.UUID,
    participant_id: Any,
    data_class: DataClass,
    today: date,
) -> ColumnElement[bool]:
    """An active consent of the participant covers ``organisation_id`` for ``data_class``."""
    covered = Consent.covers_work if data_class is DataClass.WORK else Consent.covers_care
    return exists(
        select(Consent.id).where(
            Consent.participant_id == participant_id,
            Consent.receiving_organisation_id == organisation_id,
            covered.is_(True),
            Consent.given_on <= today,
            or_(Consent.expires_on.is_(None), Consent.expires_on >= today),
            or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > today),
        )
    )


def membership_runs(today: date) -> ColumnElement[bool]:
    """A mini-team membership that runs today. ``to_date`` is the day it ended: ending a
    membership today cuts access at once (the same rule as ending it through the API)."""
    return and_(
        TeamMember.from_date <= today,
        or_(TeamMember.to_date.is_(None), TeamMember.to_date > today),
    )


def current_member(principal: Principal, today: date) -> ColumnElement[bool]:
    return exists(
        select(TeamMember.id).where(
            TeamMember.trajectory_id == Trajectory.id,
            TeamMember.user_id == principal.id,
            membership_runs(today),
        )
    )


def _placed_on_own_floor(principal: Principal, today: date) -> ColumnElement[bool]:
    return exists(
        select(Placement.id)
        .join(WorkFloor, WorkFloor.id == Placement.work_floor_id)
        .where(
            Placement.trajectory_id == Trajectory.id,
            WorkFloor.organisation_id == principal.organisation_id,
            Placement.start_date <= today,
            or_(Placement.end_date.is_(None), Placement.end_date >= today),
        )
    )


def glass_broken(principal: Principal, now: datetime) -> ColumnElement[bool]:
    if not principal.bound_by_professional_secrecy:
        return false()
    return exists(
        select(BreakGlassGrant.id).where(
            BreakGlassGrant.trajectory_id == Trajectory.id,
            BreakGlassGrant.user_id == principal.id,
            BreakGlassGrant.started_at <= now,
            BreakGlassGrant.expires_at > now,
        )
    )


def trajectory_grounds(principal: Principal) -> dict[AccessRule, ColumnElement[bool]]:
    """Each rule that can open a trajectory in full, as a filter on ``Trajectory``."""
    if not can(principal, Action.TRAJECTORIES_READ):
        return {}
    today, now = date.today(), utcnow()
    owned = Trajectory.organisation_id == principal.organisation_id
    grounds: dict[AccessRule, ColumnElement[bool]] = {}
    if principal.role is Role.COACH:
        grounds[AccessRule.PLACEMENT] = and_(owned, _placed_on_own_floor(principal, today))
        grounds[AccessRule.TEAM] = and_(owned, current_member(principal, today))
    else:
        grounds[AccessRule.ORGANISATION] = owned
    grounds[AccessRule.TEAM_UNDER_CONSENT] = and_(
        Trajectory.organisation_id != principal.organisation_id,
        current_member(principal, today),
        consent_covers(principal.organisation_id, Trajectory.participant_id, DataClass.WORK, today),
    )
    grounds[AccessRule.BREAK_THE_GLASS] = glass_broken(principal, now)
    return grounds


def reads_status_reasons(principal: Principal) -> bool:
    """Why a trajectory paused, resumed or closed ("opname", "crisis") is care information:
    those with the work-floor view (coaches) see that and until when, not why."""
    return can(principal, Action.PARTICIPANTS_READ_FULL)


def visible_trajectories(principal: Principal) -> ColumnElement[bool]:
    grounds = trajectory_grounds(principal)
    return or_(*grounds.values()) if grounds else false()


def summary_only_trajectories(principal: Principal) -> ColumnElement[bool]:
    """May know that a trajectory exists (initials, phase, dates) without its content:
    managers of an organisation that shares a partnership with the owning organisation."""
    if principal.role is not Role.MANAGER or principal.is_platform_admin:
        return false()
    mine = aliased(PartnershipMember)
    theirs = aliased(PartnershipMember)
    return exists(
        select(mine.id)
        .join(theirs, theirs.partnership_id == mine.partnership_id)
        .where(
            mine.organisation_id == principal.organisation_id,
            theirs.organisation_id == Trajectory.organisation_id,
        )
    )


def summary_trajectories(principal: Principal) -> ColumnElement[bool]:
    return or_(visible_trajectories(principal), summary_only_trajectories(principal))


def _coach_candidates(principal: Principal) -> CompoundSelect[uuid.UUID]:
    """Trajectory ids found from the coach's side: their memberships, the placements on their
    organisation's floors, their grants. A superset of what ``trajectory_grounds`` lets a coach
    open (each of its grounds needs one of these), small next to the register: lists of people
    start here instead of testing every registered person against the rules."""
    today, now = date.today(), utcnow()
    return union(
        select(TeamMember.trajectory_id).where(
            TeamMember.user_id == principal.id, membership_runs(today)
        ),
        select(Placement.trajectory_id)
        .join(WorkFloor, WorkFloor.id == Placement.work_floor_id)
        .where(
            WorkFloor.organisation_id == principal.organisation_id,
            Placement.start_date <= today,
            or_(Placement.end_date.is_(None), Placement.end_date >= today),
        ),
        select(BreakGlassGrant.trajectory_id).where(
            BreakGlassGrant.user_id == principal.id,
            BreakGlassGrant.started_at <= now,
            BreakGlassGrant.expires_at > now,
        ),
    )


def visible_participants(principal: Principal) -> ColumnElement[bool]:
    """With a trajectory the caller may see, or registered by the caller's organisation
    (not for coaches: they know the people on their floors and teams, not the register)."""
    if not can(principal, Action.PARTICIPANTS_READ):
        return false()
    if principal.role is Role.COACH:
        # The rules themselves (visible_trajectories) decide; the candidates only make it fast.
        return Participant.id.in_(
            select(Trajectory.participant_id).where(
                Trajectory.id.in_(_coach_candidates(principal)), visible_trajectories(principal)
            )
        )
    through_a_trajectory = exists(
        select(Trajectory.id).where(
            Trajectory.participant_id == Participant.id, visible_trajectories(principal)
        )
    )
    return or_(Participant.organisation_id == principal.organisation_id, through_a_trajectory)


def exportable_participants(principal: Principal) -> ColumnElement[bool]:
    """Whose whole file (every trajectory, every note) the caller may export for the person:
    the controller is the organisation that registered the participant, and only its admin
    (the data-protection contact) hands the export over."""
    if not can(principal, Action.PARTICIPANT_EXPORT):
        return false()
    return Participant.organisation_id == principal.organisation_id


# --- reports: whose figures the caller may count ------------------------------------------
# Figures are counts, but each count opens as the list of trajectories behind it (initials
# only where ``visible_trajectories`` does not open the file), so the scope stays narrow:
#  - a manager: their organisation's trajectories, and those of every member of a partnership
#    their organisation leads toward the funder (eindverantwoordelijke);
#  - a coach: their organisation's trajectories with a placement on one of its work floors;
#  - mediators and counsellors: their own caseload (mini-team, now or before) as far as they
#    may still see it.


def reportable_organisation(principal: Principal, organisation_id: Any) -> ColumnElement[bool]:
    """Whether the caller may count an organisation's trajectories, as a filter on a column
    (or a literal) holding its id."""
    if not can(principal, Action.REPORTS_READ):
        return false()
    own: ColumnElement[bool] = organisation_id == principal.organisation_id
    if principal.role is not Role.MANAGER:
        return own
    led = exists(
        select(PartnershipMember.id)
        .join(Partnership, Partnership.id == PartnershipMember.partnership_id)
        .where(
            Partnership.lead_organisation_id == principal.organisation_id,
            PartnershipMember.organisation_id == organisation_id,
        )
    )
    return or_(own, led)


def reportable_trajectories(principal: Principal) -> ColumnElement[bool]:
    """The trajectories the caller's figures are computed over, as a filter on ``Trajectory``."""
    if not can(principal, Action.REPORTS_READ):
        return false()
    if principal.role is Role.MANAGER:
        # Seen from the organisations: the databases then look the trajectories up by
        # organisation, where "own OR led partnership" per row was tested on every
        # trajectory of the region.
        return Trajectory.organisation_id.in_(
            select(Organisation.id).where(reportable_organisation(principal, Organisation.id))
        )
    owned = Trajectory.organisation_id == principal.organisation_id
    if principal.role is Role.COACH:
        on_own_floor = exists(
            select(Placement.id)
            .join(WorkFloor, WorkFloor.id == Placement.work_floor_id)
            .where(
                Placement.trajectory_id == Trajectory.id,
                WorkFloor.organisation_id == principal.organisation_id,
                Placement.start_date <= date.today(),
            )
        )
        return and_(owned, on_own_floor)
    on_the_team = exists(
        select(TeamMember.id).where(
            TeamMember.trajectory_id == Trajectory.id, TeamMember.user_id == principal.id
        )
    )
    return and_(visible_trajectories(principal), on_the_team)


# --- notes --------------------------------------------------------------------------------


def note_rule(
    principal: Principal,
    visibility: Any,
    author_organisation_id: Any,
    author_id: Any,
) -> ColumnElement[bool]:
    """Who reads a note, as a filter correlated to ``Trajectory`` (domain.md, "Note"):
    ``team`` → everyone who works on the file, i.e. whoever sees the trajectory in full (the
    mini-team, under consent for other organisations; the owning organisation's case staff;
    coaches of the floor; break-the-glass); ``care_shared`` → secrecy-bound members of the
    mini-team, from another organisation only under a consent covering care, and
    break-the-glass; ``care_internal`` → secrecy-bound staff of the author's organisation;
    the author always. Coaches never read care notes; managers and admins read no notes.

    Takes columns (for lists) or literals (to explain what a caller could read)."""
    if not can(principal, Action.NOTES_READ):
        return false()
    today, now = date.today(), utcnow()
    member = current_member(principal, today)
    glass = glass_broken(principal, now)
    rules = [visibility == Visibility.TEAM]
    if author_id is not None:
        rules.append(author_id == principal.id)
    if principal.bound_by_professional_secrecy and principal.role is not Role.COACH:
        care_consent = consent_covers(
            principal.organisation_id, Trajectory.participant_id, DataClass.CARE, today
        )
        in_the_care_team = and_(
            member, or_(Trajectory.organisation_id == principal.organisation_id, care_consent)
        )
        rules.append(and_(visibility == Visibility.CARE_SHARED, or_(in_the_care_team, glass)))
        rules.append(
            and_(
                visibility == Visibility.CARE_INTERNAL,
                author_organisation_id == principal.organisation_id,
            )
        )
    return or_(*rules)


def visible_notes(principal: Principal) -> ColumnElement[bool]:
    """The notes the caller may read, as a filter on ``Note`` rows.

    Every place that shows notes (the notes list and detail, the case-file timeline) filters
    with this one function, so they cannot disagree."""
    if not can(principal, Action.NOTES_READ):
        return false()
    return exists(
        select(Trajectory.id).where(
            Trajectory.id == Note.trajectory_id,
            visible_trajectories(principal),
            note_rule(principal, Note.visibility, Note.author_organisation_id, Note.author_id),
        )
    )


def readable_note_visibilities(principal: Principal) -> dict[Visibility, ColumnElement[bool]]:
    """For "why can I see this": per visibility, whether a colleague's note of that kind on a
    trajectory would be readable (care_internal: written in the caller's organisation)."""
    return {
        visibility: note_rule(
            principal, literal(visibility.value), literal(principal.organisation_id), None
        )
        for visibility in Visibility
    }


def may_write_note(principal: Principal, visibility: Visibility) -> bool:
    # Health information is written only by staff bound by professional secrecy.
    if visibility is Visibility.TEAM:
        return True
    return principal.bound_by_professional_secrecy and principal.role is not Role.COACH


# --- employers and employer contacts: the organisation's own job-development records --------


def visible_employers(principal: Principal) -> ColumnElement[bool]:
    if not can(principal, Action.TRAJECTORIES_READ):
        return false()
    return Employer.organisation_id == principal.organisation_id


def visible_employer_contacts(principal: Principal) -> ColumnElement[bool]:
    if not can(principal, Action.TRAJECTORIES_READ):
        return false()
    return EmployerContact.organisation_id == principal.organisation_id


# --- the audit trail ----------------------------------------------------------------------


def visible_audit_events(principal: Principal) -> ColumnElement[bool]:
    """Admins see what their own staff did, and what anyone did to their organisation's
    files: its trajectories, and participants it registered or runs a trajectory for."""
    if not can(principal, Action.AUDIT_READ):
        return false()
    mine = principal.organisation_id
    return or_(
        AuditEvent.organisation_id == mine,
        exists(
            select(Trajectory.id).where(
                Trajectory.id == AuditEvent.trajectory_id, Trajectory.organisation_id == mine
            )
        ),
        exists(
            select(Participant.id).where(
                Participant.id == AuditEvent.participant_id, Participant.organisation_id == mine
            )
        ),
        exists(
            select(Trajectory.id).where(
                Trajectory.participant_id == AuditEvent.participant_id,
                Trajectory.organisation_id == mine,
            )
        ),
    )


def require_visible(principal: Principal, action: Action) -> None:
    """For reads: a caller without the action must not learn that the object exists."""
    if not can(principal, action):
        raise NotFound("Not found")


def require_note_author(principal: Principal, author_id: uuid.UUID | None) -> None:
    # A note is the author's professional record: others add a note, they do not rewrite it.
    require(principal, Action.NOTES_WRITE)
    if author_id != principal.id:
        raise Forbidden("Only the author may change or remove a note")
