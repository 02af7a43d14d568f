"""The funder reports of one organisation and year: the provincial premium (at most 24
approved months a person), attended half-days and active AMA agreements per month, as an
XLSX the organisation signs, with small floors suppressed."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import PROJECT_ROOT
from app.core.dates import add_months
from app.organisations.models import Organisation, WorkFloor
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.funding import make_funder_month
from tests.factories.organisations import make_organisation, make_work_floor
from tests.factories.progress import make_attendance, make_placement
from tests.factories.users import make_user
from tests.reports.conftest import API, PROBLEM_JSON, Auth

YEAR = 2024
SCREENSHOTS = PROJECT_ROOT / "frontend" / "test-results"


@dataclass
class Funded:
    home: Organisation
    manager: User
    floors: dict[str, WorkFloor]


@pytest.fixture
def funded(session: Session) -> Funded:
    """Kitchen: 6 people, garden: 7, bikes: 2. One kitchen person has 30 approved months
    from January 2023: only 12 of their 2024 months are within their first 24."""
    home = make_organisation(session, name="De Vlasbloem", ama_recognition_number="AMA-7")
    floors = {
        name: make_work_floor(session, home, name=name) for name in ("Keuken", "Groen", "Fietsen")
    }
    for name, people in (("Keuken", 6), ("Groen", 7), ("Fietsen", 2)):
        for n in range(people):
            person = make_participant(session, home)
            long_one = name == "Keuken" and n == 0
            start = date(2023, 1, 1) if long_one else date(2024, 1, 1)
            trajectory = make_trajectory(
                session,
                person,
                framework_code="doorstroom_province" if n % 2 else "ama_social_economy",
                started_on=start,
            )
            placement = make_placement(
                session,
                trajectory,
                floors[name],
                start_date=start,
                end_date=date(2024, 6, 30) if name == "Groen" else None,
            )
            for day in (date(2024, 2, 5), date(2024, 2, 6), date(2024, 7, 1)):
                if placement.end_date is None or day <= placement.end_date:
                    make_attendance(session, placement, on=day, hours=Decimal("3"))
            for month in range(30 if long_one else 3):
                make_funder_month(session, trajectory, add_months(start, month))
    return Funded(home, make_user(session, home, role=Role.MANAGER), floors)


def funder_report(client: TestClient, headers: dict[str, str], **params: Any) -> Any:
    return client.get(
        f"{API}/funder",
        params={"year": YEAR, **params},
        headers=headers,
    )


def test_the_premium_counts_approved_months_within_each_persons_first_24(
    client: TestClient, funded: Funded, auth: Auth
) -> None:
    response = funder_report(client, auth(funded.manager), organisation_id=str(funded.home.id))
    assert response.status_code == 200, response.text
    body = response.json()

    premium = {row["work_floor"]: row for row in body["premium"]}
    # Kitchen: 5 people x 3 months + the long one's 12 months of 2024, of which ranks 13-24.
    assert premium["Keuken"] == {
        "work_floor_id": str(funded.floors["Keuken"].id),
        "work_floor": "Keuken",
        "participants": 6,
        "approved_months": 15 + 12,
        "premium_months": 15 + 12,
    }
    assert premium["Groen"]["approved_months"] == 21
    half_days = {row["work_floor"]: row for row in body["half_days"]}
    assert half_days["Groen"]["months"]["2024-02"] == 14
    assert half_days["Groen"]["months"]["2024-07"] == 0  # placement ended in June
    assert half_days["Keuken"]["total"] == 18
    agreements = {row["work_floor"]: row for row in body["agreements"]}
    # AMA framework: the even-numbered people (kitchen 3, garden 4, bikes 1).
    assert agreements["Groen"]["months"]["2024-06"] == 4
    assert agreements["Groen"]["months"]["2024-07"] == 0
    assert agreements["Keuken"]["months"]["2024-12"] == 3


def test_a_year_beyond_the_cap_brings_no_premium_months(
    client: TestClient, session: Session, funded: Funded, auth: Auth
) -> None:
    response = funder_report(
        client, auth(funded.manager), organisation_id=str(funded.home.id), year=2025
    )
    assert response.status_code == 200, response.text
    (kitchen,) = [r for r in response.json()["premium"] if r["work_floor"] == "Keuken"]
    # The long one's months of 2025 (January to June) are their 25th to 30th.
    assert kitchen["approved_months"] == 6
    assert kitchen["premium_months"] == 0


def test_the_xlsx_names_the_organisation_period_and_signatory_and_hides_small_floors(
    client: TestClient, funded: Funded, auth: Auth
) -> None:
    response = funder_report(
        client, auth(funded.manager), organisation_id=str(funded.home.id), format="xlsx"
    )
    assert response.status_code == 200, response.text
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Rapport",
        "Doorstroompremie",
        "Halve dagen",
        "AMA-overeenkomsten",
        "Definities",
    ]
    cover = {row[0].value: row[1].value for row in workbook["Rapport"].iter_rows(min_row=2)}
    assert cover["Organisatie"] == "De Vlasbloem"
    assert cover["Erkenningsnummer AMA"] == "AMA-7"
    assert cover["Periode"] == "01/01/2024 t/m 31/12/2024"
    assert {"Naam verantwoordelijke", "Functie", "Datum", "Handtekening"} <= cover.keys()
    premium = {
        row[0].value: [c.value for c in row[1:]]
        for row in workbook["Doorstroompremie"].iter_rows(min_row=2)
    }
    # Bikes has 2 people: hidden; then kitchen (the smallest other floor) too, or the total
    # would give the bikes back. The total stays exact.
    assert premium["Fietsen"] == ["<5", "<5", "<5"]
    assert premium["Keuken"] == ["<5", "<5", "<5"]
    assert premium["Groen"] == [7, 21, 21]
    assert premium["Totaal"] == [15, 27 + 21 + 6, 27 + 21 + 6]
    definitions = [row[1].value for row in workbook["Definities"].iter_rows(min_row=2)]
    assert any("24" in text for text in definitions)


def test_funder_reports_are_for_managers_of_an_organisation_they_report_on(
    client: TestClient, session: Session, funded: Funded, auth: Auth
) -> None:
    other = make_organisation(session, name="Elders")
    coach = make_user(session, funded.home, role=Role.COACH)
    cases = [
        (auth(funded.manager), {"organisation_id": str(other.id)}, 404),
        (auth(coach), {"organisation_id": str(funded.home.id)}, 403),
        (auth(funded.manager), {"organisation_id": str(funded.home.id), "year": 2999}, 422),
        (auth(funded.manager), {"organisation_id": str(funded.home.id), "format": "csv"}, 422),
        (auth(funded.manager), {"organisation_id": str(funded.home.id), "funder": "x"}, 422),
    ]
    for headers, params, status in cases:
        response = funder_report(client, headers, **params)
        assert response.status_code == status, (params, response.text)
        assert response.headers["content-type"] == PROBLEM_JSON


def test_one_funder_gets_only_its_own_report(
    client: TestClient, funded: Funded, auth: Auth
) -> None:
    body = funder_report(
        client, auth(funded.manager), organisation_id=str(funded.home.id), funder="province"
    ).json()
    assert body["premium"] and body["half_days"] is None and body["agreements"] is None


def test_the_pdf_reads_as_the_signed_report_and_renders(
    client: TestClient, funded: Funded, auth: Auth, tmp_path: Path
) -> None:
    response = funder_report(
        client, auth(funded.manager), organisation_id=str(funded.home.id), format="pdf"
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for expected in ("De Vlasbloem", "AMA-7", "Doorstroompremie", "Groen", "<5", "Handtekening"):
        assert expected in text, expected
    # A picture of the first page to look at (frontend/test-results is where screenshots go).
    pdf = tmp_path / "funder.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    (png,) = tmp_path.glob("page*.png")
    assert png.stat().st_size > 5000
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(png, SCREENSHOTS / "reports-funder-page-1.png")
