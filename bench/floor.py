"""The database floor: the same SQL a request runs, timed through the bare driver.

A probe runs the app in this process against the bench database, with connections whose
``commit()`` rolls back: the requests run exactly as in production (same statements, same
audit event, same locks), but leave the database as it was. Their statements, with bound
parameters, are captured at the cursor. Each request's statements are then replayed with
sqlite3 / psycopg alone, in one transaction that is rolled back at the end (so the floor has
no commit in it: it is, if anything, too low, and the ratio too high).
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url

from app.core.config import Settings
from app.core.database import make_engine, make_sessionmaker
from app.main import create_app
from bench.load import Request

Statement = tuple[str, Any, bool]  # SQL, parameters, executemany


class _RollbackOnCommitSqlite(sqlite3.Connection):
    def commit(self) -> None:
        self.rollback()


class _RollbackOnCommitPostgres(psycopg.Connection[Any]):
    def commit(self) -> None:
        self.rollback()


def _probe_engine(database_url: str) -> Engine:
    engine = make_engine(database_url)

    @event.listens_for(engine, "do_connect")
    def connect(_dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]) -> Any:
        if engine.dialect.name == "sqlite":
            return sqlite3.connect(*cargs, factory=_RollbackOnCommitSqlite, **cparams)
        return _RollbackOnCommitPostgres.connect(*cargs, **cparams)

    return engine


@dataclass
class Probe:
    """Captured statements per request, and the answers' status codes."""

    statements: list[list[Statement]]
    statuses: list[int]
    seconds: list[float]  # each request's time in the probe, app and all


@contextmanager
def probe_client(
    database_url: str, secret_key: str
) -> Iterator[tuple[TestClient, list[Statement]]]:
    settings = Settings(database_url=database_url, secret_key=secret_key)
    app = create_app(settings)
    app.state.engine.dispose()
    engine = _probe_engine(database_url)
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    captured: list[Statement] = []

    @event.listens_for(engine, "before_cursor_execute")
    def capture(_conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any, many: bool) -> None:
        # insertmanyvalues batches arrive flagged "many" with one flat parameter tuple.
        captured.append((sql, params, many and isinstance(params, list)))

    try:
        with TestClient(app, base_url="https://testserver") as client:
            yield client, captured
    finally:
        engine.dispose()


def capture(database_url: str, secret_key: str, token: str, requests: list[Request]) -> Probe:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    probe = Probe([], [], [])
    with probe_client(database_url, secret_key) as (client, captured):
        client.get("/api/v1/ready")  # the first connection's set-up statements go here
        for request in requests:
            captured.clear()
            started = time.perf_counter()
            answer = client.request(
                request.method, request.path, headers=headers, content=request.body
            )
            probe.seconds.append(time.perf_counter() - started)
            probe.statuses.append(answer.status_code)
            probe.statements.append(list(captured))
    return probe


def replay_seconds(
    database_url: str, statements: list[Statement], repeats: int, budget: float = 5.0
) -> float:
    """The median time of running ``statements`` in one transaction with the bare driver,
    ``repeats`` times or, for slow reports, as often as ``budget`` seconds allow (at least once)."""
    url = make_url(database_url)
    timings: list[float] = []
    if url.get_backend_name() == "sqlite":
        connection = sqlite3.connect(url.database or "", check_same_thread=False)
        for pragma in (
            "foreign_keys=ON",
            "journal_mode=WAL",
            "synchronous=NORMAL",
            "busy_timeout=5000",
        ):
            connection.execute(f"PRAGMA {pragma}")
        try:
            while _more(timings, repeats, budget):
                timings.append(_timed(connection, statements))
        finally:
            connection.close()
    else:
        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        # The session settings the app's engine sets (app/core/database.py), so that the floor
        # runs the statements as the app does.
        with psycopg.connect(conninfo, options="-c jit=off") as postgres:
            while _more(timings, repeats, budget):
                timings.append(_timed(postgres, statements))
    return statistics.median(timings)


def _more(timings: list[float], repeats: int, budget: float) -> bool:
    return not timings or (len(timings) < repeats and sum(timings) < budget)


def _timed(connection: Any, statements: list[Statement]) -> float:
    cursor = connection.cursor()
    started = time.perf_counter()
    for sql, params, many in statements:
        if many:
            cursor.executemany(sql, params)
        else:
            cursor.execute(sql, params)
        if cursor.description is not None:
            cursor.fetchall()
    elapsed = time.perf_counter() - started
    connection.rollback()
    cursor.close()
    return elapsed


def database_floor_ms(
    database_url: str,
    secret_key: str,
    token: str,
    requests: list[Request],
    *,
    sample: int,
    repeats: int,
) -> dict[str, Any]:
    """Per request of the scenario's mix: the mean over ``sample`` requests of the median
    replay time, with how many statements they ran."""
    chosen = requests[:sample]
    probe = capture(database_url, secret_key, token, chosen)
    bad = [s for s in probe.statuses if s >= 400]
    if bad:
        raise RuntimeError(f"the probe got error answers {bad} for {chosen[0].path}")
    times = [replay_seconds(database_url, s, repeats) for s in probe.statements]
    return {
        "floor_ms": 1000 * statistics.fmean(times),
        "statements_per_request": statistics.fmean(len(s) for s in probe.statements),
        "requests_sampled": len(chosen),
        "probe_ms": 1000 * statistics.fmean(probe.seconds),
    }
