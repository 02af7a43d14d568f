from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app.auth.models import User
from app.cli import cli
from app.core import config
from app.demo import DEMO_PASSWORD, LOGINS, STAFF

runner = CliRunner()


@pytest.fixture
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WERKPAD_DATABASE_URL", database_url)
    monkeypatch.setenv("WERKPAD_SECRET_KEY", "x" * 40)
    config.get_settings.cache_clear()
    yield database_url  # type: ignore[misc]
    config.get_settings.cache_clear()


@pytest.mark.parametrize(
    "command", [[], ["serve"], ["migrate"], ["create-admin"], ["seed-demo"], ["backup"]]
)
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_seed_demo_is_idempotent_and_prints_the_logins(
    cli_env: str, session: Session, engine: object
) -> None:
    first = runner.invoke(cli, ["seed-demo"])
    second = runner.invoke(cli, ["seed-demo"])
    assert first.exit_code == second.exit_code == 0
    assert DEMO_PASSWORD in first.output
    assert all(login.email in first.output for login in LOGINS)
    assert session.scalar(select(func.count()).select_from(User)) == len(LOGINS) + len(STAFF)


def test_create_admin_takes_the_password_from_the_environment(
    cli_env: str, session: Session, engine: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WERKPAD_ADMIN_PASSWORD", "a long enough password")
    result = runner.invoke(cli, ["create-admin", "--email", "Root@Example.org", "--name", "Root"])
    assert result.exit_code == 0, result.output
    admin = session.scalar(select(User).where(User.email == "root@example.org"))
    assert admin is not None and admin.is_platform_admin
    again = runner.invoke(cli, ["create-admin", "--email", "root@example.org", "--name", "Root"])
    assert again.exit_code == 1


def test_create_admin_refuses_a_short_password(
    cli_env: str, engine: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WERKPAD_ADMIN_PASSWORD", "short")
    result = runner.invoke(cli, ["create-admin", "--email", "a@example.org", "--name", "A"])
    assert result.exit_code == 2


def test_create_admin_prompts_for_the_password(
    cli_env: str, session: Session, engine: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WERKPAD_ADMIN_PASSWORD", raising=False)
    result = runner.invoke(
        cli,
        ["create-admin", "--email", "p@example.org", "--name", "P"],
        input="typed password 123\ntyped password 123\n",
    )
    assert result.exit_code == 0, result.output
    assert session.scalar(select(User.id).where(User.email == "p@example.org"))


def test_production_with_a_weak_secret_refuses_to_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WERKPAD_ENV", "production")
    monkeypatch.setenv("WERKPAD_SECRET_KEY", "weak")
    config.get_settings.cache_clear()
    try:
        result = runner.invoke(cli, ["migrate"])
    finally:
        config.get_settings.cache_clear()
    assert result.exit_code == 2
    assert "SECRET_KEY" in result.output


def test_backup_copies_the_database(cli_env: str, engine: object, tmp_path: Path) -> None:
    runner.invoke(cli, ["seed-demo"])
    target = tmp_path / "backup.db"
    result = runner.invoke(cli, ["backup", "--to", str(target)])
    assert result.exit_code == 0, result.output
    if cli_env.startswith("sqlite"):
        copy = sqlite3.connect(target)
        (count,) = copy.execute("SELECT count(*) FROM users").fetchone()
        copy.close()
        assert count == len(LOGINS) + len(STAFF)
    else:
        assert target.read_bytes().startswith(b"PGDMP")
