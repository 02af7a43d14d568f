"""Reports as PDF for people who read them on paper: the indicators and the funder reports,
laid out by app/core/pdf.py, with the same rows (and the same suppression) as the XLSX."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.core.pdf import PdfDocument
from app.reports.definitions import DEFINITIONS, Audience
from app.reports.schemas import FunderReport, IndicatorReport


def indicators_pdf(
    report: IndicatorReport,
    headings: list[str],
    sections: dict[str, list[list[Any]]],
    audience: Audience,
) -> bytes:
    """``sections``: per group, its figure rows under ``headings`` (the first column the
    indicator's name)."""
    document = PdfDocument(
        title="Indicatoren",
        subtitle=f"Periode {report.period_from:%d/%m/%Y} t/m {report.period_to:%d/%m/%Y}",
        generated_at=datetime.now(UTC),
    )
    document.key_values(
        [
            ("Berekend op", report.computed_on),
            ("Groepering", report.group_by.value if report.group_by else "geen"),
            *[(name, str(value)) for name, value in report.filters.model_dump().items() if value],
            (
                "Publiek",
                "financier: aantallen van 1 tot 4 personen zijn onderdrukt ('<5')"
                if audience is Audience.FUNDER
                else "intern",
            ),
        ]
    )
    for title, rows in sections.items():
        document.section(title)
        document.table(headings, rows, widths=[4, *([1] * (len(headings) - 1))])
    _definitions(document, {code: f"{d.label}: {d.text}" for code, d in DEFINITIONS.items()})
    return document.to_bytes()


def funder_pdf(
    report: FunderReport,
    funder_name: str,
    tables: list[tuple[str, list[str], list[list[Any]]]],
) -> bytes:
    organisation = report.organisation
    document = PdfDocument(
        title="Rapport voor de financier",
        subtitle=f"{organisation.name} - {report.year}",
        generated_at=datetime.now(UTC),
        author=organisation.name,
    )
    document.key_values(
        [
            ("Organisatie", organisation.name),
            ("KBO-nummer", organisation.kbo_number),
            ("Erkenningsnummer AMA", organisation.ama_recognition_number),
            ("Periode", f"{report.period_from:%d/%m/%Y} t/m {report.period_to:%d/%m/%Y}"),
            ("Financier", funder_name),
        ]
    )
    for title, headings, rows in tables:
        document.section(title)
        widths = [3.0, *([1.0] * (len(headings) - 1))]
        document.table(headings, rows, widths=widths)
    _definitions(document, report.definitions)
    document.section("Ondertekening")
    document.text("Ik verklaar dat dit rapport volledig en naar waarheid is opgesteld.")
    document.key_values(
        [
            ("Naam verantwoordelijke", "." * 60),
            ("Functie", "." * 60),
            ("Datum", "." * 60),
            ("Handtekening", "\n\n" + "." * 60),
        ]
    )
    return document.to_bytes()


def _definitions(document: PdfDocument, definitions: dict[str, str]) -> None:
    document.section("Definities")
    for code, text in definitions.items():
        document.subsection(code)
        document.text(text)
