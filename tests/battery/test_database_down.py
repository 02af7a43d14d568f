"""Battery item 6: the database goes away under traffic and comes back. Every data route
answers 503 problem+json with Retry-After while it is gone (never a 500), /ready says 503,
and the app recovers by itself when it returns. SQLite's disk running full is a clear 503
with no partial rows.

The outage test always runs against this machine's PostgreSQL (its own database, behind a
proxy it can cut), whichever database the rest of the suite uses."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.cli import run_migrations
from app.core.config import Settings
from app.core.database import make_engine, make_sessionmaker
from app.main import create_app
from tests.battery.proxy import CuttableProxy
from tests.conftest import TEST_SECRET, ensure_postgres_database
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers
from tests.figures import report

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432"
RECOVERY_LIMIT_S = 30


def _drop_database(name: str) -> None:
    admin = create_engine(f"{POSTGRES}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def outage_database() -> Iterator[str]:
    name = f"werkpad_outage_{os.getpid()}"
    url = f"{POSTGRES}/{name}"
    _drop_database(name)
    ensure_postgres_database(url)
    run_migrations(url)
    yield url
    _drop_database(name)


def _seed(url: str) -> tuple[Any, ...]:
    engine = make_engine(url)
    session: Session = make_sessionmaker(engine)()
    home = make_organisation(session)
    mediator = make_user(session, home, role=Role.MEDIATOR)
    participant = make_participant(session, home)
    trajectory = make_trajectory(session, participant, home)
    add_team_member(session, trajectory, mediator)
    ids = (mediator, participant.id, trajectory.id)
    session.close()
    engine.dispose()
    return ids


def test_postgres_outage_answers_503_everywhere_and_recovers_without_restart(
    outage_database: str, tmp_path: Path
) -> None:
    mediator, participant_id, trajectory_id = _seed(outage_database)
    proxy = CuttableProxy(target_port=5432)
    proxy.start()
    settings = Settings(
        database_url=str(make_url(outage_database).set(port=proxy.port)),
        secret_key=TEST_SECRET,
        frontend_dist=tmp_path / "no-dist",
    )
    headers = token_headers(mediator, settings)
    data_routes = [
        "/api/v1/participants",
        f"/api/v1/participants/{participant_id}",
        f"/api/v1/trajectories/{trajectory_id}",
        f"/api/v1/trajectories/{trajectory_id}/timeline",
    ]
    app = create_app(settings)
    statuses: Counter[int] = Counter()
    wrong: list[str] = []
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as client:

        def get(path: str) -> httpx.Response:
            return client.get(path, headers=headers)

        assert [get(path).status_code for path in data_routes] == [200] * len(data_routes)

        # Traffic keeps coming while the database disappears.
        stop = threading.Event()

        def traffic() -> None:
            while not stop.is_set():
                for path in data_routes:
                    response = get(path)
                    statuses[response.status_code] += 1
                    if response.status_code not in (200, 503):
                        wrong.append(f"{path}: {response.status_code} {response.text[:200]}")

        worker = threading.Thread(target=traffic)
        worker.start()
        time.sleep(0.3)
        proxy.cut()
        time.sleep(1.5)
        during: list[httpx.Response] = [get(path) for path in data_routes]
        during.append(client.get("/api/v1/ready"))
        during.append(
            client.post(
                "/api/v1/participants",
                json={"first_name": "Tijdens", "last_name": "Storing", "birth_date": "1990-02-03"},
                headers=headers,
            )
        )
        for response in during:
            assert response.status_code == 503, response.text
            assert response.headers["content-type"] == "application/problem+json"
            assert int(response.headers["retry-after"]) > 0
        assert client.get("/api/v1/health").status_code == 200  # the process itself is alive

        proxy.start()
        back_at = time.monotonic()
        while time.monotonic() - back_at < RECOVERY_LIMIT_S:
            if client.get("/api/v1/ready").status_code == 200 and all(
                get(path).status_code == 200 for path in data_routes
            ):
                break
            time.sleep(0.1)
        recovered_in = time.monotonic() - back_at
        stop.set()
        worker.join()

        assert [get(path).status_code for path in data_routes] == [200] * len(data_routes)
    app.state.engine.dispose()
    proxy.cut()
    assert wrong == []
    assert statuses[503] > 0
    assert recovered_in < RECOVERY_LIMIT_S
    report(
        f"database down: {sum(statuses.values())} requests under traffic, "
        f"{statuses[503]} × 503, 0 × 500; recovered {recovered_in:.2f} s after it came back"
    )


def test_sqlite_disk_full_is_a_clear_503_and_leaves_no_partial_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'full.db'}"
    run_migrations(url)
    mediator, participant_id, _ = _seed(url)
    settings = Settings(
        database_url=url, secret_key=TEST_SECRET, frontend_dist=tmp_path / "no-dist"
    )
    app = create_app(settings)
    engine = app.state.engine
    with engine.connect() as connection:
        pages = connection.execute(text("PRAGMA page_count")).scalar_one()

    # No room for more than a few pages: the next big write cannot fit.
    def cap(dbapi_connection: Any, _: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    event.listen(engine, "connect", cap)
    engine.dispose()
    headers = token_headers(mediator, settings)
    count_sql = text("SELECT (SELECT count(*) FROM participants), (SELECT count(*) FROM notes)")
    with engine.connect() as connection:
        before = tuple(connection.execute(count_sql).one())

    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as client:
        responses = [
            client.post(
                "/api/v1/participants",
                json={
                    "first_name": f"Vol{n}",
                    "last_name": "Schijf",
                    "birth_date": "1990-02-03",
                    "address": "Kerkstraat " + "1" * 250,
                },
                headers=headers,
            )
            for n in range(40)
        ]
    refused = [r for r in responses if r.status_code != 201]
    assert refused, "the cap never bit: the test proves nothing"
    for response in refused:
        assert response.status_code in (503, 507), response.text
        assert response.headers["content-type"] == "application/problem+json"
    created = len(responses) - len(refused)
    with engine.connect() as connection:
        after = tuple(connection.execute(count_sql).one())
    assert after == (before[0] + created, before[1])  # each request all or nothing
    assert participant_id is not None
    app.state.engine.dispose()
    report(f"sqlite disk full: {created} writes fitted, {len(refused)} refused with 503/507")
