"""The `werkpad` command: serve, migrate, create-admin, seed-demo, backup, openapi, audit."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.engine import make_url

from app.core.config import PROJECT_ROOT, Settings, get_settings

cli = typer.Typer(
    help="Werkpad: case management for arbeidszorg and doorstroom.",
    no_args_is_help=True,
    add_completion=False,
)


def _settings() -> Settings:
    try:
        return get_settings()
    except ValidationError as exc:
        messages = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        typer.secho(f"Configuration error: {messages}", err=True, fg="red")
        raise typer.Exit(2) from exc


def run_migrations(database_url: str, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    command.upgrade(config, revision)


@cli.command()
def migrate() -> None:
    """Upgrade the database to the newest schema."""
    settings = _settings()
    run_migrations(settings.database_url)
    typer.echo("Database is up to date.")


LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "werkpad": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes")] = 1,
) -> None:
    """Serve the API and the web app."""
    import uvicorn

    settings = _settings()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        proxy_headers=True,
        log_level="info",
        # Ours instead of uvicorn's: that one prints query strings, where names can be.
        access_log=False,
        log_config=LOG_CONFIG,
    )


@cli.command("seed-demo")
def seed_demo() -> None:
    """Create the demo region: organisations, staff, case files (safe to run twice)."""
    from app.core.database import make_engine, make_sessionmaker, session_scope
    from app.demo import DEMO_PASSWORD
    from app.demo import seed_demo as seed

    settings = _settings()
    engine = make_engine(settings.database_url)
    with session_scope(make_sessionmaker(engine)) as session:
        report = seed(session)
    engine.dispose()
    typer.echo("Demo logins (password for all: " + DEMO_PASSWORD + "):")
    for login in report.logins:
        typer.echo(f"  {login.email:<32} {login.role.value:<11} {login.organisation}")
    typer.echo(report.summary)


@cli.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(help="E-mail address to log in with")],
    name: Annotated[str, typer.Option(help="Full name")],
    organisation: Annotated[
        str, typer.Option(help="Organisation name (created as the platform organisation if new)")
    ] = "Werkpad beheer",
) -> None:
    """Create a platform admin. Password from WERKPAD_ADMIN_PASSWORD or a prompt."""
    from app.auth.models import Role, User
    from app.auth.schemas import UserCreate
    from app.core.database import make_engine, make_sessionmaker, session_scope
    from app.core.security import hash_password
    from app.organisations.models import Organisation, OrganisationKind

    settings = _settings()
    password = os.environ.get("WERKPAD_ADMIN_PASSWORD") or typer.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    try:
        data = UserCreate(email=email, name=name, password=password, role=Role.ADMIN)
    except ValidationError as exc:
        for error in exc.errors():
            typer.secho(f"{'.'.join(map(str, error['loc']))}: {error['msg']}", err=True, fg="red")
        raise typer.Exit(2) from exc
    engine = make_engine(settings.database_url)
    with session_scope(make_sessionmaker(engine)) as session:
        if session.scalar(select(User.id).where(User.email == data.email.lower())):
            typer.secho(f"A user with e-mail {data.email} exists already.", err=True, fg="red")
            raise typer.Exit(1)
        org = session.scalar(select(Organisation).where(Organisation.name == organisation))
        if org is None:
            org = Organisation(name=organisation, kind=OrganisationKind.PLATFORM)
            session.add(org)
            session.flush()
        session.add(
            User(
                email=data.email.lower(),
                name=data.name,
                password_hash=hash_password(data.password),
                role=Role.ADMIN,
                organisation_id=org.id,
                is_platform_admin=True,
            )
        )
    engine.dispose()
    typer.echo(f"Platform admin {data.email} created in {organisation}.")


@cli.command()
def backup(
    to: Annotated[Path, typer.Option("--to", help="File to write the backup to")],
) -> None:
    """Copy the database while the app keeps running (SQLite online backup or pg_dump)."""
    settings = _settings()
    url = make_url(settings.database_url)
    to.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        source = sqlite3.connect(url.database or "")
        target = sqlite3.connect(to)
        with target:
            source.backup(target)  # consistent snapshot, writers are not blocked for long
        target.close()
        source.close()
    else:
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            typer.secho("pg_dump not found: install postgresql-client", err=True, fg="red")
            raise typer.Exit(1)
        plain_url = url.set(drivername="postgresql").render_as_string(hide_password=False)
        subprocess.run(  # noqa: S603 - fixed argv, no shell
            [pg_dump, "--format=custom", "--no-owner", f"--file={to}", plain_url], check=True
        )
    typer.echo(f"Backup written to {to} ({to.stat().st_size} bytes).")


@cli.command()
def retention(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Count only, change nothing")] = False,
    today: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Count periods up to this day")
    ] = None,
) -> None:
    """De-identify, per data class, what outlived its retention period (safe to run daily)."""
    from app.retention import jobs

    day = today.date() if today else date.today()
    for line in jobs.retention(_settings(), today=day, dry_run=dry_run):
        typer.echo(line)


@cli.command()
def restore(
    source: Annotated[
        Path, typer.Option("--from", exists=True, dir_okay=False, help="A `werkpad backup` file")
    ],
) -> None:
    """Replace the database by a backup, upgrade it, and erase again who was erased since."""
    from app.retention import jobs

    settings = _settings()
    started = time.perf_counter()
    try:
        jobs.restore_database(settings.database_url, source)
        run_migrations(settings.database_url)
        report = jobs.reapply_erasures(settings)
    except jobs.JobFailed as exc:
        typer.secho(str(exc), err=True, fg="red")
        raise typer.Exit(1) from exc
    typer.echo(f"Restored {source} in {time.perf_counter() - started:.2f} s.")
    typer.echo(report.summary)


@cli.command("bench-data")
def bench_data(
    participants: Annotated[int, typer.Option(min=1, help="Participants to create")] = 100_000,
    seed: Annotated[int, typer.Option(help="Same seed and day, same region")] = 1,
    database_url: Annotated[str | None, typer.Option(help="Default: WERKPAD_DATABASE_URL")] = None,
    replace: Annotated[bool, typer.Option(help="Drop everything in the database first")] = False,
) -> None:
    """Fill an empty database with a synthetic region for benchmarks (never real data)."""
    from app.synthetic.command import bench_data as run

    url = database_url or _settings().database_url
    run(url, participants=participants, seed=seed, replace=replace)


@cli.command()
def openapi() -> None:
    """Print the OpenAPI schema (used by `make client`)."""
    from app.main import create_app

    schema = create_app(Settings(database_url="sqlite://", secret_key="x" * 40)).openapi()
    sys.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


audit_cli = typer.Typer(help="The audit trail.", no_args_is_help=True)
cli.add_typer(audit_cli, name="audit")


@audit_cli.command("verify")
def audit_verify() -> None:
    """Recompute the audit trail's hash chain; exit 1 at the first changed or missing event."""
    from app.audit import service as audit_service
    from app.core.database import make_engine, make_sessionmaker, session_scope

    settings = _settings()
    engine = make_engine(settings.database_url)
    with session_scope(make_sessionmaker(engine)) as session:
        verdict = audit_service.verify_chain(session)
    engine.dispose()
    if not verdict.intact:
        typer.secho(
            f"Audit trail broken at seq {verdict.broken_seq}: {verdict.problem} "
            f"({verdict.count} events before it are intact).",
            err=True,
            fg="red",
        )
        raise typer.Exit(1)
    typer.echo(f"{verdict.count} events, chain intact (head {verdict.head_hash}).")


erasures_cli = typer.Typer(help="Erasures on request (AVG art. 17).", no_args_is_help=True)
cli.add_typer(erasures_cli, name="erasures")


@erasures_cli.command("reapply")
def erasures_reapply() -> None:
    """Erase again everyone in the erasure ledger or table who is not (e.g. after a restore)."""
    from app.retention import jobs

    try:
        typer.echo(jobs.reapply_erasures(_settings()).summary)
    except jobs.JobFailed as exc:
        typer.secho(str(exc), err=True, fg="red")
        raise typer.Exit(1) from exc


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
