"""The region's fixed part: ~50 organisations of every kind, their work floors, ~800 staff of
every role (secrecy-bound where the work is care), partnerships and employers.

Work floors and staff scale with the number of participants (with a floor for small runs),
so a floor holds about 20 people on any day whatever the size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.text import fold
from app.demo.people import kbo_number
from app.synthetic.context import Context
from app.synthetic.vocabulary import (
    EMPLOYER_WORDS,
    FIRST_NAMES,
    FLOOR_ACTIVITIES,
    ORGANISATION_PATTERNS,
    PLACES,
    SECTORS,
    STREETS,
    SURNAMES,
)

# (kind, how many, province) for a region of 50 organisations.
ORGANISATION_MIX = [
    ("platform", 1),
    ("work_care", 12),
    ("maatwerkbedrijf", 8),
    ("mediation", 8),
    ("care", 10),
    ("empowerment", 4),
    ("ocmw", 4),
    ("employer", 1),
    ("funder", 2),
]
FLOOR_KINDS = frozenset({"work_care", "maatwerkbedrijf"})
CASE_FILE_KINDS = FLOOR_KINDS | {"mediation"}
PROVINCES = ["oost_vlaanderen", "west_vlaanderen", "antwerpen", "vlaams_brabant", "limburg"]
PEOPLE_PER_FLOOR = 20


@dataclass
class Staffer:
    id: str
    name: str
    role: str
    secrecy: bool
    organisation: Organisation


@dataclass
class WorkFloor:
    id: str
    organisation: Organisation
    coaches: list[Staffer] = field(default_factory=list)


@dataclass
class Organisation:
    id: str
    name: str
    kind: str
    slug: str
    floors: list[WorkFloor] = field(default_factory=list)
    staff: dict[str, list[Staffer]] = field(default_factory=dict)
    employers: list[str] = field(default_factory=list)

    def of(self, role: str) -> list[Staffer]:
        return self.staff.get(role, [])


@dataclass
class Region:
    organisations: list[Organisation]
    password_hash: str

    def of_kind(self, *kinds: str) -> list[Organisation]:
        return [o for o in self.organisations if o.kind in kinds]


def _scaled(base: float, scale: float, minimum: int) -> int:
    return max(minimum, round(base * scale))


def build_region(ctx: Context, *, participants: int, password_hash: str) -> Region:
    scale = participants / 100_000
    rng = ctx.rng
    organisations = _organisations(ctx)
    region = Region(organisations, password_hash)
    floor_orgs = region.of_kind(*FLOOR_KINDS)
    floors = _scaled(participants * 0.06 / PEOPLE_PER_FLOOR, 1, len(floor_orgs))
    for n in range(floors):
        owner = floor_orgs[n % len(floor_orgs)]
        owner.floors.append(WorkFloor(ctx.new_id(), owner))
    floor_rows = ctx.rows.buffer(
        "work_floors",
        (
            "id", "organisation_id", "name", "activity", "address", "capacity", "is_active",
            "created_at", "updated_at", "version",
        ),
    )  # fmt: skip
    opened = ctx.today - 3000
    for org in floor_orgs:
        for n, floor in enumerate(org.floors):
            activity, description = FLOOR_ACTIVITIES[n % len(FLOOR_ACTIVITIES)]
            postcode, place = rng.choice(PLACES)
            name = f"{activity} {place}" + (f" {n + 1}" if n >= len(FLOOR_ACTIVITIES) else "")
            street = f"{rng.choice(STREETS)} {rng.randint(1, 200)}, {postcode} {place}"
            capacity = rng.randint(PEOPLE_PER_FLOOR - 2, PEOPLE_PER_FLOOR + 6)
            stamp = ctx.at(opened)
            floor_rows.append(
                (floor.id, org.id, name, description, street, capacity, 1, stamp, stamp, 1)
            )
    _staff(ctx, region, scale)
    _partnerships(ctx, region)
    _employers(ctx, region, scale)
    return region


def _organisations(ctx: Context) -> list[Organisation]:
    rng = ctx.rng
    rows = ctx.rows.buffer(
        "organisations",
        (
            "id", "name", "search_key", "kbo_number", "kind", "ama_recognition_number",
            "province", "created_at", "updated_at", "version",
        ),
    )  # fmt: skip
    organisations: list[Organisation] = []
    places = iter(PLACES * 3)
    for kind, count in ORGANISATION_MIX:
        for n in range(count):
            if kind == "platform":
                name = "Werkpad beheer"
            else:
                patterns = ORGANISATION_PATTERNS[kind]
                name = patterns[n % len(patterns)].format(next(places)[1])
            org = Organisation(ctx.new_id(), name, kind, _slug(name))
            organisations.append(org)
            kbo = (
                None
                if kind == "platform"
                else kbo_number(f"0{4_100_000 + 7919 * len(organisations)}")
            )
            recognition = f"AMA-{len(organisations):04d}" if kind in FLOOR_KINDS else None
            province = None if kind == "platform" else rng.choice(PROVINCES)
            stamp = ctx.at(ctx.today - 3200)
            rows.append(
                (org.id, name, fold(name), kbo, kind, recognition, province, stamp, stamp, 1)
            )
    return organisations


# Per organisation kind: (role, staff per 100,000 participants, minimum, share bound by secrecy).
STAFF_MIX: dict[str, list[tuple[str, float, int, float]]] = {
    "work_care": [
        ("mediator", 3, 1, 0.0),
        ("counsellor", 2, 1, 0.5),
        ("manager", 2, 1, 0.0),
        ("admin", 1, 1, 0.0),
    ],
    "maatwerkbedrijf": [
        ("mediator", 3, 1, 0.0),
        ("counsellor", 1, 1, 0.0),
        ("manager", 2, 1, 0.0),
        ("admin", 1, 1, 0.0),
    ],
    "mediation": [("mediator", 20, 2, 0.5), ("manager", 1, 1, 0.0), ("admin", 1, 1, 0.0)],
    "care": [("counsellor", 6, 1, 1.0), ("manager", 1, 1, 0.0), ("admin", 1, 1, 0.0)],
    "empowerment": [("counsellor", 2, 1, 0.0), ("admin", 1, 1, 0.0)],
    "ocmw": [("mediator", 2, 1, 0.0), ("admin", 1, 1, 0.0)],
    "employer": [("admin", 1, 1, 0.0)],
    "funder": [("manager", 1, 1, 0.0)],
    "platform": [("admin", 1, 1, 0.0)],
}
COACHES_PER_FLOOR = 1.4


def _staff(ctx: Context, region: Region, scale: float) -> None:
    rng = ctx.rng
    rows = ctx.rows.buffer(
        "users",
        (
            "id", "email", "name", "search_key", "password_hash", "role", "organisation_id",
            "bound_by_professional_secrecy", "is_platform_admin", "is_active", "last_login_at",
            "created_at", "updated_at", "version",
        ),
    )  # fmt: skip
    emails: set[str] = set()

    def hire(org: Organisation, role: str, secrecy: bool) -> Staffer:
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        name = f"{first} {last}"
        local = _slug(f"{first}.{last}", keep=".")
        email = f"{local}@{org.slug}.bench.demo"
        n = 2
        while email in emails:
            email = f"{local}{n}@{org.slug}.bench.demo"
            n += 1
        emails.add(email)
        staffer = Staffer(ctx.new_id(), name, role, secrecy, org)
        org.staff.setdefault(role, []).append(staffer)
        stamp = ctx.at(ctx.today - rng.randint(400, 3000))
        rows.append(
            (
                staffer.id, email, name, fold(f"{name} {email}"), region.password_hash, role,
                org.id, int(secrecy), int(org.kind == "platform"), 1, None, stamp, stamp, 1,
            )
        )  # fmt: skip
        return staffer

    for org in region.organisations:
        for role, per_100k, minimum, secrecy_share in STAFF_MIX[org.kind]:
            count = _scaled(per_100k, scale, minimum)
            for n in range(count):
                hire(org, role, n < round(secrecy_share * count))
        coaches = [
            hire(org, "coach", False)
            for _ in range(round(len(org.floors) * COACHES_PER_FLOOR + 0.4))
        ]
        for n, floor in enumerate(org.floors):
            floor.coaches.append(coaches[n % len(coaches)])
            if len(coaches) > len(org.floors) and n + len(org.floors) < len(coaches):
                floor.coaches.append(coaches[n + len(org.floors)])


def _partnerships(ctx: Context, region: Region) -> None:
    partnerships = ctx.rows.buffer(
        "partnerships",
        ("id", "name", "lead_organisation_id", "created_at", "updated_at", "version"),
    )
    members = ctx.rows.buffer(
        "partnership_members", ("id", "partnership_id", "organisation_id", "partner_role")
    )
    roles = {"work_care": "work_care", "maatwerkbedrijf": "work_care", "mediation": "mediation"}
    roles |= {"care": "care", "empowerment": "empowerment", "ocmw": "care"}
    candidates = [o for o in region.organisations if o.kind in roles]
    for n in range(4):
        leads = region.of_kind("work_care")
        lead = leads[n % len(leads)]
        partnership_id = ctx.new_id()
        stamp = ctx.at(ctx.today - 2500)
        partnerships.append(
            (partnership_id, f"Samenwerkingsverband {lead.name}", lead.id, stamp, stamp, 1)
        )
        chosen = {lead.id: lead}
        for org in candidates[n::4]:
            chosen.setdefault(org.id, org)
        for org in chosen.values():
            members.append((ctx.new_id(), partnership_id, org.id, roles[org.kind]))


def _employers(ctx: Context, region: Region, scale: float) -> None:
    rng = ctx.rng
    rows = ctx.rows.buffer(
        "employers",
        (
            "id", "organisation_id", "name", "search_key", "kbo_number", "sector",
            "municipality", "contact_name", "contact_email", "contact_phone", "created_by",
            "created_at", "updated_at", "version",
        ),
    )  # fmt: skip
    serial = 0
    for org in region.of_kind(*CASE_FILE_KINDS):
        recorder = (org.of("mediator") or org.of("admin"))[0]
        for n in range(_scaled(60, scale, 4)):
            serial += 1
            employer_id = ctx.new_id()
            org.employers.append(employer_id)
            _postcode, place = rng.choice(PLACES)
            name = f"{rng.choice(EMPLOYER_WORDS)} {rng.choice(SURNAMES)} {place} {n + 1}"
            kbo = kbo_number(f"0{5_000_000 + serial:07d}") if n % 5 else None
            contact = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
            stamp = ctx.at(ctx.today - rng.randint(200, 2500))
            rows.append(
                (
                    employer_id, org.id, name, fold(name), kbo, rng.choice(SECTORS), place,
                    contact, f"jobs{serial}@employer.bench.demo", f"09 {rng.randint(200, 999)} "
                    f"{rng.randint(10, 99)} {rng.randint(10, 99)}", recorder.id, stamp, stamp, 1,
                )
            )  # fmt: skip


def _slug(text: str, keep: str = "") -> str:
    folded = fold(text)
    # ASCII only: e-mail addresses and slugs stay plain ("Łukasz" → "ukasz").
    return "".join(
        ch if (ch.isascii() and ch.isalnum()) or ch in keep else "-" for ch in folded
    ).strip("-")
