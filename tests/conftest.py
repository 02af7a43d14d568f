"""Test harness: a real database built by the real migrations, emptied after every test.

`WERKPAD_TEST_DATABASE_URL` selects the database (SQLite file by default; `make test` runs the
suite a second time on PostgreSQL).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.all_models import metadata
from app.cli import run_migrations
from app.core.config import Settings
from app.core.database import make_engine, make_sessionmaker
from app.main import create_app
from tests import clock
from tests.figures import FIGURES

TEST_SECRET = "test-secret-key-that-is-long-enough-for-hs256-0123456789"
REFERENCE_TABLES = {"frameworks", "alembic_version"}
# Tables that mix rows seeded by a migration with rows tests add: delete only what matches.
SEEDED_ROWS = {"competence_items": "organisation_id IS NOT NULL"}


def ensure_postgres_database(url: str) -> None:
    """Create the PostgreSQL test database if it is missing (the cluster itself must run)."""
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": parsed.database}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def reset_postgres_schema(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("WERKPAD_TEST_DATABASE_URL")
    if url and url.startswith("postgresql"):
        ensure_postgres_database(url)
        reset_postgres_schema(url)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'werkpad-test.db'}"
    run_migrations(url)
    return url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def _day_of_this_test() -> Iterator[date]:
    """Pin tests.clock.today() for each test (why: tests/clock.py)."""
    with clock.day_of_this_test() as day:
        yield day


@pytest.fixture(autouse=True)
def _empty_database_after_test(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "engine" not in request.fixturenames:
        return
    engine: Engine = request.getfixturevalue("engine")
    # The tables the migrations made (a model without its migration is caught by
    # tests/test_migrations.py, not here).
    existing = set(inspect(engine).get_table_names())
    tables = [
        t
        for t in reversed(metadata.sorted_tables)
        if t.name in existing and t.name not in REFERENCE_TABLES
    ]
    with delete_triggers_lifted(engine), engine.begin() as connection:
        for table in tables:
            added_by_tests = SEEDED_ROWS.get(table.name)
            statement = table.delete()
            if added_by_tests is not None:
                statement = statement.where(text(added_by_tests))
            connection.execute(statement)


@contextmanager
def delete_triggers_lifted(engine: Engine) -> Iterator[None]:
    """Append-only tables (audit_events) refuse DELETE by trigger: lift the triggers while
    the tests' rows are removed, then put them back."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            tables = connection.scalars(
                text(
                    "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                    "WHERE event_object_schema = current_schema()"
                )
            ).all()
            lift = [f'ALTER TABLE "{t}" DISABLE TRIGGER USER' for t in tables]
            restore = [f'ALTER TABLE "{t}" ENABLE TRIGGER USER' for t in tables]
        else:
            triggers = connection.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            ).all()
            lift = [f'DROP TRIGGER "{name}"' for name, _ in triggers]
            restore = [sql for _, sql in triggers]
        for statement in lift:
            connection.exec_driver_sql(statement)
    try:
        yield
    finally:
        with engine.begin() as connection:
            for statement in restore:
                connection.exec_driver_sql(statement)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        database_url=database_url,
        secret_key=TEST_SECRET,
        frontend_dist=tmp_path / "no-dist",
    )


@pytest.fixture
def app(settings: Settings, engine: Engine) -> Iterator[FastAPI]:
    app = create_app(settings)
    yield app
    app.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    # https so that the Secure refresh cookie is kept and sent back, as a browser would.
    with TestClient(app, base_url="https://testserver") as client:
        yield client


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session for arranging data and checking results; commits are real."""
    session = make_sessionmaker(engine)()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The battery's figures (tests/figures.py), also without ``-s``."""
    if FIGURES:
        terminalreporter.write_sep("-", "battery figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
