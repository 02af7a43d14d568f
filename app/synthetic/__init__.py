"""A synthetic region at any size, for `werkpad bench-data` and `make bench`.

Unlike the demo (app/demo: scripted stories through the ORM), this is built for volume: rows
are generated in storage form and loaded in bulk, one batch of participants at a time, so
100,000 participants with their case files load in about a minute on SQLite. The same seed
and the same day give the same region, ids included.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, select, text

from app.all_models import metadata
from app.core.security import hash_password
from app.progress.models import CompetenceItem
from app.synthetic.bulk import (
    SEEDED_TABLES,
    BulkWriter,
    case_file_tables_in_use,
    load_mode,
)
from app.synthetic.case_files import CaseFileBuilder
from app.synthetic.context import Context
from app.synthetic.region import build_region

__all__ = ["BENCH_PASSWORD", "DatabaseNotEmpty", "SyntheticReport", "generate"]

BENCH_PASSWORD = "werkpad-bench"  # noqa: S105 - printed for everyone; synthetic data only
PARTICIPANTS_PER_BATCH = 1000
LOADED_TABLES = [t.name for t in metadata.sorted_tables if t.name not in SEEDED_TABLES]


class DatabaseNotEmpty(Exception):
    def __init__(self, tables: list[str]) -> None:
        super().__init__(f"the database already holds data ({', '.join(tables[:5])} …)")
        self.tables = tables


@dataclass(frozen=True)
class SyntheticReport:
    participants: int
    seed: int
    today: date
    counts: dict[str, int]
    seconds: float


def generate(
    engine: Engine,
    *,
    participants: int,
    seed: int,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> SyntheticReport:
    """Fill an empty, migrated database with a region of ``participants`` participants.

    Raises DatabaseNotEmpty when any table besides the seeded reference data holds rows:
    the generator never mixes its people with real or earlier ones.
    """
    started = time.perf_counter()
    today = today or date.today()
    with engine.connect() as connection:
        filled = case_file_tables_in_use(connection)
        if filled:
            raise DatabaseNotEmpty(filled)
        items = [
            (item_id.hex, code, sort_order)
            for item_id, code, sort_order in connection.execute(
                select(CompetenceItem.id, CompetenceItem.code, CompetenceItem.sort_order)
                .where(CompetenceItem.organisation_id.is_(None), CompetenceItem.is_active)
                .order_by(CompetenceItem.sort_order)
            )
        ]
        connection.rollback()
        writer = BulkWriter(connection)
        ctx = Context(writer, seed=seed, today=today)
        with load_mode(connection, LOADED_TABLES):
            # One hash for everyone: Argon2 costs ~50 ms; 800 of them would be 40 s of nothing.
            password_hash = hash_password(BENCH_PASSWORD)
            region = build_region(ctx, participants=participants, password_hash=password_hash)
            writer.flush()
            builder = CaseFileBuilder(ctx, region, items)
            # The database writes one batch while the next is generated: the drivers leave
            # Python's lock while the database works, so two cores are both busy.
            with ThreadPoolExecutor(max_workers=1) as database:
                writing: Future[None] | None = None
                for done in range(0, participants, PARTICIPANTS_PER_BATCH):
                    for _ in range(min(PARTICIPANTS_PER_BATCH, participants - done)):
                        builder.participant()
                    batch = writer.take()
                    if writing is not None:
                        writing.result()
                    writing = database.submit(writer.write, batch)
                    if progress is not None:
                        progress(min(participants, done + PARTICIPANTS_PER_BATCH))
                if writing is not None:
                    writing.result()
        if connection.dialect.name == "postgresql":
            connection.execute(text("ANALYZE"))
            connection.commit()
    return SyntheticReport(
        participants=participants,
        seed=seed,
        today=today,
        counts=dict(sorted(writer.counts.items())),
        seconds=time.perf_counter() - started,
    )
