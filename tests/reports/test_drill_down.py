"""Every count opens as the trajectories behind it: the same number, the same scope, names
only where the caller may open the case file, never a note."""

from __future__ import annotations

import io
import uuid
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.notes.models import Note, Visibility
from app.outflow.categories import OutflowCategory
from app.participants.models import Participant
from app.reports.definitions import DrillIndicator
from app.trajectories.phases import Phase
from tests.clock import today
from tests.reports.conftest import API, PROBLEM_JSON, Auth
from tests.reports.dataset import Region
from tests.reports.oracle import Caller, Oracle, load
from tests.reports.test_exports import csv_rows


def report_period() -> dict[str, str]:
    return {"from": str(today() - timedelta(days=1100))}


def count_behind(group: dict[str, Any], indicator: DrillIndicator) -> int:
    """The figure in the report that the drill-down must reproduce."""
    flow, cohort, retention = group["flow"], group["cohort"], group["retention"]
    name = indicator.value
    direct = {
        "trajectories_started": flow["trajectories_started"],
        "exits": flow["exits"]["total"],
        "exits_paid": flow["doorstroom_rate"]["numerator"],
        "exits_ips_competitive": flow["doorstroom_rate_ips"]["numerator"],
        "exits_positive": flow["positive_exit_rate"]["numerator"],
        "exits_drop_out": flow["drop_out_rate"]["numerator"],
        "exits_back_to_care": flow["back_to_care_rate"]["numerator"],
        "exits_left_out": flow["exits"]["left_out"],
        "reached_paid_work": cohort["time_to_paid_work"]["events"],
        "competitive_employment": group["ips"]["competitive_employment_rate"]["numerator"],
        "past_max_duration": group["effort"]["past_max_duration"]["numerator"],
    }
    if name in direct:
        return int(direct[name])
    if name.startswith("paid_work_within_"):
        return int(cohort["paid_work_within"][name.split("_")[3]]["numerator"])
    _, months, cls = name.split("_", 2)
    rate = retention[months]
    return int(
        {
            "working": rate["numerator"],
            "not_working": rate["denominator"] - rate["numerator"],
            "unknown": rate["unknown"],
            "pending": rate["pending"],
        }[cls]
    )


def drill(
    client: TestClient, headers: dict[str, str], indicator: str, **params: Any
) -> dict[str, Any]:
    response = client.get(
        f"{API}/indicators/{indicator}/trajectories",
        params={**report_period(), "limit": 200, **params},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_every_drillable_count_lists_exactly_as_many_trajectories(
    client: TestClient, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    for params in ({}, {"organisation_id": str(region.partner.id)}, {"framework": "ips"}):
        report = client.get(
            f"{API}/indicators", params={**report_period(), **params}, headers=headers
        )
        (group,) = report.json()["groups"]
        checked = 0
        for indicator in DrillIndicator:
            if indicator in SPLIT:
                continue  # one bar of a split count: checked below
            if indicator is DrillIndicator.PARTICIPANTS_IN_TRAJECTORY:
                continue  # counts people, lists trajectories: checked below
            body = drill(client, headers, indicator.value, **params)
            assert body["total"] == len(body["items"]) == count_behind(group, indicator), (
                params,
                indicator,
            )
            checked += body["total"]
        assert checked > 0


SPLIT = (DrillIndicator.IN_PHASE, DrillIndicator.EXITS_IN_CATEGORY)


def test_every_bar_of_the_funnel_and_the_destinations_opens_on_the_oracles_trajectories(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    oracle = Oracle(load(session), today())
    caller = Caller(region.manager.id, "manager", region.home.id)
    period = {"start": date.fromisoformat(report_period()["from"]), "end": today()}
    for params in ({}, {"organisation_id": str(region.partner.id)}, {"framework": "ips"}):
        report = client.get(
            f"{API}/indicators", params={**report_period(), **params}, headers=headers
        )
        (group,) = report.json()["groups"]
        filters = {k: uuid.UUID(v) if k.endswith("_id") else v for k, v in params.items()}
        opened = 0
        for phase in Phase:
            body = drill(client, headers, "in_phase", phase=phase.value, **params)
            listed = {uuid.UUID(item["trajectory_id"]) for item in body["items"]}
            assert body["total"] == len(listed) == group["flow"]["phase_funnel"][phase.value]
            assert listed == oracle.in_phase(caller, phase=phase.value, **period, **filters)
            assert all(item["phase"] for item in body["items"])
            opened += len(listed)
        for category in OutflowCategory:
            body = drill(client, headers, "exits_in_category", category=category.value, **params)
            listed = {uuid.UUID(item["trajectory_id"]) for item in body["items"]}
            expected = oracle.exits_in_category(
                caller, category=category.value, **period, **filters
            )
            assert len(listed) == group["flow"]["exits"]["by_category"][category.value]
            assert listed == expected, (params, category)
            assert {item["outflow_category"] for item in body["items"]} <= {category.value}
            opened += len(listed)
        assert opened > 0, params


@pytest.mark.parametrize(
    ("indicator", "params", "field"),
    [
        ("in_phase", {}, "phase"),
        ("in_phase", {"phase": "nowhere"}, "phase"),
        ("exits_in_category", {}, "category"),
        ("exits_in_category", {"category": "lottery"}, "category"),
        ("exits", {"phase": "intake"}, "phase"),
        ("in_phase", {"phase": "intake", "category": "drop_out"}, "category"),
    ],
)
def test_a_bar_without_its_phase_or_category_is_a_422_naming_it(
    client: TestClient,
    region: Region,
    auth: Auth,
    indicator: str,
    params: dict[str, str],
    field: str,
) -> None:
    for file_format in ("json", "csv"):
        response = client.get(
            f"{API}/indicators/{indicator}/trajectories",
            params={**params, "format": file_format},
            headers=auth(region.manager),
        )
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == PROBLEM_JSON
        assert field in {error["field"] for error in response.json()["errors"]}


def test_a_funnel_bar_downloads_as_a_file_named_after_its_phase(
    client: TestClient, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    items = drill(client, headers, "in_phase", phase="intake")["items"]
    response = client.get(
        f"{API}/indicators/in_phase/trajectories",
        params={**report_period(), "phase": "intake", "format": "csv"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert "in_phase_intake" in response.headers["content-disposition"]
    assert {r["traject"] for r in csv_rows(response.content)} == {i["trajectory_id"] for i in items}


def test_people_in_trajectory_are_the_distinct_people_of_the_listed_trajectories(
    client: TestClient, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    params = {"organisation_id": str(region.home.id)}
    (group,) = client.get(
        f"{API}/indicators", params={**report_period(), **params}, headers=headers
    ).json()["groups"]

    body = drill(client, headers, "participants_in_trajectory", **params)

    people = {item["participant_id"] for item in body["items"]}
    assert None not in people
    assert len(people) == group["flow"]["participants_in_trajectory"]


def test_names_only_where_the_file_opens_initials_for_a_partners_trajectories(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    body = drill(client, auth(region.manager), "trajectories_started")

    own = [i for i in body["items"] if i["organisation_id"] == str(region.home.id)]
    partners = [i for i in body["items"] if i["organisation_id"] == str(region.partner.id)]
    assert own and partners
    for item in own:
        person = session.get(Participant, uuid.UUID(item["participant_id"]))
        assert person is not None
        assert item["name_visible"] is True
        assert item["participant_name"] == f"{person.first_name} {person.last_name}"
    for item in partners:
        assert item["name_visible"] is False
        assert item["participant_id"] is None
        assert item["participant_name"].startswith("D.")  # "Deelnemer…" → "D." + "P."…
        assert len(item["participant_name"]) == 4


def test_a_drill_down_never_carries_a_note(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    started = [
        t for t in region.trajectories if t.started_on and t.organisation_id == region.home.id
    ]
    for visibility in Visibility:
        session.add(
            Note(
                trajectory_id=started[0].id,
                author_id=region.specialists[0].id,
                author_organisation_id=region.home.id,
                visibility=visibility,
                written_on=started[0].started_on,
                body=f"canary-{visibility.value}",
            )
        )
    session.commit()

    response = client.get(
        f"{API}/indicators/trajectories_started/trajectories",
        params={**report_period(), "limit": 200},
        headers=auth(region.manager),
    )

    assert str(started[0].id) in response.text
    assert "canary-" not in response.text


def test_pages_follow_the_usual_cursor_and_cover_the_whole_list(
    client: TestClient, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    whole = drill(client, headers, "trajectories_started")
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        page = drill(client, headers, "trajectories_started", **params)
        assert page["total"] == whole["total"]
        seen += [item["trajectory_id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [item["trajectory_id"] for item in whole["items"]]
    starts = [item["started_on"] for item in whole["items"]]
    assert starts == sorted(starts, reverse=True)


def test_a_drill_down_is_audited_with_the_people_it_showed(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    body = drill(client, auth(region.manager), "exits_paid")

    session.expire_all()
    event = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert event is not None
    assert event.route == "/api/v1/reports/indicators/{indicator}/trajectories"
    assert event.user_id == region.manager.id
    person_of = {str(t.id): t.participant_id for t in region.trajectories}
    people = {person_of[item["trajectory_id"]] for item in body["items"]}
    assert event.participant_count == len(people) > 1


def test_an_unknown_indicator_or_sort_is_a_422(
    client: TestClient, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    for path, params in (
        ("no_such_count", {}),
        ("exits", {"sort": "name"}),
        ("exits", {"cursor": "bm90LWEtY3Vyc29y"}),
    ):
        response = client.get(
            f"{API}/indicators/{path}/trajectories", params=params, headers=headers
        )
        assert response.status_code == 422, response.text


def whole_list(client: TestClient, headers: dict[str, str], indicator: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = drill(
            client, headers, indicator, limit=200, **({"cursor": cursor} if cursor else {})
        )
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def test_the_whole_list_downloads_as_csv_and_xlsx_with_the_same_rows_and_names(
    client: TestClient, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    items = whole_list(client, headers, "trajectories_started")
    url = f"{API}/indicators/trajectories_started/trajectories"

    as_csv = client.get(url, params={**report_period(), "format": "csv"}, headers=headers)
    assert as_csv.status_code == 200, as_csv.text
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    rows = csv_rows(as_csv.content)
    assert [r["traject"] for r in rows] == [i["trajectory_id"] for i in items]
    assert [r["deelnemer"] for r in rows] == [i["participant_name"] for i in items]
    assert {r["naam zichtbaar"] for r in rows} == {"ja", "nee"}  # initials for the partner's
    first = next(i for i in items if i["started_on"])
    row = next(r for r in rows if r["traject"] == first["trajectory_id"])
    assert row["gestart op"] == date.fromisoformat(first["started_on"]).strftime("%d/%m/%Y")

    as_xlsx = client.get(url, params={**report_period(), "format": "xlsx"}, headers=headers)
    assert as_xlsx.status_code == 200, as_xlsx.text
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "deelnemer"
    assert [v[-1] for v in values[1:]] == [i["trajectory_id"] for i in items]
    started = [v[6] for v in values[1:] if v[6] is not None]
    assert started and all(isinstance(v, datetime) for v in started)  # typed dates, not text


def test_a_list_file_is_an_export_and_counts_against_the_quota(
    client: TestClient, region: Region, auth: Auth, settings: Any
) -> None:
    settings.export_max_per_window = 1
    headers = auth(region.manager)
    url = f"{API}/indicators/exits/trajectories"
    assert (
        client.get(url, params={**report_period(), "format": "csv"}, headers=headers).status_code
        == 200
    )
    assert drill(client, headers, "exits")["items"] is not None  # pages stay free
    refused = client.get(url, params={**report_period(), "format": "xlsx"}, headers=headers)
    assert refused.status_code == 429
