"""Case files with a record in every table that holds personal data, straight to the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.core.database import utcnow
from app.employment.models import Employer
from app.notes.models import Note, Visibility
from app.organisations.models import Organisation, WorkFloor
from app.outflow.categories import OutflowCategory
from app.participants.models import (
    ActivityPermission,
    BenefitKind,
    BenefitStatus,
    Participant,
    ParticipantChange,
    PermissionIssuer,
    VdabAdvice,
    VdabAdviceKind,
)
from app.progress.models import CompetenceItem, HalfDay, ProgressScore
from app.retention.models import Erasure
from app.trajectories.models import StatusChange, TeamMember, TeamRole, Trajectory
from app.trajectories.phases import Status
from tests.clock import today
from tests.factories.case_files import add_team_member, make_trajectory
from tests.factories.consents import give_consent, grant_break_glass
from tests.factories.employment import (
    make_employer_contact,
    make_follow_up,
    make_internship,
    make_job,
    make_outflow,
)
from tests.factories.funding import make_funder_month
from tests.factories.progress import (
    make_activation_session,
    make_attendance,
    make_goal,
    make_placement,
    make_progress_log,
    restore_default_competence_items,
)

API = "/api/v1"


def export_url(participant: Participant, **params: str) -> str:
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return f"{API}/participants/{participant.id}/export" + (f"?{query}" if query else "")


@dataclass
class Staffing:
    """Who writes the records: a counsellor of the owner, a care worker elsewhere (for the
    break-the-glass grant), the floor and an employer of the owner."""

    author: User
    outsider: User
    floor: WorkFloor
    employer: Employer


def fill_participant(session: Session, participant: Participant, partner: Organisation) -> None:
    """The dated facts about the person, a consent history with a withdrawal and an entry in
    the register of erasures (as re-created from the ledger: no requester)."""
    session.add_all(
        [
            BenefitStatus(
                participant_id=participant.id,
                kind=BenefitKind.RIZIV_WORK_INCAPACITATED,
                valid_from=today() - timedelta(days=400),
            ),
            ActivityPermission(
                participant_id=participant.id,
                issued_by=PermissionIssuer.ADVISING_PHYSICIAN,
                granted_on=today() - timedelta(days=390),
                reference="ADV-2026-17",
            ),
            VdabAdvice(
                participant_id=participant.id,
                advice=VdabAdviceKind.ARBEIDSZORG,
                advised_on=today() - timedelta(days=380),
            ),
            Erasure(
                participant_id=participant.id,
                requested_at=utcnow(),
                organisation_id=participant.organisation_id,
                reason="Verzoek per brief, ontvangen 3 maart",
            ),
            ParticipantChange(
                participant_id=participant.id,
                field="address",
                old_value="Oude Baan 3, 9000 Gent",
                new_value="Nieuwe Baan 5, 9000 Gent",
            ),
        ]
    )
    session.commit()
    give_consent(session, participant, partner, work=True, care=True)
    give_consent(
        session,
        participant,
        partner,
        purpose="Vroegere samenwerking",
        given_on=today() - timedelta(days=300),
        withdrawn_on=today() - timedelta(days=200),
        withdrawal_reason="Wil dit niet meer delen",
    )


def fill_trajectory(session: Session, trajectory: Trajectory, staffing: Staffing) -> None:
    """One record of every kind on ``trajectory``, notes of every visibility included."""
    restore_default_competence_items(session)
    author, day = staffing.author, today() - timedelta(days=20)
    participant = session.get(Participant, trajectory.participant_id)
    assert participant is not None
    on_team = select(TeamMember.id).where(
        TeamMember.trajectory_id == trajectory.id, TeamMember.user_id == author.id
    )
    if session.scalar(on_team) is None:
        add_team_member(session, trajectory, author, team_role=TeamRole.CASE_MANAGER_CARE)
    session.add_all(
        [
            StatusChange(
                trajectory_id=trajectory.id,
                from_status=Status.ACTIVE,
                to_status=Status.PAUSED,
                on=day - timedelta(days=30),
                by_user_id=author.id,
                reason="Opname",
                expected_return_on=day - timedelta(days=10),
            ),
            StatusChange(
                trajectory_id=trajectory.id,
                from_status=Status.PAUSED,
                to_status=Status.ACTIVE,
                on=day - timedelta(days=12),
                by_user_id=author.id,
            ),
        ]
    )
    session.commit()
    placement = make_placement(session, trajectory, staffing.floor, coach_id=author.id)
    make_attendance(session, placement, on=day, half_day=HalfDay.AM)
    make_attendance(session, placement, on=day, half_day=HalfDay.PM)
    item = session.scalars(select(CompetenceItem).order_by(CompetenceItem.sort_order)).first()
    assert item is not None
    make_progress_log(
        session,
        trajectory,
        author.id,
        logged_on=day,
        placement_id=placement.id,
        scores=[
            ProgressScore(competence_item_id=item.id, item_code=item.code, sort_order=1, score=3)
        ],
    )
    make_goal(session, trajectory, owner_id=author.id, due_on=day)
    make_activation_session(session, trajectory, held_on=day, report="Sollicitatiebrief")
    make_internship(
        session, trajectory, employer_id=staffing.employer.id, start_date=day, mentor_name="Els"
    )
    job = make_job(session, participant, staffing.employer, trajectory_id=trajectory.id)
    make_employer_contact(
        session, staffing.employer, author, trajectories=[trajectory], summary="Kennismaking"
    )
    outflow = make_outflow(session, trajectory, category=OutflowCategory.REGULAR_JOB, job_id=job.id)
    make_follow_up(session, outflow)
    make_funder_month(session, trajectory, today().replace(day=1) - timedelta(days=40))
    for visibility in Visibility:
        session.add(
            Note(
                trajectory_id=trajectory.id,
                author_id=author.id,
                author_organisation_id=author.organisation_id,
                visibility=visibility,
                written_on=day,
                body=f"canary-{visibility.value}-{trajectory.id}",
            )
        )
    session.commit()
    grant_break_glass(session, trajectory, staffing.outsider)


def rich_trajectory(
    session: Session,
    participant: Participant,
    owner: Organisation,
    staffing: Staffing,
    *,
    framework_code: str = "ama_welfare",
) -> Trajectory:
    trajectory = make_trajectory(session, participant, owner, framework_code=framework_code)
    fill_trajectory(session, trajectory, staffing)
    return trajectory
