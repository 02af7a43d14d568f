"""GET /audit-events: admins read what their staff did and what was done to their files."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.audit import service as audit_service
from app.audit.models import AuditOutcome
from app.core.config import Settings
from tests.audit.conftest import World
from tests.factories.users import token_headers

API = "/api/v1"
AUDIT = f"{API}/audit-events"


@pytest.fixture
def accesses(client: TestClient, settings: Settings, world: World) -> None:
    """A's counsellor reads A's file; B's counsellor probes A's file and reads B's own."""
    a, b = token_headers(world.counsellor_a, settings), token_headers(world.counsellor_b, settings)
    assert client.get(f"{API}/trajectories/{world.trajectory_a.id}", headers=a).status_code == 200
    assert client.get(f"{API}/trajectories/{world.trajectory_a.id}", headers=b).status_code == 404
    assert client.get(f"{API}/trajectories/{world.trajectory_b.id}", headers=b).status_code == 200


def listed(client: TestClient, headers: dict[str, str], **params: str) -> list[dict[str, object]]:
    response = client.get(AUDIT, params=params, headers=headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, object]] = response.json()["items"]
    return items


def test_an_admin_sees_her_staff_and_her_files_not_another_organisations(
    client: TestClient, settings: Settings, world: World, accesses: None
) -> None:
    admin_a = token_headers(world.admin_a, settings)
    seen = listed(client, admin_a)
    assert [(e["user_name"], e["outcome"]) for e in seen] == [("Bert", "not_found"), ("Anna", "ok")]
    assert {e["participant_id"] for e in seen} == {str(world.participant_a.id)}
    first = seen[1]
    assert first["route"] == "/api/v1/trajectories/{trajectory_id}"
    assert first["organisation_id"] == str(world.org_a.id)
    assert first["status_code"] == 200
    assert "hash" not in first

    admin_b = token_headers(world.admin_b, settings)
    seen_by_b = listed(client, admin_b)
    # B's admin sees her counsellor's probe of A's file and his read of B's file; not Anna's
    # read, nor A's admin reading the trail.
    assert [(e["user_name"], e["participant_id"]) for e in seen_by_b] == [
        ("Bert", str(world.participant_b.id)),
        ("Bert", str(world.participant_a.id)),
    ]


def test_reading_the_trail_is_itself_recorded(
    client: TestClient, settings: Settings, world: World, accesses: None
) -> None:
    admin_a = token_headers(world.admin_a, settings)
    listed(client, admin_a)
    newest = listed(client, admin_a)[0]
    assert newest["route"] == "/api/v1/audit-events"
    assert newest["user_id"] == str(world.admin_a.id)
    assert newest["action"] == "read"


def test_filters_by_participant_user_and_period(
    client: TestClient, settings: Settings, world: World, accesses: None
) -> None:
    admin_a = token_headers(world.admin_a, settings)
    by_bert = listed(client, admin_a, user_id=str(world.counsellor_b.id))
    assert [e["outcome"] for e in by_bert] == ["not_found"]
    about_a = listed(client, admin_a, participant_id=str(world.participant_a.id))
    # Anna's read, Bert's probe, and the admin's look at that probe: the trail she just read
    # showed A's file being looked at, so her read concerned A too.
    assert [(e["user_id"], e["route"]) for e in about_a] == [
        (str(world.admin_a.id), "/api/v1/audit-events"),
        (str(world.counsellor_b.id), "/api/v1/trajectories/{trajectory_id}"),
        (str(world.counsellor_a.id), "/api/v1/trajectories/{trajectory_id}"),
    ]
    today = date.today()
    assert len(listed(client, admin_a, **{"from": str(today), "to": str(today)})) >= 2
    assert listed(client, admin_a, to=str(today - timedelta(days=1))) == []
    not_found = listed(client, admin_a, outcome="not_found")
    assert [e["user_name"] for e in not_found] == ["Bert"]
    backwards = client.get(
        AUDIT, params={"from": str(today), "to": str(today - timedelta(days=1))}, headers=admin_a
    )
    assert backwards.status_code == 422
    assert backwards.json()["errors"][0]["field"] == "to"


def test_pages_follow_the_chain_newest_first(
    client: TestClient, settings: Settings, world: World, accesses: None
) -> None:
    admin_a = token_headers(world.admin_a, settings)
    params = {"participant_id": str(world.participant_a.id), "limit": "1"}
    first = client.get(AUDIT, params=params, headers=admin_a).json()
    assert first["total"] == 2 and first["next_cursor"]
    second = client.get(
        AUDIT, params={**params, "cursor": first["next_cursor"]}, headers=admin_a
    ).json()
    assert second["next_cursor"] is None
    assert first["items"][0]["seq"] > second["items"][0]["seq"]


def test_only_admins_read_the_trail(
    client: TestClient, settings: Settings, world: World, accesses: None
) -> None:
    for user in (world.coach_a, world.counsellor_a):
        response = client.get(AUDIT, headers=token_headers(user, settings))
        assert response.status_code == 403
        assert response.headers["content-type"] == "application/problem+json"


def test_the_participant_learns_who_looked_at_the_file(
    session: Session, world: World, accesses: None
) -> None:
    looks = audit_service.file_looks(session, world.participant_a.id)
    assert [(look.user_name, look.organisation_name, look.outcome) for look in looks] == [
        ("Anna", "Werkplaats A", AuditOutcome.OK),
        ("Bert", "Werkplaats B", AuditOutcome.NOT_FOUND),
    ]
    assert all(look.action == "read" for look in looks)
    assert audit_service.file_looks(session, world.participant_b.id)[0].user_name == "Bert"
