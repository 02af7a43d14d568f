"""The demo region's case files, played out from the stories relative to one day and a seed.

Pure: `build_case_files` only constructs rows (ORM objects, plus plain dicts for the two bulk
tables) from the region's ids, `today` and the seed; the caller adds them to a session. Every
row obeys the rules the API enforces: the phase history is a sequence of allowed moves with
reasons on moves back, dated never in the future and never before the previous change, with
the trajectory active at each move; placements on the trajectory's own organisation's floors
within capacity; attendance within its placement, at most five hours a half-day; coaches and
goal owners colleagues of the owning organisation; notes written by staff who could write them,
care notes only by staff bound by professional secrecy; work-experience internships under six
months; a job for every paid outflow and follow-ups at +3, +6 and +12 months after it.
"""

from __future__ import annotations

import itertools
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from app.auth.models import Role
from app.consents.models import Consent, ConsentMethod, GivenBy
from app.core.dates import add_months
from app.demo import people, texts
from app.demo.region import (
    CGG,
    EMPLOYERS,
    GTB,
    HERSTEL,
    LOGINS,
    ORGANISATIONS,
    PC,
    STAFF,
    VDAB,
    WORK_FLOORS,
    DemoLogin,
    Region,
)
from app.demo.stories import STORIES, Kind, Story
from app.employment.models import (
    ContactPurpose,
    ContractType,
    Disclosure,
    Employer,
    EmployerContact,
    EmployerContactTrajectory,
    Internship,
    InternshipResult,
    InternshipType,
    Job,
    SupportInstrument,
)
from app.notes.models import Note, Visibility
from app.outflow.categories import FOLLOW_UP_MONTHS, OutflowCategory, info
from app.outflow.models import WORKING_STATUSES, FollowUp, FollowUpSource, FollowUpStatus, Outflow
from app.participants.models import (
    ActivityPermission,
    BenefitKind,
    BenefitStatus,
    Participant,
    PermissionIssuer,
    ReferralSource,
    VdabAdvice,
    VdabAdviceKind,
)
from app.progress.models import (
    MAX_HOURS_PER_HALF_DAY,
    ActivationSession,
    AttendanceStatus,
    Goal,
    GoalDomain,
    GoalStatus,
    HalfDay,
    Placement,
    ProgressLog,
    SessionComponent,
)
from app.trajectories.models import PhaseChange, StatusChange, TeamMember, TeamRole, Trajectory
from app.trajectories.phases import Phase, Status, needs_reason

DEFAULT_SEED = 2026
_Row = TypeVar("_Row")
CASE_WORK_ROLES = frozenset({Role.COACH, Role.MEDIATOR, Role.COUNSELLOR})
ATTENDANCE_WEEKS_EARLY = 8  # more absences while someone finds their feet
HOURS_RAMP_WEEKS = 16  # weeks until attended hours reach the planned hours per half-day
SCORE_RAMP_DAYS = 240  # days until competence scores reach their eventual level


@dataclass(frozen=True)
class CompetenceItemRef:
    id: uuid.UUID
    code: str
    sort_order: int


@dataclass(frozen=True)
class Staffer:
    id: uuid.UUID
    name: str
    organisation: str
    role: Role
    secrecy: bool


@dataclass
class CaseFiles:
    """What the builder made: ORM objects in insert order, and rows for two bulk tables."""

    objects: list[Any] = field(default_factory=list)
    attendance: list[dict[str, Any]] = field(default_factory=list)
    scores: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counted: dict[str, int] = {}
        for obj in self.objects:
            name = type(obj).__name__
            counted[name] = counted.get(name, 0) + 1
        counted["Attendance"] = len(self.attendance)
        counted["ProgressScore"] = len(self.scores)
        return counted


# --- a trajectory's life: segments of phases, a pause, the outflow, the close ----------------


@dataclass(frozen=True)
class Segment:
    phase: Phase
    start: date
    end: date | None  # the next move's date; None while it lasts


@dataclass(frozen=True)
class Pause:
    start: date
    resume: date | None  # None: still paused
    reason: str
    expected_return: date | None


@dataclass
class Life:
    referred_on: date
    started_on: date | None
    segments: list[Segment]
    reasons: dict[date, str]  # reasons of moves back, by move date
    pause: Pause | None
    outflow_on: date | None
    closed_on: date | None
    close_reason: str | None

    @property
    def status(self) -> Status:
        if self.closed_on is not None:
            return Status.CLOSED
        if self.started_on is None:
            return Status.REFERRED
        if self.pause is not None and self.pause.resume is None:
            return Status.PAUSED
        return Status.ACTIVE

    @property
    def phase(self) -> Phase:
        if self.outflow_on is not None:
            return Phase.OUTFLOW
        return self.segments[-1].phase if self.segments else Phase.INTAKE

    @property
    def last_day(self) -> date | None:
        """The last day anything happens in the trajectory (None: it still runs)."""
        return self.outflow_on or self.closed_on

    def paused_on(self, day: date) -> bool:
        pause = self.pause
        return (
            pause is not None
            and pause.start <= day
            and (pause.resume is None or day < pause.resume)
        )


I_SEG = (Phase.INTAKE, 14, 42)


def _path(story: Story, has_floors: bool) -> list[tuple[Phase, int, int]]:
    """Phases in order with how many days each lasts (the last: until today or the outflow)."""
    P, A, N = Phase.PLACEMENT, Phase.ACTIVATION, Phase.INTERNSHIP
    k = story.kind
    if k in (Kind.WAITING, Kind.CLOSED_UNSTARTED):
        return []
    if k is Kind.INTAKE:
        return [(Phase.INTAKE, 5, 35)]
    if k is Kind.PAUSED_INTAKE:
        return [(Phase.INTAKE, 30, 50)]
    if k is Kind.PLACEMENT:
        return [I_SEG, (P, 90, 400)]
    if k is Kind.PLACEMENT_RESUMED:
        return [I_SEG, (P, 200, 330)]
    if k is Kind.PLACEMENT_AGAIN:
        return [I_SEG, (P, 120, 220), (N, 21, 60), (P, 30, 90)]
    if k is Kind.PAUSED_PLACEMENT:
        return [I_SEG, (P, 90, 250)]
    if k is Kind.ACTIVATION_BACK:
        return [I_SEG, (P, 100, 200), (A, 30, 60), (P, 30, 80)]
    before = [I_SEG, (P, 120, 240)] if has_floors else [I_SEG, (A, 60, 150)]
    if k is Kind.ACTIVATION:
        return [I_SEG, (P, 120, 240), (A, 30, 120)] if has_floors else [I_SEG, (A, 30, 200)]
    if k is Kind.PAUSED_ACTIVATION:
        return [I_SEG, (P, 100, 200), (A, 40, 100)] if has_floors else [I_SEG, (A, 60, 150)]
    if k is Kind.INTERNSHIP:
        return [*before, (N, 14, 100)]
    # Outflow: the internship that led to it (an IBO starts on the outflow day instead).
    if story.internship is not None and story.internship is not InternshipType.IBO:
        return [*before, (N, 30, 110)]
    return before


# --- the builder ------------------------------------------------------------------------------


class Builder:
    def __init__(
        self,
        region: Region,
        competence_items: list[CompetenceItemRef],
        *,
        seed: int,
        today: date,
        now: datetime,
    ) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - demo data, not security
        self._ids = random.Random(f"werkpad-demo-ids-{seed}")  # noqa: S311
        self.today = today
        self.now = now
        self.region = region
        self.items = competence_items
        self.out = CaseFiles()
        self._tick = 0
        self._serial = 0
        self._used_names: set[tuple[str, str]] = set()
        self._used_insz: set[str] = set()
        self.staff = self._staff_directory()
        self.floors = self._floors()
        self.floor_bookings: dict[uuid.UUID, list[tuple[date, date | None]]] = {}
        self.employers: dict[str, list[tuple[Employer, str]]] = {}
        self.identities: dict[str, Identity] = {}
        self.trajectories: list[Opened] = []
        self._score_levels: dict[uuid.UUID, dict[uuid.UUID, tuple[float, float]]] = {}

    # --- small helpers ------------------------------------------------------------------

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self._ids.getrandbits(128), version=4)

    def at(self, day: date) -> datetime:
        """A working-hours timestamp on ``day``, later for each row (never after now)."""
        self._tick = (self._tick + 137) % (9 * 3600)
        stamp = datetime(day.year, day.month, day.day, 7, tzinfo=UTC) + timedelta(
            seconds=self._tick
        )
        return min(stamp, self.now)

    def add(self, obj: _Row, day: date | None = None) -> _Row:
        """Keep ``obj`` for insertion with a seeded id, stamped as written on ``day``."""
        record: Any = obj
        record.id = self.new_id()
        if day is not None:
            record.created_at = record.updated_at = self.at(day)
        self.out.objects.append(obj)
        return obj

    def days(self, lo: int, hi: int) -> timedelta:
        return timedelta(days=self.rng.randint(lo, hi))

    def _staff_directory(self) -> dict[str, list[Staffer]]:
        logins: list[DemoLogin] = LOGINS + STAFF
        by_org: dict[str, list[Staffer]] = {}
        for login in logins:
            staffer = Staffer(
                self.region.users[login.email],
                login.name,
                login.organisation,
                login.role,
                login.secrecy,
            )
            by_org.setdefault(login.organisation, []).append(staffer)
        return by_org

    def of(self, organisation: str, *roles: Role) -> list[Staffer]:
        return [s for s in self.staff.get(organisation, []) if s.role in roles]

    def _floors(self) -> dict[str, list[tuple[uuid.UUID, str, int]]]:
        floors: dict[str, list[tuple[uuid.UUID, str, int]]] = {}
        for f in WORK_FLOORS:
            floor_id = self.region.work_floors[(f.organisation, f.name)]
            floors.setdefault(f.organisation, []).append((floor_id, f.name, f.capacity))
        return floors

    # --- the whole region -----------------------------------------------------------------

    def build(self) -> CaseFiles:
        self._employers()
        for story in STORIES:
            self._play_story(story)
        self._employer_contacts()
        return self.out

    def _play_story(self, story: Story) -> None:
        identity = self._identity(story)
        participant = self._participant(story.organisation, identity)
        previous: Trajectory | None = None
        not_before: date | None = None
        if story.previous is not None:
            earlier = self._life(story.previous, None)
            previous = self._trajectory(story.previous, participant, identity, earlier, None)
            assert earlier.closed_on is not None
            not_before = earlier.closed_on + timedelta(days=45)
        life = self._life(story, not_before)
        self._trajectory(story, participant, identity, life, previous)

    # --- people ---------------------------------------------------------------------------

    def _identity(self, story: Story) -> Identity:
        if story.person is not None and story.person in self.identities:
            return self.identities[story.person]
        rng = self.rng
        while True:
            pool = people.pick_pool(rng)
            male = rng.random() < 0.55
            first = rng.choice(pool.male if male else pool.female)
            last = rng.choice(pool.surnames)
            if (first, last) not in self._used_names:
                break
        self._used_names.add((first, last))
        birth = self.today - timedelta(days=rng.randint(19 * 365, 62 * 365))
        insz = None
        if rng.random() < 0.65:
            while insz is None or insz in self._used_insz:
                insz = people.insz_number(birth, people.insz_serial(rng, male=male))
            self._used_insz.add(insz)
        groups = _target_groups(rng)
        org = next(o for o in ORGANISATIONS if o.name == story.organisation)
        self._serial += 1
        identity = Identity(
            first_name=first,
            last_name=last,
            preferred_name=people.SHORT_NAMES.get(first) if rng.random() < 0.7 else None,
            birth_date=birth,
            insz=insz,
            email=people.email_of(first, last, self._serial) if rng.random() < 0.5 else None,
            phone=people.phone_number(rng) if rng.random() < 0.8 else None,
            address=people.address(rng, org.area or "gent") if rng.random() < 0.9 else None,
            language=rng.choice(pool.languages),
            groups=groups,
            referral=_referral_source(rng, story.organisation, groups),
        )
        if story.person is not None:
            self.identities[story.person] = identity
        return identity

    def _participant(self, organisation: str, identity: Identity) -> Participant:
        creator = self._lead(organisation, [])
        participant = Participant(
            organisation_id=self.region.organisations[organisation],
            preferred_name=identity.preferred_name,
            birth_date=identity.birth_date,
            insz=identity.insz,
            email=identity.email,
            phone=identity.phone,
            address=identity.address,
            language=identity.language,
            referral_source=identity.referral,
            created_by=creator.id,
        )
        participant.set_name(identity.first_name, identity.last_name)
        participant.set_target_groups(identity.groups)
        # Registered on the first referral; the date is fixed once the trajectory is known.
        return self.add(participant)

    def _facts(
        self, participant: Participant, identity: Identity, story: Story, referred_on: date
    ) -> None:
        """Benefit history, the permission it needs, and VDAB's advice, all before referral."""
        rng = self.rng
        since = referred_on - self.days(300, 6 * 365)
        groups = identity.groups
        if "psychological" in groups or ("disability" in groups and rng.random() < 0.5):
            kind = BenefitKind.RIZIV_WORK_INCAPACITATED
            issuer: PermissionIssuer | None = PermissionIssuer.ADVISING_PHYSICIAN
        elif "disability" in groups:
            kind, issuer = BenefitKind.IVT_IT, None
        elif rng.random() < 0.7:
            kind, issuer = BenefitKind.LEEFLOON, PermissionIssuer.OCMW
        else:
            kind, issuer = BenefitKind.RVA, None
        if rng.random() < 0.3 and kind is not BenefitKind.RVA:
            earlier_from = since - self.days(200, 900)
            self.add(
                BenefitStatus(
                    participant_id=participant.id,
                    kind=BenefitKind.RVA,
                    valid_from=earlier_from,
                    valid_to=since - timedelta(days=1),
                ),
                since,
            )
        self.add(BenefitStatus(participant_id=participant.id, kind=kind, valid_from=since), since)
        if issuer is not None:
            granted = referred_on - self.days(5, 40)
            self.add(
                ActivityPermission(
                    participant_id=participant.id,
                    issued_by=issuer,
                    granted_on=granted,
                    valid_until=None if rng.random() < 0.4 else add_months(granted, 24),
                    reference=f"TOEL-{granted.year}-{rng.randint(1000, 9999)}",
                ),
                granted,
            )
        advised = referred_on - self.days(10, 90)
        if rng.random() < 0.15:
            self.add(
                VdabAdvice(
                    participant_id=participant.id,
                    advice=VdabAdviceKind.NOT_REFERABLE,
                    advised_on=advised - self.days(200, 600),
                ),
                advised,
            )
        self.add(
            VdabAdvice(
                participant_id=participant.id, advice=_advice_for(story), advised_on=advised
            ),
            advised,
        )

    # --- the trajectory's dates -------------------------------------------------------------

    def _life(self, story: Story, not_before: date | None) -> Life:
        rng, today = self.rng, self.today
        if story.kind in (Kind.WAITING, Kind.CLOSED_UNSTARTED):
            if story.kind is Kind.WAITING:
                referred = today - self.days(7, 70)
                if not_before is not None:
                    referred = max(referred, not_before)
                return Life(referred, None, [], {}, None, None, None, None)
            referred = today - self.days(70, 160)
            closed = referred + self.days(20, 45)
            reason = rng.choice(texts.CLOSED_EARLY_REASONS)
            return Life(referred, None, [], {}, None, None, closed, reason)

        path = _path(story, bool(self.floors.get(story.organisation)))
        lengths = [rng.randint(lo, hi) for _, lo, hi in path]
        outflow_on = None
        if story.kind is Kind.OUTFLOW:
            anchor = add_months(today, -story.months_ago) + self.days(0, 6)
            anchor = min(anchor, today - timedelta(days=1))
            outflow_on = anchor
        else:
            anchor = today
        waiting = rng.randint(7, 40)
        earliest = anchor - timedelta(days=sum(lengths) + waiting)
        if not_before is not None and earliest < not_before:
            longest = lengths.index(max(lengths))
            lengths[longest] = max(21, lengths[longest] - (not_before - earliest).days)
        starts: list[date] = []
        day = anchor
        for length in reversed(lengths):
            day -= timedelta(days=length)
            starts.insert(0, day)
        segments = [
            Segment(phase, start, starts[i + 1] if i + 1 < len(starts) else outflow_on)
            for i, ((phase, _, _), start) in enumerate(zip(path, starts, strict=True))
        ]
        reasons = {
            seg.start: rng.choice(texts.BACK_TO_PLACEMENT_REASONS)
            for prev, seg in itertools.pairwise(segments)
            if needs_reason(prev.phase, seg.phase)
        }
        started = starts[0]
        life = Life(
            started - timedelta(days=waiting),
            started,
            segments,
            reasons,
            None,
            outflow_on,
            None,
            None,
        )
        current = segments[-1]
        span = ((outflow_on or today) - current.start).days
        if story.kind in (Kind.PAUSED_INTAKE, Kind.PAUSED_PLACEMENT, Kind.PAUSED_ACTIVATION):
            start = max(today - self.days(10, 40), current.start + timedelta(days=span // 2))
            expected = (
                today - self.days(3, 10) if rng.random() < 0.25 else today + self.days(14, 60)
            )
            life.pause = Pause(start, None, rng.choice(texts.PAUSE_REASONS), expected)
        elif story.kind is Kind.PLACEMENT_RESUMED:
            start = current.start + self.days(40, span // 3)
            resume = start + self.days(14, 35)
            life.pause = Pause(start, resume, rng.choice(texts.PAST_PAUSE_REASONS), resume)
        if outflow_on is not None and not self._stays_open(story):
            life.closed_on = min(outflow_on + self.days(0, 21), today)
            life.close_reason = "Traject afgesloten na de uitstroom"
        return life

    def _stays_open(self, story: Story) -> bool:
        """Paid outflows stay open for their follow-ups (nazorg) unless closed after the last."""
        return story.outflow is not None and info(story.outflow).paid

    # --- the trajectory and everything on it ------------------------------------------------

    def _trajectory(
        self,
        story: Story,
        participant: Participant,
        identity: Identity,
        life: Life,
        previous: Trajectory | None,
    ) -> Trajectory:
        org = story.organisation
        if previous is None:
            self._facts(participant, identity, story, life.referred_on)
            participant.created_at = participant.updated_at = self.at(life.referred_on)
        team = self._team(story, identity, life)
        lead = self._lead(org, team)
        trajectory = self.add(
            Trajectory(
                participant_id=participant.id,
                organisation_id=self.region.organisations[org],
                framework_code=story.framework,
                phase=life.phase,
                status=life.status,
                referred_on=life.referred_on,
                started_on=life.started_on,
                phase_since=life.started_on or life.referred_on,
                previous_trajectory_id=previous.id if previous else None,
                created_by=lead.id,
            ),
            life.referred_on,
        )
        for member in team:
            member.trajectory_id = trajectory.id
            self.add(member, member.from_date)
        self._consents(participant, org, team, life)
        self._history(trajectory, life, lead, story)
        placements = self._placements(story, trajectory, life, team)
        self._internship_logs(trajectory, life, team)
        internships = self._internships(story, trajectory, life, team)
        self._goals(trajectory, life, team, identity)
        self._activation_sessions(story, trajectory, life, team)
        self._notes(story, trajectory, life, team, bool(placements))
        if story.outflow is not None:
            self._outflow(story, trajectory, participant, life, lead, team, internships)
        self.trajectories.append(Opened(org, trajectory, life))
        return trajectory

    def _history(self, trajectory: Trajectory, life: Life, lead: Staffer, story: Story) -> None:
        """The append-only phase and status histories, in the order the API would write them."""
        t = trajectory
        self._status(t, None, Status.REFERRED, life.referred_on, lead)
        if life.started_on is None:
            self._phase(t, None, Phase.INTAKE, life.referred_on, lead, None)
        else:
            self._status(t, Status.REFERRED, Status.ACTIVE, life.started_on, lead)
            self._phase(t, None, Phase.INTAKE, life.started_on, lead, None)
        pause = life.pause
        phase = Phase.INTAKE
        for segment in life.segments[1:]:
            if pause and pause.resume and pause.resume <= segment.start:
                self._pause_and_resume(t, pause, lead)
                pause = None
            self._phase(
                t, phase, segment.phase, segment.start, lead, life.reasons.get(segment.start)
            )
            phase = segment.phase
        if pause is not None:
            self._pause_and_resume(t, pause, lead)
        if life.outflow_on is not None:
            # Recording the outflow moves the phase with the outflow's reason (as the API does).
            reason = texts.OUTFLOW_REASONS.get(story.outflow) if story.outflow else None
            self._phase(t, phase, Phase.OUTFLOW, life.outflow_on, lead, reason)
        if life.closed_on is not None:
            before = Status.REFERRED if life.started_on is None else Status.ACTIVE
            self._status(t, before, Status.CLOSED, life.closed_on, lead, life.close_reason)
            t.closed_on = life.closed_on

    def _pause_and_resume(self, t: Trajectory, pause: Pause, lead: Staffer) -> None:
        self._status(
            t, Status.ACTIVE, Status.PAUSED, pause.start, lead, pause.reason, pause.expected_return
        )
        if pause.resume is None:
            t.pause_reason, t.expected_return_on = pause.reason, pause.expected_return
        else:
            self._status(t, Status.PAUSED, Status.ACTIVE, pause.resume, lead)

    def _phase(
        self,
        t: Trajectory,
        from_phase: Phase | None,
        to_phase: Phase,
        on: date,
        by: Staffer,
        reason: str | None,
    ) -> None:
        self.add(
            PhaseChange(
                trajectory_id=t.id,
                from_phase=from_phase,
                to_phase=to_phase,
                on=on,
                by_user_id=by.id,
                reason=reason,
            ),
            on,
        )
        t.phase_since = on

    def _status(
        self,
        t: Trajectory,
        from_status: Status | None,
        to_status: Status,
        on: date,
        by: Staffer,
        reason: str | None = None,
        expected_return: date | None = None,
    ) -> None:
        self.add(
            StatusChange(
                trajectory_id=t.id,
                from_status=from_status,
                to_status=to_status,
                on=on,
                by_user_id=by.id,
                reason=reason,
                expected_return_on=expected_return,
            ),
            on,
        )

    # --- the mini-team ------------------------------------------------------------------------

    def _team(self, story: Story, identity: Identity, life: Life) -> list[TeamMember]:
        """A tandem across organisations: a coach of the owner, a work case manager (GTB, VDAB
        or the owner's own mediator), a care case manager when the person needs one."""
        rng, org = self.rng, story.organisation
        start = life.started_on or life.referred_on
        end = life.closed_on
        members: list[TeamMember] = []

        def join(person: Staffer, role: TeamRole, from_date: date, to: date | None = None) -> None:
            if any(m.user_id == person.id for m in members):
                return
            members.append(
                TeamMember(
                    user_id=person.id,
                    team_role=role,
                    from_date=from_date,
                    to_date=to if to is not None else end,
                )
            )

        own_mediators = self.of(org, Role.MEDIATOR)
        work_pool = own_mediators or self.of(GTB, Role.MEDIATOR) + self.of(VDAB, Role.MEDIATOR)
        work = self._favourite(work_pool, "Nadia El Amrani", 0.5)
        join(work, TeamRole.CASE_MANAGER_WORK, life.referred_on)
        if life.started_on is None:
            return members
        coaches = self.of(org, Role.COACH)
        if coaches:
            coach = self._favourite(coaches, "Sofie Claes", 1.0 if story.on_demo_logins else 0.6)
            length = ((life.last_day or self.today) - start).days
            others = [c for c in coaches if c != coach]
            if length > 200 and others and rng.random() < 0.35:
                handover = start + timedelta(days=length // 2)
                join(rng.choice(others), TeamRole.COACH, start, handover)
                join(coach, TeamRole.COACH, handover + timedelta(days=1))
            else:
                join(coach, TeamRole.COACH, start)
        care_from = start + self.days(0, 20)
        if care_from > (life.last_day or self.today):
            care_from = start
        own_counsellors = self.of(org, Role.COUNSELLOR)
        if org == CGG:
            join(
                self._favourite(own_counsellors, "Pieter Van den Broeck", 0.6),
                TeamRole.CASE_MANAGER_CARE,
                start,
            )
        elif "psychological" in identity.groups:
            pool = self.of(CGG, Role.COUNSELLOR) + self.of(PC, Role.COUNSELLOR)
            join(
                self._favourite(pool, "Pieter Van den Broeck", 0.5),
                TeamRole.CASE_MANAGER_CARE,
                care_from,
            )
        elif "social" in identity.groups and rng.random() < 0.6:
            join(
                rng.choice(self.of("CAW Oost-Vlaanderen", Role.COUNSELLOR)),
                TeamRole.CASE_MANAGER_CARE,
                care_from,
            )
        if own_counsellors and org != CGG and rng.random() < 0.5:
            join(rng.choice(own_counsellors), TeamRole.OTHER, care_from)
        if "psychological" in identity.groups and rng.random() < 0.2:
            join(self.of(HERSTEL, Role.COUNSELLOR)[0], TeamRole.OTHER, care_from)
        return members

    def _consents(
        self, participant: Participant, org: str, team: list[TeamMember], life: Life
    ) -> None:
        """Team members from other organisations see the file only under the participant's
        consent: one per receiving organisation, covering care where a counsellor joins."""
        receiving: dict[str, tuple[date, bool]] = {}
        for member in team:
            staffer = self._staffer(member.user_id)
            if staffer.organisation == org:
                continue
            given_on, care = receiving.get(staffer.organisation, (member.from_date, False))
            receiving[staffer.organisation] = (
                min(given_on, member.from_date),
                care or staffer.role is Role.COUNSELLOR,
            )
        for organisation, (given_on, care) in receiving.items():
            self.add(
                Consent(
                    participant_id=participant.id,
                    receiving_organisation_id=self.region.organisations[organisation],
                    purpose="Samenwerking in het mini-team rond werk"
                    + (" en welzijn" if care else ""),
                    covers_work=True,
                    covers_care=care,
                    given_on=min(given_on, life.referred_on),
                    method=ConsentMethod.WRITTEN,
                    information_text_version="2025-09",
                    given_by=GivenBy.SELF,
                    evidence="Getekend formulier in het papieren dossier",
                ),
                given_on,
            )

    def _favourite(self, pool: list[Staffer], name: str, share: float) -> Staffer:
        """The demo login gets ``share`` of the caseload when it is in the pool."""
        favourite = [s for s in pool if s.name == name]
        if favourite and self.rng.random() < share:
            return favourite[0]
        return self.rng.choice([s for s in pool if s.name != name] or pool)

    def _lead(self, org: str, team: list[TeamMember]) -> Staffer:
        """Who manages the trajectory (phases, status, outflow): the owner's mediator or
        counsellor on the team, else the owner's manager."""
        own = {s.id: s for s in self.of(org, Role.MEDIATOR, Role.COUNSELLOR)}
        for member in team:
            if member.user_id in own:
                return own[member.user_id]
        return (self.of(org, Role.MANAGER) or self.of(org, Role.MEDIATOR, Role.COUNSELLOR))[0]

    def _writer(self, org: str, team: list[TeamMember], on: date) -> Staffer:
        """Who logs the case work on a day: the owner's case worker on the team then, else any
        case worker of the owner."""
        own = {s.id: s for s in self.of(org, *CASE_WORK_ROLES)}
        on_team = [
            own[m.user_id]
            for m in team
            if m.user_id in own and m.from_date <= on and (m.to_date is None or on <= m.to_date)
        ]
        return on_team[0] if on_team else self.rng.choice(list(own.values()))

    # --- placements, attendance and progress logs -------------------------------------------

    def _placement_runs(self, life: Life) -> list[tuple[date, date | None]]:
        """Periods on the work floor: from a placement move until an internship or the outflow
        (activation modules run next to the work floor)."""
        runs: list[tuple[date, date | None]] = []
        run_start: date | None = None
        for seg in life.segments:
            if seg.phase is Phase.PLACEMENT and run_start is None:
                run_start = seg.start
            elif seg.phase in (Phase.INTERNSHIP, Phase.INTAKE) and run_start is not None:
                runs.append((run_start, seg.start - timedelta(days=1)))
                run_start = None
        if run_start is not None:
            end = life.outflow_on - timedelta(days=1) if life.outflow_on else None
            runs.append((run_start, end))
        return runs

    def _placements(
        self, story: Story, trajectory: Trajectory, life: Life, team: list[TeamMember]
    ) -> list[Placement]:
        floors = self.floors.get(story.organisation)
        if not floors or not self._placement_runs(life):
            return []
        rng = self.rng
        placements: list[Placement] = []
        floor_id, floor_name = self._free_floor(floors, life)
        growth_start = None
        for run_start, run_end in self._placement_runs(life):
            growth_start = growth_start or run_start
            length = ((run_end or self.today) - run_start).days
            periods: list[tuple[date, date | None, int]] = []
            if length > 200:  # stamina grew: a new agreement with more half-days
                split = run_start + timedelta(days=length // 2)
                periods.append((run_start, split - timedelta(days=1), rng.randint(2, 4)))
                periods.append((split, run_end, rng.randint(5, 8)))
            else:
                periods.append((run_start, run_end, rng.randint(3, 6)))
            per_half_day = Decimal("0")
            for start, end, half_days in periods:
                choices = [h for h in ("3.00", "3.50", "4.00") if Decimal(h) >= per_half_day]
                per_half_day = Decimal(rng.choice(choices))
                coach = self._coach_on(story.organisation, team, start)
                placement = self.add(
                    Placement(
                        trajectory_id=trajectory.id,
                        work_floor_id=floor_id,
                        coach_id=coach.id,
                        agreement_reference=f"AMA-{start.year}-{rng.randint(100, 999)}",
                        dimona_declared=rng.random() < 0.85,
                        planned_hours_per_week=per_half_day * half_days,
                        planned_half_days_per_week=half_days,
                        start_date=start,
                        end_date=end,
                        created_by=coach.id,
                    ),
                    start,
                )
                self.floor_bookings.setdefault(floor_id, []).append((start, end))
                placements.append(placement)
                self._attendance(placement, life, growth_start, coach)
                self._progress_logs(trajectory, placement, life, growth_start, coach, floor_name)
        return placements

    def _free_floor(
        self, floors: list[tuple[uuid.UUID, str, int]], life: Life
    ) -> tuple[uuid.UUID, str]:
        """A floor with room for the whole stay (the API checks capacity on the start date)."""
        runs = self._placement_runs(life)
        first, last = runs[0][0], runs[-1][1]
        options = list(floors)
        self.rng.shuffle(options)
        for floor_id, name, capacity in options:
            bookings = self.floor_bookings.get(floor_id, [])
            overlapping = sum(
                1 for s, e in bookings if (last is None or s <= last) and (e is None or e >= first)
            )
            if overlapping < capacity:
                return floor_id, name
        raise AssertionError("the demo stories overfill the work floors")

    def _coach_on(self, org: str, team: list[TeamMember], on: date) -> Staffer:
        coaches = {s.id: s for s in self.of(org, Role.COACH)}
        for member in team:
            if (
                member.user_id in coaches
                and member.from_date <= on
                and (member.to_date is None or on <= member.to_date)
            ):
                return coaches[member.user_id]
        return next(coaches[m.user_id] for m in team if m.user_id in coaches)

    def _attendance(
        self, placement: Placement, life: Life, growth_start: date, coach: Staffer
    ) -> None:
        """Marks per planned half-day, from the start until yesterday (or the end)."""
        rng = self.rng
        half_days = placement.planned_half_days_per_week
        slots = sorted(
            rng.sample([(d, h) for d in range(5) for h in (HalfDay.AM, HalfDay.PM)], half_days),
            key=lambda slot: (slot[0], slot[1] is HalfDay.PM),
        )
        planned = placement.planned_hours_per_week / half_days
        last = min(placement.end_date or self.today, self.today - timedelta(days=1))
        day = placement.start_date
        sick_streak = 0
        while day <= last:
            if day.weekday() < 5 and not _closed_day(day) and not life.paused_on(day):
                weeks = (day - growth_start).days / 7
                for weekday, half_day in slots:
                    if weekday != day.weekday():
                        continue
                    if sick_streak > 0:  # sick days come in runs
                        status, reason = AttendanceStatus.SICK, None
                        sick_streak -= 1
                    else:
                        status, reason = self._mark(weeks, life, day)
                        if status is AttendanceStatus.SICK:
                            sick_streak = rng.randint(0, 3)
                    hours = Decimal("0")
                    if status is AttendanceStatus.PRESENT:
                        hours = _attended_hours(planned, weeks, rng)
                    stamp = self.at(day)
                    self.out.attendance.append(
                        {
                            "id": self.new_id(),
                            "placement_id": placement.id,
                            "date": day,
                            "half_day": half_day,
                            "status": status,
                            "hours": hours,
                            "reason": reason,
                            "recorded_by": coach.id,
                            "created_at": stamp,
                            "updated_at": stamp,
                            "version": 1,
                        }
                    )
            day += timedelta(days=1)

    def _mark(self, weeks: float, life: Life, day: date) -> tuple[AttendanceStatus, str | None]:
        rng = self.rng
        pause = life.pause
        if pause is not None and timedelta(0) < pause.start - day <= timedelta(days=7):
            return AttendanceStatus.SICK, None  # the week before a pause
        roll = rng.random()
        early = weeks < ATTENDANCE_WEEKS_EARLY
        sick, excused, unexcused = (0.04, 0.08, 0.05) if early else (0.02, 0.04, 0.02)
        if roll < sick:
            return AttendanceStatus.SICK, rng.choice(texts.SICK_REASONS)
        if roll < sick + excused:
            return AttendanceStatus.ABSENT_EXCUSED, rng.choice(texts.ABSENCE_REASONS)
        if roll < sick + excused + unexcused:
            return AttendanceStatus.ABSENT_UNEXCUSED, rng.choice([None, "Niet verwittigd"])
        return AttendanceStatus.PRESENT, None

    def _progress_logs(
        self,
        trajectory: Trajectory,
        placement: Placement,
        life: Life,
        growth_start: date,
        coach: Staffer,
        floor_name: str,
    ) -> None:
        """Weekly-ish logs by the coach; scores climb from a personal start to a later level."""
        levels = self._levels(trajectory)
        day = placement.start_date + self.days(5, 10)
        last = min(placement.end_date or self.today, self.today)
        while day <= last:
            if day.weekday() < 5 and not life.paused_on(day):
                progress = min(1.0, (day - growth_start).days / SCORE_RAMP_DAYS)
                scores = self._scores(levels, progress, observed=0.93)
                self._log(trajectory, placement.id, coach, day, scores, floor_name)
            day += self.days(6, 10)

    def _levels(self, trajectory: Trajectory) -> dict[uuid.UUID, tuple[float, float]]:
        key = trajectory.participant_id
        if key not in self._score_levels:
            self._score_levels[key] = {
                item.id: (self.rng.uniform(1.0, 2.4), self.rng.uniform(2.8, 3.9))
                for item in self.items
            }
        return self._score_levels[key]

    def _scores(
        self, levels: dict[uuid.UUID, tuple[float, float]], progress: float, *, observed: float
    ) -> dict[uuid.UUID, int | None]:
        scores: dict[uuid.UUID, int | None] = {}
        for item in self.items:
            if self.rng.random() > observed:
                scores[item.id] = None
                continue
            start, end = levels[item.id]
            value = start + (end - start) * progress + self.rng.gauss(0, 0.35)
            scores[item.id] = max(1, min(4, round(value)))
        return scores

    def _log(
        self,
        trajectory: Trajectory,
        placement_id: uuid.UUID | None,
        author: Staffer,
        day: date,
        scores: dict[uuid.UUID, int | None],
        floor_name: str | None,
    ) -> None:
        rng = self.rng
        given = [s for s in scores.values() if s is not None]
        mean = sum(given) / len(given) if given else 2.0
        band = 0 if mean < 2.2 else 1 if mean < 3.1 else 2
        sentences = [rng.choice(texts.LOG_BY_LEVEL[band])]
        if floor_name is not None:
            sentences.insert(0, rng.choice(texts.FLOOR_WORK[floor_name]))
        else:
            sentences.insert(0, rng.choice(texts.INTERNSHIP_LOGS))
        log = self.add(
            ProgressLog(
                trajectory_id=trajectory.id,
                placement_id=placement_id,
                author_id=author.id,
                logged_on=day,
                text=" ".join(sentences),
            ),
            day,
        )
        for item in self.items:
            self.out.scores.append(
                {
                    "id": self.new_id(),
                    "progress_log_id": log.id,
                    "competence_item_id": item.id,
                    "item_code": item.code,
                    "sort_order": item.sort_order,
                    "score": scores[item.id],
                }
            )

    def _internship_logs(self, trajectory: Trajectory, life: Life, team: list[TeamMember]) -> None:
        """During an internship the trajectory's case worker logs the mentor's evaluation."""
        levels = self._levels(trajectory)
        for seg in life.segments:
            if seg.phase is not Phase.INTERNSHIP:
                continue
            day = seg.start + self.days(10, 18)
            end = min(seg.end or self.today, self.today)
            while day <= end:
                writer = self._writer(self._org_of(trajectory), team, day)
                scores = self._scores(levels, 0.8, observed=0.6)
                self._log(trajectory, None, writer, day, scores, None)
                day += self.days(14, 24)

    def _org_of(self, trajectory: Trajectory) -> str:
        return next(
            name
            for name, organisation_id in self.region.organisations.items()
            if organisation_id == trajectory.organisation_id
        )

    # --- internships, goals, sessions, notes ------------------------------------------------

    def _internships(
        self, story: Story, trajectory: Trajectory, life: Life, team: list[TeamMember]
    ) -> list[Internship]:
        rng = self.rng
        org = story.organisation
        employers = [employer for employer, _ in self.employers.get(org, [])]
        made: list[Internship] = []

        def intern(
            kind: InternshipType,
            start: date,
            end: date | None,
            result: InternshipResult,
            early: str | None = None,
        ) -> None:
            employer = rng.choice(employers) if employers else None
            made.append(
                self.add(
                    Internship(
                        trajectory_id=trajectory.id,
                        type=kind,
                        employer_id=employer.id if employer else None,
                        mentor_name=employer.contact_name if employer else None,
                        start_date=start,
                        end_date=end,
                        hours_per_week=Decimal(rng.choice([16, 19, 24, 30])),
                        early_end_reason=early,
                        result=result,
                        created_by=self._writer(org, team, start).id,
                    ),
                    start,
                )
            )

        for seg in life.segments:
            if seg.phase is not Phase.INTERNSHIP:
                continue
            kind = story.internship or InternshipType.WORK_EXPERIENCE
            if seg.end is None:  # still on it: the planned end
                planned = seg.start + self.days(90, 170)
                if kind is InternshipType.WORK_EXPERIENCE:
                    planned = min(planned, add_months(seg.start, 6) - timedelta(days=1))
                intern(kind, seg.start, planned, InternshipResult.ONGOING)
            elif life.outflow_on is not None and seg.end == life.outflow_on:
                paid = story.outflow is not None and info(story.outflow).paid
                result = InternshipResult.LED_TO_JOB if paid else InternshipResult.COMPLETED
                intern(kind, seg.start, seg.end - timedelta(days=1), result)
            else:  # cut short: back to the work floor
                intern(
                    InternshipType.WORK_EXPERIENCE,
                    seg.start,
                    seg.end - timedelta(days=1),
                    InternshipResult.ENDED_EARLY,
                    rng.choice(texts.EARLY_END_REASONS),
                )
        if story.outflow is OutflowCategory.IBO and life.outflow_on is not None:
            start = life.outflow_on
            end = add_months(start, 4)
            result = InternshipResult.ONGOING if end >= self.today else InternshipResult.COMPLETED
            intern(InternshipType.IBO, start, end, result)
        # A duo day while looking for work: one day with an employer, no phase of its own.
        for seg in life.segments:
            if seg.phase is Phase.ACTIVATION and org in (GTB, VDAB) and rng.random() < 0.6:
                day = seg.start + self.days(7, 20)
                if day < (seg.end or self.today) and not life.paused_on(day):
                    intern(InternshipType.DUO_DAY, day, day, InternshipResult.COMPLETED)
        return made

    def _goals(
        self, trajectory: Trajectory, life: Life, team: list[TeamMember], identity: Identity
    ) -> None:
        rng = self.rng
        org = self._org_of(trajectory)
        start = life.started_on or life.referred_on
        last = min(life.last_day or self.today, self.today)
        domains = [GoalDomain.WORK, GoalDomain.WORK, GoalDomain.TRAINING, GoalDomain.MOBILITY]
        if "psychological" in identity.groups:
            domains += [GoalDomain.CARE, GoalDomain.EMPOWERMENT]
        if "social" in identity.groups:
            domains += [GoalDomain.INCOME, GoalDomain.HOUSING]
        count = 1 if life.started_on is None else rng.randint(2, 4)
        chosen: set[str] = set()
        for _ in range(count):
            domain = rng.choice(domains)
            description = rng.choice(texts.GOALS[domain])
            if description in chosen:
                continue
            chosen.add(description)
            created = min(start + self.days(0, 40), last)
            due = created + self.days(30, 150)
            status = GoalStatus.OPEN
            evaluation = None
            if life.closed_on is not None or (due < self.today and rng.random() < 0.8):
                status = GoalStatus.DONE if rng.random() < 0.8 else GoalStatus.DROPPED
                pool = texts.GOAL_DONE if status is GoalStatus.DONE else texts.GOAL_DROPPED
                evaluation = rng.choice(pool)
            owner = self._writer(org, team, created) if rng.random() < 0.8 else None
            self.add(
                Goal(
                    trajectory_id=trajectory.id,
                    domain=domain,
                    description=description,
                    owner_id=owner.id if owner else None,
                    due_on=due,
                    status=status,
                    evaluation=evaluation,
                    created_by=self._writer(org, team, created).id,
                ),
                created,
            )

    def _activation_sessions(
        self, story: Story, trajectory: Trajectory, life: Life, team: list[TeamMember]
    ) -> None:
        rng = self.rng
        org = story.organisation
        providers = {
            SessionComponent.CARE: self._provider(team, Role.COUNSELLOR) or org,
            SessionComponent.EMPOWERMENT: "Herstelacademie Gent vzw",
            SessionComponent.JOB_SEARCH: self._provider(team, Role.MEDIATOR) or org,
            SessionComponent.GROUP_MODULE: "Herstelacademie Gent vzw – groep Veerkracht",
        }
        if org in (GTB, VDAB, CGG):
            components = [SessionComponent.JOB_SEARCH] * 3 + [
                SessionComponent.CARE,
                SessionComponent.GROUP_MODULE,
            ]
        else:
            components = [
                SessionComponent.CARE,
                SessionComponent.EMPOWERMENT,
                SessionComponent.GROUP_MODULE,
                SessionComponent.JOB_SEARCH,
            ]
        for seg in life.segments:
            if seg.phase is not Phase.ACTIVATION:
                continue
            day = seg.start + self.days(2, 8)
            end = min(seg.end or self.today, self.today)
            while day <= end:
                if not life.paused_on(day):
                    component = rng.choice(components)
                    minutes = {
                        SessionComponent.CARE: rng.choice([45, 60]),
                        SessionComponent.EMPOWERMENT: rng.choice([60, 90]),
                        SessionComponent.JOB_SEARCH: rng.choice([45, 60, 90]),
                        SessionComponent.GROUP_MODULE: rng.choice([120, 150, 180]),
                    }[component]
                    self.add(
                        ActivationSession(
                            trajectory_id=trajectory.id,
                            component=component,
                            provider=providers[component],
                            held_on=day,
                            minutes=minutes,
                            report=texts.SESSION_REPORTS[component.value],
                            created_by=self._writer(org, team, day).id,
                        ),
                        day,
                    )
                day += self.days(6, 14)

    def _provider(self, team: list[TeamMember], role: Role) -> str | None:
        for member in team:
            staffer = self._staffer(member.user_id)
            if staffer.role is role:
                return f"{staffer.organisation} ({staffer.name})"
        return None

    def _staffer(self, user_id: uuid.UUID) -> Staffer:
        return next(s for members in self.staff.values() for s in members if s.id == user_id)

    def _notes(
        self,
        story: Story,
        trajectory: Trajectory,
        life: Life,
        team: list[TeamMember],
        on_floor: bool,
    ) -> None:
        """Team notes by the owner's case workers; care notes only by its secrecy-bound ones
        on the team (today's API lets only the owning organisation's staff write)."""
        rng = self.rng
        org = story.organisation
        last = min(life.last_day or self.today, self.today)
        if life.started_on is None:
            writer = self._writer(org, team, life.referred_on)
            self._note(trajectory, writer, Visibility.TEAM, life.referred_on, texts.WAITING_NOTE)
            return
        span = max(1, (last - life.started_on).days)
        for _ in range(rng.randint(1, 3) if on_floor else rng.randint(1, 2)):
            day = life.started_on + timedelta(days=rng.randint(0, span))
            writer = self._writer(org, team, day)
            self._note(
                trajectory, writer, Visibility.TEAM, day, rng.choice(texts.NOTES[Visibility.TEAM])
            )
        secrecy_bound = [
            s
            for s in self.of(org, *CASE_WORK_ROLES)
            if s.secrecy and any(m.user_id == s.id for m in team)
        ]
        if not secrecy_bound:
            return
        for visibility in (Visibility.CARE_SHARED, Visibility.CARE_INTERNAL):
            if rng.random() < 0.6:
                day = life.started_on + timedelta(days=rng.randint(0, span))
                self._note(
                    trajectory,
                    rng.choice(secrecy_bound),
                    visibility,
                    day,
                    rng.choice(texts.NOTES[visibility]),
                )

    def _note(
        self, trajectory: Trajectory, author: Staffer, visibility: Visibility, day: date, body: str
    ) -> None:
        self.add(
            Note(
                trajectory_id=trajectory.id,
                author_id=author.id,
                author_organisation_id=self.region.organisations[author.organisation],
                visibility=visibility,
                written_on=day,
                body=body,
            ),
            day,
        )

    # --- outflow, job and follow-ups ----------------------------------------------------------

    def _outflow(
        self,
        story: Story,
        trajectory: Trajectory,
        participant: Participant,
        life: Life,
        lead: Staffer,
        team: list[TeamMember],
        internships: list[Internship],
    ) -> None:
        category = story.outflow
        assert category is not None and life.outflow_on is not None
        on = life.outflow_on
        paid = info(category).paid
        job = self._job(story, trajectory, participant, team, on) if paid else None
        linked = None
        if info(category).may_link_internship:
            linked = next((i for i in internships if i.type is story.internship), None)
        outflow = self.add(
            Outflow(
                trajectory_id=trajectory.id,
                date=on,
                category=category,
                job_id=job.id if job else None,
                internship_id=linked.id if linked else None,
                reason=texts.OUTFLOW_REASONS.get(category),
                recorded_by=lead.id,
            ),
            on,
        )
        if job is None:
            return
        closed_on = None
        for n, months in enumerate(FOLLOW_UP_MONTHS):
            due = add_months(on, months)
            wanted: FollowUpStatus | None = FollowUpStatus.SAME_JOB
            if n < len(story.follow_ups):
                wanted = story.follow_ups[n]
            contacted = None
            if due <= self.today and wanted is not None:
                contacted = min(max(due + self.days(-7, 14), on), self.today)
                closed_on = contacted
            self._follow_up(
                trajectory,
                outflow,
                team,
                job,
                months,
                due,
                contacted,
                wanted if contacted else None,
            )
        if story.extra_follow_up:
            day = min(on + timedelta(days=45), self.today)
            self._follow_up(
                trajectory,
                outflow,
                team,
                job,
                None,
                day,
                day,
                FollowUpStatus.SAME_JOB,
                source=FollowUpSource.SELF_REPORT,
                note="Belde zelf om te vertellen dat het contract verlengd is.",
            )
        if story.closed_after_follow_up and closed_on is not None:
            self._status(
                trajectory,
                Status.ACTIVE,
                Status.CLOSED,
                closed_on,
                lead,
                "Nazorg afgerond na twaalf maanden",
            )
            trajectory.status = Status.CLOSED
            trajectory.closed_on = closed_on
            for member in team:
                member.to_date = member.to_date or closed_on
            life.closed_on = closed_on

    def _follow_up(
        self,
        trajectory: Trajectory,
        outflow: Outflow,
        team: list[TeamMember],
        job: Job,
        months: int | None,
        due: date,
        contacted: date | None,
        status: FollowUpStatus | None,
        *,
        source: FollowUpSource | None = None,
        note: str | None = None,
    ) -> None:
        rng = self.rng
        if status is not None and status is not FollowUpStatus.UNKNOWN and source is None:
            source = rng.choice(list(FollowUpSource))
        hours = None
        if status in WORKING_STATUSES:
            hours = job.hours_per_week if status is FollowUpStatus.SAME_JOB else Decimal(30)
        if status is not None and note is None:
            note = rng.choice(texts.FOLLOW_UP_NOTES[status.value])
        org = self._org_of(trajectory)
        writer = self._writer(org, team, contacted) if contacted else None
        self.add(
            FollowUp(
                trajectory_id=trajectory.id,
                outflow_id=outflow.id,
                months_after=months,
                due_on=due,
                contacted_on=contacted,
                status=status,
                hours_per_week=hours,
                source=source if status is not None else None,
                note=note,
                recorded_by=writer.id if writer else None,
            ),
            contacted or outflow.date,
        )

    def _job(
        self,
        story: Story,
        trajectory: Trajectory,
        participant: Participant,
        team: list[TeamMember],
        on: date,
    ) -> Job:
        rng = self.rng
        category = story.outflow
        employers = self.employers.get(story.organisation, [])
        contract = rng.choice([ContractType.PERMANENT, ContractType.FIXED_TERM])
        instrument = SupportInstrument.NONE
        wanted_sector: str | None = None
        if category is OutflowCategory.REGULAR_JOB_SUPPORTED:
            instrument = SupportInstrument.INDIVIDUAL_MAATWERK
        elif category is OutflowCategory.TEMP_AGENCY:
            contract, wanted_sector = ContractType.TEMP_AGENCY, "uitzendarbeid"
        elif category is OutflowCategory.SELF_EMPLOYED:
            contract = ContractType.SELF_EMPLOYED
        elif category is OutflowCategory.COLLECTIVE_MAATWERK:
            instrument, wanted_sector = SupportInstrument.COLLECTIVE_MAATWERK, "maatwerk"
        elif category is OutflowCategory.TEMPORARY_WORK_EXPERIENCE:
            contract, instrument = ContractType.FIXED_TERM, SupportInstrument.TWE_ART60
            wanted_sector = "openbaar bestuur"
        employer: Employer | None = None
        if contract is not ContractType.SELF_EMPLOYED and employers:
            matching = [e for e, sector in employers if sector == wanted_sector]
            others = [e for e, sector in employers if sector not in ("maatwerk", "uitzendarbeid")]
            employer = rng.choice(matching or others)
        start = on - self.days(0, 3)
        end = end_reason = None
        if story.job_ends_after_months is not None:
            end = add_months(on, story.job_ends_after_months)
            end_reason = "Tijdelijk contract niet verlengd"
        occupation = {
            OutflowCategory.SELF_EMPLOYED: "Fietshersteller (zelfstandige in bijberoep)",
            OutflowCategory.COLLECTIVE_MAATWERK: "Productiemedewerker",
            OutflowCategory.TEMPORARY_WORK_EXPERIENCE: "Medewerker sociaal restaurant",
            OutflowCategory.TEMP_AGENCY: "Magazijnmedewerker",
        }.get(category or OutflowCategory.REGULAR_JOB) or rng.choice(
            ["Keukenhulp", "Groenarbeider", "Logistiek medewerker", "Winkelbediende"]
        )
        return self.add(
            Job(
                participant_id=participant.id,
                trajectory_id=trajectory.id,
                employer_id=employer.id if employer else None,
                occupation=occupation,
                start_date=start,
                end_date=end,
                end_reason=end_reason,
                contract_type=contract,
                hours_per_week=Decimal(rng.choice([19, 24, 30, 32, 38])),
                gross_hourly_wage=Decimal(rng.randint(1450, 1850)) / 100,
                support_instrument=instrument,
                disclosure=rng.choice(list(Disclosure)),
                created_by=self._writer(story.organisation, team, on).id,
            ),
            start,
        )

    # --- employers and employer contacts ------------------------------------------------------

    def _employers(self) -> None:
        for org, listed in EMPLOYERS.items():
            creator = self.of(org, *CASE_WORK_ROLES)[0]
            for e in listed:
                employer = self.add(
                    Employer(
                        organisation_id=self.region.organisations[org],
                        name=e.name,
                        kbo_number=e.kbo_number or people.random_kbo(self.rng),
                        sector=e.sector,
                        municipality=e.municipality,
                        contact_name=e.contact_name,
                        contact_email=f"info@{_domain(e.name)}.demo",
                        contact_phone=f"09 {self.rng.randint(200, 399)} {self.rng.randint(10, 99)}",
                        created_by=creator.id,
                    ),
                    self.today - timedelta(days=420),
                )
                self.employers.setdefault(org, []).append((employer, e.sector))

    def _employer_contacts(self) -> None:
        """Job development: mediators weekly-ish, coaches monthly, the IPS counsellors soon
        after a start (IPS: first employer contact within 30 days)."""
        rng = self.rng
        for org, employers in self.employers.items():
            # Job developers: the mediators, the coaches now and then, the IPS counsellors.
            developers = self.of(org, Role.MEDIATOR, Role.COACH)
            if org == CGG:
                developers = self.of(org, Role.COUNSELLOR)
            for person in developers:
                gap = (20, 40) if person.role is Role.COACH else (5, 10)
                day = self.today - self.days(200, 240)
                while day <= self.today:
                    if day.weekday() < 5:
                        self._contact(org, person, rng.choice(employers)[0], day)
                    day += self.days(*gap)
        for opened in self.trajectories:
            if opened.organisation == CGG and opened.life.started_on is not None:
                first = opened.life.started_on + self.days(5, 25)
                if first <= min(opened.life.last_day or self.today, self.today):
                    person = self.of(CGG, Role.COUNSELLOR)[0]
                    employer = rng.choice(self.employers[CGG])[0]
                    self._contact(CGG, person, employer, first, only=opened)

    def _contact(
        self,
        org: str,
        person: Staffer,
        employer: Employer,
        day: date,
        only: Opened | None = None,
    ) -> None:
        rng = self.rng
        linked: list[Opened] = []
        if only is not None:
            linked = [only]
        elif rng.random() < 0.5:
            candidates = [o for o in self.trajectories if o.organisation == org and o.seeking(day)]
            if candidates:
                linked = [rng.choice(candidates)]
        if linked and linked[0].life.outflow_on and linked[0].life.outflow_on <= day:
            purpose = ContactPurpose.FOLLOW_UP
        elif linked:
            purpose = ContactPurpose.JOB_SEARCH_FOR_PARTICIPANT
        else:
            purpose = ContactPurpose.JOB_DEVELOPMENT
        contact = self.add(
            EmployerContact(
                organisation_id=self.region.organisations[org],
                employer_id=employer.id,
                staff_id=person.id,
                contacted_on=day,
                in_person=rng.random() < 0.6,
                purpose=purpose,
                summary=rng.choice(texts.CONTACT_SUMMARIES[purpose.value]),
            ),
            day,
        )
        for opened in linked:
            self.out.objects.append(
                EmployerContactTrajectory(contact_id=contact.id, trajectory_id=opened.trajectory.id)
            )


# --- plain data and pure helpers ------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    first_name: str
    last_name: str
    preferred_name: str | None
    birth_date: date
    insz: str | None
    email: str | None
    phone: str | None
    address: str | None
    language: str
    groups: list[str]
    referral: ReferralSource


@dataclass(frozen=True)
class Opened:
    organisation: str
    trajectory: Trajectory
    life: Life

    def seeking(self, day: date) -> bool:
        """Looking for work or an internship on ``day``: a job developer may talk about them."""
        life = self.life
        if life.started_on is None or day < life.started_on or life.paused_on(day):
            return False
        if life.outflow_on is not None:
            return life.outflow_on <= day <= life.outflow_on + timedelta(days=120)
        current = [s for s in life.segments if s.start <= day and (s.end is None or day < s.end)]
        return bool(current) and current[-1].phase in (Phase.ACTIVATION, Phase.INTERNSHIP)


def _target_groups(rng: random.Random) -> list[str]:
    groups = [
        group
        for group, share in (("psychological", 0.6), ("disability", 0.25), ("social", 0.45))
        if rng.random() < share
    ]
    return groups or ["psychological"]


def _referral_source(rng: random.Random, organisation: str, groups: list[str]) -> ReferralSource:
    if organisation == CGG:
        return ReferralSource.MENTAL_HEALTH
    options = [ReferralSource.VDAB, ReferralSource.GTB, ReferralSource.SELF, ReferralSource.GP]
    if "psychological" in groups:
        options += [ReferralSource.MENTAL_HEALTH] * 2
    if "social" in groups:
        options += [ReferralSource.OCMW, ReferralSource.CAW]
    return rng.choice(options)


def _advice_for(story: Story) -> VdabAdviceKind:
    return {
        "ama_welfare": VdabAdviceKind.ARBEIDSZORG,
        "ama_social_economy": VdabAdviceKind.AMA_SOCIAL_ECONOMY,
        "activation_trajectory": VdabAdviceKind.ACTIVATION_TRAJECTORY,
        "doorstroom_province": VdabAdviceKind.ACTIVATION_TRAJECTORY,
        "ips": VdabAdviceKind.NEC,
    }.get(story.framework, VdabAdviceKind.AMA_WELFARE)


def _attended_hours(planned: Decimal, weeks: float, rng: random.Random) -> Decimal:
    """Belastbaarheid: attended hours per half-day grow toward the plan over the first months."""
    share = 0.55 + 0.45 * min(1.0, weeks / HOURS_RAMP_WEEKS)
    hours = float(planned) * share
    if rng.random() < 0.08:
        hours -= 1.0  # left early
    quarters = max(1, min(MAX_HOURS_PER_HALF_DAY * 4, round(hours * 4)))
    return Decimal(quarters) / 4


def _closed_day(day: date) -> bool:
    """Belgian public holidays with a fixed date, and the Christmas week."""
    fixed = {(1, 1), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25)}
    return (day.month, day.day) in fixed or (day.month == 12 and day.day >= 24)


def _domain(name: str) -> str:
    words = [w for w in name.lower().replace("&", " ").split() if w not in {"bv", "nv", "vzw"}]
    return "".join(ch for ch in "".join(words[:2]) if ch.isascii() and ch.isalnum())


def build_case_files(
    region: Region,
    competence_items: list[CompetenceItemRef],
    *,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    now: datetime | None = None,
) -> CaseFiles:
    today = today or date.today()
    now = now or datetime.now(UTC)
    return Builder(region, competence_items, seed=seed, today=today, now=now).build()


def iter_stories() -> Iterator[Story]:
    """Every story, earlier trajectories of re-entries included (for tests and the summary)."""
    for story in STORIES:
        if story.previous is not None:
            yield story.previous
        yield story
