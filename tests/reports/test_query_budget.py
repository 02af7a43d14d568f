"""Aggregation happens in SQL: a report costs the same statements for 70 people as for 130,
and a drill-down page the same for 5 rows as for 50."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.outflow.categories import OutflowCategory
from app.trajectories.models import TeamRole
from tests.clock import today
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.employment import make_employer, make_job, make_outflow
from tests.factories.progress import make_activation_session, make_attendance, make_placement
from tests.factories.users import make_user
from tests.reports.conftest import API, Auth
from tests.reports.dataset import Region


def report_period() -> dict[str, str]:
    return {"from": str(today() - timedelta(days=1100))}


# The caller (authentication); the facts computed once into temporary tables (create the
# trajectories' jobs, create the facts, analyse both, and at the end drop the two); then the
# families: flow 3, cohorts 3, jobs 2, IPS 2, effort 5; one more for the group labels when the
# groups are organisations, floors or frameworks.
REPORT_STATEMENTS = 1 + 5 + 15
# The caller, count, page, the page's rows; the audit event (lock, chain head, insert).
DRILL_STATEMENTS = 1 + 3 + 3
# The caller and one grouped statement; + 1 per id filter checked.
CASELOAD_STATEMENTS = 1 + 1


@contextmanager
def counted_statements(client: TestClient) -> Iterator[list[str]]:
    engine = client.app.state.engine  # type: ignore[attr-defined]
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def cost(client: TestClient, headers: dict[str, str], path: str, **params: Any) -> int:
    with counted_statements(client) as statements:
        response = client.get(f"{API}{path}", params={**report_period(), **params}, headers=headers)
    assert response.status_code == 200, response.text
    return len(statements)


def grow(session: Session, region: Region, people: int) -> None:
    """More people with full case files: exits, jobs, attendance and sessions."""
    employer = make_employer(session, region.home)
    for n in range(people):
        person = make_participant(session, region.home)
        start = today() - timedelta(days=100 + 7 * n)
        trajectory = make_trajectory(session, person, started_on=start)
        placement = make_placement(session, trajectory, region.home_floors[n % 3])
        make_attendance(session, placement, on=start + timedelta(days=2), hours=Decimal("4"))
        make_activation_session(session, trajectory, held_on=start + timedelta(days=5))
        job = make_job(
            session, person, employer, trajectory_id=trajectory.id, start_date=start + timedelta(30)
        )
        make_outflow(
            session,
            trajectory,
            category=OutflowCategory.REGULAR_JOB,
            on=start + timedelta(days=30),
            job_id=job.id,
        )


def test_a_report_costs_the_same_statements_however_many_trajectories(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    groupings: list[dict[str, str]] = [
        {},
        {"group_by": "month"},
        {"group_by": "organisation"},
        {"group_by": "work_floor", "framework": "ama_welfare"},
    ]
    before = [cost(client, headers, "/indicators", **g) for g in groupings]

    grow(session, region, 60)

    after = [cost(client, headers, "/indicators", **g) for g in groupings]
    assert after == before
    assert before == [
        REPORT_STATEMENTS,
        REPORT_STATEMENTS,
        REPORT_STATEMENTS + 1,
        REPORT_STATEMENTS + 2,
    ]  # + the framework check


def test_a_drill_down_page_costs_the_same_statements_however_long(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    short = cost(client, headers, "/indicators/exits/trajectories", limit=5)

    grow(session, region, 60)

    long = cost(client, headers, "/indicators/exits/trajectories", limit=50)
    assert long == short == DRILL_STATEMENTS


def test_the_caseloads_cost_one_grouped_statement_however_many_staff(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    before = [
        cost(client, headers, "/caseloads"),
        cost(client, headers, "/caseloads", organisation_id=str(region.home.id)),
    ]

    grow(session, region, 60)
    for index, trajectory in enumerate(region.trajectories):
        if trajectory.started_on and index % 2:
            staff = make_user(session, region.home, role=Role.MEDIATOR)
            add_team_member(session, trajectory, staff, team_role=TeamRole.COACH)

    after = [
        cost(client, headers, "/caseloads"),
        cost(client, headers, "/caseloads", organisation_id=str(region.home.id)),
    ]
    assert after == before == [CASELOAD_STATEMENTS, CASELOAD_STATEMENTS + 1]


def test_a_phase_or_category_bar_costs_what_any_drill_down_page_costs(
    client: TestClient, session: Session, region: Region, auth: Auth
) -> None:
    headers = auth(region.manager)
    assert cost(client, headers, "/indicators/in_phase/trajectories", phase="intake") == (
        DRILL_STATEMENTS
    )
    assert (
        cost(client, headers, "/indicators/exits_in_category/trajectories", category="drop_out")
        == DRILL_STATEMENTS
    )
