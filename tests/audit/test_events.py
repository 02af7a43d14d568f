"""Every read of a case file and every change leaves exactly one event, with all its fields."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.audit.models import AuditAction, AuditEvent, AuditOutcome
from app.core.config import Settings
from app.core.database import utcnow
from app.notes.models import Note
from tests.audit.conftest import World, events, last_seq
from tests.factories.users import PASSWORD, token_headers

API = "/api/v1"


def only_event(session: Session, after: int) -> AuditEvent:
    found = events(session, after=after)
    assert len(found) == 1, [(e.method, e.route, e.status_code) for e in found]
    return found[0]


def test_reading_a_trajectory_records_who_what_whose_when_where_and_how_it_went(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    before = last_seq(session)
    started = utcnow()
    response = client.get(
        f"{API}/trajectories/{world.trajectory_a.id}",
        headers=token_headers(world.counsellor_a, settings),
    )
    assert response.status_code == 200
    (event,) = events(session, after=before)
    assert event.user_id == world.counsellor_a.id
    assert event.user_role == "counsellor"
    assert event.organisation_id == world.org_a.id
    assert event.method == "GET"
    assert event.route == "/api/v1/trajectories/{trajectory_id}"
    assert event.action is AuditAction.READ
    assert (event.object_type, event.object_id) == ("trajectories", world.trajectory_a.id)
    assert event.trajectory_id == world.trajectory_a.id
    assert event.participant_id == world.participant_a.id
    assert event.participant_count == 1
    assert event.client_address == "testclient"
    assert (event.outcome, event.status_code) == (AuditOutcome.OK, 200)
    assert event.break_glass_grant_id is None and event.break_glass_reason is None
    assert started <= event.occurred_at <= utcnow()
    assert len(event.hash) == len(event.prev_hash) == 64


def test_the_notes_list_and_a_note_each_leave_one_event_naming_the_participant(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    headers = token_headers(world.counsellor_a, settings)
    before = last_seq(session)
    assert client.get(
        f"{API}/trajectories/{world.trajectory_a.id}/notes", headers=headers
    ).is_success
    listed = only_event(session, before)
    assert listed.route == "/api/v1/trajectories/{trajectory_id}/notes"
    assert listed.participant_id == world.participant_a.id

    before = last_seq(session)
    assert client.get(f"{API}/notes/{world.note_a.id}", headers=headers).is_success
    read = only_event(session, before)
    assert (read.object_type, read.object_id) == ("notes", world.note_a.id)
    assert read.trajectory_id == world.trajectory_a.id
    assert read.participant_id == world.participant_a.id


def test_a_post_a_patch_and_a_delete_each_leave_one_event_with_their_status(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    headers = token_headers(world.counsellor_a, settings)
    before = last_seq(session)
    created = client.post(
        f"{API}/trajectories/{world.trajectory_a.id}/notes",
        json={"visibility": "team", "body": "Gesprek met de werkgever gepland."},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    event = only_event(session, before)
    assert event.action is AuditAction.CREATE
    assert event.status_code == 201
    assert event.participant_id == world.participant_a.id

    before = last_seq(session)
    note_id = created.json()["id"]
    patched = client.patch(
        f"{API}/notes/{note_id}",
        json={"body": "Gesprek met de werkgever verzet."},
        headers={**headers, "If-Match": created.headers["etag"]},
    )
    assert patched.status_code == 200, patched.text
    event = only_event(session, before)
    assert event.action is AuditAction.UPDATE
    assert event.route == "/api/v1/notes/{note_id}"
    assert (event.object_type, str(event.object_id)) == ("notes", note_id)
    assert (event.outcome, event.status_code) == (AuditOutcome.OK, 200)

    before = last_seq(session)
    deleted = client.delete(
        f"{API}/notes/{note_id}", headers={**headers, "If-Match": patched.headers["etag"]}
    )
    assert deleted.status_code == 204, deleted.text
    event = only_event(session, before)
    assert (event.action, event.status_code) == (AuditAction.DELETE, 204)
    assert event.participant_id == world.participant_a.id


def test_a_list_records_how_many_participants_it_showed(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    before = last_seq(session)
    response = client.get(
        f"{API}/trajectories", headers=token_headers(world.counsellor_a, settings)
    )
    assert response.json()["total"] == 1
    event = only_event(session, before)
    assert event.object_type == "trajectories"
    assert event.participant_count == 1
    assert event.participant_id == world.participant_a.id


def test_probing_someone_elses_trajectory_is_recorded_as_not_found(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    before = last_seq(session)
    response = client.get(
        f"{API}/trajectories/{world.trajectory_a.id}",
        headers=token_headers(world.counsellor_b, settings),
    )
    assert response.status_code == 404
    event = only_event(session, before)
    assert event.user_id == world.counsellor_b.id
    assert (event.outcome, event.status_code) == (AuditOutcome.NOT_FOUND, 404)
    # The owner of the file can see the attempt: it names their trajectory and participant.
    assert event.trajectory_id == world.trajectory_a.id
    assert event.participant_id == world.participant_a.id


def test_a_refused_write_is_recorded_with_its_outcome_and_nothing_else_is_stored(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    url = f"{API}/trajectories/{world.trajectory_a.id}/notes"
    headers = token_headers(world.counsellor_a, settings)
    before = last_seq(session)
    invalid = client.post(url, json={"body": "zonder zichtbaarheid"}, headers=headers)
    assert invalid.status_code == 422
    event = only_event(session, before)
    assert (event.outcome, event.status_code) == (AuditOutcome.INVALID, 422)
    assert event.action is AuditAction.CREATE
    assert event.participant_id == world.participant_a.id

    before = last_seq(session)
    coach = token_headers(world.coach_a, settings)  # not on the team: the file is invisible
    refused = client.post(url, json={"visibility": "team", "body": "x"}, headers=coach)
    assert refused.status_code == 404
    assert only_event(session, before).outcome is AuditOutcome.NOT_FOUND


def test_health_login_me_and_reference_reads_leave_no_event(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    before = last_seq(session)
    assert client.get(f"{API}/health").is_success
    login = client.post(
        f"{API}/auth/login", data={"username": world.counsellor_a.email, "password": PASSWORD}
    )
    assert login.is_success
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    assert client.get(f"{API}/me", headers=headers).is_success
    assert client.get(f"{API}/frameworks", headers=headers).is_success
    assert client.get(f"{API}/trajectories/{uuid.uuid4()}").status_code == 401  # nobody to name
    assert events(session, after=before) == []


def test_a_read_through_the_broken_glass_carries_the_grant_and_its_reason(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    headers = token_headers(world.counsellor_b, settings)
    url = f"{API}/trajectories/{world.trajectory_a.id}"
    reason = "Crisisopname: de spoeddienst vraagt wie de begeleider is"
    before = last_seq(session)
    grant = client.post(f"{url}/break-the-glass", json={"reason": reason}, headers=headers)
    assert grant.status_code == 201, grant.text
    breaking = only_event(session, before)
    assert breaking.action is AuditAction.CREATE
    assert breaking.break_glass_reason == reason
    before = last_seq(session)
    assert client.get(url, headers=headers).status_code == 200
    event = only_event(session, before)
    assert str(event.break_glass_grant_id) == grant.json()["id"]
    assert event.break_glass_reason == reason
    assert event.participant_id == world.participant_a.id


@contextmanager
def audit_inserts_failing(engine: Engine) -> Iterator[None]:
    """Make the database refuse new audit events, as a full disk or a broken table would."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql(
                "CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'no room for the audit'; END $$"
            )
            connection.exec_driver_sql(
                "CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events "
                "FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()"
            )
        else:
            connection.exec_driver_sql(
                "CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events "
                "BEGIN SELECT RAISE(ABORT, 'no room for the audit'); END"
            )
    try:
        yield
    finally:
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.exec_driver_sql("DROP TRIGGER test_refuse_audit ON audit_events")
                connection.exec_driver_sql("DROP FUNCTION test_refuse_audit()")
            else:
                connection.exec_driver_sql("DROP TRIGGER test_refuse_audit")


def test_when_the_event_cannot_be_written_the_request_fails_with_503_and_changes_nothing(
    client: TestClient, session: Session, settings: Settings, world: World, engine: Engine
) -> None:
    headers = token_headers(world.counsellor_a, settings)
    notes_before = session.scalar(select(func.count()).select_from(Note))
    before = last_seq(session)
    with audit_inserts_failing(engine):
        write = client.post(
            f"{API}/trajectories/{world.trajectory_a.id}/notes",
            json={"visibility": "team", "body": "Mag niet bewaard worden."},
            headers=headers,
        )
        read = client.get(f"{API}/trajectories/{world.trajectory_a.id}", headers=headers)
        probe = client.get(f"{API}/trajectories/{uuid.uuid4()}", headers=headers)
    for response in (write, read, probe):
        assert response.status_code == 503, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert "audit" in response.json()["detail"]
    assert session.scalar(select(func.count()).select_from(Note)) == notes_before
    assert events(session, after=before) == []
    # Once the trail can be written again, so can the note.
    again = client.post(
        f"{API}/trajectories/{world.trajectory_a.id}/notes",
        json={"visibility": "team", "body": "Nu wel."},
        headers=headers,
    )
    assert again.status_code == 201


def test_events_are_stamped_in_utc_and_in_order(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    headers = token_headers(world.counsellor_a, settings)
    before = last_seq(session)
    for _ in range(3):
        client.get(f"{API}/notes/{world.note_a.id}", headers=headers)
    found = events(session, after=before)
    assert [e.seq for e in found] == [before + 1, before + 2, before + 3]
    assert all(e.occurred_at.utcoffset() == timedelta(0) for e in found)
    assert found[0].occurred_at <= found[1].occurred_at <= found[2].occurred_at
    assert [e.prev_hash for e in found[1:]] == [e.hash for e in found[:-1]]
