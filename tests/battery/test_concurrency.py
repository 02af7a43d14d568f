"""Battery item 4: twenty people save the same version at once. Exactly one wins, the other
nineteen get 412 and nothing they sent is written; without If-Match the answer is 428."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.core.config import Settings
from app.notes.models import Note, Visibility
from app.participants.models import Participant
from app.progress.models import Goal
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.organisations import make_organisation
from tests.factories.progress import make_goal
from tests.factories.users import make_user, token_headers
from tests.figures import report

WRITERS = 20


@dataclass
class Race:
    path: str
    headers: dict[str, str]
    body_of: Callable[[int], dict[str, Any]]
    # What the stored row says about which writer won (None: the row is unchanged).
    stored_mark: Callable[[Session], str]
    mark_of: Callable[[dict[str, Any]], str]


def _races(session: Session, settings: Settings) -> dict[str, Race]:
    organisation = make_organisation(session)
    mediator = make_user(session, organisation, role=Role.MEDIATOR)
    participant = make_participant(session, organisation)
    trajectory = make_trajectory(session, participant, organisation)
    add_team_member(session, trajectory, mediator)
    goal = make_goal(session, trajectory)
    note = Note(
        trajectory_id=trajectory.id,
        author_id=mediator.id,
        author_organisation_id=organisation.id,
        visibility=Visibility.TEAM,
        written_on=trajectory.referred_on,
        body="eerste versie",
    )
    session.add(note)
    session.commit()
    headers = token_headers(mediator, settings)

    def stored(model: Any, object_id: Any, column: str) -> Callable[[Session], str]:
        def read(s: Session) -> str:
            s.expire_all()
            return str(getattr(s.get(model, object_id), column))

        return read

    return {
        "participant": Race(
            f"/api/v1/participants/{participant.id}",
            headers,
            lambda n: {"preferred_name": f"Schrijver{n:02d}"},
            stored(Participant, participant.id, "preferred_name"),
            lambda body: body["preferred_name"],
        ),
        "goal": Race(
            f"/api/v1/goals/{goal.id}",
            headers,
            lambda n: {"description": f"Doel van schrijver {n:02d}"},
            stored(Goal, goal.id, "description"),
            lambda body: body["description"],
        ),
        "note": Race(
            f"/api/v1/notes/{note.id}",
            headers,
            lambda n: {"body": f"Notitie van schrijver {n:02d}"},
            stored(Note, note.id, "body"),
            lambda body: body["body"],
        ),
    }


@pytest.mark.parametrize("kind", ["participant", "goal", "note"])
def test_twenty_parallel_saves_of_one_version_give_one_success_and_nineteen_412(
    kind: str, client: TestClient, session: Session, settings: Settings
) -> None:
    race = _races(session, settings)[kind]
    current = client.get(race.path, headers=race.headers)
    assert current.status_code == 200, current.text
    version = current.headers["etag"]
    start = threading.Barrier(WRITERS)

    def save(n: int) -> httpx.Response:
        start.wait()
        return client.patch(
            race.path, json=race.body_of(n), headers={**race.headers, "If-Match": version}
        )

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        responses = list(pool.map(save, range(WRITERS)))

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [412] * (WRITERS - 1), statuses
    for response in responses:
        if response.status_code == 412:
            assert response.headers["content-type"] == "application/problem+json"
    (winner,) = [r for r in responses if r.status_code == 200]
    # The row holds the winner's text: no loser overwrote it after the fact.
    assert race.stored_mark(session) == race.mark_of(winner.json())
    after = client.get(race.path, headers=race.headers)
    assert after.headers["etag"] == winner.headers["etag"] != version
    report(f"{kind}: {WRITERS} parallel saves → 1 × 200, {statuses.count(412)} × 412")


@pytest.mark.parametrize("kind", ["participant", "goal", "note"])
def test_a_save_without_if_match_is_428_and_changes_nothing(
    kind: str, client: TestClient, session: Session, settings: Settings
) -> None:
    race = _races(session, settings)[kind]
    before = race.stored_mark(session)
    response = client.patch(race.path, json=race.body_of(99), headers=race.headers)
    assert response.status_code == 428, response.text
    assert race.stored_mark(session) == before
