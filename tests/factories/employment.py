"""Employers, contacts, internships, jobs, outflows and follow-ups, written straight to the DB."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, timedelta
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
from app.organisations.models import Organisation
from app.outflow.categories import OutflowCategory
from app.outflow.models import FollowUp, Outflow
from app.participants.models import Participant
from app.trajectories.models import Trajectory

_counter = itertools.count(1)


def make_employer(session: Session, organisation: Organisation, **overrides: Any) -> Employer:
    values: dict[str, Any] = {
        "organisation_id": organisation.id,
        "name": f"Werkgever {next(_counter)}",
    }
    values.update(overrides)
    employer = Employer(**values)
    session.add(employer)
    session.commit()
    return employer


def make_employer_contact(
    session: Session,
    employer: Employer,
    staff: User,
    *,
    trajectories: Sequence[Trajectory] = (),
    **overrides: Any,
) -> EmployerContact:
    values: dict[str, Any] = {
        "organisation_id": staff.organisation_id,
        "employer_id": employer.id,
        "staff_id": staff.id,
        "contacted_on": date.today() - timedelta(days=7),
        "in_person": True,
        "purpose": ContactPurpose.JOB_DEVELOPMENT,
    }
    values.update(overrides)
    contact = EmployerContact(
        **values,
        trajectory_links=[EmployerContactTrajectory(trajectory_id=t.id) for t in trajectories],
    )
    session.add(contact)
    session.commit()
    return contact


def make_internship(session: Session, trajectory: Trajectory, **overrides: Any) -> Internship:
    values: dict[str, Any] = {
        "trajectory_id": trajectory.id,
        "type": InternshipType.WORK_EXPERIENCE,
        "start_date": date.today() - timedelta(days=30),
        "result": InternshipResult.ONGOING,
    }
    values.update(overrides)
    internship = Internship(**values)
    session.add(internship)
    session.commit()
    return internship


def make_job(
    session: Session,
    participant: Participant,
    employer: Employer | None = None,
    **overrides: Any,
) -> Job:
    values: dict[str, Any] = {
        "participant_id": participant.id,
        "employer_id": employer.id if employer else None,
        "occupation": "Magazijnier",
        "start_date": date.today() - timedelta(days=10),
        "contract_type": ContractType.PERMANENT if employer else ContractType.SELF_EMPLOYED,
        "hours_per_week": Decimal("19.00"),
        "support_instrument": SupportInstrument.NONE,
        "disclosure": Disclosure.UNKNOWN,
    }
    values.update(overrides)
    job = Job(**values)
    session.add(job)
    session.commit()
    return job


def make_outflow(
    session: Session,
    trajectory: Trajectory,
    *,
    category: OutflowCategory = OutflowCategory.DROP_OUT,
    on: date | None = None,
    **overrides: Any,
) -> Outflow:
    """An outflow row only: the phase is not moved (use the API for the whole story)."""
    outflow = Outflow(
        trajectory_id=trajectory.id,
        category=category,
        date=on or date.today() - timedelta(days=5),
        **overrides,
    )
    session.add(outflow)
    session.commit()
    return outflow


def make_follow_up(session: Session, outflow: Outflow, **overrides: Any) -> FollowUp:
    values: dict[str, Any] = {
        "trajectory_id": outflow.trajectory_id,
        "outflow_id": outflow.id,
        "due_on": outflow.date + timedelta(days=90),
    }
    values.update(overrides)
    follow_up = FollowUp(**values)
    session.add(follow_up)
    session.commit()
    return follow_up
