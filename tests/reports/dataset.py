"""A seeded, believable region for the report tests, with the edge cases the figures must get
right: censored cohorts, re-entries, moved/deceased/unknown exits, unknown and overdue
follow-ups, paused and closed trajectories, trajectories past their framework's maximum,
jobs found before an outflow, jobs linked only by the outflow, jobs begun before the
trajectory, floor moves, specialists from another organisation, and a second partnership
led by someone else (whose rows the home manager must never count).

Dates are relative to today, so every run exercises censoring the same way.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.dates import add_months
from app.employment.models import (
    ContactPurpose,
    ContractType,
    Disclosure,
    Employer,
    EmployerContact,
    EmployerContactTrajectory,
    Job,
    SupportInstrument,
)
from app.funding.models import FunderDecision, FunderMonth
from app.organisations.models import (
    Organisation,
    OrganisationKind,
    PartnerRole,
    Partnership,
    PartnershipMember,
    WorkFloor,
)
from app.outflow.categories import OutflowCategory
from app.outflow.models import FollowUp, FollowUpSource, FollowUpStatus, Outflow
from app.participants.models import Participant
from app.participants.names import name_key, sort_name
from app.progress.models import (
    ActivationSession,
    Attendance,
    AttendanceStatus,
    HalfDay,
    Placement,
    SessionComponent,
)
from app.trajectories.models import PhaseChange, TeamMember, TeamRole, Trajectory
from app.trajectories.phases import Phase, Status
from tests.factories.users import make_user

FRAMEWORKS = [
    "activation_trajectory",
    "ama_social_economy",
    "ama_welfare",
    "doorstroom_province",
    "ips",
    "other",
]
CATEGORY_WEIGHTS = {
    OutflowCategory.REGULAR_JOB: 6,
    OutflowCategory.REGULAR_JOB_SUPPORTED: 3,
    OutflowCategory.SELF_EMPLOYED: 1,
    OutflowCategory.TEMP_AGENCY: 2,
    OutflowCategory.COLLECTIVE_MAATWERK: 3,
    OutflowCategory.LOCAL_SERVICE_ECONOMY: 1,
    OutflowCategory.TEMPORARY_WORK_EXPERIENCE: 1,
    OutflowCategory.IBO: 1,
    OutflowCategory.TRAINING: 2,
    OutflowCategory.WORK_EXPERIENCE_INTERNSHIP: 1,
    OutflowCategory.AMA_SOCIAL_ECONOMY: 1,
    OutflowCategory.AMA_WELFARE: 1,
    OutflowCategory.VOLUNTEERING: 1,
    OutflowCategory.BACK_TO_CARE: 3,
    OutflowCategory.DROP_OUT: 4,
    OutflowCategory.MOVED: 1,
    OutflowCategory.DECEASED: 1,
    OutflowCategory.UNKNOWN: 1,
}
PAID = {
    OutflowCategory.REGULAR_JOB: SupportInstrument.NONE,
    OutflowCategory.REGULAR_JOB_SUPPORTED: SupportInstrument.INDIVIDUAL_MAATWERK,
    OutflowCategory.SELF_EMPLOYED: SupportInstrument.NONE,
    OutflowCategory.TEMP_AGENCY: SupportInstrument.NONE,
    OutflowCategory.COLLECTIVE_MAATWERK: SupportInstrument.COLLECTIVE_MAATWERK,
    OutflowCategory.LOCAL_SERVICE_ECONOMY: SupportInstrument.LDE_LEGACY,
    OutflowCategory.TEMPORARY_WORK_EXPERIENCE: SupportInstrument.TWE_ART60,
}
MOVES = {
    Phase.INTAKE: [Phase.PLACEMENT, Phase.ACTIVATION],
    Phase.PLACEMENT: [Phase.ACTIVATION, Phase.INTERNSHIP],
    Phase.ACTIVATION: [Phase.PLACEMENT, Phase.INTERNSHIP],
    Phase.INTERNSHIP: [Phase.PLACEMENT, Phase.ACTIVATION],
}


@dataclass
class Region:
    home: Organisation
    partner: Organisation
    outsider: Organisation
    gtb: Organisation
    home_floors: list[WorkFloor]
    manager: User
    coach: User
    specialists: list[User]
    gtb_specialist: User
    outsider_manager: User
    trajectories: list[Trajectory] = field(default_factory=list)


class Builder:
    def __init__(self, session: Session, seed: int, today: date) -> None:
        self.session = session
        self.rng = random.Random(seed)
        self.today = today
        self.clock = datetime(2020, 1, 1, tzinfo=UTC)
        self.rows: list[object] = []

    def tick(self) -> datetime:
        """Distinct, increasing created_at values: same-day phase moves keep their order."""
        self.clock += timedelta(seconds=1)
        return self.clock

    def day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def add(self, row: object) -> None:
        self.rows.append(row)


def build_region(session: Session, *, seed: int, today: date, people: int = 70) -> Region:
    b = Builder(session, seed, today)
    orgs = {
        name: Organisation(name=name, kind=kind, kbo_number=None)
        for name, kind in (
            ("De Werkplaats", OrganisationKind.WORK_CARE),
            ("Partner Arbeidszorg", OrganisationKind.WORK_CARE),
            ("Buitenstaander", OrganisationKind.WORK_CARE),
            ("GTB Regio", OrganisationKind.MEDIATION),
        )
    }
    session.add_all(orgs.values())
    session.flush()
    home, partner, outsider, gtb = orgs.values()
    home.ama_recognition_number = "AMA-0042"
    led = Partnership(name="Regio Zuid", lead_organisation_id=home.id)
    elsewhere = Partnership(name="Regio Noord", lead_organisation_id=partner.id)
    session.add_all([led, elsewhere])
    session.flush()
    for partnership, members in ((led, (home, partner)), (elsewhere, (partner, outsider))):
        for organisation in members:
            session.add(
                PartnershipMember(
                    partnership_id=partnership.id,
                    organisation_id=organisation.id,
                    partner_role=PartnerRole.WORK_CARE,
                )
            )
    floors = {
        organisation.id: [
            WorkFloor(organisation_id=organisation.id, name=f"{label} {organisation.name}")
            for label in (
                ["Keuken", "Fietsatelier", "Groen"] if organisation is home else ["Atelier"]
            )
        ]
        for organisation in (home, partner, outsider)
    }
    session.add_all([f for fs in floors.values() for f in fs])
    session.commit()
    manager = make_user(session, home, role=Role.MANAGER)
    coach = make_user(session, home, role=Role.COACH)
    specialists = [make_user(session, home, role=Role.MEDIATOR) for _ in range(3)]
    gtb_specialist = make_user(session, gtb, role=Role.MEDIATOR)
    partner_specialist = make_user(session, partner, role=Role.MEDIATOR)
    outsider_specialist = make_user(session, outsider, role=Role.MEDIATOR)
    outsider_manager = make_user(session, outsider, role=Role.MANAGER)
    staff = {
        home.id: specialists,
        partner.id: [partner_specialist],
        outsider.id: [outsider_specialist],
    }
    employers = {
        organisation.id: Employer(organisation_id=organisation.id, name=f"Bakkerij {n}")
        for n, organisation in enumerate((home, partner, outsider, gtb))
    }
    session.add_all(employers.values())
    session.commit()
    region = Region(
        home=home,
        partner=partner,
        outsider=outsider,
        gtb=gtb,
        home_floors=floors[home.id],
        manager=manager,
        coach=coach,
        specialists=specialists,
        gtb_specialist=gtb_specialist,
        outsider_manager=outsider_manager,
    )
    owners = [home] * 6 + [partner] * 2 + [outsider] * 2
    for n in range(people):
        owner = b.rng.choice(owners)
        first, last = f"Deelnemer{n}", b.rng.choice(["Peeters", "Van den Broeck", "Ĳzerman"])
        participant = Participant(
            organisation_id=owner.id,
            first_name=first,
            last_name=last,
            name_key=name_key(first, last),
            sort_name=sort_name(first, last),
            birth_date=date(1970, 1, 1) + timedelta(days=n * 97),
            target_psychological=b.rng.random() < 0.5,
            target_disability=b.rng.random() < 0.3,
            target_social=b.rng.random() < 0.4,
        )
        session.add(participant)
        session.flush()
        trajectory = _trajectory(
            b,
            participant,
            owner,
            floors[owner.id],
            staff[owner.id],
            employers,
            None,
            gtb_specialist,
        )
        region.trajectories.append(trajectory)
        if trajectory.status is Status.CLOSED and b.rng.random() < 0.5:
            # Re-entry: a new trajectory, linked to the old one.
            again = _trajectory(
                b,
                participant,
                owner,
                floors[owner.id],
                staff[owner.id],
                employers,
                trajectory,
                gtb_specialist,
            )
            region.trajectories.append(again)
    _unlinked_contacts(b, [*specialists, gtb_specialist, partner_specialist], employers)
    session.add_all(b.rows)
    session.commit()
    return region


def _trajectory(
    b: Builder,
    participant: Participant,
    owner: Organisation,
    floors: list[WorkFloor],
    specialists: list[User],
    employers: dict[object, Employer],
    previous: Trajectory | None,
    gtb_specialist: User,
) -> Trajectory:
    rng, today = b.rng, b.today
    earliest = (
        (previous.closed_on or today) + timedelta(days=1)
        if previous
        else today - timedelta(days=1150)
    )
    referred = b.day_between(earliest, today)
    started = None if rng.random() < 0.08 else b.day_between(referred, referred + timedelta(40))
    if started is not None and started > today:
        started = today
    framework = rng.choice(FRAMEWORKS)
    if previous is not None and framework == previous.framework_code:
        framework = "other" if framework != "other" else "ips"
    trajectory = Trajectory(
        participant_id=participant.id,
        organisation_id=owner.id,
        framework_code=framework,
        phase=Phase.INTAKE,
        status=Status.REFERRED if started is None else Status.ACTIVE,
        referred_on=referred,
        started_on=started,
        phase_since=started or referred,
        previous_trajectory_id=previous.id if previous else None,
    )
    b.session.add(trajectory)
    b.session.flush()
    if started is None:
        b.add(
            PhaseChange(
                trajectory_id=trajectory.id, to_phase=Phase.INTAKE, on=referred, created_at=b.tick()
            )
        )
        return trajectory
    # Phase history: intake, then a few moves (some on the same day).
    moves = [(None, Phase.INTAKE, started)]
    phase, day = Phase.INTAKE, started
    for _ in range(rng.randint(0, 4)):
        day = day if rng.random() < 0.15 else b.day_between(day, day + timedelta(days=200))
        if day > today:
            break
        target = rng.choice(MOVES[phase])
        moves.append((phase, target, day))
        phase = target
    last_move = day
    ends_with_outflow = rng.random() < 0.55 and last_move < today
    outflow_date = b.day_between(last_move, today) if ends_with_outflow else None
    if outflow_date is not None:
        moves.append((phase, Phase.OUTFLOW, outflow_date))
        phase = Phase.OUTFLOW
    for from_phase, to_phase, on in moves:
        b.add(
            PhaseChange(
                trajectory_id=trajectory.id,
                from_phase=from_phase,
                to_phase=to_phase,
                on=on,
                created_at=b.tick(),
            )
        )
    trajectory.phase, trajectory.phase_since = phase, moves[-1][2]
    # Status: closed after the outflow (or without one), paused, or active.
    roll = rng.random()
    if outflow_date is not None and roll < 0.6:
        trajectory.status, trajectory.closed_on = (
            Status.CLOSED,
            b.day_between(outflow_date, outflow_date + timedelta(days=60)),
        )
    elif outflow_date is None and roll < 0.2:
        trajectory.status, trajectory.closed_on = Status.CLOSED, b.day_between(last_move, today)
    elif roll > 0.85:
        trajectory.status = Status.PAUSED
        trajectory.pause_reason = "Opname"
    if trajectory.closed_on is not None and trajectory.closed_on > today:
        trajectory.closed_on = today
    ended = min(d for d in (outflow_date, trajectory.closed_on, today) if d is not None)
    _placements(b, trajectory, floors, started, ended)
    _team(b, trajectory, specialists, gtb_specialist, started, ended)
    _sessions(b, trajectory, started, ended)
    employer = employers[owner.id]
    _contacts(b, trajectory, [*specialists, gtb_specialist], employers, started, ended)
    if outflow_date is not None:
        _outflow(b, trajectory, participant, employer, outflow_date)
    elif rng.random() < 0.2:
        # A job found while still in the trajectory (no outflow recorded yet).
        _job(b, participant, employer, trajectory, b.day_between(started, today))
    if framework == "doorstroom_province":
        _funder_months(b, trajectory, started, ended)
    return trajectory


def _placements(b: Builder, t: Trajectory, floors: list[WorkFloor], start: date, end: date) -> None:
    rng = b.rng
    if rng.random() < 0.25:
        return
    first_floor = rng.choice(floors)
    spans: list[tuple[WorkFloor, date, date | None]] = [(first_floor, start, None)]
    if rng.random() < 0.3 and len(floors) > 1 and (end - start).days > 2:
        # Moved to another floor: the trajectory's floor is the latest one.
        moved_on = b.day_between(start + timedelta(days=1), end)
        others = [f for f in floors if f is not first_floor]
        spans = [
            (first_floor, start, moved_on - timedelta(days=1)),
            (rng.choice(others), moved_on, None),
        ]
    for floor, first, last in spans:
        if last is None and (t.closed_on or rng.random() < 0.3):
            last = b.day_between(first, end)
        planned = Decimal(rng.choice([8, 12, 13, 16, 20]))
        placement = Placement(
            trajectory_id=t.id,
            work_floor_id=floor.id,
            planned_hours_per_week=planned,
            planned_half_days_per_week=4,
            start_date=first,
            end_date=last,
            agreement_reference=f"OVK-{rng.randint(1000, 9999)}",
        )
        b.session.add(placement)
        b.session.flush()
        stop = min(last or b.today, b.today)
        marked: set[tuple[date, HalfDay]] = set()
        for _ in range(rng.randint(0, 25)):
            day = b.day_between(first, stop)
            half = rng.choice(list(HalfDay))
            if (day, half) in marked:
                continue
            marked.add((day, half))
            status = rng.choices(list(AttendanceStatus), weights=[7, 1, 1, 1])[0]
            b.add(
                Attendance(
                    placement_id=placement.id,
                    date=day,
                    half_day=half,
                    status=status,
                    hours=Decimal(rng.choice(["2.5", "3", "3.25", "4", "5"]))
                    if status is AttendanceStatus.PRESENT
                    else Decimal("0"),
                )
            )


def _team(
    b: Builder,
    t: Trajectory,
    specialists: list[User],
    gtb_specialist: User,
    start: date,
    end: date,
) -> None:
    rng = b.rng
    chosen = rng.sample(specialists, k=min(len(specialists), rng.choice([0, 1, 1, 2])))
    if rng.random() < 0.25:
        chosen.append(gtb_specialist)
    for user in chosen:
        joined = b.day_between(start - timedelta(days=10), start + timedelta(days=30))
        left = b.day_between(joined, end + timedelta(days=5)) if rng.random() < 0.3 else None
        b.add(
            TeamMember(
                trajectory_id=t.id,
                user_id=user.id,
                team_role=TeamRole.CASE_MANAGER_WORK,
                from_date=joined,
                to_date=left,
            )
        )


def _sessions(b: Builder, t: Trajectory, start: date, end: date) -> None:
    for _ in range(b.rng.randint(0, 5)):
        b.add(
            ActivationSession(
                trajectory_id=t.id,
                component=b.rng.choice(list(SessionComponent)),
                provider="CAW",
                held_on=b.day_between(start, end),
                minutes=b.rng.choice([30, 45, 60, 90]),
            )
        )


def _contacts(
    b: Builder,
    t: Trajectory,
    staff: list[User],
    employers: dict[object, Employer],
    start: date,
    end: date,
) -> None:
    for _ in range(b.rng.choice([0, 0, 1, 2, 3])):
        user = b.rng.choice(staff)
        # Sometimes before the start: it must not count as the first contact.
        on = b.day_between(start - timedelta(days=20), end)
        contact = EmployerContact(
            organisation_id=user.organisation_id,
            employer_id=employers[user.organisation_id].id,
            staff_id=user.id,
            contacted_on=min(on, b.today),
            in_person=b.rng.random() < 0.5,
            purpose=ContactPurpose.JOB_SEARCH_FOR_PARTICIPANT,
            trajectory_links=[EmployerContactTrajectory(trajectory_id=t.id)],
        )
        b.add(contact)


def _unlinked_contacts(b: Builder, staff: list[User], employers: dict[object, Employer]) -> None:
    for _ in range(40):
        user = b.rng.choice(staff)
        b.add(
            EmployerContact(
                organisation_id=user.organisation_id,
                employer_id=employers[user.organisation_id].id,
                staff_id=user.id,
                contacted_on=b.day_between(b.today - timedelta(days=700), b.today),
                in_person=True,
                purpose=ContactPurpose.JOB_DEVELOPMENT,
            )
        )


def _job(
    b: Builder,
    participant: Participant,
    employer: Employer,
    trajectory: Trajectory | None,
    start: date,
    instrument: SupportInstrument | None = None,
) -> Job:
    rng = b.rng
    end = None
    if rng.random() < 0.35:
        end = b.day_between(start, start + timedelta(days=500))
    job = Job(
        participant_id=participant.id,
        trajectory_id=trajectory.id if trajectory else None,
        employer_id=employer.id,
        occupation="Medewerker",
        start_date=start,
        end_date=end,
        contract_type=ContractType.PERMANENT,
        hours_per_week=None
        if rng.random() < 0.15
        else Decimal(rng.choice(["12", "19.5", "20", "24", "38"])),
        gross_hourly_wage=None
        if rng.random() < 0.2
        else Decimal(rng.choice(["13.50", "14.25", "15.00", "17.80"])),
        support_instrument=instrument or rng.choice(list(SupportInstrument)),
        disclosure=Disclosure.UNKNOWN,
    )
    b.session.add(job)
    b.session.flush()
    return job


def _outflow(
    b: Builder, t: Trajectory, participant: Participant, employer: Employer, on: date
) -> None:
    rng = b.rng
    category = rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]
    job = None
    if category in PAID:
        shift = rng.choice([0, 0, 3, 10, -20, -400])  # -400: begun before the trajectory
        start = min(on + timedelta(days=shift), b.today)
        # Recorded for the trajectory, or only linked by the outflow.
        job = _job(
            b, participant, employer, t if rng.random() < 0.5 else None, start, PAID[category]
        )
    outflow = Outflow(
        trajectory_id=t.id, date=on, category=category, job_id=job.id if job else None
    )
    b.session.add(outflow)
    b.session.flush()
    if category not in PAID:
        return
    for months in (3, 6, 12):
        due = add_months(on, months)
        follow_up = FollowUp(
            trajectory_id=t.id, outflow_id=outflow.id, months_after=months, due_on=due
        )
        if due <= b.today and rng.random() < 0.75:
            follow_up.contacted_on = due
            follow_up.status = rng.choice(list(FollowUpStatus))
            if follow_up.status is not FollowUpStatus.UNKNOWN:
                follow_up.source = FollowUpSource.SELF_REPORT
        b.add(follow_up)


def _funder_months(b: Builder, t: Trajectory, start: date, end: date) -> None:
    month = start.replace(day=1)
    while month <= end.replace(day=1) and month < b.today.replace(day=1):
        roll = b.rng.random()
        if roll < 0.6:
            b.add(
                FunderMonth(
                    trajectory_id=t.id,
                    month=month,
                    decision=FunderDecision.APPROVED,
                    decided_at=datetime(2024, 1, 1, tzinfo=UTC),
                )
            )
        elif roll < 0.7:
            b.add(
                FunderMonth(
                    trajectory_id=t.id,
                    month=month,
                    decision=FunderDecision.REJECTED,
                    comment="Geen acties",
                    decided_at=datetime(2024, 1, 1, tzinfo=UTC),
                )
            )
        month = add_months(month, 1)
