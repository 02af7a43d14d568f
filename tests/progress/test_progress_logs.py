from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.organisations.models import Organisation, WorkFloor
from app.progress.models import ProgressLog, ProgressScore
from app.trajectories.models import Trajectory
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.progress import make_competence_item, make_placement, make_progress_log
from tests.progress.support import API, Auth, error_fields, if_match


def logs_url(trajectory: Trajectory) -> str:
    return f"{API}/trajectories/{trajectory.id}/progress-logs"


def log_body(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "logged_on": date.today().isoformat(),
        "scores": [
            {"item_code": "pace", "score": 2},
            {"item_code": "punctuality", "score": 4},
            {"item_code": "teamwork", "score": None},
        ],
        "text": "Komt op tijd, werkt nog traag.\nVolgende week: snijden oefenen.",
    }
    values.update(overrides)
    return values


def write_log(
    client: TestClient, headers: dict[str, str], trajectory: Trajectory, body: dict[str, Any]
) -> Any:
    return client.post(logs_url(trajectory), json=body, headers=headers)


def logs_stored(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ProgressLog)) or 0


# --- writing ------------------------------------------------------------------------------


def test_coach_writes_a_progress_log_with_scores(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = write_log(client, auth(coach), trajectory, log_body())

    assert response.status_code == 201, response.text
    log = response.json()
    assert log["author_id"] == str(coach.id)
    assert log["trajectory_id"] == str(trajectory.id)
    assert log["text"].startswith("Komt op tijd")
    # In the order of the organisation's items, not of the request.
    assert log["scores"] == [
        {"item_code": "punctuality", "score": 4},
        {"item_code": "pace", "score": 2},
        {"item_code": "teamwork", "score": None},
    ]
    assert response.headers["Location"] == f"{API}/progress-logs/{log['id']}"


def test_created_progress_log_can_be_read_at_its_location(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = write_log(client, auth(coach), trajectory, log_body())

    response = client.get(created.headers["Location"], headers=auth(coach))

    assert response.status_code == 200
    assert response.json() == created.json()
    assert response.headers["ETag"] == created.headers["ETag"]


def test_author_cannot_be_set_in_the_body(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    response = write_log(client, auth(coach), trajectory, log_body(author_id=str(coach.id)))

    assert response.status_code == 422
    assert error_fields(response) == {"author_id"}
    assert logs_stored(session) == 0


def test_unknown_item_code_is_refused(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    scores = [{"item_code": "pace", "score": 3}, {"item_code": "juggling", "score": 3}]

    response = write_log(client, auth(coach), trajectory, log_body(scores=scores))

    assert response.status_code == 422
    assert error_fields(response) == {"scores.1.item_code"}
    assert logs_stored(session) == 0


def test_score_of_five_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    scores = [{"item_code": "pace", "score": 5}]

    response = write_log(client, auth(coach), trajectory, log_body(scores=scores))

    assert response.status_code == 422
    assert error_fields(response) == {"scores.0.score"}


def test_score_of_zero_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    scores = [{"item_code": "pace", "score": 0}]

    response = write_log(client, auth(coach), trajectory, log_body(scores=scores))

    assert response.status_code == 422
    assert error_fields(response) == {"scores.0.score"}


def test_item_scored_twice_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    scores = [{"item_code": "pace", "score": 3}, {"item_code": "pace", "score": 2}]

    response = write_log(client, auth(coach), trajectory, log_body(scores=scores))

    assert response.status_code == 422
    assert error_fields(response) == {"scores.1.item_code"}


def test_default_item_is_refused_where_the_organisation_has_its_own(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    trajectory: Trajectory,
) -> None:
    make_competence_item(session, home, "customer_contact")
    scores = [{"item_code": "customer_contact", "score": 3}, {"item_code": "pace", "score": 3}]

    response = write_log(client, auth(coach), trajectory, log_body(scores=scores))

    assert response.status_code == 422
    assert error_fields(response) == {"scores.1.item_code"}


def test_progress_log_in_the_future_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()

    response = write_log(client, auth(coach), trajectory, log_body(logged_on=tomorrow))

    assert response.status_code == 422
    assert error_fields(response) == {"logged_on"}


def test_progress_log_before_the_trajectory_began_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    before = (trajectory.referred_on - timedelta(days=1)).isoformat()

    response = write_log(client, auth(coach), trajectory, log_body(logged_on=before))

    assert response.status_code == 422
    assert error_fields(response) == {"logged_on"}


def test_progress_log_may_name_a_placement_of_its_trajectory(
    client: TestClient,
    auth: Auth,
    session: Session,
    coach: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    placement = make_placement(session, trajectory, floor)

    response = write_log(client, auth(coach), trajectory, log_body(placement_id=str(placement.id)))

    assert response.status_code == 201
    assert response.json()["placement_id"] == str(placement.id)


def test_placement_of_another_trajectory_is_refused(
    client: TestClient,
    auth: Auth,
    session: Session,
    home: Organisation,
    coach: User,
    trajectory: Trajectory,
    floor: WorkFloor,
) -> None:
    other = make_trajectory(session, make_participant(session, home))
    placement = make_placement(session, other, floor)

    response = write_log(client, auth(coach), trajectory, log_body(placement_id=str(placement.id)))

    assert response.status_code == 422
    assert error_fields(response) == {"placement_id"}


def test_text_longer_than_ten_thousand_characters_is_refused(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    response = write_log(client, auth(coach), trajectory, log_body(text="x" * 10_001))

    assert response.status_code == 422
    assert error_fields(response) == {"text"}


# --- listing ------------------------------------------------------------------------------


def test_progress_logs_are_listed_newest_first_page_by_page(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    logs = [
        make_progress_log(
            session, trajectory, coach.id, logged_on=date.today() - timedelta(days=days_ago)
        )
        for days_ago in (5, 1, 3)
    ]

    first = client.get(f"{logs_url(trajectory)}?limit=2", headers=auth(coach)).json()
    second = client.get(
        f"{logs_url(trajectory)}?limit=2&cursor={first['next_cursor']}", headers=auth(coach)
    ).json()

    listed = [item["id"] for item in first["items"] + second["items"]]
    assert listed == [str(logs[1].id), str(logs[2].id), str(logs[0].id)]
    assert first["total"] == 3
    assert second["next_cursor"] is None


def test_listed_progress_logs_carry_their_scores(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    write_log(client, auth(coach), trajectory, log_body())

    response = client.get(logs_url(trajectory), headers=auth(coach))

    [log] = response.json()["items"]
    assert [score["item_code"] for score in log["scores"]] == ["punctuality", "pace", "teamwork"]


# --- changing and deleting ----------------------------------------------------------------


def test_changing_the_scores_replaces_them_and_moves_the_version(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    created = write_log(client, auth(coach), trajectory, log_body())

    response = client.patch(
        created.headers["Location"],
        json={"scores": [{"item_code": "pace", "score": 3}, {"item_code": "quality", "score": 1}]},
        headers={**auth(coach), **if_match(created)},
    )

    assert response.status_code == 200, response.text
    assert response.json()["scores"] == [
        {"item_code": "pace", "score": 3},
        {"item_code": "quality", "score": 1},
    ]
    assert response.json()["version"] == created.json()["version"] + 1
    assert session.scalar(select(func.count()).select_from(ProgressScore)) == 2


def test_changing_the_text_keeps_the_scores(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = write_log(client, auth(coach), trajectory, log_body())

    response = client.patch(
        created.headers["Location"],
        json={"text": "Aangevuld."},
        headers={**auth(coach), **if_match(created)},
    )

    assert response.json()["text"] == "Aangevuld."
    assert response.json()["scores"] == created.json()["scores"]


def test_changing_a_log_without_if_match_answers_428(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = write_log(client, auth(coach), trajectory, log_body())

    response = client.patch(created.headers["Location"], json={"text": "x"}, headers=auth(coach))

    assert response.status_code == 428


def test_changing_a_log_with_a_stale_version_answers_412(
    client: TestClient, auth: Auth, coach: User, trajectory: Trajectory
) -> None:
    created = write_log(client, auth(coach), trajectory, log_body())
    headers = {**auth(coach), **if_match(created)}
    client.patch(created.headers["Location"], json={"text": "eerste"}, headers=headers)

    response = client.patch(created.headers["Location"], json={"text": "tweede"}, headers=headers)

    assert response.status_code == 412
    assert response.json()["current_version"] == created.json()["version"] + 1


def test_deleting_a_log_with_if_match_removes_it_and_its_scores(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    created = write_log(client, auth(coach), trajectory, log_body())

    response = client.delete(
        created.headers["Location"], headers={**auth(coach), **if_match(created)}
    )

    assert response.status_code == 204
    assert response.content == b""
    assert client.get(created.headers["Location"], headers=auth(coach)).status_code == 404
    assert session.scalar(select(func.count()).select_from(ProgressScore)) == 0


def test_deleting_a_log_without_if_match_answers_428(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    created = write_log(client, auth(coach), trajectory, log_body())

    response = client.delete(created.headers["Location"], headers=auth(coach))

    assert response.status_code == 428
    assert logs_stored(session) == 1


def test_deleting_a_log_with_a_stale_version_answers_412(
    client: TestClient, auth: Auth, session: Session, coach: User, trajectory: Trajectory
) -> None:
    created = write_log(client, auth(coach), trajectory, log_body())

    response = client.delete(
        created.headers["Location"], headers={**auth(coach), "If-Match": '"7"'}
    )

    assert response.status_code == 412
    assert logs_stored(session) == 1
