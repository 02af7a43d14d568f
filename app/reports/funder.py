"""The reports an organisation signs for its funders, for one calendar year:

- the provincial doorstroom effort premium: approved doorstroom months per work floor, each
  person counting for at most 24 approved months across all their trajectories;
- attended half-days per work floor and month;
- active AMA agreements (placements under an AMA framework) per work floor and month.

They reuse the indicator frame (scope, the trajectory's work floor, month buckets), so a
funder's figure and the dashboard's can never disagree on who is counted.
"""

from __future__ import annotations

import io
import uuid
from collections import defaultdict
from datetime import date
from typing import Any

from fastapi import Response
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from sqlalchemy import String, and_, case, func, literal_column, select, union_all
from sqlalchemy.orm import Session

from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.core.errors import NotFound, RuleViolation
from app.funding.models import FunderDecision, FunderMonth
from app.organisations.models import Organisation, WorkFloor
from app.progress.models import Attendance, AttendanceStatus, Placement
from app.reports.definitions import (
    AMA_FRAMEWORKS,
    FUNDER_CAP_MONTHS,
    ExportFormat,
    Funder,
    GroupBy,
)
from app.reports.documents import funder_pdf
from app.reports.exports import (
    PDF_MEDIA_TYPE,
    SMALLEST_SHOWN,
    SUPPRESSED,
    XLSX_MEDIA_TYPE,
    download,
    write_table,
)
from app.reports.frame import Frame, ReportFilters, make_frame
from app.reports.schemas import FunderOrganisation, FunderReport, MonthlyRow, PremiumRow
from app.trajectories.models import Trajectory

NO_FLOOR_LABEL = "Zonder werkvloer"
MONTH_NAMES = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
FUNDER_NAMES = {
    Funder.PROVINCE: "provincie (doorstroompremie)",
    Funder.AMA: "AMA (halve dagen en overeenkomsten)",
    Funder.ALL: "provincie en AMA",
}
HALF_DAYS, AGREEMENTS = "half_days", "agreements"

FUNDER_DEFINITIONS = {
    "premium": (
        "Doorstroompremie: goedgekeurde doorstroombegeleidingsmaanden in het jaar van trajecten "
        "van de organisatie, per werkvloer van het traject (de werkvloer van de laatste "
        "plaatsing). Premiemaanden: enkel de maanden die binnen de eerste 24 goedgekeurde "
        "maanden van de persoon vallen, over al zijn trajecten heen."
    ),
    "half_days": (
        "Aanwezige halve dagen: halve dagen met aanwezigheid 'aanwezig' per werkvloer van de "
        "plaatsing en per maand; deelnemers met minstens één aanwezige halve dag in het jaar."
    ),
    "agreements": (
        "Actieve AMA-overeenkomsten: plaatsingen van trajecten onder een AMA-kader (sociale "
        "economie of welzijn) die op minstens één dag van de maand liepen, per werkvloer."
    ),
    "suppression": (
        "Werkvloeren met 1 tot 4 deelnemers worden onderdrukt ('<5'); is er maar één zo'n "
        "werkvloer, dan ook de kleinste andere, zodat het totaal niets terugrekent. Het totaal "
        "is altijd volledig."
    ),
}


def funder_report(
    session: Session,
    principal: Principal,
    *,
    year: int,
    organisation_id: uuid.UUID,
    funder: Funder,
) -> FunderReport:
    policies.require(principal, Action.FUNDER_REPORTS_READ)
    today = date.today()
    if year > today.year:
        raise RuleViolation.on("year", "has not begun yet", code="year_not_begun")
    frame = make_frame(
        session,
        principal,
        ReportFilters(
            start=date(year, 1, 1),
            end=min(date(year, 12, 31), today),
            organisation_id=organisation_id,
            group_by=GroupBy.MONTH,
        ),
    )
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:  # checked by the frame; kept for the type checker
        raise NotFound("Organisation not found")
    premium = half_days = agreements = None
    floors: set[uuid.UUID | None] = set()
    if funder in (Funder.PROVINCE, Funder.ALL):
        premium_counts = _premium(session, frame)
        floors |= set(premium_counts)
    if funder in (Funder.AMA, Funder.ALL):
        monthly, participants = _monthly(session, frame)
        floors |= {floor for kind in monthly.values() for floor in kind}
    names = _floor_names(session, floors)

    def floor_order(floor: uuid.UUID | None) -> tuple[bool, str]:
        return floor is None, names.get(floor, NO_FLOOR_LABEL).casefold()

    if funder in (Funder.PROVINCE, Funder.ALL):
        premium = [
            PremiumRow(
                work_floor_id=floor,
                work_floor=names.get(floor, NO_FLOOR_LABEL),
                participants=counts[0],
                approved_months=counts[1],
                premium_months=counts[2],
            )
            for floor, counts in sorted(premium_counts.items(), key=lambda i: floor_order(i[0]))
        ]
    if funder in (Funder.AMA, Funder.ALL):
        month_keys = [bucket.key for bucket in frame.buckets]

        def rows(kind: str) -> list[MonthlyRow]:
            return [
                MonthlyRow(
                    work_floor_id=floor,
                    work_floor=names.get(floor, NO_FLOOR_LABEL),
                    participants=participants[kind].get(floor, 0),
                    months={key: per_month.get(key, 0) for key in month_keys},
                    total=sum(per_month.values()),
                )
                for floor, per_month in sorted(
                    monthly[kind].items(), key=lambda i: floor_order(i[0])
                )
            ]

        half_days, agreements = rows(HALF_DAYS), rows(AGREEMENTS)
    return FunderReport(
        organisation=FunderOrganisation(
            id=organisation.id,
            name=organisation.name,
            kbo_number=organisation.kbo_number,
            ama_recognition_number=organisation.ama_recognition_number,
        ),
        year=year,
        period_from=frame.start,
        period_to=frame.end,
        computed_on=today,
        funder=funder.value,
        premium=premium,
        half_days=half_days,
        agreements=agreements,
        definitions=FUNDER_DEFINITIONS,
    )


def _premium(session: Session, frame: Frame) -> dict[uuid.UUID | None, tuple[int, int, int]]:
    """Per work floor: participants, approved months in the year, and those within the
    person's first 24 approved months (ranked over all their trajectories)."""
    facts = frame.facts()
    ranked = (
        select(
            FunderMonth.trajectory_id,
            FunderMonth.month,
            func.row_number()
            .over(
                partition_by=Trajectory.participant_id,
                order_by=(FunderMonth.month, FunderMonth.trajectory_id),
            )
            .label("rank"),
        )
        .join(Trajectory, Trajectory.id == FunderMonth.trajectory_id)
        .where(
            FunderMonth.decision == FunderDecision.APPROVED,
            Trajectory.participant_id.in_(select(facts.c.participant_id)),
        )
        .subquery("ranked_months")
    )
    rows = session.execute(
        select(
            facts.c.floor_id,
            func.count(func.distinct(facts.c.participant_id)).label("participants"),
            func.count().label("approved"),
            func.sum(case((ranked.c.rank <= FUNDER_CAP_MONTHS, 1), else_=0)).label("premium"),
        )
        .select_from(ranked.join(facts, facts.c.trajectory_id == ranked.c.trajectory_id))
        .where(ranked.c.month >= frame.start.replace(day=1), ranked.c.month <= frame.end)
        .group_by(facts.c.floor_id)
    )
    return {row.floor_id: (row.participants, row.approved, int(row.premium)) for row in rows}


def _monthly(
    session: Session, frame: Frame
) -> tuple[dict[str, dict[uuid.UUID | None, dict[str, int]]], dict[str, dict[Any, int]]]:
    """Attended half-days and active AMA agreements per floor and month, and the people
    behind each floor's row over the year."""
    facts, buckets = frame.facts(), frame.bucket_table()
    placements = Placement.__table__.join(facts, facts.c.trajectory_id == Placement.trajectory_id)
    placement_end = func.coalesce(Placement.end_date, frame.today)
    ama = facts.c.framework_code.in_(AMA_FRAMEWORKS)
    present = Attendance.status == AttendanceStatus.PRESENT

    def kind(name: str) -> Any:
        return literal_column(f"'{name}'", String).label("kind")

    per_month = union_all(
        select(
            kind(HALF_DAYS),
            buckets.c.key,
            Placement.work_floor_id,
            func.count(Attendance.id).label("n"),
        )
        .select_from(
            placements.join(Attendance, Attendance.placement_id == Placement.id).join(
                buckets, frame.within(Attendance.date)
            )
        )
        .where(present)
        .group_by(buckets.c.key, Placement.work_floor_id),
        select(
            kind(AGREEMENTS),
            buckets.c.key,
            Placement.work_floor_id,
            func.count(func.distinct(Placement.id)).label("n"),
        )
        .select_from(
            placements.join(
                buckets,
                and_(Placement.start_date <= buckets.c.end, placement_end >= buckets.c.start),
            )
        )
        .where(ama)
        .group_by(buckets.c.key, Placement.work_floor_id),
    )
    monthly: dict[str, dict[uuid.UUID | None, dict[str, int]]] = {
        HALF_DAYS: defaultdict(dict),
        AGREEMENTS: defaultdict(dict),
    }
    for row in session.execute(per_month):
        monthly[row.kind][row.work_floor_id][row.key] = row.n
    people = union_all(
        select(
            kind(HALF_DAYS),
            Placement.work_floor_id,
            func.count(func.distinct(facts.c.participant_id)).label("n"),
        )
        .select_from(placements.join(Attendance, Attendance.placement_id == Placement.id))
        .where(present, Attendance.date >= frame.start, Attendance.date <= frame.end)
        .group_by(Placement.work_floor_id),
        select(
            kind(AGREEMENTS),
            Placement.work_floor_id,
            func.count(func.distinct(facts.c.participant_id)).label("n"),
        )
        .select_from(placements)
        .where(ama, Placement.start_date <= frame.end, placement_end >= frame.start)
        .group_by(Placement.work_floor_id),
    )
    participants: dict[str, dict[Any, int]] = {HALF_DAYS: {}, AGREEMENTS: {}}
    for row in session.execute(people):
        participants[row.kind][row.work_floor_id] = row.n
    return monthly, participants


def _floor_names(session: Session, floors: set[uuid.UUID | None]) -> dict[uuid.UUID | None, str]:
    ids = [floor for floor in floors if floor is not None]
    if not ids:
        return {}
    rows = session.execute(select(WorkFloor.id, WorkFloor.name).where(WorkFloor.id.in_(ids)))
    return {row.id: row.name for row in rows}


# --- the file for the funder --------------------------------------------------------------


def suppressed_rows(rows: list[list[Any]], participants_column: int) -> list[list[Any]]:
    """Rows of 1-4 people show "<5" in every figure. When only one row is hidden, the
    smallest other row is hidden too, or the total minus the rest would give it back."""
    small = {
        index for index, row in enumerate(rows) if 0 < row[participants_column] < SMALLEST_SHOWN
    }
    if len(small) == 1 and len(rows) > 1:
        others = [i for i in range(len(rows)) if i not in small]
        small.add(min(others, key=lambda i: rows[i][participants_column]))
    return [
        [
            SUPPRESSED if index in small and column >= participants_column else value
            for column, value in enumerate(row)
        ]
        for index, row in enumerate(rows)
    ]


def _table(headings: list[str], rows: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
    """The rows, suppressed for the funder, under their headings, with an exact total."""
    totals: list[Any] = ["Totaal"] + [
        sum(row[column] for row in rows) for column in range(1, len(headings))
    ]
    return headings, [*suppressed_rows(rows, 1), totals]


def funder_tables(report: FunderReport) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(title, headings, rows) of each part, suppressed for the funder, with its total."""
    tables = []
    if report.premium is not None:
        headings, rows = _table(
            ["werkvloer", "deelnemers", "goedgekeurde maanden", "premiemaanden (max. 24 p.p.)"],
            [
                [r.work_floor, r.participants, r.approved_months, r.premium_months]
                for r in report.premium
            ],
        )
        tables.append(("Doorstroompremie", headings, rows))
    for title, section in (
        ("Halve dagen", report.half_days),
        ("AMA-overeenkomsten", report.agreements),
    ):
        if section is None:
            continue
        months = [MONTH_NAMES[int(key[5:]) - 1] for key in section[0].months] if section else []
        headings, rows = _table(
            ["werkvloer", "deelnemers", *months, "totaal"],
            [[r.work_floor, r.participants, *r.months.values(), r.total] for r in section],
        )
        tables.append((title, headings, rows))
    return tables


def funder_workbook(report: FunderReport) -> bytes:
    workbook = Workbook()
    cover = workbook.active
    assert cover is not None
    cover.title = "Rapport"
    organisation = report.organisation
    cover_rows: list[list[Any]] = [
        ["Organisatie", organisation.name],
        ["KBO-nummer", organisation.kbo_number or ""],
        ["Erkenningsnummer AMA", organisation.ama_recognition_number or ""],
        ["Jaar", report.year],
        ["Periode", f"{report.period_from:%d/%m/%Y} t/m {report.period_to:%d/%m/%Y}"],
        ["Financier", FUNDER_NAMES[Funder(report.funder)]],
        ["Aangemaakt op", report.computed_on],
        [],
        ["Verklaring", "Ik verklaar dat dit rapport volledig en naar waarheid is opgesteld."],
        ["Naam verantwoordelijke", ""],
        ["Functie", ""],
        ["Datum", ""],
        ["Handtekening", ""],
    ]
    write_table(cover, ["Rapport voor de financier", ""], cover_rows)
    cover.column_dimensions["A"].width = 28
    cover.column_dimensions["B"].width = 70
    for cells in cover.iter_rows(min_row=2):
        cells[0].font = Font(bold=True)
        if isinstance(cells[1].value, date):
            cells[1].number_format = "DD/MM/YYYY"
    for title, headings, rows in funder_tables(report):
        write_table(workbook.create_sheet(title), headings, rows)
    definitions = workbook.create_sheet("Definities")
    write_table(
        definitions, ["onderdeel", "definitie"], [[k, v] for k, v in report.definitions.items()]
    )
    definitions.column_dimensions["B"].width = 120
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def funder_file(report: FunderReport, format: ExportFormat) -> Response:
    name = f"werkpad-financier-{report.year}-{report.funder}"
    if format is ExportFormat.XLSX:
        return download(funder_workbook(report), XLSX_MEDIA_TYPE, f"{name}.xlsx")
    if format is ExportFormat.PDF:
        document = funder_pdf(report, FUNDER_NAMES[Funder(report.funder)], funder_tables(report))
        return download(document, PDF_MEDIA_TYPE, f"{name}.pdf")
    raise RuleViolation.on(
        "format",
        "is json, xlsx or pdf for funder reports",
        code="not_allowed",
        params={"allowed": "json, xlsx, pdf"},
    )
