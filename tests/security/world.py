"""The shared case files of the security battery, and everyone who may (not) look at them.

Organisation A ("owner") runs a complete case file: a placement with attendance, a progress
log, a goal, an activation session, an internship, a job, an employer and a contact, an outflow
with a follow-up, consents, a funder-month decision, notes of every visibility and
break-the-glass grants. Every relation the access rules distinguish points at that file from
one caller. Organisation B runs the same kind of file with ``KANARIE-B`` in every free-text and
name field and no relation to any caller: not one of those bytes may reach them.

Only ids are kept (no ORM objects), so the probes never depend on a session's identity map.
"""

from __future__ import annotations

import dataclasses
import itertools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.models import BreakGlassGrant
from app.access.permissions import Action
from app.access.policies import Principal, actions_of
from app.auth.models import Role, User
from app.core.config import Settings
from app.core.database import utcnow
from app.employment.models import ContractType, Employer
from app.funding.models import FunderDecision
from app.notes.models import Note, Visibility
from app.organisations.models import (
    Organisation,
    OrganisationKind,
    PartnerRole,
    Partnership,
    PartnershipMember,
    WorkFloor,
)
from app.participants.models import (
    ActivityPermission,
    BenefitKind,
    BenefitStatus,
    Participant,
    PermissionIssuer,
    VdabAdvice,
    VdabAdviceKind,
)
from app.progress.models import Placement
from app.trajectories.models import TeamRole, Trajectory
from app.trajectories.phases import Status
from tests.clock import today
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.consents import give_consent
from tests.factories.employment import (
    make_employer,
    make_employer_contact,
    make_follow_up,
    make_internship,
    make_job,
    make_outflow,
)
from tests.factories.funding import make_funder_month
from tests.factories.organisations import make_organisation, make_work_floor
from tests.factories.progress import (
    make_activation_session,
    make_attendance,
    make_competence_item,
    make_goal,
    make_placement,
    make_progress_log,
)
from tests.factories.users import make_user, token_headers


def start_day() -> date:
    return today() - timedelta(days=120)


def floor_day() -> date:
    """The main file's placement ended two days ago: nobody is "placed on the floor today"
    through it, so a coach sees it only from the mini-team. Its attendance and the daily list
    use this day."""
    return today() - timedelta(days=3)


def outflow_day() -> date:
    return today() - timedelta(days=5)


CANARY = "KANARIE-B"
_insz_serial = itertools.count(101)


def previous_month(day: date) -> date:
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def valid_insz() -> str:
    """A fresh INSZ with a correct mod-97 check (born 1985)."""
    body = int(f"850730{next(_insz_serial):03d}")
    return f"{body:09d}{97 - body % 97:02d}"


class Marker:
    """Distinctive strings for free-text and name fields, remembered per scope (who may read
    them: see ``Caller.may_read``) so the probes can look for them in every answer."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.tokens: dict[str, list[str]] = {}

    def __call__(self, scope: str) -> str:
        token = self.text()
        self.tokens.setdefault(scope, []).append(token)
        return token

    def email(self, scope: str) -> str:
        token = self.text().lower()  # addresses are stored in lower case
        self.tokens.setdefault(scope, []).append(token)
        return f"{token}@example.test"

    def text(self) -> str:
        """Marked (the canary scan finds it) but readable by several parties by design."""
        return f"{self.prefix}-{uuid.uuid4().hex[:10]}"


# --- callers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Caller:
    """One user looking at one case file, with what the README's rules say they may see.

    ``sees_file``, ``summary_only`` and ``notes`` are written down by hand per caller (the
    expected answer), not computed by app/access/policies.py (the thing under test)."""

    label: str
    user_id: uuid.UUID
    headers: dict[str, str]
    principal: Principal
    case_kind: str  # which file the caller's probes point at: "main" or "floor"
    owner_staff: bool  # works for the organisation that runs the file
    sees_file: bool = False
    summary_only: bool = False
    notes: frozenset[Visibility] = frozenset()
    authored: bool = False  # wrote the file's notes
    glass: str | None = None  # "running" or "expired": holds a break-the-glass grant

    def can(self, action: Action) -> bool:
        return action in actions_of(self.principal)

    @property
    def role(self) -> Role:
        return self.principal.role

    @property
    def sees_participant(self) -> bool:
        # Through a visible trajectory, or registered by the caller's organisation (not coaches).
        return self.sees_file or self.sees_register

    @property
    def sees_register(self) -> bool:
        """The owner's participants without a trajectory: its register (never coaches')."""
        return (
            self.owner_staff and self.role is not Role.COACH and self.can(Action.PARTICIPANTS_READ)
        )

    @property
    def reads_org_records(self) -> bool:
        """Employers and employer contacts belong to the organisation that records them."""
        return self.owner_staff and self.can(Action.TRAJECTORIES_READ)

    def may_read(self, scope: str) -> bool:
        """Whether strings marked with ``scope`` on the caller's file may reach the caller."""
        if scope.startswith("note_"):
            return Visibility(scope.removeprefix("note_")) in self.notes
        return {
            "person": self.sees_participant,
            # INSZ, address, e-mail, benefits …: not for the work floor (coaches).
            "person_full": self.sees_participant and self.can(Action.PARTICIPANTS_READ_FULL),
            "register": self.sees_register,
            "file": self.sees_file,
            # The timeline and the file's contact list show them to whoever sees the file.
            "org_record": self.sees_file or self.reads_org_records,
            "org": self.owner_staff,  # the organisation's own competence items
        }[scope]

    @property
    def administers_owner(self) -> bool:
        """Organisation-level administration of the owner (its admins, platform admins)."""
        return self.owner_staff or self.principal.is_platform_admin


# --- case files ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """Everything on one case file, by id. ``phantom()`` swaps every id for an unknown one."""

    kind: str
    organisation_id: uuid.UUID
    work_floor_id: uuid.UUID
    partnership_id: uuid.UUID
    user_id: uuid.UUID  # a staff member of the running organisation (user routes)
    participant_id: uuid.UUID
    trajectory_id: uuid.UUID
    bare_participant_id: uuid.UUID  # registered by the organisation, no trajectory
    placement_id: uuid.UUID
    attendance_id: uuid.UUID
    log_id: uuid.UUID
    goal_id: uuid.UUID
    session_id: uuid.UUID
    internship_id: uuid.UUID
    job_id: uuid.UUID
    employer_id: uuid.UUID
    contact_id: uuid.UUID
    outflow_id: uuid.UUID
    follow_up_id: uuid.UUID
    consent_id: uuid.UUID  # for a receiving organisation nobody here works for
    member_id: uuid.UUID  # a membership of somebody who is not a caller
    grant_id: uuid.UUID  # a spare running grant of the break-the-glass holder
    expired_grant_id: uuid.UUID
    note_ids: dict[Visibility, uuid.UUID]
    month: str  # a funder month of the file, as YYYY-MM
    month_start: date
    names: tuple[str, str]  # the participant's first and last name
    birth_date: date
    insz: str
    employer_name: str
    tokens: dict[str, list[str]]  # scope → marked strings (see Caller.may_read)

    def phantom(self) -> Case:
        changes: dict[str, Any] = {
            f.name: uuid.uuid4()
            for f in dataclasses.fields(self)
            if isinstance(getattr(self, f.name), uuid.UUID)
        }
        changes["note_ids"] = {v: uuid.uuid4() for v in self.note_ids}
        return dataclasses.replace(self, **changes)


@dataclass
class Relations:
    """Who is on the mini-team, whose consent says what, who broke the glass: the same on
    every copy of a file (fresh files for state-changing probes get them too)."""

    author: User
    team: list[tuple[User, TeamRole]]
    left_team: list[User]
    consents: list[tuple[Organisation, dict[str, Any]]]
    glass_active: list[User]
    glass_expired: list[User]


@dataclass
class World:
    owner: Organisation
    bystander: Organisation  # receives consents; nobody works there
    relations: Relations
    cases: dict[str, Case]  # "main", "floor" (A, placed today), "b" (the canary file)
    callers: list[Caller]
    b_insider: dict[str, str]  # headers of B's own counsellor, who may read all of B's file
    _builders: dict[str, Callable[..., Case]] = field(default_factory=dict)

    def fresh_case(self, session: Session, kind: str, *, status: Status = Status.ACTIVE) -> Case:
        """A new file of ``kind`` with the same relations but only its core records."""
        return self._builders[kind](session, status=status, full=False)


def _core(
    session: Session,
    organisation: Organisation,
    relations: Relations,
    mark: Marker,
    *,
    status: Status,
    placed_today: bool,
    floor_id: uuid.UUID,
) -> tuple[Participant, Trajectory, uuid.UUID]:
    participant = make_participant(
        session,
        organisation,
        first_name=mark("person"),
        last_name=mark("person"),
        preferred_name=mark("person"),
        insz=valid_insz(),
        email=mark.email("person_full"),
        phone=mark("person"),
        address=mark("person_full"),
    )
    mark.tokens["person_full"].append(participant.insz or "")
    trajectory = make_trajectory(
        session,
        participant,
        organisation,
        status=status,
        started_on=start_day(),
        pause_reason=mark("file") if status is Status.PAUSED else None,
    )
    for user, team_role in relations.team:
        add_team_member(session, trajectory, user, team_role=team_role)
    for user in relations.left_team:
        member = add_team_member(session, trajectory, user, team_role=TeamRole.CASE_MANAGER_WORK)
        member.to_date = today()  # ending a membership today ends access today
    for receiving, overrides in relations.consents:
        give_consent(
            session,
            participant,
            receiving,
            purpose=mark("person"),
            evidence=mark("person"),
            **overrides,
        )
    now = utcnow()
    running = (now - timedelta(minutes=1), now + timedelta(hours=2))
    expired = (now - timedelta(hours=3), now - timedelta(hours=1))
    for holders, (started, expires) in (
        (relations.glass_active, running),
        (relations.glass_expired, expired),
    ):
        for user in holders:
            session.add(
                BreakGlassGrant(
                    trajectory_id=trajectory.id,
                    user_id=user.id,
                    organisation_id=user.organisation_id,
                    reason=mark.text(),
                    started_at=started,
                    expires_at=expires,
                )
            )
    placement = make_placement(
        session,
        trajectory,
        session.get_one(WorkFloor, floor_id),
        start_date=start_day(),
        end_date=None if placed_today else today() - timedelta(days=2),
        agreement_reference=mark("file"),
    )
    session.commit()
    return participant, trajectory, placement.id


def build_case(
    session: Session,
    *,
    kind: str,
    organisation: Organisation,
    floor_id: uuid.UUID,
    partnership_id: uuid.UUID,
    target_user: User,
    relations: Relations,
    bystander: Organisation,
    prefix: str,
    placed_today: bool,
    status: Status = Status.ACTIVE,
    full: bool = True,
) -> Case:
    """One case file. ``full=False`` gives the core only (participant, trajectory, relations,
    placement): enough for probes that change the trajectory itself."""
    mark = Marker(prefix)
    participant, trajectory, placement_id = _core(
        session,
        organisation,
        relations,
        mark,
        status=status,
        placed_today=placed_today,
        floor_id=floor_id,
    )
    spare_member = make_user(session, organisation, role=Role.MEDIATOR)
    member = add_team_member(session, trajectory, spare_member, team_role=TeamRole.OTHER)
    consent = give_consent(session, participant, bystander, purpose=mark("person"))
    grant_ids = list(
        session.scalars(
            select(BreakGlassGrant.id)
            .where(BreakGlassGrant.trajectory_id == trajectory.id)
            .order_by(BreakGlassGrant.expires_at.desc())
        )
    )
    nil = uuid.UUID(int=0)
    ids: dict[str, Any] = dict.fromkeys(
        (
            "attendance_id",
            "log_id",
            "goal_id",
            "session_id",
            "internship_id",
            "job_id",
            "employer_id",
            "contact_id",
            "outflow_id",
            "follow_up_id",
            "bare_participant_id",
        ),
        nil,
    )
    notes: dict[Visibility, uuid.UUID] = {}
    employer_name = ""
    if full:
        ids.update(
            _records(session, organisation, participant, trajectory, placement_id, relations, mark)
        )
        employer_name = session.get_one(Employer, ids["employer_id"]).name
        for visibility in Visibility:
            notes[visibility] = add_note(
                session,
                trajectory.id,
                relations.author,
                visibility,
                mark(f"note_{visibility.value}"),
            )
        bare = make_participant(
            session,
            organisation,
            first_name=mark("register"),
            last_name=mark("register"),
            insz=valid_insz(),
        )
        ids["bare_participant_id"] = bare.id
    session.commit()
    return Case(
        kind=kind,
        organisation_id=organisation.id,
        work_floor_id=floor_id,
        partnership_id=partnership_id,
        user_id=target_user.id,
        participant_id=participant.id,
        trajectory_id=trajectory.id,
        placement_id=placement_id,
        member_id=member.id,
        consent_id=consent.id,
        grant_id=grant_ids[0] if grant_ids else nil,
        expired_grant_id=grant_ids[-1] if grant_ids else nil,
        note_ids=notes,
        month=previous_month(today()).strftime("%Y-%m"),
        month_start=previous_month(today()),
        names=(participant.first_name, participant.last_name),
        birth_date=participant.birth_date,
        insz=participant.insz or "",
        employer_name=employer_name,
        tokens=mark.tokens,
        **ids,
    )


def _records(
    session: Session,
    organisation: Organisation,
    participant: Participant,
    trajectory: Trajectory,
    placement_id: uuid.UUID,
    relations: Relations,
    mark: Marker,
) -> dict[str, uuid.UUID]:
    author = relations.author
    placement = session.get_one(Placement, placement_id)
    attendance = make_attendance(session, placement, on=floor_day(), reason=mark("file"))
    log = make_progress_log(
        session, trajectory, author.id, placement_id=placement_id, text=mark("file")
    )
    goal = make_goal(session, trajectory, description=mark("file"), evaluation=mark("file"))
    activation = make_activation_session(
        session, trajectory, provider=mark("file"), report=mark("file")
    )
    employer = make_employer(
        session,
        organisation,
        name=mark("org_record"),
        sector=mark("org_record"),
        municipality=mark("org_record"),
        contact_name=mark("org_record"),
        contact_email=mark.email("org_record"),
        contact_phone=mark("org_record"),
    )
    contact = make_employer_contact(
        session, employer, author, trajectories=[trajectory], summary=mark("org_record")
    )
    internship = make_internship(
        session,
        trajectory,
        employer_id=employer.id,
        mentor_name=mark("file"),
    )
    job = make_job(
        session,
        participant,
        None,
        trajectory_id=trajectory.id,
        occupation=mark("person"),
        contract_type=ContractType.SELF_EMPLOYED,
        hours_per_week=Decimal("19.00"),
    )
    outflow = make_outflow(session, trajectory, on=outflow_day(), reason=mark("file"))
    follow_up = make_follow_up(session, outflow, note=mark("file"))
    make_funder_month(
        session,
        trajectory,
        previous_month(today()),
        decision=FunderDecision.REJECTED,
        comment=mark("file"),
    )
    session.add_all(
        [
            BenefitStatus(
                participant_id=participant.id, kind=BenefitKind.LEEFLOON, valid_from=start_day()
            ),
            ActivityPermission(
                participant_id=participant.id,
                issued_by=PermissionIssuer.OCMW,
                granted_on=start_day(),
                reference=mark("person_full"),
            ),
            VdabAdvice(
                participant_id=participant.id,
                advice=VdabAdviceKind.ARBEIDSZORG,
                advised_on=start_day(),
            ),
        ]
    )
    make_competence_item(
        session,
        organisation,
        f"skill{uuid.uuid4().hex[:6]}",
        name_nl=mark("org"),
        name_en=mark("org"),
    )
    session.commit()
    return {
        "attendance_id": attendance.id,
        "log_id": log.id,
        "goal_id": goal.id,
        "session_id": activation.id,
        "internship_id": internship.id,
        "job_id": job.id,
        "employer_id": employer.id,
        "contact_id": contact.id,
        "outflow_id": outflow.id,
        "follow_up_id": follow_up.id,
    }


def add_note(
    session: Session, trajectory_id: uuid.UUID, author: User, visibility: Visibility, body: str
) -> uuid.UUID:
    note = Note(
        trajectory_id=trajectory_id,
        author_id=author.id,
        author_organisation_id=author.organisation_id,
        visibility=visibility,
        written_on=start_day(),
        body=body,
    )
    session.add(note)
    session.commit()
    return note.id


# --- the world -----------------------------------------------------------------------------


def build_world(session: Session, settings: Settings) -> World:
    org = {
        name: make_organisation(session, name=title, kind=kind)
        for name, title, kind in [
            ("owner", "Werkplaats Eigenaar", OrganisationKind.WORK_CARE),
            ("gtb", "GTB Regio", OrganisationKind.MEDIATION),
            ("ggz", "CGG Regio", OrganisationKind.CARE),
            ("withdrawn", "Wijkteam Ingetrokken", OrganisationKind.OCMW),
            ("expired", "Trajectwerk Verlopen", OrganisationKind.MEDIATION),
            ("left", "Jobcoaching Vertrokken", OrganisationKind.MEDIATION),
            ("partner", "Partner Arbeidszorg", OrganisationKind.WORK_CARE),
            ("glass", "Spoeddienst", OrganisationKind.CARE),
            ("far", "Ver Weg", OrganisationKind.WORK_CARE),
            ("platform", "Werkpad beheer", OrganisationKind.PLATFORM),
            ("bystander", "Huisartsenkring", OrganisationKind.CARE),
            ("b", "Werkplaats B", OrganisationKind.WORK_CARE),
        ]
    }
    partnership = Partnership(name="Samenwerking Regio", lead_organisation_id=org["owner"].id)
    session.add(partnership)
    session.flush()
    for name in ("owner", "partner", "b"):
        session.add(
            PartnershipMember(
                partnership_id=partnership.id,
                organisation_id=org[name].id,
                partner_role=PartnerRole.WORK_CARE,
            )
        )
    session.commit()

    def user(name: str, organisation: str, role: Role, **extra: Any) -> tuple[str, User]:
        return name, make_user(session, org[organisation], role=role, **extra)

    secret = {"bound_by_professional_secrecy": True}
    users = dict(
        [
            user("owner_admin", "owner", Role.ADMIN),
            user("owner_manager", "owner", Role.MANAGER),
            user("owner_mediator", "owner", Role.MEDIATOR),
            user("owner_counsellor", "owner", Role.COUNSELLOR, **secret),
            user("owner_colleague", "owner", Role.COUNSELLOR, **secret),
            user("owner_coach", "owner", Role.COACH),
            user("owner_team_coach", "owner", Role.COACH),
            user("gtb_mediator", "gtb", Role.MEDIATOR),
            user("gtb_coach", "gtb", Role.COACH),
            user("ggz_counsellor", "ggz", Role.COUNSELLOR, **secret),
            user("withdrawn_mediator", "withdrawn", Role.MEDIATOR),
            user("expired_mediator", "expired", Role.MEDIATOR),
            user("left_mediator", "left", Role.MEDIATOR),
            user("partner_manager", "partner", Role.MANAGER),
            user("partner_mediator", "partner", Role.MEDIATOR),
            user("glass_active", "glass", Role.COUNSELLOR, **secret),
            user("glass_expired", "glass", Role.COUNSELLOR, **secret),
            user("far_admin", "far", Role.ADMIN),
            user("far_manager", "far", Role.MANAGER),
            user("far_mediator", "far", Role.MEDIATOR),
            user("far_counsellor", "far", Role.COUNSELLOR, **secret),
            user("far_coach", "far", Role.COACH),
            user("platform_admin", "platform", Role.ADMIN, is_platform_admin=True),
            user("b_counsellor", "b", Role.COUNSELLOR, **secret),
            user("b_mediator", "b", Role.MEDIATOR),
        ]
    )
    month_ago = today() - timedelta(days=30)
    relations = Relations(
        author=users["owner_counsellor"],
        team=[
            (users["owner_counsellor"], TeamRole.CASE_MANAGER_CARE),
            (users["owner_team_coach"], TeamRole.COACH),
            (users["gtb_mediator"], TeamRole.CASE_MANAGER_WORK),
            (users["gtb_coach"], TeamRole.COACH),
            (users["ggz_counsellor"], TeamRole.CASE_MANAGER_CARE),
            (users["withdrawn_mediator"], TeamRole.OTHER),
            (users["expired_mediator"], TeamRole.OTHER),
        ],
        left_team=[users["left_mediator"]],
        consents=[
            (org["gtb"], {"covers_work": True}),
            (org["ggz"], {"covers_work": True, "covers_care": True}),
            (org["withdrawn"], {"covers_work": True, "withdrawn_on": today()}),
            (org["expired"], {"covers_work": True, "expires_on": today() - timedelta(days=1)}),
            (org["left"], {"covers_work": True}),
        ],
        glass_active=[users["glass_active"]],
        glass_expired=[users["glass_expired"]],
    )
    for _, overrides in relations.consents:
        overrides.setdefault("given_on", month_ago)
    b_relations = Relations(
        author=users["b_counsellor"],
        team=[(users["b_counsellor"], TeamRole.CASE_MANAGER_CARE)],
        left_team=[],
        consents=[],
        glass_active=[users["b_mediator"]],  # a grant with a canary reason nobody else sees
        glass_expired=[],
    )
    owner_floor = make_work_floor(session, org["owner"], capacity=1000).id
    b_floor = make_work_floor(session, org["b"], capacity=1000).id

    def owner_builder(placed_today: bool, kind: str) -> Callable[..., Case]:
        def build(session: Session, *, status: Status = Status.ACTIVE, full: bool = True) -> Case:
            return build_case(
                session,
                kind=kind,
                organisation=org["owner"],
                floor_id=owner_floor,
                partnership_id=partnership.id,
                target_user=users["owner_mediator"],
                relations=relations,
                bystander=org["bystander"],
                prefix=f"DOSSIER-{kind.upper()}",
                placed_today=placed_today,
                status=status,
                full=full,
            )

        return build

    def b_builder(session: Session, *, status: Status = Status.ACTIVE, full: bool = True) -> Case:
        return build_case(
            session,
            kind="b",
            organisation=org["b"],
            floor_id=b_floor,
            partnership_id=partnership.id,
            target_user=users["b_mediator"],
            relations=b_relations,
            bystander=org["bystander"],
            prefix=CANARY,
            placed_today=True,
            status=status,
            full=full,
        )

    builders = {
        "main": owner_builder(False, "main"),
        "floor": owner_builder(True, "floor"),
        "b": b_builder,
    }
    cases = {kind: build(session) for kind, build in builders.items()}
    callers = _callers(users, settings, org["owner"].id)
    return World(
        owner=org["owner"],
        bystander=org["bystander"],
        relations=relations,
        cases=cases,
        callers=callers,
        b_insider=token_headers(users["b_counsellor"], settings),
        _builders=builders,
    )


NOTE_LETTERS = {"T": Visibility.TEAM, "S": Visibility.CARE_SHARED, "I": Visibility.CARE_INTERNAL}

# The expected view of each caller, from the README's "Decisions" on access (counsellors here
# are bound by professional secrecy; "other org" callers are on the mini-team). Columns: label,
# user, the file their probes point at, what they see of it ("file": in full, "summary": that
# it exists), the notes they read (T team, S care_shared, I care_internal), and extras (the notes'
# author; glass+ / glass-: holds a running / an expired break-the-glass grant).
# fmt: off
CALLERS: list[tuple[str, str, str, str, str, str]] = [
    ("own admin",                      "owner_admin",        "main",  "",        "",    ""),
    ("own manager",                    "owner_manager",      "main",  "file",    "",    ""),
    ("own mediator, not on the team",  "owner_mediator",     "main",  "file",    "T",   ""),
    ("own counsellor, team, author",   "owner_counsellor",   "main",  "file",    "TSI", "author"),
    ("own counsellor, no team",        "owner_colleague",    "main",  "file",    "TI",  ""),
    ("own coach, not placed, no team", "owner_coach",        "main",  "",        "",    ""),
    ("own coach, placed today",        "owner_coach",        "floor", "file",    "T",   ""),
    ("own coach on the team",          "owner_team_coach",   "main",  "file",    "T",   ""),
    ("other org mediator, consent",    "gtb_mediator",       "main",  "file",    "T",   ""),
    ("other org coach, consent",       "gtb_coach",          "main",  "file",    "T",   ""),
    ("other org counsellor, care",     "ggz_counsellor",     "main",  "file",    "TS",  ""),
    ("team, consent withdrawn",        "withdrawn_mediator", "main",  "",        "",    ""),
    ("team, consent expired",          "expired_mediator",   "main",  "",        "",    ""),
    ("left the team today",            "left_mediator",      "main",  "",        "",    ""),
    ("partner manager",                "partner_manager",    "main",  "summary", "",    ""),
    ("partner mediator",               "partner_mediator",   "main",  "",        "",    ""),
    ("break-the-glass running",        "glass_active",       "main",  "file",    "TS",  "glass+"),
    ("break-the-glass expired",        "glass_expired",      "main",  "",        "",    "glass-"),
    ("unrelated admin",                "far_admin",          "main",  "",        "",    ""),
    ("unrelated manager",              "far_manager",        "main",  "",        "",    ""),
    ("unrelated mediator",             "far_mediator",       "main",  "",        "",    ""),
    ("unrelated counsellor, secrecy",  "far_counsellor",     "main",  "",        "",    ""),
    ("unrelated coach",                "far_coach",          "main",  "",        "",    ""),
    ("platform admin",                 "platform_admin",     "main",  "",        "",    ""),
]
# fmt: on


def _callers(users: dict[str, User], settings: Settings, owner_id: uuid.UUID) -> list[Caller]:
    callers = []
    for label, name, kind, sees, notes, extra in CALLERS:
        user = users[name]
        callers.append(
            Caller(
                label=label,
                user_id=user.id,
                headers=token_headers(user, settings),
                principal=Principal.of(user),
                case_kind=kind,
                owner_staff=user.organisation_id == owner_id,
                sees_file=sees == "file",
                summary_only=sees == "summary",
                notes=frozenset(NOTE_LETTERS[letter] for letter in notes),
                authored=extra == "author",
                glass={"glass+": "running", "glass-": "expired"}.get(extra),
            )
        )
    return callers
