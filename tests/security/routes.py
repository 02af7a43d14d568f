"""The rule table: for every route of the API, how to call it on a case file and who gets what.

Keyed by (method, path template under /api/v1). A route the app serves without an entry here
fails the battery by name (tests/security/test_route_table.py); an entry that matches no route
fails too, unless it is listed in PENDING (routes announced but not merged yet).

Expected answers (``Expect``): OK means any 2xx; otherwise the exact status. The building
blocks read like the README's "Decisions": ``on_file`` (404 unless the caller sees the
trajectory in full, then 403 without the action), ``on_person`` (the participant),
``needs`` (a role action checked before anything is loaded) …
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.models import BreakGlassGrant
from app.access.permissions import Action
from app.auth.models import Role, User
from app.core.database import Base, utcnow
from app.employment.models import Employer, EmployerContact, Internship, Job
from app.funding.models import FunderMonth
from app.notes.models import Note, Visibility
from app.organisations.models import Organisation, Partnership, WorkFloor
from app.outflow.models import FollowUp, Outflow
from app.participants.models import Participant
from app.progress.models import (
    ActivationSession,
    Attendance,
    CompetenceItem,
    Goal,
    Placement,
    ProgressLog,
)
from app.trajectories.models import TeamMember, TeamRole, Trajectory
from app.trajectories.phases import Status
from tests.clock import today
from tests.factories.case_files import add_team_member, make_participant
from tests.factories.consents import give_consent
from tests.factories.employment import make_internship
from tests.factories.progress import (
    make_activation_session,
    make_attendance,
    make_goal,
    make_progress_log,
)
from tests.factories.users import make_user
from tests.security.world import (
    Caller,
    Case,
    World,
    add_note,
    floor_day,
    outflow_day,
    start_day,
    valid_insz,
)

API_PREFIX = "/api/v1"
OK = 200  # any 2xx
T = Action  # short, for the table
_serial = itertools.count(1)


@dataclass(frozen=True)
class Ctx:
    """What a factory needs: the database, the world, the file the probe points at."""

    session: Session
    world: World
    case: Case


Expect = Callable[[Caller, Case], int]
Factory = Callable[[Ctx], Any]


@dataclass(frozen=True)
class Probe:
    expect: Expect
    variant: str = ""
    params: Mapping[str, Callable[[Case], object]] = field(default_factory=dict)
    query: Factory | None = None
    body: Factory | None = None
    form: bool = False  # the login form, not JSON
    if_match: Factory | None = None  # the target's current version
    # A new target for the probe: for callers expected to succeed (the write changes state
    # other probes rely on), or for every caller when ``fresh_always`` (destructive routes).
    fresh: Callable[[Ctx], Case] | None = None
    fresh_always: bool = False
    # (id on the file, whether the caller must find it in the answer): lists agree with details.
    listed: tuple[tuple[Callable[[Case], uuid.UUID], Callable[[Caller, Case], bool]], ...] = ()
    # The answer is the whole file, by design, for these callers (the person's export).
    whole_file_for: Callable[[Caller, Case], bool] | None = None
    public: int | None = None  # no token needed: probed once, anonymously, expecting this


# --- expected answers ----------------------------------------------------------------------


def anyone(caller: Caller, case: Case) -> int:
    return OK


def needs(action: Action, then: Expect = anyone) -> Expect:
    """The role action is checked before anything is loaded: 403 without it."""
    return lambda c, k: then(c, k) if c.can(action) else 403


def _visible_then(visible: Callable[[Caller], bool], actions: tuple[Action, ...]) -> Expect:
    def expect(caller: Caller, case: Case) -> int:
        if not visible(caller):
            return 404
        if not all(caller.can(action) for action in actions):
            return 403
        return OK

    return expect


def on_file(*actions: Action) -> Expect:
    return _visible_then(lambda c: c.sees_file, actions)


def on_person(*actions: Action) -> Expect:
    return _visible_then(lambda c: c.sees_participant, actions)


def on_register(*actions: Action) -> Expect:
    return _visible_then(lambda c: c.sees_register, actions)


def on_org_record(*actions: Action) -> Expect:
    return _visible_then(lambda c: c.reads_org_records, actions)


def on_note(visibility: Visibility, *, author_only: bool = False) -> Expect:
    def expect(caller: Caller, case: Case) -> int:
        if visibility not in caller.notes:
            return 404
        if author_only and not caller.authored:
            return 403
        return OK

    return expect


def administers(action: Action) -> Expect:
    """Organisation administration of the file's organisation: its admins, platform admins."""
    return lambda c, k: OK if c.can(action) and c.administers_owner else 403


def knows_of(caller: Caller, case: Case) -> int:
    """Summary-only: partner managers may know that the trajectory exists."""
    return OK if caller.sees_file or caller.summary_only else 404


def reads_user(caller: Caller, case: Case) -> bool:
    return (
        caller.user_id == case.user_id
        or (caller.owner_staff and caller.can(Action.USERS_READ))
        or caller.principal.is_platform_admin
    )


def breaks_glass(caller: Caller, case: Case) -> int:
    """Only secrecy-bound care staff may ask (to anyone else the file stays a 404); 409 for
    whoever sees the file already."""
    may_ask = caller.principal.bound_by_professional_secrecy and caller.can(
        Action.TRAJECTORIES_READ
    )
    if not may_ask:
        return 404
    return 409 if caller.sees_file else OK


def _controls(caller: Caller, action: Action) -> bool:
    """The registering organisation's admin (its data-protection contact) handles the
    person's requests."""
    return caller.can(action) and caller.owner_staff


def exports(caller: Caller, case: Case) -> int:
    if not caller.can(Action.PARTICIPANTS_READ) and not caller.can(Action.PARTICIPANT_EXPORT):
        return 403  # no participant action at all (platform admins): whatever the id
    if not (caller.sees_participant or _controls(caller, Action.PARTICIPANT_EXPORT)):
        return 404
    return OK if _controls(caller, Action.PARTICIPANT_EXPORT) else 403


def erases(caller: Caller, case: Case) -> int:
    if not (caller.sees_participant or _controls(caller, Action.PARTICIPANT_ERASE)):
        return 404
    # The file has an open trajectory: erasure waits until it is closed.
    return 409 if _controls(caller, Action.PARTICIPANT_ERASE) else 403


def reports_on_file_organisation(caller: Caller, case: Case) -> int:
    """Figures of one organisation: its own staff (and managers of a partnership it is led
    in, which no caller here is); any other organisation id answers like an unknown one."""
    return OK if caller.owner_staff else 404


def decides_funder_months(caller: Caller, case: Case) -> int:
    if not caller.sees_file:
        return 404
    approves = caller.can(Action.FUNDER_MONTHS_APPROVE) and caller.owner_staff
    return OK if approves else 403


def records_floor_day(caller: Caller, case: Case) -> int:
    # Work floors are in the directory; a placement the caller cannot see is named as an
    # invalid entry (the same message as an unknown one), never written.
    if not caller.can(Action.PROGRESS_WRITE):
        return 403
    return OK if caller.sees_file else 422


def contacts_employer(caller: Caller, case: Case) -> int:
    # The body names the organisation's employer and the trajectory: both must be the caller's.
    if not caller.can(Action.EMPLOYMENT_WRITE):
        return 403
    return OK if caller.reads_org_records and caller.sees_file else 422


def ends_running_grant(caller: Caller, case: Case) -> int:
    return OK if caller.glass == "running" else 404


def ends_expired_grant(caller: Caller, case: Case) -> int:
    return 409 if caller.glass == "expired" else 404


# --- list membership -------------------------------------------------------------------------


def _sees_file(c: Caller, k: Case) -> bool:
    return c.sees_file


def _sees_person(c: Caller, k: Case) -> bool:
    return c.sees_participant


def _reads_org_records(c: Caller, k: Case) -> bool:
    return c.reads_org_records


def _knows_of(c: Caller, k: Case) -> bool:
    return knows_of(c, k) == OK


def _reads_note(visibility: Visibility) -> Callable[[Caller, Case], bool]:
    return lambda c, k: visibility in c.notes


def _note_id(visibility: Visibility) -> Callable[[Case], uuid.UUID]:
    return lambda k: k.note_ids[visibility]


NOTES_LISTED = tuple((_note_id(v), _reads_note(v)) for v in Visibility)


# --- targets and bodies ------------------------------------------------------------------------


def version_of(model: type[Base], attribute: str) -> Factory:
    def current(ctx: Ctx) -> int:
        column = getattr(model, "version")  # noqa: B009
        key = getattr(model, "id")  # noqa: B009
        found = ctx.session.scalar(select(column).where(key == getattr(ctx.case, attribute)))
        return int(found) if found is not None else 1  # an unknown id: any version will do

    return current


def funder_month_version(ctx: Ctx) -> int:
    found = ctx.session.scalar(
        select(FunderMonth.version).where(
            FunderMonth.trajectory_id == ctx.case.trajectory_id,
            FunderMonth.month == ctx.case.month_start,
        )
    )
    return int(found) if found is not None else 0  # a month never decided has version 0


def fresh_file(status: Status = Status.ACTIVE) -> Callable[[Ctx], Case]:
    """A new file with the same relations, for probes that move the trajectory itself."""
    return lambda ctx: ctx.world.fresh_case(ctx.session, ctx.case.kind, status=status)


def fresh_record(attribute: str, make: Callable[[Ctx], uuid.UUID]) -> Callable[[Ctx], Case]:
    """A new record on the same file, for probes that remove or end it."""

    def fresh(ctx: Ctx) -> Case:
        changes: dict[str, Any] = {attribute: make(ctx)}
        return dataclasses.replace(ctx.case, **changes)

    return fresh


def fresh_person(ctx: Ctx) -> Case:
    """Another person the owner registered, for callers who register them elsewhere (they see
    neither this one nor the file's participant, so the answer is the same)."""
    owner = ctx.session.get_one(Organisation, ctx.case.organisation_id)
    person = make_participant(ctx.session, owner, insz=valid_insz())
    return dataclasses.replace(
        ctx.case,
        participant_id=person.id,
        names=(person.first_name, person.last_name),
        birth_date=person.birth_date,
        insz=person.insz or "",
    )


def _trajectory(ctx: Ctx) -> Trajectory:
    return ctx.session.get_one(Trajectory, ctx.case.trajectory_id)


def _author(ctx: Ctx) -> User:
    return ctx.session.get_one(User, ctx.world.relations.author.id)


def _new_attendance(ctx: Ctx) -> uuid.UUID:
    placement = ctx.session.get_one(Placement, ctx.case.placement_id)
    day = start_day() + timedelta(days=next(_serial) % 100 + 1)
    return make_attendance(ctx.session, placement, on=day).id


def _new_note(visibility: Visibility) -> Callable[[Ctx], uuid.UUID]:
    return lambda ctx: add_note(
        ctx.session, ctx.case.trajectory_id, _author(ctx), visibility, "Te herschrijven"
    )


def _new_member(ctx: Ctx) -> uuid.UUID:
    owner = ctx.session.get_one(Organisation, ctx.case.organisation_id)
    colleague = make_user(ctx.session, owner, role=Role.MEDIATOR)
    return add_team_member(ctx.session, _trajectory(ctx), colleague, team_role=TeamRole.OTHER).id


def _new_colleague(ctx: Ctx) -> str:
    # From the world, not the file: the unknown-id probe sends this body too.
    owner = ctx.session.get_one(Organisation, ctx.world.owner.id)
    return str(make_user(ctx.session, owner, role=Role.MEDIATOR).id)


def _new_consent(ctx: Ctx) -> uuid.UUID:
    participant = ctx.session.get_one(Participant, ctx.case.participant_id)
    return give_consent(ctx.session, participant, ctx.world.bystander).id


def _new_grant(ctx: Ctx) -> uuid.UUID:
    # A second running grant of the holder: ending it leaves their first one running.
    holder = ctx.world.relations.glass_active[0]
    now = utcnow()
    grant = BreakGlassGrant(
        trajectory_id=ctx.case.trajectory_id,
        user_id=holder.id,
        organisation_id=holder.organisation_id,
        reason="Tweede noodtoegang, om te beëindigen",
        started_at=now - timedelta(minutes=1),
        expires_at=now + timedelta(minutes=30),
    )
    ctx.session.add(grant)
    ctx.session.commit()
    return grant.id


def _new_bare_participant(ctx: Ctx) -> uuid.UUID:
    owner = ctx.session.get_one(Organisation, ctx.case.organisation_id)
    return make_participant(ctx.session, owner).id


REWRITTEN_NOTES = (Visibility.TEAM, Visibility.CARE_INTERNAL)


def note_probes(
    visibilities: Iterable[Visibility], *, author_only: bool = False, body: Factory | None = None
) -> tuple[Probe, ...]:
    """One probe per note visibility; a write gets a fresh note of the author each time."""

    def probe(visibility: Visibility) -> Probe:
        def version(ctx: Ctx) -> int:
            found = ctx.session.scalar(
                select(Note.version).where(Note.id == ctx.case.note_ids[visibility])
            )
            return int(found) if found is not None else 1

        def fresh(ctx: Ctx) -> Case:
            note_ids = {**ctx.case.note_ids, visibility: _new_note(visibility)(ctx)}
            return dataclasses.replace(ctx.case, note_ids=note_ids)

        return Probe(
            on_note(visibility, author_only=author_only),
            variant=f"{visibility.value} note",
            params={"note_id": _note_id(visibility)},
            body=body,
            if_match=version if author_only else None,
            fresh=fresh if author_only else None,
            fresh_always=author_only,
        )

    return tuple(probe(v) for v in visibilities)


def constant(value: dict[str, Any]) -> Factory:
    """The same body or query for every probe."""
    return lambda ctx: value


def _competence_item_id(case: Case) -> uuid.UUID:
    """One own competence item per organisation, made by the probe's body factory."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"werkpad-matrix:competence-item:{case.organisation_id}")


def _competence_item_edit(ctx: Ctx) -> dict[str, object]:
    item_id = _competence_item_id(ctx.case)
    if ctx.session.get(Organisation, ctx.case.organisation_id) is not None and (
        ctx.session.get(CompetenceItem, item_id) is None
    ):
        ctx.session.add(
            CompetenceItem(
                id=item_id,
                organisation_id=ctx.case.organisation_id,
                code=f"matrix_item_{item_id.hex[:8]}",
                name_nl="Matrix item",
                name_en="Matrix item",
            )
        )
        ctx.session.flush()
    return {"name_nl": _unique("Matrix item")}


def _competence_item_version(ctx: Ctx) -> int:
    found = ctx.session.scalar(
        select(CompetenceItem.version).where(CompetenceItem.id == _competence_item_id(ctx.case))
    )
    return int(found) if found is not None else 1


def _unique(prefix: str) -> str:
    return f"{prefix} {next(_serial)}"


def day(value: Any) -> str:
    return str(value.isoformat())


# Benefits, permissions and VDAB advice are the trajectory's administration, not the work
# floor's: coaches who see the participant get 403.
ADMINISTRATION = Probe(on_person(T.PARTICIPANTS_READ_FULL))

# --- the table ---------------------------------------------------------------------------------


ROUTES: dict[tuple[str, str], tuple[Probe, ...]] = {
    # --- health, docs, sign-in: no token -----------------------------------------------------
    ("GET", "/health"): (Probe(anyone, public=200),),
    ("GET", "/ready"): (Probe(anyone, public=200),),
    ("GET", "/docs"): (Probe(anyone, public=200),),
    ("GET", "/docs/init.js"): (Probe(anyone, public=200),),
    ("GET", "/docs/assets/{name}"): (
        Probe(anyone, public=200, params={"name": lambda k: "swagger-ui.css"}),
    ),
    ("POST", "/auth/login"): (
        Probe(
            anyone,
            public=401,
            form=True,
            body=lambda ctx: {"username": "niemand@example.test", "password": "fout-wachtwoord"},
        ),
    ),
    ("POST", "/auth/refresh"): (Probe(anyone, public=401),),
    ("POST", "/auth/logout"): (Probe(anyone, public=204),),
    # --- accounts and the directory ---------------------------------------------------------
    ("GET", "/me"): (Probe(anyone),),
    ("GET", "/users"): (Probe(anyone, listed=((lambda k: k.user_id, reads_user),)),),
    ("POST", "/users"): (
        Probe(
            administers(T.USERS_MANAGE),
            body=lambda ctx: {
                "email": f"matrix{next(_serial)}@werkpad-matrix.be",
                "name": "Matrix Gebruiker",
                "password": "correct horse battery staple",
                "role": "coach",
                "organisation_id": str(ctx.case.organisation_id),
            },
        ),
    ),
    ("GET", "/users/{user_id}"): (Probe(lambda c, k: OK if reads_user(c, k) else 404),),
    ("PATCH", "/users/{user_id}"): (
        Probe(
            lambda c, k: administers(T.USERS_MANAGE)(c, k) if reads_user(c, k) else 404,
            body=lambda ctx: {"name": "Bemiddelaar Eigenaar"},
            if_match=version_of(User, "user_id"),
        ),
    ),
    ("GET", "/organisations"): (Probe(anyone),),
    ("POST", "/organisations"): (
        Probe(
            needs(T.ORGANISATIONS_CREATE),
            body=lambda ctx: {"name": _unique("Matrix organisatie"), "kind": "work_care"},
        ),
    ),
    ("GET", "/organisations/{organisation_id}"): (Probe(anyone),),
    ("PATCH", "/organisations/{organisation_id}"): (
        Probe(
            administers(T.ORGANISATIONS_UPDATE),
            body=lambda ctx: {"ama_recognition_number": "AMA-2026-001"},
            if_match=version_of(Organisation, "organisation_id"),
        ),
    ),
    ("GET", "/organisations/{organisation_id}/work-floors"): (Probe(anyone),),
    ("POST", "/organisations/{organisation_id}/work-floors"): (
        Probe(
            administers(T.WORK_FLOORS_MANAGE), body=lambda ctx: {"name": _unique("Matrix vloer")}
        ),
    ),
    ("GET", "/work-floors/{work_floor_id}"): (Probe(anyone),),
    ("PATCH", "/work-floors/{work_floor_id}"): (
        Probe(
            administers(T.WORK_FLOORS_MANAGE),
            body=lambda ctx: {"activity": "Houtbewerking"},
            if_match=version_of(WorkFloor, "work_floor_id"),
        ),
    ),
    ("GET", "/partnerships"): (Probe(anyone),),
    ("POST", "/partnerships"): (
        Probe(
            administers(T.PARTNERSHIPS_MANAGE),
            body=lambda ctx: {
                "name": _unique("Matrix samenwerking"),
                "lead_organisation_id": str(ctx.case.organisation_id),
                "members": [
                    {"organisation_id": str(ctx.case.organisation_id), "partner_role": "work_care"}
                ],
            },
        ),
    ),
    ("GET", "/partnerships/{partnership_id}"): (Probe(anyone),),
    ("PATCH", "/partnerships/{partnership_id}"): (
        Probe(
            administers(T.PARTNERSHIPS_MANAGE),
            body=lambda ctx: {"name": _unique("Samenwerking Regio")},
            if_match=version_of(Partnership, "partnership_id"),
        ),
    ),
    ("GET", "/frameworks"): (Probe(anyone),),
    # --- participants -----------------------------------------------------------------------
    ("GET", "/participants"): (
        Probe(needs(T.PARTICIPANTS_READ), listed=((lambda k: k.participant_id, _sees_person),)),
        Probe(
            needs(T.PARTICIPANTS_READ),
            variant="name search",
            query=lambda ctx: {"q": ctx.case.names[1]},
            listed=((lambda k: k.participant_id, _sees_person),),
        ),
    ),
    ("GET", "/participants/duplicates"): (
        Probe(
            needs(T.PARTICIPANTS_READ),
            variant="name and birth date",
            query=lambda ctx: {
                "first_name": ctx.case.names[0],
                "last_name": ctx.case.names[1],
                "birth_date": day(ctx.case.birth_date),
            },
            listed=((lambda k: k.participant_id, _sees_person),),
        ),
        # Who may not read an INSZ may not search one either (it would tell whose it is).
        Probe(
            needs(T.PARTICIPANTS_READ, needs(T.PARTICIPANTS_READ_FULL)),
            variant="insz",
            query=lambda ctx: {"insz": ctx.case.insz},
            listed=((lambda k: k.participant_id, _sees_person),),
        ),
    ),
    ("POST", "/participants"): (
        Probe(
            needs(T.PARTICIPANTS_WRITE),
            body=lambda ctx: {
                "first_name": "Matrix",
                "last_name": _unique("Nieuwkomer"),
                "birth_date": "1991-02-03",
                "confirm_not_duplicate": True,
            },
        ),
        # The duplicate check compares only participants the caller may see: anyone else
        # registers the person in their own organisation, never learning of the file.
        Probe(
            needs(T.PARTICIPANTS_WRITE, lambda c, k: 409 if c.sees_participant else OK),
            variant="someone with a file elsewhere",
            body=lambda ctx: {
                "first_name": ctx.case.names[0],
                "last_name": ctx.case.names[1],
                "birth_date": day(ctx.case.birth_date),
            },
            fresh=fresh_person,
        ),
        # The INSZ is unique per organisation (a global check would tell one organisation
        # that another knows the person): only the owner's own staff hear of it.
        Probe(
            needs(
                T.PARTICIPANTS_WRITE,
                needs(T.PARTICIPANTS_READ_FULL, lambda c, k: 409 if c.owner_staff else OK),
            ),
            variant="an INSZ registered elsewhere",
            body=lambda ctx: {
                "first_name": "Matrix",
                "last_name": _unique("Rijksregister"),
                "birth_date": "1985-07-30",
                "insz": ctx.case.insz,
                "confirm_not_duplicate": True,
            },
            fresh=fresh_person,
        ),
    ),
    ("GET", "/participants/{participant_id}"): (
        Probe(on_person()),
        Probe(
            on_register(),
            variant="registered, no trajectory",
            params={"participant_id": lambda k: k.bare_participant_id},
        ),
    ),
    ("PATCH", "/participants/{participant_id}"): (
        Probe(
            on_person(T.PARTICIPANTS_WRITE),
            body=lambda ctx: {"language": "fr"},
            if_match=version_of(Participant, "participant_id"),
        ),
    ),
    ("DELETE", "/participants/{participant_id}"): (
        Probe(
            on_register(T.PARTICIPANTS_WRITE),
            variant="registered in error, no trajectory",
            params={"participant_id": lambda k: k.bare_participant_id},
            if_match=version_of(Participant, "bare_participant_id"),
            fresh=fresh_record("bare_participant_id", _new_bare_participant),
            fresh_always=True,
        ),
    ),
    ("GET", "/participants/{participant_id}/changes"): (ADMINISTRATION,),
    ("GET", "/participants/{participant_id}/benefit-statuses"): (ADMINISTRATION,),
    ("POST", "/participants/{participant_id}/benefit-statuses"): (
        Probe(
            on_person(T.PARTICIPANTS_WRITE, T.PARTICIPANTS_READ_FULL),
            body=lambda ctx: {"kind": "rva", "valid_from": day(start_day())},
        ),
    ),
    ("GET", "/participants/{participant_id}/activity-permissions"): (ADMINISTRATION,),
    ("POST", "/participants/{participant_id}/activity-permissions"): (
        Probe(
            on_person(T.PARTICIPANTS_WRITE, T.PARTICIPANTS_READ_FULL),
            body=lambda ctx: {"issued_by": "vdab", "granted_on": day(start_day())},
        ),
    ),
    ("GET", "/participants/{participant_id}/vdab-advices"): (ADMINISTRATION,),
    ("POST", "/participants/{participant_id}/vdab-advices"): (
        Probe(
            on_person(T.PARTICIPANTS_WRITE, T.PARTICIPANTS_READ_FULL),
            body=lambda ctx: {"advice": "nec", "advised_on": day(start_day())},
        ),
    ),
    ("GET", "/participants/{participant_id}/consents"): (ADMINISTRATION,),
    ("POST", "/participants/{participant_id}/consents"): (
        Probe(
            on_person(T.PARTICIPANTS_WRITE, T.PARTICIPANTS_READ_FULL),
            body=lambda ctx: {
                # Nobody works for the receiving organisation: the consent opens nothing here.
                "receiving_organisation_id": str(ctx.world.bystander.id),
                "purpose": "Afstemming met de huisarts",
                "data_classes": ["work"],
                "given_on": day(today() - timedelta(days=1)),
                "method": "written",
                "information_text_version": "2026-01",
            },
        ),
    ),
    ("GET", "/participants/{participant_id}/consents/{consent_id}"): (ADMINISTRATION,),
    ("POST", "/participants/{participant_id}/consents/{consent_id}/withdraw"): (
        Probe(
            on_person(T.PARTICIPANTS_WRITE, T.PARTICIPANTS_READ_FULL),
            body=lambda ctx: {"reason": "Wil dit niet meer delen"},
            fresh=fresh_record("consent_id", _new_consent),
            fresh_always=True,
        ),
    ),
    ("GET", "/participants/{participant_id}/jobs"): (Probe(on_person()),),
    ("POST", "/participants/{participant_id}/jobs"): (
        Probe(
            on_person(T.EMPLOYMENT_WRITE),
            body=lambda ctx: {
                "trajectory_id": str(ctx.case.trajectory_id),
                "occupation": "Magazijnier",
                "start_date": day(today() - timedelta(days=1)),
                "contract_type": "self_employed",
                "support_instrument": "none",
            },
        ),
    ),
    ("GET", "/jobs/{job_id}"): (Probe(on_person()),),
    ("PATCH", "/jobs/{job_id}"): (
        Probe(
            on_person(T.EMPLOYMENT_WRITE),
            body=lambda ctx: {"hours_per_week": "20"},
            if_match=version_of(Job, "job_id"),
        ),
    ),
    ("GET", "/participants/{participant_id}/export"): (
        Probe(exports, whole_file_for=lambda c, k: exports(c, k) == OK),
    ),
    ("POST", "/participants/{participant_id}/erasure"): (
        # Nobody may complete it here (the file is open): no target is used up.
        Probe(
            erases,
            body=lambda ctx: {"reason": "Verzoek per brief van de deelnemer, ref. AVG-2026-17"},
        ),
    ),
    # --- trajectories -----------------------------------------------------------------------
    ("GET", "/trajectories"): (
        Probe(
            needs(T.TRAJECTORIES_READ),
            query=lambda ctx: {"participant_id": str(ctx.case.participant_id)},
            listed=((lambda k: k.trajectory_id, _sees_file),),
        ),
    ),
    ("POST", "/trajectories"): (
        Probe(
            needs(T.TRAJECTORIES_MANAGE, on_person()),
            variant="for a participant named in the body",
            body=lambda ctx: {
                "participant_id": str(ctx.case.participant_id),
                "framework_code": "doorstroom_province",
                "referred_on": day(today()),
                "started_on": day(today()),
            },
            fresh=fresh_file(),
        ),
    ),
    ("GET", "/trajectories/{trajectory_id}"): (Probe(on_file()),),
    ("PATCH", "/trajectories/{trajectory_id}"): (
        Probe(
            on_file(T.TRAJECTORIES_MANAGE),
            body=lambda ctx: {"pause_reason": "Opname, langer dan verwacht"},
            if_match=version_of(Trajectory, "trajectory_id"),
            fresh=fresh_file(Status.PAUSED),
        ),
    ),
    ("GET", "/trajectories/{trajectory_id}/phase-changes"): (Probe(on_file()),),
    ("POST", "/trajectories/{trajectory_id}/phase-changes"): (
        Probe(
            on_file(T.TRAJECTORIES_MANAGE),
            body=lambda ctx: {"to_phase": "placement", "date": day(today())},
            fresh=fresh_file(),
        ),
    ),
    ("GET", "/trajectories/{trajectory_id}/status-changes"): (Probe(on_file()),),
    ("POST", "/trajectories/{trajectory_id}/start"): (
        Probe(
            on_file(T.TRAJECTORIES_MANAGE),
            body=lambda ctx: {"date": day(today())},
            fresh=fresh_file(Status.REFERRED),
        ),
    ),
    ("POST", "/trajectories/{trajectory_id}/pause"): (
        Probe(
            on_file(T.TRAJECTORIES_MANAGE),
            body=lambda ctx: {"date": day(today()), "reason": "Ziekenhuisopname"},
            fresh=fresh_file(),
        ),
    ),
    ("POST", "/trajectories/{trajectory_id}/resume"): (
        Probe(
            on_file(T.TRAJECTORIES_MANAGE),
            body=lambda ctx: {"date": day(today())},
            fresh=fresh_file(Status.PAUSED),
        ),
    ),
    ("POST", "/trajectories/{trajectory_id}/close"): (
        Probe(
            on_file(T.TRAJECTORIES_MANAGE),
            body=lambda ctx: {"date": day(today())},
            fresh=fresh_file(),
        ),
    ),
    ("GET", "/trajectories/{trajectory_id}/team"): (Probe(on_file()),),
    ("GET", "/trajectories/{trajectory_id}/team/candidates"): (
        Probe(on_file(T.TRAJECTORIES_MANAGE), query=constant({"q": "gebruiker"})),
    ),
    ("POST", "/trajectories/{trajectory_id}/team"): (
        Probe(
            on_file(T.TRAJECTORIES_MANAGE),
            body=lambda ctx: {"user_id": _new_colleague(ctx), "team_role": "other"},
        ),
    ),
    ("DELETE", "/trajectories/{trajectory_id}/team/{member_id}"): (
        Probe(
            on_file(T.TRAJECTORIES_MANAGE),
            if_match=version_of(TeamMember, "member_id"),
            fresh=fresh_record("member_id", _new_member),
            fresh_always=True,
        ),
    ),
    ("GET", "/trajectories/{trajectory_id}/timeline"): (Probe(on_file(), listed=NOTES_LISTED),),
    ("GET", "/trajectories/{trajectory_id}/access"): (Probe(knows_of),),
    ("GET", "/trajectories/{trajectory_id}/summary"): (Probe(knows_of),),
    ("GET", "/trajectory-summaries"): (
        Probe(anyone, listed=((lambda k: k.trajectory_id, _knows_of),)),
    ),
    ("POST", "/trajectories/{trajectory_id}/break-the-glass"): (
        Probe(
            breaks_glass,
            body=lambda ctx: {"reason": "Crisisopname: de spoeddienst vraagt wie begeleidt"},
            fresh=fresh_file(),
        ),
    ),
    ("GET", "/break-glass-grants"): (
        Probe(
            anyone,
            query=lambda ctx: {"trajectory_id": str(ctx.case.trajectory_id)},
            listed=(
                (
                    lambda k: k.grant_id,
                    lambda c, k: c.glass == "running" or (c.owner_staff and c.can(T.AUDIT_READ)),
                ),
            ),
        ),
    ),
    ("POST", "/break-glass-grants/{grant_id}/end"): (
        Probe(
            ends_running_grant,
            variant="running grant",
            fresh=fresh_record("grant_id", _new_grant),
            fresh_always=True,
        ),
        Probe(
            ends_expired_grant,
            variant="expired grant",
            params={"grant_id": lambda k: k.expired_grant_id},
        ),
    ),
    ("GET", "/audit-events"): (
        Probe(
            needs(T.AUDIT_READ),
            query=lambda ctx: {"participant_id": str(ctx.case.participant_id)},
        ),
    ),
    # --- placements and attendance ------------------------------------------------------------
    ("GET", "/trajectories/{trajectory_id}/placements"): (Probe(on_file()),),
    ("POST", "/trajectories/{trajectory_id}/placements"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            body=lambda ctx: {
                # In the past: a new placement must not make anyone "placed today".
                "work_floor_id": str(ctx.case.work_floor_id),
                "planned_hours_per_week": "8",
                "planned_half_days_per_week": 2,
                "start_date": day(start_day() + timedelta(days=1)),
                "end_date": day(start_day() + timedelta(days=2)),
            },
        ),
    ),
    ("GET", "/placements/{placement_id}"): (Probe(on_file()),),
    ("PATCH", "/placements/{placement_id}"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            body=lambda ctx: {"dimona_declared": True},
            if_match=version_of(Placement, "placement_id"),
        ),
    ),
    ("GET", "/placements/{placement_id}/attendance"): (Probe(on_file()),),
    ("POST", "/placements/{placement_id}/attendance"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            body=lambda ctx: {
                "date": day(floor_day()),
                "half_day": "pm",
                "status": "present",
                "hours": "3",
            },
        ),
    ),
    ("GET", "/attendance/{attendance_id}"): (Probe(on_file()),),
    ("PATCH", "/attendance/{attendance_id}"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            body=lambda ctx: {"hours": "3"},
            if_match=version_of(Attendance, "attendance_id"),
        ),
    ),
    ("DELETE", "/attendance/{attendance_id}"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            if_match=version_of(Attendance, "attendance_id"),
            fresh=fresh_record("attendance_id", _new_attendance),
            fresh_always=True,
        ),
    ),
    ("GET", "/work-floors/{work_floor_id}/attendance"): (
        Probe(
            anyone,
            variant="the day the file's placement ran",
            query=lambda ctx: {"date": day(floor_day())},
            listed=((lambda k: k.placement_id, _sees_file),),
        ),
    ),
    ("POST", "/work-floors/{work_floor_id}/attendance"): (
        Probe(
            records_floor_day,
            body=lambda ctx: {
                "date": day(floor_day()),
                "entries": [
                    {
                        "placement_id": str(ctx.case.placement_id),
                        "half_day": "am",
                        "status": "present",
                        "hours": "3",
                    }
                ],
            },
        ),
    ),
    ("GET", "/competence-items"): (Probe(anyone),),
    ("POST", "/competence-items"): (
        Probe(
            # Named organisation: a platform admin's item would otherwise join the default set,
            # which outlives the test (tests/conftest.py SEEDED_ROWS).
            administers(T.COMPETENCE_ITEMS_MANAGE),
            body=lambda ctx: {
                "code": f"matrix_{next(_serial)}",
                "name_nl": "Matrix item",
                "name_en": "Matrix item",
                "organisation_id": str(ctx.case.organisation_id),
            },
        ),
    ),
    ("PATCH", "/competence-items/{competence_item_id}"): (
        Probe(
            needs(T.COMPETENCE_ITEMS_MANAGE, lambda c, k: OK if c.administers_owner else 404),
            params={"competence_item_id": _competence_item_id},
            body=_competence_item_edit,
            if_match=_competence_item_version,
        ),
    ),
    # --- progress logs, goals, activation sessions ---------------------------------------------
    ("GET", "/trajectories/{trajectory_id}/progress-logs"): (Probe(on_file()),),
    ("POST", "/trajectories/{trajectory_id}/progress-logs"): (
        Probe(on_file(T.PROGRESS_WRITE), body=lambda ctx: {"logged_on": day(today())}),
    ),
    ("GET", "/progress-logs/{log_id}"): (Probe(on_file()),),
    ("PATCH", "/progress-logs/{log_id}"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            body=lambda ctx: {"logged_on": day(today() - timedelta(days=1))},
            if_match=version_of(ProgressLog, "log_id"),
        ),
    ),
    ("DELETE", "/progress-logs/{log_id}"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            if_match=version_of(ProgressLog, "log_id"),
            fresh=fresh_record(
                "log_id",
                lambda ctx: make_progress_log(ctx.session, _trajectory(ctx), _author(ctx).id).id,
            ),
            fresh_always=True,
        ),
    ),
    ("GET", "/trajectories/{trajectory_id}/goals"): (Probe(on_file()),),
    ("POST", "/trajectories/{trajectory_id}/goals"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            body=lambda ctx: {"domain": "work", "description": "Zelfstandig de bus nemen"},
        ),
    ),
    ("GET", "/goals/{goal_id}"): (Probe(on_file()),),
    ("PATCH", "/goals/{goal_id}"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            body=lambda ctx: {"due_on": day(today() + timedelta(days=30))},
            if_match=version_of(Goal, "goal_id"),
        ),
    ),
    ("DELETE", "/goals/{goal_id}"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            if_match=version_of(Goal, "goal_id"),
            fresh=fresh_record("goal_id", lambda ctx: make_goal(ctx.session, _trajectory(ctx)).id),
            fresh_always=True,
        ),
    ),
    ("GET", "/trajectories/{trajectory_id}/activation-sessions"): (Probe(on_file()),),
    ("POST", "/trajectories/{trajectory_id}/activation-sessions"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            body=lambda ctx: {
                "component": "empowerment",
                "provider": "CAW",
                "held_on": day(today()),
                "minutes": 60,
            },
        ),
    ),
    ("GET", "/activation-sessions/{session_id}"): (Probe(on_file()),),
    ("PATCH", "/activation-sessions/{session_id}"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            body=lambda ctx: {"minutes": 45},
            if_match=version_of(ActivationSession, "session_id"),
        ),
    ),
    ("DELETE", "/activation-sessions/{session_id}"): (
        Probe(
            on_file(T.PROGRESS_WRITE),
            if_match=version_of(ActivationSession, "session_id"),
            fresh=fresh_record(
                "session_id",
                lambda ctx: make_activation_session(ctx.session, _trajectory(ctx)).id,
            ),
            fresh_always=True,
        ),
    ),
    # --- employers, contacts, internships -----------------------------------------------------
    ("GET", "/employers"): (
        Probe(
            anyone,
            query=lambda ctx: {"q": ctx.case.employer_name},
            listed=((lambda k: k.employer_id, _reads_org_records),),
        ),
    ),
    ("POST", "/employers"): (
        Probe(needs(T.EMPLOYMENT_WRITE), body=lambda ctx: {"name": _unique("Matrix werkgever")}),
    ),
    ("GET", "/employers/{employer_id}"): (Probe(on_org_record()),),
    ("PATCH", "/employers/{employer_id}"): (
        Probe(
            on_org_record(T.EMPLOYMENT_WRITE),
            body=lambda ctx: {"sector": "Logistiek"},
            if_match=version_of(Employer, "employer_id"),
        ),
    ),
    ("GET", "/employer-contacts"): (
        Probe(
            anyone,
            query=lambda ctx: {"employer_id": str(ctx.case.employer_id)},
            listed=((lambda k: k.contact_id, _reads_org_records),),
        ),
    ),
    ("POST", "/employer-contacts"): (
        Probe(
            contacts_employer,
            variant="about the file, with the organisation's employer",
            body=lambda ctx: {
                "employer_id": str(ctx.case.employer_id),
                "contacted_on": day(today()),
                "in_person": True,
                "purpose": "job_development",
                "trajectory_ids": [str(ctx.case.trajectory_id)],
            },
        ),
    ),
    ("GET", "/employer-contacts/{contact_id}"): (Probe(on_org_record()),),
    ("PATCH", "/employer-contacts/{contact_id}"): (
        Probe(
            on_org_record(T.EMPLOYMENT_WRITE),
            body=lambda ctx: {"in_person": False},
            if_match=version_of(EmployerContact, "contact_id"),
        ),
    ),
    ("GET", "/trajectories/{trajectory_id}/employer-contacts"): (
        Probe(on_file(), listed=((lambda k: k.contact_id, _sees_file),)),
    ),
    ("GET", "/trajectories/{trajectory_id}/internships"): (Probe(on_file()),),
    ("POST", "/trajectories/{trajectory_id}/internships"): (
        Probe(
            on_file(T.EMPLOYMENT_WRITE),
            body=lambda ctx: {
                "type": "work_experience",
                "start_date": day(start_day() + timedelta(days=10)),
            },
        ),
    ),
    ("GET", "/internships/{internship_id}"): (Probe(on_file()),),
    ("PATCH", "/internships/{internship_id}"): (
        Probe(
            on_file(T.EMPLOYMENT_WRITE),
            body=lambda ctx: {"hours_per_week": "10"},
            if_match=version_of(Internship, "internship_id"),
        ),
    ),
    ("DELETE", "/internships/{internship_id}"): (
        Probe(
            on_file(T.EMPLOYMENT_WRITE),
            if_match=version_of(Internship, "internship_id"),
            fresh=fresh_record(
                "internship_id", lambda ctx: make_internship(ctx.session, _trajectory(ctx)).id
            ),
            fresh_always=True,
        ),
    ),
    # --- outflow and follow-ups -----------------------------------------------------------------
    ("GET", "/trajectories/{trajectory_id}/outflow"): (Probe(on_file()),),
    ("PUT", "/trajectories/{trajectory_id}/outflow"): (
        Probe(
            on_file(T.TRAJECTORIES_MANAGE),
            variant="replace",
            body=lambda ctx: {
                "date": day(outflow_day()),
                "category": "drop_out",
                "reason": "Stopt op eigen vraag",
            },
            if_match=version_of(Outflow, "outflow_id"),
        ),
    ),
    ("GET", "/trajectories/{trajectory_id}/follow-ups"): (Probe(on_file()),),
    ("POST", "/trajectories/{trajectory_id}/follow-ups"): (
        Probe(
            on_file(T.EMPLOYMENT_WRITE),
            body=lambda ctx: {"due_on": day(today() + timedelta(days=30))},
        ),
    ),
    ("GET", "/follow-ups/{follow_up_id}"): (Probe(on_file()),),
    ("PATCH", "/follow-ups/{follow_up_id}"): (
        Probe(
            on_file(T.EMPLOYMENT_WRITE),
            body=lambda ctx: {"due_on": day(today() + timedelta(days=60))},
            if_match=version_of(FollowUp, "follow_up_id"),
        ),
    ),
    # --- notes ------------------------------------------------------------------------------------
    ("GET", "/trajectories/{trajectory_id}/notes"): (
        Probe(on_file(T.NOTES_READ), listed=NOTES_LISTED),
    ),
    ("POST", "/trajectories/{trajectory_id}/notes"): (
        Probe(
            on_file(T.NOTES_WRITE),
            variant="team note",
            body=lambda ctx: {"visibility": "team", "body": "Stipt op tijd, goed humeur"},
        ),
    ),
    ("GET", "/notes/{note_id}"): note_probes(Visibility),
    # A fresh note by the author for every probe: changing or removing one is for good.
    ("PATCH", "/notes/{note_id}"): note_probes(
        REWRITTEN_NOTES,
        author_only=True,
        body=lambda ctx: {"body": "Herschreven door de auteur"},
    ),
    ("DELETE", "/notes/{note_id}"): note_probes(REWRITTEN_NOTES, author_only=True),
    # --- reports -------------------------------------------------------------------------------
    ("GET", "/reports/indicators"): (
        Probe(needs(T.REPORTS_READ), variant="everything the caller reports on"),
        Probe(
            needs(T.REPORTS_READ, reports_on_file_organisation),
            variant="the file's organisation",
            query=lambda ctx: {"organisation_id": str(ctx.case.organisation_id)},
        ),
    ),
    ("GET", "/reports/indicators/{indicator}/trajectories"): (
        Probe(
            needs(T.REPORTS_READ),
            variant="names only where the file opens",
            params={"indicator": lambda k: "participants_in_trajectory"},
        ),
    ),
    ("GET", "/reports/caseloads"): (
        Probe(needs(T.REPORTS_READ), variant="everything the caller reports on"),
        Probe(
            needs(T.REPORTS_READ, reports_on_file_organisation),
            variant="the file's organisation",
            query=lambda ctx: {"organisation_id": str(ctx.case.organisation_id)},
        ),
    ),
    ("GET", "/reports/definitions"): (Probe(anyone),),
    ("GET", "/reports/funder"): (
        Probe(
            needs(T.FUNDER_REPORTS_READ, reports_on_file_organisation),
            query=lambda ctx: {
                "year": today().year,
                "organisation_id": str(ctx.case.organisation_id),
            },
        ),
    ),
    # --- funder months ---------------------------------------------------------------------------
    ("GET", "/trajectories/{trajectory_id}/funder-months"): (Probe(on_file()),),
    ("GET", "/trajectories/{trajectory_id}/funder-months/{month}"): (Probe(on_file()),),
    ("PATCH", "/trajectories/{trajectory_id}/funder-months/{month}"): (
        Probe(
            decides_funder_months,
            variant="reject last month",
            body=lambda ctx: {"decision": "rejected", "comment": "Geen acties gelogd"},
            if_match=funder_month_version,
        ),
    ),
}


# Routes announced by work in progress, with entries above: covered the moment they are served,
# and never silently stale. Empty when everything announced has landed.
PENDING: frozenset[tuple[str, str]] = frozenset()


# --- the app's own route table ------------------------------------------------------------------

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_PARAM = re.compile(r"{(\w+)(?::\w+)?}")


@dataclass(frozen=True)
class AppRoute:
    method: str
    template: str  # under /api/v1
    route: APIRoute

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.template)

    @property
    def name(self) -> str:
        return f"{self.method} {API_PREFIX}{self.template}"

    @property
    def params(self) -> list[str]:
        return list(_PARAM.findall(self.template))

    @property
    def body_schema(self) -> Any:
        body = self.route.dependant.body_params
        return body[0].field_info.annotation if body else None


def api_routes(app: FastAPI) -> list[AppRoute]:
    """Every (method, route) the app serves under /api/v1, from its own router."""
    found = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        path = context.path
        if not isinstance(route, APIRoute) or not path or not path.startswith(API_PREFIX):
            continue
        for method in sorted(context.methods or ()):
            found.append(AppRoute(method, path.removeprefix(API_PREFIX), route))
    return found


def fill(template: str, case: Case, probe: Probe) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        source = probe.params.get(name) or PARAM_SOURCES[name]
        return str(source(case))

    return API_PREFIX + _PARAM.sub(value, template)


PARAM_SOURCES: dict[str, Callable[[Case], object]] = {
    "participant_id": lambda k: k.participant_id,
    "trajectory_id": lambda k: k.trajectory_id,
    "placement_id": lambda k: k.placement_id,
    "attendance_id": lambda k: k.attendance_id,
    "log_id": lambda k: k.log_id,
    "goal_id": lambda k: k.goal_id,
    "session_id": lambda k: k.session_id,
    "internship_id": lambda k: k.internship_id,
    "job_id": lambda k: k.job_id,
    "employer_id": lambda k: k.employer_id,
    "contact_id": lambda k: k.contact_id,
    "follow_up_id": lambda k: k.follow_up_id,
    "consent_id": lambda k: k.consent_id,
    "member_id": lambda k: k.member_id,
    "grant_id": lambda k: k.grant_id,
    "note_id": lambda k: k.note_ids[Visibility.TEAM],
    "month": lambda k: k.month,
    "user_id": lambda k: k.user_id,
    "organisation_id": lambda k: k.organisation_id,
    "work_floor_id": lambda k: k.work_floor_id,
    "partnership_id": lambda k: k.partnership_id,
}
