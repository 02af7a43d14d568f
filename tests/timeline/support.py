"""Arranging case files for the timeline tests: records of every kind, straight to the DB."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.auth.models import User
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
from app.organisations.models import WorkFloor
from app.outflow.categories import OutflowCategory
from app.outflow.models import FollowUp, FollowUpSource, FollowUpStatus, Outflow
from app.progress.models import (
    ActivationSession,
    Goal,
    GoalDomain,
    Placement,
    ProgressLog,
    SessionComponent,
)
from app.trajectories.models import PhaseChange, StatusChange, TeamMember, TeamRole, Trajectory
from app.trajectories.phases import Phase, Status

API = "/api/v1"
Auth = Callable[[User], dict[str, str]]

# The kinds one record of each of the twelve record types gives (team changes aside).
RECORD_KINDS = [
    "phase_change",
    "status_change",
    "placement",
    "progress_log",
    "goal",
    "activation_session",
    "note",
    "internship",
    "job",
    "employer_contact",
    "follow_up",
    "outflow",
]


def noon_utc(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def records_of_every_kind(
    trajectory: Trajectory,
    *,
    author: User,
    floor: WorkFloor,
    employer: Employer,
    outflow: Outflow,
    day: date,
    n: int = 0,
) -> list[Any]:
    """One unsaved record of each kind in RECORD_KINDS except the outflow, dated ``day``."""
    return [
        PhaseChange(
            trajectory_id=trajectory.id,
            from_phase=Phase.PLACEMENT if n % 2 else Phase.ACTIVATION,
            to_phase=Phase.ACTIVATION if n % 2 else Phase.PLACEMENT,
            on=day,
            by_user_id=author.id,
            reason=f"Fasewissel {n}",
        ),
        StatusChange(
            trajectory_id=trajectory.id,
            from_status=Status.ACTIVE,
            to_status=Status.PAUSED,
            on=day,
            by_user_id=author.id,
            reason=f"Ziek {n}",
        ),
        Placement(
            trajectory_id=trajectory.id,
            work_floor_id=floor.id,
            planned_hours_per_week=Decimal("12"),
            planned_half_days_per_week=4,
            start_date=day,
            created_by=author.id,
        ),
        ProgressLog(
            trajectory_id=trajectory.id, author_id=author.id, logged_on=day, text=f"Verslag {n}"
        ),
        Goal(
            trajectory_id=trajectory.id,
            domain=GoalDomain.WORK,
            description=f"Doel {n}",
            created_by=author.id,
            created_at=noon_utc(day),
        ),
        ActivationSession(
            trajectory_id=trajectory.id,
            component=SessionComponent.EMPOWERMENT,
            provider="CAW",
            held_on=day,
            minutes=60,
            created_by=author.id,
        ),
        Note(
            trajectory_id=trajectory.id,
            author_id=author.id,
            author_organisation_id=author.organisation_id,
            visibility=Visibility.TEAM,
            written_on=day,
            body=f"Notitie {n}",
        ),
        Internship(
            trajectory_id=trajectory.id,
            type=InternshipType.WORK_EXPERIENCE,
            employer_id=employer.id,
            start_date=day,
            result=InternshipResult.ONGOING,
            created_by=author.id,
        ),
        Job(
            participant_id=trajectory.participant_id,
            trajectory_id=trajectory.id,
            employer_id=employer.id,
            occupation=f"Magazijnier {n}",
            start_date=day,
            contract_type=ContractType.PERMANENT,
            hours_per_week=Decimal("19"),
            support_instrument=SupportInstrument.NONE,
            disclosure=Disclosure.UNKNOWN,
            created_by=author.id,
        ),
        EmployerContact(
            organisation_id=author.organisation_id,
            employer_id=employer.id,
            staff_id=author.id,
            contacted_on=day,
            in_person=True,
            purpose=ContactPurpose.JOB_SEARCH_FOR_PARTICIPANT,
            summary=f"Gesprek {n}",
            trajectory_links=[EmployerContactTrajectory(trajectory_id=trajectory.id)],
        ),
        FollowUp(
            trajectory_id=trajectory.id,
            outflow_id=outflow.id,
            due_on=day,
            contacted_on=day,
            status=FollowUpStatus.SAME_JOB,
            source=FollowUpSource.SELF_REPORT,
            recorded_by=author.id,
        ),
    ]


def fill_case_file(
    session: Session,
    trajectory: Trajectory,
    *,
    author: User,
    floor: WorkFloor,
    employer: Employer,
    days: int,
    team: Sequence[User],
) -> None:
    """One record of every kind for each of the last ``days`` days (the newest today), an
    outflow today, and a mini-team of ``team`` that joined on successive days before today;
    the first member left today."""
    today = date.today()
    outflow = Outflow(
        trajectory_id=trajectory.id,
        date=today,
        category=OutflowCategory.DROP_OUT,
        recorded_by=author.id,
    )
    session.add(outflow)
    session.flush()
    for n in range(days):
        day = today - timedelta(days=n)
        session.add_all(
            records_of_every_kind(
                trajectory,
                author=author,
                floor=floor,
                employer=employer,
                outflow=outflow,
                day=day,
                n=n,
            )
        )
    for n, user in enumerate(team):
        session.add(
            TeamMember(
                trajectory_id=trajectory.id,
                user_id=user.id,
                team_role=TeamRole.CASE_MANAGER_WORK if n == 0 else TeamRole.COACH,
                from_date=today - timedelta(days=n + 1),
                to_date=today if n == 0 else None,
            )
        )
    session.commit()


def walk(client: Any, url: str, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    """Every item of a timeline, page by page."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        query = dict(params, **({"cursor": cursor} if cursor else {}))
        response = client.get(url, params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("the walk did not end")
