"""The demo region: big enough to show, and every row one the API itself could have written."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.dates import add_months
from app.demo import DEMO_PASSWORD, LOGINS, STAFF, SeedReport, region, seed_demo
from app.demo.case_files import CaseFiles, CompetenceItemRef, build_case_files
from app.demo.region import ORGANISATIONS, seed_region
from app.employment.models import Internship, Job
from app.employment.service import internship_rule_errors
from app.notes.models import Note, Visibility
from app.organisations.models import (
    Organisation,
    OrganisationKind,
    Partnership,
    PartnershipMember,
    WorkFloor,
)
from app.outflow.categories import FOLLOW_UP_MONTHS, info
from app.outflow.models import FollowUp, FollowUpStatus, Outflow
from app.outflow.service import follow_up_rule_errors
from app.participants.models import ActivityPermission, BenefitStatus, Participant, VdabAdvice
from app.participants.schemas import Insz
from app.progress.models import (
    MAX_HOURS_PER_HALF_DAY,
    ActivationSession,
    Attendance,
    AttendanceStatus,
    CompetenceItem,
    Goal,
    GoalStatus,
    Placement,
    ProgressLog,
    ProgressScore,
)
from app.trajectories.models import PhaseChange, StatusChange, TeamMember, Trajectory
from app.trajectories.phases import (
    STATUS_MOVES,
    MoveRequest,
    Phase,
    Status,
    check_move,
    needs_reason,
    replay,
)

COACH = "coach@dewerkplaats.demo"
MEDIATOR = "trajectbegeleider@gtb.demo"
COUNSELLOR = "ggz@cggscheldeland.demo"


@pytest.fixture
def report(session: Session) -> SeedReport:
    made = seed_demo(session)
    session.commit()
    return made


def count(session: Session, model: type[Any]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def staff_by_id(session: Session) -> dict[Any, User]:
    return {u.id: u for u in session.scalars(select(User))}


# --- size and coverage ------------------------------------------------------------------


def test_participants_cover_every_phase_and_status(report: SeedReport, session: Session) -> None:
    assert count(session, Participant) >= 55
    trajectories = session.scalars(select(Trajectory)).all()
    assert {t.phase for t in trajectories} == set(Phase)
    assert {t.status for t in trajectories} == set(Status)
    assert any(t.previous_trajectory_id for t in trajectories)  # re-entries
    assert report.created["participants"] == count(session, Participant)


def test_participants_have_flemish_names_valid_insz_numbers_and_dated_facts(
    report: SeedReport, session: Session
) -> None:
    participants = session.scalars(select(Participant)).all()
    assert any(p.last_name.startswith(("Van ", "De ", "Vander ", "D'")) for p in participants)
    with_insz = [p for p in participants if p.insz]
    assert 0.4 * len(participants) <= len(with_insz) < len(participants)
    for p in with_insz:
        assert TypeAdapter(Insz).validate_python(p.insz) == p.insz
        assert p.insz is not None and p.insz[:6] == p.birth_date.strftime("%y%m%d")
    assert all(p.target_groups for p in participants)
    for model in (BenefitStatus, ActivityPermission, VdabAdvice):
        assert count(session, model) >= len(participants) // 2
    # The same person known to two organisations: two records, one INSZ (no global key).
    assert any(n > 1 for n in Counter(p.insz for p in with_insz).values())


def test_every_kind_of_organisation_is_there_with_staff_in_every_role(
    report: SeedReport, session: Session
) -> None:
    kinds = Counter(session.scalars(select(Organisation.kind)))
    assert kinds[OrganisationKind.PLATFORM] == 1
    assert all(kinds[kind] >= 2 for kind in OrganisationKind if kind != OrganisationKind.PLATFORM)
    users = session.scalars(select(User)).all()
    assert {u.role for u in users} == set(Role)
    assert all(u.bound_by_professional_secrecy for u in users if u.email == COUNSELLOR)
    floors = session.scalars(select(WorkFloor)).all()
    assert len(floors) >= 10 and all(f.capacity > 0 for f in floors)


def test_attendance_spans_months_and_hours_grow(report: SeedReport, session: Session) -> None:
    first, last = session.execute(
        select(func.min(Attendance.date), func.max(Attendance.date))
    ).one()
    assert (last - first).days >= 90
    assert last < date.today()
    # Stamina grows: per trajectory, more hours a half-day in the last month than in the first.
    marks: dict[Any, list[tuple[date, float]]] = defaultdict(list)
    for trajectory_id, day, hours in session.execute(
        select(Placement.trajectory_id, Attendance.date, Attendance.hours)
        .join(Placement, Placement.id == Attendance.placement_id)
        .where(Attendance.status == AttendanceStatus.PRESENT)
        .order_by(Attendance.date)
    ):
        marks[trajectory_id].append((day, float(hours)))
    grown = []
    for days in marks.values():
        if (days[-1][0] - days[0][0]).days < 150:
            continue
        first_month = [h for d, h in days if (d - days[0][0]).days < 30]
        last_month = [h for d, h in days if (days[-1][0] - d).days < 30]
        grown.append(sum(last_month) / len(last_month) > sum(first_month) / len(first_month))
    assert len(grown) >= 10 and sum(grown) >= 0.8 * len(grown)
    statuses = Counter(session.scalars(select(Attendance.status)))
    assert set(statuses) == set(AttendanceStatus)
    assert statuses[AttendanceStatus.PRESENT] > 0.75 * sum(statuses.values())


def test_progress_scores_improve(report: SeedReport, session: Session) -> None:
    rows = session.execute(
        select(ProgressLog.trajectory_id, ProgressLog.logged_on, func.avg(ProgressScore.score))
        .join(ProgressScore, ProgressScore.progress_log_id == ProgressLog.id)
        .where(ProgressLog.placement_id.is_not(None))
        .group_by(ProgressLog.id)
        .order_by(ProgressLog.trajectory_id, ProgressLog.logged_on)
    ).all()
    by_trajectory: dict[Any, list[float]] = defaultdict(list)
    for trajectory_id, _, average in rows:
        by_trajectory[trajectory_id].append(float(average))
    long_enough = [scores for scores in by_trajectory.values() if len(scores) >= 10]
    assert len(long_enough) >= 10
    improved = [s for s in long_enough if sum(s[-3:]) / 3 > sum(s[:3]) / 3]
    assert len(improved) >= 0.8 * len(long_enough)


# --- the rules the API enforces -----------------------------------------------------------


def _status_on(changes: list[StatusChange], day: date) -> Status:
    """The status at a phase move on ``day``: changes before it, and a start or resume that day."""
    status = Status.REFERRED
    for change in changes:
        if change.on < day or (change.on == day and change.to_status is Status.ACTIVE):
            status = change.to_status
    return status


def test_every_phase_history_replays_through_the_phase_machine(
    report: SeedReport, session: Session
) -> None:
    today = date.today()
    phases: dict[Any, list[PhaseChange]] = defaultdict(list)
    for move in session.scalars(
        select(PhaseChange).order_by(PhaseChange.on, PhaseChange.created_at)
    ):
        phases[move.trajectory_id].append(move)
    statuses: dict[Any, list[StatusChange]] = defaultdict(list)
    for status_change in session.scalars(
        select(StatusChange).order_by(StatusChange.on, StatusChange.created_at)
    ):
        statuses[status_change.trajectory_id].append(status_change)
    for t in session.scalars(select(Trajectory)):
        history = phases[t.id]
        assert (history[0].from_phase, history[0].to_phase) == (None, Phase.INTAKE)
        assert history[0].on == (t.started_on or t.referred_on)
        moves = [(c.from_phase, c.to_phase) for c in history[1:]]
        assert replay(Phase.INTAKE, moves) is t.phase  # type: ignore[arg-type]
        assert t.phase_since == history[-1].on
        previous_on = history[0].on
        for change in history[1:]:
            assert change.from_phase is not None
            check_move(
                MoveRequest(
                    current=change.from_phase,
                    target=change.to_phase,
                    status=_status_on(statuses[t.id], change.on),
                    on=change.on,
                    started_on=t.started_on or t.referred_on,
                    last_move_on=previous_on,
                    today=today,
                    reason=change.reason,
                )
            )
            assert change.on > previous_on  # one move a day keeps the order unambiguous
            if needs_reason(change.from_phase, change.to_phase):
                assert change.reason
            previous_on = change.on


def test_every_status_history_follows_the_status_moves(
    report: SeedReport, session: Session
) -> None:
    today = date.today()
    statuses: dict[Any, list[StatusChange]] = defaultdict(list)
    for change in session.scalars(
        select(StatusChange).order_by(StatusChange.on, StatusChange.created_at)
    ):
        statuses[change.trajectory_id].append(change)
    last_phase_move = dict(
        session.execute(
            select(PhaseChange.trajectory_id, func.max(PhaseChange.on)).group_by(
                PhaseChange.trajectory_id
            )
        ).all()
    )
    for t in session.scalars(select(Trajectory)):
        history = statuses[t.id]
        assert (history[0].from_status, history[0].to_status) == (None, Status.REFERRED)
        assert history[0].on == t.referred_on
        for before, after in itertools.pairwise(history):
            assert after.from_status is before.to_status
            assert before.to_status in STATUS_MOVES[after.to_status]
            assert before.on <= after.on <= today
            if after.to_status is Status.PAUSED:
                assert after.reason
        assert history[-1].to_status is t.status
        started = [c.on for c in history if c.to_status is Status.ACTIVE]
        assert t.started_on == (started[0] if started else None)
        assert (t.closed_on is not None) == (t.status is Status.CLOSED)
        assert (t.pause_reason is not None) == (t.status is Status.PAUSED)
        if t.status is Status.CLOSED:
            assert t.closed_on == history[-1].on >= last_phase_move[t.id]


def test_re_entries_follow_a_closed_trajectory_of_the_same_person(
    report: SeedReport, session: Session
) -> None:
    trajectories = {t.id: t for t in session.scalars(select(Trajectory))}
    re_entries = [t for t in trajectories.values() if t.previous_trajectory_id]
    assert len(re_entries) >= 2
    for t in re_entries:
        earlier = trajectories[t.previous_trajectory_id]  # type: ignore[index]
        assert earlier.participant_id == t.participant_id
        assert earlier.status is Status.CLOSED and earlier.closed_on is not None
        assert earlier.closed_on < t.referred_on


def test_placements_and_attendance_keep_the_work_floor_rules(
    report: SeedReport, session: Session
) -> None:
    today = date.today()
    trajectories = {t.id: t for t in session.scalars(select(Trajectory))}
    floors = {f.id: f for f in session.scalars(select(WorkFloor))}
    staff = staff_by_id(session)
    placements = session.scalars(select(Placement)).all()
    for p in placements:
        t = trajectories[p.trajectory_id]
        assert floors[p.work_floor_id].organisation_id == t.organisation_id
        assert p.coach_id is not None and staff[p.coach_id].organisation_id == t.organisation_id
        assert p.start_date >= t.referred_on and p.start_date <= today
        assert p.end_date is None or p.end_date >= p.start_date
        assert p.planned_hours_per_week <= MAX_HOURS_PER_HALF_DAY * p.planned_half_days_per_week
        if t.status is Status.CLOSED or t.phase is Phase.OUTFLOW:
            assert p.end_date is not None
        # The floor had room on the start date (the API's capacity check).
        occupied = sum(
            1
            for other in placements
            if other.id != p.id
            and other.work_floor_id == p.work_floor_id
            and other.is_active_on(p.start_date)
        )
        assert occupied < floors[p.work_floor_id].capacity
    by_id = {p.id: p for p in placements}
    for mark in session.scalars(select(Attendance)):
        placement = by_id[mark.placement_id]
        assert placement.is_active_on(mark.date) and mark.date <= today
        assert 0 <= mark.hours <= MAX_HOURS_PER_HALF_DAY
        assert (mark.hours > 0) == (mark.status is AttendanceStatus.PRESENT)


def test_case_work_is_written_by_colleagues_within_the_trajectory(
    report: SeedReport, session: Session
) -> None:
    today = date.today()
    trajectories = {t.id: t for t in session.scalars(select(Trajectory))}
    staff = staff_by_id(session)
    case_work = {Role.COACH, Role.MEDIATOR, Role.COUNSELLOR}

    def colleague(user_id: Any, trajectory: Trajectory, roles: set[Role] = case_work) -> bool:
        user = staff[user_id]
        return user.organisation_id == trajectory.organisation_id and user.role in roles

    for log in session.scalars(select(ProgressLog)):
        t = trajectories[log.trajectory_id]
        assert colleague(log.author_id, t)
        assert t.referred_on <= log.logged_on <= today
    goals = session.scalars(select(Goal)).all()
    for goal in goals:
        t = trajectories[goal.trajectory_id]
        assert goal.owner_id is None or colleague(goal.owner_id, t, set(Role))
        assert colleague(goal.created_by, t)
    today_open = [g for g in goals if g.status is GoalStatus.OPEN]
    assert any(g.due_on and g.due_on < today for g in today_open)  # some overdue
    assert any(g.due_on and g.due_on >= today for g in today_open)
    for record in session.scalars(select(ActivationSession)):
        t = trajectories[record.trajectory_id]
        assert t.referred_on <= record.held_on <= today and 1 <= record.minutes <= 600
        assert colleague(record.created_by, t)
    for member in session.scalars(select(TeamMember)):
        t = trajectories[member.trajectory_id]
        assert member.from_date >= t.referred_on
        assert member.to_date is None or member.to_date >= member.from_date
    mixed = defaultdict(set)
    for member in session.scalars(select(TeamMember)):
        mixed[member.trajectory_id].add(staff[member.user_id].organisation_id)
    assert sum(1 for orgs in mixed.values() if len(orgs) >= 3) >= 10  # tandems across organisations


def test_internships_jobs_and_outflows_keep_their_rules(
    report: SeedReport, session: Session
) -> None:
    today = date.today()
    trajectories = {t.id: t for t in session.scalars(select(Trajectory))}
    internships = session.scalars(select(Internship)).all()
    assert {i.type.value for i in internships} >= {"work_experience", "ibo", "duo_day"}
    for i in internships:
        assert not internship_rule_errors(
            type=i.type,
            start_date=i.start_date,
            end_date=i.end_date,
            result=i.result,
            early_end_reason=i.early_end_reason,
        )
        assert i.start_date <= today
    jobs = {j.id: j for j in session.scalars(select(Job))}
    outflows = session.scalars(select(Outflow)).all()
    paid = [o for o in outflows if info(o.category).paid]
    unpaid = [o for o in outflows if not info(o.category).paid]
    assert len(paid) >= 5 and len(unpaid) >= 5
    for outflow in outflows:
        t = trajectories[outflow.trajectory_id]
        assert t.phase is Phase.OUTFLOW and outflow.date <= today
        if info(outflow.category).paid:
            job = jobs[outflow.job_id]  # type: ignore[index]
            assert job.participant_id == t.participant_id and job.start_date <= outflow.date
        else:
            assert outflow.job_id is None
        if outflow.internship_id is not None:
            assert info(outflow.category).may_link_internship
    assert {t.id for t in trajectories.values() if t.phase is Phase.OUTFLOW} == {
        o.trajectory_id for o in outflows
    }


def test_paid_outflows_have_follow_ups_in_several_states(
    report: SeedReport, session: Session
) -> None:
    today = date.today()
    outflows = {o.id: o for o in session.scalars(select(Outflow))}
    follow_ups = session.scalars(select(FollowUp)).all()
    scheduled: dict[Any, list[int]] = defaultdict(list)
    states: Counter[str] = Counter()
    for f in follow_ups:
        outflow = outflows[f.outflow_id]
        assert info(outflow.category).paid
        assert not follow_up_rule_errors(
            outflow_date=outflow.date,
            due_on=f.due_on,
            contacted_on=f.contacted_on,
            status=f.status,
            hours_per_week=f.hours_per_week,
            source=f.source,
        )
        if f.months_after is not None:
            scheduled[f.outflow_id].append(f.months_after)
            assert f.due_on == add_months(outflow.date, f.months_after)
        if f.contacted_on is not None:
            assert f.contacted_on <= today
            states["recorded"] += 1
        else:
            states["due" if f.due_on <= today else "planned"] += 1
    assert all(sorted(m) == list(FOLLOW_UP_MONTHS) for m in scheduled.values())
    assert len(scheduled) == sum(1 for o in outflows.values() if info(o.category).paid)
    assert all(states[state] >= 2 for state in ("recorded", "due", "planned")), states
    statuses = Counter(f.status for f in follow_ups)
    assert statuses[FollowUpStatus.UNKNOWN] == 1
    assert statuses[FollowUpStatus.SAME_JOB] >= 3 and statuses[FollowUpStatus.NOT_WORKING] >= 1


def test_notes_of_every_visibility_and_care_notes_only_by_secrecy_bound_staff(
    report: SeedReport, session: Session
) -> None:
    trajectories = {t.id: t for t in session.scalars(select(Trajectory))}
    staff = staff_by_id(session)
    notes = session.scalars(select(Note)).all()
    assert {n.visibility for n in notes} == set(Visibility)
    for note in notes:
        assert note.author_id is not None
        author = staff[note.author_id]
        assert author.role is not Role.MANAGER and author.role is not Role.ADMIN
        assert note.author_organisation_id == author.organisation_id
        assert author.organisation_id == trajectories[note.trajectory_id].organisation_id
        assert note.written_on <= date.today()
        if note.visibility is not Visibility.TEAM:
            assert author.bound_by_professional_secrecy


# --- idempotent and deterministic ---------------------------------------------------------


def test_seeding_twice_adds_nothing(report: SeedReport, session: Session) -> None:
    models = [Organisation, WorkFloor, User, Participant, Trajectory, Attendance, Note, FollowUp]
    before = {m: count(session, m) for m in models}
    again = seed_demo(session)
    session.commit()
    assert {m: count(session, m) for m in models} == before
    assert again.case_files_present and sum(again.created.values()) == 0
    assert before[User] == len(LOGINS) + len(STAFF)
    assert "Nothing new" in again.summary


def test_an_older_demo_database_is_completed_not_duplicated(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the first seed-demo made: four organisations, three floors, six logins, a
    # partnership of three.
    first = {"Werkpad beheer", "De Werkplaats vzw", "GTB Oost-Vlaanderen", "CGG Scheldeland"}
    name, lead, members = region.PARTNERSHIPS[0]
    monkeypatch.setattr(region, "ORGANISATIONS", [o for o in ORGANISATIONS if o.name in first])
    monkeypatch.setattr(region, "WORK_FLOORS", region.WORK_FLOORS[:3])
    monkeypatch.setattr(region, "STAFF", [])
    monkeypatch.setattr(region, "PARTNERSHIPS", [(name, lead, members[:3])])
    seed_region(session)
    session.commit()
    monkeypatch.undo()

    made = seed_demo(session)
    session.commit()
    assert made.created["organisations"] == len(ORGANISATIONS) - len(first)
    assert made.created["staff"] == len(STAFF) and made.created["participants"] >= 55
    assert count(session, Organisation) == len(ORGANISATIONS)
    assert count(session, User) == len(LOGINS) + len(STAFF)
    partnership = session.scalar(select(Partnership.id).where(Partnership.name == name))
    assert count_where(session, PartnershipMember.partnership_id == partnership) == len(members)


def count_where(session: Session, condition: Any) -> int:
    return session.scalar(select(func.count()).where(condition)) or 0


def test_the_same_seed_and_day_give_the_same_case_files(session: Session) -> None:
    demo_region = seed_region(session)
    items = [
        CompetenceItemRef(i.id, i.code, i.sort_order)
        for i in session.scalars(select(CompetenceItem).order_by(CompetenceItem.sort_order))
    ]
    day = date.today()
    first, second, other = (
        build_case_files(demo_region, items, seed=seed, today=day) for seed in (7, 7, 8)
    )

    def people(files: CaseFiles) -> list[tuple[str, str, date, str | None]]:
        return [
            (p.first_name, p.last_name, p.birth_date, p.insz)
            for p in files.objects
            if isinstance(p, Participant)
        ]

    assert first.attendance == second.attendance and first.scores == second.scores
    assert first.counts() == second.counts()
    assert people(first) == people(second) != people(other)
    session.rollback()


# --- through the API, as the demo logins --------------------------------------------------


def _login(client: TestClient, email: str) -> dict[str, str]:
    response = client.post(
        "/api/v1/auth/login", data={"username": email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _all(client: TestClient, url: str, headers: dict[str, str]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 200}
        if cursor:
            params["cursor"] = cursor
        response = client.get(url, params=params, headers=headers)
        assert response.status_code == 200, (url, response.text)
        page = response.json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def _read(client: TestClient, url: str, headers: dict[str, str], ok: int = 200) -> Any:
    response = client.get(url, headers=headers)
    assert response.status_code == ok, (url, response.status_code, response.text)
    return response.json()


# A coach sees only the people on their floors today or on their mini-teams.
@pytest.mark.parametrize(("email", "at_least"), [(COACH, 12), (MEDIATOR, 8), (COUNSELLOR, 3)])
def test_demo_logins_open_their_whole_caseload_without_errors(
    report: SeedReport, client: TestClient, email: str, at_least: int
) -> None:
    headers = _login(client, email)
    participants = _all(client, "/api/v1/participants", headers)
    trajectories = _all(client, "/api/v1/trajectories", headers)
    assert len(trajectories) >= at_least
    seen: Counter[str] = Counter()
    for p in participants:
        base = f"/api/v1/participants/{p['id']}"
        _read(client, base, headers)
        # The administration of a trajectory is not the work floor's business (README).
        administration_status = 403 if email == COACH else 200
        for part in ("benefit-statuses", "activity-permissions", "vdab-advices"):
            answer = _read(client, f"{base}/{part}", headers, ok=administration_status)
            seen[part] += len(answer) if administration_status == 200 else 0
        seen["jobs"] += len(_all(client, f"{base}/jobs", headers))
    for t in trajectories:
        base = f"/api/v1/trajectories/{t['id']}"
        assert _read(client, base, headers)["phase"] == t["phase"]
        seen["phase changes"] += len(_read(client, f"{base}/phase-changes", headers))
        seen["status changes"] += len(_read(client, f"{base}/status-changes", headers))
        seen["team"] += len(_read(client, f"{base}/team", headers))
        for part in (
            "progress-logs",
            "goals",
            "notes",
            "follow-ups",
            "internships",
            "activation-sessions",
            "employer-contacts",
        ):
            seen[part] += len(_all(client, f"{base}/{part}", headers))
        _all(client, f"{base}/goals?overdue=true", headers)
        _read(client, f"{base}/outflow", headers, 200 if t["phase"] == "outflow" else 404)
        for placement in _all(client, f"{base}/placements", headers):
            seen["placements"] += 1
            _read(client, f"/api/v1/placements/{placement['id']}", headers)
            marks = _all(client, f"/api/v1/placements/{placement['id']}/attendance", headers)
            seen["attendance"] += len(marks)
            yesterday = (date.today() - timedelta(days=1)).isoformat()
            floor = placement["work_floor_id"]
            _read(client, f"/api/v1/work-floors/{floor}/attendance?date={yesterday}", headers)
    assert seen["phase changes"] >= len(trajectories)
    assert seen["team"] and seen["goals"] and seen["notes"]
    assert seen["benefit-statuses"] or email == COACH
    seen["employers"] = len(_all(client, "/api/v1/employers", headers))
    seen["employer contacts"] = len(_all(client, "/api/v1/employer-contacts", headers))
    assert seen["employers"] and seen["employer contacts"]
    if email == COACH:
        assert seen["attendance"] > 1000 and seen["progress-logs"] > 100 and seen["follow-ups"]
    if email == MEDIATOR:
        assert seen["internships"] and seen["activation-sessions"] and seen["follow-ups"]


def test_the_browser_tests_find_their_logins_and_organisations_on_the_first_page(
    report: SeedReport, client: TestClient
) -> None:
    headers = _login(client, "admin@werkpad.demo")
    users = _read(client, "/api/v1/users?limit=25", headers)["items"]
    assert {"admin@werkpad.demo", COACH} <= {u["email"] for u in users}
    organisations = _read(client, "/api/v1/organisations?limit=25", headers)["items"]
    names = {o["name"] for o in organisations}
    assert {"De Werkplaats vzw", "GTB Oost-Vlaanderen", "CGG Scheldeland"} <= names
    found = _read(client, "/api/v1/organisations?q=Scheldeland", headers)["items"]
    assert [o["name"] for o in found] == ["CGG Scheldeland"]
