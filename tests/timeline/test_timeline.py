from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import User
from app.employment.models import Employer
from app.notes.models import Note, Visibility
from app.organisations.models import Organisation, WorkFloor
from app.outflow.models import FollowUpStatus
from app.participants.models import Participant
from app.progress.models import ProgressLog
from app.trajectories.models import TeamMember, TeamRole, Trajectory
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.employment import (
    make_employer_contact,
    make_follow_up,
    make_job,
    make_outflow,
)
from tests.factories.progress import make_goal
from tests.timeline.support import (
    API,
    RECORD_KINDS,
    Auth,
    fill_case_file,
    records_of_every_kind,
    walk,
)

PROBLEM_JSON = "application/problem+json"


def timeline_url(trajectory: Trajectory | uuid.UUID) -> str:
    trajectory_id = trajectory.id if isinstance(trajectory, Trajectory) else trajectory
    return f"{API}/trajectories/{trajectory_id}/timeline"


def sort_key(item: dict[str, Any]) -> tuple[int, float, str, str]:
    """The documented order as one ascending key: occurred_on and recorded_at newest first,
    then kind and id."""
    return (
        -date.fromisoformat(item["occurred_on"]).toordinal(),
        -datetime.fromisoformat(item["recorded_at"]).timestamp(),
        item["kind"],
        item["id"],
    )


def assert_in_timeline_order(items: list[dict[str, Any]]) -> None:
    keys = [sort_key(item) for item in items]
    assert keys == sorted(keys)


def cursor_of(payload: Any) -> str:
    raw = json.dumps(payload).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# --- what the timeline holds and in which order ----------------------------------------------


def test_records_of_every_kind_are_merged_newest_first(
    client: TestClient,
    session: Session,
    auth: Auth,
    coach: User,
    viewer: User,
    mediator: User,
    trajectory: Trajectory,
    floor: WorkFloor,
    employer: Employer,
) -> None:
    today = date.today()
    outflow = make_outflow(session, trajectory, on=today, recorded_by=mediator.id)
    # Kind number i is dated i days ago, so the expected order is RECORD_KINDS' own.
    for i in range(len(RECORD_KINDS) - 1):
        record = records_of_every_kind(
            trajectory,
            author=coach,
            floor=floor,
            employer=employer,
            outflow=outflow,
            day=today - timedelta(days=i + 1),
            n=i,
        )[i]
        session.add(record)
    session.add(
        TeamMember(
            trajectory_id=trajectory.id,
            user_id=mediator.id,
            team_role=TeamRole.CASE_MANAGER_WORK,
            from_date=today - timedelta(days=13),
            to_date=today - timedelta(days=12),
        )
    )
    session.commit()

    response = client.get(timeline_url(trajectory), headers=auth(viewer))

    assert response.status_code == 200, response.text
    page = response.json()
    items = page["items"]
    # The trajectory's own history (referred, active, intake) was recorded 120 days ago.
    assert page["total"] == len(items) == 11 + 1 + 2 + 3
    assert page["next_cursor"] is None
    assert [i["kind"] for i in items[:14]] == [
        "outflow",
        *RECORD_KINDS[:-1],
        "team_member_left",
        "team_member_joined",
    ]
    assert {i["kind"] for i in items[14:]} == {"status_change", "phase_change"}
    assert_in_timeline_order(items)
    for i, item in enumerate(items[1:12], start=1):
        assert item["occurred_on"] == (today - timedelta(days=i)).isoformat()
        assert item["recorded_at"].endswith("Z")
        assert item["author"] == {"id": str(coach.id), "name": "Ann Coach"}
    by_kind = {item["kind"]: item for item in items[:14]}
    assert by_kind["outflow"]["title"] == "drop_out"
    assert by_kind["outflow"]["author"]["name"] == "Bart Trajectbegeleider"
    assert by_kind["outflow"]["url"] == f"{API}/trajectories/{trajectory.id}/outflow"
    assert by_kind["phase_change"]["title"] == "activation → placement"
    assert by_kind["phase_change"]["summary"] == "Fasewissel 0"
    assert by_kind["phase_change"]["url"] == f"{API}/trajectories/{trajectory.id}/phase-changes"
    assert by_kind["status_change"]["title"] == "active → paused"
    assert by_kind["note"]["title"] == "Notitie 6"
    assert by_kind["note"]["summary"] == "team"
    assert by_kind["note"]["url"] == f"{API}/notes/{by_kind['note']['id']}"
    assert by_kind["goal"]["title"] == "Doel 4"
    assert by_kind["goal"]["summary"] == "work · open"
    assert by_kind["placement"]["title"] == "Keuken"
    assert by_kind["placement"]["url"] == f"{API}/placements/{by_kind['placement']['id']}"
    assert by_kind["progress_log"]["url"].startswith(f"{API}/progress-logs/")
    assert by_kind["activation_session"]["title"] == "empowerment · CAW · 60 min"
    assert by_kind["internship"]["title"] == "work_experience · Bakkerij Bloem"
    assert by_kind["job"]["title"] == "Magazijnier 8 · Bakkerij Bloem"
    assert by_kind["job"]["url"] == f"{API}/jobs/{by_kind['job']['id']}"
    assert by_kind["employer_contact"]["title"] == "Bakkerij Bloem · job_search_for_participant"
    assert by_kind["employer_contact"]["summary"] == "Gesprek 9"
    assert by_kind["follow_up"]["title"] == "same_job"
    assert by_kind["follow_up"]["url"] == f"{API}/follow-ups/{by_kind['follow_up']['id']}"
    for kind in ("team_member_joined", "team_member_left"):
        assert by_kind[kind]["title"] == "Bart Trajectbegeleider"
        assert by_kind[kind]["summary"] == "case_manager_work"
        assert by_kind[kind]["author"] is None
        assert by_kind[kind]["url"] == f"{API}/trajectories/{trajectory.id}/team"
    # Each record's URL opens it.
    for kind in ("note", "goal", "job", "placement", "internship", "employer_contact"):
        assert client.get(by_kind[kind]["url"], headers=auth(viewer)).status_code == 200


def test_records_of_one_day_are_ordered_by_when_they_were_recorded(
    client: TestClient,
    session: Session,
    auth: Auth,
    coach: User,
    viewer: User,
    trajectory: Trajectory,
) -> None:
    day = date.today() - timedelta(days=2)
    first, second, older = (
        Note(
            trajectory_id=trajectory.id,
            author_id=coach.id,
            author_organisation_id=coach.organisation_id,
            visibility=Visibility.TEAM,
            written_on=on,
            body=body,
        )
        for on, body in ((day, "eerst"), (day, "daarna"), (day - timedelta(days=1), "later"))
    )
    for note in (first, second, older):  # one commit each: three recording times
        session.add(note)
        session.commit()

    items = client.get(
        timeline_url(trajectory), params={"kind": "note"}, headers=auth(viewer)
    ).json()["items"]

    # "later" was recorded last but happened earlier: the business date decides first.
    assert [i["title"] for i in items] == ["daarna", "eerst", "later"]


def test_a_goal_happens_on_the_utc_date_it_was_recorded(
    client: TestClient,
    session: Session,
    auth: Auth,
    coach: User,
    viewer: User,
    trajectory: Trajectory,
) -> None:
    recorded = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)
    goal = make_goal(session, trajectory, created_at=recorded, description="Fietsen naar het werk")

    (item,) = client.get(
        timeline_url(trajectory), params={"kind": "goal"}, headers=auth(viewer)
    ).json()["items"]

    assert item["id"] == str(goal.id)
    assert item["occurred_on"] == "2026-03-04"
    assert datetime.fromisoformat(item["recorded_at"]) == recorded
    assert item["title"] == "Fietsen naar het werk"


def test_only_recorded_follow_ups_and_team_changes_that_took_effect_appear(
    client: TestClient,
    session: Session,
    auth: Auth,
    coach: User,
    mediator: User,
    manager: User,
    trajectory: Trajectory,
) -> None:
    today = date.today()
    outflow = make_outflow(session, trajectory, on=today - timedelta(days=100))
    make_follow_up(session, outflow, months_after=3)  # scheduled, not yet made
    made = make_follow_up(
        session,
        outflow,
        months_after=None,
        contacted_on=today - timedelta(days=10),
        status=FollowUpStatus.NOT_WORKING,
        note="Zoekt verder\nna ontslag",
    )
    session.add_all(
        [
            TeamMember(  # joined, leaves next week
                trajectory_id=trajectory.id,
                user_id=coach.id,
                team_role=TeamRole.COACH,
                from_date=today - timedelta(days=30),
                to_date=today + timedelta(days=7),
            ),
            TeamMember(  # joins next week
                trajectory_id=trajectory.id,
                user_id=mediator.id,
                team_role=TeamRole.CASE_MANAGER_WORK,
                from_date=today + timedelta(days=7),
            ),
        ]
    )
    session.commit()

    items = client.get(
        timeline_url(trajectory),
        params=[
            ("kind", "follow_up"),
            ("kind", "team_member_joined"),
            ("kind", "team_member_left"),
        ],
        headers=auth(manager),
    ).json()["items"]

    assert [(i["kind"], i["title"]) for i in items] == [
        ("follow_up", "not_working"),
        ("team_member_joined", coach.name),
    ]
    assert items[0]["id"] == str(made.id)
    assert items[0]["summary"] == "Zoekt verder na ontslag"


def test_employer_contacts_and_jobs_appear_only_on_the_trajectory_they_concern(
    client: TestClient,
    session: Session,
    auth: Auth,
    mediator: User,
    home: Organisation,
    participant: Participant,
    trajectory: Trajectory,
    employer: Employer,
) -> None:
    other = make_trajectory(session, make_participant(session, home))
    both = make_employer_contact(session, employer, mediator, trajectories=[trajectory, other])
    make_employer_contact(session, employer, mediator, trajectories=[other])
    make_employer_contact(session, employer, mediator)  # job development, no participant
    job = make_job(session, participant, employer, trajectory_id=trajectory.id)
    make_job(session, participant, employer, occupation="Vorige job")  # no trajectory

    items = client.get(
        timeline_url(trajectory),
        params=[("kind", "employer_contact"), ("kind", "job")],
        headers=auth(mediator),
    ).json()["items"]

    assert sorted((i["kind"], i["id"]) for i in items) == sorted(
        [("employer_contact", str(both.id)), ("job", str(job.id))]
    )


def test_long_text_is_cut_to_one_line_of_200_characters(
    client: TestClient,
    session: Session,
    auth: Auth,
    coach: User,
    viewer: User,
    trajectory: Trajectory,
) -> None:
    session.add(
        ProgressLog(
            trajectory_id=trajectory.id,
            author_id=coach.id,
            logged_on=date.today(),
            text="Goede week.\n\n" + "x" * 500,
        )
    )
    session.commit()

    (item,) = client.get(
        timeline_url(trajectory), params={"kind": "progress_log"}, headers=auth(viewer)
    ).json()["items"]

    assert len(item["title"]) == 200
    assert item["title"].startswith("Goede week. xxx")
    assert item["title"].endswith("…")


# --- pagination -----------------------------------------------------------------------------


def test_walking_seventy_mixed_records_seven_at_a_time_gives_each_once_in_order(
    client: TestClient,
    session: Session,
    auth: Auth,
    coach: User,
    viewer: User,
    trajectory: Trajectory,
    floor: WorkFloor,
    employer: Employer,
) -> None:
    fill_case_file(
        session, trajectory, author=coach, floor=floor, employer=employer, days=5, team=[coach]
    )
    # Ten records sharing both dates, so kind and id must break the ties.
    tied_at = datetime.now(UTC) - timedelta(hours=1)
    for n in range(5):
        session.add(
            Note(
                trajectory_id=trajectory.id,
                author_id=coach.id,
                author_organisation_id=coach.organisation_id,
                visibility=Visibility.TEAM,
                written_on=date.today() - timedelta(days=2),
                body=f"Gelijk {n}",
                created_at=tied_at,
            )
        )
        session.add(
            ProgressLog(
                trajectory_id=trajectory.id,
                author_id=coach.id,
                logged_on=date.today() - timedelta(days=2),
                created_at=tied_at,
            )
        )
    session.commit()
    expected_total = 11 * 5 + 1 + 2 + 3 + 10

    whole = client.get(timeline_url(trajectory), params={"limit": 200}, headers=auth(viewer))
    walked = walk(client, timeline_url(trajectory), auth(viewer), limit=7)

    assert whole.json()["total"] == expected_total
    assert len(walked) == expected_total
    assert len({(i["kind"], i["id"]) for i in walked}) == expected_total
    assert walked == whole.json()["items"]
    assert_in_timeline_order(walked)
    first_page = client.get(timeline_url(trajectory), params={"limit": 7}, headers=auth(viewer))
    assert first_page.json()["total"] == expected_total
    assert len(first_page.json()["items"]) == 7


def test_the_kind_filter_is_repeatable_and_counts_only_those_kinds(
    client: TestClient,
    session: Session,
    auth: Auth,
    coach: User,
    viewer: User,
    trajectory: Trajectory,
    floor: WorkFloor,
    employer: Employer,
) -> None:
    fill_case_file(
        session, trajectory, author=coach, floor=floor, employer=employer, days=4, team=[]
    )

    walked = walk(
        client,
        timeline_url(trajectory),
        auth(viewer),
        kind=["note", "goal", "status_change"],
        limit=3,
    )
    page = client.get(
        timeline_url(trajectory),
        params=[("kind", "note"), ("kind", "goal"), ("kind", "status_change")],
        headers=auth(viewer),
    ).json()

    # Four of each, plus the two status changes the trajectory was opened with.
    assert page["total"] == len(walked) == 4 + 4 + 6
    assert {i["kind"] for i in walked} == {"note", "goal", "status_change"}
    assert_in_timeline_order(walked)


def test_an_unknown_kind_is_a_422_naming_the_field(
    client: TestClient, auth: Auth, coach: User, viewer: User, trajectory: Trajectory
) -> None:
    response = client.get(
        timeline_url(trajectory),
        params=[("kind", "note"), ("kind", "diagnosis")],
        headers=auth(viewer),
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON
    assert any(e["field"].startswith("kind") for e in response.json()["errors"])


@pytest.mark.parametrize("limit", [0, 201, 10_000])
def test_a_limit_outside_1_to_200_is_a_422(
    client: TestClient, auth: Auth, coach: User, viewer: User, trajectory: Trajectory, limit: int
) -> None:
    response = client.get(timeline_url(trajectory), params={"limit": limit}, headers=auth(viewer))

    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"limit"}


FORGED_CURSORS = {
    "not base64": "%%%not a cursor%%%",
    "not json": base64.urlsafe_b64encode(b"hello world").decode(),
    "not a list": cursor_of({"occurred_on": "2026-01-01"}),
    "too short": cursor_of(["timeline", "2026-01-01"]),
    "another list's tag": cursor_of(
        ["notes", "2026-01-01", "2026-01-01T10:00:00+00:00", "note", str(uuid.uuid4())]
    ),
    "numbers for dates": cursor_of(["timeline", 20260101, 1, "note", str(uuid.uuid4())]),
    "impossible date": cursor_of(
        ["timeline", "2026-02-30", "2026-01-01T10:00:00+00:00", "note", str(uuid.uuid4())]
    ),
    "naive timestamp": cursor_of(
        ["timeline", "2026-01-01", "2026-01-01T10:00:00", "note", str(uuid.uuid4())]
    ),
    "another time zone": cursor_of(
        ["timeline", "2026-01-01", "0001-01-01T00:00:00+02:00", "note", str(uuid.uuid4())]
    ),
    "unknown kind": cursor_of(
        ["timeline", "2026-01-01", "2026-01-01T10:00:00+00:00", "x' OR 1=1 --", str(uuid.uuid4())]
    ),
    "not an id": cursor_of(
        ["timeline", "2026-01-01", "2026-01-01T10:00:00+00:00", "note", "1 OR 1=1"]
    ),
    "null id": cursor_of(["timeline", "2026-01-01", "2026-01-01T10:00:00+00:00", "note", None]),
    "too long": "A" * 501,
}


@pytest.mark.parametrize("cursor", FORGED_CURSORS.values(), ids=FORGED_CURSORS.keys())
def test_a_forged_cursor_is_a_422_naming_the_cursor(
    client: TestClient, auth: Auth, coach: User, viewer: User, trajectory: Trajectory, cursor: str
) -> None:
    response = client.get(timeline_url(trajectory), params={"cursor": cursor}, headers=auth(viewer))

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert {e["field"] for e in response.json()["errors"]} == {"cursor"}


def test_a_cursor_of_another_list_is_a_422(
    client: TestClient,
    session: Session,
    auth: Auth,
    coach: User,
    viewer: User,
    trajectory: Trajectory,
) -> None:
    for n in range(3):
        client.post(
            f"{API}/trajectories/{trajectory.id}/notes",
            json={"visibility": "team", "body": f"Notitie {n}"},
            headers=auth(viewer),
        )
    notes_cursor = client.get(
        f"{API}/trajectories/{trajectory.id}/notes", params={"limit": 1}, headers=auth(viewer)
    ).json()["next_cursor"]
    assert notes_cursor

    response = client.get(
        timeline_url(trajectory), params={"cursor": notes_cursor}, headers=auth(viewer)
    )

    assert response.status_code == 422


EDGES_OF_TIME = {
    # Nothing lies after the beginning of time; everything lies after the end of it.
    "the beginning of time": (
        ["timeline", "0001-01-01", "0001-01-01T00:00:00+00:00", "note", str(uuid.UUID(int=0))],
        0,
    ),
    "the end of time": (
        [
            "timeline",
            "9999-12-31",
            "9999-12-31T23:59:59.999999+00:00",
            "team_member_left",
            str(uuid.UUID(int=2**128 - 1)),
        ],
        3,
    ),
}


@pytest.mark.parametrize(("position", "expected"), EDGES_OF_TIME.values(), ids=EDGES_OF_TIME.keys())
def test_a_well_formed_cursor_at_the_edges_of_time_answers_a_page(
    client: TestClient,
    auth: Auth,
    coach: User,
    viewer: User,
    trajectory: Trajectory,
    position: list[str],
    expected: int,
) -> None:
    response = client.get(
        timeline_url(trajectory), params={"cursor": cursor_of(position)}, headers=auth(viewer)
    )

    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == 3  # the trajectory's opening history
    assert len(page["items"]) == expected


# --- access ---------------------------------------------------------------------------------


def test_the_trajectory_of_another_organisation_answers_404(
    client: TestClient, auth: Auth, outsider: User, trajectory: Trajectory
) -> None:
    foreign = client.get(timeline_url(trajectory), headers=auth(outsider))
    absent = client.get(timeline_url(uuid.uuid4()), headers=auth(outsider))

    assert foreign.status_code == absent.status_code == 404
    assert foreign.headers["content-type"] == PROBLEM_JSON
    assert foreign.json()["detail"] == absent.json()["detail"]


def test_without_a_token_the_timeline_answers_401(
    client: TestClient, trajectory: Trajectory
) -> None:
    assert client.get(timeline_url(trajectory)).status_code == 401


def test_a_manager_sees_the_case_file_but_no_notes(
    client: TestClient,
    session: Session,
    auth: Auth,
    coach: User,
    viewer: User,
    manager: User,
    trajectory: Trajectory,
    floor: WorkFloor,
    employer: Employer,
) -> None:
    fill_case_file(
        session, trajectory, author=coach, floor=floor, employer=employer, days=3, team=[coach]
    )

    as_coach = walk(client, timeline_url(trajectory), auth(viewer), limit=50)
    as_manager = walk(client, timeline_url(trajectory), auth(manager), limit=50)
    only_notes = client.get(
        timeline_url(trajectory), params={"kind": "note"}, headers=auth(manager)
    ).json()

    assert "note" in {i["kind"] for i in as_coach}
    assert "note" not in {i["kind"] for i in as_manager}
    assert as_manager == [i for i in as_coach if i["kind"] != "note"]
    assert only_notes == {"items": [], "next_cursor": None, "total": 0}


def test_the_timeline_shows_exactly_the_notes_the_notes_list_shows(
    client: TestClient,
    auth: Auth,
    mediator: User,
    viewer: User,
    trajectory: Trajectory,
) -> None:
    for visibility in ("team", "care_shared", "care_internal"):
        response = client.post(
            f"{API}/trajectories/{trajectory.id}/notes",
            json={"visibility": visibility, "body": f"Een {visibility} notitie"},
            headers=auth(mediator),  # secrecy-bound: may write care notes
        )
        assert response.status_code == 201, response.text

    for reader, expected in ((mediator, 3), (viewer, 1)):
        listed = client.get(
            f"{API}/trajectories/{trajectory.id}/notes",
            params={"limit": 200},
            headers=auth(reader),
        ).json()["items"]
        in_timeline = walk(client, timeline_url(trajectory), auth(reader), kind="note")
        assert {n["id"] for n in listed} == {i["id"] for i in in_timeline}
        assert len(in_timeline) == expected
