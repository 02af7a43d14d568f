from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.outflow.categories import OutflowCategory
from app.outflow.models import FollowUp, Outflow
from app.trajectories.models import Trajectory
from tests.clock import today
from tests.employment.conftest import Auth, error_fields, if_match
from tests.factories.employment import make_follow_up, make_outflow


def outflow_day() -> date:
    return today() - timedelta(days=100)


def follow_ups_of(trajectory: Trajectory) -> str:
    return f"/api/v1/trajectories/{trajectory.id}/follow-ups"


def follow_up_url(follow_up: FollowUp) -> str:
    return f"/api/v1/follow-ups/{follow_up.id}"


def follow_up_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(FollowUp)) or 0


@pytest.fixture
def outflow(session: Session, trajectory: Trajectory) -> Outflow:
    return make_outflow(
        session, trajectory, category=OutflowCategory.SELF_EMPLOYED, on=outflow_day()
    )


@pytest.fixture
def follow_up(session: Session, outflow: Outflow) -> FollowUp:
    return make_follow_up(
        session, outflow, months_after=3, due_on=outflow_day() + timedelta(days=91)
    )


def test_recording_the_contact_of_a_scheduled_follow_up(
    client: TestClient, auth: Auth, mediator: User, follow_up: FollowUp
) -> None:
    response = client.patch(
        follow_up_url(follow_up),
        json={
            "contacted_on": today().isoformat(),
            "status": "same_job",
            "hours_per_week": 26,
            "source": "employer",
            "note": "Werkt nu ook op zaterdag",
        },
        headers={**auth(mediator), **if_match(follow_up.version)},
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["hours_per_week"], body["source"]) == ("same_job", 26, "employer")
    assert body["months_after"] == 3
    assert response.headers["ETag"] == f'"{follow_up.version + 1}"'


def test_unknown_status_needs_no_source(
    client: TestClient, auth: Auth, mediator: User, follow_up: FollowUp
) -> None:
    response = client.patch(
        follow_up_url(follow_up),
        json={"contacted_on": today().isoformat(), "status": "unknown"},
        headers={**auth(mediator), **if_match(follow_up.version)},
    )

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "unknown"


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"status": "same_job", "source": "vdab"}, {"contacted_on"}),
        ({"contacted_on": "TODAY"}, {"status"}),
        ({"contacted_on": "TODAY", "status": "other_job"}, {"source"}),
        (
            {
                "contacted_on": "TODAY",
                "status": "not_working",
                "source": "vdab",
                "hours_per_week": 8,
            },
            {"hours_per_week"},
        ),
        ({"contacted_on": "TOMORROW", "status": "unknown"}, {"contacted_on"}),
        ({"contacted_on": "BEFORE_OUTFLOW", "status": "unknown"}, {"contacted_on"}),
        ({"status": "working"}, {"status"}),
        ({"source": "neighbour"}, {"source"}),
        ({"hours_per_week": 61}, {"hours_per_week"}),
        ({"due_on": None}, {"due_on"}),
        ({"trajectory_id": "x"}, {"trajectory_id"}),
    ],
)
def test_inconsistent_or_invalid_follow_up_is_422_on_the_field(
    client: TestClient,
    auth: Auth,
    mediator: User,
    follow_up: FollowUp,
    body: dict[str, Any],
    fields: set[str],
) -> None:
    days = {
        "TODAY": today(),
        "TOMORROW": today() + timedelta(days=1),
        "BEFORE_OUTFLOW": outflow_day() - timedelta(days=1),
    }
    body = {k: days[v].isoformat() if v in days else v for k, v in body.items()}

    response = client.patch(
        follow_up_url(follow_up),
        json=body,
        headers={**auth(mediator), **if_match(follow_up.version)},
    )

    assert response.status_code == 422, response.text
    assert error_fields(response) == fields


def test_clearing_a_recorded_contact_clears_it_whole(
    client: TestClient, auth: Auth, mediator: User, session: Session, outflow: Outflow
) -> None:
    recorded = make_follow_up(
        session,
        outflow,
        contacted_on=today(),
        status="same_job",
        source="self_report",
    )

    response = client.patch(
        follow_up_url(recorded),
        json={"contacted_on": None, "status": None, "source": None},
        headers={**auth(mediator), **if_match(recorded.version)},
    )

    assert response.status_code == 200, response.text
    assert response.json()["status"] is None


def test_an_extra_follow_up_can_be_added_after_the_outflow(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory, outflow: Outflow
) -> None:
    response = client.post(
        follow_ups_of(trajectory),
        json={
            "due_on": today().isoformat(),
            "contacted_on": today().isoformat(),
            "status": "other_job",
            "source": "self_report",
            "hours_per_week": 30,
        },
        headers=auth(mediator),
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["months_after"] is None
    assert body["outflow_id"] == str(outflow.id)
    assert response.headers["Location"] == f"/api/v1/follow-ups/{body['id']}"
    assert client.get(response.headers["Location"], headers=auth(mediator)).json() == body


def test_an_extra_follow_up_before_any_outflow_is_409(
    client: TestClient, auth: Auth, mediator: User, session: Session, trajectory: Trajectory
) -> None:
    response = client.post(
        follow_ups_of(trajectory), json={"due_on": today().isoformat()}, headers=auth(mediator)
    )

    assert response.status_code == 409
    assert follow_up_count(session) == 0


def test_an_extra_follow_up_due_before_the_outflow_is_422_on_due_on(
    client: TestClient, auth: Auth, mediator: User, trajectory: Trajectory, outflow: Outflow
) -> None:
    response = client.post(
        follow_ups_of(trajectory),
        json={"due_on": (outflow_day() - timedelta(days=1)).isoformat()},
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert error_fields(response) == {"due_on"}


def test_follow_ups_are_listed_by_due_date(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    trajectory: Trajectory,
    outflow: Outflow,
) -> None:
    late = make_follow_up(
        session, outflow, months_after=12, due_on=outflow_day() + timedelta(days=365)
    )
    early = make_follow_up(
        session, outflow, months_after=3, due_on=outflow_day() + timedelta(days=91)
    )

    ascending = client.get(follow_ups_of(trajectory), headers=auth(mediator))
    descending = client.get(
        follow_ups_of(trajectory), params={"sort": "-due_on"}, headers=auth(mediator)
    )

    assert [f["id"] for f in ascending.json()["items"]] == [str(early.id), str(late.id)]
    assert [f["id"] for f in descending.json()["items"]] == [str(late.id), str(early.id)]


def test_manager_reads_follow_ups_but_may_not_record_them(
    client: TestClient,
    auth: Auth,
    manager: User,
    trajectory: Trajectory,
    follow_up: FollowUp,
) -> None:
    listed = client.get(follow_ups_of(trajectory), headers=auth(manager))
    posted = client.post(
        follow_ups_of(trajectory), json={"due_on": today().isoformat()}, headers=auth(manager)
    )
    patched = client.patch(
        follow_up_url(follow_up),
        json={"due_on": today().isoformat()},
        headers={**auth(manager), **if_match(follow_up.version)},
    )

    assert listed.status_code == 200
    assert (posted.status_code, patched.status_code) == (403, 403)


def test_coach_may_record_a_follow_up_contact(
    client: TestClient, auth: Auth, coach: User, follow_up: FollowUp
) -> None:
    response = client.patch(
        follow_up_url(follow_up),
        json={"contacted_on": today().isoformat(), "status": "unknown"},
        headers={**auth(coach), **if_match(follow_up.version)},
    )

    assert response.status_code == 200


def test_patch_needs_a_current_if_match(
    client: TestClient, auth: Auth, mediator: User, follow_up: FollowUp
) -> None:
    body = {"due_on": today().isoformat()}

    missing = client.patch(follow_up_url(follow_up), json=body, headers=auth(mediator))
    stale = client.patch(
        follow_up_url(follow_up),
        json=body,
        headers={**auth(mediator), **if_match(follow_up.version + 1)},
    )

    assert (missing.status_code, stale.status_code) == (428, 412)


def test_another_organisation_gets_404_on_every_follow_up_route(
    client: TestClient,
    auth: Auth,
    outsider: User,
    session: Session,
    trajectory: Trajectory,
    follow_up: FollowUp,
) -> None:
    headers = auth(outsider)

    responses = [
        client.get(follow_ups_of(trajectory), headers=headers),
        client.post(
            follow_ups_of(trajectory), json={"due_on": today().isoformat()}, headers=headers
        ),
        client.get(follow_up_url(follow_up), headers=headers),
        client.patch(
            follow_up_url(follow_up),
            json={"due_on": today().isoformat()},
            headers={**headers, **if_match(follow_up.version)},
        ),
    ]

    assert [r.status_code for r in responses] == [404] * 4
    assert follow_up_count(session) == 1
