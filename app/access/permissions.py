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
    COMPETENCE_ITEMS_MANAGE = "competence_items:manage"  # the items progress logs score
    PARTICIPANTS_READ = "participants:read"
    PARTICIPANTS_WRITE = "participants:write"
    # INSZ, address, e-mail, target groups, referral source, benefits, permissions, VDAB
    # advice: the administration of a trajectory, not the work floor's business.
    PARTICIPANTS_READ_FULL = "participants:read_full"
    TRAJECTORIES_READ = "trajectories:read"
    TRAJECTORIES_MANAGE = "trajectories:manage"  # open, phase, pause, team, outflow
    PROGRESS_WRITE = "progress:write"  # placements, attendance, logs, goals, sessions
    EMPLOYMENT_WRITE = "employment:write"  # employers, contacts, internships, jobs
    NOTES_READ = "notes:read"
    NOTES_WRITE = "notes:write"
    FUNDER_MONTHS_APPROVE = "funder_months:approve"
    AUDIT_READ = "audit:read"  # access logs and break-the-glass grants of the organisation
    REPORTS_READ = "reports:read"  # indicators over the trajectories one reports on
    FUNDER_REPORTS_READ = "funder_reports:read"  # the reports an organisation signs for a funder
    PARTICIPANT_EXPORT = "participants:export"  # everything held about one person (AVG art. 15)
    PARTICIPANT_ERASE = "participants:erase"  # de-identify one person on request (AVG art. 17)


_EVERY_STAFF_MEMBER = {
    Action.ORGANISATIONS_READ,
    Action.WORK_FLOORS_READ,
    Action.PARTNERSHIPS_READ,
    Action.FRAMEWORKS_READ,
}

# Staff who work with participants: they read and write the case file.
_CASE_WORK = {
    Action.PARTICIPANTS_READ,
    Action.PARTICIPANTS_WRITE,
    Action.TRAJECTORIES_READ,
    Action.PROGRESS_WRITE,
    Action.EMPLOYMENT_WRITE,
    Action.NOTES_READ,
    Action.NOTES_WRITE,
}

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    # Coaches log the work floor; the trajectory itself (phases, team) is led by others.
    # Case staff read figures about their own work (policies.reportable_trajectories).
    Role.COACH: frozenset(_EVERY_STAFF_MEMBER | _CASE_WORK | {Action.REPORTS_READ}),
    Role.MEDIATOR: frozenset(
        _EVERY_STAFF_MEMBER
        | _CASE_WORK
        | {Action.TRAJECTORIES_MANAGE, Action.REPORTS_READ, Action.PARTICIPANTS_READ_FULL}
    ),
    Role.COUNSELLOR: frozenset(
        _EVERY_STAFF_MEMBER
        | _CASE_WORK
        | {Action.TRAJECTORIES_MANAGE, Action.REPORTS_READ, Action.PARTICIPANTS_READ_FULL}
    ),
    # Managers see lists, phases and figures, and approve funder months: never notes.
    Role.MANAGER: frozenset(
        _EVERY_STAFF_MEMBER
        | {
            Action.USERS_READ,
            Action.PARTICIPANTS_READ,
            Action.PARTICIPANTS_READ_FULL,
            Action.PARTICIPANTS_WRITE,
            Action.TRAJECTORIES_READ,
            Action.TRAJECTORIES_MANAGE,
            Action.FUNDER_MONTHS_APPROVE,
            Action.REPORTS_READ,
            Action.FUNDER_REPORTS_READ,
        }
    ),
    # Admins run accounts and settings, not case work: figures come with drill-downs to
    # people, so they are for the staff responsible for those people.
    Role.ADMIN: frozenset(
        _EVERY_STAFF_MEMBER
        | {
            Action.USERS_READ,
            Action.USERS_MANAGE,
            Action.WORK_FLOORS_MANAGE,
            Action.ORGANISATIONS_UPDATE,
            Action.PARTNERSHIPS_MANAGE,
            Action.COMPETENCE_ITEMS_MANAGE,
            Action.AUDIT_READ,
            # The data-protection contact of the controller hands the export to the person;
            # case staff do not get it: it holds every note, also colleagues' care_internal ones.
            Action.PARTICIPANT_EXPORT,
            Action.PARTICIPANT_ERASE,
        }
    ),
}

# Platform admins run the installation: they create organisations and administer every one,
# but they are not care staff: no case-file action comes with the platform role.
_CASE_FILE_ACTIONS = _CASE_WORK | {
    Action.PARTICIPANTS_READ_FULL,
    Action.TRAJECTORIES_MANAGE,
    Action.FUNDER_MONTHS_APPROVE,
    Action.PARTICIPANT_EXPORT,
    Action.PARTICIPANT_ERASE,
    Action.REPORTS_READ,
    Action.FUNDER_REPORTS_READ,
}
PLATFORM_ADMIN_ACTIONS = frozenset(set(Action) - _CASE_FILE_ACTIONS)
