"""A synthetic region at any size, for `werkpad bench-data` and `make bench`.

Unlike the demo (app/demo: scripted stories through the ORM), this is built for volume: rows
are generated in storage form and loaded in bulk, one batch of participants at a time (from
5,000 participants the batches are built in a second process while this one writes). The
same seed and the same day give the same region, ids included.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, select, text

from app.all_models import metadata
from app.core.security import hash_password
from app.progress.models import CompetenceItem
from app.synthetic.bulk import SEEDED_TABLES, BulkWriter, case_file_tables_in_use, load_mode
from app.synthetic.pipeline import Plan, batches, batches_from_a_process

__all__ = ["BENCH_PASSWORD", "DatabaseNotEmpty", "SyntheticReport", "generate"]

BENCH_PASSWORD = "werkpad-bench"  # noqa: S105 - printed for everyone; synthetic data only
LOADED_TABLES = [t.name for t in metadata.sorted_tables if t.name not in SEEDED_TABLES]
# From this size the rows are built in a second process while this one writes them.
SEPARATE_PROCESS_FROM = 5_000


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
    separate_process: bool | None = None,
) -> SyntheticReport:
    """Fill an empty, migrated database with a region of ``participants`` participants.

    Raises DatabaseNotEmpty when any table besides the seeded reference data holds rows:
    the generator never mixes its people with real or earlier ones. ``separate_process``
    (default: from 5,000 participants) builds the rows in a second process; the region is
    the same either way.
    """
    started = time.perf_counter()
    today = today or date.today()
    if separate_process is None:
        separate_process = participants >= SEPARATE_PROCESS_FROM
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
        plan = Plan(
            participants=participants,
            seed=seed,
            today=today,
            dialect=connection.dialect.name,
            # One hash for everyone: Argon2 costs ~50 ms; 800 of them would be 40 s of nothing.
            password_hash=hash_password(BENCH_PASSWORD),
            competence_items=items,
        )
        writer = BulkWriter(connection)
        done = 0
        with load_mode(connection, LOADED_TABLES):
            for batch in (batches_from_a_process if separate_process else batches)(plan):
                writer.write(batch)
                added = sum(e.count for e in batch if e.name == "participants")
                done += added
                if progress is not None and added:
                    progress(done)
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
