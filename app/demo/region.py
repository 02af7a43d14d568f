"""The demo region's fixed part: organisations, work floors, staff, partnerships, employers.

Looked up by natural key (organisation name, work floor per organisation, e-mail, partnership
name) before anything is added, so seeding twice adds nothing and an older demo database
(the first four organisations and six logins) is completed rather than duplicated.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

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

K = OrganisationKind
OVL = Province.OOST_VLAANDEREN


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    kind: OrganisationKind
    kbo_number: str | None
    ama_recognition_number: str | None
    province: Province | None
    area: str | None = None  # where its participants live (people.MUNICIPALITIES)


# Organisation names stay unique as substrings too: the browser tests search "Scheldeland".
ORGANISATIONS = [
    DemoOrganisation("Werkpad beheer", K.PLATFORM, None, None, None),
    DemoOrganisation("De Werkplaats vzw", K.WORK_CARE, "0412345614", "AMA-OVL-0042", OVL, "gent"),
    DemoOrganisation(
        "Arbeidszorg De Kiem vzw", K.WORK_CARE, "0441872315", "AMA-OVL-0107", OVL, "aalst"
    ),
    DemoOrganisation(
        "Atelier Ten Bos vzw", K.WORK_CARE, "0452390182", "AMA-OVL-0088", OVL, "deinze"
    ),
    DemoOrganisation(
        "Wase Werkplaatsen", K.MAATWERKBEDRIJF, "0429761567", "AMA-OVL-0131", OVL, "waas"
    ),
    DemoOrganisation(
        "Maatwerkbedrijf Denderland", K.MAATWERKBEDRIJF, "0438114950", None, OVL, "aalst"
    ),
    DemoOrganisation("GTB Oost-Vlaanderen", K.MEDIATION, "0456789034", None, OVL, "gent"),
    DemoOrganisation("VDAB Gent", K.MEDIATION, "0887010362", None, OVL, "gent"),
    DemoOrganisation("CGG Scheldeland", K.CARE, "0876543270", None, OVL, "gent"),
    DemoOrganisation("PC Ter Leie", K.CARE, "0414620758", None, OVL, "deinze"),
    DemoOrganisation("CAW Oost-Vlaanderen", K.CARE, "0478305218", None, OVL, "aalst"),
    DemoOrganisation("Herstelacademie Gent vzw", K.EMPOWERMENT, "0690443129", None, OVL, "gent"),
    DemoOrganisation("Ontmoetingshuis Het Anker vzw", K.EMPOWERMENT, "0446215836", None, OVL),
    DemoOrganisation("OCMW Gent", K.OCMW, "0212234119", None, OVL, "gent"),
    DemoOrganisation("OCMW Aalst", K.OCMW, "0212153450", None, OVL, "aalst"),
    DemoOrganisation("Bakkerij Vermeulen bv", K.EMPLOYER, "0467128838", None, OVL),
    DemoOrganisation("Logistiek Gent-Zeehaven nv", K.EMPLOYER, "0473390583", None, OVL),
    DemoOrganisation("Departement Werk en Sociale Economie", K.FUNDER, "0316380940", None, None),
    DemoOrganisation("Provincie Oost-Vlaanderen", K.FUNDER, "0207725104", None, OVL),
]


@dataclass(frozen=True)
class DemoWorkFloor:
    organisation: str
    name: str
    activity: str
    address: str
    capacity: int


WORK_FLOORS = [
    DemoWorkFloor(
        "De Werkplaats vzw",
        "Keuken De Smaak",
        "Grootkeuken en catering",
        "Brugsesteenweg 12, 9000 Gent",
        12,
    ),
    DemoWorkFloor(
        "De Werkplaats vzw",
        "Groendienst",
        "Groenonderhoud en tuinaanleg",
        "Meulestedekaai 3, 9000 Gent",
        10,
    ),
    DemoWorkFloor(
        "De Werkplaats vzw",
        "Fietsatelier",
        "Herstel van fietsen",
        "Dampoortstraat 40, 9000 Gent",
        8,
    ),
    DemoWorkFloor(
        "De Werkplaats vzw",
        "Textielatelier De Draad",
        "Naaien, herstellen en strijken",
        "Sleepstraat 77, 9000 Gent",
        8,
    ),
    DemoWorkFloor(
        "Arbeidszorg De Kiem vzw",
        "Sorteerploeg",
        "Sorteren en prijzen voor de kringwinkel",
        "Erembodegemstraat 21, 9300 Aalst",
        10,
    ),
    DemoWorkFloor(
        "Arbeidszorg De Kiem vzw",
        "Houtatelier",
        "Meubels opknappen en houtbewerking",
        "Erembodegemstraat 21, 9300 Aalst",
        6,
    ),
    DemoWorkFloor(
        "Arbeidszorg De Kiem vzw",
        "Groenploeg Aalst",
        "Onderhoud van parken en bermen",
        "Kapellekensbaan 5, 9320 Erembodegem",
        8,
    ),
    DemoWorkFloor(
        "Atelier Ten Bos vzw",
        "Zorgboerderij",
        "Dierenverzorging en moestuin",
        "Ten Bosstraat 2, 9800 Deinze",
        6,
    ),
    DemoWorkFloor(
        "Atelier Ten Bos vzw",
        "Strijkatelier",
        "Strijk- en naaidienst",
        "Markt 14, 9800 Deinze",
        8,
    ),
    DemoWorkFloor(
        "Wase Werkplaatsen",
        "Verpakking en montage",
        "Verpakken, etiketteren en eenvoudige montage",
        "Industriepark-Noord 9, 9100 Sint-Niklaas",
        15,
    ),
    DemoWorkFloor(
        "Wase Werkplaatsen",
        "Groenonderhoud Waasland",
        "Groenonderhoud voor gemeenten",
        "Industriepark-Noord 9, 9100 Sint-Niklaas",
        10,
    ),
    DemoWorkFloor(
        "Maatwerkbedrijf Denderland",
        "Schrijnwerkerij",
        "Houtbewerking op bestelling",
        "Noordlaan 30, 9200 Dendermonde",
        10,
    ),
    DemoWorkFloor(
        "Maatwerkbedrijf Denderland",
        "Schoonmaakploeg",
        "Schoonmaak van kantoren en scholen",
        "Noordlaan 30, 9200 Dendermonde",
        12,
    ),
]


@dataclass(frozen=True)
class DemoLogin:
    email: str
    name: str
    role: Role
    organisation: str
    secrecy: bool
    platform_admin: bool = False


# The logins the README and the browser tests use: keep e-mails and names exactly.
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


def _staff(
    organisation: str, domain: str, role: Role, name: str, *, secrecy: bool = False
) -> DemoLogin:
    local = name.lower().replace("'", "").replace("ë", "e").replace(" ", ".")
    return DemoLogin(f"{local}@{domain}", name, role, organisation, secrecy)


W, KIEM, BOS = "De Werkplaats vzw", "Arbeidszorg De Kiem vzw", "Atelier Ten Bos vzw"
WAAS, DENDER = "Wase Werkplaatsen", "Maatwerkbedrijf Denderland"
GTB, VDAB = "GTB Oost-Vlaanderen", "VDAB Gent"
CGG, PC, CAW = "CGG Scheldeland", "PC Ter Leie", "CAW Oost-Vlaanderen"
HERSTEL, ANKER = "Herstelacademie Gent vzw", "Ontmoetingshuis Het Anker vzw"
OCMW_GENT, OCMW_AALST = "OCMW Gent", "OCMW Aalst"
C, M, G, MAN, A = Role.COACH, Role.MEDIATOR, Role.COUNSELLOR, Role.MANAGER, Role.ADMIN

# The other staff share the demo password. Most first names sort after "Sofie Claes" on
# purpose: the admin's user list (sorted by name, 25 a page) must still show the two logins
# the browser tests look for on its first page.
STAFF = [
    _staff(W, "dewerkplaats.demo", C, "Tom Verhaeghe"),
    _staff(W, "dewerkplaats.demo", C, "Wendy Goossens"),
    _staff(W, "dewerkplaats.demo", C, "Stijn Van Damme"),
    _staff(W, "dewerkplaats.demo", G, "Veerle Mertens", secrecy=True),
    _staff(KIEM, "dekiem.demo", C, "Thomas De Wilde"),
    _staff(KIEM, "dekiem.demo", C, "Yana Bogaert"),
    _staff(KIEM, "dekiem.demo", MAN, "Hilde Coppens"),
    _staff(KIEM, "dekiem.demo", A, "Dirk Lambrecht"),
    _staff(BOS, "tenbos.demo", C, "Tinne Van Acker"),
    _staff(BOS, "tenbos.demo", MAN, "Marc Verbeke"),
    _staff(BOS, "tenbos.demo", A, "Wout Cools"),
    _staff(WAAS, "wasewerkplaatsen.demo", C, "Vincent De Pauw"),
    _staff(WAAS, "wasewerkplaatsen.demo", MAN, "Tessa Van Hecke"),
    _staff(WAAS, "wasewerkplaatsen.demo", A, "Geert Willems"),
    _staff(DENDER, "denderland.demo", C, "Ward Desmet"),
    _staff(DENDER, "denderland.demo", MAN, "Ilse Van Steen"),
    _staff(DENDER, "denderland.demo", A, "Xavier Lemmens"),
    _staff(GTB, "gtb.demo", M, "Wouter Maes", secrecy=True),
    _staff(GTB, "gtb.demo", M, "Yasmine Bouzid", secrecy=True),
    _staff(GTB, "gtb.demo", MAN, "Sven Janssens"),
    _staff(GTB, "gtb.demo", A, "Tuur De Clercq"),
    _staff(VDAB, "vdab.demo", M, "Valerie Wuyts", secrecy=True),
    _staff(VDAB, "vdab.demo", M, "Toon Michiels", secrecy=True),
    _staff(VDAB, "vdab.demo", MAN, "Els Martens"),
    _staff(VDAB, "vdab.demo", A, "Zoë Raes"),
    _staff(CGG, "cggscheldeland.demo", G, "Tine Wouters", secrecy=True),
    _staff(CGG, "cggscheldeland.demo", MAN, "An Smets"),
    _staff(CGG, "cggscheldeland.demo", A, "Willem Pauwels"),
    _staff(PC, "terleie.demo", G, "Sylvie Vandenberghe", secrecy=True),
    _staff(PC, "terleie.demo", MAN, "Jan Hermans"),
    _staff(PC, "terleie.demo", A, "Steven Dhondt"),
    _staff(CAW, "caw.demo", G, "Wannes D'Hooge", secrecy=True),
    _staff(CAW, "caw.demo", MAN, "Lies Van Parys"),
    # An ervaringsdeskundige herstelcoach: not bound by professional secrecy.
    _staff(HERSTEL, "herstelacademie.demo", G, "Zeynep Kaya"),
    _staff(HERSTEL, "herstelacademie.demo", MAN, "Ruben Verstraete"),
    _staff(ANKER, "hetanker.demo", G, "Vera Hendrickx", secrecy=True),
    _staff(ANKER, "hetanker.demo", MAN, "Tijs Vermeiren"),
    _staff(OCMW_GENT, "ocmwgent.demo", M, "Stefanie Peeters", secrecy=True),
    _staff(OCMW_GENT, "ocmwgent.demo", MAN, "Frank Aerts"),
    _staff(OCMW_AALST, "ocmwaalst.demo", M, "Thibault Van Hove", secrecy=True),
    _staff(OCMW_AALST, "ocmwaalst.demo", MAN, "Werner Segers"),
]

PR = PartnerRole
PARTNERSHIPS = [
    (
        "Werk en Zorg Gent",
        W,
        [
            (W, PR.WORK_CARE),
            (GTB, PR.MEDIATION),
            (CGG, PR.CARE),
            (VDAB, PR.MEDIATION),
            (PC, PR.CARE),
            (HERSTEL, PR.EMPOWERMENT),
        ],
    ),
    (
        "Doorstroom Dender",
        KIEM,
        [
            (KIEM, PR.WORK_CARE),
            (DENDER, PR.WORK_CARE),
            (GTB, PR.MEDIATION),
            (CAW, PR.CARE),
            (ANKER, PR.EMPOWERMENT),
        ],
    ),
    (
        "Waas Werkt",
        WAAS,
        [(WAAS, PR.WORK_CARE), (BOS, PR.WORK_CARE), (VDAB, PR.MEDIATION), (CGG, PR.CARE)],
    ),
]


@dataclass(frozen=True)
class DemoEmployer:
    name: str
    sector: str
    municipality: str
    contact_name: str
    kbo_number: str | None = None  # None: a generated number (the organisations' own are real)


# Per organisation: its own list (job developers keep their employer network to themselves).
# Some employers appear in several lists, under the same KBO number, as they would.
EMPLOYERS: dict[str, list[DemoEmployer]] = {
    W: [
        DemoEmployer("Restaurant Het Pand bv", "horeca", "Gent", "Lieve Dumon"),
        DemoEmployer("Groenwerken Verstraete bv", "groenaanleg", "Merelbeke", "Erik Verstraete"),
        DemoEmployer("Velo Gent", "fietsherstel", "Gent", "Bjorn Segers"),
        DemoEmployer("WZC Ter Venne", "zorg", "Sint-Martens-Latem", "Mia Claeys"),
        DemoEmployer(
            "Maatwerkbedrijf Denderland", "maatwerk", "Dendermonde", "Ilse Van Steen", "0438114950"
        ),
        DemoEmployer("Bakkerij Vermeulen bv", "voeding", "Gent", "Guy Vermeulen", "0467128838"),
    ],
    KIEM: [
        DemoEmployer("Houthandel De Schaepdrijver", "bouw", "Aalst", "Paul De Schaepdrijver"),
        DemoEmployer("Wasserij Dender", "schoonmaak", "Erembodegem", "Nancy Roels"),
        DemoEmployer("Kringwinkel Denderstreek", "kringloop", "Aalst", "Bart Van Mol"),
    ],
    BOS: [
        DemoEmployer("Interim Regio Deinze", "uitzendarbeid", "Deinze", "Joke De Bruyne"),
        DemoEmployer("Tuincentrum De Bloeiende Tak", "tuinbouw", "Nevele", "Rik Standaert"),
        DemoEmployer("Slagerij Ter Leie", "voeding", "Deinze", "Marnix Goethals"),
    ],
    WAAS: [
        DemoEmployer("Logistiek Waasland nv", "logistiek", "Sint-Niklaas", "Kris Van Puyvelde"),
        DemoEmployer("Meubelmakerij De Beuk", "houtbewerking", "Lokeren", "Dieter Hertog"),
    ],
    DENDER: [
        DemoEmployer("Schoonmaak Dender bv", "schoonmaak", "Dendermonde", "Sabine Pieters"),
    ],
    GTB: [
        DemoEmployer(
            "Logistiek Gent-Zeehaven nv", "logistiek", "Gent", "Dirk Baeyens", "0473390583"
        ),
        DemoEmployer("Bakkerij Vermeulen bv", "voeding", "Gent", "Guy Vermeulen", "0467128838"),
        DemoEmployer("Net & Proper bv", "schoonmaak", "Gent", "Ilse Van Wassenhove"),
        DemoEmployer("Interimkantoor Werkplus", "uitzendarbeid", "Gent", "Kelly Moens"),
        DemoEmployer(
            "Drukkerij Van Damme bv", "grafische sector", "Sint-Amandsberg", "Luc Van Damme"
        ),
        DemoEmployer("Tuincentrum De Bloeiende Tak", "tuinbouw", "Nevele", "Rik Standaert"),
    ],
    VDAB: [
        DemoEmployer("OCMW Gent", "openbaar bestuur", "Gent", "Frank Aerts", "0212234119"),
        DemoEmployer("Buurtsuper Ledeberg", "detailhandel", "Ledeberg", "Hasan Demir"),
        DemoEmployer("Hotel De Zeven Torens", "horeca", "Gent", "Anouk Verschueren"),
    ],
    CGG: [
        DemoEmployer("Boekhandel De Zondvloed", "detailhandel", "Gent", "Ellen Buyse"),
        DemoEmployer("Koffiebar Bonne Tasse", "horeca", "Gent", "Jonas Vandamme"),
        DemoEmployer("Garage Van Hove bv", "autoherstel", "Wondelgem", "Peter Van Hove"),
    ],
    OCMW_GENT: [
        DemoEmployer("Sociaal restaurant De Zuidpool", "horeca", "Gent", "Hanne Vervaet"),
    ],
}


@dataclass
class Region:
    """Ids of what the region holds after seeding, by natural key, and what was added."""

    organisations: dict[str, uuid.UUID]
    work_floors: dict[tuple[str, str], uuid.UUID]
    users: dict[str, uuid.UUID]  # by e-mail
    created: dict[str, int] = field(default_factory=dict)


def seed_region(session: Session) -> Region:
    created: dict[str, int] = {}
    organisations = _seed_organisations(session, created)
    work_floors = _seed_work_floors(session, organisations, created)
    users = _seed_users(session, organisations, created)
    _seed_partnerships(session, organisations, created)
    session.flush()
    return Region(organisations, work_floors, users, created)


def _seed_organisations(session: Session, created: dict[str, int]) -> dict[str, uuid.UUID]:
    names = [o.name for o in ORGANISATIONS]
    found = dict(
        session.execute(
            select(Organisation.name, Organisation.id).where(Organisation.name.in_(names))
        ).all()
    )
    new = [
        Organisation(
            id=uuid.uuid4(),
            name=o.name,
            kind=o.kind,
            kbo_number=o.kbo_number,
            ama_recognition_number=o.ama_recognition_number,
            province=o.province,
        )
        for o in ORGANISATIONS
        if o.name not in found
    ]
    session.add_all(new)
    found.update({o.name: o.id for o in new})
    created["organisations"] = len(new)
    return found


def _seed_work_floors(
    session: Session, organisations: dict[str, uuid.UUID], created: dict[str, int]
) -> dict[tuple[str, str], uuid.UUID]:
    by_id = {organisation_id: name for name, organisation_id in organisations.items()}
    found = {
        (by_id[organisation_id], name): floor_id
        for organisation_id, name, floor_id in session.execute(
            select(WorkFloor.organisation_id, WorkFloor.name, WorkFloor.id).where(
                WorkFloor.organisation_id.in_(list(by_id))
            )
        )
    }
    new = {
        (f.organisation, f.name): WorkFloor(
            id=uuid.uuid4(),
            organisation_id=organisations[f.organisation],
            name=f.name,
            activity=f.activity,
            address=f.address,
            capacity=f.capacity,
        )
        for f in WORK_FLOORS
        if (f.organisation, f.name) not in found
    }
    session.add_all(new.values())
    found.update({key: floor.id for key, floor in new.items()})
    created["work floors"] = len(new)
    return found


def _seed_users(
    session: Session, organisations: dict[str, uuid.UUID], created: dict[str, int]
) -> dict[str, uuid.UUID]:
    everyone = LOGINS + STAFF
    found = dict(
        session.execute(
            select(User.email, User.id).where(User.email.in_([u.email for u in everyone]))
        ).all()
    )
    missing = [u for u in everyone if u.email not in found]
    if missing:
        password_hash = hash_password(DEMO_PASSWORD)  # one Argon2 run for everyone
        new = [
            User(
                id=uuid.uuid4(),
                email=u.email,
                name=u.name,
                password_hash=password_hash,
                role=u.role,
                organisation_id=organisations[u.organisation],
                bound_by_professional_secrecy=u.secrecy,
                is_platform_admin=u.platform_admin,
            )
            for u in missing
        ]
        session.add_all(new)
        found.update({u.email: u.id for u in new})
    created["staff"] = len(missing)
    return found


def _seed_partnerships(
    session: Session, organisations: dict[str, uuid.UUID], created: dict[str, int]
) -> None:
    names = [name for name, _, _ in PARTNERSHIPS]
    existing = {
        p.name: p for p in session.scalars(select(Partnership).where(Partnership.name.in_(names)))
    }
    members = {
        (partnership_id, organisation_id)
        for partnership_id, organisation_id in session.execute(
            select(PartnershipMember.partnership_id, PartnershipMember.organisation_id).where(
                PartnershipMember.partnership_id.in_([p.id for p in existing.values()])
            )
        )
    }
    added = 0
    for name, lead, wanted in PARTNERSHIPS:
        partnership = existing.get(name)
        if partnership is None:
            partnership = Partnership(
                id=uuid.uuid4(), name=name, lead_organisation_id=organisations[lead]
            )
            session.add(partnership)
            added += 1
        # An older demo database has the first partnership with fewer members: complete it.
        session.add_all(
            PartnershipMember(
                partnership_id=partnership.id,
                organisation_id=organisations[member],
                partner_role=role,
            )
            for member, role in wanted
            if (partnership.id, organisations[member]) not in members
        )
    created["partnerships"] = added
