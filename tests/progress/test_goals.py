from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.progress.models import Goal, GoalStatus
from app.trajectories.models import Trajectory
from tests.clock import today
from tests.factories.progress import make_goal
from tests.progress.support import API, Auth, error_fields, if_match


def goals_url(trajectory: Trajectory, query: str = "") -> str:
    return f"{API}/trajectories/{trajectory.id}/goals" + (f"?{query}" if query else "")


def goal_body(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "domain": "mobility",
        "description": "Zelfstandig met de bus naar de werkvloer",
        "due_on": (today() + timedelta(days=30)).isoformat(),
    }
    values.update(overrides)
    return values


def listed(client: TestClient, headers: dict[str, str], url: str) -> list[str]:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_coach_sets_a_goal(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = client.post(
        goals_url(trajectory), json=goal_body(owner_id=str(coach.id)), headers=auth(coach)
    )

    assert response.status_code == 201, response.text
    goal = response.json()
    assert goal["status"] == "open"
    assert goal["owner_id"] == str(coach.id)
    assert goal["overdue"] is False
    assert response.headers["Location"] == f"{API}/goals/{goal['id']}"


def test_created_goal_can_be_read_at_its_location(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = client.post(goals_url(trajectory), json=goal_body(), headers=auth(coach))

    response = client.get(created.headers["Location"], headers=auth(coach))

    assert response.json() == created.json()
    assert response.headers["ETag"] == created.headers["ETag"]


def test_owner_from_another_organisation_is_refused(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    outsider: User,
    trajectory: Trajectory,
) -> None:
    response = client.post(
        goals_url(trajectory), json=goal_body(owner_id=str(outsider.id)), headers=auth(coach)
    )

    assert response.status_code == 422
    assert error_fields(response) == {"owner_id"}
    assert session.scalar(select(func.count()).select_from(Goal)) == 0


def test_unknown_goal_domain_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = client.post(
        goals_url(trajectory), json=goal_body(domain="hobby"), headers=auth(coach)
    )

    assert response.status_code == 422
    assert error_fields(response) == {"domain"}


def test_empty_goal_description_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = client.post(
        goals_url(trajectory), json=goal_body(description="   "), headers=auth(coach)
    )

    assert response.status_code == 422
    assert error_fields(response) == {"description"}


def test_goals_filter_on_status(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    done = make_goal(session, trajectory, status=GoalStatus.DONE)
    make_goal(session, trajectory)

    assert listed(client, auth(coach), goals_url(trajectory, "status=done")) == [str(done.id)]


def test_overdue_goals_are_the_open_ones_due_before_today(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    late = make_goal(session, trajectory, due_on=today() - timedelta(days=1))
    make_goal(session, trajectory, due_on=today())  # due today: not late yet
    make_goal(session, trajectory, due_on=today() - timedelta(days=9), status=GoalStatus.DONE)
    make_goal(session, trajectory, due_on=today() - timedelta(days=9), status=GoalStatus.DROPPED)
    make_goal(session, trajectory, due_on=None)

    response = client.get(goals_url(trajectory, "overdue=true"), headers=auth(coach))

    assert [item["id"] for item in response.json()["items"]] == [str(late.id)]
    assert response.json()["items"][0]["overdue"] is True


def test_overdue_false_lists_the_goals_that_are_not_overdue(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    make_goal(session, trajectory, due_on=today() - timedelta(days=1))
    on_time = make_goal(session, trajectory, due_on=today())
    undated = make_goal(session, trajectory, due_on=None)

    ids = listed(client, auth(coach), goals_url(trajectory, "overdue=false"))

    assert sorted(ids) == sorted([str(on_time.id), str(undated.id)])


def test_unknown_status_filter_is_a_422(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = client.get(goals_url(trajectory, "status=finished"), headers=auth(coach))

    assert response.status_code == 422
    assert error_fields(response) == {"status"}


def test_unknown_overdue_filter_value_is_a_422(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = client.get(goals_url(trajectory, "overdue=soon"), headers=auth(coach))

    assert response.status_code == 422
    assert error_fields(response) == {"overdue"}


def test_goals_are_listed_oldest_first_by_default(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    first, second = make_goal(session, trajectory), make_goal(session, trajectory)

    assert listed(client, auth(coach), goals_url(trajectory)) == [str(first.id), str(second.id)]


def test_goal_is_closed_with_an_evaluation(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = client.post(goals_url(trajectory), json=goal_body(), headers=auth(coach))

    response = client.patch(
        created.headers["Location"],
        json={"status": "done", "evaluation": "Neemt sinds maart elke dag de bus."},
        headers={**auth(coach), **if_match(created)},
    )

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "done"
    assert response.json()["evaluation"].startswith("Neemt")
    assert response.json()["version"] == created.json()["version"] + 1


def test_changing_a_goal_without_if_match_answers_428(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = client.post(goals_url(trajectory), json=goal_body(), headers=auth(coach))

    response = client.patch(
        created.headers["Location"], json={"status": "done"}, headers=auth(coach)
    )

    assert response.status_code == 428


def test_changing_a_goal_with_a_stale_version_answers_412(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = client.post(goals_url(trajectory), json=goal_body(), headers=auth(coach))
    headers = {**auth(coach), **if_match(created)}
    client.patch(created.headers["Location"], json={"status": "done"}, headers=headers)

    response = client.patch(
        created.headers["Location"], json={"status": "dropped"}, headers=headers
    )

    assert response.status_code == 412


def test_goal_is_deleted_with_if_match(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    created = client.post(goals_url(trajectory), json=goal_body(), headers=auth(coach))

    response = client.delete(
        created.headers["Location"], headers={**auth(coach), **if_match(created)}
    )

    assert response.status_code == 204
    assert session.scalar(select(func.count()).select_from(Goal)) == 0


def test_deleting_a_goal_without_if_match_answers_428(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    goal = make_goal(session, trajectory)

    response = client.delete(f"{API}/goals/{goal.id}", headers=auth(coach))

    assert response.status_code == 428
