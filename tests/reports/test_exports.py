"""Exports opened back: CSV as Belgian Excel reads it, XLSX with typed cells and the
definitions, and cells of 1-4 people suppressed for funders."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pypdf import PdfReader

from app.reports.definitions import DEFINITIONS
from tests.clock import today
from tests.reports.conftest import API, Auth
from tests.reports.dataset import Region


def report_period() -> dict[str, str]:
    return {"from": str(today() - timedelta(days=1100))}


def download(client: TestClient, headers: dict[str, str], **params: Any) -> Any:
    response = client.get(
        f"{API}/indicators", params={**report_period(), **params}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response


def csv_rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith("\ufeff".encode())
    text = content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_csv_opens_in_belgian_excel(client: TestClient, region: Region, auth: Auth) -> None:
    headers = auth(region.manager)
    report = download(client, headers, group_by="organisation").json()
    response = download(client, headers, group_by="organisation", format="csv")

    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = csv_rows(response.content)
    by_code = {(r["sleutel"], r["code"]): r for r in rows}
    home = next(g for g in report["groups"] if g["key"] == str(region.home.id))
    doorstroom = by_code[(home["key"], "flow.doorstroom_rate")]
    assert doorstroom["teller"] == str(home["flow"]["doorstroom_rate"]["numerator"])
    assert doorstroom["waarde"] == str(home["flow"]["doorstroom_rate"]["value"]).replace(".", ",")
    assert doorstroom["indicator"] == "Doorstroom (Vlaamse definitie)"
    assert doorstroom["groep"] == "De Werkplaats"
    assert doorstroom["van"] == date.fromisoformat(report_period()["from"]).strftime("%d/%m/%Y")
    wage = by_code[(home["key"], "jobs.hourly_wage")]
    assert "," in wage["mediaan"] and "." not in wage["mediaan"]
    assert by_code[(home["key"], "flow.exits.by_category.regular_job")]["aantal"].isdigit()


def test_xlsx_has_typed_cells_and_explains_every_definition(
    client: TestClient, region: Region, auth: Auth
) -> None:
    response = download(client, auth(region.manager), format="xlsx")

    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Rapport", "Indicatoren", "Definities"]
    sheet = workbook["Indicatoren"]
    headings = [cell.value for cell in sheet[1]]
    rows = [
        dict(zip(headings, (c.value for c in row), strict=True))
        for row in sheet.iter_rows(min_row=2)
    ]
    doorstroom = next(r for r in rows if r["code"] == "flow.doorstroom_rate")
    assert isinstance(doorstroom["teller"], int)
    assert isinstance(doorstroom["waarde"], float)
    assert isinstance(doorstroom["van"], datetime)
    value_cell = next(
        row[headings.index("waarde")]
        for row in sheet.iter_rows(min_row=2)
        if row[headings.index("code")].value == "flow.doorstroom_rate"
    )
    assert value_cell.number_format == "0.0%"
    defined = {row[0].value for row in workbook["Definities"].iter_rows(min_row=2)}
    assert defined == set(DEFINITIONS)
    roots = {".".join(r["code"].split(".")[:2]) for r in rows}
    assert {code for code in DEFINITIONS if not code.startswith("retention")} <= roots


def test_funder_exports_suppress_counts_of_one_to_four_and_what_derives_from_them(
    client: TestClient, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    internal = {
        (r["sleutel"], r["code"]): r
        for r in csv_rows(download(client, headers, group_by="quarter", format="csv").content)
    }
    funder = {
        (r["sleutel"], r["code"]): r
        for r in csv_rows(
            download(client, headers, group_by="quarter", format="csv", audience="funder").content
        )
    }
    assert internal.keys() == funder.keys()
    suppressed = 0
    count_columns = ("aantal", "teller", "noemer", "n", "gecensureerd", "onbekend")
    for key, row in internal.items():
        small = [c for c in count_columns if row[c].isdigit() and 0 < int(row[c]) < 5]
        for column in count_columns:
            expected = "<5" if column in small else row[column]
            assert funder[key][column] == expected, (key, column)
        if small:
            suppressed += 1
            for derived in ("waarde", "mediaan"):
                assert funder[key][derived] in ("", "onderdrukt"), (key, derived)
    assert suppressed > 10
    workbook = load_workbook(
        io.BytesIO(
            download(client, headers, group_by="quarter", format="xlsx", audience="funder").content
        )
    )
    about = {row[0].value: row[1].value for row in workbook["Rapport"].iter_rows(min_row=2)}
    assert "onderdrukt" in about["Publiek"]


def test_the_pdf_holds_every_group_and_the_definitions(
    client: TestClient, region: Region, auth: Auth
) -> None:
    response = download(client, auth(region.manager), group_by="organisation", format="pdf")

    assert response.headers["content-type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for expected in ("De Werkplaats", "Partner Arbeidszorg", "Doorstroom (Vlaamse definitie)"):
        assert expected in text, expected
    assert "Definities" in text


def test_file_exports_have_a_quota_and_the_figures_on_screen_do_not_count(
    client: TestClient, region: Region, auth: Auth, settings: Any
) -> None:
    settings.export_max_per_window = 2
    headers = auth(region.manager)
    download(client, headers, format="csv")
    download(client, headers, format="xlsx")
    for _ in range(3):
        download(client, headers)  # JSON: the dashboard, not an export
    refused = client.get(
        f"{API}/indicators", params={**report_period(), "format": "pdf"}, headers=headers
    )
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1
    year = today().year - 1
    funder_file = client.get(
        f"{API}/funder",
        params={"year": year, "organisation_id": str(region.home.id), "format": "xlsx"},
        headers=headers,
    )
    assert funder_file.status_code == 429
