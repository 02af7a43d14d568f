"""Reading funder months costs the same number of statements however long the trajectory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.auth.models import User
from app.core.dates import add_months
from app.organisations.models import Organisation
from app.trajectories.models import Trajectory
from app.trajectories.phases import Status
from tests.factories.case_files import make_participant
from tests.factories.funding import make_funder_month, make_note, make_trajectory_with_history
from tests.factories.progress import make_activation_session, make_progress_log
from tests.funding.conftest import Auth, months_url


@contextmanager
def counted_statements(app: FastAPI) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(app.state.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(app.state.engine, "before_cursor_execute", count)


def busy_trajectory(session: Session, home: Organisation, author: User, months: int) -> Trajectory:
    """Closed after ``months`` months, with several actions and a decision in every month."""
    start = date(2022, 1, 3)
    trajectory = make_trajectory_with_history(
        session,
        make_participant(session, home),
        [
            (Status.REFERRED, start),
            (Status.ACTIVE, start),
            (Status.CLOSED, add_months(start, months - 1)),
        ],
    )
    for n in range(months):
        day = add_months(start, n)
        make_progress_log(session, trajectory, author.id, logged_on=day)
        make_activation_session(session, trajectory, held_on=day)
        make_note(session, trajectory, author, on=day)
        make_funder_month(session, trajectory, day.replace(day=1))
    return trajectory


def cost_of_list(client: TestClient, app: FastAPI, headers: dict[str, str], t: Trajectory) -> int:
    with counted_statements(app) as statements:
        response = client.get(months_url(t), headers=headers)
    assert response.status_code == 200, response.text
    return len(statements)


def test_a_30_month_trajectory_costs_the_same_statements_as_a_3_month_one(
    client: TestClient,
    app: FastAPI,
    auth: Auth,
    manager: User,
    coach: User,
    home: Organisation,
    session: Session,
) -> None:
    short = busy_trajectory(session, home, coach, 3)
    long = busy_trajectory(session, home, coach, 30)
    headers = auth(manager)

    short_cost = cost_of_list(client, app, headers, short)
    long_cost = cost_of_list(client, app, headers, long)

    assert len(client.get(months_url(long), headers=headers).json()["items"]) == 30
    assert long_cost == short_cost
    # caller, trajectory, status history, actions, decisions, cap; the audit event (lock,
    # chain head, insert)
    assert short_cost <= 6 + 3
