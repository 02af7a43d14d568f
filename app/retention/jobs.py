"""What the `werkpad retention`, `restore` and `erasures reapply` commands run (app/cli.py
only parses options and prints)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from app.core.config import Settings
from app.core.database import make_engine, make_sessionmaker, session_scope
from app.retention import service
from app.retention.ledger import LedgerUnreadable

PG_LOCK_TIMEOUT_SECONDS = 30


class JobFailed(Exception):
    """Told to the operator as is; nothing was changed."""


def retention(settings: Settings, *, today: date, dry_run: bool) -> list[str]:
    engine = make_engine(settings.database_url)
    try:
        with session_scope(make_sessionmaker(engine)) as session:
            runs = service.apply_retention(session, settings, today=today, dry_run=dry_run)
            if dry_run:
                session.rollback()
    finally:
        engine.dispose()
    verb = "would be de-identified (dry run: nothing changed)" if dry_run else "de-identified"
    lines = [f"Retention on {today:%Y-%m-%d}: {verb}"]
    for run in runs:
        lines.append(
            f"  {run.data_class.value:<9} {run.months:>4} months (before {run.cutoff:%Y-%m-%d}): "
            f"{run.subjects} {run.subject_kind}, {run.rows} rows"
        )
    return lines


def reapply_erasures(settings: Settings) -> service.ReapplyReport:
    engine = make_engine(settings.database_url)
    try:
        with session_scope(make_sessionmaker(engine)) as session:
            return service.reapply_erasures(session, settings.erasure_ledger_path)
    except LedgerUnreadable as exc:
        raise JobFailed(f"The erasure ledger is damaged, nothing was re-applied: {exc}") from exc
    finally:
        engine.dispose()


def restore_database(database_url: str, source: Path) -> None:
    """Replace the configured database's contents by the backup in ``source``."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        _restore_sqlite(Path(url.database or ""), source)
    else:
        _restore_postgres(url, source)


def _restore_sqlite(target_path: Path, source: Path) -> None:
    backup = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        try:
            (verdict,) = backup.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError as exc:
            raise JobFailed(f"{source} is not a SQLite database: {exc}") from exc
        if verdict != "ok":
            raise JobFailed(f"{source} is damaged: {verdict}")
        target_path.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(target_path, timeout=30)
        try:
            # Page by page under the target's write lock: readers see the old or the new state.
            backup.backup(target)
        finally:
            target.close()
    finally:
        backup.close()


def _restore_postgres(url: URL, source: Path) -> None:
    """The backup replaces the whole schema in one transaction: ``pg_restore --clean`` drops
    only what the backup holds, so a backup from an older Werkpad (before a table was added)
    failed on the newer tables' foreign keys. The archive is turned into SQL first, so a file
    that is not a backup fails before anything is dropped."""
    pg_restore, psql = shutil.which("pg_restore"), shutil.which("psql")
    if pg_restore is None or psql is None:
        raise JobFailed("pg_restore or psql not found: install postgresql-client")
    # The password goes through the environment: a command line is visible to every user.
    env = {
        **os.environ,
        "PGPASSWORD": url.password or os.environ.get("PGPASSWORD", ""),
        # A running app holds locks on the tables: fail (and change nothing) instead of waiting.
        "PGOPTIONS": f"-c lock_timeout={PG_LOCK_TIMEOUT_SECONDS}s",
    }
    plain = URL.create(
        "postgresql", url.username, None, url.host, url.port, url.database, url.query
    ).render_as_string()
    with tempfile.TemporaryDirectory(prefix="werkpad-restore-") as scratch:
        script = Path(scratch) / "restore.sql"
        converted = subprocess.run(  # noqa: S603
            [pg_restore, "--no-owner", f"--file={script}", str(source)],
            env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if converted.returncode != 0:
            raise JobFailed(
                f"pg_restore failed, the database is unchanged: {converted.stderr.strip()}"
            )
        argv = [
            psql, "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1",
            "--single-transaction",  # all or nothing: a half-restored database is worse than none
            "--command=DROP SCHEMA public CASCADE", "--command=CREATE SCHEMA public",
            f"--file={script}", f"--dbname={plain}",
        ]  # fmt: skip
        finished = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if finished.returncode != 0:
        raise JobFailed(f"the restore failed, the database is unchanged: {finished.stderr.strip()}")
