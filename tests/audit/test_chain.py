"""The trail is append-only and hash-chained: `werkpad audit verify` finds the first changed or
missing event, the database refuses UPDATE and DELETE, and concurrent writers never fork it."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app.audit import chain
from app.cli import cli
from app.core import config
from app.core.config import Settings
from tests.audit.conftest import World, events
from tests.conftest import delete_triggers_lifted
from tests.factories.users import token_headers

API = "/api/v1"
runner = CliRunner()


@pytest.fixture
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("WERKPAD_DATABASE_URL", database_url)
    monkeypatch.setenv("WERKPAD_SECRET_KEY", "x" * 40)
    config.get_settings.cache_clear()
    yield database_url
    config.get_settings.cache_clear()


@pytest.fixture
def trail(client: TestClient, session: Session, settings: Settings, world: World) -> list[int]:
    """Five events: reads and a write by the owning organisation's counsellor."""
    headers = token_headers(world.counsellor_a, settings)
    for _ in range(2):
        assert client.get(f"{API}/trajectories/{world.trajectory_a.id}", headers=headers).is_success
    created = client.post(
        f"{API}/trajectories/{world.trajectory_a.id}/notes",
        json={"visibility": "team", "body": "Afspraak met de jobcoach."},
        headers=headers,
    )
    assert created.status_code == 201
    for _ in range(2):
        assert client.get(f"{API}/notes/{world.note_a.id}", headers=headers).is_success
    return [e.seq for e in events(session)]


def verify() -> Any:
    return runner.invoke(cli, ["audit", "verify"])


def test_verify_reports_an_intact_chain(cli_env: str, trail: list[int], engine: Engine) -> None:
    result = verify()
    assert result.exit_code == 0, result.output
    assert f"{len(trail)} events, chain intact" in result.output


def test_verify_finds_the_first_changed_event(
    cli_env: str, trail: list[int], engine: Engine
) -> None:
    with delete_triggers_lifted(engine), engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_events SET user_role = 'admin' WHERE seq = :seq"), {"seq": trail[2]}
        )
    result = verify()
    assert result.exit_code == 1
    assert f"broken at seq {trail[2]}: its contents were changed" in result.output


def test_verify_finds_a_deleted_event(cli_env: str, trail: list[int], engine: Engine) -> None:
    with delete_triggers_lifted(engine), engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events WHERE seq = :seq"), {"seq": trail[1]})
    result = verify()
    assert result.exit_code == 1
    assert f"broken at seq {trail[2]}: events missing before it (seq {trail[1]})" in result.output


def test_verify_finds_an_event_rewritten_with_a_fresh_hash(
    cli_env: str, trail: list[int], engine: Engine, session: Session
) -> None:
    """A forger who recomputes the changed event's own hash still breaks the next link."""
    original = events(session)[1]
    forged = {name: getattr(original, name) for name in chain.HASHED_FIELDS}
    forged["route"] = "/api/v1/health"
    with delete_triggers_lifted(engine), engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_events SET route = :route, hash = :hash WHERE seq = :seq"),
            {
                "route": forged["route"],
                "hash": chain.event_hash(original.prev_hash, forged),
                "seq": original.seq,
            },
        )
    result = verify()
    assert result.exit_code == 1
    assert f"broken at seq {trail[2]}: does not link to the event before it" in result.output


def test_the_database_refuses_to_change_or_remove_events(
    trail: list[int], engine: Engine, session: Session
) -> None:
    statements = ["UPDATE audit_events SET outcome = 'ok'", "DELETE FROM audit_events"]
    if engine.dialect.name == "postgresql":
        statements.append("TRUNCATE audit_events")  # skips row triggers: refused on its own
    for statement in statements:
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))
    assert [e.seq for e in events(session)] == trail


def test_concurrent_requests_keep_one_unbroken_chain(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    headers = token_headers(world.counsellor_a, settings)
    trajectory_url = f"{API}/trajectories/{world.trajectory_a.id}"

    def request(n: int) -> int:
        if n % 2:  # a read only writes the event: its first write must not race the chain
            return int(client.get(trajectory_url, headers=headers).status_code)
        body = {"visibility": "team", "body": f"n{n}"}
        return int(client.post(f"{trajectory_url}/notes", json=body, headers=headers).status_code)

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(request, range(20)))
    assert statuses == [201 if n % 2 == 0 else 200 for n in range(20)]
    stored = events(session)
    assert [e.seq for e in stored] == list(range(1, 21))
    assert chain.verify(
        {
            **{n: getattr(e, n) for n in chain.HASHED_FIELDS},
            "prev_hash": e.prev_hash,
            "hash": e.hash,
        }
        for e in stored
    ).intact


def test_chain_verdicts_name_the_first_problem() -> None:
    def event(seq: int, prev_hash: str, **fields: Any) -> dict[str, Any]:
        values = {name: None for name in chain.HASHED_FIELDS} | {"seq": seq} | fields
        return {**values, "prev_hash": prev_hash, "hash": chain.event_hash(prev_hash, values)}

    first = event(1, chain.GENESIS_HASH, route="/a")
    second = event(2, first["hash"], route="/b")
    third = event(3, second["hash"], route="/c")
    assert chain.verify([first, second, third]) == chain.Verdict(3, third["hash"])
    assert chain.verify([]).intact
    assert chain.verify([first, third]).broken_seq == 3
    assert chain.verify([second, third]).problem == "events missing before it (seq 1)"
    changed = {**second, "route": "/x"}
    assert chain.verify([first, changed, third]).broken_seq == 2
    relinked = event(2, "f" * 64, route="/b")
    assert chain.verify([first, relinked]).problem == "does not link to the event before it"
