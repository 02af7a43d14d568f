"""Bulk loading for the synthetic region: rows go in as the database stores them, around the ORM.

Rows are tuples of values already in storage form (UUIDs as 32 hex digits, dates as ISO text,
booleans as 0/1), because converting 5 million rows through SQLAlchemy's bind processors
would cost more than generating them. ``pack`` then readies a batch for the driver where the
rows are built (in the generator's process when there is one), so the writer only sends:
SQLite gets ``INSERT … VALUES (…), (…), …`` with 100 rows a statement (a third less work
for SQLite and the driver than a row a statement), PostgreSQL gets ``COPY … FROM STDIN``
with the text already in COPY's format.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from sqlalchemy import Connection, and_, exists, func, inspect, select

from app.all_models import metadata

Row = tuple[Any, ...]

# Tables a fresh database already fills (migrations seed them), so they do not make it
# "non-empty".
SEEDED_TABLES = frozenset({"frameworks", "competence_items", "alembic_version"})


@dataclass
class TableRows:
    """Rows of one table in storage form; plain data, so a batch pickles cheaply when the
    generator runs in its own process."""

    name: str
    columns: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)
    count: int = 0
    # Set by pack(): each of ``rows`` holds ``per_statement`` rows one after the other,
    # ``rest`` the rows after the last full statement; on PostgreSQL ``copy_text`` all rows.
    per_statement: int = 1
    rest: list[Row] = field(default_factory=list)
    copy_text: bytes | None = None


Batch = list[TableRows]
ROWS_PER_STATEMENT = 100
SQLITE_MAX_VARIABLES = 32_766  # SQLite ≥ 3.32
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def pack(batch: Batch, dialect: str) -> Batch:
    """The batch as the writer sends it (see the module's docstring)."""
    packed = []
    for entry in batch:
        rows, width = entry.rows, len(entry.columns)
        if dialect == "postgresql":
            packed.append(
                TableRows(entry.name, entry.columns, count=len(rows), copy_text=_copy_text(rows))
            )
            continue
        per = max(1, min(ROWS_PER_STATEMENT, SQLITE_MAX_VARIABLES // width))
        full = len(rows) - len(rows) % per
        flat = [tuple(chain.from_iterable(rows[n : n + per])) for n in range(0, full, per)]
        packed.append(TableRows(entry.name, entry.columns, flat, len(rows), per, rows[full:]))
    return packed


def _copy_text(rows: list[Row]) -> bytes:
    """COPY's text format: tab between values, \\N for NULL, a line a row."""
    text = "".join(
        "\t".join(["\\N" if value is None else str(value) for value in row]) + "\n" for row in rows
    )
    width = len(rows[0]) if rows else 0
    if (
        text.count("\t") != len(rows) * (width - 1)
        or text.count("\n") != len(rows)
        or (text.count("\\") != text.count("\\N"))
    ):
        # A value holds a tab, a newline or a backslash: escape value by value.
        text = "".join(
            "\t".join(
                ["\\N" if value is None else str(value).translate(_COPY_ESCAPES) for value in row]
            )
            + "\n"
            for row in rows
        )
    return text.encode()


class RowBuffers:
    """Collects rows per table; ``take`` hands them over parents first, so foreign keys hold
    at every statement once they are checked again."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.pending: dict[str, TableRows] = {}
        self._order = {t.name: n for n, t in enumerate(metadata.sorted_tables)}

    def buffer(self, table_name: str, columns: Sequence[str]) -> list[Row]:
        """The list to append rows to: each row holds ``columns`` in this order."""
        entry = self.pending.get(table_name)
        if entry is None:
            table = metadata.tables[table_name]
            missing = [name for name in columns if name not in table.c]
            if missing:
                raise ValueError(f"{table_name} has no column(s) {missing}")
            entry = TableRows(table_name, tuple(columns))
            self.pending[table_name] = entry
        elif entry.columns != tuple(columns):
            raise ValueError(f"{table_name} is buffered with other columns")
        return entry.rows

    def take(self) -> Batch:
        """What was buffered, parents first, leaving the buffers empty for the next batch."""
        batch = []
        for name in sorted(self.pending, key=self._order.__getitem__):
            entry = self.pending[name]
            if entry.rows:
                batch.append(TableRows(name, entry.columns, entry.rows[:], len(entry.rows)))
                entry.rows.clear()
        return batch


class BulkWriter:
    """Writes batches with the driver itself: one ``executemany`` per table and batch on
    SQLite, ``COPY`` on PostgreSQL; one commit per batch."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect.name
        self.counts: dict[str, int] = {}
        self._quote = connection.dialect.identifier_preparer.quote

    def write(self, batch: Batch) -> None:
        # An explicit transaction: COPY goes through the driver's cursor, which SQLAlchemy
        # does not see, so a bare commit() would have nothing to commit.
        with self.connection.begin():
            for entry in batch:
                self._write(entry)
                self.counts[entry.name] = self.counts.get(entry.name, 0) + entry.count

    def _write(self, entry: TableRows) -> None:
        table = self._quote(entry.name)
        columns = ", ".join(self._quote(name) for name in entry.columns)
        if self.dialect == "postgresql":
            cursor = self.connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    if entry.copy_text is not None:
                        copy.write(entry.copy_text)
                    else:
                        for row in entry.rows:
                            copy.write_row(row)
            finally:
                cursor.close()
            return
        one = "(" + ", ".join("?" for _ in entry.columns) + ")"
        insert = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608 - our own names
        if entry.rows:
            values = ", ".join([one] * entry.per_statement)
            self.connection.exec_driver_sql(insert + values, entry.rows)
        if entry.rest:
            self.connection.exec_driver_sql(insert + one, entry.rest)


def timestamp_suffix(dialect: str) -> str:
    """SQLite stores UTC timestamps without a zone (app.core.database.UTCDateTime);
    PostgreSQL's timestamptz needs one, whatever the session's time zone."""
    return "+00" if dialect == "postgresql" else ""


def case_file_tables_in_use(connection: Connection) -> list[str]:
    """The tables that already hold rows (besides what migrations seed). A model whose
    migration is not there yet holds nothing the generator writes, so it is passed over."""
    existing = set(inspect(connection).get_table_names())
    filled = []
    for table in metadata.sorted_tables:
        if table.name in SEEDED_TABLES or table.name not in existing:
            continue
        if connection.execute(select(func.count()).select_from(table).limit(1)).scalar():
            filled.append(table.name)
    return filled


@contextmanager
def load_mode(connection: Connection, tables: Sequence[str]) -> Iterator[None]:
    """Load a fresh database faster: the secondary indexes of ``tables`` are dropped and
    built again at the end (one sort instead of millions of random B-tree inserts), and
    commits do not wait for the disk. The journal mode stays: leaving WAL needs the only
    connection to the file, and the app's pool (or a test's) may hold others. Foreign keys
    are checked once at the end instead of row by row: SQLite's foreign_key_check, and on
    PostgreSQL (for a superuser, who may skip the triggers that check them) one anti-join
    per foreign key.

    Primary keys, unique constraints and CHECKs stay on throughout; a unique index that is
    rebuilt (one open trajectory per framework) fails the load if the rows break it. If the
    process dies halfway, the database lacks those indexes: load again with ``--replace``.
    """
    sqlite = connection.dialect.name == "sqlite"
    unchecked = False
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
        unchecked = connection.exec_driver_sql("SHOW is_superuser").scalar() == "on"
        if unchecked:
            connection.exec_driver_sql("SET session_replication_role = replica")
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
            connection.exec_driver_sql("SET session_replication_role = DEFAULT")
            connection.exec_driver_sql("SET synchronous_commit = on")
            # A SET in a transaction that is rolled back is undone: the pool's reset would
            # hand out this connection with foreign keys still unchecked.
            connection.commit()
    if sqlite:
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
        if broken is not None:
            raise ValueError(f"synthetic rows break a foreign key: {tuple(broken)}")
    elif unchecked:
        _check_foreign_keys(connection, loaded)


def _check_foreign_keys(connection: Connection, tables: set[str]) -> None:
    existing = set(inspect(connection).get_table_names())
    for table in metadata.sorted_tables:
        if table.name not in tables or table.name not in existing:
            continue
        for key in table.foreign_key_constraints:
            parent = key.referred_table.alias()
            children = [element.parent for element in key.elements]
            matched = and_(
                *(parent.c[e.column.name] == e.parent for e in key.elements),
            )
            orphan = (
                select(*children)
                .where(*(c.is_not(None) for c in children), ~exists().where(matched))
                .limit(1)
            )
            broken = connection.execute(orphan).first()
            if broken is not None:
                raise ValueError(f"synthetic rows break {key.name}: {tuple(broken)}")
    connection.rollback()
