"""One Alembic history for both databases: reversible, and in step with the models."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from app.all_models import metadata
from app.core.config import PROJECT_ROOT
from app.core.database import make_engine
from tests.conftest import ensure_postgres_database, reset_postgres_schema

VERSIONS = PROJECT_ROOT / "migrations" / "versions"


@pytest.fixture
def scratch_url(tmp_path: Path) -> Iterator[str]:
    """An empty database of the kind under test, separate from the suite's own."""
    base = os.environ.get("WERKPAD_TEST_DATABASE_URL", "")
    if base.startswith("postgresql"):
        url = base.rsplit("/", 1)[0] + "/werkpad_test_migrations"
        ensure_postgres_database(url)
        reset_postgres_schema(url)
        yield url
    else:
        yield f"sqlite:///{tmp_path / 'migrations.db'}"


def alembic_config(url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url)
    return config


def test_upgrade_downgrade_upgrade(scratch_url: str) -> None:
    config = alembic_config(scratch_url)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    engine = make_engine(scratch_url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    command.upgrade(config, "head")
    with engine.connect() as connection:
        codes = connection.scalars(text("SELECT code FROM frameworks ORDER BY sort_order")).all()
    engine.dispose()
    assert codes[0] == "activation_trajectory"
    assert len(codes) == 6


def test_models_and_migrations_agree(scratch_url: str) -> None:
    command.upgrade(alembic_config(scratch_url), "head")
    engine = make_engine(scratch_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": True}
        )
        diff = compare_metadata(context, metadata)
    engine.dispose()
    assert diff == []


def test_migration_files_are_named_by_date_and_slug() -> None:
    names = [p.name for p in VERSIONS.glob("*.py")]
    assert names
    for name in names:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-\d{4}_[a-z0-9_]+\.py", name), name


def test_history_is_linear() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1
