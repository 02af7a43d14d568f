from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.trajectories.phases import Phase, replay
from tests.clock import DaysFromToday, today
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers

TRAJECTORIES = "/api/v1/trajectories"


@pytest.fixture
def org(session: Session) -> Organisation:
    return make_organisation(session, name="De Werkplaats")


@pytest.fixture
def mediator(session: Session, org: Organisation) -> User:
    return make_user(session, org, role=Role.MEDIATOR, bound_by_professional_secrecy=True)


@pytest.fixture
def headers(mediator: User, settings: Settings) -> dict[str, str]:
    return token_headers(mediator, settings)


@pytest.fixture
def participant(session: Session, org: Organisation) -> Participant:
    return make_participant(session, org)


def open_one(
    client: TestClient, headers: dict[str, str], participant: Participant, **extra: object
):  # type: ignore[no-untyped-def]
    body: dict[str, object] = {
        "participant_id": str(participant.id),
        "framework_code": "ama_welfare",
        "referred_on": str(today() - timedelta(days=60)),
        "started_on": str(today() - timedelta(days=50)),
    }
    body.update(extra)
    return client.post(TRAJECTORIES, json=body, headers=headers)


def move(client: TestClient, headers: dict[str, str], trajectory_id: str, to: str, **extra: object):  # type: ignore[no-untyped-def]
    body: dict[str, object] = {"to_phase": to, "date": str(today())}
    body.update(extra)
    return client.post(f"{TRAJECTORIES}/{trajectory_id}/phase-changes", json=body, headers=headers)


def test_opening_a_trajectory_starts_in_intake_with_its_history(
    client: TestClient, headers: dict[str, str], participant: Participant
) -> None:
    response = open_one(client, headers, participant)
    assert response.status_code == 201, response.text
    trajectory = response.json()
    assert (trajectory["phase"], trajectory["status"]) == ("intake", "active")
    assert trajectory["allowed_phase_targets"] == ["placement", "activation", "outflow"]
    history = client.get(f"{TRAJECTORIES}/{trajectory['id']}/phase-changes", headers=headers)
    assert [(c["from_phase"], c["to_phase"]) for c in history.json()] == [(None, "intake")]
    statuses = client.get(f"{TRAJECTORIES}/{trajectory['id']}/status-changes", headers=headers)
    assert [c["to_status"] for c in statuses.json()] == ["referred", "active"]


def test_without_a_start_date_the_participant_waits_on_the_list(
    client: TestClient, headers: dict[str, str], participant: Participant
) -> None:
    trajectory = open_one(client, headers, participant, started_on=None).json()
    assert trajectory["status"] == "referred"
    assert move(client, headers, trajectory["id"], "placement").status_code == 409
    started = client.post(
        f"{TRAJECTORIES}/{trajectory['id']}/start", json={"date": str(today())}, headers=headers
    )
    assert started.json()["status"] == "active"


def test_a_second_open_trajectory_in_the_same_framework_is_409(
    client: TestClient, headers: dict[str, str], participant: Participant
) -> None:
    assert open_one(client, headers, participant).status_code == 201
    second = open_one(client, headers, participant)
    assert second.status_code == 409
    assert second.json()["errors"][0]["field"] == "framework_code"
    other_framework = open_one(client, headers, participant, framework_code="ips")
    assert other_framework.status_code == 201


def test_re_entry_after_closing_links_to_the_earlier_trajectory(
    client: TestClient, headers: dict[str, str], participant: Participant
) -> None:
    first = open_one(client, headers, participant).json()
    client.post(f"{TRAJECTORIES}/{first['id']}/close", json={"date": str(today())}, headers=headers)
    again = open_one(client, headers, participant, previous_trajectory_id=first["id"])
    assert again.status_code == 201
    assert again.json()["previous_trajectory_id"] == first["id"]


def test_forbidden_moves_are_409_with_the_allowed_targets(
    client: TestClient, headers: dict[str, str], participant: Participant
) -> None:
    trajectory = open_one(client, headers, participant).json()
    response = move(client, headers, trajectory["id"], "internship")
    assert response.status_code == 409
    assert response.json()["allowed_targets"] == ["placement", "activation", "outflow"]


def test_outflow_is_reached_by_recording_the_outflow_not_by_a_phase_change(
    client: TestClient, headers: dict[str, str], participant: Participant
) -> None:
    trajectory = open_one(client, headers, participant).json()
    response = move(client, headers, trajectory["id"], "outflow")
    assert response.status_code == 409
    assert response.json()["errors"][0]["field"] == "to_phase"


def test_a_move_back_without_a_reason_is_422_on_reason(
    client: TestClient, headers: dict[str, str], participant: Participant
) -> None:
    trajectory_id = open_one(client, headers, participant).json()["id"]
    assert move(client, headers, trajectory_id, "activation").status_code == 201
    back = move(client, headers, trajectory_id, "placement")
    assert back.status_code == 422
    assert back.json()["errors"][0]["field"] == "reason"
    assert (
        move(
            client, headers, trajectory_id, "placement", reason="Terug naar de werkvloer"
        ).status_code
        == 201
    )


@pytest.mark.parametrize(
    "when",
    [DaysFromToday(1), DaysFromToday(-51)],
    ids=["future", "before-start"],
)
def test_moves_dated_in_the_future_or_before_the_start_are_422(
    client: TestClient, headers: dict[str, str], participant: Participant, when: DaysFromToday
) -> None:
    trajectory_id = open_one(client, headers, participant).json()["id"]
    response = move(client, headers, trajectory_id, "placement", date=when.iso())
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "date"


def test_a_move_before_the_previous_move_is_422(
    client: TestClient, headers: dict[str, str], participant: Participant
) -> None:
    trajectory_id = open_one(client, headers, participant).json()["id"]
    assert (
        move(
            client, headers, trajectory_id, "placement", date=str(today() - timedelta(days=5))
        ).status_code
        == 201
    )
    late = move(
        client, headers, trajectory_id, "activation", date=str(today() - timedelta(days=10))
    )
    assert late.status_code == 422


def test_pause_needs_a_reason_and_blocks_phase_moves_until_resumed(
    client: TestClient, headers: dict[str, str], participant: Participant
) -> None:
    trajectory_id = open_one(client, headers, participant).json()["id"]
    pause = f"{TRAJECTORIES}/{trajectory_id}/pause"
    assert client.post(pause, json={"date": str(today())}, headers=headers).status_code == 422
    paused = client.post(
        pause,
        json={
            "date": str(today()),
            "reason": "Opname",
            "expected_return_on": str(today() + timedelta(days=30)),
        },
        headers=headers,
    )
    assert paused.json()["status"] == "paused"
    assert move(client, headers, trajectory_id, "placement").status_code == 409
    assert (
        client.post(pause, json={"date": str(today()), "reason": "x"}, headers=headers).status_code
        == 409
    )
    resumed = client.post(
        f"{TRAJECTORIES}/{trajectory_id}/resume", json={"date": str(today())}, headers=headers
    )
    assert resumed.json()["status"] == "active"
    assert resumed.json()["pause_reason"] is None


def test_a_coach_may_read_but_not_move_a_trajectory(
    client: TestClient,
    session: Session,
    org: Organisation,
    participant: Participant,
    settings: Settings,
) -> None:
    coach = make_user(session, org, role=Role.COACH)
    trajectory = make_trajectory(session, participant)
    add_team_member(session, trajectory, coach)
    coach_headers = token_headers(coach, settings)
    assert client.get(f"{TRAJECTORIES}/{trajectory.id}", headers=coach_headers).status_code == 200
    assert move(client, coach_headers, str(trajectory.id), "placement").status_code == 403


def test_a_trajectory_of_another_organisation_is_404_everywhere(
    client: TestClient, headers: dict[str, str], session: Session
) -> None:
    other = make_organisation(session)
    trajectory = make_trajectory(session, make_participant(session, other))
    base = f"{TRAJECTORIES}/{trajectory.id}"
    for response in (
        client.get(base, headers=headers),
        client.get(f"{base}/phase-changes", headers=headers),
        client.get(f"{base}/team", headers=headers),
        move(client, headers, str(trajectory.id), "placement"),
        client.post(f"{base}/pause", json={"date": str(today()), "reason": "x"}, headers=headers),
    ):
        assert response.status_code == 404


def test_flags_past_maximum_duration_and_phase_past_norm(
    client: TestClient, headers: dict[str, str], session: Session, participant: Participant
) -> None:
    long_ago = today() - timedelta(days=700)
    trajectory = make_trajectory(
        session, participant, framework_code="activation_trajectory", started_on=long_ago
    )
    flags = client.get(f"{TRAJECTORIES}/{trajectory.id}", headers=headers).json()["flags"]
    assert flags == ["past_max_duration", "phase_past_norm"]


def test_mini_team_members_come_from_any_organisation_and_only_once(
    client: TestClient, headers: dict[str, str], session: Session, participant: Participant
) -> None:
    trajectory = make_trajectory(session, participant)
    counsellor = make_user(session, make_organisation(session, name="CGG"), role=Role.COUNSELLOR)
    team = f"{TRAJECTORIES}/{trajectory.id}/team"
    added = client.post(
        team,
        json={"user_id": str(counsellor.id), "team_role": "case_manager_care"},
        headers=headers,
    )
    assert added.status_code == 201
    assert added.json()["organisation_name"] == "CGG"
    twice = client.post(
        team, json={"user_id": str(counsellor.id), "team_role": "other"}, headers=headers
    )
    assert twice.status_code == 409
    member_id = added.json()["id"]
    assert client.delete(f"{team}/{member_id}", headers=headers).status_code == 428
    ended = client.delete(f"{team}/{member_id}", headers={**headers, "If-Match": '"1"'})
    assert ended.json()["to_date"] == str(today())
    assert client.get(team, headers=headers).json()[0]["to_date"] == str(today())


def test_caseload_filters_on_a_coach_of_the_mini_team(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    coach = make_user(session, org, role=Role.COACH)
    mine = make_participant(session, org, first_name="Mien")
    make_trajectory(session, make_participant(session, org, first_name="Ander"))
    add_team_member(session, make_trajectory(session, mine), coach)
    listed = client.get(
        "/api/v1/participants", params={"coach_id": str(coach.id)}, headers=headers
    ).json()
    assert [p["first_name"] for p in listed["items"]] == ["Mien"]


steps = st.lists(
    st.tuples(
        st.sampled_from(["move", "pause", "resume"]), st.sampled_from(list(Phase)), st.booleans()
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(plays=steps)
def test_random_play_through_the_api_replays_to_the_current_phase_and_status(
    client: TestClient,
    headers: dict[str, str],
    session: Session,
    org: Organisation,
    plays: list[tuple[str, Phase, bool]],
) -> None:
    trajectory_id = open_one(client, headers, make_participant(session, org)).json()["id"]
    base = f"{TRAJECTORIES}/{trajectory_id}"
    for action, target, with_reason in plays:
        if action == "move":
            move(
                client,
                headers,
                trajectory_id,
                target.value,
                **({"reason": "reden"} if with_reason else {}),
            )
        elif action == "pause":
            client.post(
                f"{base}/pause", json={"date": str(today()), "reason": "ziek"}, headers=headers
            )
        else:
            client.post(f"{base}/resume", json={"date": str(today())}, headers=headers)
    current = client.get(base, headers=headers).json()
    phases = client.get(f"{base}/phase-changes", headers=headers).json()
    moves = [(Phase(c["from_phase"]), Phase(c["to_phase"])) for c in phases[1:]]
    assert replay(Phase.INTAKE, moves).value == current["phase"]
    statuses = client.get(f"{base}/status-changes", headers=headers).json()
    for before, after in itertools.pairwise(statuses):
        assert after["from_status"] == before["to_status"]
    assert statuses[-1]["to_status"] == current["status"]
