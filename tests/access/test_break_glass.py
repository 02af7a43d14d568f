"""Break-the-glass, "why can I see this?" and the summary-only view."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.core.database import utcnow
from tests.access.conftest import World
from tests.factories.consents import give_consent, grant_break_glass
from tests.factories.users import token_headers

REASON = {"reason": "Crisisopname: de spoeddienst vraagt wie de begeleider is"}


def test_a_secrecy_bound_user_opens_a_file_for_a_limited_time_with_a_reason(
    client: TestClient, settings: Settings, world: World
) -> None:
    headers = token_headers(world.stranger_counsellor, settings)
    url = f"/api/v1/trajectories/{world.trajectory.id}"
    assert client.get(url, headers=headers).status_code == 404
    response = client.post(f"{url}/break-the-glass", json=REASON, headers=headers)
    assert response.status_code == 201, response.text
    grant = response.json()
    assert grant["active"] is True
    assert grant["reason"] == REASON["reason"]
    assert client.get(url, headers=headers).status_code == 200
    why = client.get(f"{url}/access", headers=headers).json()
    assert [g["rule"] for g in why["grounds"]] == ["break_the_glass"]
    assert why["grounds"][0]["grant_id"] == grant["id"]
    # care_internal: notes written by colleagues of the caller's own organisation.
    assert set(why["readable_note_visibilities"]) == {"team", "care_shared", "care_internal"}
    # The owning organisation's admin is told; the holder ends it early; access is gone.
    admin = client.get(
        "/api/v1/break-glass-grants", headers=token_headers(world.admin, settings)
    ).json()
    assert [g["id"] for g in admin["items"]] == [grant["id"]]
    ended = client.post(f"/api/v1/break-glass-grants/{grant['id']}/end", headers=headers)
    assert ended.status_code == 200
    assert ended.json()["active"] is False
    assert client.get(url, headers=headers).status_code == 404


def test_an_expired_grant_opens_nothing(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    grant = grant_break_glass(session, world.trajectory, world.stranger_counsellor)
    headers = token_headers(world.stranger_counsellor, settings)
    url = f"/api/v1/trajectories/{world.trajectory.id}"
    assert client.get(url, headers=headers).status_code == 200
    grant.expires_at = utcnow() - timedelta(seconds=1)
    session.commit()
    assert client.get(url, headers=headers).status_code == 404


def test_break_the_glass_is_refused_without_secrecy_or_reason_or_need(
    client: TestClient, settings: Settings, world: World
) -> None:
    url = f"/api/v1/trajectories/{world.trajectory.id}/break-the-glass"
    unbound = client.post(url, json=REASON, headers=token_headers(world.partner_manager, settings))
    assert unbound.status_code == 404  # existence is not revealed to who may not ask
    short = client.post(
        url, json={"reason": "nood"}, headers=token_headers(world.stranger_counsellor, settings)
    )
    assert short.status_code == 422
    assert short.json()["errors"][0]["field"] == "reason"
    too_long = client.post(
        url,
        json={**REASON, "minutes": 600},
        headers=token_headers(world.stranger_counsellor, settings),
    )
    assert too_long.status_code == 422
    already = client.post(url, json=REASON, headers=token_headers(world.counsellor, settings))
    assert already.status_code == 409


def test_why_can_i_see_this_names_the_rule_and_the_consent(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    url = f"/api/v1/trajectories/{world.trajectory.id}/access"
    own = client.get(url, headers=token_headers(world.mediator, settings)).json()
    assert own["full_access"] is True
    assert [g["rule"] for g in own["grounds"]] == ["organisation"]
    assert own["readable_note_visibilities"] == ["team"]
    expires = world.trajectory.referred_on + timedelta(days=800)
    consent = give_consent(session, world.participant, world.gtb, expires_on=expires)
    team = client.get(url, headers=token_headers(world.gtb_mediator, settings)).json()
    assert team["grounds"] == [
        {
            "rule": "team_under_consent",
            "detail": team["grounds"][0]["detail"],
            "consent_id": str(consent.id),
            "grant_id": None,
            "until": expires.isoformat(),
            "until_time": None,
        }
    ]
    assert team["readable_note_visibilities"] == ["team"]
    stranger = client.get(url, headers=token_headers(world.stranger_counsellor, settings))
    assert stranger.status_code == 404


def test_a_partner_manager_sees_a_summary_and_nothing_more(
    client: TestClient, settings: Settings, world: World
) -> None:
    headers = token_headers(world.partner_manager, settings)
    trajectory_url = f"/api/v1/trajectories/{world.trajectory.id}"
    assert client.get(trajectory_url, headers=headers).status_code == 404
    assert client.get(f"{trajectory_url}/timeline", headers=headers).status_code == 404
    summary = client.get(f"{trajectory_url}/summary", headers=headers)
    assert summary.status_code == 200
    body = summary.json()
    assert body["participant_initials"] == "C.V."
    assert "Canary" not in summary.text and "Vogelaar" not in summary.text
    assert body["phase"] == world.trajectory.phase.value
    listed = client.get("/api/v1/trajectory-summaries", headers=headers).json()
    assert [s["id"] for s in listed["items"]] == [str(world.trajectory.id)]
    why = client.get(f"{trajectory_url}/access", headers=headers).json()
    assert why["full_access"] is False
    assert [g["rule"] for g in why["grounds"]] == ["summary_only"]
    stranger = client.get(
        f"{trajectory_url}/summary", headers=token_headers(world.stranger_counsellor, settings)
    )
    assert stranger.status_code == 404
