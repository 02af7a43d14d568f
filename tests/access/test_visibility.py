"""Who sees a trajectory, its participant and its notes: one relation changed per test."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import User
from app.core.config import Settings
from app.notes.models import Visibility
from app.trajectories.models import TeamMember
from tests.access.conftest import World
from tests.clock import today
from tests.factories.case_files import add_team_member
from tests.factories.consents import give_consent
from tests.factories.progress import make_placement
from tests.factories.users import token_headers


def sees(client: TestClient, settings: Settings, user: User, world: World) -> bool:
    headers = token_headers(user, settings)
    trajectory = client.get(f"/api/v1/trajectories/{world.trajectory.id}", headers=headers)
    participant = client.get(f"/api/v1/participants/{world.participant.id}", headers=headers)
    assert trajectory.status_code in (200, 404), trajectory.text
    # A participant is never visible through a trajectory the caller cannot see.
    if trajectory.status_code == 200:
        assert participant.status_code == 200
    return trajectory.status_code == 200


def readable_notes(
    client: TestClient, settings: Settings, user: User, world: World
) -> set[Visibility]:
    response = client.get(
        f"/api/v1/trajectories/{world.trajectory.id}/notes",
        headers=token_headers(user, settings),
    )
    assert response.status_code == 200, response.text
    listed = {Visibility(n["visibility"]) for n in response.json()["items"]}
    timeline = client.get(
        f"/api/v1/trajectories/{world.trajectory.id}/timeline?kind=note",
        headers=token_headers(user, settings),
    ).json()["items"]
    assert len(timeline) == len(listed)
    for visibility, note in world.notes.items():
        detail = client.get(f"/api/v1/notes/{note.id}", headers=token_headers(user, settings))
        assert detail.status_code == (200 if visibility in listed else 404)
    return listed


def test_staff_of_the_owning_organisation_see_the_trajectory(
    client: TestClient, settings: Settings, world: World
) -> None:
    assert sees(client, settings, world.mediator, world)
    assert sees(client, settings, world.manager, world)
    assert sees(client, settings, world.counsellor, world)


def test_a_stranger_gets_exactly_what_a_missing_trajectory_gets(
    client: TestClient, settings: Settings, world: World
) -> None:
    headers = token_headers(world.stranger_counsellor, settings)
    foreign = client.get(f"/api/v1/trajectories/{world.trajectory.id}", headers=headers)
    missing = client.get(
        "/api/v1/trajectories/00000000-0000-4000-8000-000000000000", headers=headers
    )
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json() == missing.json()


def test_a_coach_sees_only_participants_on_the_floor_or_the_team(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    assert not sees(client, settings, world.coach, world)
    placement = make_placement(session, world.trajectory, world.floor)
    assert sees(client, settings, world.coach, world)
    placement.end_date = today() - timedelta(days=1)
    session.commit()
    assert not sees(client, settings, world.coach, world)
    add_team_member(session, world.trajectory, world.coach)
    assert sees(client, settings, world.coach, world)


def test_a_coach_does_not_see_the_organisations_register(
    client: TestClient, settings: Settings, world: World
) -> None:
    listed = client.get("/api/v1/participants", headers=token_headers(world.coach, settings))
    assert listed.status_code == 200
    assert listed.json()["items"] == []


def test_a_team_member_of_another_organisation_needs_a_consent_covering_work(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    assert not sees(client, settings, world.gtb_mediator, world)
    give_consent(session, world.participant, world.gtb, work=False, care=True)
    assert not sees(client, settings, world.gtb_mediator, world)
    give_consent(session, world.participant, world.gtb, work=True)
    assert sees(client, settings, world.gtb_mediator, world)


def test_withdrawing_the_consent_cuts_access_at_the_next_request(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    consent = give_consent(session, world.participant, world.gtb)
    headers = token_headers(world.gtb_mediator, settings)
    assert sees(client, settings, world.gtb_mediator, world)
    response = client.post(
        f"/api/v1/participants/{world.participant.id}/consents/{consent.id}/withdraw",
        json={"reason": "Wil dit niet meer delen"},
        headers=headers,
    )
    assert response.status_code == 200
    assert not sees(client, settings, world.gtb_mediator, world)
    history = client.get(
        f"/api/v1/participants/{world.participant.id}/consents",
        headers=token_headers(world.mediator, settings),
    ).json()
    assert history[0]["withdrawn_on"] == today().isoformat()


def test_an_expired_consent_or_an_ended_membership_gives_no_access(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    consent = give_consent(session, world.participant, world.gtb)
    consent.expires_on = today() - timedelta(days=1)
    session.commit()
    assert not sees(client, settings, world.gtb_mediator, world)
    consent.expires_on = None
    session.commit()
    assert sees(client, settings, world.gtb_mediator, world)
    member = session.query(TeamMember).filter_by(user_id=world.gtb_mediator.id).one()
    member.to_date = today() - timedelta(days=1)
    session.commit()
    assert not sees(client, settings, world.gtb_mediator, world)


def test_a_consent_for_one_organisation_opens_nothing_for_another(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    give_consent(session, world.participant, world.ggz)
    assert not sees(client, settings, world.gtb_mediator, world)
    assert sees(client, settings, world.ggz_counsellor, world)


def test_notes_follow_team_secrecy_and_consent(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    everything = set(Visibility)
    assert readable_notes(client, settings, world.counsellor, world) == everything  # the author
    # Same organisation, not on the team, not the author: the team notes, no care notes.
    assert readable_notes(client, settings, world.mediator, world) == {Visibility.TEAM}
    # A coach on the team: team notes, never care notes.
    add_team_member(session, world.trajectory, world.coach)
    assert readable_notes(client, settings, world.coach, world) == {Visibility.TEAM}
    # Another organisation's counsellor: care_shared only under a consent covering care.
    give_consent(session, world.participant, world.ggz, work=True)
    assert readable_notes(client, settings, world.ggz_counsellor, world) == {Visibility.TEAM}
    give_consent(session, world.participant, world.ggz, work=False, care=True)
    assert readable_notes(client, settings, world.ggz_counsellor, world) == {
        Visibility.TEAM,
        Visibility.CARE_SHARED,
    }


def test_care_internal_notes_stay_within_the_authors_organisation(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    from tests.factories.users import make_user

    colleague = make_user(
        session, world.owner, role=world.counsellor.role, bound_by_professional_secrecy=True
    )
    assert readable_notes(client, settings, colleague, world) == {
        Visibility.TEAM,
        Visibility.CARE_INTERNAL,
    }
    unbound = make_user(session, world.owner, role=world.counsellor.role)
    assert readable_notes(client, settings, unbound, world) == {Visibility.TEAM}


def test_managers_read_no_notes(client: TestClient, settings: Settings, world: World) -> None:
    headers = token_headers(world.manager, settings)
    url = f"/api/v1/trajectories/{world.trajectory.id}/notes"
    assert client.get(url, headers=headers).status_code == 403
    note = world.notes[Visibility.TEAM]
    assert client.get(f"/api/v1/notes/{note.id}", headers=headers).status_code == 404
    timeline = client.get(
        f"/api/v1/trajectories/{world.trajectory.id}/timeline", headers=headers
    ).json()
    assert all(item["kind"] != "note" for item in timeline["items"])


def test_only_secrecy_bound_care_staff_write_care_notes(
    client: TestClient, session: Session, settings: Settings, world: World
) -> None:
    add_team_member(session, world.trajectory, world.coach)
    url = f"/api/v1/trajectories/{world.trajectory.id}/notes"
    body = {"visibility": "care_shared", "body": "Medicatie aangepast"}
    coach = client.post(url, json=body, headers=token_headers(world.coach, settings))
    assert coach.status_code == 403
    mediator = client.post(url, json=body, headers=token_headers(world.mediator, settings))
    assert mediator.status_code == 403
    counsellor = client.post(url, json=body, headers=token_headers(world.counsellor, settings))
    assert counsellor.status_code == 201
    team = client.post(
        url,
        json={"visibility": "team", "body": "Stipt op tijd"},
        headers=token_headers(world.coach, settings),
    )
    assert team.status_code == 201
