"""A case file with the canary person's name, INSZ and e-mail in every free text it has,
a scan of every column of every table for those values, and the figures reports rely on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.access.models import BreakGlassGrant
from app.all_models import metadata
from app.auth.models import Role, User
from app.consents.models import GivenBy
from app.core.database import utcnow
from app.core.dates import add_months
from app.employment.models import Internship, InternshipResult, Job
from app.funding.models import FunderDecision, FunderMonth
from app.notes.models import Note, Visibility
from app.organisations.models import Organisation, WorkFloor
from app.outflow.categories import OutflowCategory
from app.outflow.models import FollowUp, FollowUpSource, FollowUpStatus, Outflow
from app.participants.models import (
    ActivityPermission,
    BenefitKind,
    BenefitStatus,
    Participant,
    ParticipantChange,
    PermissionIssuer,
)
from app.progress.models import (
    ActivationSession,
    Attendance,
    AttendanceStatus,
    CompetenceItem,
    Goal,
    GoalDomain,
    GoalStatus,
    HalfDay,
    Placement,
    ProgressLog,
    ProgressScore,
    SessionComponent,
)
from app.trajectories.models import PhaseChange, StatusChange, Trajectory
from app.trajectories.phases import Phase, Status
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.consents import give_consent
from tests.factories.employment import (
    make_employer,
    make_employer_contact,
    make_follow_up,
    make_internship,
    make_job,
    make_outflow,
)
from tests.factories.organisations import make_work_floor
from tests.factories.progress import (
    make_activation_session,
    make_attendance,
    make_goal,
    make_placement,
    make_progress_log,
    restore_default_competence_items,
)
from tests.factories.users import make_user

API = "/api/v1"
FIRST, LAST = "Canarius", "Vogelzang"
INSZ = "93051822361"
EMAIL = "canarius.vogelzang@example.org"
PHONE = "0470 12 34 56"
CANARIES = (FIRST, LAST, INSZ, EMAIL, PHONE)


def erasure_url(participant_id: Any) -> str:
    return f"{API}/participants/{participant_id}/erasure"


@dataclass
class CaseFile:
    participant: Participant
    trajectory: Trajectory
    floor: WorkFloor
    author: User


def make_canary(session: Session, organisation: Organisation, **overrides: Any) -> Participant:
    values: dict[str, Any] = {
        "first_name": FIRST,
        "last_name": LAST,
        "preferred_name": f"{FIRST} V.",
        "birth_date": date(1993, 5, 18),
        "insz": INSZ,
        "email": EMAIL,
        "phone": PHONE,
        "address": f"{LAST}straat 7, 9000 Gent",
    }
    values.update(overrides)
    return make_participant(session, organisation, **values)


def close(session: Session, trajectory: Trajectory, on: date, *, reason: str | None) -> None:
    session.add(
        StatusChange(
            trajectory_id=trajectory.id,
            from_status=trajectory.status,
            to_status=Status.CLOSED,
            on=on,
            reason=reason,
        )
    )
    trajectory.status = Status.CLOSED
    trajectory.closed_on = on
    session.commit()


def make_case_file(
    session: Session,
    organisation: Organisation,
    participant: Participant,
    *,
    closed_on: date | None,
) -> CaseFile:
    """Every kind of record a trajectory can hold, each free text naming the person.
    Open unless ``closed_on`` is given; all dates lie before it."""
    end = closed_on or date.today()
    first, last = participant.first_name, participant.last_name
    says = f"{first} {last} ({participant.insz}, {participant.email})"
    start = end - timedelta(days=400)
    author = make_user(
        session, organisation, role=Role.COUNSELLOR, bound_by_professional_secrecy=True
    )
    floor = make_work_floor(session, organisation)
    trajectory = make_trajectory(session, participant, organisation, started_on=start)
    trajectory.pause_reason = f"Opname van {says}"
    session.add_all(
        [
            PhaseChange(
                trajectory_id=trajectory.id,
                from_phase=Phase.INTAKE,
                to_phase=Phase.PLACEMENT,
                on=start + timedelta(days=10),
                reason=f"{says} start op de vloer",
            ),
            StatusChange(
                trajectory_id=trajectory.id,
                from_status=Status.ACTIVE,
                to_status=Status.PAUSED,
                on=start + timedelta(days=50),
                reason=f"Crisis bij {says}",
            ),
            StatusChange(
                trajectory_id=trajectory.id,
                from_status=Status.PAUSED,
                to_status=Status.ACTIVE,
                on=start + timedelta(days=60),
            ),
            BenefitStatus(
                participant_id=participant.id, kind=BenefitKind.LEEFLOON, valid_from=start
            ),
            ActivityPermission(
                participant_id=participant.id,
                issued_by=PermissionIssuer.OCMW,
                granted_on=start,
                reference=f"OCMW/{participant.insz}",
            ),
            # Rectifications: the record as it was before an edit names the person too.
            ParticipantChange(
                participant_id=participant.id,
                changed_by=author.id,
                field="email",
                old_value=participant.email,
                new_value=f"nieuw.{participant.email}",
            ),
            ParticipantChange(
                participant_id=participant.id,
                changed_by=author.id,
                field="last_name",
                old_value=f"{last}-Oud",
                new_value=last,
            ),
        ]
    )
    trajectory.phase = Phase.PLACEMENT
    session.commit()

    placement = make_placement(
        session,
        trajectory,
        floor,
        start_date=start + timedelta(days=10),
        agreement_reference=f"AMA-{last}",
        capacity_override_reason=f"{says} kan niet wachten",
    )
    for offset, status, hours, reason in (
        (20, AttendanceStatus.PRESENT, Decimal("3"), None),
        (21, AttendanceStatus.PRESENT, Decimal("2.5"), f"{first} vroeger weg"),
        (22, AttendanceStatus.SICK, Decimal("0"), f"{says} bij de psychiater"),
    ):
        make_attendance(
            session,
            placement,
            on=start + timedelta(days=offset),
            half_day=HalfDay.AM,
            status=status,
            hours=hours,
            reason=reason,
        )
    restore_default_competence_items(session)
    log = make_progress_log(
        session,
        trajectory,
        author.id,
        placement_id=placement.id,
        logged_on=start + timedelta(days=30),
        text=f"{says} werkt stipt",
    )
    session.add_all(
        [
            ProgressScore(
                progress_log_id=log.id, competence_item_id=item_id, item_code=code, score=s
            )
            for (item_id, code), s in zip(_default_items(session), (3, 2, None), strict=False)
        ]
    )
    make_goal(
        session,
        trajectory,
        domain=GoalDomain.WORK,
        description=f"{first} leert de kassa",
        evaluation=f"{says} kan het",
        status=GoalStatus.DONE,
    )
    make_goal(
        session,
        trajectory,
        domain=GoalDomain.CARE,
        description=f"{says} neemt medicatie",
        due_on=start + timedelta(days=90),
    )
    make_activation_session(
        session,
        trajectory,
        component=SessionComponent.CARE,
        provider=f"Therapeut van {last}",
        held_on=start + timedelta(days=40),
        minutes=50,
        report=f"{says}: angst",
    )
    make_activation_session(
        session,
        trajectory,
        component=SessionComponent.JOB_SEARCH,
        held_on=start + timedelta(days=41),
        minutes=90,
        report=f"CV van {says}",
    )
    for visibility in Visibility:
        session.add(
            Note(
                trajectory_id=trajectory.id,
                author_id=author.id,
                author_organisation_id=organisation.id,
                visibility=visibility,
                written_on=start + timedelta(days=45),
                body=f"{visibility.value}: {says}",
            )
        )
    employer = make_employer(session, organisation, name="Bakkerij De Korenaar")
    make_internship(
        session,
        trajectory,
        employer_id=employer.id,
        mentor_name=f"Mentor van {first}",
        start_date=start + timedelta(days=100),
        end_date=start + timedelta(days=130),
        early_end_reason=f"{says} stopte",
        result=InternshipResult.ENDED_EARLY,
    )
    job = make_job(
        session,
        participant,
        employer,
        trajectory_id=trajectory.id,
        occupation=f"Bakkershulp ({first})",
        start_date=start + timedelta(days=200),
        gross_hourly_wage=Decimal("14.20"),
    )
    make_job(
        session,
        participant,
        occupation=f"Eigen zaak van {last}",
        start_date=start - timedelta(days=300),
        end_date=start - timedelta(days=10),
        end_reason=f"{says} ging failliet",
    )
    outflow = make_outflow(
        session,
        trajectory,
        category=OutflowCategory.REGULAR_JOB,
        on=start + timedelta(days=200),
        job_id=job.id,
        reason=f"{says} vond werk",
    )
    make_follow_up(
        session,
        outflow,
        months_after=3,
        due_on=outflow.date + timedelta(days=91),
        contacted_on=outflow.date + timedelta(days=92),
        status=FollowUpStatus.SAME_JOB,
        hours_per_week=Decimal("19"),
        source=FollowUpSource.SELF_REPORT,
        note=f"{says} is tevreden",
    )
    make_employer_contact(
        session,
        employer,
        author,
        trajectories=[trajectory],
        contacted_on=start + timedelta(days=190),
        summary=f"{says} voorgesteld",
    )
    session.add_all(
        [
            FunderMonth(
                trajectory_id=trajectory.id,
                month=add_months(date(start.year, start.month, 1), 2),
                decision=FunderDecision.REJECTED,
                comment=f"{first} was opgenomen",
                decided_at=utcnow(),
            ),
            BreakGlassGrant(
                trajectory_id=trajectory.id,
                user_id=author.id,
                organisation_id=organisation.id,
                reason=f"Crisis: {says} is opgenomen",
                started_at=utcnow() - timedelta(days=300),
                expires_at=utcnow() - timedelta(days=300) + timedelta(hours=1),
            ),
        ]
    )
    session.commit()
    give_consent(
        session,
        participant,
        organisation,
        care=True,
        given_on=start,
        purpose=f"Delen over {says}",
        given_by=GivenBy.REPRESENTATIVE,
        representative_name=f"Moeder {last}",
        evidence=f"Formulier {participant.insz}",
        withdrawn_on=start + timedelta(days=300),
        withdrawal_reason=f"{first} wil het niet meer",
    )
    trajectory.phase = Phase.OUTFLOW
    session.commit()
    if closed_on is not None:
        close(session, trajectory, closed_on, reason=f"Afgesloten voor {says}")
    return CaseFile(participant, trajectory, floor, author)


def _default_items(session: Session) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(CompetenceItem.id, CompetenceItem.code)
        .where(CompetenceItem.organisation_id.is_(None))
        .order_by(CompetenceItem.sort_order)
    ).all()
    return [(item_id, code) for item_id, code in rows]


def canary_hits(engine: Engine, canaries: tuple[str, ...] = CANARIES) -> set[tuple[str, str]]:
    """(table, column) of every stored value, in every table, that holds a canary."""
    wanted = [c.lower() for c in canaries]
    hits = set()
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            for row in connection.execute(table.select()).mappings():
                for column, value in row.items():
                    if value is None:
                        continue
                    text = (
                        value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
                    ).lower()
                    if any(canary in text for canary in wanted):
                        hits.add((table.name, str(column)))
    return hits


def _rows(session: Session, *columns: Any, where: Any) -> list[tuple[str, ...]]:
    found = session.execute(select(*columns).where(where)).all()
    return sorted(tuple(map(str, row)) for row in found)


def figures(session: Session, participant_id: Any) -> dict[str, Any]:
    """What reports count about one person: every one must survive de-identification."""
    session.expire_all()
    trajectories = select(Trajectory.id).where(Trajectory.participant_id == participant_id)
    placements = select(Placement.id).where(Placement.trajectory_id.in_(trajectories))
    logs = select(ProgressLog.id).where(ProgressLog.trajectory_id.in_(trajectories))
    birth = session.scalar(select(Participant.birth_date).where(Participant.id == participant_id))
    assert birth is not None
    in_them = Trajectory.id.in_(trajectories)
    return {
        "birth_year": birth.year,
        "trajectories": _rows(
            session,
            Trajectory.framework_code,
            Trajectory.phase,
            Trajectory.status,
            Trajectory.referred_on,
            Trajectory.started_on,
            Trajectory.closed_on,
            where=in_them,
        ),
        "phases": _rows(
            session,
            PhaseChange.to_phase,
            PhaseChange.on,
            where=PhaseChange.trajectory_id.in_(trajectories),
        ),
        "statuses": _rows(
            session,
            StatusChange.to_status,
            StatusChange.on,
            where=StatusChange.trajectory_id.in_(trajectories),
        ),
        "attendance": _rows(
            session,
            Attendance.date,
            Attendance.status,
            Attendance.hours,
            where=Attendance.placement_id.in_(placements),
        ),
        "scores": _rows(
            session,
            ProgressScore.item_code,
            ProgressScore.score,
            where=ProgressScore.progress_log_id.in_(logs),
        ),
        "goals": _rows(
            session,
            Goal.domain,
            Goal.status,
            Goal.due_on,
            where=Goal.trajectory_id.in_(trajectories),
        ),
        "sessions": _rows(
            session,
            ActivationSession.component,
            ActivationSession.minutes,
            where=ActivationSession.trajectory_id.in_(trajectories),
        ),
        "notes": _rows(
            session, Note.visibility, Note.written_on, where=Note.trajectory_id.in_(trajectories)
        ),
        "outflow": _rows(
            session, Outflow.category, Outflow.date, where=Outflow.trajectory_id.in_(trajectories)
        ),
        "follow_ups": _rows(
            session,
            FollowUp.status,
            FollowUp.contacted_on,
            FollowUp.hours_per_week,
            where=FollowUp.trajectory_id.in_(trajectories),
        ),
        "funder_months": _rows(
            session,
            FunderMonth.month,
            FunderMonth.decision,
            where=FunderMonth.trajectory_id.in_(trajectories),
        ),
        "jobs": _rows(
            session,
            Job.employer_id,
            Job.start_date,
            Job.end_date,
            Job.hours_per_week,
            Job.gross_hourly_wage,
            Job.support_instrument,
            where=Job.participant_id == participant_id,
        ),
        "internships": _rows(
            session,
            Internship.type,
            Internship.employer_id,
            Internship.start_date,
            Internship.end_date,
            Internship.result,
            where=Internship.trajectory_id.in_(trajectories),
        ),
    }


def snapshot(engine: Engine) -> dict[str, list[str]]:
    """Every row of every table, as text: equal snapshots mean nothing was changed."""
    with engine.connect() as connection:
        return {
            table.name: sorted(str(tuple(row)) for row in connection.execute(table.select()))
            for table in metadata.sorted_tables
        }
