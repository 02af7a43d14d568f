"""The demo region `werkpad seed-demo` creates: what `make run` shows.

Nineteen organisations of every kind around Gent, Aalst, Deinze and the Waasland, their work
floors and staff, three partnerships, and about sixty-five participants whose trajectories
cover every phase and status, with months of attendance, progress logs, goals, sessions,
internships, jobs, outflows and follow-ups. Dates are relative to today; the content is fixed
by the seed.

Safe to run twice: the fixed part is looked up by natural key, and the case files are only
added while the demo organisations hold no participants yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.core.database import Base
from app.demo.case_files import DEFAULT_SEED, CompetenceItemRef, build_case_files
from app.demo.region import (
    DEMO_PASSWORD,
    LOGINS,
    ORGANISATIONS,
    STAFF,
    DemoLogin,
    seed_region,
)
from app.participants.models import Participant
from app.progress.models import Attendance, CompetenceItem, ProgressScore

__all__ = [
    "DEFAULT_SEED",
    "DEMO_PASSWORD",
    "LOGINS",
    "STAFF",
    "DemoLogin",
    "SeedReport",
    "seed_demo",
]

# The summary line, in this order, with the model that is counted.
_SUMMARY = [
    ("organisations", None),
    ("work floors", None),
    ("staff", None),
    ("partnerships", None),
    ("participants", "Participant"),
    ("trajectories", "Trajectory"),
    ("placements", "Placement"),
    ("attendance marks", "Attendance"),
    ("progress logs", "ProgressLog"),
    ("goals", "Goal"),
    ("activation sessions", "ActivationSession"),
    ("notes", "Note"),
    ("employers", "Employer"),
    ("employer contacts", "EmployerContact"),
    ("internships", "Internship"),
    ("jobs", "Job"),
    ("outflows", "Outflow"),
    ("follow-ups", "FollowUp"),
]


@dataclass(frozen=True)
class SeedReport:
    logins: list[DemoLogin]
    seed: int
    created: dict[str, int] = field(default_factory=dict)
    case_files_present: bool = False  # the demo organisations had case files already

    @property
    def summary(self) -> str:
        parts = [
            f"{self.created[label]:,} {label}" for label, _ in _SUMMARY if self.created.get(label)
        ]
        staff_note = f"; {len(STAFF)} more staff accounts share the password"
        if not parts:
            return "Nothing new: the demo region is there already" + staff_note + "."
        made = "Created " + ", ".join(parts) + f" (seed {self.seed})"
        if self.case_files_present:
            made += "; case files left alone: the demo organisations have participants"
        return made + staff_note + "."


def seed_demo(
    session: Session, *, seed: int = DEFAULT_SEED, today: date | None = None
) -> SeedReport:
    region = seed_region(session)
    created = {label: region.created.get(label, 0) for label, model in _SUMMARY if model is None}
    demo_organisations = [region.organisations[o.name] for o in ORGANISATIONS]
    has_case_files = session.scalar(
        select(Participant.id).where(Participant.organisation_id.in_(demo_organisations)).limit(1)
    )
    if has_case_files:
        return SeedReport(LOGINS, seed, created, case_files_present=True)

    items = [
        CompetenceItemRef(item_id, code, sort_order)
        for item_id, code, sort_order in session.execute(
            select(CompetenceItem.id, CompetenceItem.code, CompetenceItem.sort_order)
            .where(CompetenceItem.organisation_id.is_(None), CompetenceItem.is_active.is_(True))
            .order_by(CompetenceItem.sort_order, CompetenceItem.code)
        )
    ]
    files = build_case_files(region, items, seed=seed, today=today)
    # The rows do not know each other through relationships, so the unit of work cannot order
    # them: flush table by table, parents first.
    by_table: dict[str, list[object]] = {}
    for obj in files.objects:
        by_table.setdefault(type(obj).__tablename__, []).append(obj)
    for table in Base.metadata.sorted_tables:
        if table.name in by_table:
            session.add_all(by_table.pop(table.name))
            session.flush()
    assert not by_table, f"tables outside the metadata: {sorted(by_table)}"
    # The two big tables go around the unit of work: one executemany each, seconds saved.
    if files.attendance:
        session.execute(insert(cast(Table, Attendance.__table__)), files.attendance)
    if files.scores:
        session.execute(insert(cast(Table, ProgressScore.__table__)), files.scores)
    counts = files.counts()
    created.update({label: counts.get(model, 0) for label, model in _SUMMARY if model})
    return SeedReport(LOGINS, seed, created)
