"""An export costs a fixed number of SQL statements, however many trajectories the person has.

Counted like the case file's budget (tests/timeline/test_query_budget.py): a listener on the
app's engine while the admin takes the export.
"""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.participants.models import Participant
from tests.access.conftest import World
from tests.factories.case_files import make_participant
from tests.rights.support import Staffing, export_url, fill_participant, rich_trajectory
from tests.timeline.test_query_budget import AUDIT, counted_statements

# One statement loads the caller; the export quota drops the caller's rows that left the window
# and counts the rest (app/quotas); then the participant; one per table of the file (24); the
# names of everyone the file mentions; who looked at the file; the audit event; and the quota's
# record of this export. On SQLite
# the quota's DELETE has already taken the write lock, so the audit chain needs no
# BEGIN IMMEDIATE of its own; PostgreSQL still takes its advisory lock.
QUOTA = 2
EXPORT_STATEMENTS = 1 + QUOTA + 1 + 24 + 1 + 1 + AUDIT + 1


def expected_statements(client: TestClient) -> int:
    engine = client.app.state.engine  # type: ignore[attr-defined]
    return EXPORT_STATEMENTS - (1 if engine.dialect.name == "sqlite" else 0)


def export_statements(client: TestClient, participant: Participant, headers: dict[str, str]) -> int:
    with counted_statements(client.app) as statements:  # type: ignore[arg-type]
        response = client.get(export_url(participant), headers=headers)
    assert response.status_code == 200, response.text
    return len(statements)


def test_three_trajectories_cost_as_many_statements_as_one(
    client: TestClient,
    session: Session,
    world: World,
    staffing: Staffing,
    admin_headers: dict[str, str],
) -> None:
    one, three = make_participant(session, world.owner), make_participant(session, world.owner)
    for participant in (one, three):
        fill_participant(session, participant, world.ggz)
    rich_trajectory(session, one, world.owner, staffing)
    for framework_code in ("ama_welfare", "ips", "doorstroom_province"):
        rich_trajectory(session, three, world.owner, staffing, framework_code=framework_code)
    export_statements(client, world.participant, admin_headers)  # warm-up: first connect

    counts = {
        "one trajectory": export_statements(client, one, admin_headers),
        "three trajectories": export_statements(client, three, admin_headers),
    }

    print(f"participant export: {counts} statements")
    expected = expected_statements(client)
    assert counts == {"one trajectory": expected, "three trajectories": expected}
