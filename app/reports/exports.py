"""Indicator reports as files: CSV for Belgian Excel (``;``, UTF-8 BOM, decimal comma) and XLSX
with typed cells and a sheet that explains every definition.

Each figure becomes one row (group x indicator) with the same columns: counts, the rate's
numerator and denominator, the value, median and quartiles. For funders (``audience=funder``)
every count of 1-4 is suppressed, and so is everything derived from a row that holds one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from fastapi import Response
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]
from pydantic import BaseModel

from app.reports.definitions import DEFINITIONS, Audience, ExportFormat, ListFormat
from app.reports.documents import indicators_pdf
from app.reports.schemas import (
    Caseload,
    DrillRow,
    Duration,
    IndicatorReport,
    Rate,
    Spread,
    WeeklyRate,
)
from app.reports.sheet import list_xlsx

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
PDF_MEDIA_TYPE = "application/pdf"
SUPPRESSED = "<5"
SUPPRESSED_DERIVED = "onderdrukt"
SMALLEST_SHOWN = 5

# Column → (heading, is a count of people that funders may not see when 1-4).
COLUMNS: dict[str, tuple[str, bool]] = {
    "count": ("aantal", True),
    "numerator": ("teller", True),
    "denominator": ("noemer", True),
    "value": ("waarde", False),
    "median": ("mediaan", False),
    "q1": ("eerste kwartiel", False),
    "q3": ("derde kwartiel", False),
    "unit": ("eenheid", False),
    "n": ("n", True),
    "events": ("gebeurtenissen", True),
    "censored": ("gecensureerd", True),
    "unknown": ("onbekend", True),
    "pending": ("nog niet vervallen", True),
    "max": ("maximum", True),
    "over_limit": ("boven norm", True),
}
DERIVED = ("value", "median", "q1", "q3")
PERCENT = "0.0%"


@dataclass
class FigureRow:
    group_key: str
    group_label: str
    start: date
    end: date
    code: str
    label: str
    cells: dict[str, Any] = field(default_factory=dict)
    is_share: bool = False  # the value is a share (a percentage), not a count or a mean


def _label(code: str) -> str:
    """The definition's Dutch name, with what the code adds to it (a category, a horizon)."""
    for length in range(code.count(".") + 1, 1, -1):
        root = ".".join(code.split(".")[:length])
        if root in DEFINITIONS:
            rest = code[len(root) + 1 :]
            name = DEFINITIONS[root].label
            return f"{name} — {rest.replace('.', ' — ')}" if rest else name
    return code


def _cells(figure: BaseModel) -> dict[str, Any]:
    return {name: value for name, value in figure.model_dump().items() if name in COLUMNS}


def _figures(prefix: str, value: Any) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """(code, cells, is a share) for every figure under ``prefix``, in answer order."""
    if isinstance(value, Rate | WeeklyRate):
        # A caseload is a mean number of people, not a share.
        yield prefix, _cells(value), isinstance(value, Rate) and not isinstance(value, Caseload)
    elif isinstance(value, Duration | Spread):
        yield prefix, _cells(value), False
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _figures(f"{prefix}.{name}", getattr(value, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _figures(f"{prefix}.{getattr(key, 'value', key)}", item)
    elif isinstance(value, int):
        yield prefix, {"count": value}, False
    else:
        yield prefix, {"value": value}, False


def figure_rows(report: IndicatorReport) -> list[FigureRow]:
    rows = []
    for group in report.groups:
        for family in ("flow", "cohort", "retention", "jobs", "ips", "effort"):
            for code, cells, is_share in _figures(family, getattr(group, family)):
                rows.append(
                    FigureRow(
                        group_key=group.key,
                        group_label=group.label,
                        start=group.period_from,
                        end=group.period_to,
                        code=code,
                        label=_label(code),
                        cells=cells,
                        is_share=is_share,
                    )
                )
    return rows


def suppress(row: FigureRow) -> FigureRow:
    """Counts of 1-4 people become "<5"; a row that lost one also loses what derives from
    it (a share of 3 out of 40 gives the 3 back)."""
    cells = dict(row.cells)
    hidden = False
    for name, value in row.cells.items():
        is_count = COLUMNS[name][1]
        if is_count and isinstance(value, int) and 0 < value < SMALLEST_SHOWN:
            cells[name] = SUPPRESSED
            hidden = True
    if hidden:
        for name in DERIVED:
            if cells.get(name) is not None:
                cells[name] = SUPPRESSED_DERIVED
    return FigureRow(
        row.group_key,
        row.group_label,
        row.start,
        row.end,
        row.code,
        row.label,
        cells,
        row.is_share,
    )


HEADINGS = ["groep", "sleutel", "van", "tot", "code", "indicator"] + [
    heading for heading, _ in COLUMNS.values()
]


def _decimal_comma(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float | Decimal):
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.replace(".", ",")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def to_csv(rows: list[FigureRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for row in rows:
        values = [row.group_label, row.group_key, row.start, row.end, row.code, row.label]
        writer.writerow([_decimal_comma(v) for v in values + [row.cells.get(n) for n in COLUMNS]])
    # Excel reads UTF-8 only with the byte-order mark; without it "Zoë" turns into "ZoÃ«".
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def _sheet_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return value


def write_table(sheet: Worksheet, headings: list[str], rows: list[list[Any]]) -> None:
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_sheet_value(v) for v in row])
    sheet.freeze_panes = "A2"


def write_definitions(workbook: Workbook) -> None:
    sheet = workbook.create_sheet("Definities")
    write_table(
        sheet,
        ["code", "indicator", "definitie"],
        [[code, d.label, d.text] for code, d in DEFINITIONS.items()],
    )
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 40
    sheet.column_dimensions["C"].width = 110
    for cells in sheet.iter_rows(min_row=2):
        cells[2].alignment = Alignment(wrap_text=True, vertical="top")


def to_xlsx(report: IndicatorReport, rows: list[FigureRow], audience: Audience) -> bytes:
    workbook = Workbook()
    about = workbook.active
    assert about is not None
    about.title = "Rapport"
    write_table(
        about,
        ["", ""],
        [
            ["Periode van", report.period_from],
            ["Periode tot en met", report.period_to],
            ["Berekend op", report.computed_on],
            ["Groepering", report.group_by.value if report.group_by else "geen"],
            *[
                [name, str(value)]
                for name, value in report.filters.model_dump().items()
                if value is not None
            ],
            [
                "Publiek",
                "financier: aantallen van 1 tot 4 personen zijn onderdrukt ('<5')"
                if audience is Audience.FUNDER
                else "intern",
            ],
        ],
    )
    for cells in about.iter_rows(min_row=2):
        if isinstance(cells[1].value, date):
            cells[1].number_format = "DD/MM/YYYY"
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 48

    figures = workbook.create_sheet("Indicatoren")
    write_table(
        figures,
        HEADINGS,
        [
            [row.group_label, row.group_key, row.start, row.end, row.code, row.label]
            + [row.cells.get(name) for name in COLUMNS]
            for row in rows
        ],
    )
    value_column = 6 + list(COLUMNS).index("value")
    for row, cells in zip(rows, figures.iter_rows(min_row=2), strict=True):
        cells[2].number_format = cells[3].number_format = "DD/MM/YYYY"
        if row.is_share and isinstance(cells[value_column].value, float):
            cells[value_column].number_format = PERCENT
    figures.column_dimensions["E"].width = 48
    figures.column_dimensions["F"].width = 48
    write_definitions(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content=content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


# The columns a reader needs on paper; the XLSX carries them all.
PDF_COLUMNS = ("count", "numerator", "denominator", "value", "median", "n", "censored", "unknown")


def _pdf(report: IndicatorReport, rows: list[FigureRow], audience: Audience) -> bytes:
    sections: dict[str, list[list[Any]]] = {}
    for row in rows:
        title = f"{row.group_label} ({row.start:%d/%m/%Y} - {row.end:%d/%m/%Y})"
        sections.setdefault(title, []).append(
            [row.label, *(row.cells.get(name) for name in PDF_COLUMNS)]
        )
    headings = ["indicator", *(COLUMNS[name][0] for name in PDF_COLUMNS)]
    return indicators_pdf(report, headings, sections, audience)


def indicator_file(report: IndicatorReport, format: ExportFormat, audience: Audience) -> Response:
    rows = figure_rows(report)
    if audience is Audience.FUNDER:
        rows = [suppress(row) for row in rows]
    name = f"werkpad-indicatoren-{report.period_from}-{report.period_to}"
    if format is ExportFormat.CSV:
        return download(to_csv(rows), CSV_MEDIA_TYPE, f"{name}.csv")
    if format is ExportFormat.PDF:
        return download(_pdf(report, rows, audience), PDF_MEDIA_TYPE, f"{name}.pdf")
    return download(to_xlsx(report, rows, audience), XLSX_MEDIA_TYPE, f"{name}.xlsx")


# --- the trajectories behind a count ----------------------------------------------------------

DRILL_HEADINGS = [
    "deelnemer",
    "naam zichtbaar",
    "organisatie",
    "kader",
    "fase",
    "status",
    "gestart op",
    "beëindigd op",
    "uitstroom op",
    "uitstroomcategorie",
    "betaald werk op",
    "traject",
]


def _drill_values(row: DrillRow) -> list[Any]:
    return [
        row.participant_name,
        row.name_visible,
        row.organisation_name,
        row.framework_code,
        row.phase.value,
        row.status.value,
        row.started_on,
        row.ended_on,
        row.outflow_date,
        row.outflow_category.value if row.outflow_category else None,
        row.paid_work_on,
        str(row.trajectory_id),
    ]


def drill_csv(rows: Iterable[DrillRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(DRILL_HEADINGS)
    for row in rows:
        writer.writerow([_decimal_comma(value) for value in _drill_values(row)])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


DRILL_WIDTHS = (28, 8, 32, 18, 12, 10, 12, 12, 12, 24, 12, 38)


def drill_xlsx(title: str, rows: Iterable[DrillRow]) -> bytes:
    """Streamed row by row as text (app/reports/sheet.py): a region-wide list stays within a
    few tens of MB and a 10,000-row one takes a tenth of a second, not 1.5 s."""
    return list_xlsx(title, DRILL_HEADINGS, DRILL_WIDTHS, map(_drill_values, rows))


def drill_file(indicator: str, rows: Iterable[DrillRow], format: ListFormat) -> Response:
    name = f"werkpad-{indicator}-{date.today().isoformat()}"
    if format is ListFormat.CSV:
        return download(drill_csv(rows), CSV_MEDIA_TYPE, f"{name}.csv")
    return download(drill_xlsx(indicator, rows), XLSX_MEDIA_TYPE, f"{name}.xlsx")
