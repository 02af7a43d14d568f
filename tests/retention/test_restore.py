"""A backup from before an erasure, restored: the person is erased again automatically."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app.auth.models import Role
from app.cli import PROJECT_ROOT, cli, run_migrations
from app.core.config import Settings
from app.participants.models import Participant
from app.retention.models import Erasure
from app.retention.service import ERASED_NAME, REAPPLIED_REASON
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers
from tests.retention.support import (
    FIRST,
    canary_hits,
    erasure_url,
    figures,
    make_canary,
    make_case_file,
)

runner = CliRunner()
REASON = {"reason": "Verzoek per brief van 20 november, dossier AVG-2026-014"}


def werkpad(*args: str) -> str:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def backup_tools(cli_env: str) -> None:
    """PostgreSQL runs need the client tools; a missing one fails loudly, it is not skipped."""
    if cli_env.startswith("postgresql"):
        assert shutil.which("pg_dump") and shutil.which("pg_restore"), "install postgresql-client"


def test_restoring_a_backup_from_before_an_erasure_erases_the_person_again(
    backup_tools: None,
    client: TestClient,
    session: Session,
    engine: Engine,
    settings: Settings,
    tmp_path: Path,
    ledger_path: Path,
) -> None:
    owner = make_organisation(session, name="Werkplaats Eigenaar")
    case = make_case_file(
        session,
        owner,
        make_canary(session, owner),
        closed_on=date.today() - timedelta(days=30),
    )
    admin = make_user(session, owner, role=Role.ADMIN)
    before = figures(session, case.participant.id)
    session.commit()
    backup = tmp_path / "before-erasure.backup"
    werkpad("backup", "--to", str(backup))
    erased = client.post(
        erasure_url(case.participant.id), json=REASON, headers=token_headers(admin, settings)
    )
    assert erased.status_code == 200, erased.text
    session.commit()  # an open transaction would hold locks the restore waits for

    output = werkpad("restore", "--from", str(backup))

    assert re.search(r"Restored .* in \d+\.\d\d s\.", output), output
    assert "1 participant(s) erased again" in output
    assert canary_hits(engine) == set()
    assert figures(session, case.participant.id) == before
    session.expire_all()
    participant = session.get(Participant, case.participant.id)
    assert participant is not None and participant.first_name == ERASED_NAME
    erasure = session.scalars(select(Erasure)).one()  # the table row came back from the ledger
    assert str(erasure.id) == json.loads(ledger_path.read_text())["erasure_id"]
    assert (erasure.requested_by, erasure.reason) == (admin.id, REAPPLIED_REASON)
    session.commit()
    assert "0 participant(s) erased again" in werkpad("erasures", "reapply")


def test_reapply_puts_a_lost_ledger_line_back_from_the_table(
    client: TestClient, session: Session, settings: Settings, cli_env: str, ledger_path: Path
) -> None:
    owner = make_organisation(session, name="Werkplaats Eigenaar")
    participant = make_canary(session, owner)
    admin = make_user(session, owner, role=Role.ADMIN)
    response = client.post(
        erasure_url(participant.id), json=REASON, headers=token_headers(admin, settings)
    )
    assert response.status_code == 200, response.text
    ledger_path.unlink()

    output = werkpad("erasures", "reapply")

    assert "restored 1 ledger line(s) and 0 table row(s)" in output
    assert json.loads(ledger_path.read_text())["participant_id"] == str(participant.id)


def test_a_damaged_ledger_stops_the_reapply(
    cli_env: str, session: Session, ledger_path: Path
) -> None:
    owner = make_organisation(session, name="Werkplaats Eigenaar")
    make_canary(session, owner)
    ledger_path.parent.mkdir(parents=True)
    ledger_path.write_text('{"participant_id": "not a uuid"}\n')

    result = runner.invoke(cli, ["erasures", "reapply"])

    assert result.exit_code == 1
    assert "line 1" in result.output
    session.expire_all()
    assert session.scalar(select(Participant.first_name)) == FIRST


def test_restore_refuses_a_file_that_is_not_a_backup(
    cli_env: str, engine: Engine, session: Session, tmp_path: Path
) -> None:
    owner = make_organisation(session, name="Werkplaats Eigenaar")
    make_canary(session, owner)
    session.commit()
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"this is not a database backup" * 100)

    result = runner.invoke(cli, ["restore", "--from", str(junk)])

    assert result.exit_code == 1
    session.expire_all()
    assert session.scalar(select(Participant.first_name)) == FIRST


def test_a_backup_from_before_the_erasure_ledger_existed_is_upgraded_and_erased_again(
    backup_tools: None,
    client: TestClient,
    session: Session,
    engine: Engine,
    database_url: str,
    settings: Settings,
    tmp_path: Path,
    ledger_path: Path,
) -> None:
    """A backup taken under an older Werkpad (schema 0010, before the erasures table of
    0011) has nowhere to keep the erasure: the ledger file alone brings it back."""
    owner = make_organisation(session, name="Werkplaats Eigenaar")
    case = make_case_file(
        session, owner, make_canary(session, owner), closed_on=date.today() - timedelta(days=30)
    )
    admin = make_user(session, owner, role=Role.ADMIN)
    session.commit()
    session.close()
    engine.dispose()  # the downgrade rebuilds tables: no pooled connection may hold them
    backup = tmp_path / "schema-0010.backup"
    try:
        migrate_to(database_url, "0010")
        werkpad("backup", "--to", str(backup))
    finally:
        run_migrations(database_url)
    erased = client.post(
        erasure_url(case.participant.id), json=REASON, headers=token_headers(admin, settings)
    )
    assert erased.status_code == 200, erased.text

    output = werkpad("restore", "--from", str(backup))

    assert "1 participant(s) erased again" in output
    engine.dispose()
    assert canary_hits(engine) == set()
    participant = session.get(Participant, case.participant.id)
    assert participant is not None and participant.first_name == ERASED_NAME
    erasure = session.scalars(select(Erasure)).one()  # rebuilt from the ledger line
    assert str(erasure.id) == json.loads(ledger_path.read_text())["erasure_id"]


def migrate_to(database_url: str, revision: str) -> None:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    command.downgrade(config, revision)
