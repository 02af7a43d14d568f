"""Demo organisations, work floors, a partnership and staff: what `make run` shows.

Idempotent: records are looked up by their natural key (organisation name, e-mail) first.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.security import hash_password
from app.organisations.models import (
    Organisation,
    OrganisationKind,
    PartnerRole,
    Partnership,
    PartnershipMember,
    Province,
    WorkFloor,
)

DEMO_PASSWORD = "werkpad-demo"  # noqa: S105 - printed for everyone; demo installs only


@dataclass(frozen=True)
class DemoLogin:
    email: str
    name: str
    role: Role
    organisation: str
    secrecy: bool
    platform_admin: bool = False


ORGANISATIONS = [
    ("Werkpad beheer", OrganisationKind.PLATFORM, None, None, None),
    (
        "De Werkplaats vzw",
        OrganisationKind.WORK_CARE,
        "0412345614",
        "AMA-OVL-0042",
        Province.OOST_VLAANDEREN,
    ),
    (
        "GTB Oost-Vlaanderen",
        OrganisationKind.MEDIATION,
        "0456789034",
        None,
        Province.OOST_VLAANDEREN,
    ),
    ("CGG Scheldeland", OrganisationKind.CARE, "0876543270", None, Province.OOST_VLAANDEREN),
]

WORK_FLOORS = [
    (
        "De Werkplaats vzw",
        "Keuken De Smaak",
        "Grootkeuken en catering",
        "Brugsesteenweg 12, 9000 Gent",
        12,
    ),
    (
        "De Werkplaats vzw",
        "Groendienst",
        "Groenonderhoud en tuinaanleg",
        "Meulestedekaai 3, 9000 Gent",
        10,
    ),
    ("De Werkplaats vzw", "Fietsatelier", "Herstel van fietsen", "Dampoortstraat 40, 9000 Gent", 8),
]

LOGINS = [
    DemoLogin("admin@werkpad.demo", "Ann Beheerder", Role.ADMIN, "Werkpad beheer", False, True),
    DemoLogin("beheer@dewerkplaats.demo", "Bart De Smet", Role.ADMIN, "De Werkplaats vzw", False),
    DemoLogin("coach@dewerkplaats.demo", "Sofie Claes", Role.COACH, "De Werkplaats vzw", False),
    DemoLogin(
        "coordinator@dewerkplaats.demo", "Koen Peeters", Role.MANAGER, "De Werkplaats vzw", False
    ),
    DemoLogin(
        "trajectbegeleider@gtb.demo", "Nadia El Amrani", Role.MEDIATOR, "GTB Oost-Vlaanderen", True
    ),
    DemoLogin(
        "ggz@cggscheldeland.demo", "Pieter Van den Broeck", Role.COUNSELLOR, "CGG Scheldeland", True
    ),
]

PARTNERSHIP = (
    "Werk en Zorg Gent",
    "De Werkplaats vzw",
    [
        ("De Werkplaats vzw", PartnerRole.WORK_CARE),
        ("GTB Oost-Vlaanderen", PartnerRole.MEDIATION),
        ("CGG Scheldeland", PartnerRole.CARE),
    ],
)


def seed_demo(session: Session) -> list[DemoLogin]:
    organisations: dict[str, Organisation] = {}
    for name, kind, kbo, ama, province in ORGANISATIONS:
        organisation = session.scalar(select(Organisation).where(Organisation.name == name))
        if organisation is None:
            organisation = Organisation(
                name=name, kind=kind, kbo_number=kbo, ama_recognition_number=ama, province=province
            )
            session.add(organisation)
            session.flush()
        organisations[name] = organisation

    for org_name, floor_name, activity, address, capacity in WORK_FLOORS:
        organisation = organisations[org_name]
        exists = session.scalar(
            select(WorkFloor.id).where(
                WorkFloor.organisation_id == organisation.id, WorkFloor.name == floor_name
            )
        )
        if not exists:
            session.add(
                WorkFloor(
                    organisation_id=organisation.id,
                    name=floor_name,
                    activity=activity,
                    address=address,
                    capacity=capacity,
                )
            )

    password_hash = hash_password(DEMO_PASSWORD)
    for login in LOGINS:
        if session.scalar(select(User.id).where(User.email == login.email)):
            continue
        session.add(
            User(
                email=login.email,
                name=login.name,
                password_hash=password_hash,
                role=login.role,
                organisation_id=organisations[login.organisation].id,
                bound_by_professional_secrecy=login.secrecy,
                is_platform_admin=login.platform_admin,
            )
        )

    name, lead, members = PARTNERSHIP
    if not session.scalar(select(Partnership.id).where(Partnership.name == name)):
        session.add(
            Partnership(
                name=name,
                lead_organisation_id=organisations[lead].id,
                members=[
                    PartnershipMember(organisation_id=organisations[o].id, partner_role=role)
                    for o, role in members
                ],
            )
        )
    session.flush()
    return LOGINS
