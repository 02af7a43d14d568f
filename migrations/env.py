"""Alembic environment: one linear history for SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from alembic import context
from sqlalchemy import Connection

from app.all_models import metadata
from app.core.config import get_settings
from app.core.database import UTCDateTime, make_engine

config = context.config


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    # Render our UTC wrapper as the plain column type it stores, so migrations import only sa.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        compare_server_default=True,
        render_item=_render_item,
    )


@contextmanager
def _foreign_keys_checked_at_the_end(connection: Connection) -> Iterator[None]:
    """SQLite's batch mode rebuilds a table by copying it and dropping the original; with
    foreign keys on, dropping a table that other rows point to fails (downgrading 0013 with
    progress scores present did). Keys are off while migrating and all checked at the end.
    The pragma only takes effect outside a transaction, hence before Alembic's."""
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")


def _migrate(connection: Connection) -> None:
    _configure(connection)
    with _foreign_keys_checked_at_the_end(connection), context.begin_transaction():
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            orphan = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
            if orphan is not None:
                raise RuntimeError(f"the migration left a row without its parent: {orphan}")


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # handed in by the CLI or the tests
        _migrate(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or get_settings().database_url
    engine = make_engine(url)
    with engine.connect() as connection:
        _migrate(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported: run `werkpad migrate`")
run_migrations_online()
