"""One case file shared by organisations A (owner), B (GTB) and C (GGZ), seen by everyone
the access rules distinguish. Each test changes one relation and checks the answer."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.notes.models import Note, Visibility
from app.organisations.models import (
    Organisation,
    OrganisationKind,
    PartnerRole,
    Partnership,
    PartnershipMember,
    WorkFloor,
)
from app.participants.models import Participant
from app.trajectories.models import TeamRole, Trajectory
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.organisations import make_organisation, make_work_floor
from tests.factories.users import make_user


@dataclass
class World:
    owner: Organisation
    gtb: Organisation
    ggz: Organisation
    partner: Organisation
    stranger_org: Organisation
    floor: WorkFloor
    participant: Participant
    trajectory: Trajectory
    mediator: User  # owner, not on the team
    coach: User  # owner, neither placed nor on the team until a test says so
    counsellor: User  # owner, secrecy-bound, on the team
    manager: User  # owner
    admin: User  # owner
    gtb_mediator: User  # on the team
    ggz_counsellor: User  # on the team, secrecy-bound
    partner_manager: User
    stranger_counsellor: User  # secrecy-bound, no relation at all
    notes: dict[Visibility, Note]


@pytest.fixture
def world(session: Session) -> World:
    owner = make_organisation(session, name="Werkplaats Eigenaar")
    gtb = make_organisation(session, name="GTB Regio", kind=OrganisationKind.MEDIATION)
    ggz = make_organisation(session, name="CGG Regio", kind=OrganisationKind.CARE)
    partner = make_organisation(session, name="Partner Arbeidszorg")
    stranger_org = make_organisation(session, name="Ver Weg")
    partnership = Partnership(name="Samenwerking Regio", lead_organisation_id=owner.id)
    session.add(partnership)
    session.flush()
    for organisation, role in ((owner, PartnerRole.WORK_CARE), (partner, PartnerRole.WORK_CARE)):
        session.add(
            PartnershipMember(
                partnership_id=partnership.id, organisation_id=organisation.id, partner_role=role
            )
        )
    session.commit()
    participant = make_participant(session, owner, first_name="Canary", last_name="Vogelaar")
    trajectory = make_trajectory(session, participant, owner)
    counsellor = make_user(session, owner, role=Role.COUNSELLOR, bound_by_professional_secrecy=True)
    gtb_mediator = make_user(session, gtb, role=Role.MEDIATOR)
    ggz_counsellor = make_user(
        session, ggz, role=Role.COUNSELLOR, bound_by_professional_secrecy=True
    )
    add_team_member(session, trajectory, counsellor, team_role=TeamRole.CASE_MANAGER_CARE)
    add_team_member(session, trajectory, gtb_mediator, team_role=TeamRole.CASE_MANAGER_WORK)
    add_team_member(session, trajectory, ggz_counsellor, team_role=TeamRole.CASE_MANAGER_CARE)
    notes = {}
    for visibility in Visibility:
        note = Note(
            trajectory_id=trajectory.id,
            author_id=counsellor.id,
            author_organisation_id=owner.id,
            visibility=visibility,
            written_on=trajectory.referred_on,
            body=f"canary-{visibility.value}",
        )
        session.add(note)
        notes[visibility] = note
    session.commit()
    return World(
        owner=owner,
        gtb=gtb,
        ggz=ggz,
        partner=partner,
        stranger_org=stranger_org,
        floor=make_work_floor(session, owner),
        participant=participant,
        trajectory=trajectory,
        mediator=make_user(session, owner, role=Role.MEDIATOR),
        coach=make_user(session, owner, role=Role.COACH),
        counsellor=counsellor,
        manager=make_user(session, owner, role=Role.MANAGER),
        admin=make_user(session, owner, role=Role.ADMIN),
        gtb_mediator=gtb_mediator,
        ggz_counsellor=ggz_counsellor,
        partner_manager=make_user(session, partner, role=Role.MANAGER),
        stranger_counsellor=make_user(
            session, stranger_org, role=Role.COUNSELLOR, bound_by_professional_secrecy=True
        ),
        notes=notes,
    )
