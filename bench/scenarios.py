"""The scenarios, with their inputs read from the bench database: who acts, on which files.

Actors are the busiest people of the region, so their lists are as long as real ones get:
the mediator leading most open trajectories (E1), the coach on most mini-teams (E2-E4),
a manager of that coach's organisation (E5).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from sqlalchemy import ColumnElement, Engine, and_, func, or_, select

from app.auth.models import User
from app.organisations.models import Partnership, PartnershipMember, WorkFloor
from app.participants.models import Participant
from app.progress.models import DEFAULT_COMPETENCE_ITEMS, Placement
from app.reports.definitions import MAX_PERIOD_YEARS
from app.trajectories.models import TeamMember, Trajectory
from bench.load import Request

API = "/api/v1"


@dataclass
class Scenario:
    key: str
    title: str
    actor: uuid.UUID
    actor_role: str
    requests: list[Request]
    per_operation: int = 1  # requests that make one user action (E1: five calls)
    counted_table: str | None = None  # rows that every successful request adds (E4)
    conflicts_expected: bool = False  # E3: the same floor-day sent twice at once is a 409
    notes: list[str] = field(default_factory=list)


def _active_on(day: date) -> ColumnElement[bool]:
    return and_(
        Placement.start_date <= day, or_(Placement.end_date.is_(None), Placement.end_date >= day)
    )


def health() -> Scenario:
    return Scenario(
        "health", "GET /health (framework floor)", uuid.UUID(int=0), "-",
        [Request("GET", f"{API}/health")],
    )  # fmt: skip


def open_case_file(engine: Engine, limit: int = 100) -> Scenario:
    """E1: what the SPA's dossier page asks for, in its order (frontend/src/routes/dossier)."""
    open_trajectory = Trajectory.status != "closed"
    with engine.connect() as db:
        mediator = db.execute(
            select(TeamMember.user_id)
            .join(User, User.id == TeamMember.user_id)
            .join(Trajectory, Trajectory.id == TeamMember.trajectory_id)
            .where(
                User.role == "mediator",
                User.organisation_id == Trajectory.organisation_id,
                TeamMember.to_date.is_(None),
                open_trajectory,
            )
            .group_by(TeamMember.user_id)
            .order_by(func.count().desc(), TeamMember.user_id)
            .limit(1)
        ).scalar_one()
        files = db.execute(
            select(Trajectory.id, Trajectory.participant_id)
            .join(TeamMember, TeamMember.trajectory_id == Trajectory.id)
            .where(TeamMember.user_id == mediator, TeamMember.to_date.is_(None), open_trajectory)
            .order_by(Trajectory.id)
            .limit(limit)
        ).all()
    requests = []
    for trajectory_id, participant_id in files:
        requests += [
            Request("GET", f"{API}/participants/{participant_id}"),
            Request(
                "GET",
                f"{API}/trajectories?"
                + urlencode(
                    {"participant_id": participant_id, "sort": "-referred_on", "limit": 50}
                ),
            ),
            Request("GET", f"{API}/trajectories/{trajectory_id}"),
            Request("GET", f"{API}/trajectories/{trajectory_id}/team"),
            Request("GET", f"{API}/trajectories/{trajectory_id}/timeline?limit=30"),
        ]
    return Scenario(
        "E1",
        "Open a case file (participant, trajectories, trajectory, team, timeline)",
        mediator,
        "mediator",
        requests,
        per_operation=5,
        notes=[f"{len(files)} open case files of the mediator on most mini-teams"],
    )


def busiest_coach(engine: Engine) -> uuid.UUID:
    with engine.connect() as db:
        return db.execute(
            select(TeamMember.user_id)
            .join(User, User.id == TeamMember.user_id)
            .join(Trajectory, Trajectory.id == TeamMember.trajectory_id)
            .where(
                User.role == "coach", TeamMember.to_date.is_(None), Trajectory.status != "closed"
            )
            .group_by(TeamMember.user_id)
            .order_by(func.count().desc(), TeamMember.user_id)
            .limit(1)
        ).scalar_one()


def caseload(engine: Engine, coach: uuid.UUID) -> Scenario:
    """E2: the coach's caseload with filters, and searches for names typed with accents."""
    with engine.connect() as db:
        names = db.execute(
            select(Participant.first_name, Participant.last_name)
            .join(Trajectory, Trajectory.participant_id == Participant.id)
            .join(TeamMember, TeamMember.trajectory_id == Trajectory.id)
            .where(TeamMember.user_id == coach, TeamMember.to_date.is_(None))
            .order_by(Participant.sort_name)
        ).all()
    accented = [(f, last) for f, last in names if not (f + last).isascii()] or names
    filters = [
        {"coach_id": coach, "status": "active"},
        {"coach_id": coach, "phase": "placement"},
        {"coach_id": coach, "overdue": "true"},
        {"coach_id": coach, "sort": "-birth_date"},
    ]
    searches = [{"q": first} for first, _ in accented[:4]]
    searches += [{"q": f"{first} {last.split()[-1][:5]}"} for first, last in accented[4:8]]
    queries = [q for pair in zip(filters * 2, searches, strict=False) for q in pair]
    requests = [
        Request("GET", f"{API}/participants?" + urlencode({**q, "limit": 50})) for q in queries
    ]
    return Scenario(
        "E2",
        "Caseload: coach filters and accented name search",
        coach,
        "coach",
        requests,
        notes=[
            f"{len(names)} participants on the coach's mini-teams; searches "
            + ", ".join(repr(s["q"]) for s in searches)
        ],
    )


def _floors_of_twenty(engine: Engine, coach: uuid.UUID, today: date) -> list[uuid.UUID]:
    with engine.connect() as db:
        organisation_id = db.execute(
            select(User.organisation_id).where(User.id == coach)
        ).scalar_one()
        occupied = db.execute(
            select(Placement.work_floor_id, func.count())
            .join(WorkFloor, WorkFloor.id == Placement.work_floor_id)
            .where(WorkFloor.organisation_id == organisation_id, _active_on(today))
            .group_by(Placement.work_floor_id)
        ).all()
    ranked = sorted(occupied, key=lambda row: (abs(row[1] - 20), str(row[0])))
    return [floor_id for floor_id, _count in ranked[:12]]


def floor_attendance(engine: Engine, coach: uuid.UUID, today: date) -> Scenario:
    """E3: the coach records a whole floor's day (am and pm for ~20 people) in one call.
    Two passes with different hours, so every request after the first pass changes marks."""
    floors = _floors_of_twenty(engine, coach, today)
    # Enough distinct floor-days that no two connections send the same one at once (that
    # is a real conflict: the second gets a 409).
    days = [today - timedelta(days=n) for n in range(1, 43)]
    days = [d for d in days if d.weekday() < 5][:30]
    requests: list[list[Request]] = [[], []]
    sizes = []
    with engine.connect() as db:
        for floor_id in floors:
            for day in days:
                placements = (
                    db.execute(
                        select(Placement.id)
                        .where(
                            Placement.work_floor_id == floor_id, _active_on(day), _active_on(today)
                        )
                        .order_by(Placement.id)
                    )
                    .scalars()
                    .all()
                )
                if not placements:
                    continue
                sizes.append(len(placements))
                for variant, hours in enumerate((3.5, 3.0)):
                    entries = [
                        {
                            "placement_id": str(p),
                            "half_day": half,
                            "status": "present",
                            "hours": hours,
                        }
                        for p in placements
                        for half in ("am", "pm")
                    ]
                    body = json.dumps({"date": day.isoformat(), "entries": entries})
                    requests[variant].append(
                        Request("POST", f"{API}/work-floors/{floor_id}/attendance", body)
                    )
    people = sum(sizes) / len(sizes) if sizes else 0
    return Scenario(
        "E3",
        "A floor's day: attendance for ~20 people in one call",
        coach,
        "coach",
        requests[0] + requests[1],
        conflicts_expected=True,
        notes=[f"{len(floors)} floors × {len(days)} days, {people:.1f} people per floor-day"],
    )


def progress_log_writes(engine: Engine, coach: uuid.UUID, today: date) -> Scenario:
    """E4: the coach writes progress logs (five scores and a text) on visible trajectories;
    each one also appends an audit event in the same transaction."""
    with engine.connect() as db:
        organisation_id = db.execute(
            select(User.organisation_id).where(User.id == coach)
        ).scalar_one()
        placed = db.execute(
            select(Placement.trajectory_id, Placement.id)
            .join(WorkFloor, WorkFloor.id == Placement.work_floor_id)
            .where(WorkFloor.organisation_id == organisation_id, _active_on(today))
            .order_by(Placement.id)
            .limit(200)
        ).all()
    codes = [code for code, _nl, _en in DEFAULT_COMPETENCE_ITEMS]
    requests = []
    for n, (trajectory_id, placement_id) in enumerate(placed):
        body = {
            "logged_on": today.isoformat(),
            "placement_id": str(placement_id),
            "scores": [
                {"item_code": codes[(n + k) % len(codes)], "score": 1 + (n + k) % 4}
                for k in range(5)
            ],
            "text": "Werkte geconcentreerd; vroeg zelf om uitleg bij de nieuwe machine.",
        }
        requests.append(
            Request("POST", f"{API}/trajectories/{trajectory_id}/progress-logs", json.dumps(body))
        )
    return Scenario(
        "E4",
        "Write a progress log (with its audit event)",
        coach,
        "coach",
        requests,
        counted_table="progress_logs",
        notes=[f"{len(placed)} trajectories placed on the coach's organisation's floors"],
    )


def indicators(engine: Engine, coach: uuid.UUID) -> Scenario:
    """E5: the indicators over the last twelve months, as a manager of the coach's
    organisation sees them (every trajectory the organisation reports on)."""
    with engine.connect() as db:
        organisation_id = db.execute(
            select(User.organisation_id).where(User.id == coach)
        ).scalar_one()
        manager = db.execute(
            select(User.id)
            .where(User.organisation_id == organisation_id, User.role == "manager")
            .order_by(User.id)
            .limit(1)
        ).scalar_one()
    return Scenario(
        "E5",
        "Indicators, last 12 months (manager)",
        manager,
        "manager",
        [Request("GET", f"{API}/reports/indicators")],
    )


EXPORT_ROWS = 10_000


def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def list_export(engine: Engine, today: date) -> Scenario:
    """E6: a drill-down list as one XLSX file of about 10,000 rows: the trajectories of the
    partnership with most of them that were in trajectory during the period, as the manager
    of its lead organisation asks for them. The period starts as many whole months back as
    it takes to reach 10,000."""
    with engine.connect() as db:
        largest = db.execute(
            select(Partnership.id, Partnership.lead_organisation_id)
            .join(PartnershipMember, PartnershipMember.partnership_id == Partnership.id)
            .join(Trajectory, Trajectory.organisation_id == PartnershipMember.organisation_id)
            .group_by(Partnership.id, Partnership.lead_organisation_id)
            .order_by(func.count(Trajectory.id).desc())
            .limit(1)
        ).first()
        if largest is None:
            return Scenario("E6", "10,000-row XLSX export", uuid.UUID(int=0), "manager", [])
        partnership_id, lead_id = largest
        members = select(PartnershipMember.organisation_id).where(
            PartnershipMember.partnership_id == partnership_id
        )

        def in_trajectory_since(start: date) -> int:
            return int(
                db.execute(
                    select(func.count()).where(
                        Trajectory.organisation_id.in_(members),
                        Trajectory.started_on <= today,
                        or_(Trajectory.closed_on.is_(None), Trajectory.closed_on >= start),
                    )
                ).scalar_one()
            )

        months, rows = 1, in_trajectory_since(_months_back(today, 1))
        # A small region never reaches 10,000: stop at the longest period a report takes.
        while rows < EXPORT_ROWS and months < 12 * MAX_PERIOD_YEARS - 1:
            months += 1
            rows = in_trajectory_since(_months_back(today, months))
        manager = db.execute(
            select(User.id)
            .where(User.organisation_id == lead_id, User.role == "manager")
            .order_by(User.id)
            .limit(1)
        ).scalar_one()
    query = urlencode(
        {
            "partnership_id": partnership_id,
            "from": _months_back(today, months).isoformat(),
            "format": "xlsx",
        }
    )
    return Scenario(
        "E6",
        "Drill-down list as XLSX (partnership lead's manager)",
        manager,
        "manager",
        [
            Request(
                "GET", f"{API}/reports/indicators/participants_in_trajectory/trajectories?{query}"
            )
        ],
        notes=[f"about {rows:,} trajectories in trajectory over the last {months} months"],
    )
