"""`werkpad bench-data`: migrate, refuse or replace what is there, generate, report."""

from __future__ import annotations

from pathlib import Path

import typer
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.core.database import make_engine
from app.synthetic import BENCH_PASSWORD, DatabaseNotEmpty, generate


def bench_data(database_url: str, *, participants: int, seed: int, replace: bool) -> None:
    from app.cli import run_migrations

    if replace:
        drop_everything(database_url)
    elif make_url(database_url).get_backend_name() == "postgresql":
        create_postgres_database(database_url)
    run_migrations(database_url)
    engine = make_engine(database_url)
    typer.echo(f"Generating {participants:,} participants (seed {seed}) …")
    try:
        report = generate(
            engine,
            participants=participants,
            seed=seed,
            progress=lambda done: (
                typer.echo(f"  {done:,} participants", err=True) if done % 20_000 == 0 else None
            ),
        )
    except DatabaseNotEmpty as exc:
        typer.secho(
            f"Refused: {exc}. Use --replace to drop everything in it first.", err=True, fg="red"
        )
        raise typer.Exit(1) from exc
    finally:
        engine.dispose()
    width = max(len(name) for name in report.counts)
    for table, count in report.counts.items():
        typer.echo(f"  {table:<{width}} {count:>12,}")
    typer.echo(f"  {'total':<{width}} {sum(report.counts.values()):>12,}")
    typer.echo(
        f"Done in {report.seconds:.1f} s (as of {report.today.isoformat()}). "
        f"Every user's password: {BENCH_PASSWORD}"
    )


def drop_everything(database_url: str) -> None:
    """The whole database goes: a synthetic region never shares it with anything else."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            for suffix in ("", "-wal", "-shm"):
                Path(url.database + suffix).unlink(missing_ok=True)
        return
    create_postgres_database(database_url)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def create_postgres_database(database_url: str) -> None:
    url = make_url(database_url)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
