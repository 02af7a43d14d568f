"""After an erasure on request the de-identified record stays for the figures, but nothing new
may be written about the person: a new text would bring back what the erasure removed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.core.config import Settings
from app.employment.models import Internship, Job
from app.notes.models import Note
from app.organisations.models import Organisation
from app.outflow.models import FollowUp
from app.progress.models import Goal, ProgressLog
from tests.clock import today
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers
from tests.retention.support import API, CaseFile, erasure_url, make_canary, make_case_file


def closed_on() -> date:
    return today() - timedelta(days=30)


def on() -> str:
    return (closed_on() - timedelta(days=3)).isoformat()


@pytest.fixture
def owner(session: Session) -> Organisation:
    return make_organisation(session, name="Werkplaats Eigenaar")


@pytest.fixture
def erased(
    client: TestClient, session: Session, settings: Settings, owner: Organisation
) -> CaseFile:
    case = make_case_file(session, owner, make_canary(session, owner), closed_on=closed_on())
    admin = make_user(session, owner, role=Role.ADMIN)
    response = client.post(
        erasure_url(case.participant.id),
        json={"reason": "Verzoek per brief, dossier AVG-2026-020"},
        headers=token_headers(admin, settings),
    )
    assert response.status_code == 200, response.text
    return case


def writes(case: CaseFile) -> dict[str, tuple[str, str, dict[str, object]]]:
    participant, trajectory = f"{API}/participants/{case.participant.id}", case.trajectory.id
    return {
        "participant edit": ("PATCH", participant, {"email": "terug@example.org"}),
        "benefit status": (
            "POST",
            f"{participant}/benefit-statuses",
            {"kind": "leefloon", "valid_from": on()},
        ),
        "consent": (
            "POST",
            f"{participant}/consents",
            {
                "receiving_organisation_id": str(case.floor.organisation_id),
                "data_classes": ["work"],
                "given_on": on(),
                "method": "written",
                "information_text_version": "2026-1",
                "purpose": "Opnieuw samenwerken",
            },
        ),
        "new trajectory": (
            "POST",
            f"{API}/trajectories",
            {
                "participant_id": str(case.participant.id),
                "framework_code": "ips",
                "referred_on": on(),
            },
        ),
        "note": (
            "POST",
            f"{API}/trajectories/{trajectory}/notes",
            {"visibility": "team", "body": "Canarius belde terug", "written_on": on()},
        ),
        "progress log": (
            "POST",
            f"{API}/trajectories/{trajectory}/progress-logs",
            {"logged_on": on(), "text": "Canarius werkte goed"},
        ),
    }


def test_nothing_new_is_written_about_an_erased_person(
    client: TestClient, settings: Settings, erased: CaseFile
) -> None:
    headers = {**token_headers(erased.author, settings), "If-Match": '"2"'}
    answers = {}
    for name, (method, url, body) in writes(erased).items():
        response = client.request(method, url, json=body, headers=headers)
        answers[name] = (response.status_code, response.json().get("detail", ""))

    assert {name: status for name, (status, _) in answers.items()} == dict.fromkeys(
        writes(erased), 409
    ), answers
    assert all("erased" in detail or "de-identified" in detail for _, detail in answers.values())


@pytest.mark.parametrize(
    ("model", "path", "body"),
    [
        (Note, "notes", {"body": "Canarius belde terug"}),
        (Goal, "goals", {"description": "Canarius zoekt werk"}),
        (ProgressLog, "progress-logs", {"text": "Canarius werkte goed"}),
        (Internship, "internships", {"mentor_name": "Canarius' mentor"}),
        (Job, "jobs", {"occupation": "Canarius' job"}),
        (FollowUp, "follow-ups", {"note": "Canarius werkt nog"}),
    ],
)
def test_no_record_of_an_erased_person_is_edited(
    client: TestClient,
    session: Session,
    settings: Settings,
    erased: CaseFile,
    model: type[Any],
    path: str,
    body: dict[str, str],
) -> None:
    record = session.scalars(select(model).order_by(model.id)).first()
    assert record is not None
    headers = {**token_headers(erased.author, settings), "If-Match": f'"{record.version}"'}

    response = client.patch(f"{API}/{path}/{record.id}", json=body, headers=headers)

    assert response.status_code == 409, response.text


def test_the_erased_record_can_still_be_read(
    client: TestClient, settings: Settings, erased: CaseFile
) -> None:
    headers = token_headers(erased.author, settings)
    participant = client.get(f"{API}/participants/{erased.participant.id}", headers=headers)
    trajectory = client.get(f"{API}/trajectories/{erased.trajectory.id}", headers=headers)

    assert participant.status_code == 200 and participant.json()["first_name"] == "Gewist"
    assert trajectory.status_code == 200
