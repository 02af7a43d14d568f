"""Bulk loading for the synthetic region: rows go in as the database stores them, around the ORM.

SQLite gets one ``executemany`` per table and batch, PostgreSQL gets ``COPY … FROM STDIN``.
Rows are tuples of values already in storage form (UUIDs as 32 hex digits, dates as ISO text,
booleans as 0/1), because converting 5 million rows through SQLAlchemy's bind processors
would cost more than generating them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, func, select

from app.all_models import metadata

Row = tuple[Any, ...]

# Tables a fresh database already fills (migrations seed them), so they do not make it
# "non-empty".
SEEDED_TABLES = frozenset({"frameworks", "competence_items", "alembic_version"})


@dataclass
class TableRows:
    table: Table
    columns: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)


class BulkWriter:
    """Collects rows per table and writes them parents first, so foreign keys hold at every
    statement (SQLite checks them row by row)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect.name
        self.pending: dict[str, TableRows] = {}
        self.counts: dict[str, int] = {}
        self._order = {t.name: n for n, t in enumerate(metadata.sorted_tables)}
        quote = connection.dialect.identifier_preparer.quote
        self._quote = quote

    def buffer(self, table_name: str, columns: Sequence[str]) -> list[Row]:
        """The list to append rows to: each row holds ``columns`` in this order."""
        entry = self.pending.get(table_name)
        if entry is None:
            table = metadata.tables[table_name]
            missing = [name for name in columns if name not in table.c]
            if missing:
                raise ValueError(f"{table_name} has no column(s) {missing}")
            entry = TableRows(table, tuple(columns))
            self.pending[table_name] = entry
        elif entry.columns != tuple(columns):
            raise ValueError(f"{table_name} is buffered with other columns")
        return entry.rows

    def flush(self) -> None:
        self.write(self.take())

    def take(self) -> list[TableRows]:
        """What was buffered, parents first, leaving the buffers empty for the next batch."""
        batch = []
        for name in sorted(self.pending, key=self._order.__getitem__):
            entry = self.pending[name]
            if entry.rows:
                batch.append(TableRows(entry.table, entry.columns, entry.rows[:]))
                self.counts[name] = self.counts.get(name, 0) + len(entry.rows)
                entry.rows.clear()
        return batch

    def write(self, batch: list[TableRows]) -> None:
        for entry in batch:
            self._write(entry)
        self.connection.commit()

    def _write(self, entry: TableRows) -> None:
        table = self._quote(entry.table.name)
        columns = ", ".join(self._quote(name) for name in entry.columns)
        if self.dialect == "postgresql":
            cursor = self.connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in entry.rows:
                        copy.write_row(row)
            finally:
                cursor.close()
        else:
            marks = ", ".join("?" for _ in entry.columns)
            self.connection.exec_driver_sql(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608 - our own names
                entry.rows,
            )


def timestamp_suffix(dialect: str) -> str:
    """SQLite stores UTC timestamps without a zone (app.core.database.UTCDateTime);
    PostgreSQL's timestamptz needs one, whatever the session's time zone."""
    return "+00" if dialect == "postgresql" else ""


def case_file_tables_in_use(connection: Connection) -> list[str]:
    """The tables that already hold rows (besides what migrations seed)."""
    filled = []
    for table in metadata.sorted_tables:
        if table.name in SEEDED_TABLES:
            continue
        if connection.execute(select(func.count()).select_from(table).limit(1)).scalar():
            filled.append(table.name)
    return filled


@contextmanager
def load_mode(connection: Connection, tables: Sequence[str]) -> Iterator[None]:
    """Load a fresh database faster: the secondary indexes of ``tables`` are dropped and
    built again at the end (one sort instead of millions of random B-tree inserts), and
    commits do not wait for the disk. On SQLite, foreign keys are checked once at the end
    instead of row by row.

    Primary keys, unique constraints and CHECKs stay on throughout; a unique index that is
    rebuilt (one open trajectory per framework) fails the load if the rows break it. If the
    process dies halfway, the database lacks those indexes: load again with ``--replace``.
    """
    sqlite = connection.dialect.name == "sqlite"
    connection.commit()
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.exec_driver_sql("PRAGMA synchronous=OFF")
        connection.exec_driver_sql("PRAGMA cache_size=-400000")  # 400 MB while loading
        listed = connection.exec_driver_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )
    else:
        connection.exec_driver_sql("SET synchronous_commit = off")
        listed = connection.exec_driver_sql(
            "SELECT indexname, tablename, indexdef FROM pg_indexes i "
            "WHERE schemaname = current_schema() "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
        )
    loaded = set(tables)
    indexes = [(name, sql) for name, table, sql in listed if table in loaded]
    for name, _sql in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    connection.commit()
    try:
        yield
    finally:
        connection.rollback()
        for _name, sql in indexes:
            connection.exec_driver_sql(sql)
        connection.commit()
        if sqlite:
            connection.exec_driver_sql("PRAGMA cache_size=-2000")
            connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        else:
            connection.exec_driver_sql("SET synchronous_commit = on")
    if sqlite:
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
        if broken is not None:
            raise ValueError(f"synthetic rows break a foreign key: {tuple(broken)}")
