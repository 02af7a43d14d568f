"""Battery item 5: a failure injected after the first statement of a multi-row write leaves the
database exactly as it was. The injection is a storage error (like a full disk) raised by the
driver hook on the Nth INSERT into one table, so every earlier statement of the request did run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, inspect, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.all_models import metadata
from app.auth.models import Role
from app.core.config import Settings
from app.trajectories.phases import Phase
from tests.clock import today
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.employment import make_employer, make_job
from tests.factories.organisations import make_organisation, make_work_floor
from tests.factories.progress import make_placement, restore_default_competence_items
from tests.factories.users import make_user, token_headers

API = "/api/v1"


def yesterday() -> date:
    return today() - timedelta(days=1)


Write = tuple[str, str, dict[str, Any], dict[str, str]]  # method, url, body, headers


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: "exactly as before" means equal."""
    existing = set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        return {
            table.name: sorted(
                (tuple(map(repr, row)) for row in connection.execute(select(table))),
            )
            for table in metadata.sorted_tables
            if table.name in existing
        }


@contextmanager
def fail_on_insert(engine: Engine, table: str, nth: int) -> Iterator[list[str]]:
    """Raise a storage error on the ``nth`` INSERT into ``table`` (1-based)."""
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith(f"INSERT INTO {table.upper()} "):
            seen.append(statement)
            if len(seen) == nth:
                raise OperationalError(statement, {}, Exception("injected: disk full"))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


@pytest.fixture
def case(session: Session, settings: Settings) -> dict[str, Any]:
    restore_default_competence_items(session)
    home = make_organisation(session)
    mediator = make_user(session, home, role=Role.MEDIATOR)
    coach = make_user(session, home, role=Role.COACH)
    floor = make_work_floor(session, home)
    participants = [make_participant(session, home) for _ in range(3)]
    trajectories = [make_trajectory(session, p, home, phase=Phase.ACTIVATION) for p in participants]
    placements = [make_placement(session, t, floor) for t in trajectories]
    for trajectory in trajectories:
        add_team_member(session, trajectory, mediator)
    employer = make_employer(session, home)
    job = make_job(session, participants[0], employer)
    return {
        "mediator": token_headers(mediator, settings),
        "coach": token_headers(coach, settings),
        "floor": floor,
        "trajectory": trajectories[0],
        "placements": placements,
        "job": job,
    }


def _outflow(case: dict[str, Any]) -> Write:
    body = {
        "date": yesterday().isoformat(),
        "category": "regular_job",
        "job_id": str(case["job"].id),
    }
    return "PUT", f"{API}/trajectories/{case['trajectory'].id}/outflow", body, case["mediator"]


def _floor_day(case: dict[str, Any]) -> Write:
    entries = [
        {"placement_id": str(p.id), "half_day": half, "status": "present", "hours": 3}
        for p in case["placements"]
        for half in ("am", "pm")
    ]
    body = {"date": yesterday().isoformat(), "entries": entries}
    return "POST", f"{API}/work-floors/{case['floor'].id}/attendance", body, case["coach"]


def _progress_log(case: dict[str, Any]) -> Write:
    body = {
        "logged_on": yesterday().isoformat(),
        "scores": [{"item_code": "punctuality", "score": 3}, {"item_code": "teamwork", "score": 2}],
        "text": "Goed op tijd, samenwerken gaat moeizamer.",
    }
    url = f"{API}/trajectories/{case['trajectory'].id}/progress-logs"
    return "POST", url, body, case["mediator"]


WRITES = {"outflow": _outflow, "floor_day": _floor_day, "progress_log": _progress_log}
# (write, table whose INSERT fails, which INSERT into it): the failure lands mid-request.
# SQLAlchemy sends an entity's rows as one multi-row INSERT, so the 1st INSERT of a later table
# is already "after the first statement".
INJECTIONS = [
    ("outflow", "follow_ups", 1),  # after the outflow row and the phase change
    ("outflow", "audit_events", 1),  # everything done, only the audit event is left
    ("floor_day", "attendances", 1),  # the floor's marks go in one multi-row INSERT
    ("floor_day", "audit_events", 1),
    ("progress_log", "progress_scores", 1),  # after the log row
    ("progress_log", "audit_events", 1),
]


@pytest.mark.parametrize(("write", "table", "nth"), INJECTIONS)
def test_a_failure_mid_write_leaves_the_database_exactly_as_before(
    write: str,
    table: str,
    nth: int,
    case: dict[str, Any],
    client: TestClient,
    app: FastAPI,
    engine: Engine,
) -> None:
    method, url, body, headers = WRITES[write](case)
    before = snapshot(engine)

    with fail_on_insert(app.state.engine, table, nth) as seen:
        response = client.request(method, url, json=body, headers=headers)

    assert len(seen) == nth, f"injection point not reached: {response.status_code} {seen}"
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "retry-after" in response.headers
    after = snapshot(engine)
    # The attempt itself is on the audit trail (outcome "error"), unless the audit write was
    # the failure; apart from that one event, nothing changed.
    attempts = [row for row in after.pop("audit_events") if row not in before["audit_events"]]
    before.pop("audit_events")
    assert after == before
    if table == "audit_events":
        assert attempts == []
    else:
        assert len(attempts) == 1
        with engine.connect() as connection:
            outcome = connection.execute(
                text("SELECT outcome, status_code FROM audit_events ORDER BY seq DESC LIMIT 1")
            ).one()
        assert tuple(outcome) == ("error", 503)

    # The same request succeeds once storage is back: the failure left nothing half-done.
    again = client.request(method, url, json=body, headers=headers)
    assert again.status_code in (200, 201), again.text


def test_the_injection_table_names_exist(engine: Engine) -> None:
    # Guards the test above against a renamed table turning the injections into no-ops.
    existing = set(inspect(engine).get_table_names())
    assert {table for _, table, _ in INJECTIONS} <= existing
    with engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar() == 1
