"""Battery item 8, the backup and restore drill.

A real server takes notes from eight clients; meanwhile ``werkpad backup`` copies the database.
After the backup a person is erased on request. ``werkpad restore`` then brings the backup into
an empty database. Judged on the restored database, through the participants' own exports:

- every note acknowledged before the backup started is there, with its text (0 lost);
- no note is there that no client sent, and none acknowledged after the backup ended (the
  backup is one consistent moment);
- the person erased after the backup is erased again (the ledger outside the database);
- the audit chain of the restored database is whole.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm import Session

from app.audit import service as audit_service
from app.auth.models import Role, User
from app.core.config import Settings
from app.core.database import make_engine, make_sessionmaker
from app.main import create_app
from app.retention.service import ERASED_NAME
from tests.battery.server import ROOT, ServerProcess
from tests.conftest import TEST_SECRET, ensure_postgres_database, reset_postgres_schema
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers
from tests.figures import report
from tests.retention.support import make_canary, make_case_file

API = "/api/v1"
FILES = 12
CLIENTS = 8
LOAD_BEFORE_BACKUP = 2.0  # seconds of writes before the backup starts
LOAD_AFTER_BACKUP = 1.0


@dataclass(frozen=True)
class Ack:
    note_id: str
    participant_id: str
    body: str
    sent_at: float
    acked_at: float


def werkpad(*args: str, database_url: str, ledger: Path) -> str:
    env = {
        **os.environ,
        "WERKPAD_DATABASE_URL": database_url,
        "WERKPAD_SECRET_KEY": TEST_SECRET,
        "WERKPAD_ERASURE_LEDGER_PATH": str(ledger),
    }
    finished = subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return finished.stdout


def empty_database_like(database_url: str, tmp_path: Path) -> str:
    """A second, empty database on the same engine as the test run's."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.db'}"
    target = url.set(database=f"werkpad_drill_{uuid.uuid4().hex[:8]}")
    rendered = target.render_as_string(hide_password=False)
    ensure_postgres_database(rendered)
    reset_postgres_schema(rendered)
    return rendered


def drop_database(database_url: str) -> None:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()


def test_backup_under_write_load_restores_every_acknowledged_write_and_the_erasures(
    database_url: str, session: Session, settings: Settings, tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger" / "erasure-ledger.jsonl"
    home = make_organisation(session, name="Werkplaats Drill")
    admin = make_user(session, home, role=Role.ADMIN)
    mediator = make_user(session, home, role=Role.MEDIATOR)
    files: dict[str, str] = {}  # trajectory id → participant id
    for n in range(FILES):
        participant = make_participant(session, home, first_name=f"Drill{n:02d}")
        trajectory = make_trajectory(session, participant, home)
        add_team_member(session, trajectory, mediator)
        files[str(trajectory.id)] = str(participant.id)
    leaver = make_case_file(
        session, home, make_canary(session, home), closed_on=date.today() - timedelta(days=30)
    )
    leaver_id = str(leaver.participant.id)
    session.commit()

    server = ServerProcess(
        database_url, tmp_path / "server.log", env={"WERKPAD_ERASURE_LEDGER_PATH": str(ledger)}
    )
    server.start()
    mediator_headers = token_headers(mediator, settings)
    acks: list[Ack] = []
    sent: set[str] = set()
    lock = threading.Lock()
    stop = threading.Event()
    counter = iter(range(10**9))

    def write_notes(lane: int) -> None:
        trajectories = list(files)
        with httpx.Client(base_url=server.base_url, headers=mediator_headers, timeout=30) as c:
            while not stop.is_set():
                with lock:
                    n = next(counter)
                trajectory = trajectories[n % len(trajectories)]
                body = f"drill-{n:06d}"
                with lock:
                    sent.add(body)
                sent_at = time.monotonic()
                response = c.post(
                    f"{API}/trajectories/{trajectory}/notes",
                    json={"visibility": "team", "body": body},
                )
                assert response.status_code == 201, response.text
                with lock:
                    acks.append(
                        Ack(
                            response.json()["id"],
                            files[trajectory],
                            body,
                            sent_at,
                            time.monotonic(),
                        )
                    )

    backup = tmp_path / "werkpad.backup"
    try:
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            lanes = [pool.submit(write_notes, lane) for lane in range(CLIENTS)]
            time.sleep(LOAD_BEFORE_BACKUP)
            backup_started = time.monotonic()
            werkpad("backup", "--to", str(backup), database_url=database_url, ledger=ledger)
            backup_ended = time.monotonic()
            # Erased after the backup: the backup still holds the person.
            erased = httpx.post(
                f"{server.base_url}{API}/participants/{leaver_id}/erasure",
                json={"reason": "Verzoek per brief, dossier AVG-DRILL"},
                headers=token_headers(admin, settings),
                timeout=30,
            )
            assert erased.status_code == 200, erased.text
            time.sleep(LOAD_AFTER_BACKUP)
            stop.set()
            for lane in lanes:
                lane.result()
    finally:
        stop.set()
        server.stop()

    target = empty_database_like(database_url, tmp_path)
    try:
        output = werkpad("restore", "--from", str(backup), database_url=target, ledger=ledger)
        restored_in = re.search(r"Restored .* in (\d+\.\d\d) s\.", output)
        assert restored_in, output
        assert "1 participant(s) erased again" in output, output
        engine = make_engine(target)
        with make_sessionmaker(engine)() as check:
            verdict = audit_service.verify_chain(check)
        engine.dispose()
        exported = exports_from(
            target, admin=admin, settings=settings, participants=[*files.values(), leaver_id]
        )
    finally:
        drop_database(target)

    before = [a for a in acks if a.acked_at < backup_started]
    after = [a for a in acks if a.sent_at > backup_ended]
    notes = {
        note["body"]: (note["id"], participant)
        for participant, export in exported.items()
        for trajectory in export["trajectories"]
        for note in trajectory["notes"]
        if note["body"].startswith("drill-")
    }
    lost = [a.body for a in before if notes.get(a.body) != (a.note_id, a.participant_id)]
    phantoms = sorted(set(notes) - sent)
    from_the_future = [a.body for a in after if a.body in notes]
    leaver_export = exported[leaver_id]["participant"]

    assert before and after, "the load did not span the backup"
    assert lost == []
    assert phantoms == []
    assert from_the_future == []
    assert leaver_export["first_name"] == ERASED_NAME
    assert verdict.intact, verdict
    database = make_url(database_url).get_backend_name()
    figure = (
        f"backup drill ({database}): {len(acks)} notes acknowledged, backup of "
        f"{backup_ended - backup_started:.2f} s under load, {len(before)} before it all restored "
        f"(0 lost, 0 phantom, 0 from after it), 1 erasure re-applied, "
        f"restore {restored_in.group(1)} s"
    )
    report(figure)
    print(figure)


def exports_from(
    database_url: str, *, admin: User, settings: Settings, participants: list[str]
) -> dict[str, dict[str, Any]]:
    """Each participant's export (the admin's view) from an app on the restored database."""
    restored = Settings(
        database_url=database_url,
        secret_key=TEST_SECRET,
        frontend_dist=settings.frontend_dist,
        erasure_ledger_path=settings.erasure_ledger_path,
        export_max_per_window=len(participants) + 1,
    )
    headers = token_headers(admin, restored)
    found = {}
    with TestClient(create_app(restored), base_url="https://testserver") as client:
        for participant in participants:
            response = client.get(f"{API}/participants/{participant}/export", headers=headers)
            if response.status_code != 200:
                pytest.fail(f"export of {participant}: {response.status_code} {response.text}")
            found[participant] = response.json()
    return found
