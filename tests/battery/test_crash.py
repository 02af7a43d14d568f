"""Battery item 7: kill -9 the server in the middle of 1,000 concurrent writes, start it again.
Every write the client saw acknowledged is stored, nothing is stored twice or out of nowhere,
and the audit trail's hash chain is still whole."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.audit import service as audit_service
from app.auth.models import Role
from app.core.config import Settings
from app.core.database import make_sessionmaker
from app.participants.models import Participant
from tests.battery.server import ServerProcess
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers
from tests.figures import report

WRITES = 1000
CLIENTS = 32
KILL_AFTER_ACKS = 250


def test_kill_9_under_write_load_loses_no_acknowledged_write(
    database_url: str, engine: Engine, session: Session, settings: Settings, tmp_path: Path
) -> None:
    home = make_organisation(session)
    mediator = make_user(session, home, role=Role.MEDIATOR)
    headers = token_headers(mediator, settings)
    server = ServerProcess(database_url, tmp_path / "server.log")
    server.start()

    acknowledged: dict[str, str] = {}  # first name → id the server answered
    lock = threading.Lock()
    killed = threading.Event()
    statuses: Counter[int] = Counter()

    def write(n: int) -> None:
        if killed.is_set():
            return
        body = {"first_name": f"Crash{n:04d}", "last_name": "Test", "birth_date": "1985-03-04"}
        try:
            response = httpx.post(
                f"{server.base_url}/api/v1/participants", json=body, headers=headers, timeout=10
            )
        except httpx.HTTPError:
            return  # the connection died with the server: not acknowledged
        with lock:
            statuses[response.status_code] += 1
        if response.status_code == 201:
            with lock:
                acknowledged[body["first_name"]] = response.json()["id"]
                if len(acknowledged) == KILL_AFTER_ACKS:
                    server.kill_hard()
                    killed.set()

    try:
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            list(pool.map(write, range(WRITES)))
        assert killed.is_set(), f"the server was never killed: {statuses}"
        server.start()  # recovery on the same database file or server
        assert httpx.get(f"{server.base_url}/api/v1/ready", timeout=5).status_code == 200
    finally:
        server.stop()

    session.expire_all()
    stored = dict(
        session.execute(
            select(Participant.first_name, Participant.id).where(Participant.last_name == "Test")
        ).all()
    )
    attempted = {f"Crash{n:04d}" for n in range(WRITES)}
    missing = {name for name in acknowledged if name not in stored}
    wrong_id = {name for name, id_ in acknowledged.items() if str(stored.get(name)) != id_}
    phantoms = set(stored) - attempted
    assert missing == set()
    assert wrong_id == set()
    assert phantoms == set()
    with make_sessionmaker(engine)() as check:
        verdict = audit_service.verify_chain(check)
    assert verdict.intact, verdict
    report(
        f"crash: kill -9 after {len(acknowledged)} acknowledged writes; "
        f"{len(stored)} stored, 0 lost, 0 phantom, audit chain intact ({verdict.count} events)"
    )
