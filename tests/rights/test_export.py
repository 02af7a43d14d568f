"""The participant's export: what it holds, who may take it, and what it leaves in the audit."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent, AuditOutcome
from app.auth.models import Role
from app.core.config import Settings
from app.notes.models import Visibility
from tests.access.conftest import World
from tests.clock import today
from tests.factories.consents import give_consent
from tests.factories.progress import make_placement
from tests.factories.users import make_user, token_headers
from tests.rights.support import API, export_url

MISSING = "00000000-0000-0000-0000-000000000000"


def export(client: TestClient, world: World, headers: dict[str, str]) -> dict[str, Any]:
    response = client.get(export_url(world.participant), headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    return body


def test_the_export_holds_every_note_whatever_its_visibility_with_author_and_organisation(
    client: TestClient, full_world: World, admin_headers: dict[str, str]
) -> None:
    body = export(client, full_world, admin_headers)

    (trajectory,) = body["trajectories"]
    notes = {note["body"]: note for note in trajectory["notes"]}
    for visibility, note in full_world.notes.items():
        assert notes[note.body]["visibility"] == visibility.value
        assert notes[note.body]["author"] == {
            "name": full_world.counsellor.name,
            "organisation": "Werkplaats Eigenaar",
        }
    assert {note["visibility"] for note in trajectory["notes"]} == set(Visibility)


def test_the_export_holds_the_person_their_history_and_who_worked_on_the_file(
    client: TestClient, full_world: World, admin_headers: dict[str, str]
) -> None:
    body = export(client, full_world, admin_headers)

    assert body["generated_by"] == {
        "name": full_world.admin.name,
        "organisation": "Werkplaats Eigenaar",
    }
    person = body["participant"]
    assert (person["first_name"], person["last_name"]) == ("Canary", "Vogelaar")
    assert person["organisation"] == "Werkplaats Eigenaar"
    assert [b["kind"] for b in body["benefit_statuses"]] == ["riziv_work_incapacitated"]
    assert [p["reference"] for p in body["activity_permissions"]] == ["ADV-2026-17"]
    assert [a["advice"] for a in body["vdab_advices"]] == ["arbeidszorg"]
    assert [(c["field"], c["old_value"]) for c in body["record_changes"]] == [
        ("address", "Oude Baan 3, 9000 Gent")
    ]
    withdrawn, active = body["consents"]
    assert withdrawn["withdrawal_reason"] == "Wil dit niet meer delen" and not withdrawn["active"]
    assert active["active"] and active["receiving_organisation_name"] == "CGG Regio"
    assert [job["employer"] for job in body["jobs"]] == ["Bakkerij Brood & Zo"]
    assert body["erasure"]["reason"] == "Verzoek per brief, ontvangen 3 maart"

    (trajectory,) = body["trajectories"]
    assert trajectory["organisation"] == "Werkplaats Eigenaar"
    assert trajectory["framework"]  # the framework's Dutch name
    assert [(p["reason"], p["until"] is not None) for p in trajectory["pauses"]] == [
        ("Opname", True)
    ]
    team = {(m["user_name"], m["organisation_name"]) for m in trajectory["team"]}
    assert (full_world.gtb_mediator.name, "GTB Regio") in team
    (placement,) = trajectory["placements"]
    assert len(placement["attendance"]) == 2
    assert placement["coach"]["name"] == full_world.counsellor.name
    (log,) = trajectory["progress_logs"]
    assert [(s["item_name"], s["score"]) for s in log["scores"]] == [("Stiptheid", 3)]
    (grant,) = trajectory["break_glass_grants"]
    assert grant["holder"] == {
        "name": full_world.stranger_counsellor.name,
        "organisation": "Ver Weg",
    }
    assert grant["reason"].startswith("Crisis")
    assert trajectory["outflow"]["category"] == "regular_job"
    assert [c["summary"] for c in trajectory["employer_contacts"]] == ["Kennismaking"]
    assert len(trajectory["funder_months"]) == len(trajectory["follow_ups"]) == 1


def test_the_export_lists_who_looked_at_the_file(
    client: TestClient,
    session: Session,
    settings: Settings,
    full_world: World,
    admin_headers: dict[str, str],
) -> None:
    counsellor = token_headers(full_world.counsellor, settings)
    assert client.get(
        f"{API}/participants/{full_world.participant.id}", headers=counsellor
    ).is_success
    recorded = session.scalars(
        select(AuditEvent).where(AuditEvent.participant_id == full_world.participant.id)
    ).all()

    looks = export(client, full_world, admin_headers)["file_looks"]

    assert len(looks) == len(recorded) == 1
    assert looks[0]["user_name"] == full_world.counsellor.name
    assert looks[0]["organisation_name"] == "Werkplaats Eigenaar"
    assert (looks[0]["action"], looks[0]["object_type"]) == ("read", "participants")


def test_an_export_leaves_exactly_one_audit_event_naming_the_participant(
    client: TestClient, session: Session, full_world: World, admin_headers: dict[str, str]
) -> None:
    export(client, full_world, admin_headers)

    events = session.scalars(select(AuditEvent).where(AuditEvent.route.endswith("/export"))).all()
    assert len(events) == 1
    (event,) = events
    assert event.participant_id == full_world.participant.id
    assert (event.user_id, event.outcome, event.object_type) == (
        full_world.admin.id,
        AuditOutcome.OK,
        "participants",
    )


def test_only_an_admin_of_the_registering_organisation_may_export(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    other_admin = make_user(session, world.stranger_org, role=Role.ADMIN)
    platform_admin = make_user(session, world.stranger_org, role=Role.ADMIN, is_platform_admin=True)
    expected = {
        "admin": 200,
        # They see the file, but the export holds colleagues' care_internal notes.
        "mediator": 403,
        "counsellor": 403,
        "manager": 403,
        # Not placed, not on the team: they do not see the participant at all.
        "coach": 404,
        # On the mini-team, but without a consent covering their organisation.
        "gtb_mediator": 404,
        "ggz_counsellor": 404,
        "partner_manager": 404,
        "stranger_counsellor": 404,
    }
    answers = {
        name: client.get(
            export_url(world.participant), headers=token_headers(getattr(world, name), settings)
        ).status_code
        for name in expected
    }
    answers["other organisation's admin"] = client.get(
        export_url(world.participant), headers=token_headers(other_admin, settings)
    ).status_code
    answers["platform admin"] = client.get(
        export_url(world.participant), headers=token_headers(platform_admin, settings)
    ).status_code

    assert answers == {**expected, "other organisation's admin": 404, "platform admin": 403}


def test_seeing_the_file_through_consent_or_a_placement_gives_no_export(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    give_consent(session, world.participant, world.gtb, work=True)
    make_placement(session, world.trajectory, world.floor, start_date=today())
    for user in (world.gtb_mediator, world.coach):
        headers = token_headers(user, settings)
        assert client.get(f"{API}/participants/{world.participant.id}", headers=headers).is_success
        assert client.get(export_url(world.participant), headers=headers).status_code == 403


def test_an_invisible_participant_answers_exactly_like_a_missing_one(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    headers = token_headers(make_user(session, world.stranger_org, role=Role.ADMIN), settings)
    hidden = client.get(export_url(world.participant), headers=headers)
    missing = client.get(f"{API}/participants/{MISSING}/export", headers=headers)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
    assert hidden.headers["content-type"] == "application/problem+json"


def test_an_unknown_format_is_refused_on_the_field_format(
    client: TestClient, world: World, admin_headers: dict[str, str]
) -> None:
    response = client.get(export_url(world.participant, format="xml"), headers=admin_headers)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert [error["field"] for error in response.json()["errors"]] == ["format"]

    explicit = client.get(export_url(world.participant, format="json"), headers=admin_headers)
    assert explicit.status_code == 200
    assert explicit.json()["participant"]["id"] == str(world.participant.id)


def test_exports_beyond_the_quota_answer_429_with_retry_after_and_nothing_is_counted_twice(
    client: TestClient,
    session: Session,
    settings: Settings,
    full_world: World,
    admin_headers: dict[str, str],
) -> None:
    settings.export_max_per_window = 3
    settings.export_window_seconds = 600
    for _ in range(3):
        export(client, full_world, admin_headers)

    refused = client.get(export_url(full_world.participant), headers=admin_headers)
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert 1 <= int(refused.headers["Retry-After"]) <= 601
    assert refused.json()["type"].endswith(":rate-limited")
    # An invisible participant gets the same 429: the quota reveals nothing about the id.
    missing = client.get(f"{API}/participants/{MISSING}/export", headers=admin_headers)
    assert (missing.status_code, missing.json()) == (429, refused.json())

    # Another account has its own quota.
    other = make_user(session, full_world.owner, role=Role.ADMIN, email="tweede@example.org")
    session.commit()
    assert client.get(
        export_url(full_world.participant), headers=token_headers(other, settings)
    ).is_success


def test_a_failed_export_does_not_use_up_the_quota(
    client: TestClient, settings: Settings, full_world: World, admin_headers: dict[str, str]
) -> None:
    settings.export_max_per_window = 2
    for _ in range(5):
        missing = client.get(f"{API}/participants/{MISSING}/export", headers=admin_headers)
        assert missing.status_code == 404
    export(client, full_world, admin_headers)
    export(client, full_world, admin_headers)
