"""Why a trajectory paused is care information: a coach on the team sees that it paused and
until when, in the trajectory, its status history and its timeline, but not why; consents
(whom the person lets us speak to) are administration a coach does not get at all."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.trajectories.models import TeamRole
from tests.access.conftest import World
from tests.factories.case_files import add_team_member
from tests.factories.consents import give_consent
from tests.factories.users import token_headers

API = "/api/v1"
REASON = "Opname in de psychiatrische afdeling"


def pause(client: TestClient, world: World, settings: Settings) -> None:
    headers = token_headers(world.mediator, settings)
    current = client.get(f"{API}/trajectories/{world.trajectory.id}", headers=headers)
    assert current.status_code == 200, current.text
    paused = client.post(
        f"{API}/trajectories/{world.trajectory.id}/pause",
        json={
            "date": str(date.today()),
            "reason": REASON,
            "expected_return_on": str(date.today() + timedelta(days=30)),
        },
        headers={**headers, "If-Match": current.headers["ETag"]},
    )
    assert paused.status_code == 200, paused.text


def test_a_coach_on_the_team_sees_the_pause_but_not_its_reason(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    add_team_member(session, world.trajectory, world.coach, team_role=TeamRole.COACH)
    pause(client, world, settings)
    base = f"{API}/trajectories/{world.trajectory.id}"

    for user, shown in ((world.coach, False), (world.mediator, True)):
        headers = token_headers(user, settings)
        trajectory = client.get(base, headers=headers).json()
        assert trajectory["status"] == "paused"
        assert trajectory["expected_return_on"] is not None
        assert (trajectory["pause_reason"] == REASON) is shown
        history = client.get(f"{base}/status-changes", headers=headers).json()
        assert history[-1]["to_status"] == "paused"
        assert (history[-1]["reason"] == REASON) is shown
        timeline = client.get(f"{base}/timeline", headers=headers)
        assert timeline.status_code == 200
        assert (REASON in timeline.text) is shown


def test_a_coach_gets_no_consents_even_on_the_team(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    add_team_member(session, world.trajectory, world.coach, team_role=TeamRole.COACH)
    give_consent(session, world.participant, world.ggz, work=True, care=True)
    url = f"{API}/participants/{world.participant.id}/consents"

    refused = client.get(url, headers=token_headers(world.coach, settings))
    assert refused.status_code == 403
    assert "CGG" not in refused.text
    allowed = client.get(url, headers=token_headers(world.mediator, settings))
    assert allowed.status_code == 200
    assert allowed.json()
