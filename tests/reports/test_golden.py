"""A hand-made year whose figures are worked out by hand below (not by any code).

Six people start on 1 January 2024 in organisation "Golden":
  A  job (regular, 20 h, competitive) and outflow regular_job on 1 March    → paid after 60 days
  B  job in a maatwerkbedrijf (30 h) and outflow collective_maatwerk 30 April → paid after 120
  C  outflow drop_out on 1 February
  D  outflow moved on 1 April (left out of every rate)
  E  still in trajectory, nothing yet (censored)
  F  a job of 38 h recorded for the trajectory on 31 January, no outflow    → paid after 30
Teams (for the caseload per staff member): Sara (mediator) is case manager work of all six;
Cas (coach) coaches E; Tom (counsellor) was case manager care of E until 31 December 2024, the
day his membership stopped; Olga, of another organisation, is case manager work of F.
Follow-ups: A after 3 months same job, after 6 "unknown", after 12 never contacted (overdue);
            B after 3 months not working, after 6 same job, after 12 other job.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.employment.models import SupportInstrument
from app.outflow.categories import OutflowCategory
from app.outflow.models import FollowUpSource, FollowUpStatus
from app.trajectories.models import TeamRole
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.employment import make_employer, make_follow_up, make_job, make_outflow
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user
from tests.reports.conftest import API, Auth

START = date(2024, 1, 1)


@pytest.fixture
def golden(session: Session, auth: Auth) -> dict[str, Any]:
    home = make_organisation(session, name="Golden")
    manager = make_user(session, home, role=Role.MANAGER)
    employer = make_employer(session, home)
    people = {}
    for letter in "ABCDEF":
        person = make_participant(session, home, first_name=letter, last_name="Golden")
        people[letter] = (person, make_trajectory(session, person, started_on=START))

    def paid(
        letter: str, on: date, hours: str, instrument: SupportInstrument, category: Any
    ) -> Any:
        person, trajectory = people[letter]
        job = make_job(
            session,
            person,
            employer,
            start_date=on,
            hours_per_week=Decimal(hours),
            support_instrument=instrument,
        )
        return make_outflow(session, trajectory, category=category, on=on, job_id=job.id)

    a = paid("A", date(2024, 3, 1), "20", SupportInstrument.NONE, OutflowCategory.REGULAR_JOB)
    b = paid(
        "B",
        date(2024, 4, 30),
        "30",
        SupportInstrument.COLLECTIVE_MAATWERK,
        OutflowCategory.COLLECTIVE_MAATWERK,
    )
    make_outflow(session, people["C"][1], category=OutflowCategory.DROP_OUT, on=date(2024, 2, 1))
    make_outflow(session, people["D"][1], category=OutflowCategory.MOVED, on=date(2024, 4, 1))
    make_job(
        session,
        people["F"][0],
        employer,
        trajectory_id=people["F"][1].id,
        start_date=date(2024, 1, 31),
        hours_per_week=Decimal("38"),
    )
    for outflow, answers in (
        (a, ("same_job", "unknown", None)),
        (b, ("not_working", "same_job", "other_job")),
    ):
        for months, answer in zip((3, 6, 12), answers, strict=True):
            due = date(
                outflow.date.year + (outflow.date.month + months - 1) // 12,
                (outflow.date.month + months - 1) % 12 + 1,
                1,
            )
            make_follow_up(
                session,
                outflow,
                months_after=months,
                due_on=due,
                contacted_on=due if answer else None,
                status=FollowUpStatus(answer) if answer else None,
                source=FollowUpSource.EMPLOYER if answer and answer != "unknown" else None,
            )
    sara = make_user(session, home, role=Role.MEDIATOR, name="Sara Golden")
    cas = make_user(session, home, role=Role.COACH, name="Cas Golden")
    tom = make_user(session, home, role=Role.COUNSELLOR, name="Tom Golden")
    olga = make_user(session, make_organisation(session, name="Elders"), role=Role.MEDIATOR)
    for _, trajectory in people.values():
        add_team_member(session, trajectory, sara, team_role=TeamRole.CASE_MANAGER_WORK)
    e, f = people["E"][1], people["F"][1]
    add_team_member(session, e, cas, team_role=TeamRole.COACH)
    tom_on_e = add_team_member(session, e, tom, team_role=TeamRole.CASE_MANAGER_CARE)
    tom_on_e.to_date = date(2024, 12, 31)
    add_team_member(session, f, olga, team_role=TeamRole.CASE_MANAGER_WORK)
    session.commit()
    return {"headers": auth(manager), "people": people, "staff": {"sara": sara, "cas": cas}}


def test_the_hand_made_year_gives_the_hand_made_figures(
    client: TestClient, golden: dict[str, Any]
) -> None:
    response = client.get(
        f"{API}/indicators",
        params={"from": "2024-01-01", "to": "2024-12-31"},
        headers=golden["headers"],
    )
    assert response.status_code == 200, response.text
    (group,) = response.json()["groups"]
    flow, cohort, retention, jobs = (
        group["flow"],
        group["cohort"],
        group["retention"],
        group["jobs"],
    )

    assert flow["trajectories_started"] == 6
    assert flow["exits"]["total"] == 4
    assert flow["exits"]["counted"] == 3  # D moved
    assert flow["doorstroom_rate"] == {"numerator": 2, "denominator": 3, "value": 0.6667}
    assert flow["doorstroom_rate_ips"] == {"numerator": 1, "denominator": 3, "value": 0.3333}
    assert flow["drop_out_rate"] == {"numerator": 1, "denominator": 3, "value": 0.3333}
    assert flow["positive_exit_rate"]["numerator"] == 2
    # Kaplan-Meier over 6: S(30) = 5/6, S(60) = 5/6 x 4/5 = 4/6, S(120) = 4/6 x 3/4 = 1/2.
    assert cohort["time_to_paid_work"] == {
        "unit": "days",
        "median": 120,
        "q1": 60,
        "q3": None,
        "n": 6,
        "events": 3,
        "censored": 3,
    }
    # 1 July and 1 January 2025 are long past: nobody is censored; F, A, B are in time.
    assert cohort["paid_work_within"]["6"] == {
        "numerator": 3,
        "denominator": 6,
        "value": 0.5,
        "censored": 0,
    }
    # A: working; B: not working. After 6: A "unknown", B working. After 12: A overdue.
    assert retention["3"] == {
        "numerator": 1,
        "denominator": 2,
        "value": 0.5,
        "unknown": 0,
        "pending": 0,
    }
    assert retention["6"] == {
        "numerator": 1,
        "denominator": 1,
        "value": 1.0,
        "unknown": 1,
        "pending": 0,
    }
    assert retention["12"]["unknown"] == 1 and retention["12"]["numerator"] == 1
    # Jobs begun in 2024: F 38 h (31 Jan), A 20 h, B 30 h (maatwerk, not competitive).
    assert jobs["jobs_started"] == 3
    assert jobs["hours_per_week"]["median"] == "30.00"
    assert jobs["twenty_hours_or_more"] == {"numerator": 3, "denominator": 3, "value": 1.0}
    assert jobs["competitive_share"] == {"numerator": 2, "denominator": 3, "value": 0.6667}


def test_the_hand_made_year_opens_on_the_two_who_left_for_paid_work(
    client: TestClient, golden: dict[str, Any]
) -> None:
    response = client.get(
        f"{API}/indicators/exits_paid/trajectories",
        params={"from": "2024-01-01", "to": "2024-12-31"},
        headers=golden["headers"],
    )
    assert response.status_code == 200, response.text
    names = sorted(item["participant_name"] for item in response.json()["items"])
    assert names == ["A Golden", "B Golden"]


def test_the_hand_made_year_carries_the_hand_made_caseloads(
    client: TestClient, golden: dict[str, Any]
) -> None:
    def staff_on(day: str) -> list[tuple[str, str, str, int]]:
        response = client.get(
            f"{API}/caseloads", params={"from": "2024-01-01", "to": day}, headers=golden["headers"]
        )
        assert response.status_code == 200, response.text
        return [
            (row["name"], row["organisation_name"], row["role"], row["trajectories"])
            for row in response.json()["staff"]
        ]

    # 31 December: only E and F still run. Tom's membership stopped that day; Olga is not of
    # an organisation the manager reports on.
    assert staff_on("2024-12-31") == [
        ("Sara Golden", "Golden", "mediator", 2),
        ("Cas Golden", "Golden", "coach", 1),
    ]
    # 15 February: C left on 1 February; A, B, D, E and F run. Tom is still on E.
    assert staff_on("2024-02-15") == [
        ("Sara Golden", "Golden", "mediator", 5),
        ("Cas Golden", "Golden", "coach", 1),
        ("Tom Golden", "Golden", "counsellor", 1),
    ]


def test_the_hand_made_year_opens_each_destination_on_its_own_people(
    client: TestClient, golden: dict[str, Any]
) -> None:
    def names(category: str) -> list[str]:
        response = client.get(
            f"{API}/indicators/exits_in_category/trajectories",
            params={"from": "2024-01-01", "to": "2024-12-31", "category": category},
            headers=golden["headers"],
        )
        assert response.status_code == 200, response.text
        return sorted(item["participant_name"] for item in response.json()["items"])

    assert names("regular_job") == ["A Golden"]
    assert names("collective_maatwerk") == ["B Golden"]
    assert names("drop_out") == ["C Golden"]
    assert names("moved") == ["D Golden"]
    assert names("back_to_care") == []
