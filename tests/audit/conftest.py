"""Two organisations, each with a case file, an admin and care staff: enough to see who is
recorded doing what, and which admin may read which events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.auth.models import Role, User
from app.notes.models import Note, Visibility
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.trajectories.models import Trajectory
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user


@dataclass
class World:
    org_a: Organisation
    org_b: Organisation
    participant_a: Participant
    trajectory_a: Trajectory
    participant_b: Participant
    trajectory_b: Trajectory
    counsellor_a: User  # secrecy-bound, owning organisation: reads and writes the file
    coach_a: User
    admin_a: User
    counsellor_b: User  # secrecy-bound, another organisation: sees A's file only by the glass
    admin_b: User
    note_a: Note


@pytest.fixture
def world(session: Session) -> World:
    org_a = make_organisation(session, name="Werkplaats A")
    org_b = make_organisation(session, name="Werkplaats B")
    participant_a = make_participant(session, org_a)
    participant_b = make_participant(session, org_b)
    trajectory_a = make_trajectory(session, participant_a)
    counsellor_a = make_user(
        session, org_a, role=Role.COUNSELLOR, bound_by_professional_secrecy=True, name="Anna"
    )
    note_a = Note(
        trajectory_id=trajectory_a.id,
        author_id=counsellor_a.id,
        author_organisation_id=org_a.id,
        visibility=Visibility.TEAM,
        written_on=trajectory_a.referred_on,
        body="Eerste week goed gestart.",
    )
    session.add(note_a)
    session.commit()
    return World(
        org_a=org_a,
        org_b=org_b,
        participant_a=participant_a,
        trajectory_a=trajectory_a,
        participant_b=participant_b,
        trajectory_b=make_trajectory(session, participant_b),
        counsellor_a=counsellor_a,
        coach_a=make_user(session, org_a, role=Role.COACH),
        admin_a=make_user(session, org_a, role=Role.ADMIN),
        counsellor_b=make_user(
            session, org_b, role=Role.COUNSELLOR, bound_by_professional_secrecy=True, name="Bert"
        ),
        admin_b=make_user(session, org_b, role=Role.ADMIN),
        note_a=note_a,
    )


def events(session: Session, *, after: int = 0) -> Sequence[AuditEvent]:
    """The stored events (fresh from the database), oldest first."""
    session.expire_all()
    found = session.scalars(
        select(AuditEvent).where(AuditEvent.seq > after).order_by(AuditEvent.seq)
    ).all()
    session.commit()  # hold no lock on the table (tests change its triggers)
    return found


def last_seq(session: Session) -> int:
    found = events(session)
    return found[-1].seq if found else 0
