"""Whose rows a figure counts (app/access/policies.reportable_trajectories), and bad
parameters answered as problems, never as an empty figure that looks real."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.employment.models import SupportInstrument
from app.organisations.models import Partnership, WorkFloor
from app.outflow.categories import OutflowCategory
from app.trajectories.models import TeamMember, TeamRole
from tests.clock import DaysFromToday, today, with_days_resolved
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.employment import (
    make_employer,
    make_employer_contact,
    make_follow_up,
    make_job,
    make_outflow,
)
from tests.factories.organisations import make_organisation
from tests.factories.progress import make_attendance, make_placement
from tests.factories.users import make_user
from tests.reports.conftest import API, PROBLEM_JSON, Auth
from tests.reports.dataset import Region


def report_period() -> dict[str, str]:
    return {"from": str(today() - timedelta(days=1100))}


def report(client: TestClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = client.get(
        f"{API}/indicators", params={**report_period(), **params}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def add_canaries(session: Session, region: Region) -> None:
    """Rows of an organisation the home manager does not report on, in every table the
    figures read, with values that would stand out: a paid exit, a 60-hour job at the top
    wage, follow-ups, attendance, employer contacts, and its specialist on a home team."""
    outsider = region.outsider
    floor = session.scalar(select(WorkFloor).where(WorkFloor.organisation_id == outsider.id))
    assert floor is not None
    specialist = make_user(session, outsider, role=Role.MEDIATOR)
    employer = make_employer(session, outsider)
    start = today() - timedelta(days=300)
    for n in range(6):
        person = make_participant(session, outsider, first_name=f"Canary{n}")
        trajectory = make_trajectory(
            session, person, framework_code="ips", started_on=start + timedelta(days=n)
        )
        add_team_member(session, trajectory, specialist, team_role=TeamRole.CASE_MANAGER_WORK)
        placement = make_placement(session, trajectory, floor, start_date=start)
        make_attendance(session, placement, on=start + timedelta(days=3), hours=Decimal("5"))
        job = make_job(
            session,
            person,
            employer,
            trajectory_id=trajectory.id,
            start_date=start + timedelta(days=20),
            hours_per_week=Decimal("60"),
            gross_hourly_wage=Decimal("199"),
            support_instrument=SupportInstrument.NONE,
        )
        outflow = make_outflow(
            session,
            trajectory,
            category=OutflowCategory.REGULAR_JOB,
            on=start + timedelta(days=20),
            job_id=job.id,
        )
        make_follow_up(session, outflow, months_after=3, status=None)
        make_employer_contact(
            session, employer, specialist, trajectories=[trajectory], contacted_on=start
        )
    # The outsider's specialist joins a home trajectory: their caseload and contacts belong
    # to their own organisation, not to the home figures.
    home_trajectory = next(
        t for t in region.trajectories if t.organisation_id == region.home.id and t.started_on
    )
    session.add(
        TeamMember(
            trajectory_id=home_trajectory.id,
            user_id=specialist.id,
            team_role=TeamRole.CASE_MANAGER_WORK,
            from_date=home_trajectory.started_on,
        )
    )
    session.commit()


def test_another_organisations_rows_change_no_figure_of_the_manager(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    before = [report(client, headers), report(client, headers, group_by="organisation")]

    add_canaries(session, region)

    after = [report(client, headers), report(client, headers, group_by="organisation")]
    assert after == before
    keys = {group["key"] for group in after[1]["groups"]}
    assert keys == {str(region.home.id), str(region.partner.id)}


def test_a_manager_never_sees_another_organisations_staff_in_the_caseloads(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    url = f"{API}/caseloads"
    before = client.get(url, params=report_period(), headers=headers).json()["staff"]

    add_canaries(session, region)

    after = client.get(url, params=report_period(), headers=headers).json()["staff"]
    assert after == before  # the outsider's specialist on a home team changes nothing
    reported = {str(region.home.id), str(region.partner.id)}
    assert {row["organisation_id"] for row in after} <= reported
    assert {row["organisation_id"] for row in after} & reported
    # The outsider's manager sees their own specialist, with the canaries still running
    # (only the one home trajectory is not theirs to count), and nobody of the home region.
    outsider = client.get(url, params=report_period(), headers=auth(region.outsider_manager)).json()
    assert {row["organisation_id"] for row in outsider["staff"]} == {str(region.outsider.id)}
    assert all(row["trajectories"] <= 6 for row in outsider["staff"])


def test_the_outsider_manager_counts_only_their_own_organisation(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    add_canaries(session, region)

    body = report(client, auth(region.outsider_manager), group_by="organisation")

    assert [group["key"] for group in body["groups"]] == [str(region.outsider.id)]
    # Their partnership is led by the partner organisation: they are no lead, so the
    # partner's trajectories are not theirs to count.
    assert body["groups"][0]["jobs"]["hourly_wage"]["q3"] == "199.00"


def test_a_mediator_counts_only_their_own_caseload(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    mediator = region.specialists[0]
    own = {
        t.id
        for t in region.trajectories
        if t.started_on
        and session.scalar(
            select(TeamMember.id).where(
                TeamMember.trajectory_id == t.id, TeamMember.user_id == mediator.id
            )
        )
    }
    response = client.get(
        f"{API}/indicators/trajectories_started/trajectories",
        params={"from": str(today() - timedelta(days=9 * 365)), "limit": 200},
        headers=auth(mediator),
    )
    assert response.status_code == 200, response.text
    listed = {item["trajectory_id"] for item in response.json()["items"]}
    assert listed == {str(t) for t in own}
    assert all(item["name_visible"] for item in response.json()["items"])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2025-03-01", "to": "2025-01-01"}, "to"),
        ({"group_by": "week"}, "group_by"),
        ({"to": DaysFromToday(1)}, "to"),
        ({"from": "2001-01-01", "to": "2025-01-01"}, "to"),
        ({"framework": "no_such_framework"}, "framework"),
        ({"target_group": "everyone"}, "target_group"),
        ({"from": "31/12/2024"}, "from"),
        ({"format": "pdf2"}, "format"),
    ],
)
def test_bad_parameters_are_problems_naming_the_field(
    client: TestClient, session: Session, auth: Auth, params: dict[str, str], field: str
) -> None:
    manager = make_user(session, make_organisation(session), role=Role.MANAGER)

    response = client.get(
        f"{API}/indicators", params=with_days_resolved(params), headers=auth(manager)
    )

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert field in {error["field"] for error in response.json()["errors"]}


def test_a_scope_the_caller_may_not_see_is_a_404_like_a_missing_one(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    outsider_floor = session.scalar(
        select(WorkFloor.id).where(WorkFloor.organisation_id == region.outsider.id)
    )
    not_led = session.scalar(
        select(Partnership.id).where(Partnership.lead_organisation_id == region.partner.id)
    )
    stranger = make_user(session, region.outsider, role=Role.MEDIATOR)
    headers = auth(region.manager)
    for params in (
        {"organisation_id": str(region.outsider.id)},
        {"organisation_id": str(region.gtb.id)},
        {"work_floor_id": str(outsider_floor)},
        {"partnership_id": str(not_led)},
        {"staff_id": str(stranger.id)},
        {"organisation_id": "00000000-0000-4000-8000-000000000000"},
    ):
        for path in ("/indicators", "/indicators/exits/trajectories", "/caseloads"):
            response = client.get(f"{API}{path}", params=params, headers=headers)
            assert response.status_code == 404, (params, response.text)
            assert response.headers["content-type"] == PROBLEM_JSON


def test_a_partner_in_a_led_partnership_is_in_scope_for_the_lead(
    client: TestClient, region: Region, auth: Auth
) -> None:
    body = report(client, auth(region.manager), organisation_id=str(region.partner.id))
    assert body["groups"][0]["flow"]["trajectories_started"] > 0


def test_admins_get_no_figures(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    admin = make_user(session, region.home, role=Role.ADMIN)
    for path in ("/indicators", "/indicators/exits/trajectories", "/caseloads"):
        response = client.get(f"{API}{path}", headers=auth(admin))
        assert response.status_code == 403, response.text
        assert response.headers["content-type"] == PROBLEM_JSON


def test_a_coach_counts_their_organisations_work_floors_only(
    client: TestClient, region: Region, auth: Auth
) -> None:
    coach_body = report(client, auth(region.coach), group_by="work_floor")
    keys = {group["key"] for group in coach_body["groups"]}
    assert keys <= {str(floor.id) for floor in region.home_floors}
    assert keys
