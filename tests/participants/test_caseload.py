"""The coach's morning caseload: GET /participants with its overdue filter and columns."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.notes.models import Note, Visibility
from app.organisations.models import Organisation, WorkFloor
from app.outflow.categories import OutflowCategory
from app.outflow.models import FollowUpSource, FollowUpStatus
from app.participants.models import Participant
from app.progress.models import AttendanceStatus, GoalStatus
from app.trajectories.models import TeamRole, Trajectory
from app.trajectories.phases import Phase, Status
from tests.clock import today
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.employment import (
    make_employer,
    make_employer_contact,
    make_follow_up,
    make_outflow,
)
from tests.factories.organisations import make_organisation, make_work_floor
from tests.factories.progress import (
    make_activation_session,
    make_attendance,
    make_goal,
    make_placement,
    make_progress_log,
)
from tests.factories.users import make_user, token_headers

PARTICIPANTS = "/api/v1/participants"


def days_ago(n: int) -> date:
    return today() - timedelta(days=n)


@pytest.fixture
def org(session: Session) -> Organisation:
    return make_organisation(session, name="De Werkplaats")


@pytest.fixture
def mediator(session: Session, org: Organisation) -> User:
    return make_user(session, org, role=Role.MEDIATOR, bound_by_professional_secrecy=True)


@pytest.fixture
def coach(session: Session, org: Organisation) -> User:
    return make_user(session, org, role=Role.COACH, name="Jan Werkvloer")


@pytest.fixture
def headers(mediator: User, settings: Settings) -> dict[str, str]:
    return token_headers(mediator, settings)


@pytest.fixture
def floor(session: Session, org: Organisation) -> WorkFloor:
    return make_work_floor(session, org, name="Fietsatelier", capacity=100)


def caseload(client: TestClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = client.get(PARTICIPANTS, params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def names(page: dict[str, Any]) -> list[str]:
    return [item["first_name"] for item in page["items"]]


def item_of(page: dict[str, Any], participant: Participant) -> dict[str, Any]:
    return next(item for item in page["items"] if item["id"] == str(participant.id))


def person(session: Session, org: Organisation, first_name: str, **kwargs: Any) -> Trajectory:
    """A participant named ``first_name`` with one active trajectory."""
    participant = make_participant(session, org, first_name=first_name, last_name="Test")
    return make_trajectory(session, participant, **kwargs)


# --- overdue=true|false -------------------------------------------------------------------


@pytest.fixture
def mixed_caseload(session: Session, org: Organisation) -> None:
    """Anna: overdue goal. Bram: overdue follow-up. Cas: only things that are not overdue.
    Dirk: no trajectory at all."""
    anna = person(session, org, "Anna")
    make_goal(session, anna, due_on=days_ago(1))

    bram = person(session, org, "Bram", phase=Phase.PLACEMENT)
    make_follow_up(session, make_outflow(session, bram), due_on=days_ago(3))

    cas = person(session, org, "Cas")
    make_goal(session, cas, due_on=today())  # due today is not overdue yet
    make_goal(session, cas, due_on=None)
    make_goal(session, cas, due_on=days_ago(10), status=GoalStatus.DONE)
    make_goal(session, cas, due_on=days_ago(10), status=GoalStatus.DROPPED)
    outflow = make_outflow(session, cas, on=days_ago(200))
    make_follow_up(
        session,
        outflow,
        due_on=days_ago(20),
        contacted_on=days_ago(19),
        status=FollowUpStatus.SAME_JOB,
    )
    make_follow_up(session, outflow, due_on=today() + timedelta(days=30))

    make_participant(session, org, first_name="Dirk", last_name="Test")


@pytest.mark.usefixtures("mixed_caseload")
def test_overdue_true_lists_those_with_an_overdue_goal_or_follow_up(
    client: TestClient, headers: dict[str, str]
) -> None:
    page = caseload(client, headers, overdue="true")

    assert names(page) == ["Anna", "Bram"]
    assert page["total"] == 2


@pytest.mark.usefixtures("mixed_caseload")
def test_overdue_false_lists_everyone_else_including_those_without_a_trajectory(
    client: TestClient, headers: dict[str, str]
) -> None:
    page = caseload(client, headers, overdue="false")

    assert names(page) == ["Cas", "Dirk"]
    assert page["total"] == 2


def test_overdue_work_on_a_closed_trajectory_does_not_count(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    closed = person(session, org, "Eva", status=Status.CLOSED, closed_on=days_ago(30))
    make_goal(session, closed, due_on=days_ago(40))

    assert names(caseload(client, headers, overdue="true")) == []
    assert names(caseload(client, headers, overdue="false")) == ["Eva"]
    assert caseload(client, headers)["items"][0]["overdue_goals"] == 0


def test_overdue_looks_at_the_current_trajectory_only(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    older = person(session, org, "Fien", framework_code="ama_welfare")
    make_goal(session, older, due_on=days_ago(5))
    participant = session.get(Participant, older.participant_id)
    assert participant is not None
    current = make_trajectory(session, participant, framework_code="ips", started_on=days_ago(10))

    page = caseload(client, headers)
    assert page["items"][0]["current_trajectory"]["id"] == str(current.id)
    assert page["items"][0]["overdue_goals"] == 0
    assert names(caseload(client, headers, overdue="true")) == []
    make_goal(session, current, due_on=days_ago(1))
    assert names(caseload(client, headers, overdue="true")) == ["Fien"]


# --- the columns --------------------------------------------------------------------------


def test_each_item_counts_overdue_goals_and_follow_ups_and_days_in_phase(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    trajectory = person(session, org, "Gert", started_on=days_ago(42))
    for n in (1, 2, 3):
        make_goal(session, trajectory, due_on=days_ago(n))
    make_goal(session, trajectory, due_on=days_ago(9), status=GoalStatus.DONE)
    outflow = make_outflow(session, trajectory, on=days_ago(400))
    make_follow_up(session, outflow, due_on=days_ago(310))
    make_follow_up(session, outflow, due_on=days_ago(220))
    make_follow_up(
        session,
        outflow,
        due_on=days_ago(100),
        contacted_on=days_ago(90),
        status=FollowUpStatus.NOT_WORKING,
    )

    item = caseload(client, headers)["items"][0]

    assert item["overdue_goals"] == 3
    assert item["overdue_follow_ups"] == 2
    assert item["current_trajectory"]["phase_since"] == days_ago(42).isoformat()
    assert item["current_trajectory"]["days_in_phase"] == 42


def test_someone_without_a_current_trajectory_has_empty_columns(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    make_participant(session, org)

    item = caseload(client, headers)["items"][0]

    assert item["current_trajectory"] is None
    assert item["coach"] is None
    assert item["last_contact_on"] is None
    assert item["overdue_goals"] == 0
    assert item["overdue_follow_ups"] == 0


def test_coach_is_the_current_team_member_with_the_coach_role(
    client: TestClient,
    headers: dict[str, str],
    session: Session,
    org: Organisation,
    coach: User,
    mediator: User,
) -> None:
    trajectory = person(session, org, "Hanne")
    add_team_member(session, trajectory, mediator, team_role=TeamRole.CASE_MANAGER_WORK)
    gone = make_user(session, org, role=Role.COACH)
    ended = add_team_member(session, trajectory, gone, from_date=days_ago(100))
    ended.to_date = days_ago(50)
    session.commit()
    assert caseload(client, headers)["items"][0]["coach"] is None

    add_team_member(session, trajectory, coach, from_date=days_ago(40))

    assert caseload(client, headers)["items"][0]["coach"] == {
        "id": str(coach.id),
        "name": "Jan Werkvloer",
    }


def test_of_two_coaches_the_one_who_joined_last_is_shown(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, coach: User
) -> None:
    trajectory = person(session, org, "Ilse")
    add_team_member(session, trajectory, coach, from_date=days_ago(10))
    add_team_member(
        session, trajectory, make_user(session, org, role=Role.COACH), from_date=days_ago(60)
    )

    assert caseload(client, headers)["items"][0]["coach"]["id"] == str(coach.id)


def test_a_coach_who_joins_tomorrow_is_not_the_coach_yet(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, coach: User
) -> None:
    trajectory = person(session, org, "Joke")
    add_team_member(session, trajectory, coach, from_date=today() + timedelta(days=1))

    assert caseload(client, headers)["items"][0]["coach"] is None


ContactMaker = Callable[[Session, Trajectory, User, WorkFloor, date], None]


def _present(session: Session, t: Trajectory, _: User, floor: WorkFloor, on: date) -> None:
    make_attendance(session, make_placement(session, t, floor), on=on)


def _log(session: Session, t: Trajectory, author: User, _: WorkFloor, on: date) -> None:
    make_progress_log(session, t, author.id, logged_on=on)


def _session(session: Session, t: Trajectory, _: User, __: WorkFloor, on: date) -> None:
    make_activation_session(session, t, held_on=on)


def _follow_up(session: Session, t: Trajectory, _: User, __: WorkFloor, on: date) -> None:
    outflow = make_outflow(session, t, on=on - timedelta(days=100))
    make_follow_up(
        session,
        outflow,
        due_on=on,
        contacted_on=on,
        status=FollowUpStatus.SAME_JOB,
        source=FollowUpSource.VDAB,
    )


def _employer(session: Session, t: Trajectory, staff: User, _: WorkFloor, on: date) -> None:
    employer = make_employer(session, session.get(Organisation, staff.organisation_id))
    make_employer_contact(session, employer, staff, trajectories=[t], contacted_on=on)


@pytest.mark.parametrize(
    "make_contact",
    [_present, _log, _session, _follow_up, _employer],
    ids=["attendance", "progress_log", "activation_session", "follow_up", "employer_contact"],
)
def test_last_contact_counts_each_kind_of_contact(
    client: TestClient,
    headers: dict[str, str],
    session: Session,
    org: Organisation,
    mediator: User,
    floor: WorkFloor,
    make_contact: ContactMaker,
) -> None:
    trajectory = person(session, org, "Karel")
    make_contact(session, trajectory, mediator, floor, days_ago(6))

    assert caseload(client, headers)["items"][0]["last_contact_on"] == days_ago(6).isoformat()


def test_last_contact_is_the_newest_of_all_kinds(
    client: TestClient,
    headers: dict[str, str],
    session: Session,
    org: Organisation,
    mediator: User,
    floor: WorkFloor,
) -> None:
    trajectory = person(session, org, "Lies")
    for n, make_contact in enumerate([_present, _log, _session, _follow_up, _employer]):
        make_contact(session, trajectory, mediator, floor, days_ago(20 - n))
    _log(session, trajectory, mediator, floor, days_ago(2))
    _session(session, trajectory, mediator, floor, days_ago(30))

    item = caseload(client, headers)["items"][0]
    assert item["last_contact_on"] == days_ago(2).isoformat()
    detail = client.get(f"{PARTICIPANTS}/{trajectory.participant_id}", headers=headers).json()
    assert detail["last_contact_on"] == days_ago(2).isoformat()


def test_absences_notes_and_other_trajectories_are_not_contacts(
    client: TestClient,
    headers: dict[str, str],
    session: Session,
    org: Organisation,
    mediator: User,
    floor: WorkFloor,
) -> None:
    trajectory = person(session, org, "Mona")
    placement = make_placement(session, trajectory, floor)
    make_attendance(session, placement, on=days_ago(3), status=AttendanceStatus.SICK)
    make_attendance(session, placement, on=days_ago(2), status=AttendanceStatus.ABSENT_EXCUSED)
    session.add(
        Note(
            trajectory_id=trajectory.id,
            author_id=mediator.id,
            author_organisation_id=org.id,
            visibility=Visibility.TEAM,
            written_on=days_ago(1),
            body="Telefoon",
        )
    )
    session.commit()
    participant = session.get(Participant, trajectory.participant_id)
    assert participant is not None
    closed = make_trajectory(
        session, participant, framework_code="ips", status=Status.CLOSED, closed_on=days_ago(1)
    )
    make_progress_log(session, closed, mediator.id, logged_on=days_ago(1))
    make_attendance(session, placement, on=days_ago(9))

    assert caseload(client, headers)["items"][0]["last_contact_on"] == days_ago(9).isoformat()


def test_employer_contacts_of_another_organisation_do_not_count(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    trajectory = person(session, org, "Nele")
    other = make_organisation(session)
    stranger = make_user(session, other, role=Role.MEDIATOR)
    make_employer_contact(
        session, make_employer(session, other), stranger, trajectories=[trajectory]
    )

    assert caseload(client, headers)["items"][0]["last_contact_on"] is None


def test_the_detail_shows_the_same_columns_as_the_list(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, coach: User
) -> None:
    trajectory = person(session, org, "Olaf")
    add_team_member(session, trajectory, coach)
    make_goal(session, trajectory, due_on=days_ago(1))
    url = f"{PARTICIPANTS}/{trajectory.participant_id}"

    listed = caseload(client, headers)["items"][0]
    detail = client.get(url, headers=headers)
    changed = client.patch(
        url, json={"preferred_name": "Oli"}, headers={**headers, "If-Match": detail.headers["etag"]}
    )

    columns = ("current_trajectory", "coach", "last_contact_on", "overdue_goals")
    for shown in (detail.json(), changed.json()):
        assert {c: shown[c] for c in columns} == {c: listed[c] for c in columns}
    assert changed.headers["etag"] == '"2"'


def test_a_coach_sees_the_columns_of_their_own_caseload(
    client: TestClient,
    session: Session,
    org: Organisation,
    coach: User,
    floor: WorkFloor,
    settings: Settings,
) -> None:
    mine = person(session, org, "Tom", phase=Phase.PLACEMENT)
    add_team_member(session, mine, coach)
    make_goal(session, mine, due_on=days_ago(4))
    _log(session, mine, coach, floor, days_ago(3))
    person(session, org, "Ward")

    page = caseload(
        client,
        token_headers(coach, settings),
        coach_id=str(coach.id),
        overdue="true",
    )

    assert names(page) == ["Tom"]
    item = page["items"][0]
    assert item["coach"]["id"] == str(coach.id)
    assert item["overdue_goals"] == 1
    assert item["last_contact_on"] == days_ago(3).isoformat()


# --- combinations, bad values, pages ------------------------------------------------------


def test_overdue_combines_with_name_phase_and_coach(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, coach: User
) -> None:
    for first_name, phase, on_team, overdue in [
        ("Piet", Phase.PLACEMENT, True, True),
        ("Pol", Phase.PLACEMENT, True, False),
        ("Paula", Phase.ACTIVATION, True, True),
        ("Pim", Phase.PLACEMENT, False, True),
        ("Rik", Phase.PLACEMENT, True, True),
    ]:
        trajectory = person(session, org, first_name, phase=phase)
        if on_team:
            add_team_member(session, trajectory, coach)
        if overdue:
            make_goal(session, trajectory, due_on=days_ago(2))

    coach_id = str(coach.id)
    assert names(caseload(client, headers, overdue="true", coach_id=coach_id)) == [
        "Paula",
        "Piet",
        "Rik",
    ]
    assert names(
        caseload(client, headers, overdue="true", coach_id=coach_id, phase="placement")
    ) == ["Piet", "Rik"]
    assert names(
        caseload(client, headers, overdue="true", coach_id=coach_id, phase="placement", q="pi")
    ) == ["Piet"]
    assert names(caseload(client, headers, overdue="false", coach_id=coach_id)) == ["Pol"]
    assert names(caseload(client, headers, overdue="true", q="pi")) == ["Piet", "Pim"]


def test_coach_filter_follows_the_membership_dates(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, coach: User
) -> None:
    ended = add_team_member(session, person(session, org, "Quinten"), coach)
    ended.to_date = days_ago(1)
    leaving = add_team_member(session, person(session, org, "Roos"), coach)
    leaving.to_date = today() + timedelta(days=14)
    ended_today = add_team_member(session, person(session, org, "Rudi"), coach)
    ended_today.to_date = today()  # ending a membership cuts it at once
    session.commit()
    add_team_member(
        session, person(session, org, "Stijn"), coach, from_date=today() + timedelta(days=3)
    )

    assert names(caseload(client, headers, coach_id=str(coach.id))) == ["Roos"]


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("overdue", "soon"),
        ("overdue", ""),
        ("coach_id", "not-a-uuid"),
        ("phase", "nonsense"),
        ("status", "sleeping"),
        ("sort", "last_contact_on"),
        ("limit", "0"),
    ],
)
def test_unknown_filter_values_are_422_naming_the_parameter(
    client: TestClient, headers: dict[str, str], param: str, value: str
) -> None:
    response = client.get(PARTICIPANTS, params={param: value}, headers=headers)

    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in response.json()["errors"]] == [param]


def test_overdue_pages_are_stable_and_complete(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    expected = set()
    for n in range(7):
        trajectory = person(session, org, f"Naam{n}")
        if n % 3:
            make_goal(session, trajectory, due_on=days_ago(n + 1))
            expected.add(f"Naam{n}")

    for sort in ("name", "-birth_date", "created_at"):
        seen: list[str] = []
        cursor = None
        while True:
            params: dict[str, Any] = {"overdue": "true", "limit": 2, "sort": sort}
            if cursor:
                params["cursor"] = cursor
            page = caseload(client, headers, **params)
            assert page["total"] == len(expected)
            seen += names(page)
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert sorted(seen) == sorted(expected), sort
        assert len(seen) == len(expected), sort


# --- cost ---------------------------------------------------------------------------------


def test_caseload_with_full_case_files_costs_the_same_statements_for_5_and_50(
    client: TestClient,
    headers: dict[str, str],
    session: Session,
    org: Organisation,
    coach: User,
    mediator: User,
    floor: WorkFloor,
    app: Any,
    settings: Settings,
) -> None:
    engine = app.state.engine
    statements: list[str] = []

    def count_statement(*args: object) -> None:
        statements.append(str(args[2]))

    def statements_for(params: dict[str, Any]) -> int:
        reader = params.pop("as", headers)
        statements.clear()
        event.listen(engine, "before_cursor_execute", count_statement)
        try:
            page = caseload(client, reader, limit=50, **params)
        finally:
            event.remove(engine, "before_cursor_execute", count_statement)
        assert all(item["coach"] for item in page["items"])
        assert all(item["overdue_goals"] == 1 for item in page["items"])
        assert all(item["overdue_follow_ups"] == 1 for item in page["items"])
        assert all(item["last_contact_on"] for item in page["items"])
        return len(statements)

    def full_case_file() -> None:
        trajectory = person(session, org, "Vol", phase=Phase.PLACEMENT)
        add_team_member(session, trajectory, coach)
        add_team_member(session, trajectory, mediator, team_role=TeamRole.CASE_MANAGER_WORK)
        make_goal(session, trajectory, due_on=days_ago(3))
        make_goal(session, trajectory, due_on=today() + timedelta(days=3))
        make_attendance(session, make_placement(session, trajectory, floor), on=days_ago(4))
        make_progress_log(session, trajectory, coach.id, logged_on=days_ago(2))
        make_activation_session(session, trajectory, held_on=days_ago(5))
        follow_up_on = make_outflow(session, trajectory, category=OutflowCategory.REGULAR_JOB)
        make_follow_up(session, follow_up_on, due_on=days_ago(1))
        employer = make_employer(session, org)
        make_employer_contact(session, employer, mediator, trajectories=[trajectory])

    as_coach = token_headers(coach, settings)
    filters: list[dict[str, Any]] = [
        {},
        {"overdue": "true", "coach_id": str(coach.id), "phase": "placement"},
        {"overdue": "false"},
        {"as": as_coach, "coach_id": str(coach.id)},
    ]
    for _ in range(5):
        full_case_file()
    small = [statements_for(dict(params)) for params in filters]
    for _ in range(45):
        full_case_file()
    assert caseload(client, headers, limit=50)["total"] == 50
    assert caseload(client, as_coach, limit=50)["total"] == 50
    assert [statements_for(dict(params)) for params in filters] == small
